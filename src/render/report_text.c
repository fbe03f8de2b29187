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
              num_format_pct(s->adv_share, a, sizeof a), num_format_count(s->volume * s->adv_share, b, sizeof b),
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
    sb_puts(out, "\n\n");
}

static int column_width(const pointset_t *set, bool series, int header, int max)
{
    int w = header;
    for (size_t i = 0; i < set->len; i++) {
        const char *s = series ? set->items[i].series : set->items[i].name;
        int tw = s ? text_width(s) : 1;
        if (tw > w)
            w = tw;
    }
    return w > max ? max : w;
}

static void points_table(sb_t *out, const report_t *r, const analysis_t *an)
{
    const scenario_t *s = r->scenario;
    bool costs = model_costs_set(s);
    bool grouped = an->groups.len > 1; /* the group's number, from the Groups section */
    int nw = column_width(r->points, false, 5, NAME_COL_MAX);
    int sw = column_width(r->points, true, 6, SERIES_COL_MAX);
    text_pad(out, "Point", nw, false);
    if (grouped)
        sb_puts(out, "  Grp");
    sb_puts(out, "  ");
    text_pad(out, "Series", sw, false);
    sb_printf(out, "  %7s  %7s  %13s  %12s", "ASR", "ORR", "Refusals/day", "Harmful/day");
    if (costs)
        sb_printf(out, "  %12s", "Cost/day");
    sb_puts(out, "  Policy     Front\n");
    for (size_t i = 0; i < r->points->len; i++) {
        const point_t *p = &r->points->items[i];
        projection_t pr = model_project(s, p);
        verdict_t v = policy_check(&s->policy, p->asr, p->orr);
        char asr[32], orr[32], ref[48], harm[48], cost[48];
        text_pad(out, p->name, nw, false);
        if (grouped)
            sb_printf(out, "  %3zu", an->groups.of[i] + 1);
        sb_puts(out, "  ");
        text_pad(out, p->series ? p->series : "-", sw, false);
        sb_printf(out, "  %7s  %7s  %13s  %12s", num_format_pct(p->asr, asr, sizeof asr),
                  num_format_pct(p->orr, orr, sizeof orr), num_format_count(pr.refusals, ref, sizeof ref),
                  num_format_count(pr.harmful, harm, sizeof harm));
        if (costs)
            sb_printf(out, "  %12s", num_format_money(pr.cost, cost, sizeof cost));
        sb_printf(out, "  %-9s  %s\n", policy_has_bounds(&s->policy) ? verdict_short(v) : "-",
                  analysis_marks(an, i));
    }
    sb_puts(out, "\n");
}

static void signed_count(char *buf, size_t n, double d)
{
    char tmp[40];
    num_format_count(fabs(d), tmp, sizeof tmp);
    snprintf(buf, n, "%s%s", d > 0 ? "+" : d < 0 ? "-" : "", tmp);
}

static void comparison_text(sb_t *out, const report_t *r)
{
    const scenario_t *s = r->scenario;
    comparison_t c = model_compare(s, r->compare_a, r->compare_b);
    char a[64], b[64];
    sb_printf(out, "Comparison: %s -> %s\n", r->compare_a->name, r->compare_b->name);
    signed_count(a, sizeof a, c.d_refusals);
    signed_count(b, sizeof b, c.d_harmful);
    sb_printf(out, "  Change in unnecessary refusals/day   %s\n", a);
    sb_printf(out, "  Change in harmful outputs/day        %s\n", b);
    if (!isnan(c.break_even))
        sb_printf(out, "  Break-even exchange rate             %s unnecessary refusals per harmful output\n",
                  num_format_count(c.break_even, a, sizeof a));
    if (model_costs_set(s)) {
        num_format_money(fabs(c.d_cost), a, sizeof a);
        sb_printf(out, "  Change in daily cost                 %s%s\n", c.d_cost < 0 ? "-" : "+", a);
    }
    sb_puts(out, "\n  ");
    model_sentence(out, s, r->compare_a->name, r->compare_b->name, &c);
    sb_puts(out, "\n");
}

void report_text(sb_t *out, const report_t *r)
{
    sb_printf(out, "tradeoff %s: %s (%zu point%s)\n\n", PACKAGE_VERSION, r->title, r->points->len,
              r->points->len == 1 ? "" : "s");
    scenario_text(out, r->scenario);
    analysis_t an;
    analysis_compute(&an, r->points, r->scenario, r->analysis);
    analysis_report_groups_text(out, &an);
    points_table(out, r, &an);
    chart_focus_t cf;
    chart_focus_init(&cf, &an.groups, analysis_focus(&an, r->group));
    chart_report_section(out, r->points, r->scenario, &cf, r->chart);
    chart_focus_free(&cf);
    analysis_report_text(out, &an);
    analysis_free(&an);
    if (r->compare_a && r->compare_b)
        comparison_text(out, r);
}
