#include "config.h"

#include "load/csvheader.h"
#include "load/load.h"
#include "load/csvread.h"
#include "core/nameindex.h"
#include "core/curve.h"
#include "load/judged.h"
#include "base/num.h"
#include "load/promptset.h"
#include "load/scores.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

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
    const input_opts_t *opts;
    diag_t *d;
    char *fname;            /* sanitised file name for messages */
    bool have_header;
    size_t ncols;
    char **header;          /* sanitised header cells */
    int col[R_COUNT];       /* column of each role, -1 when absent */
    size_t first;           /* index in set of this file's first point */
    sb_t missing_lines;     /* "23, 24" for points lacking a rate */
    size_t nmissing;

    const char *path;       /* as given, for point names */
    input_kind_t kind;      /* detected from the header */
    long nrows;             /* data rows after the header */
    judged_t *judged;       /* per-prompt judgements */
    scores_t *scores;       /* per-prompt scores or binned counts */
    curve_t *curve_out;     /* load_curve_file: the curve instead of points */

    /* Kept linear on big and hostile files (hardening): */
    nameindex_t names;      /* this file's points by name, while loading */
    size_t *attr_first;     /* per column: the first column of the same name */
    long *attr_at;          /* per column, for the row being read: attribute index or -1 */
} loader_t;

/* More operating points than anyone compares; a stream that never ends
 * (a FIFO, a generator) stops here instead of filling memory. */
#define LOAD_MAX_POINTS 1000000u

static role_t role_of(const loader_t *L, const char *cell)
{
    char norm[128];
    csvheader_normalise(cell, norm, sizeof norm);
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
           "n_adversarial+attack_successes, n_benign+benign_refused); per-prompt results need a "
           "verdict column (or --preset), scores a score and a set column, bins score_bin_lower "
           "(see --input)";
}

typedef struct {
    const char *name;
    size_t col;
} named_col_t;

static int by_name_then_col(const void *a, const void *b)
{
    const named_col_t *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->col > y->col) - (x->col < y->col);
}

/* Maps each column to the first column with the same header, so that a
 * row's attributes are set in one pass (point_set_attr looks each name up
 * among those set before: quadratic in a 10,000-column row). */
static void index_attr_columns(loader_t *L)
{
    named_col_t *cols = xmalloc((L->ncols ? L->ncols : 1) * sizeof *cols);
    for (size_t i = 0; i < L->ncols; i++)
        cols[i] = (named_col_t){L->header[i], i};
    qsort(cols, L->ncols, sizeof *cols, by_name_then_col);
    L->attr_first = xmalloc((L->ncols ? L->ncols : 1) * sizeof *L->attr_first);
    L->attr_at = xmalloc((L->ncols ? L->ncols : 1) * sizeof *L->attr_at);
    for (size_t k = 0; k < L->ncols; k++) {
        bool same = k > 0 && strcmp(cols[k].name, cols[k - 1].name) == 0;
        L->attr_first[cols[k].col] = same ? L->attr_first[cols[k - 1].col] : cols[k].col;
    }
    free(cols);
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
    /* A curve written by `tradeoff sweep` has no name column: its points
     * are named after the file and their threshold. */
    bool has_name = L->col[R_NAME] >= 0 || L->col[R_MODEL] >= 0 || L->col[R_VARIANT] >= 0 ||
                    L->col[R_KNOB] >= 0;
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
    index_attr_columns(L);
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

/* The file's name without directory and ".csv": the series of a curve. */
static char *path_series(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcasecmp(base + n - 4, ".csv") == 0)
        n -= 4;
    return text_sanitize(base, n);
}

static char *file_series(const loader_t *L) { return path_series(L->path); }

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
    if (is_blank(model) && is_blank(variant) && L->col[R_KNOB] >= 0) {
        char *series = file_series(L);
        sb_printf(&sb, "%s @ %s", series, cell(row, L, R_KNOB));
        free(series);
    }
    char *raw = sb_detach(&sb);
    char *clean = text_sanitize(raw, strlen(raw));
    free(raw);
    return clean;
}

static bool has_identity(const loader_t *L)
{
    return L->col[R_NAME] >= 0 || L->col[R_MODEL] >= 0 || L->col[R_VARIANT] >= 0;
}

static bool is_identity_role(role_t r) { return r == R_NAME || r == R_MODEL || r == R_VARIANT; }

/* Names from a name column were chosen by the user, so a repeat is an
 * error; names built from model and variant are told apart instead
 * (make_names_unique). */
static bool duplicate_name(loader_t *L, const csvrow_t *row, const char *name)
{
    if (L->col[R_NAME] < 0 || is_blank(cell(row, L, R_NAME)))
        return false;
    long i = nameindex_find(&L->names, L->set, name);
    if (i < 0)
        return false;
    diag_error(L->d, "%s:%ld:%d: %s: '%s' is already the name of the point on line %ld: expected "
                     "unique names (or model and variant columns, which tradeoff tells apart)",
               L->fname, row->line, L->col[R_NAME] + 1, L->header[L->col[R_NAME]], name,
               L->set->items[i].line);
    return true;
}

/* The row's other columns as attributes, in column order; a name that
 * heads several columns keeps its first place and its last value, as
 * point_set_attr would give. */
static void take_attrs(loader_t *L, const csvrow_t *row, point_t *p)
{
    size_t n = 0;
    for (size_t i = 0; i < L->ncols; i++) {
        L->attr_at[i] = -1;
        n += row->lens[i] > 0;
    }
    if (n == 0)
        return;
    p->attrs = xmalloc(n * sizeof *p->attrs);
    for (size_t i = 0; i < L->ncols; i++) {
        role_t r = role_of(L, L->header[i]);
        bool keep = r == R_NONE || r == R_CATEGORY || r == R_CRITICAL ||
                    (is_identity_role(r) && L->col[R_NAME] >= 0 && r != R_NAME);
        if (!keep || row->lens[i] == 0)
            continue;
        char *v = text_sanitize(row->fields[i], row->lens[i]);
        long *at = &L->attr_at[L->attr_first[i]];
        if (*at >= 0) {
            free(p->attrs[*at].value);
            p->attrs[*at].value = v;
        } else {
            *at = (long)p->nattrs;
            p->attrs[p->nattrs].key = xstrdup(L->header[i]);
            p->attrs[p->nattrs++].value = v;
        }
    }
}

static int take_row(loader_t *L, const csvrow_t *row)
{
    if (row->nfields != L->ncols) {
        diag_error(L->d, "%s:%ld: row has %zu fields, expected %zu like the header (a missing or "
                         "extra comma?)",
                   L->fname, row->line, row->nfields, L->ncols);
        return -1;
    }
    if (L->set->len - L->first >= LOAD_MAX_POINTS) {
        diag_error(L->d, "%s:%ld: more than %u operating points: expected a table of models or "
                         "thresholds (per-prompt rows are read with --input judged or scores)",
                   L->fname, row->line, LOAD_MAX_POINTS);
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
    if (duplicate_name(L, row, name)) {
        free(name);
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
    else if (!has_identity(L))
        p.series = file_series(L);
    take_attrs(L, row, &p);
    if (isnan(p.asr) || isnan(p.orr)) {
        sb_printf(&L->missing_lines, "%s%ld", L->nmissing ? ", " : "", row->line);
        L->nmissing++;
    }
    pointset_add(L->set, p);
    nameindex_add(&L->names, L->set, L->set->len - 1);
    return 0;
}

static void row_error_ragged(loader_t *L, const csvrow_t *row, size_t ncols)
{
    diag_error(L->d, "%s:%ld: row has %zu fields, expected %zu like the header (a missing or extra comma?)",
               L->fname, row->line, row->nfields, ncols);
}

/* The first row decides what the file is; later rows go to its reader. */
static int start(loader_t *L, const csvrow_t *row)
{
    char **header = xcalloc(row->nfields, sizeof *header);
    for (size_t i = 0; i < row->nfields; i++)
        header[i] = text_sanitize(row->fields[i], row->lens[i]);
    L->kind = input_detect(header, row->nfields, L->opts);
    /* sweep reads only curves: a score column without a set column is a
     * score file missing its set column, which scores_begin says. */
    if (L->curve_out && L->kind == INPUT_POINTS && csvheader_find(header, row->nfields, INPUT_SCORE_COLUMNS) >= 0)
        L->kind = INPUT_SCORES;
    for (size_t i = 0; i < row->nfields; i++)
        free(header[i]);
    free(header);
    if (L->curve_out && L->kind != INPUT_SCORES && L->kind != INPUT_BINNED) {
        diag_error(L->d, "%s:%ld: this looks like %s, not per-prompt scores or binned counts: expected a "
                         "score column (%s) and a set column, or %s with harmful_count and benign_count",
                   L->fname, row->line, L->kind == INPUT_JUDGED ? "judged per-prompt results" : "operating points",
                   INPUT_SCORE_COLUMNS, INPUT_BIN_COLUMNS);
        return -1;
    }
    switch (L->kind) {
    case INPUT_JUDGED:
        L->judged = judged_begin(row, L->opts, L->fname, L->d);
        break;
    case INPUT_SCORES:
    case INPUT_BINNED:
        L->scores = scores_begin(row, L->kind, L->opts, L->curve_out == NULL, L->fname, L->d);
        break;
    default:
        return take_header(L, row);
    }
    if (!L->judged && !L->scores)
        return -1;
    L->ncols = row->nfields;
    L->have_header = true;
    return 0;
}

static int on_row(const csvrow_t *row, void *ctx)
{
    loader_t *L = ctx;
    if (!L->have_header)
        return start(L, row);
    L->nrows++;
    if (L->scores) {
        if (row->nfields != L->ncols) {
            row_error_ragged(L, row, L->ncols);
            return -1;
        }
        return scores_row(L->scores, row);
    }
    if (L->judged) {
        if (row->nfields != L->ncols) {
            row_error_ragged(L, row, L->ncols);
            return -1;
        }
        return judged_row(L->judged, row);
    }
    return take_row(L, row);
}

static int by_key(const void *a, const void *b)
{
    return strcmp((*(const point_attr_t *const *)a)->key, (*(const point_attr_t *const *)b)->key);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The value of attribute `key` among a point's attributes sorted by key. */
static const char *sorted_attr(point_attr_t *const *sorted, size_t n, const char *key)
{
    point_attr_t probe = {(char *)key, NULL}, *pp = &probe;
    point_attr_t *const *hit = bsearch(&pp, sorted, n, sizeof *sorted, by_key);
    return hit ? (*hit)->value : NULL;
}

/* The first column (in file order) whose values differ across all of the
 * given points, used to tell apart rows that would share a name. Sorting
 * keeps this O(columns x n log n) for thousands of rows of one name. */
static const char *distinguishing_attr(const pointset_t *set, const size_t *idx, size_t n, const loader_t *L)
{
    point_attr_t ***sorted = xmalloc(n * sizeof *sorted);
    for (size_t i = 0; i < n; i++) {
        const point_t *p = &set->items[idx[i]];
        sorted[i] = xmalloc((p->nattrs ? p->nattrs : 1) * sizeof **sorted);
        for (size_t a = 0; a < p->nattrs; a++)
            sorted[i][a] = &p->attrs[a];
        qsort(sorted[i], p->nattrs, sizeof **sorted, by_key);
    }
    const char **values = xmalloc(n * sizeof *values);
    const char *found = NULL;
    for (size_t c = 0; c < L->ncols && !found; c++) {
        const char *key = L->header[c];
        if (strcasecmp(key, "notes") == 0)
            continue;
        bool distinct = true;
        for (size_t i = 0; i < n && distinct; i++) {
            values[i] = sorted_attr(sorted[i], set->items[idx[i]].nattrs, key);
            distinct = values[i] != NULL;
        }
        if (distinct)
            qsort(values, n, sizeof *values, by_string);
        for (size_t i = 1; i < n && distinct; i++)
            distinct = strcmp(values[i - 1], values[i]) != 0;
        if (distinct)
            found = key;
    }
    for (size_t i = 0; i < n; i++)
        free(sorted[i]);
    free(sorted);
    free(values);
    return found;
}

static void rename_point(point_t *p, const char *suffix)
{
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%s [%s]", p->name, suffix);
    free(p->name);
    p->name = sb_detach(&sb);
}

typedef struct {
    const char *name;
    size_t at;
} named_at_t;

static int by_name_then_position(const void *a, const void *b)
{
    const named_at_t *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Renames the points at idx[0..n) (one name, in file order): by the first
 * column that tells them apart, else by line. */
static void tell_apart(loader_t *L, const size_t *idx, size_t n)
{
    pointset_t *set = L->set;
    const char *key = n >= 2 ? distinguishing_attr(set, idx, n, L) : NULL;
    for (size_t k = 0; k < n; k++) {
        point_t *p = &set->items[idx[k]];
        char line[32];
        snprintf(line, sizeof line, "line %ld", p->line);
        rename_point(p, key ? point_attr(p, key) : line);
    }
}

/* Makes every name in the set unique: rows of this file that collide (with
 * each other or with an earlier file) get the first column that tells them
 * apart, in brackets; failing that, their line. Sorting and hashing keep it
 * O(n log n): thousands of rows of one name load in a blink. */
static void make_names_unique(loader_t *L)
{
    pointset_t *set = L->set;
    size_t n = set->len - L->first;
    nameindex_t before = NAMEINDEX_INIT;
    for (size_t i = 0; i < L->first; i++)
        nameindex_add(&before, set, i);
    named_at_t *order = xmalloc((n ? n : 1) * sizeof *order);
    size_t *group = xmalloc((n ? n : 1) * sizeof *group);
    for (size_t k = 0; k < n; k++)
        order[k] = (named_at_t){set->items[L->first + k].name, L->first + k};
    qsort(order, n, sizeof *order, by_name_then_position);
    /* Find the runs of one name first: renaming frees the names sorted. */
    size_t ngroups = 0;
    size_t *run_start = xmalloc((n + 1) * sizeof *run_start);
    bool *clash = xmalloc((n ? n : 1) * sizeof *clash);
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && strcmp(order[a].name, order[b].name) == 0; b++)
            ;
        run_start[ngroups] = a;
        clash[ngroups++] = nameindex_find(&before, set, order[a].name) >= 0;
    }
    run_start[ngroups] = n;
    for (size_t g = 0; g < ngroups; g++) {
        size_t a = run_start[g], len = run_start[g + 1] - a;
        if (len < 2 && !clash[g])
            continue;
        for (size_t k = 0; k < len; k++)
            group[k] = order[a + k].at;
        tell_apart(L, group, len);
    }
    free(run_start);
    free(clash);
    free(group);
    free(order);
    nameindex_free(&before);
    /* A bracketed value can itself collide (two files, same text): finish
     * with the file and line, numbered if even that is taken. */
    nameindex_t all = NAMEINDEX_INIT;
    for (size_t i = 0; i < set->len; i++) {
        if (i < L->first || nameindex_find(&all, set, set->items[i].name) < 0) {
            nameindex_add(&all, set, i);
            continue;
        }
        char *base = set->items[i].name;
        set->items[i].name = NULL;
        for (int attempt = 1; !set->items[i].name || nameindex_find(&all, set, set->items[i].name) >= 0;
             attempt++) {
            sb_t sb = SB_INIT;
            sb_printf(&sb, "%s [%s line %ld", base, L->fname, set->items[i].line);
            if (attempt > 1)
                sb_printf(&sb, " #%d", attempt);
            sb_putc(&sb, ']');
            free(set->items[i].name);
            set->items[i].name = sb_detach(&sb);
        }
        free(base);
        nameindex_add(&all, set, i);
    }
    nameindex_free(&all);
}

static void loader_free(loader_t *L)
{
    nameindex_free(&L->names);
    free(L->attr_first);
    free(L->attr_at);
    judged_free(L->judged);
    scores_free(L->scores);
    for (size_t i = 0; L->header && i < L->ncols; i++)
        free(L->header[i]);
    free(L->header);
    free(L->fname);
    sb_free(&L->missing_lines);
}

/* A curve loaded as points: a series named after the file, thinned. */
static void curve_to_points(pointset_t *set, const curve_t *c, const input_opts_t *opts, const char *path,
                            const char *fname, diag_t *d)
{
    size_t *keep = xmalloc((c->len ? c->len : 1) * sizeof *keep);
    size_t max = opts->max_points ? opts->max_points : INPUT_CURVE_POINTS;
    size_t n = curve_thin(c, max, false, keep);
    if (n < c->len)
        diag_warn(d, "%s: a curve of %zu thresholds, shown as %zu points; `tradeoff sweep` writes every one", fname,
                  c->len, n);
    char *series = path_series(path);
    curve_add_points(c, keep, n, set, series, fname);
    free(series);
    free(keep);
}

static int finish_curve(loader_t *L)
{
    curve_t c = CURVE_INIT;
    if (scores_finish(L->scores, L->curve_out ? L->curve_out : &c, L->d) != 0)
        return -1;
    if (L->curve_out)
        return 0;
    curve_to_points(L->set, &c, L->opts, L->path, L->fname, L->d);
    curve_free(&c);
    return 0;
}

static int finish_kind(loader_t *L)
{
    if (L->judged)
        return judged_finish(L->judged, L->set, L->path, L->d);
    if (L->scores)
        return finish_curve(L);
    make_names_unique(L);
    if (L->nmissing)
        diag_warn(L->d, "%s: %zu point%s without an attack success or over-refusal rate (line%s %s): "
                        "listed, but not plotted or projected on the missing side",
                  L->fname, L->nmissing, L->nmissing == 1 ? "" : "s", L->nmissing == 1 ? "" : "s",
                  sb_str(&L->missing_lines));
    if (L->col[R_KNOB] >= 0 && !L->set->knob_name)
        L->set->knob_name = xstrdup(L->header[L->col[R_KNOB]]);
    return 0;
}

static int finish(loader_t *L, int rc)
{
    if (rc == 0 && !L->have_header) {
        diag_error(L->d, "%s: file is empty: expected a header line naming the columns", L->fname);
        rc = -1;
    } else if (rc == 0 && L->nrows == 0) {
        diag_error(L->d, "%s: header only: expected at least one %s after the header", L->fname,
                   L->kind == INPUT_POINTS ? "operating point" : L->kind == INPUT_BINNED ? "bin" : "prompt");
        rc = -1;
    }
    if (rc == 0)
        rc = finish_kind(L);
    if (rc == 0 && !L->curve_out && L->kind != INPUT_POINTS)
        load_unique_names(L->set, L->first, L->fname);
    if (rc != 0) {
        /* Nothing of a failed file is kept. */
        while (L->set->len > L->first)
            point_free(&L->set->items[--L->set->len]);
    }
    loader_free(L);
    return rc;
}

static void loader_init(loader_t *L, pointset_t *set, const char *name, const input_opts_t *opts, diag_t *d)
{
    static const input_opts_t defaults = INPUT_OPTS_INIT;
    memset(L, 0, sizeof *L);
    L->set = set;
    L->opts = opts ? opts : &defaults;
    L->d = d;
    L->fname = text_sanitize(name, strlen(name));
    L->first = set->len;
    L->path = name;
    L->kind = INPUT_POINTS;
}

static void on_progress(unsigned long long done, unsigned long long total, void *ctx)
{
    const loader_t *L = ctx;
    L->opts->progress(done, total, L->opts->progress_ctx);
}

int load_file(pointset_t *set, const char *path, const input_opts_t *opts, diag_t *d)
{
    static const input_opts_t defaults = INPUT_OPTS_INIT;
    curve_t c = CURVE_INIT;
    int fast = scores_read_file(path, opts, true, &c, d);
    if (fast <= 0) {
        if (fast == 0) {
            char *fname = text_sanitize(path, strlen(path));
            size_t first = set->len;
            curve_to_points(set, &c, opts ? opts : &defaults, path, fname, d);
            load_unique_names(set, first, fname);
            free(fname);
            curve_free(&c);
        }
        return fast;
    }
    loader_t L;
    loader_init(&L, set, path, opts, d);
    int rc = csvread_file_progress(path, on_row, &L, d, L.opts->progress ? on_progress : NULL);
    return finish(&L, rc);
}

int load_curve_file(curve_t *curve, const char *path, const input_opts_t *opts, diag_t *d)
{
    int fast = scores_read_file(path, opts, false, curve, d);
    if (fast <= 0)
        return fast;
    pointset_t none = POINTSET_INIT;
    loader_t L;
    loader_init(&L, &none, path, opts, d);
    L.curve_out = curve;
    int rc = csvread_file_progress(path, on_row, &L, d, L.opts->progress ? on_progress : NULL);
    rc = finish(&L, rc);
    pointset_free(&none);
    return rc;
}

int load_buffer(pointset_t *set, const char *name, const char *data, size_t len, const input_opts_t *opts,
                diag_t *d)
{
    loader_t L;
    loader_init(&L, set, name, opts, d);
    int rc = csvread_buffer(name, data, len, on_row, &L, d);
    return finish(&L, rc);
}

void load_unique_names(pointset_t *set, size_t first, const char *tag)
{
    for (size_t i = first; i < set->len; i++) {
        if (pointset_index(set, set->items[i].name) == (long)i)
            continue;
        char *base = set->items[i].name;
        set->items[i].name = NULL;
        for (int attempt = 1;; attempt++) {
            sb_t sb = SB_INIT;
            if (attempt == 1)
                sb_printf(&sb, "%s [%s]", base, tag);
            else
                sb_printf(&sb, "%s [%s #%d]", base, tag, attempt);
            free(set->items[i].name);
            set->items[i].name = sb_detach(&sb);
            if (pointset_index(set, set->items[i].name) == (long)i)
                break;
        }
        free(base);
    }
}
