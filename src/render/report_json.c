/* report_json: the JSON report (schema REPORT_SCHEMA_VERSION). */
#include "config.h"

#include "render/analysis_report.h"
#include "render/report.h"
#include "render/json_fields.h"
#include "base/json.h"
#include "base/num.h"
#include "base/text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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
    json_key(j, "assumption");
    json_string(j, MODEL_ASSUMPTION);
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
    json_key(j, "group");
    json_string(j, point_group(p));
    json_key(j, "source");
    json_string(j, p->source);
    json_key(j, "line");
    if (p->line > 0)
        json_int(j, p->line);
    else
        json_null(j);
    json_key(j, "knob");
    json_number(j, p->knob);
    json_fields_rates(j, p);
    json_fields_projection(j, pr);
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
    analysis_report_point_json(j, an, idx);
    json_object_end(j);
}

/* true or false: the interval excludes zero; null without counts. */
static void distinguishable_json(json_t *j, stats_interval_t ci)
{
    if (ci.known)
        json_bool(j, stats_interval_excludes_zero(ci));
    else
        json_null(j);
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
    json_key(j, "comparable");
    json_bool(j, c.comparable);
    json_key(j, "groups");
    json_array_begin(j);
    json_string(j, c.group_a);
    json_string(j, c.group_b);
    json_array_end(j);
    json_key(j, "delta_unnecessary_refusals");
    json_number(j, c.d_refusals);
    json_key(j, "delta_harmful_outputs");
    json_number(j, c.d_harmful);
    json_key(j, "delta_daily_cost");
    json_number(j, c.d_cost);
    json_key(j, "break_even_refusals_per_harmful");
    json_number(j, c.break_even);
    json_key(j, "confidence_pct");
    json_pct(j, c.confidence);
    json_key(j, "delta_attack_success_pp_ci95");
    json_fields_interval_pct(j, c.d_asr_ci);
    json_key(j, "delta_over_refusal_pp_ci95");
    json_fields_interval_pct(j, c.d_orr_ci);
    json_key(j, "delta_harmful_outputs_ci95");
    json_fields_interval(j, c.d_harmful_ci);
    json_key(j, "delta_unnecessary_refusals_ci95");
    json_fields_interval(j, c.d_refusals_ci);
    json_key(j, "delta_daily_cost_ci95");
    json_fields_interval(j, model_cost_diff_interval(r->scenario, &c));
    json_key(j, "distinguishable");
    json_object_begin(j);
    json_key(j, "asr");
    distinguishable_json(j, c.d_asr_ci);
    json_key(j, "orr");
    distinguishable_json(j, c.d_orr_ci);
    json_object_end(j);
    json_key(j, "break_even_ci95");
    json_fields_interval(j, c.break_even_ci);
    json_key(j, "break_even_determined");
    if (isnan(c.break_even) || (!c.break_even_ci.known && !c.break_even_undetermined))
        json_null(j);
    else
        json_bool(j, !c.break_even_undetermined);
    json_fields_pairing(j, &c.pairing);
    json_key(j, "mcnemar_p");
    if (c.pairing.paired) {
        json_object_begin(j);
        json_key(j, "asr");
        json_number(j, c.mcnemar_p_asr);
        json_key(j, "orr");
        json_number(j, c.mcnemar_p_orr);
        json_object_end(j);
    } else {
        json_null(j);
    }
    json_key(j, "sentence");
    json_string(j, sb_str(&sentence));
    json_object_end(j);
    sb_free(&sentence);
}

/* Every warning of loading, whole, with its parts: the message as stderr
 * would say it uncondensed, the file, the lines and the column it is about. */
static void warnings_json(json_t *j, const diag_t *d)
{
    json_key(j, "warnings");
    json_array_begin(j);
    for (size_t i = 0; d && i < d->nwarnings; i++) {
        const diag_warning_t *w = &d->parts[i];
        json_object_begin(j);
        json_key(j, "message");
        json_string(j, d->warnings[i]);
        json_key(j, "file");
        json_string(j, w->file);
        json_key(j, "lines");
        json_array_begin(j);
        for (size_t k = 0; k < w->nlines; k++)
            json_int(j, w->lines[k]);
        json_array_end(j);
        json_key(j, "column");
        if (w->col > 0)
            json_int(j, w->col);
        else
            json_null(j);
        json_key(j, "text");
        json_string(j, w->text);
        json_object_end(j);
    }
    json_array_end(j);
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
    /* rows --where left out, beside the points they would have been */
    json_key(&j, "rows_filtered_out");
    json_int(&j, r->points->rows_filtered);
    json_key(&j, "row_filters");
    json_string(&j, r->points->filtered_by);
    warnings_json(&j, r->warnings);
    scenario_json(&j, r->scenario);
    analysis_t an;
    analysis_compute(&an, r->points, r->scenario, r->analysis);
    json_key(&j, "points");
    json_array_begin(&j);
    for (size_t i = 0; i < r->points->len; i++)
        point_json(&j, r->scenario, &r->points->items[i], &an, i);
    json_array_end(&j);
    analysis_report_json(&j, &an);
    analysis_free(&an);
    if (r->compare_a && r->compare_b)
        comparison_json(&j, r);
    json_object_end(&j);
}
