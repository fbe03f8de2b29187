#include "config.h"

#include "load.h"
#include "csvread.h"
#include "num.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum {
    R_NONE = 0,
    R_NAME, R_MODEL, R_VARIANT, R_SERIES, R_KNOB, R_CATEGORY, R_CRITICAL,
    R_ASR_PCT, R_ASR_FRAC, R_NOT_UNSAFE,
    R_ORR_PCT, R_ORR_FRAC, R_NOT_OVERREFUSE,
    R_N_ADV, R_ADV_SUCC, R_N_BEN, R_BEN_REF,
    R_COUNT
} role_t;

/* Header names, compared case-insensitively after blanks and '-' become '_'. */
static const struct {
    const char *alias;
    role_t role;
} aliases[] = {
    {"name", R_NAME}, {"point", R_NAME}, {"label", R_NAME},
    {"model", R_MODEL},
    {"variant", R_VARIANT},
    {"series", R_SERIES}, {"family", R_SERIES},
    {"threshold", R_KNOB},
    {"category", R_CATEGORY},
    {"critical", R_CRITICAL},
    {"attack_success_pct", R_ASR_PCT}, {"asr_pct", R_ASR_PCT}, {"attack_success_percent", R_ASR_PCT},
    {"attack_success_rate", R_ASR_FRAC}, {"asr_rate", R_ASR_FRAC},
    {"not_unsafe", R_NOT_UNSAFE},
    {"over_refusal_pct", R_ORR_PCT}, {"orr_pct", R_ORR_PCT}, {"over_refusal_percent", R_ORR_PCT},
    {"over_refusal_rate", R_ORR_FRAC}, {"orr_rate", R_ORR_FRAC},
    {"not_overrefuse", R_NOT_OVERREFUSE},
    {"n_adversarial", R_N_ADV}, {"n_harmful", R_N_ADV},
    {"attack_successes", R_ADV_SUCC},
    {"n_benign", R_N_BEN},
    {"benign_refused", R_BEN_REF},
};

typedef struct {
    pointset_t *set;
    const load_opts_t *opts;
    diag_t *d;
    char *fname;            /* sanitised file name for messages */
    bool have_header;
    size_t ncols;
    char **header;          /* sanitised header cells */
    int col[R_COUNT];       /* column of each role, -1 when absent */
    size_t first;           /* index in set of this file's first point */
    sb_t missing_lines;     /* "23, 24" for points lacking a rate */
    size_t nmissing;
} loader_t;

static void normalise_header(const char *in, char *out, size_t n)
{
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < n; p++) {
        char c = *p;
        if (c == ' ' || c == '-' || c == '\t')
            c = '_';
        out[o++] = (char)tolower((unsigned char)c);
    }
    out[o] = '\0';
    /* trim underscores produced by surrounding blanks */
    while (o > 0 && out[o - 1] == '_')
        out[--o] = '\0';
}

static role_t role_of(const loader_t *L, const char *cell)
{
    char norm[128];
    normalise_header(cell, norm, sizeof norm);
    const char *p = norm;
    while (*p == '_')
        p++;
    if (L->opts->knob_column && strcasecmp(cell, L->opts->knob_column) == 0)
        return R_KNOB;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].alias, p) == 0)
            return aliases[i].role;
    return R_NONE;
}

static const char *accepted_names(void)
{
    return "a name (name, model or variant), and rates: attack_success_pct, attack_success_rate or "
           "not_unsafe; over_refusal_pct, over_refusal_rate or not_overrefuse (or the counts "
           "n_adversarial+attack_successes, n_benign+benign_refused)";
}

static int take_header(loader_t *L, const csvrow_t *row)
{
    L->ncols = row->nfields;
    L->header = xcalloc(row->nfields, sizeof *L->header);
    for (int r = 0; r < R_COUNT; r++)
        L->col[r] = -1;
    sb_t found = SB_INIT;
    for (size_t i = 0; i < row->nfields; i++) {
        L->header[i] = text_sanitize(row->fields[i], row->lens[i]);
        role_t r = role_of(L, L->header[i]);
        if (r != R_NONE && L->col[r] >= 0) {
            diag_error(L->d, "%s:%ld:%zu: column '%s' appears twice (also column %d)", L->fname,
                       row->line, i + 1, L->header[i], L->col[r] + 1);
            sb_free(&found);
            return -1;
        }
        if (r != R_NONE)
            L->col[r] = (int)i;
        sb_printf(&found, "%s%s", i ? ", " : "", L->header[i]);
    }
    bool has_name = L->col[R_NAME] >= 0 || L->col[R_MODEL] >= 0 || L->col[R_VARIANT] >= 0;
    bool has_asr = L->col[R_ASR_PCT] >= 0 || L->col[R_ASR_FRAC] >= 0 || L->col[R_NOT_UNSAFE] >= 0 ||
                   (L->col[R_N_ADV] >= 0 && L->col[R_ADV_SUCC] >= 0);
    bool has_orr = L->col[R_ORR_PCT] >= 0 || L->col[R_ORR_FRAC] >= 0 || L->col[R_NOT_OVERREFUSE] >= 0 ||
                   (L->col[R_N_BEN] >= 0 && L->col[R_BEN_REF] >= 0);
    if (!has_name || (!has_asr && !has_orr)) {
        diag_error(L->d, "%s:%ld: missing %s column; found: %s; expected %s", L->fname, row->line,
                   !has_name ? "a name" : "a rate", sb_str(&found), accepted_names());
        sb_free(&found);
        return -1;
    }
    sb_free(&found);
    L->have_header = true;
    return 0;
}

static const char *cell(const csvrow_t *row, const loader_t *L, role_t r)
{
    int c = L->col[r];
    return c < 0 ? NULL : row->fields[c];
}

static bool is_blank(const char *s)
{
    if (!s)
        return true;
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

/* Reports a bad cell: "file:line:col: column: expected ..., got 'text'". */
static void cell_error(loader_t *L, const csvrow_t *row, role_t r, const char *why)
{
    int c = L->col[r];
    char *shown = text_sanitize(row->fields[c], strnlen(row->fields[c], 40));
    diag_error(L->d, "%s:%ld:%d: %s: %s, got '%s%s'", L->fname, row->line, c + 1, L->header[c], why,
               shown, strlen(row->fields[c]) > 40 ? "..." : "");
    free(shown);
}

/* A rate cell of role r as a fraction; NAN when empty. A '%' in the cell
 * always means percent. Returns false (with the error recorded) when bad. */
static bool parse_rate(loader_t *L, const csvrow_t *row, role_t r, double *out)
{
    const char *s = cell(row, L, r);
    *out = NAN;
    if (is_blank(s))
        return true;
    bool pct = r == R_ASR_PCT || r == R_ORR_PCT || strchr(s, '%') != NULL;
    double v;
    const char *why = pct ? num_parse_percent(s, &v) : num_parse_decimal(s, &v);
    if (!why && !pct && (v < 0 || v > 1))
        why = "expected a fraction from 0 to 1 (or a percentage with a % sign)";
    if (why) {
        cell_error(L, row, r, why);
        return false;
    }
    *out = (r == R_NOT_UNSAFE || r == R_NOT_OVERREFUSE) ? 1.0 - v : v;
    if (*out < 0)
        *out = 0; /* 1 - 1.0000000001 style rounding */
    return true;
}

static bool parse_count(loader_t *L, const csvrow_t *row, role_t r, long long *out)
{
    const char *s = cell(row, L, r);
    *out = POINT_COUNT_UNKNOWN;
    if (is_blank(s))
        return true;
    double v;
    const char *why = num_parse_decimal(s, &v);
    if (!why && (v < 0 || v != floor(v) || v > 1e15))
        why = "expected a whole number of prompts (0 or more)";
    if (why) {
        cell_error(L, row, r, why);
        return false;
    }
    *out = (long long)v;
    return true;
}

/* The first rate column present among three alternatives. */
static bool read_rate(loader_t *L, const csvrow_t *row, role_t pct, role_t frac, role_t inv, double *out)
{
    role_t order[3] = {pct, frac, inv};
    *out = NAN;
    for (int i = 0; i < 3; i++) {
        if (L->col[order[i]] < 0)
            continue;
        double v;
        if (!parse_rate(L, row, order[i], &v))
            return false;
        if (!isnan(v)) {
            *out = v;
            return true;
        }
    }
    return true;
}

/* Rates from counts where no rate was given; a warning where both disagree
 * by more than the rounding of a published percentage (0.05 points). */
static bool reconcile(loader_t *L, const csvrow_t *row, const char *what, double *rate, long long n,
                      long long k, role_t kr)
{
    if (n == POINT_COUNT_UNKNOWN || k == POINT_COUNT_UNKNOWN)
        return true;
    if (k > n) {
        cell_error(L, row, kr, "expected no more than the number of prompts in the set");
        return false;
    }
    if (n == 0)
        return true;
    double from_counts = (double)k / (double)n;
    if (isnan(*rate))
        *rate = from_counts;
    else if (fabs(*rate - from_counts) > 0.0005 + 1e-12)
        diag_warn(L->d, "%s:%ld: %s rate %.4g%% disagrees with its counts %lld/%lld = %.4g%%", L->fname,
                  row->line, what, *rate * 100, k, n, from_counts * 100);
    return true;
}

static char *build_name(loader_t *L, const csvrow_t *row)
{
    const char *name = cell(row, L, R_NAME);
    if (!is_blank(name))
        return text_sanitize(name, strlen(name));
    const char *model = cell(row, L, R_MODEL), *variant = cell(row, L, R_VARIANT);
    sb_t sb = SB_INIT;
    if (!is_blank(model))
        sb_puts(&sb, model);
    if (!is_blank(variant))
        sb_printf(&sb, is_blank(model) ? "%s" : " (%s)", variant);
    char *raw = sb_detach(&sb);
    char *clean = text_sanitize(raw, strlen(raw));
    free(raw);
    return clean;
}

static bool is_identity_role(role_t r) { return r == R_NAME || r == R_MODEL || r == R_VARIANT; }

static int take_row(loader_t *L, const csvrow_t *row)
{
    if (row->nfields != L->ncols) {
        diag_error(L->d, "%s:%ld: row has %zu fields, expected %zu like the header (a missing or "
                         "extra comma?)",
                   L->fname, row->line, row->nfields, L->ncols);
        return -1;
    }
    char *name = build_name(L, row);
    if (name[0] == '\0') {
        free(name);
        int c = L->col[R_NAME] >= 0 ? L->col[R_NAME] : L->col[R_MODEL] >= 0 ? L->col[R_MODEL] : L->col[R_VARIANT];
        diag_error(L->d, "%s:%ld:%d: %s: expected a point name, got an empty cell", L->fname, row->line,
                   c + 1, L->header[c]);
        return -1;
    }
    point_t p = point_make(name);
    free(name);
    p.source = xstrdup(L->fname);
    p.line = row->line;

    bool ok = read_rate(L, row, R_ASR_PCT, R_ASR_FRAC, R_NOT_UNSAFE, &p.asr) &&
              read_rate(L, row, R_ORR_PCT, R_ORR_FRAC, R_NOT_OVERREFUSE, &p.orr) &&
              parse_count(L, row, R_N_ADV, &p.n_adversarial) &&
              parse_count(L, row, R_ADV_SUCC, &p.attack_successes) &&
              parse_count(L, row, R_N_BEN, &p.n_benign) &&
              parse_count(L, row, R_BEN_REF, &p.benign_refused) &&
              reconcile(L, row, "attack success", &p.asr, p.n_adversarial, p.attack_successes, R_ADV_SUCC) &&
              reconcile(L, row, "over-refusal", &p.orr, p.n_benign, p.benign_refused, R_BEN_REF);
    if (ok && L->col[R_KNOB] >= 0 && !is_blank(cell(row, L, R_KNOB))) {
        const char *why = num_parse_decimal(cell(row, L, R_KNOB), &p.knob);
        if (why) {
            cell_error(L, row, R_KNOB, why);
            ok = false;
        }
    }
    if (!ok) {
        point_free(&p);
        return -1;
    }
    const char *series = cell(row, L, R_SERIES);
    if (!is_blank(series))
        p.series = text_sanitize(series, strlen(series));
    for (size_t i = 0; i < L->ncols; i++) {
        role_t r = role_of(L, L->header[i]);
        bool keep = r == R_NONE || r == R_CATEGORY || r == R_CRITICAL ||
                    (is_identity_role(r) && L->col[R_NAME] >= 0 && r != R_NAME);
        if (keep && row->lens[i] > 0) {
            char *v = text_sanitize(row->fields[i], row->lens[i]);
            point_set_attr(&p, L->header[i], v);
            free(v);
        }
    }
    if (isnan(p.asr) || isnan(p.orr)) {
        sb_printf(&L->missing_lines, "%s%ld", L->nmissing ? ", " : "", row->line);
        L->nmissing++;
    }
    pointset_add(L->set, p);
    return 0;
}

static int on_row(const csvrow_t *row, void *ctx)
{
    loader_t *L = ctx;
    if (!L->have_header)
        return take_header(L, row);
    return take_row(L, row);
}

/* The first column (in file order) whose values differ across all of the
 * given points, used to tell apart rows that would share a name. */
static const char *distinguishing_attr(const pointset_t *set, const size_t *idx, size_t n, const loader_t *L)
{
    for (size_t c = 0; c < L->ncols; c++) {
        const char *key = L->header[c];
        if (strcasecmp(key, "notes") == 0)
            continue;
        bool distinct = true;
        for (size_t i = 0; i < n && distinct; i++) {
            const char *vi = point_attr(&set->items[idx[i]], key);
            if (!vi)
                distinct = false;
            for (size_t j = i + 1; j < n && distinct; j++) {
                const char *vj = point_attr(&set->items[idx[j]], key);
                if (!vj || strcmp(vi, vj) == 0)
                    distinct = false;
            }
        }
        if (distinct)
            return key;
    }
    return NULL;
}

static void rename_point(point_t *p, const char *suffix)
{
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%s [%s]", p->name, suffix);
    free(p->name);
    p->name = sb_detach(&sb);
}

/* Makes every name in the set unique: rows of this file that collide get the
 * first column that tells them apart, in brackets; failing that, their line. */
static void make_names_unique(loader_t *L)
{
    pointset_t *set = L->set;
    size_t *group = xcalloc(set->len, sizeof *group);
    for (size_t i = L->first; i < set->len; i++) {
        size_t n = 0;
        for (size_t j = 0; j < set->len; j++)
            if (strcmp(set->items[i].name, set->items[j].name) == 0 && j >= L->first)
                group[n++] = j;
        bool clash_before = false;
        for (size_t j = 0; j < L->first; j++)
            if (strcmp(set->items[i].name, set->items[j].name) == 0)
                clash_before = true;
        if (n < 2 && !clash_before)
            continue;
        const char *key = n >= 2 ? distinguishing_attr(set, group, n, L) : NULL;
        for (size_t k = 0; k < n; k++) {
            point_t *p = &set->items[group[k]];
            char line[32];
            snprintf(line, sizeof line, "line %ld", p->line);
            rename_point(p, key ? point_attr(p, key) : line);
        }
        if (n < 2) {
            char line[32];
            snprintf(line, sizeof line, "line %ld", set->items[i].line);
            rename_point(&set->items[i], line);
        }
    }
    free(group);
    /* A bracketed value can itself collide (two files, same text): finish
     * with line numbers, which are unique within a file. */
    for (size_t i = L->first; i < set->len; i++) {
        for (size_t j = 0; j < i; j++) {
            if (strcmp(set->items[i].name, set->items[j].name) == 0) {
                char tag[64];
                snprintf(tag, sizeof tag, "%s line %ld", L->fname, set->items[i].line);
                rename_point(&set->items[i], tag);
                break;
            }
        }
    }
}

static void loader_free(loader_t *L)
{
    for (size_t i = 0; i < L->ncols; i++)
        free(L->header[i]);
    free(L->header);
    free(L->fname);
    sb_free(&L->missing_lines);
}

static int finish(loader_t *L, int rc)
{
    if (rc == 0 && !L->have_header) {
        diag_error(L->d, "%s: file is empty: expected a header line naming the columns", L->fname);
        rc = -1;
    } else if (rc == 0 && L->set->len == L->first) {
        diag_error(L->d, "%s: header only: expected at least one operating point after the header", L->fname);
        rc = -1;
    }
    if (rc == 0) {
        make_names_unique(L);
        if (L->nmissing)
            diag_warn(L->d, "%s: %zu point%s without an attack success or over-refusal rate (line%s %s): "
                            "listed, but not plotted or projected on the missing side",
                      L->fname, L->nmissing, L->nmissing == 1 ? "" : "s", L->nmissing == 1 ? "" : "s",
                      sb_str(&L->missing_lines));
        if (L->col[R_KNOB] >= 0 && !L->set->knob_name)
            L->set->knob_name = xstrdup(L->header[L->col[R_KNOB]]);
    } else {
        /* Nothing of a failed file is kept. */
        while (L->set->len > L->first)
            point_free(&L->set->items[--L->set->len]);
    }
    loader_free(L);
    return rc;
}

static void loader_init(loader_t *L, pointset_t *set, const char *name, const load_opts_t *opts, diag_t *d)
{
    static const load_opts_t defaults = LOAD_OPTS_INIT;
    memset(L, 0, sizeof *L);
    L->set = set;
    L->opts = opts ? opts : &defaults;
    L->d = d;
    L->fname = text_sanitize(name, strlen(name));
    L->first = set->len;
}

int load_file(pointset_t *set, const char *path, const load_opts_t *opts, diag_t *d)
{
    loader_t L;
    loader_init(&L, set, path, opts, d);
    int rc = csvread_file(path, on_row, &L, d);
    return finish(&L, rc);
}

int load_buffer(pointset_t *set, const char *name, const char *data, size_t len, const load_opts_t *opts,
                diag_t *d)
{
    loader_t L;
    loader_init(&L, set, name, opts, d);
    int rc = csvread_buffer(name, data, len, on_row, &L, d);
    return finish(&L, rc);
}

bool load_parse_kind(const char *s, input_kind_t *kind)
{
    static const struct {
        const char *name;
        input_kind_t kind;
    } kinds[] = {{"auto", INPUT_AUTO}, {"points", INPUT_POINTS}, {"judged", INPUT_JUDGED},
                 {"scores", INPUT_SCORES}, {"binned", INPUT_BINNED}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcasecmp(s, kinds[i].name) == 0) {
            *kind = kinds[i].kind;
            return true;
        }
    }
    return false;
}
