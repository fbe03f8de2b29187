/* points: operating-point tables read row by row into a point set. */
#include "config.h"

#include "load/points.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/nameindex.h"
#include "load/csvcell.h"
#include "load/csvheader.h"
#include "load/groupcols.h"
#include "load/names.h"

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

struct points {
    pointset_t *set;
    const input_opts_t *opts;
    diag_t *d;
    const char *fname;      /* sanitised file name for messages */
    char *file_series;      /* the file's name: series and names of rows without one */
    size_t first;           /* index in set of this file's first point */
    size_t ncols;
    char **header;          /* sanitised header cells */
    role_t *roles;          /* role of each column */
    int col[R_COUNT];       /* column of each role, -1 when absent */
    groupcols_t groups;     /* the columns that name each row's group */
    sb_t missing_lines;     /* "23, 24" for points lacking a rate */
    size_t nmissing;

    /* Kept linear on big and hostile files: */
    nameindex_t names;      /* this file's points by name, while loading */
    size_t *attr_first;     /* per column: the first column of the same name */
    long *attr_at;          /* per column, for the row being read: attribute index or -1 */
};

static role_t role_of(const points_t *P, const char *cell)
{
    char norm[128];
    csvheader_normalise(cell, norm, sizeof norm);
    const char *p = norm;
    while (*p == '_')
        p++;
    if (P->opts->knob_column && strcasecmp(cell, P->opts->knob_column) == 0)
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

/* Maps each column to the first column with the same header, so that a
 * row's attributes are set in one pass (point_set_attr looks each name up
 * among those set before: quadratic in a 10,000-column row). */
static void index_attr_columns(points_t *P)
{
    size_t n = P->ncols ? P->ncols : 1;
    size_t *order = names_order(P->header, P->ncols);
    P->attr_first = xmalloc(n * sizeof *P->attr_first);
    P->attr_at = xmalloc(n * sizeof *P->attr_at);
    for (size_t k = 0; k < P->ncols; k++) {
        size_t col = order[k], prev = k > 0 ? order[k - 1] : 0;
        bool same = k > 0 && strcmp(P->header[col], P->header[prev]) == 0;
        P->attr_first[col] = same ? P->attr_first[prev] : col;
    }
    free(order);
}

static bool has(const points_t *P, role_t r) { return P->col[r] >= 0; }

/* Finds the column of each role; false with the error recorded when the
 * header names no point or no rate, or a role twice. */
static bool take_header(points_t *P, const csvrow_t *row)
{
    for (int r = 0; r < R_COUNT; r++)
        P->col[r] = -1;
    for (size_t i = 0; i < P->ncols; i++) {
        role_t r = P->roles[i] = role_of(P, P->header[i]);
        if (r != R_NONE && P->col[r] >= 0) {
            diag_error(P->d, "%s:%ld:%zu: column '%s' appears twice (also column %d)", P->fname, row->line, i + 1,
                       P->header[i], P->col[r] + 1);
            return false;
        }
        if (r != R_NONE)
            P->col[r] = (int)i;
    }
    /* A curve written by `tradeoff sweep` has no name column: its points
     * are named after the file and their threshold. */
    bool has_name = has(P, R_NAME) || has(P, R_MODEL) || has(P, R_VARIANT) || has(P, R_KNOB);
    bool has_asr = has(P, R_ASR_PCT) || has(P, R_ASR_FRAC) || has(P, R_NOT_UNSAFE) ||
                   (has(P, R_N_ADV) && has(P, R_ADV_SUCC));
    bool has_orr = has(P, R_ORR_PCT) || has(P, R_ORR_FRAC) || has(P, R_NOT_OVERREFUSE) ||
                   (has(P, R_N_BEN) && has(P, R_BEN_REF));
    if (!has_name || (!has_asr && !has_orr)) {
        sb_t found = SB_INIT;
        csvheader_list(&found, P->header, P->ncols);
        diag_error(P->d, "%s:%ld: missing %s column; found: %s; expected %s", P->fname, row->line,
                   !has_name ? "a name" : "a rate", sb_str(&found), accepted_names());
        sb_free(&found);
        return false;
    }
    return true;
}

points_t *points_begin(const csvrow_t *header, pointset_t *set, const input_opts_t *opts, const char *path,
                       const char *fname, diag_t *d)
{
    points_t *P = xcalloc(1, sizeof *P);
    P->set = set;
    P->opts = opts;
    P->d = d;
    P->fname = fname;
    P->first = set->len;
    P->ncols = header->nfields;
    P->header = csvheader_copy(header);
    P->roles = xcalloc(P->ncols ? P->ncols : 1, sizeof *P->roles);
    if (!take_header(P, header) ||
        !groupcols_init(&P->groups, P->header, P->ncols, opts, fname, header->line, d)) {
        points_free(P);
        return NULL;
    }
    P->file_series = names_from_path(path);
    index_attr_columns(P);
    return P;
}

static const char *cell(const csvrow_t *row, const points_t *P, role_t r)
{
    int c = P->col[r];
    return c < 0 ? NULL : row->fields[c];
}

static bool is_blank(const csvrow_t *row, const points_t *P, role_t r)
{
    int c = P->col[r];
    return c < 0 || csvcell_blank(row->fields[c], row->lens[c]);
}

/* Reports a bad cell: "file:line:col: column: expected ..., got 'text'". */
static void cell_error(points_t *P, const csvrow_t *row, role_t r, const char *why)
{
    int c = P->col[r];
    csvcell_error(P->d, P->fname, row, c, P->header[c], why);
}

/* A rate as its cell printed it: what a count behind it must round to. */
typedef struct {
    bool given;
    role_t role;      /* its column */
    double value;     /* the number in the cell, in its unit */
    double unit;      /* 100 for a percentage, 1 for a fraction */
    bool complement;  /* the cell holds 1 - rate (not_unsafe, not_overrefuse) */
    int decimals;     /* num_printed_decimals of the cell */
} printed_t;

/* A rate cell of role r as a fraction; NAN when empty. A '%' in the cell
 * always means percent. Returns false (with the error recorded) when bad. */
static bool parse_rate(points_t *P, const csvrow_t *row, role_t r, double *out, printed_t *pr)
{
    *out = NAN;
    if (is_blank(row, P, r))
        return true;
    const char *s = cell(row, P, r);
    bool pct = r == R_ASR_PCT || r == R_ORR_PCT || strchr(s, '%') != NULL;
    double v;
    const char *why = pct ? num_parse_percent(s, &v) : num_parse_decimal(s, &v);
    if (!why && !pct && (v < 0 || v > 1))
        why = "expected a fraction from 0 to 1 (or a percentage with a % sign)";
    if (why) {
        cell_error(P, row, r, why);
        return false;
    }
    bool complement = r == R_NOT_UNSAFE || r == R_NOT_OVERREFUSE;
    int decimals = num_printed_decimals(s);
    *out = complement ? 1.0 - v : v;
    /* The complement of a number with d decimals has d decimals: rounded
     * there, 1 - 0.918 is 0.082 and not 0.08199999999999996. */
    if (complement && decimals >= 0 && decimals <= 15)
        *out = round(*out * pow(10, decimals + (pct ? 2 : 0))) / pow(10, decimals + (pct ? 2 : 0));
    if (*out < 0)
        *out = 0; /* 1 - 1.0000000001 style rounding */
    *pr = (printed_t){true, r, pct ? v * 100 : v, pct ? 100 : 1, complement, decimals};
    return true;
}

static bool parse_count(points_t *P, const csvrow_t *row, role_t r, long long *out)
{
    *out = POINT_COUNT_UNKNOWN;
    if (is_blank(row, P, r))
        return true;
    const char *why = csvcell_count(cell(row, P, r), out);
    if (why) {
        cell_error(P, row, r, why);
        return false;
    }
    return true;
}

/* The first rate column present among three alternatives. */
static bool read_rate(points_t *P, const csvrow_t *row, role_t pct, role_t frac, role_t inv, double *out,
                      printed_t *pr)
{
    role_t order[3] = {pct, frac, inv};
    *out = NAN;
    pr->given = false;
    for (int i = 0; i < 3; i++) {
        if (!has(P, order[i]))
            continue;
        double v;
        if (!parse_rate(P, row, order[i], &v, pr))
            return false;
        if (!isnan(v)) {
            *out = v;
            return true;
        }
    }
    return true;
}

/* The counts k of n whose rate k / n rounds to the printed rate: from kmin
 * to kmax (none when kmin > kmax). Rounding at an exact half may go either
 * way, so both neighbours of a half count. */
static void fitting_counts(const printed_t *pr, long long n, long long *kmin, long long *kmax)
{
    double half = 0.5 * pow(10, -pr->decimals);
    double lo = (pr->value - half) / pr->unit, hi = (pr->value + half) / pr->unit;
    if (pr->complement) {
        double t = 1 - hi;
        hi = 1 - lo;
        lo = t;
    }
    double slack = 1e-9; /* the printed value's own binary rounding */
    double a = ceil((double)n * lo - slack), b = floor((double)n * hi + slack);
    *kmin = a < 0 ? 0 : (long long)a;
    *kmax = b > (double)n ? n : (long long)b;
}

/* A count derived from the printed rate and n when exactly one fits
 * (NUMBERS.md, rule 2); a warning when none does, and "not exact" when
 * several do (n too large for the printed precision). */
static void derive_count(points_t *P, const csvrow_t *row, const char *what, const printed_t *pr, long long n,
                         long long *k, point_count_note_t *note)
{
    long long kmin, kmax;
    fitting_counts(pr, n, &kmin, &kmax);
    if (kmin == kmax) {
        *k = kmin;
        note->derived = true;
    } else if (kmin < kmax) {
        note->inexact = true;
    } else {
        int c = P->col[pr->role];
        diag_warn(P->d, "%s:%ld:%d: %s: no whole count of %lld prompts gives this %s rate at its printed "
                        "precision: expected a rate k/n for some k; counts left unknown",
                  P->fname, row->line, c + 1, P->header[c], n, what);
    }
}

/* The counts and the rate of one side, made one fact: the rate is k / n
 * whenever the count is known (given, or derived from the printed rate and
 * n), so that every delta and its interval come from the same numbers. A
 * printed rate that k / n does not round to is an error. */
static bool reconcile(points_t *P, const csvrow_t *row, const char *what, double *rate, const printed_t *pr,
                      long long n, long long *k, role_t kr, point_count_note_t *note)
{
    if (n == POINT_COUNT_UNKNOWN || n == 0)
        return true;
    if (*k != POINT_COUNT_UNKNOWN && *k > n) {
        cell_error(P, row, kr, "expected no more than the number of prompts in the set");
        return false;
    }
    if (*k == POINT_COUNT_UNKNOWN) {
        if (pr->given)
            derive_count(P, row, what, pr, n, k, note);
    } else if (pr->given) {
        long long kmin, kmax;
        fitting_counts(pr, n, &kmin, &kmax);
        if (*k < kmin || *k > kmax) {
            char msg[160];
            snprintf(msg, sizeof msg, "expected the %s rate of its counts, %lld of %lld = %.6g%%, at its printed "
                                      "precision", what, *k, n, (double)*k / (double)n * 100);
            cell_error(P, row, pr->role, msg);
            return false;
        }
    }
    if (*k != POINT_COUNT_UNKNOWN)
        *rate = (double)*k / (double)n;
    return true;
}

/* --n-adversarial / --n-benign for a row that gives no n. */
static void default_n(long long *n, long long given)
{
    if (*n == POINT_COUNT_UNKNOWN && given > 0)
        *n = given;
}

/* The name column, else "model (variant)", else "file @ threshold". */
static char *build_name(points_t *P, const csvrow_t *row)
{
    if (!is_blank(row, P, R_NAME)) {
        const char *name = cell(row, P, R_NAME);
        return csvcell_text(name, strlen(name));
    }
    bool no_model = is_blank(row, P, R_MODEL), no_variant = is_blank(row, P, R_VARIANT);
    char *model = no_model ? NULL : csvcell_text(cell(row, P, R_MODEL), strlen(cell(row, P, R_MODEL)));
    char *variant = no_variant ? NULL : csvcell_text(cell(row, P, R_VARIANT), strlen(cell(row, P, R_VARIANT)));
    sb_t sb = SB_INIT;
    if (model)
        sb_puts(&sb, model);
    if (variant)
        sb_printf(&sb, model ? " (%s)" : "%s", variant);
    if (no_model && no_variant && has(P, R_KNOB))
        sb_printf(&sb, "%s @ %s", P->file_series, cell(row, P, R_KNOB));
    free(model);
    free(variant);
    char *raw = sb_detach(&sb);
    char *clean = text_sanitize(raw, strlen(raw));
    free(raw);
    return clean;
}

static bool has_identity(const points_t *P) { return has(P, R_NAME) || has(P, R_MODEL) || has(P, R_VARIANT); }

static bool is_identity_role(role_t r) { return r == R_NAME || r == R_MODEL || r == R_VARIANT; }

/* Names from a name column were chosen by the user, so a repeat is an
 * error; names built from model and variant are told apart instead
 * (names_tell_apart). */
static bool duplicate_name(points_t *P, const csvrow_t *row, const char *name)
{
    if (is_blank(row, P, R_NAME))
        return false;
    long i = nameindex_find(&P->names, P->set, name);
    if (i < 0)
        return false;
    diag_error(P->d, "%s:%ld:%d: %s: '%s' is already the name of the point on line %ld: expected "
                     "unique names (or model and variant columns, which tradeoff tells apart)",
               P->fname, row->line, P->col[R_NAME] + 1, P->header[P->col[R_NAME]], name, P->set->items[i].line);
    return true;
}

/* The row's other columns as attributes, in column order; a name that
 * heads several columns keeps its first place and its last value, as
 * point_set_attr would give. */
static void take_attrs(points_t *P, const csvrow_t *row, point_t *p)
{
    size_t n = 0;
    for (size_t i = 0; i < P->ncols; i++) {
        P->attr_at[i] = -1;
        n += row->lens[i] > 0;
    }
    if (n == 0)
        return;
    p->attrs = xmalloc(n * sizeof *p->attrs);
    for (size_t i = 0; i < P->ncols; i++) {
        role_t r = P->roles[i];
        bool keep = r == R_NONE || r == R_CATEGORY || r == R_CRITICAL ||
                    (is_identity_role(r) && has(P, R_NAME) && r != R_NAME);
        if (!keep || row->lens[i] == 0)
            continue;
        char *v = csvcell_text(row->fields[i], row->lens[i]);
        long *at = &P->attr_at[P->attr_first[i]];
        if (*at >= 0) {
            free(p->attrs[*at].value);
            p->attrs[*at].value = v;
        } else {
            *at = (long)p->nattrs;
            p->attrs[p->nattrs].key = xstrdup(P->header[i]);
            p->attrs[p->nattrs++].value = v;
        }
    }
}

/* The point's rates, counts and knob; false with the error recorded. */
static bool take_numbers(points_t *P, const csvrow_t *row, point_t *p)
{
    printed_t asr, orr;
    bool ok = read_rate(P, row, R_ASR_PCT, R_ASR_FRAC, R_NOT_UNSAFE, &p->asr, &asr) &&
              read_rate(P, row, R_ORR_PCT, R_ORR_FRAC, R_NOT_OVERREFUSE, &p->orr, &orr) &&
              parse_count(P, row, R_N_ADV, &p->n_adversarial) &&
              parse_count(P, row, R_ADV_SUCC, &p->attack_successes) &&
              parse_count(P, row, R_N_BEN, &p->n_benign) && parse_count(P, row, R_BEN_REF, &p->benign_refused);
    if (ok) {
        default_n(&p->n_adversarial, P->opts->n_adversarial);
        default_n(&p->n_benign, P->opts->n_benign);
        ok = reconcile(P, row, "attack success", &p->asr, &asr, p->n_adversarial, &p->attack_successes, R_ADV_SUCC,
                       &p->adv_note) &&
             reconcile(P, row, "over-refusal", &p->orr, &orr, p->n_benign, &p->benign_refused, R_BEN_REF,
                       &p->ben_note);
    }
    if (ok && !is_blank(row, P, R_KNOB)) {
        const char *why = num_parse_decimal(cell(row, P, R_KNOB), &p->knob);
        if (why) {
            cell_error(P, row, R_KNOB, why);
            ok = false;
        }
    }
    return ok;
}

int points_row(points_t *P, const csvrow_t *row)
{
    if (P->set->len - P->first >= POINTS_MAX) {
        diag_error(P->d, "%s:%ld: more than %u operating points: expected a table of models or "
                         "thresholds (per-prompt rows are read with --input judged or scores)",
                   P->fname, row->line, POINTS_MAX);
        return -1;
    }
    char *name = build_name(P, row);
    if (name[0] == '\0') {
        free(name);
        role_t r = has(P, R_NAME) ? R_NAME : has(P, R_MODEL) ? R_MODEL : R_VARIANT;
        diag_error(P->d, "%s:%ld:%d: %s: expected a point name, got an empty cell", P->fname, row->line,
                   P->col[r] + 1, P->header[P->col[r]]);
        return -1;
    }
    if (duplicate_name(P, row, name)) {
        free(name);
        return -1;
    }
    point_t p = point_make(name);
    free(name);
    p.source = xstrdup(P->fname);
    p.line = row->line;
    if (!take_numbers(P, row, &p)) {
        point_free(&p);
        return -1;
    }
    if (!is_blank(row, P, R_SERIES)) {
        const char *series = cell(row, P, R_SERIES);
        p.series = csvcell_text(series, strlen(series));
    } else if (!has_identity(P)) {
        p.series = xstrdup(P->file_series);
    }
    take_attrs(P, row, &p);
    groupcols_apply(&P->groups, row, P->fname, &p);
    if (isnan(p.asr) || isnan(p.orr)) {
        sb_printf(&P->missing_lines, "%s%ld", P->nmissing ? ", " : "", row->line);
        P->nmissing++;
    }
    pointset_add(P->set, p);
    nameindex_add(&P->names, P->set, P->set->len - 1);
    return 0;
}

void points_finish(points_t *P)
{
    names_tell_apart(P->set, P->first, P->header, P->ncols, P->fname);
    if (P->nmissing)
        diag_warn(P->d, "%s: %zu point%s without an attack success or over-refusal rate (line%s %s): "
                        "listed, but not plotted or projected on the missing side",
                  P->fname, P->nmissing, P->nmissing == 1 ? "" : "s", P->nmissing == 1 ? "" : "s",
                  sb_str(&P->missing_lines));
    if (has(P, R_KNOB) && !P->set->knob_name)
        P->set->knob_name = xstrdup(P->header[P->col[R_KNOB]]);
}

void points_free(points_t *P)
{
    if (!P)
        return;
    nameindex_free(&P->names);
    groupcols_free(&P->groups);
    free(P->attr_first);
    free(P->attr_at);
    csvheader_free(P->header, P->ncols);
    free(P->roles);
    free(P->file_series);
    sb_free(&P->missing_lines);
    free(P);
}
