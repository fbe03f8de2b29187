#include "config.h"

#include "report.h"
#include "modeljson.h"
#include "chart.h"
#include "json.h"
#include "num.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define NAME_COL_MAX 32
#define SERIES_COL_MAX 20

bool report_parse_format(const char *s, report_format_t *fmt)
{
    if (strcasecmp(s, "text") == 0)
        *fmt = REPORT_TEXT;
    else if (strcasecmp(s, "json") == 0)
        *fmt = REPORT_JSON;
    else if (strcasecmp(s, "markdown") == 0 || strcasecmp(s, "md") == 0)
        *fmt = REPORT_MARKDOWN;
    else if (strcasecmp(s, "csv") == 0)
        *fmt = REPORT_CSV;
    else if (strcasecmp(s, "svg") == 0)
        *fmt = REPORT_SVG;
    else
        return false;
    return true;
}

void report_render(sb_t *out, const report_t *r, report_format_t fmt)
{
    switch (fmt) {
    case REPORT_JSON: report_json(out, r); break;
    case REPORT_MARKDOWN: report_markdown(out, r); break;
    case REPORT_CSV: report_csv(out, r); break;
    case REPORT_SVG: report_svg(out, r); break;
    case REPORT_TEXT: report_text(out, r); break;
    }
}

bool report_format_from_path(const char *path, report_format_t *fmt)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    if (strcasecmp(dot, ".txt") == 0)
        *fmt = REPORT_TEXT;
    else if (strcasecmp(dot, ".markdown") == 0)
        *fmt = REPORT_MARKDOWN;
    else
        return report_parse_format(dot + 1, fmt);
    return true;
}

/* ---- text ------------------------------------------------------------------ */

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
    int nw = column_width(r->points, false, 5, NAME_COL_MAX);
    int sw = column_width(r->points, true, 6, SERIES_COL_MAX);
    text_pad(out, "Point", nw, false);
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
    points_table(out, r, &an);
    chart_report_section(out, r->points, r->scenario, &an.all, NULL);
    analysis_text(out, &an);
    analysis_free(&an);
    if (r->compare_a && r->compare_b)
        comparison_text(out, r);
}

/* ---- JSON ------------------------------------------------------------------- */

static void bound_json(json_t *j, const char *key, const char *incl_key, bound_t b)
{
    json_key(j, key);
    json_number(j, isfinite(b.max) ? b.max * 100 : NAN);
    json_key(j, incl_key);
    json_bool(j, b.inclusive);
}

static void scenario_json(json_t *j, const scenario_t *s)
{
    json_key(j, "scenario");
    json_object_begin(j);
    json_key(j, "daily_queries");
    json_number(j, s->volume);
    json_key(j, "adversarial_share_pct");
    json_pct(j, s->adv_share);
    json_key(j, "cost_per_unnecessary_refusal");
    json_number(j, s->cost_refusal);
    json_key(j, "cost_per_harmful_output");
    json_number(j, s->cost_harm);
    json_key(j, "costs_set");
    json_bool(j, model_costs_set(s));
    json_key(j, "policy");
    json_object_begin(j);
    json_key(j, "name");
    json_string(j, s->policy.key);
    json_key(j, "label");
    json_string(j, s->policy.label);
    bound_json(j, "max_attack_success_pct", "attack_success_bound_inclusive", s->policy.asr);
    bound_json(j, "max_over_refusal_pct", "over_refusal_bound_inclusive", s->policy.orr);
    json_object_end(j);
    json_object_end(j);
}

static void point_json(json_t *j, const scenario_t *s, const point_t *p, const analysis_t *an, size_t idx)
{
    projection_t pr = model_project(s, p);
    verdict_t v = policy_check(&s->policy, p->asr, p->orr);
    json_object_begin(j);
    json_key(j, "name");
    json_string(j, p->name);
    json_key(j, "series");
    json_string(j, p->series);
    json_key(j, "source");
    json_string(j, p->source);
    json_key(j, "line");
    if (p->line > 0)
        json_int(j, p->line);
    else
        json_null(j);
    json_key(j, "knob");
    json_number(j, p->knob);
    modeljson_rates(j, p);
    modeljson_projection(j, pr);
    json_key(j, "policy_pass");
    if (v.asr_unknown || v.orr_unknown)
        json_null(j);
    else
        json_bool(j, verdict_pass(v));
    json_key(j, "policy_failures");
    json_array_begin(j);
    if (v.asr_fail)
        json_string(j, "attack_success");
    if (v.orr_fail)
        json_string(j, "over_refusal");
    json_array_end(j);
    json_key(j, "attributes");
    json_object_begin(j);
    for (size_t i = 0; i < p->nattrs; i++) {
        json_key(j, p->attrs[i].key);
        json_string(j, p->attrs[i].value);
    }
    json_object_end(j);
    analysis_point_json(j, an, idx);
    json_object_end(j);
}

static void comparison_json(json_t *j, const report_t *r)
{
    comparison_t c = model_compare(r->scenario, r->compare_a, r->compare_b);
    sb_t sentence = SB_INIT;
    model_sentence(&sentence, r->scenario, r->compare_a->name, r->compare_b->name, &c);
    json_key(j, "comparison");
    json_object_begin(j);
    json_key(j, "from");
    json_string(j, r->compare_a->name);
    json_key(j, "to");
    json_string(j, r->compare_b->name);
    json_key(j, "delta_unnecessary_refusals");
    json_number(j, c.d_refusals);
    json_key(j, "delta_harmful_outputs");
    json_number(j, c.d_harmful);
    json_key(j, "delta_daily_cost");
    json_number(j, c.d_cost);
    json_key(j, "break_even_refusals_per_harmful");
    json_number(j, c.break_even);
    json_key(j, "sentence");
    json_string(j, sb_str(&sentence));
    json_object_end(j);
    sb_free(&sentence);
}

void report_json(sb_t *out, const report_t *r)
{
    json_t j;
    json_init(&j, out);
    json_object_begin(&j);
    json_key(&j, "schema_version");
    json_int(&j, REPORT_SCHEMA_VERSION);
    json_key(&j, "generator");
    json_string(&j, PACKAGE_STRING);
    json_key(&j, "title");
    json_string(&j, r->title);
    scenario_json(&j, r->scenario);
    analysis_t an;
    analysis_compute(&an, r->points, r->scenario, r->analysis);
    json_key(&j, "points");
    json_array_begin(&j);
    for (size_t i = 0; i < r->points->len; i++)
        point_json(&j, r->scenario, &r->points->items[i], &an, i);
    json_array_end(&j);
    analysis_json(&j, &an);
    analysis_free(&an);
    if (r->compare_a && r->compare_b)
        comparison_json(&j, r);
    json_object_end(&j);
}
