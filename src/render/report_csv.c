/* report_csv: one row per operating point with every computed column, for
 * spreadsheets and scripts.
 *
 * Numbers are written with full precision and no separators (an unknown
 * value is an empty cell), so `tradeoff` reads the file back as the same
 * points. Text cells (names, series, attributes) come from input files and a
 * spreadsheet would run one that starts with = + - or @ as a formula; such
 * cells get a leading apostrophe, which tradeoff drops when it reads the
 * file back (csvcell_guarded, csvcell_text). A cell that is a number (-5,
 * +5, -1e5, in a numeric column or not) is never touched. */
#include "config.h"

#include "core/analysis.h"
#include "load/csvcell.h"
#include "core/stats.h"
#include "base/num.h"
#include "render/report.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Columns of our own; an input attribute with one of these names is left
 * out rather than written twice. */
static const char *const fixed_columns[] = {
    "name", "series", "source", "line", "attack_success_pct", "over_refusal_pct",
    "n_adversarial", "attack_successes", "n_benign", "benign_refused", "counts_derived", "unrecognised_verdicts",
    "daily_unnecessary_refusals", "daily_harmful_outputs", "daily_cost",
    "policy", "policy_pass", "policy_failures", "policy_confidence",
    "pareto_optimal", "on_convex_hull", "series_pareto_optimal", "series_on_convex_hull", "dominated_by",
    "attack_success_ci95_lo_pct", "attack_success_ci95_hi_pct",
    "over_refusal_ci95_lo_pct", "over_refusal_ci95_hi_pct",
    "daily_harmful_outputs_ci95_lo", "daily_harmful_outputs_ci95_hi",
    "daily_unnecessary_refusals_ci95_lo", "daily_unnecessary_refusals_ci95_hi",
    "group", "group_note", /* last, so that the columns before keep their places */
};
#define NFIXED (sizeof fixed_columns / sizeof fixed_columns[0])

static bool is_fixed(const char *key, const char *knob)
{
    for (size_t i = 0; i < NFIXED; i++)
        if (strcmp(key, fixed_columns[i]) == 0)
            return true;
    return strcmp(key, knob) == 0;
}

/* A text cell: sanitised, neutralised, quoted when it holds a separator, a
 * quote or surrounding blanks. */
static void csv_text(sb_t *out, const char *s)
{
    if (!s)
        return;
    char *clean = text_sanitize(s, strlen(s));
    bool neutralise = csvcell_guarded(s);
    size_t n = strlen(clean);
    bool quote = neutralise || strpbrk(clean, ",\"") != NULL || (n && (clean[0] == ' ' || clean[n - 1] == ' '));
    if (quote)
        sb_putc(out, '"');
    if (neutralise)
        sb_putc(out, '\'');
    for (const char *p = clean; *p; p++) {
        if (*p == '"')
            sb_putc(out, '"');
        sb_putc(out, *p);
    }
    if (quote)
        sb_putc(out, '"');
    free(clean);
}

void report_csv_cell(sb_t *out, const char *s) { csv_text(out, s); }


/* A numeric cell: empty when unknown. */
static void csv_number(sb_t *out, double x)
{
    char buf[40];
    if (isfinite(x))
        sb_puts(out, num_format_json(x, buf, sizeof buf));
}

void report_csv_number(sb_t *out, double x) { csv_number(out, x); }

static void csv_count(sb_t *out, long long x)
{
    if (x >= 0)
        sb_printf(out, "%lld", x);
}

/* The attribute keys of all points, in order of first appearance. */
static const char **attribute_keys(const pointset_t *set, const char *knob, size_t *nkeys)
{
    size_t cap = 0, n = 0;
    for (size_t i = 0; i < set->len; i++)
        cap += set->items[i].nattrs;
    const char **keys = xcalloc(cap ? cap : 1, sizeof *keys);
    for (size_t i = 0; i < set->len; i++)
        for (size_t a = 0; a < set->items[i].nattrs; a++) {
            const char *k = set->items[i].attrs[a].key;
            bool seen = is_fixed(k, knob);
            for (size_t j = 0; j < n && !seen; j++)
                seen = strcmp(keys[j], k) == 0;
            if (!seen)
                keys[n++] = k;
        }
    *nkeys = n;
    return keys;
}

/* The column that says which rows --where left out (on the first row),
 * after every other, and only when some were. */
#define FILTERED_COLUMN "rows_filtered_out"

static void header(sb_t *out, const char *knob, const char **keys, size_t nkeys, bool filtered)
{
    for (size_t i = 0; i < NFIXED; i++) {
        if (i)
            sb_putc(out, ',');
        sb_puts(out, fixed_columns[i]);
        if (strcmp(fixed_columns[i], "line") == 0) {
            sb_putc(out, ',');
            csv_text(out, knob);
        }
    }
    for (size_t k = 0; k < nkeys; k++) {
        sb_putc(out, ',');
        csv_text(out, keys[k]);
    }
    if (filtered)
        sb_puts(out, "," FILTERED_COLUMN);
    sb_putc(out, '\n');
}

static void csv_bool(sb_t *out, bool known, bool value)
{
    if (known)
        sb_puts(out, value ? "true" : "false");
}

/* Two cells: the ends of an interval, times `scale`; empty when unknown. */
static void csv_interval(sb_t *out, stats_interval_t ci, double scale)
{
    sb_putc(out, ',');
    csv_number(out, ci.known ? ci.lo * scale : NAN);
    sb_putc(out, ',');
    csv_number(out, ci.known ? ci.hi * scale : NAN);
}

/* The analytics columns, from policy_confidence to the projections'
 * intervals. */
static void analysis_cells(sb_t *out, const analysis_t *a, size_t i)
{
    const point_t *p = &a->set->items[i];
    const frontier_mark_t *m = &a->groups.marks[i];
    bool known = point_has_rates(p);
    stats_policy_t pc = stats_policy_check(&a->scenario->policy, p, a->opts.confidence, a->opts.interval);
    projection_ci_t pr = model_project_interval(a->scenario, pc.asr, pc.orr);
    if (policy_has_bounds(&a->scenario->policy))
        sb_puts(out, stats_confidence_key(pc.level));
    sb_putc(out, ',');
    csv_bool(out, known, m->pareto_optimal);
    sb_putc(out, ',');
    csv_bool(out, known, m->on_hull);
    sb_putc(out, ',');
    csv_bool(out, known && p->series, a->series_pareto[i]);
    sb_putc(out, ',');
    csv_bool(out, known && p->series, a->series_hull[i]);
    sb_putc(out, ',');
    sb_t by = SB_INIT;
    for (size_t k = 0; k < m->ndominated_by; k++)
        sb_printf(&by, "%s%s", k ? "; " : "", a->set->items[m->dominated_by[k]].name);
    csv_text(out, sb_str(&by));
    sb_free(&by);
    csv_interval(out, pc.asr, 100);
    csv_interval(out, pc.orr, 100);
    csv_interval(out, pr.harmful, 1);
    csv_interval(out, pr.refusals, 1);
    sb_putc(out, ',');
    csv_text(out, point_group(p));
    sb_putc(out, ',');
    /* what the groups rest on where the data does not say, once: on the
     * first row */
    if (i == 0) {
        sb_t note = SB_INIT;
        if (groups_basis_note(&note, &a->groups))
            csv_text(out, sb_str(&note));
        sb_free(&note);
    }
}

static void row(sb_t *out, const report_t *r, const analysis_t *a, size_t i, const char **keys, size_t nkeys)
{
    const scenario_t *s = r->scenario;
    const point_t *p = &r->points->items[i];
    projection_t pr = model_project(s, p);
    verdict_t v = policy_check(&s->policy, p->asr, p->orr);
    csv_text(out, p->name);
    sb_putc(out, ',');
    csv_text(out, p->series);
    sb_putc(out, ',');
    csv_text(out, p->source);
    sb_putc(out, ',');
    if (p->line > 0)
        sb_printf(out, "%ld", p->line);
    sb_putc(out, ',');
    csv_number(out, p->knob);
    sb_putc(out, ',');
    csv_number(out, num_fraction_to_pct(p->asr));
    sb_putc(out, ',');
    csv_number(out, num_fraction_to_pct(p->orr));
    sb_putc(out, ',');
    csv_count(out, p->n_adversarial);
    sb_putc(out, ',');
    csv_count(out, p->attack_successes);
    sb_putc(out, ',');
    csv_count(out, p->n_benign);
    sb_putc(out, ',');
    csv_count(out, p->benign_refused);
    sb_putc(out, ',');
    sb_puts(out, p->adv_note.derived || p->ben_note.derived ? "true" : "false");
    sb_putc(out, ',');
    csv_count(out, p->adv_note.unrecognised + p->ben_note.unrecognised);
    sb_putc(out, ',');
    csv_number(out, pr.refusals);
    sb_putc(out, ',');
    csv_number(out, pr.harmful);
    sb_putc(out, ',');
    csv_number(out, model_costs_set(s) ? pr.cost : NAN);
    sb_putc(out, ',');
    csv_text(out, s->policy.key);
    sb_putc(out, ',');
    if (!v.asr_unknown && !v.orr_unknown)
        sb_puts(out, verdict_pass(v) ? "true" : "false");
    sb_putc(out, ',');
    sb_printf(out, "%s%s%s", v.asr_fail ? "attack_success" : "", v.asr_fail && v.orr_fail ? ";" : "",
              v.orr_fail ? "over_refusal" : "");
    sb_putc(out, ',');
    analysis_cells(out, a, i);
    for (size_t k = 0; k < nkeys; k++) {
        sb_putc(out, ',');
        csv_text(out, point_attr(p, keys[k]));
    }
    if (r->points->rows_filtered > 0) {
        sb_putc(out, ',');
        if (i == 0) {
            sb_t f = SB_INIT;
            pointset_filtered_describe(&f, r->points);
            csv_text(out, sb_str(&f));
            sb_free(&f);
        }
    }
    sb_putc(out, '\n');
}

void report_csv(sb_t *out, const report_t *r)
{
    const char *knob = r->points->knob_name ? r->points->knob_name : "threshold";
    size_t nkeys;
    const char **keys = attribute_keys(r->points, knob, &nkeys);
    analysis_t a;
    analysis_compute(&a, r->points, r->scenario, r->analysis);
    header(out, knob, keys, nkeys, r->points->rows_filtered > 0);
    for (size_t i = 0; i < r->points->len; i++)
        row(out, r, &a, i, keys, nkeys);
    analysis_free(&a);
    free(keys);
}
