#include "config.h"

#include "base/num.h"
#include "ui/explore_names.h"
#include "ui/scenario_file.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "load/inputopts.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void scenario_file_init(scenario_file_t *sf)
{
    memset(sf, 0, sizeof *sf);
    sf->version = SCENARIO_FILE_VERSION;
    sf->scenario = model_default_scenario();
    sf->point.share = sf->baseline.share = NAN;
    sf->position = NAN;
    sf->baseline_position = NAN;
    sf->input = (input_opts_t)INPUT_OPTS_INIT;
    sf->interval = STATS_WILSON;
}

const char *scenario_file_set_option(scenario_file_t *sf, const char *name, const char *value, long line)
{
    char *kept = xstrdup(value);
    const char *why = inputopts_set(&sf->input, name, kept);
    if (why) {
        free(kept);
        return why;
    }
    sf->options = xrealloc(sf->options, (sf->noptions + 1) * sizeof *sf->options);
    sf->options[sf->noptions++] = (struct scenario_option){xstrdup(name), kept, line};
    return NULL;
}

long scenario_file_option_line(const scenario_file_t *sf, const char *name)
{
    if (strcmp(name, "interval") == 0)
        return sf->interval_line;
    for (size_t i = 0; i < sf->noptions; i++)
        if (strcmp(sf->options[i].name, name) == 0)
            return sf->options[i].line;
    return 0;
}

void scenario_file_free(scenario_file_t *sf)
{
    for (int i = 0; i < sf->nfiles; i++) {
        free(sf->files[i]);
        if (sf->sha256)
            free(sf->sha256[i]);
    }
    free(sf->files);
    free(sf->sha256);
    free(sf->point.name);
    free(sf->point.mix);
    free(sf->baseline.name);
    free(sf->baseline.mix);
    for (size_t i = 0; i < sf->noptions; i++) {
        free(sf->options[i].name);
        free(sf->options[i].value);
    }
    free(sf->options);
    inputopts_free(&sf->input);
    free(sf->series);
    free(sf->group);
    free(sf->baseline_series);
    free(sf->baseline_group);
    free(sf->sort);
    free(sf->scales);
    free(sf->focus);
    memset(sf, 0, sizeof *sf);
}

const char *scenario_parse_bound(const char *s, bound_t *out)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (strcasecmp(s, "none") == 0) {
        out->max = INFINITY;
        out->inclusive = true;
        return NULL;
    }
    bool inclusive = false;
    if (strncmp(s, "<=", 2) == 0)
        inclusive = true, s += 2;
    else if (*s == '<')
        s++;
    double v;
    if (num_parse_percent(s, &v) != NULL)
        return "expected a bound such as \"< 0.5%\", \"<= 2%\" or \"none\"";
    out->max = v;
    out->inclusive = inclusive;
    return NULL;
}

void scenario_format_bound(sb_t *out, bound_t b)
{
    if (!isfinite(b.max)) {
        sb_puts(out, "none");
        return;
    }
    char n[48];
    sb_printf(out, "%s %s%%", b.inclusive ? "<=" : "<", num_format_json(b.max * 100.0, n, sizeof n));
}

/* --- reading ------------------------------------------------------------ */

typedef struct {
    const char *name;
    long line;
    diag_t *d;
} where_t;

/* At most this many code points of a bad value are shown in a message. */
enum { SHOWN_VALUE_MAX = 40 };

/* `value` sanitised, and cut after SHOWN_VALUE_MAX code points with "..."
 * (never inside a UTF-8 character), so a message stays short and valid. */
static char *shown_value(const char *value)
{
    char *clean = text_sanitize(value, strlen(value));
    size_t cut = 0;
    int points = 0;
    while (clean[cut]) {
        if (((unsigned char)clean[cut] & 0xC0) != 0x80 && points++ == SHOWN_VALUE_MAX)
            break;
        cut++;
    }
    if (!clean[cut])
        return clean;
    sb_t sb = SB_INIT;
    sb_putn(&sb, clean, cut);
    sb_puts(&sb, "...");
    free(clean);
    return sb_detach(&sb);
}

static int fail(const where_t *w, int col, const char *fmt, const char *value)
{
    char *shown = shown_value(value);
    sb_t msg = SB_INIT; /* no fixed buffer: it would cut a character in two */
    sb_printf(&msg, fmt, shown);
    diag_error(w->d, "%s:%ld:%d: %s", w->name, w->line, col, sb_str(&msg));
    sb_free(&msg);
    free(shown);
    return -1;
}

/* A message with no value in it. */
static int fail_at(const where_t *w, int col, const char *msg)
{
    diag_error(w->d, "%s:%ld:%d: %s", w->name, w->line, col, msg);
    return -1;
}

/* "KEY 'VALUE': WHY", the reason a parser of num.h gave. */
static int fail_why(const where_t *w, int col, const char *key, const char *value, const char *why)
{
    char *shown = shown_value(value);
    diag_error(w->d, "%s:%ld:%d: %s '%s': %s", w->name, w->line, col, key, shown, why);
    free(shown);
    return -1;
}

/* "KEY 'VALUE': expected CHOICES" (the choices hold no '%'). */
static int fail_choice(const where_t *w, int col, const char *key, const char *value, const char *choices)
{
    sb_t fmt = SB_INIT;
    sb_printf(&fmt, "%s '%%s': expected %s", key, choices);
    int rc = fail(w, col, sb_str(&fmt), value);
    sb_free(&fmt);
    return rc;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static char *resolve(const char *dir, const char *path)
{
    if (path[0] == '/' || !dir || strcmp(dir, ".") == 0)
        return xstrdup(path);
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%s/%s", dir, path);
    return sb_detach(&sb);
}

static bool one_of(const char *v, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strcmp(v, words[i]) == 0)
            return true;
    return false;
}

const char *const scenario_focus_names[] = {"threshold", "volume", "adversarial-share", "cost-refusal",
                                            "cost-harm", "policy", "asr-bound", "orr-bound", "list", NULL};

/* Keys that may appear once; `file` may repeat. */
static const char *const KEYS[] = {"tradeoff-scenario", "volume", "adversarial-share", "cost-refusal",
                                   "cost-harm", "policy", "asr-bound", "orr-bound", "series",
                                   "position", "baseline-series", "baseline-position", "sort",
                                   "scales", "focus", "group", "baseline-group", "interval",
                                   "point", "point-mix", "point-share", "baseline", "baseline-mix",
                                   "baseline-share", NULL};

/* A SHA-256 as hex: 64 hex digits. */
static bool is_sha256(const char *v)
{
    size_t n = 0;
    while (v[n] && strchr("0123456789abcdefABCDEF", v[n]))
        n++;
    return n == 64 && !v[n];
}

static int apply(scenario_file_t *sf, const where_t *w, const char *dir, const char *key,
                 const char *value, int vcol)
{
    const char *why = NULL;
    scenario_t *s = &sf->scenario;
    if (strcmp(key, "tradeoff-scenario") == 0) {
        if (strcmp(value, "1") != 0 && strcmp(value, "2") != 0 && strcmp(value, "3") != 0)
            return fail(w, vcol, "version '%s' is not supported; expected 1, 2 or 3", value);
        sf->version = value[0] - '0';
    } else if (inputopts_known(key)) {
        if ((why = scenario_file_set_option(sf, key, value, w->line)))
            return fail_why(w, vcol, key, value, why);
    } else if (strcmp(key, "interval") == 0) {
        if (!stats_parse_method(value, &sf->interval))
            return fail_choice(w, vcol, "interval", value, stats_method_choices());
        sf->has_interval = true;
        sf->interval_line = w->line;
    } else if (strcmp(key, "file") == 0) {
        if (!*value)
            return fail(w, vcol, "expected a file path%s", "");
        sf->files = xrealloc(sf->files, sizeof *sf->files * (size_t)(sf->nfiles + 1));
        sf->sha256 = xrealloc(sf->sha256, sizeof *sf->sha256 * (size_t)(sf->nfiles + 1));
        sf->sha256[sf->nfiles] = NULL;
        sf->files[sf->nfiles++] = resolve(dir, value);
    } else if (strcmp(key, "sha256") == 0) {
        if (sf->nfiles == 0 || sf->sha256[sf->nfiles - 1])
            return fail(w, vcol, "'%s': expected a sha256 line right after the file line it is of", value);
        if (!is_sha256(value))
            return fail(w, vcol, "'%s': expected a SHA-256 of 64 hex digits", value);
        sf->sha256[sf->nfiles - 1] = xstrdup(value);
    } else if (strcmp(key, "point") == 0 || strcmp(key, "baseline") == 0) {
        scenario_point_t *to = key[0] == 'p' ? &sf->point : &sf->baseline;
        if (!*value)
            return fail(w, vcol, "expected a point name%s", "");
        to->name = xstrdup(value);
    } else if (strcmp(key, "point-mix") == 0 || strcmp(key, "baseline-mix") == 0) {
        scenario_point_t *to = key[0] == 'p' ? &sf->point : &sf->baseline;
        to->mix = xstrdup(value);
    } else if (strcmp(key, "point-share") == 0 || strcmp(key, "baseline-share") == 0) {
        scenario_point_t *to = key[0] == 'p' ? &sf->point : &sf->baseline;
        if ((why = num_parse_percent(value, &to->share)))
            return fail_why(w, vcol, key, value, why);
    } else if (strcmp(key, "volume") == 0) {
        if ((why = num_parse_count(value, &s->volume)))
            return fail_why(w, vcol, key, value, why);
    } else if (strcmp(key, "adversarial-share") == 0) {
        if ((why = num_parse_percent(value, &s->adv_share)))
            return fail_why(w, vcol, key, value, why);
    } else if (strcmp(key, "cost-refusal") == 0 || strcmp(key, "cost-harm") == 0) {
        double *to = key[5] == 'r' ? &s->cost_refusal : &s->cost_harm;
        if ((why = num_parse_amount(value, to)))
            return fail_why(w, vcol, key, value, why);
    } else if (strcmp(key, "policy") == 0) {
        if (strcmp(value, "custom") == 0) {
            policy_find("none", &s->policy);
            snprintf(s->policy.key, sizeof s->policy.key, "custom");
            snprintf(s->policy.label, sizeof s->policy.label, "custom policy");
        } else if (!policy_find(value, &s->policy))
            return fail(w, vcol, "policy '%s': expected consumer, enterprise, high-risk, none or custom", value);
    } else if (strcmp(key, "asr-bound") == 0 || strcmp(key, "orr-bound") == 0) {
        bound_t b;
        if ((why = scenario_parse_bound(value, &b)))
            return fail(w, vcol, "'%s': expected a bound such as \"< 0.5%%\", \"<= 2%%\" or \"none\"", value);
        bound_t *to = key[0] == 'a' ? &s->policy.asr : &s->policy.orr;
        if (to->max != b.max || to->inclusive != b.inclusive) {
            *to = b;
            snprintf(s->policy.key, sizeof s->policy.key, "custom");
            snprintf(s->policy.label, sizeof s->policy.label, "custom policy");
        }
    } else if (strcmp(key, "series") == 0 || strcmp(key, "baseline-series") == 0) {
        char **to = key[0] == 's' ? &sf->series : &sf->baseline_series;
        *to = xstrdup(value);
    } else if (strcmp(key, "group") == 0 || strcmp(key, "baseline-group") == 0) {
        char **to = key[0] == 'g' ? &sf->group : &sf->baseline_group;
        *to = xstrdup(value);
    } else if (strcmp(key, "position") == 0 || strcmp(key, "baseline-position") == 0) {
        double v;
        if (num_parse_decimal(value, &v) != NULL || v < 0)
            return fail(w, vcol, "'%s': expected a position along the series, 0 or more (1.5 is halfway between the 2nd and 3rd point)", value);
        *(key[0] == 'p' ? &sf->position : &sf->baseline_position) = v;
    } else if (strcmp(key, "sort") == 0) {
        explore_sort_t sort;
        if (!explore_sort_parse(value, &sort))
            return fail_choice(w, vcol, "sort", value, explore_sort_choices());
        sf->sort = xstrdup(value);
    } else if (strcmp(key, "scales") == 0) {
        chart_scale_t scale;
        if (!explore_scale_parse(value, &scale))
            return fail_choice(w, vcol, "scales", value, explore_scale_choices());
        sf->scales = xstrdup(value);
    } else if (strcmp(key, "focus") == 0) {
        if (!one_of(value, scenario_focus_names))
            return fail(w, vcol, "focus '%s': expected threshold, volume, adversarial-share, cost-refusal, "
                                 "cost-harm, policy, asr-bound, orr-bound or list", value);
        sf->focus = xstrdup(value);
    }
    return 0;
}

/* The value of a line, from `raw` (trimmed): a quoted one read back
 * byte for byte (text_quote), anything else as it is. Names other than
 * paths and reading options are sanitised, as the names of loaded series are, so that they
 * can match; unquoted, they are trimmed again. NULL, with the error
 * recorded, when a quoted value is malformed. */
static char *line_value(const where_t *w, const char *key, const char *raw, int vcol)
{
    char *value;
    bool quoted = raw[0] == '"';
    if (quoted) {
        const char *end;
        size_t at = 0;
        const char *why = text_unquote(raw, &value, &end, &at);
        if (why) {
            fail_at(w, vcol + (int)at, why);
            return NULL;
        }
        if (*end) {
            free(value);
            fail(w, vcol + (int)(end - raw), "'%s': expected nothing after the closing quote", end);
            return NULL;
        }
    } else {
        value = xstrdup(raw);
    }
    /* Paths and how files were read: byte for byte (a column's name is
     * matched as it is). */
    if (strcmp(key, "file") == 0 || inputopts_known(key))
        return value;
    char *clean = text_sanitize(value, strlen(value));
    free(value);
    if (!quoted) {
        char *t = trim(clean);
        memmove(clean, t, strlen(t) + 1);
    }
    return clean;
}

/* "unknown key", with the keys there are. */
static int unknown_key(const where_t *w, int kcol, const char *key)
{
    sb_t fmt = SB_INIT;
    sb_puts(&fmt, "unknown key '%s'; expected file, sha256, volume, adversarial-share, cost-refusal, "
                  "cost-harm, policy, asr-bound, orr-bound, point, point-mix, point-share, baseline, "
                  "baseline-mix, baseline-share, series, position, group, baseline-series, "
                  "baseline-position, baseline-group, sort, scales, focus, interval or how the files "
                  "were read:");
    for (size_t i = 0; inputopts_names[i]; i++)
        sb_printf(&fmt, " %s", inputopts_names[i]);
    int rc = fail(w, kcol, sb_str(&fmt), key);
    sb_free(&fmt);
    return rc;
}

/* One line, "key = value", a comment or blank: 0, or -1 with the error. */
static int parse_line(scenario_file_t *sf, const where_t *w, const char *dir, char *line, bool *seen,
                      bool *versioned)
{
    char *s = trim(line);
    if (!*s || *s == '#')
        return 0;
    char *eq = strchr(s, '=');
    if (!eq)
        return fail(w, (int)(s - line) + 1, "expected 'key = value', found '%s'", s);
    *eq = '\0';
    char *key = trim(s);
    char *raw = trim(eq + 1);
    int kcol = (int)(key - line) + 1, vcol = (int)(raw - line) + 1;
    size_t k = 0;
    while (KEYS[k] && strcmp(KEYS[k], key) != 0)
        k++;
    bool option = inputopts_known(key);
    if (!KEYS[k] && strcmp(key, "file") != 0 && strcmp(key, "sha256") != 0 && !option)
        return unknown_key(w, kcol, key);
    if ((KEYS[k] && seen[k]) || (option && strcmp(key, "where") != 0 && scenario_file_option_line(sf, key)))
        return fail(w, kcol, "'%s' is given twice", key);
    if (KEYS[k])
        seen[k] = true;
    if (k == 0 && KEYS[k])
        *versioned = true;
    char *value = line_value(w, key, raw, vcol);
    if (!value)
        return -1;
    int rc = apply(sf, w, dir, key, value, vcol);
    free(value);
    return rc;
}

int scenario_file_parse(const char *name, const char *dir, const char *text, size_t len,
                        scenario_file_t *sf, diag_t *d)
{
    where_t w = {name, 0, d};
    bool seen[sizeof KEYS / sizeof KEYS[0]] = {false};
    bool versioned = false;
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        w.line++;
        /* A NUL byte would end the line's text where it stands: say so,
         * rather than read a cut line (or skip one that starts with it). */
        const char *nul = memchr(text + i, '\0', end - i);
        if (nul)
            return fail_at(&w, (int)(nul - (text + i)) + 1, "a NUL byte: expected text (a scenario file holds none)");
        char *line = xstrndup(text + i, end - i);
        i = end + 1;
        int rc = parse_line(sf, &w, dir, line, seen, &versioned);
        free(line);
        if (rc != 0)
            return -1;
    }
    if (!versioned) {
        diag_error(d, "%s:1:1: not a tradeoff scenario: expected a line 'tradeoff-scenario = 1'", name);
        return -1;
    }
    return 0;
}

/* The directory relative file paths of the scenario at `path` are read
 * from; NULL for the current one. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path) + (slash == path)) : NULL;
}

int scenario_file_read(const char *path, scenario_file_t *sf, diag_t *d)
{
    char *shown = text_sanitize(path, strlen(path));
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(d, "%s: cannot open the scenario: %s", shown, strerror(errno));
        free(shown);
        return -1;
    }
    sb_t text = SB_INIT;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        sb_putn(&text, buf, n);
        if (text.len > (1u << 20)) {
            diag_error(d, "%s:1:1: too large for a scenario file (over 1 MiB)", shown);
            fclose(f);
            sb_free(&text);
            free(shown);
            return -1;
        }
    }
    bool bad = ferror(f);
    fclose(f);
    int rc = -1;
    if (bad) {
        diag_error(d, "%s: cannot read the scenario", shown);
    } else {
        char *dir = dir_of(path);
        rc = scenario_file_parse(shown, dir, sb_str(&text), text.len, sf, d);
        free(dir);
    }
    sb_free(&text);
    free(shown);
    return rc;
}

/* --- writing ------------------------------------------------------------ */

/* Names and paths are written quoted (text_quote), so that every byte of
 * them reads back: blanks at either end, escape characters, newlines. */
static void put_line(sb_t *out, const char *key, const char *value)
{
    sb_printf(out, "%s = ", key);
    text_quote(out, value);
    sb_putc(out, '\n');
}

/* A reading option's line (inputopts_fn). */
static void put_option(const char *name, const char *value, void *out)
{
    put_line(out, name, value);
}

/* "point = ..." and, for a mix, "point-mix" and "point-share". */
static void put_point(sb_t *out, const char *key, const scenario_point_t *p)
{
    if (!p->name)
        return;
    char k[32], n[64];
    put_line(out, key, p->name);
    if (!p->mix)
        return;
    snprintf(k, sizeof k, "%s-mix", key);
    put_line(out, k, p->mix);
    if (!isnan(p->share))
        sb_printf(out, "%s-share = %s%%\n", key, num_format_json(p->share * 100.0, n, sizeof n));
}

void scenario_file_format(sb_t *out, const scenario_file_t *sf)
{
    char n[64];
    const scenario_t *s = &sf->scenario;
    sb_puts(out, "# tradeoff scenario, saved by the explorer; reopen with: tradeoff --scenario FILE\n");
    sb_printf(out, "tradeoff-scenario = %d\n", sf->version);
    if (sf->nfiles == 0)
        sb_puts(out, "# no file: the built-in scenario\n");
    for (int i = 0; i < sf->nfiles; i++) {
        put_line(out, "file", sf->files[i]);
        if (sf->sha256 && sf->sha256[i])
            sb_printf(out, "sha256 = %s\n", sf->sha256[i]);
    }
    inputopts_each(&sf->input, put_option, out);
    if (sf->has_interval)
        sb_printf(out, "interval = %s\n", stats_method_name(sf->interval));
    sb_printf(out, "volume = %s\n", num_format_json(s->volume, n, sizeof n));
    sb_printf(out, "adversarial-share = %s%%\n", num_format_json(s->adv_share * 100.0, n, sizeof n));
    sb_printf(out, "cost-refusal = %s\n", num_format_json(s->cost_refusal, n, sizeof n));
    sb_printf(out, "cost-harm = %s\n", num_format_json(s->cost_harm, n, sizeof n));
    sb_printf(out, "policy = %s\n", s->policy.key);
    sb_puts(out, "asr-bound = ");
    scenario_format_bound(out, s->policy.asr);
    sb_puts(out, "\norr-bound = ");
    scenario_format_bound(out, s->policy.orr);
    sb_putc(out, '\n');
    put_point(out, "point", &sf->point);
    put_point(out, "baseline", &sf->baseline);
    if (sf->series) {
        put_line(out, "series", sf->series);
        /* No position (a hand-written file): none written, as "null" would
         * not read back. */
        if (!isnan(sf->position))
            sb_printf(out, "position = %s\n", num_format_json(sf->position, n, sizeof n));
        if (sf->group)
            put_line(out, "group", sf->group);
    }
    if (sf->baseline_series) {
        put_line(out, "baseline-series", sf->baseline_series);
        if (!isnan(sf->baseline_position))
            sb_printf(out, "baseline-position = %s\n", num_format_json(sf->baseline_position, n, sizeof n));
        if (sf->baseline_group)
            put_line(out, "baseline-group", sf->baseline_group);
    }
    if (sf->sort)
        sb_printf(out, "sort = %s\n", sf->sort);
    if (sf->scales)
        sb_printf(out, "scales = %s\n", sf->scales);
    if (sf->focus)
        sb_printf(out, "focus = %s\n", sf->focus);
}

int scenario_file_save_text(const char *path, const scenario_file_t *sf, sb_t *out, diag_t *d)
{
    scenario_file_format(out, sf);
    /* Read back as --scenario would read it from `path`, and written again:
     * the same text, or the save would not reopen as it was. */
    scenario_file_t again;
    scenario_file_init(&again);
    char *dir = dir_of(path), *shown = text_sanitize(path, strlen(path));
    diag_t back = DIAG_INIT;
    sb_t twice = SB_INIT;
    int rc = scenario_file_parse(shown, dir, sb_str(out), out->len, &again, &back);
    if (rc == 0)
        scenario_file_format(&twice, &again);
    for (int i = 0; rc == 0 && i < sf->nfiles && i < again.nfiles; i++) {
        if (strcmp(sf->files[i], again.files[i]) != 0) {
            char *file = text_sanitize(sf->files[i], strlen(sf->files[i]));
            diag_error(d, "%s: not saved: the data file '%s' would be read from another place when the scenario "
                          "is reopened (give its full path)", shown, file);
            free(file);
            rc = -1;
        }
    }
    if (rc == 0 && strcmp(sb_str(out), sb_str(&twice)) != 0) {
        diag_error(d, "%s: not saved: the scenario would not reopen as it is", shown);
        rc = -1;
    } else if (rc != 0 && !d->error) {
        diag_error(d, "%s: not saved: the scenario would not reopen: %s", shown,
                   back.error ? back.error : "it does not read back");
    }
    sb_free(&twice);
    diag_free(&back);
    scenario_file_free(&again);
    free(dir);
    free(shown);
    return rc;
}
