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
#include "load/rowfilter.h"

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
    R_ROW_CATEGORY, /* --category-column: the category of each row of a long table */
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

/* What the accepted names of each side are, for messages (points_rate_names). */
#define ASR_NAMES "attack_success_pct, asr_pct, attack_success_rate, asr_rate or not_unsafe (or the counts " \
                  "n_adversarial and attack_successes)"
#define ORR_NAMES "over_refusal_pct, orr_pct, over_refusal_rate, orr_rate or not_overrefuse (or the counts " \
                  "n_benign and benign_refused)"

/* A point of a long table (--category-column) is made of several rows: its
 * rate is the count-weighted mean of its categories' (the plain mean when
 * the counts are not known), its counts their sums. */
typedef struct {
    size_t rated;        /* rows with a rate */
    size_t unrated;      /* rows without one */
    double sum_rate;     /* for the plain mean */
    double sum_nrate;    /* n x rate, for the weighted mean */
    long long sum_n, sum_k;
    bool all_n, all_k;   /* every rated row gave n, and k */
    bool derived;        /* a count came from rate x n */
} side_sum_t;

typedef struct {
    side_sum_t asr, orr;
} point_sum_t;

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
    bool pct[R_COUNT];      /* a rate column holds percentages (else fractions) */
    bool comp[R_COUNT];     /* a rate column holds the opposite outcome (100 - rate) */
    bool has_asr, has_orr;  /* a column gives each side */
    int *name_cols;         /* --name-columns, in the order given */
    size_t nname_cols;
    groupcols_t groups;     /* the columns that name each row's group */
    rowfilter_t *filters;   /* --where */
    size_t nfilters;
    long long filtered;     /* rows the filters left out */
    long *missing_lines;    /* points lacking a rate on a side that has a column */
    size_t nmissing, missing_cap;
    point_sum_t *sums;      /* per point of this file, in a long table */
    size_t sums_cap;

    /* Kept linear on big and hostile files: */
    nameindex_t names;      /* this file's points by name, while loading */
    size_t *attr_first;     /* per column: the first column of the same name */
    long *attr_at;          /* per column, for the row being read: attribute index or -1 */
};

static bool is_asr_rate(role_t r) { return r == R_ASR_PCT || r == R_ASR_FRAC || r == R_NOT_UNSAFE; }
static bool is_orr_rate(role_t r) { return r == R_ORR_PCT || r == R_ORR_FRAC || r == R_NOT_OVERREFUSE; }
static bool is_identity_role(role_t r) { return r == R_NAME || r == R_MODEL || r == R_VARIANT; }

/* The role a header name has among the accepted names, before any flag. */
static role_t alias_role(const char *cell)
{
    char norm[128];
    csvheader_normalise(cell, norm, sizeof norm);
    const char *p = norm;
    while (*p == '_')
        p++;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].alias, p) == 0)
            return aliases[i].role;
    return R_NONE;
}

/* The role of a column by its name, where no flag maps another column to
 * it: a flag that names the ASR column (or ORR, name, knob) leaves the
 * columns of the accepted names for that role as attributes. */
static role_t role_of(const points_t *P, const char *cell)
{
    const input_opts_t *o = P->opts;
    role_t r = alias_role(cell);
    if ((o->asr_column && is_asr_rate(r)) || (o->orr_column && is_orr_rate(r)) ||
        (o->name_columns && is_identity_role(r)) || (o->knob_column && r == R_KNOB))
        return R_NONE;
    return r;
}

static const char *accepted_names(void)
{
    return "a name (name, model or variant, or --name-columns), and rates: attack_success_pct, attack_success_rate "
           "or not_unsafe; over_refusal_pct, over_refusal_rate or not_overrefuse (or the counts "
           "n_adversarial+attack_successes, n_benign+benign_refused; or --asr-column, --orr-column); per-prompt "
           "results need a verdict column (or --preset), scores a score and a set column, bins score_bin_lower "
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

/* Whether a mapped rate column holds percentages: --rates says, else its
 * name does (auto: a name with "pct" or "percent" in it). */
static bool mapped_is_percent(const points_t *P, const char *name)
{
    if (P->opts->rates != INPUT_RATES_AUTO)
        return P->opts->rates == INPUT_RATES_PERCENT;
    char norm[128];
    csvheader_normalise(name, norm, sizeof norm);
    return strstr(norm, "pct") || strstr(norm, "percent");
}

/* The columns the mapping flags name (each must exist), given their roles
 * over those of their names. False with the error recorded. */
static bool map_columns(points_t *P, long line)
{
    const input_opts_t *o = P->opts;
    const struct {
        const char *name, *flag;
        role_t role;
    } maps[] = {
        {o->asr_column, "--asr-column", R_ASR_FRAC},
        {o->orr_column, "--orr-column", R_ORR_FRAC},
        {o->knob_column, "--knob-column", R_KNOB},
        {o->category_column, "--category-column", R_ROW_CATEGORY},
    };
    for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++) {
        if (!maps[m].name)
            continue;
        int c = csvheader_require(P->header, P->ncols, maps[m].name, maps[m].flag, P->fname, line, P->d);
        if (c < 0)
            return false;
        role_t r = maps[m].role;
        if (r == R_ASR_FRAC && mapped_is_percent(P, P->header[c]))
            r = R_ASR_PCT;
        if (r == R_ORR_FRAC && mapped_is_percent(P, P->header[c]))
            r = R_ORR_PCT;
        P->roles[c] = r;
    }
    if (!o->name_columns)
        return true;
    char **names;
    size_t n;
    const char *why = text_split_list(o->name_columns, &names, &n);
    if (why) {
        char *shown = text_sanitize(o->name_columns, strlen(o->name_columns));
        diag_error(P->d, "--name-columns '%s': expected %s", shown, why);
        free(shown);
        return false;
    }
    P->name_cols = xmalloc(n * sizeof *P->name_cols);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        int c = csvheader_require(P->header, P->ncols, names[i], "--name-columns", P->fname, line, P->d);
        ok = c >= 0;
        P->name_cols[P->nname_cols++] = c;
    }
    text_list_free(names, n);
    return ok;
}

/* The unit and sense of each rate column: percent by its name (or by
 * --rates), and the complement for not_unsafe, not_overrefuse and the
 * sides --complement names. */
static void rate_units(points_t *P)
{
    const input_opts_t *o = P->opts;
    for (int r = 0; r < R_COUNT; r++) {
        bool pct = r == R_ASR_PCT || r == R_ORR_PCT;
        if (o->rates != INPUT_RATES_AUTO)
            pct = o->rates == INPUT_RATES_PERCENT;
        P->pct[r] = pct;
        bool comp = r == R_NOT_UNSAFE || r == R_NOT_OVERREFUSE;
        if ((is_asr_rate((role_t)r) && (o->complement & INPUT_COMPLEMENT_ASR)) ||
            (is_orr_rate((role_t)r) && (o->complement & INPUT_COMPLEMENT_ORR)))
            comp = !comp;
        P->comp[r] = comp;
    }
}

/* Finds the column of each role; false with the error recorded when the
 * header names no point or no rate, a role twice, or a column a flag names
 * is missing. */
static bool take_header(points_t *P, const csvrow_t *row)
{
    for (int r = 0; r < R_COUNT; r++)
        P->col[r] = -1;
    for (size_t i = 0; i < P->ncols; i++)
        P->roles[i] = role_of(P, P->header[i]);
    if (!map_columns(P, row->line))
        return false;
    for (size_t i = 0; i < P->ncols; i++) {
        role_t r = P->roles[i];
        if (r != R_NONE && P->col[r] >= 0) {
            diag_error(P->d, "%s:%ld:%zu: column '%s' appears twice (also column %d)", P->fname, row->line, i + 1,
                       P->header[i], P->col[r] + 1);
            return false;
        }
        if (r != R_NONE)
            P->col[r] = (int)i;
    }
    rate_units(P);
    /* A curve written by `tradeoff sweep` has no name column: its points
     * are named after the file and their threshold. */
    bool has_name = P->nname_cols > 0 || has(P, R_NAME) || has(P, R_MODEL) || has(P, R_VARIANT) || has(P, R_KNOB);
    P->has_asr = has(P, R_ASR_PCT) || has(P, R_ASR_FRAC) || has(P, R_NOT_UNSAFE) ||
                 (has(P, R_N_ADV) && has(P, R_ADV_SUCC));
    P->has_orr = has(P, R_ORR_PCT) || has(P, R_ORR_FRAC) || has(P, R_NOT_OVERREFUSE) ||
                 (has(P, R_N_BEN) && has(P, R_BEN_REF));
    P->set->rate_column[0] = P->set->rate_column[0] || P->has_asr;
    P->set->rate_column[1] = P->set->rate_column[1] || P->has_orr;
    if (!has_name || (!P->has_asr && !P->has_orr)) {
        sb_t found = SB_INIT;
        csvheader_list(&found, P->header, P->ncols);
        diag_error(P->d, "%s:%ld: missing %s column; found: %s; expected %s", P->fname, row->line,
                   !has_name ? "a name" : "a rate", sb_str(&found), accepted_names());
        sb_free(&found);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------------
 * Columns that look meant: a header close to an accepted rate or count
 * name that nothing reads (a typo: "overrefusal"). */

static const struct {
    const char *name;    /* compared without '_' */
    const char *suggest; /* the accepted name to suggest */
    bool asr;            /* its side */
} meant[] = {
    {"attack_success", "attack_success_pct", true}, {"attack_success_pct", "attack_success_pct", true},
    {"attack_success_percent", "attack_success_pct", true}, {"attack_success_rate", "attack_success_rate", true},
    {"asr", "asr_pct", true}, {"asr_pct", "asr_pct", true}, {"asr_rate", "asr_rate", true},
    {"not_unsafe", "not_unsafe", true}, {"n_adversarial", "n_adversarial", true},
    {"attack_successes", "attack_successes", true},
    {"over_refusal", "over_refusal_pct", false}, {"over_refusal_pct", "over_refusal_pct", false},
    {"over_refusal_percent", "over_refusal_pct", false}, {"over_refusal_rate", "over_refusal_rate", false},
    {"orr", "orr_pct", false}, {"orr_pct", "orr_pct", false}, {"orr_rate", "orr_rate", false},
    {"not_overrefuse", "not_overrefuse", false}, {"n_benign", "n_benign", false},
    {"benign_refused", "benign_refused", false},
};

/* `in` normalised (csvheader_normalise) without its '_'. */
static void squeeze(const char *in, char *out, size_t n)
{
    char norm[128];
    csvheader_normalise(in, norm, sizeof norm);
    size_t o = 0;
    for (const char *p = norm; *p && o + 1 < n; p++)
        if (*p != '_')
            out[o++] = *p;
    out[o] = '\0';
}

/* The accepted name a column's header looks like, or -1: the same letters
 * but for case, '_' and '-', or a letter or two away (one for short names). */
static long looks_meant(const char *header)
{
    char h[128], m[128];
    squeeze(header, h, sizeof h);
    long best = -1;
    size_t best_d = 3;
    for (size_t i = 0; i < sizeof meant / sizeof meant[0]; i++) {
        squeeze(meant[i].name, m, sizeof m);
        size_t len = strlen(m), max = len >= 10 ? 2 : len >= 5 ? 1 : 0;
        size_t d = text_distance(h, m, max);
        if (d <= max && d < best_d) {
            best = (long)i;
            best_d = d;
        }
    }
    return best;
}

static bool is_name_part(const points_t *P, size_t col)
{
    for (size_t k = 0; k < P->nname_cols; k++)
        if (P->name_cols[k] == (int)col)
            return true;
    return false;
}

static bool is_filter_column(const points_t *P, size_t col)
{
    for (size_t k = 0; k < P->nfilters; k++)
        if (P->filters[k].col == (int)col)
            return true;
    return false;
}

/* One warning per column that nothing reads but whose name looks like an
 * accepted rate or count name; and, when a side has no column at all, one
 * that names the side and the names it is read from. */
static void warn_unused(points_t *P)
{
    for (size_t i = 0; i < P->ncols; i++) {
        if (P->roles[i] != R_NONE || alias_role(P->header[i]) != R_NONE || is_name_part(P, i) ||
            is_filter_column(P, i))
            continue;
        long k = looks_meant(P->header[i]);
        if (k < 0)
            continue;
        char **unread = &P->set->unread_rate_column[meant[k].asr ? 0 : 1];
        if (!*unread)
            *unread = text_sanitize(P->header[i], strlen(P->header[i]));
        diag_warn_file(P->d, P->fname, "column '%s' is not used; did you mean %s? (accepted: %s; or %s %s)",
                       P->header[i], meant[k].suggest, meant[k].asr ? ASR_NAMES : ORR_NAMES,
                       meant[k].asr ? "--asr-column" : "--orr-column", P->header[i]);
    }
    if (!P->has_orr)
        diag_warn_file(P->d, P->fname, "no over-refusal column: the points have ASR only (their ORR is "
                                       "unknown); accepted names: " ORR_NAMES ", or --orr-column NAME");
    if (!P->has_asr)
        diag_warn_file(P->d, P->fname, "no attack success column: the points have ORR only (their ASR is "
                                       "unknown); accepted names: " ASR_NAMES ", or --asr-column NAME");
}

const char *points_rate_names(bool asr) { return asr ? ASR_NAMES : ORR_NAMES; }

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
    sb_t columns = SB_INIT;
    csvheader_list(&columns, P->header, P->ncols);
    free(set->columns);
    set->columns = sb_detach(&columns);
    P->roles = xcalloc(P->ncols ? P->ncols : 1, sizeof *P->roles);
    P->nfilters = opts->nwhere;
    if (!take_header(P, header) ||
        !groupcols_init(&P->groups, P->header, P->ncols, opts, fname, header->line, d) ||
        (opts->nwhere && !(P->filters = rowfilter_begin(opts->where, opts->nwhere, P->header, P->ncols, fname,
                                                        header->line, d)))) {
        points_free(P);
        return NULL;
    }
    warn_unused(P);
    P->file_series = names_from_path(path);
    index_attr_columns(P);
    return P;
}

/* ------------------------------------------------------------------------
 * Cells. */

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
    bool complement;  /* the cell holds 1 - rate (not_unsafe, not_overrefuse, --complement) */
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
    bool pct = P->pct[r] || strchr(s, '%') != NULL;
    double v;
    const char *why = pct ? num_parse_percent(s, &v) : num_parse_decimal(s, &v);
    if (!why && !pct && (v < 0 || v > 1))
        why = "expected a fraction from 0 to 1 (or a percentage with a % sign, or --rates percent)";
    if (why) {
        cell_error(P, row, r, why);
        return false;
    }
    bool complement = P->comp[r];
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
static void derive_count(points_t *P, const csvrow_t *row, long point_line, const char *what, const printed_t *pr,
                         long long n, long long *k, point_count_note_t *note)
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
        diag_warn_at(P->d, P->fname, row->line, c + 1, point_line,
                     "%s: no whole count of %lld prompts gives this %s rate at its printed precision: expected a "
                     "rate k/n for some k; counts left unknown",
                     P->header[c], n, what);
    }
}

/* The counts and the rate of one side, made one fact: the rate is k / n
 * whenever the count is known (given, or derived from the printed rate and
 * n), so that every delta and its interval come from the same numbers. A
 * printed rate that k / n does not round to is an error. */
static bool reconcile(points_t *P, const csvrow_t *row, long point_line, const char *what, double *rate,
                      const printed_t *pr, long long n, long long *k, role_t kr, point_count_note_t *note)
{
    if (n == POINT_COUNT_UNKNOWN)
        return true;
    if (*k != POINT_COUNT_UNKNOWN && *k > n) {
        cell_error(P, row, kr, "expected no more than the number of prompts in the set");
        return false;
    }
    if (n == 0)
        return true;
    if (*k == POINT_COUNT_UNKNOWN) {
        if (pr->given)
            derive_count(P, row, point_line, what, pr, n, k, note);
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

/* ------------------------------------------------------------------------
 * Names. */

static char *cell_text(const csvrow_t *row, int c)
{
    return csvcell_blank(row->fields[c], row->lens[c]) ? NULL : csvcell_text(row->fields[c], row->lens[c]);
}

/* --name-columns A,B,C: "A (B, C)", blank cells left out. */
static void name_from_columns(const points_t *P, const csvrow_t *row, sb_t *sb)
{
    size_t parts = 0;
    for (size_t k = 0; k < P->nname_cols; k++) {
        char *v = cell_text(row, P->name_cols[k]);
        if (!v)
            continue;
        sb_printf(sb, "%s%s", parts == 0 ? "" : parts == 1 ? " (" : ", ", v);
        parts++;
        free(v);
    }
    if (parts > 1)
        sb_putc(sb, ')');
}

/* The name column, else the --name-columns, else "model (variant)", else
 * "file @ threshold". */
static char *build_name(points_t *P, const csvrow_t *row)
{
    if (!is_blank(row, P, R_NAME)) {
        const char *name = cell(row, P, R_NAME);
        return csvcell_text(name, strlen(name));
    }
    sb_t sb = SB_INIT;
    if (P->nname_cols) {
        name_from_columns(P, row, &sb);
    } else {
        char *model = has(P, R_MODEL) ? cell_text(row, P->col[R_MODEL]) : NULL;
        char *variant = has(P, R_VARIANT) ? cell_text(row, P->col[R_VARIANT]) : NULL;
        if (model)
            sb_puts(&sb, model);
        if (variant)
            sb_printf(&sb, model ? " (%s)" : "%s", variant);
        if (!model && !variant && has(P, R_KNOB))
            sb_printf(&sb, "%s @ %s", P->file_series, cell(row, P, R_KNOB));
        free(model);
        free(variant);
    }
    char *raw = sb_detach(&sb);
    char *clean = text_sanitize(raw ? raw : "", raw ? strlen(raw) : 0);
    free(raw);
    return clean;
}

static bool has_identity(const points_t *P)
{
    return P->nname_cols > 0 || has(P, R_NAME) || has(P, R_MODEL) || has(P, R_VARIANT);
}

/* Names from a name column were chosen by the user, so a repeat is an
 * error; names built from model and variant (or --name-columns) are told
 * apart instead (names_tell_apart). */
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
 * point_set_attr would give. A knob that is not a number is kept as text. */
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
                    (is_identity_role(r) && has(P, R_NAME) && r != R_NAME) || (r == R_KNOB && isnan(p->knob));
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

/* The point's rates, counts and knob; false with the error recorded. A
 * knob that is not a number is a label, kept as an attribute. */
static bool take_numbers(points_t *P, const csvrow_t *row, long point_line, point_t *p)
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
        ok = reconcile(P, row, point_line, "attack success", &p->asr, &asr, p->n_adversarial, &p->attack_successes,
                       R_ADV_SUCC, &p->adv_note) &&
             reconcile(P, row, point_line, "over-refusal", &p->orr, &orr, p->n_benign, &p->benign_refused,
                       R_BEN_REF, &p->ben_note);
    }
    if (ok && !is_blank(row, P, R_KNOB) && num_parse_decimal(cell(row, P, R_KNOB), &p->knob))
        p->knob = NAN;
    return ok;
}

/* ------------------------------------------------------------------------
 * Long tables (--category-column): one category per row. */

static point_sum_t *sums_of(points_t *P, size_t idx)
{
    size_t k = idx - P->first;
    if (k >= P->sums_cap) {
        size_t cap = P->sums_cap;
        P->sums = xgrow(P->sums, &P->sums_cap, k + 1, sizeof *P->sums);
        memset(P->sums + cap, 0, (P->sums_cap - cap) * sizeof *P->sums);
    }
    return &P->sums[k];
}

static void sum_side(side_sum_t *s, double rate, long long n, long long k, const point_count_note_t *note)
{
    if (isnan(rate)) {
        s->unrated++;
        return;
    }
    if (s->rated++ == 0)
        s->all_n = s->all_k = true;
    s->sum_rate += rate;
    s->all_n = s->all_n && n > 0;
    s->all_k = s->all_k && n > 0 && k >= 0;
    if (n > 0) {
        s->sum_n += n;
        s->sum_nrate += (double)n * rate;
    }
    if (n > 0 && k >= 0)
        s->sum_k += k;
    s->derived = s->derived || note->derived;
}

/* The category of the row: its name, counts and rate, added to point p;
 * false with the error recorded for a blank or repeated category. */
static bool add_row_category(points_t *P, const csvrow_t *row, point_t *p, const point_t *r)
{
    int c = P->col[R_ROW_CATEGORY];
    char *name = cell_text(row, c);
    if (!name) {
        csvcell_error(P->d, P->fname, row, c, P->header[c], "expected a category name");
        return false;
    }
    for (size_t i = 0; i < p->ncategories; i++) {
        if (strcmp(p->categories[i].name, name) == 0) {
            char msg[200];
            snprintf(msg, sizeof msg, "expected each category once per point: '%s' has it already", p->name);
            csvcell_error(P->d, P->fname, row, c, P->header[c], msg);
            free(name);
            return false;
        }
    }
    if (p->ncategories >= INPUT_MAX_CATEGORIES) {
        diag_error(P->d, "%s:%ld: '%s' has more than %d categories: expected one row per category", P->fname,
                   row->line, p->name, INPUT_MAX_CATEGORIES);
        free(name);
        return false;
    }
    category_t *cat = point_add_category(p, name);
    free(name);
    cat->n_adversarial = r->n_adversarial;
    cat->attack_successes = r->attack_successes;
    cat->asr = r->asr;
    if (has(P, R_CRITICAL)) {
        char *v = cell_text(row, P->col[R_CRITICAL]);
        cat->critical = v && (strcasecmp(v, "true") == 0 || strcasecmp(v, "yes") == 0 || strcmp(v, "1") == 0);
        free(v);
    }
    return true;
}

/* A row of a long table: the category of the point of its name (made by
 * the first row of that name). */
static int long_row(points_t *P, const csvrow_t *row, char *name)
{
    long idx = nameindex_find(&P->names, P->set, name);
    long point_line = idx >= 0 ? P->set->items[idx].line : row->line;
    point_t r = point_make(name);
    bool ok = take_numbers(P, row, point_line, &r);
    if (ok && idx < 0) {
        point_t p = point_make(name);
        p.source = xstrdup(P->fname);
        p.line = row->line;
        p.knob = r.knob;
        if (!is_blank(row, P, R_SERIES)) {
            const char *series = cell(row, P, R_SERIES);
            p.series = csvcell_text(series, strlen(series));
        }
        take_attrs(P, row, &p);
        groupcols_apply(&P->groups, row, P->fname, &p);
        pointset_add(P->set, p);
        idx = (long)P->set->len - 1;
        nameindex_add(&P->names, P->set, (size_t)idx);
    }
    ok = ok && add_row_category(P, row, &P->set->items[idx], &r);
    if (ok) {
        point_sum_t *s = sums_of(P, (size_t)idx);
        sum_side(&s->asr, r.asr, r.n_adversarial, r.attack_successes, &r.adv_note);
        sum_side(&s->orr, r.orr, r.n_benign, r.benign_refused, &r.ben_note);
    }
    point_free(&r);
    free(name);
    return ok ? 0 : -1;
}

/* The rate and counts of a side of a long table's point: the sums of its
 * categories' counts when every category has them (rate k / n: the
 * count-weighted mean), the n-weighted mean with the total n when only n
 * is known, else the plain mean with n unknown. */
static void settle_side(const side_sum_t *s, double *rate, long long *n, long long *k, point_count_note_t *note)
{
    *rate = NAN;
    *n = *k = POINT_COUNT_UNKNOWN;
    if (s->rated == 0)
        return;
    if (s->all_k && s->sum_n > 0) {
        *n = s->sum_n;
        *k = s->sum_k;
        *rate = (double)s->sum_k / (double)s->sum_n;
        note->derived = s->derived;
    } else if (s->all_n && s->sum_n > 0) {
        *n = s->sum_n;
        *rate = s->sum_nrate / (double)s->sum_n;
        note->inexact = true;
    } else {
        *rate = s->sum_rate / (double)s->rated;
    }
}

static void settle_long(points_t *P)
{
    for (size_t i = P->first; i < P->set->len; i++) {
        point_t *p = &P->set->items[i];
        point_sum_t *s = sums_of(P, i);
        settle_side(&s->asr, &p->asr, &p->n_adversarial, &p->attack_successes, &p->adv_note);
        settle_side(&s->orr, &p->orr, &p->n_benign, &p->benign_refused, &p->ben_note);
        size_t out = s->asr.unrated + (P->has_orr ? s->orr.unrated : 0);
        if (out && (s->asr.rated || s->orr.rated))
            diag_warn_at(P->d, P->fname, p->line, 0, p->line,
                         "'%s': %zu of its %zu categories without a rate, left out of its mean", p->name, out,
                         p->ncategories);
    }
}

/* ------------------------------------------------------------------------
 * Rows. */

static void note_missing(points_t *P, const point_t *p)
{
    if (!((P->has_asr && isnan(p->asr)) || (P->has_orr && isnan(p->orr))))
        return;
    P->missing_lines = xgrow(P->missing_lines, &P->missing_cap, P->nmissing + 1, sizeof *P->missing_lines);
    P->missing_lines[P->nmissing++] = p->line;
}

int points_row(points_t *P, const csvrow_t *row)
{
    if (P->nfilters && !rowfilter_keep(P->filters, P->nfilters, row)) {
        P->filtered++;
        return 0;
    }
    if (P->set->len - P->first >= POINTS_MAX) {
        diag_error(P->d, "%s:%ld: more than %u operating points: expected a table of models or "
                         "thresholds (per-prompt rows are read with --input judged or scores)",
                   P->fname, row->line, POINTS_MAX);
        return -1;
    }
    char *name = build_name(P, row);
    if (name[0] == '\0') {
        free(name);
        int c = P->nname_cols ? P->name_cols[0]
                : P->col[has(P, R_NAME) ? R_NAME : has(P, R_MODEL) ? R_MODEL : R_VARIANT];
        diag_error(P->d, "%s:%ld:%d: %s: expected a point name, got an empty cell", P->fname, row->line, c + 1,
                   P->header[c]);
        return -1;
    }
    if (has(P, R_ROW_CATEGORY))
        return long_row(P, row, name);
    if (duplicate_name(P, row, name)) {
        free(name);
        return -1;
    }
    point_t p = point_make(name);
    free(name);
    p.source = xstrdup(P->fname);
    p.line = row->line;
    if (!take_numbers(P, row, row->line, &p)) {
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
    note_missing(P, &p);
    pointset_add(P->set, p);
    nameindex_add(&P->names, P->set, P->set->len - 1);
    return 0;
}

/* The filters as the reports name them: "notes!~RELATIVE and k=v". */
static void note_filtered(points_t *P)
{
    pointset_t *set = P->set;
    set->rows_filtered += P->filtered;
    if (set->filtered_by || !P->opts->nwhere)
        return;
    sb_t sb = SB_INIT;
    for (size_t i = 0; i < P->opts->nwhere; i++) {
        char *shown = text_sanitize(P->opts->where[i], strlen(P->opts->where[i]));
        sb_printf(&sb, "%s%s", i ? " and " : "", shown);
        free(shown);
    }
    set->filtered_by = sb_detach(&sb);
}

int points_finish(points_t *P)
{
    note_filtered(P);
    if (P->set->len == P->first) {
        diag_error(P->d, "%s: --where left out every row (%lld): expected at least one operating point to keep",
                   P->fname, P->filtered);
        return -1;
    }
    if (has(P, R_ROW_CATEGORY)) {
        settle_long(P);
        for (size_t i = P->first; i < P->set->len; i++)
            note_missing(P, &P->set->items[i]);
    }
    names_tell_apart(P->set, P->first, P->header, P->ncols, P->fname);
    if (P->nmissing)
        diag_warn_lines(P->d, P->fname, "point", P->missing_lines, P->nmissing,
                        "without an attack success or over-refusal rate: that rate is unknown");
    if (has(P, R_KNOB) && !P->set->knob_name)
        P->set->knob_name = xstrdup(P->header[P->col[R_KNOB]]);
    return 0;
}

void points_free(points_t *P)
{
    if (!P)
        return;
    nameindex_free(&P->names);
    groupcols_free(&P->groups);
    rowfilter_end(P->filters, P->nfilters);
    free(P->attr_first);
    free(P->attr_at);
    csvheader_free(P->header, P->ncols);
    free(P->roles);
    free(P->name_cols);
    free(P->file_series);
    free(P->missing_lines);
    free(P->sums);
    free(P);
}
