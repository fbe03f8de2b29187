/* report_text: the plain-text report: scenario, the table of points, the
 * chart, the analysis sections and the comparison. */
#include "config.h"

#include "render/analysis_report.h"
#include "render/chart.h"
#include "render/report.h"
#include "base/num.h"
#include "base/text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NAME_COL_MAX 32
#define SERIES_COL_MAX 20

static void scenario_text(sb_t *out, const scenario_t *s)
{
    char a[48], b[48], c[48];
    sb_puts(out, "Scenario\n");
    sb_printf(out, "  Daily queries        %s\n", num_format_int(s->volume, a, sizeof a));
    sb_printf(out, "  Adversarial share    %s (%s adversarial and %s benign queries a day)\n",
              num_format_pct_exact(s->adv_share, a, sizeof a), num_format_count(s->volume * s->adv_share, b, sizeof b),
              num_format_count(s->volume * (1 - s->adv_share), c, sizeof c));
    if (model_costs_set(s))
        sb_printf(out, "  Costs                %s per unnecessary refusal, %s per harmful output\n",
                  num_format_money(s->cost_refusal, a, sizeof a), num_format_money(s->cost_harm, b, sizeof b));
    else
        sb_puts(out, "  Costs                not set (--cost-refusal, --cost-harm)\n");
    sb_printf(out, "  Policy               %s", s->policy.label);
    if (policy_has_bounds(&s->policy)) {
        sb_puts(out, ": ");
        bound_describe(out, "ASR", s->policy.asr);
        if (s->policy.asr_scope[0])
            sb_printf(out, " (%s)", s->policy.asr_scope);
        sb_puts(out, ", ");
        bound_describe(out, "ORR", s->policy.orr);
    }
    sb_printf(out, "\n  Assumption           %s\n\n", MODEL_ASSUMPTION);
}

/* The widest of `names` (or the points' series), at least the header's. */
static int column_width(const pointset_t *set, char *const *names, int header)
{
    int w = header;
    for (size_t i = 0; i < set->len; i++) {
        const char *s = names ? names[i] : set->items[i].series;
        int tw = s ? text_width(s) : 1;
        if (tw > w)
            w = tw;
    }
    return w;
}

/* The widest counts cell of one side (at least its heading, "of n"). */
static int counts_width(const pointset_t *set, bool asr)
{
    int w = 4;
    for (size_t i = 0; i < set->len; i++) {
        sb_t c = SB_INIT;
        point_counts_table_cell(&c, &set->items[i], asr);
        if ((int)c.len > w)
            w = (int)c.len;
        sb_free(&c);
    }
    return w;
}

static void counts_cell(sb_t *out, const point_t *p, bool asr, int width)
{
    sb_t c = SB_INIT;
    point_counts_table_cell(&c, p, asr);
    sb_printf(out, "  %-*s", width, sb_str(&c));
    sb_free(&c);
}

/* Under the table: what the marks of the counts columns mean, for the marks
 * it shows. */
static void counts_legend(sb_t *out, const pointset_t *set)
{
    bool derived = false, inexact = false, unrec = false;
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        derived = derived || p->adv_note.derived || p->ben_note.derived;
        inexact = inexact || (p->n_adversarial > 0 && p->attack_successes < 0) ||
                  (p->n_benign > 0 && p->benign_refused < 0);
        unrec = unrec || p->adv_note.unrecognised || p->ben_note.unrecognised;
    }
    if (!derived && !inexact && !unrec)
        return;
    sb_puts(out, "Counts (of n):");
    if (derived)
        sb_puts(out, " * from rate \xc3\x97 n;");
    if (inexact)
        sb_puts(out, " ?/n n given, count unknown (not exact at the printed precision);");
    if (unrec)
        sb_puts(out, " the rate whichever way the unrecognised verdicts go is under Uncertainty;");
    out->data[out->len - 1] = '.';
    sb_puts(out, "\n");
}

static void points_table(sb_t *out, const report_t *r, const analysis_t *an)
{
    const scenario_t *s = r->scenario;
    bool costs = model_costs_set(s);
    bool grouped = an->groups.len > 1; /* the group's number, from the Groups section */
    shortnames_t sn;
    shortnames_compute(&sn, r->points, an->groups.of);
    int aw = counts_width(r->points, true), ow = counts_width(r->points, false);
    /* The names take what the page leaves of its width (--width, or the
     * terminal's), never less than NAME_COL_MAX; the series likewise. */
    int longest = column_width(r->points, sn.names, 5), slongest = column_width(r->points, NULL, 6);
    int rest = (grouped ? 5 : 0) + 2 + 9 + 2 + aw + 9 + 2 + ow + 15 + 14 + (costs ? 14 : 0) + 11 + 5;
    int page = r->width > 0 ? r->width : 80;
    int sw = slongest < SERIES_COL_MAX ? slongest : SERIES_COL_MAX;
    int nw = page - rest - sw;
    nw = nw < NAME_COL_MAX ? NAME_COL_MAX : nw;
    nw = nw > longest ? longest : nw;
    if (sw < slongest && page - rest - nw > sw)
        sw = page - rest - nw < slongest ? page - rest - nw : slongest;
    text_pad(out, "Point", nw, false);
    if (grouped)
        sb_puts(out, "  Grp");
    sb_puts(out, "  ");
    text_pad(out, "Series", sw, false);
    sb_printf(out, "  %7s  %-*s  %7s  %-*s  %13s  %12s", "ASR", aw, "of n", "ORR", ow, "of n", "Refusals/day",
              "Harmful/day");
    if (costs)
        sb_printf(out, "  %12s", "Cost/day");
    sb_puts(out, "  Policy     Front\n");
    char **cells = shortnames_cells(&sn, nw);
    for (size_t i = 0; i < r->points->len; i++) {
        const point_t *p = &r->points->items[i];
        projection_t pr = model_project(s, p);
        verdict_t v = policy_check(&s->policy, p->asr, p->orr);
        char asr[32], orr[32], ref[48], harm[48], cost[48];
        text_pad(out, cells[i], nw, false);
        if (grouped)
            sb_printf(out, "  %3zu", an->groups.of[i] + 1);
        sb_puts(out, "  ");
        text_pad(out, p->series ? p->series : "-", sw, false);
        sb_printf(out, "  %7s", num_format_pct_beside(p->asr, s->policy.asr.max, asr, sizeof asr));
        counts_cell(out, p, true, aw);
        sb_printf(out, "  %7s", num_format_pct_beside(p->orr, s->policy.orr.max, orr, sizeof orr));
        counts_cell(out, p, false, ow);
        sb_printf(out, "  %13s  %12s", num_format_count(pr.refusals, ref, sizeof ref),
                  num_format_count(pr.harmful, harm, sizeof harm));
        if (costs)
            sb_printf(out, "  %12s", num_format_money(pr.cost, cost, sizeof cost));
        sb_printf(out, "  %-9s  %s\n", policy_has_bounds(&s->policy) ? verdict_short(v) : "-",
                  analysis_marks(an, i));
    }
    text_list_free(cells, sn.len);
    counts_legend(out, r->points);
    report_short_names_note(out, r->points, &sn);
    shortnames_free(&sn);
    sb_puts(out, "\n");
}

static void comparison_text(sb_t *out, const report_t *r)
{
    const scenario_t *s = r->scenario;
    comparison_t c = model_compare(s, r->compare_a, r->compare_b);
    sb_printf(out, "Comparison: %s -> %s\n", r->compare_a->name, r->compare_b->name);
    sb_puts(out, "  Change in unnecessary refusals/day   ");
    analysis_report_delta(out, c.d_refusals, c.d_refusals_ci, c.confidence, false);
    sb_puts(out, "\n  Change in harmful outputs/day        ");
    analysis_report_delta(out, c.d_harmful, c.d_harmful_ci, c.confidence, false);
    sb_puts(out, "\n");
    if (!isnan(c.break_even)) {
        sb_puts(out, "  Break-even exchange rate             ");
        analysis_report_break_even(out, &c);
        sb_puts(out, "\n");
    }
    if (model_costs_set(s)) {
        sb_puts(out, "  Change in daily cost                 ");
        analysis_report_delta(out, c.d_cost, model_cost_diff_interval(s, &c), c.confidence, true);
        sb_puts(out, "\n");
    }
    sb_t pairing = SB_INIT;
    if (analysis_report_pairing(&pairing, &c))
        sb_printf(out, "  %s\n", sb_str(&pairing));
    sb_free(&pairing);
    sb_puts(out, "\n  ");
    model_sentence(out, s, r->compare_a->name, r->compare_b->name, &c);
    sb_puts(out, "\n");
}

void report_text(sb_t *out, const report_t *r)
{
    sb_t filtered = SB_INIT;
    pointset_filtered_describe(&filtered, r->points);
    sb_printf(out, "tradeoff %s: %s (%zu point%s%s%s)\n\n", PACKAGE_VERSION, r->title, r->points->len,
              r->points->len == 1 ? "" : "s", filtered.len ? "; " : "", sb_str(&filtered));
    sb_free(&filtered);
    scenario_text(out, r->scenario);
    analysis_t an;
    analysis_compute(&an, r->points, r->scenario, r->analysis);
    analysis_report_groups_text(out, &an);
    points_table(out, r, &an);
    report_warnings(out, r, "Warnings of loading (about the points above)\n", "  ", NULL,
                    r->width > 0 ? r->width : 80);
    chart_focus_t cf;
    chart_focus_init(&cf, &an.groups, analysis_focus(&an, r->group));
    chart_report_section(out, r->points, r->scenario, &cf, r->chart);
    chart_focus_free(&cf);
    analysis_report_text(out, &an);
    analysis_free(&an);
    if (r->compare_a && r->compare_b)
        comparison_text(out, r);
}
