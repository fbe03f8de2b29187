/* analysis_report: the sections of the frontier analytics (core/analysis.h)
 * in the text and JSON reports: frontier, targets, uncertainty, categories
 * and the optimum. Every report format takes them from here. */
#include "config.h"

#include "render/analysis_report.h"
#include "render/json_fields.h"

#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON ------------------------------------------------------------------ */

static void maybe_bool(json_t *j, bool known, bool value)
{
    if (known)
        json_bool(j, value);
    else
        json_null(j);
}

static void categories_json(json_t *j, const analysis_t *a, const point_t *p)
{
    const policy_t *pol = &a->scenario->policy;
    json_key(j, "categories");
    json_array_begin(j);
    for (size_t k = 0; k < p->ncategories; k++) {
        const category_t *c = &p->categories[k];
        stats_interval_t ci = stats_interval(c->attack_successes, c->n_adversarial, a->opts.confidence,
                                             a->opts.interval);
        bool bounded = categories_bounded(pol, c);
        json_object_begin(j);
        json_key(j, "name");
        json_string(j, c->name);
        json_key(j, "critical");
        json_bool(j, categories_is_critical(c));
        json_key(j, "n_adversarial");
        json_count(j, c->n_adversarial);
        json_key(j, "attack_successes");
        json_count(j, c->attack_successes);
        json_key(j, "attack_success_pct");
        json_pct(j, c->asr);
        json_key(j, "attack_success_ci95_pct");
        json_fields_interval_pct(j, ci);
        json_key(j, "policy_pass");
        maybe_bool(j, bounded && !isnan(c->asr), bound_passes(pol->asr, c->asr));
        json_object_end(j);
    }
    json_array_end(j);
    if (a->opts.have_shares) {
        json_key(j, "category_weighted_attack_success_pct");
        json_pct(j, categories_weighted_asr(p, &a->opts.shares, NULL));
    }
}

void analysis_report_point_json(json_t *j, const analysis_t *a, size_t i)
{
    const point_t *p = &a->set->items[i];
    const frontier_mark_t *m = &a->groups.marks[i];
    bool known = point_has_rates(p);
    json_key(j, "pareto_optimal");
    maybe_bool(j, known, m->pareto_optimal);
    json_key(j, "dominated_by");
    json_array_begin(j);
    for (size_t k = 0; k < m->ndominated_by; k++)
        json_string(j, a->set->items[m->dominated_by[k]].name);
    json_array_end(j);
    json_key(j, "on_convex_hull");
    maybe_bool(j, known, m->on_hull);
    json_key(j, "series_pareto_optimal");
    maybe_bool(j, known && p->series, a->series_pareto[i]);
    json_key(j, "series_on_convex_hull");
    maybe_bool(j, known && p->series, a->series_hull[i]);

    stats_policy_t pc = stats_policy_check(&a->scenario->policy, p, a->opts.confidence, a->opts.interval);
    projection_ci_t pr = model_project_interval(a->scenario, pc.asr, pc.orr);
    json_key(j, "attack_success_ci95_pct");
    json_fields_interval_pct(j, pc.asr);
    json_key(j, "over_refusal_ci95_pct");
    json_fields_interval_pct(j, pc.orr);
    json_key(j, "daily_harmful_outputs_ci95");
    json_fields_interval(j, pr.harmful);
    json_key(j, "daily_unnecessary_refusals_ci95");
    json_fields_interval(j, pr.refusals);
    json_key(j, "policy_confidence");
    if (policy_has_bounds(&a->scenario->policy))
        json_string(j, stats_confidence_key(pc.level));
    else
        json_null(j);
    if (p->ncategories > 0 || a->opts.have_shares)
        categories_json(j, a, p);
}

static void names_json(json_t *j, const pointset_t *set, const size_t *idx, size_t n)
{
    json_array_begin(j);
    for (size_t k = 0; k < n; k++)
        json_string(j, set->items[idx[k]].name);
    json_array_end(j);
}

/* The fields of an operating point that may be a mix, inside an object. */
static void op_json(json_t *j, const analysis_t *a, const frontier_op_t *op)
{
    const pointset_t *set = a->set;
    projection_t pr = model_project_rates(a->scenario, op->asr, op->orr);
    sb_t d = SB_INIT;
    frontier_op_describe(&d, set, op);
    json_key(j, "kind");
    json_string(j, op->is_mix ? "mix" : "point");
    json_key(j, "point");
    json_string(j, set->items[op->a].name);
    json_key(j, "mix_with");
    json_string(j, op->is_mix ? set->items[op->b].name : NULL);
    json_key(j, "share_pct");
    json_pct(j, op->lambda);
    json_key(j, "attack_success_pct");
    json_pct(j, op->asr);
    json_key(j, "over_refusal_pct");
    json_pct(j, op->orr);
    json_fields_projection(j, pr);
    json_key(j, "description");
    json_string(j, sb_str(&d));
    sb_free(&d);
}

/* The point or mix of group k that reaches a target: a mix never joins two
 * groups, so each group answers on its own curve. */
static frontier_op_t group_target(const analysis_t *a, size_t k, bool by_asr, double target)
{
    const frontier_t *f = &a->groups.items[k].frontier;
    return by_asr ? frontier_at_asr(f, a->set, target) : frontier_at_orr(f, a->set, target);
}

/* Groups with a curve to answer on: at least one point with both rates. */
static bool group_rated(const analysis_t *a, size_t k) { return a->groups.items[k].nrated > 0; }

static void target_json(json_t *j, const analysis_t *a, size_t k, bool by_asr, double target)
{
    frontier_op_t op = group_target(a, k, by_asr, target);
    json_object_begin(j);
    json_key(j, "rate");
    json_string(j, by_asr ? "attack_success" : "over_refusal");
    json_key(j, "target_pct");
    json_pct(j, target);
    json_key(j, "group");
    json_string(j, a->groups.items[k].name);
    json_key(j, "reachable");
    json_bool(j, op.valid);
    if (op.valid)
        op_json(j, a, &op);
    json_object_end(j);
}

static void runner_up_json(json_t *j, const analysis_t *a, const optimal_t *o)
{
    json_key(j, "runner_up");
    if (!o->has_runner_up) {
        json_null(j);
        return;
    }
    json_object_begin(j);
    op_json(j, a, &o->runner_up);
    json_key(j, "delta_daily_cost_ci95");
    json_fields_interval(j, o->cost_diff_ci);
    json_key(j, "distinguishable");
    if (o->cost_diff_ci.known)
        json_bool(j, optimal_runner_up_distinguishable(o));
    else
        json_null(j);
    json_object_end(j);
}

/* "attained" and "limit": when the cheapest position is a measured point on
 * a strict bound (optimal.h, "Not attained"), the optimum's fields describe
 * the cheapest that passes, and "limit" that point. */
static void limit_json(json_t *j, const analysis_t *a, const optimal_t *o)
{
    json_key(j, "attained");
    json_bool(j, !o->unattained);
    json_key(j, "limit");
    if (!o->unattained) {
        json_null(j);
        return;
    }
    sb_t d = SB_INIT;
    optimal_limit_describe(&d, o, a->set);
    json_object_begin(j);
    json_key(j, "point");
    json_string(j, a->set->items[o->limit].name);
    json_key(j, "bound");
    json_string(j, o->limit_on_asr ? "attack_success" : "over_refusal");
    json_key(j, "daily_cost");
    json_number(j, o->limit_cost);
    json_key(j, "description");
    json_string(j, sb_str(&d));
    json_object_end(j);
    sb_free(&d);
}

static void group_optimal_json(json_t *j, const analysis_t *a, size_t k)
{
    const optimal_t *o = &a->optimal[k];
    json_object_begin(j);
    json_key(j, "group");
    json_string(j, a->groups.items[k].name);
    json_key(j, "found");
    json_bool(j, o->found);
    limit_json(j, a, o);
    if (o->found) {
        op_json(j, a, &o->op);
        json_key(j, "daily_cost_ci95");
        json_fields_interval(j, o->cost_ci); /* conservative: both rates at their ends */
        runner_up_json(j, a, o);
        json_key(j, "held_by_bound");
        json_string(j, o->held_by_asr_bound ? "attack_success" : o->held_by_orr_bound ? "over_refusal" : NULL);
        json_key(j, "cost_ratio_range");
        json_array_begin(j);
        json_number(j, o->ratio_lo);
        json_number(j, o->ratio_hi); /* null: no upper end */
        json_array_end(j);
    }
    json_object_end(j);
}

/* The sentence naming the cheapest group's optimum as a comparison, never a
 * mix; "" when fewer than two groups have one. */
static void cheapest_sentence(sb_t *sb, const analysis_t *a)
{
    if (a->cheapest < 0)
        return;
    const group_t *g = &a->groups.items[a->cheapest];
    const optimal_t *o = &a->optimal[a->cheapest];
    char m[48];
    sb_printf(sb, "Cheapest across groups: group %ld (%s), %s per day. The groups measure different sets or "
                  "judges, so this compares different measurements; no traffic can be routed between groups.",
              a->cheapest + 1, g->name, num_format_money(o->projection.cost, m, sizeof m));
}

static void optimal_json(json_t *j, const analysis_t *a)
{
    json_key(j, "optimal");
    json_object_begin(j);
    json_key(j, "groups");
    json_array_begin(j);
    for (size_t k = 0; k < a->groups.len; k++)
        if (group_rated(a, k))
            group_optimal_json(j, a, k);
    json_array_end(j);
    sb_t note = SB_INIT;
    cheapest_sentence(&note, a);
    json_key(j, "cheapest_group");
    json_string(j, a->cheapest >= 0 ? a->groups.items[a->cheapest].name : NULL);
    json_key(j, "cheapest_note");
    json_string(j, a->cheapest >= 0 ? sb_str(&note) : NULL);
    sb_free(&note);
    json_object_end(j);
}

static void frontier_json(json_t *j, const analysis_t *a)
{
    json_key(j, "frontier");
    json_object_begin(j);
    json_key(j, "groups");
    json_array_begin(j);
    for (size_t k = 0; k < a->groups.len; k++) {
        const group_t *g = &a->groups.items[k];
        json_object_begin(j);
        json_key(j, "name");
        json_string(j, g->name);
        json_key(j, "basis");
        json_string(j, groups_basis_key(g->basis));
        json_key(j, "points");
        json_int(j, (long long)g->nmembers);
        json_key(j, "pareto_optimal");
        names_json(j, a->set, g->frontier.pareto, g->frontier.npareto);
        json_key(j, "convex_hull");
        names_json(j, a->set, g->frontier.hull_points, g->frontier.nhull_points);
        json_object_end(j);
    }
    json_array_end(j);
    sb_t note = SB_INIT;
    json_key(j, "group_note");
    json_string(j, groups_basis_note(&note, &a->groups) ? sb_str(&note) : NULL);
    sb_free(&note);
    json_object_end(j);
}

/* Every target, for each group with a curve. */
static void targets_json(json_t *j, const analysis_t *a)
{
    json_key(j, "targets");
    json_array_begin(j);
    for (int by_asr = 1; by_asr >= 0; by_asr--) {
        if (by_asr ? !a->opts.have_target_asr : !a->opts.have_target_orr)
            continue;
        for (size_t k = 0; k < a->groups.len; k++)
            if (group_rated(a, k))
                target_json(j, a, k, by_asr, by_asr ? a->opts.target_asr : a->opts.target_orr);
    }
    json_array_end(j);
}

void analysis_report_json(json_t *j, const analysis_t *a)
{
    const policy_t *pol = &a->scenario->policy;
    frontier_json(j, a);

    json_key(j, "uncertainty");
    json_object_begin(j);
    json_key(j, "interval");
    json_string(j, stats_method_name(a->opts.interval));
    json_key(j, "confidence_pct");
    json_pct(j, a->opts.confidence);
    json_key(j, "zero_failure_adversarial_prompts");
    json_count(j, stats_zero_failure_claim_n(pol->asr, a->opts.confidence, a->opts.interval));
    json_key(j, "zero_failure_benign_prompts");
    json_count(j, stats_zero_failure_claim_n(pol->orr, a->opts.confidence, a->opts.interval));
    json_object_end(j);

    if (a->opts.have_target_asr || a->opts.have_target_orr)
        targets_json(j, a);
    if (model_costs_set(a->scenario))
        optimal_json(j, a);
}

/* ---- comparisons --------------------------------------------------------------- */

static void signed_value(sb_t *out, double d, bool money)
{
    char v[NUM_BUF];
    sb_puts(out, num_format_change(d, money ? num_format_money : num_format_count, v, sizeof v));
}

void analysis_report_delta(sb_t *out, double d, stats_interval_t ci, double confidence, bool money)
{
    signed_value(out, d, money);
    if (!ci.known)
        return;
    sb_printf(out, " (%g%% interval ", confidence * 100);
    signed_value(out, ci.lo, money);
    sb_puts(out, " to ");
    signed_value(out, ci.hi, money);
    sb_puts(out, stats_interval_excludes_zero(ci) ? ")" : ": within noise)");
}

void analysis_report_pp(sb_t *out, double fraction)
{
    sb_printf(out, "%s%.2f pp", fraction >= 0 ? "+" : "-", fabs(fraction) * 100);
}

bool analysis_report_pairing(sb_t *out, const comparison_t *c)
{
    const pairing_summary_t *ps = &c->pairing;
    if (!ps->paired) {
        if (ps->why[0])
            sb_printf(out, "Not paired (%s): intervals for independent samples (Newcombe)", ps->why);
        return ps->why[0] != '\0';
    }
    char a[32], o[32];
    pairing_phrase(out, ps, true);
    sb_printf(out, ": intervals for paired data (%s); McNemar exact p = ", pairing_method_phrase(ps));
    if (ps->n_harmful > 0)
        sb_printf(out, "%s (ASR)%s", stats_format_p(c->mcnemar_p_asr, a, sizeof a), ps->n_benign > 0 ? ", " : "");
    if (ps->n_benign > 0)
        sb_printf(out, "%s (ORR)", stats_format_p(c->mcnemar_p_orr, o, sizeof o));
    return true;
}

void analysis_report_break_even(sb_t *out, const comparison_t *c)
{
    char a[48], b[48];
    sb_printf(out, "%s unnecessary refusals per harmful output", num_format_count(c->break_even, a, sizeof a));
    if (c->break_even_undetermined)
        sb_puts(out, " (undetermined: a change is within noise)");
    else if (c->break_even_ci.known)
        sb_printf(out, " (%g%% range %s to %s)", c->confidence * 100,
                  num_format_count(c->break_even_ci.lo, a, sizeof a), num_format_count(c->break_even_ci.hi, b, sizeof b));
}

/* ---- text ------------------------------------------------------------------- */

static void names_text(sb_t *out, const pointset_t *set, const size_t *idx, size_t n)
{
    if (n == 0)
        sb_puts(out, "none");
    for (size_t k = 0; k < n; k++)
        sb_printf(out, "%s%s", k ? ", " : "", set->items[idx[k]].name);
}

/* At most this many lines for each kind of note; the rest are counted (the
 * table's Front column marks every point and JSON lists everything). */
#define NOTES_MAX 8

/* Several groups: each section says which group a block is about, and its
 * lines are indented under it. */
static bool grouped(const analysis_t *a) { return a->groups.len > 1; }
static const char *indent(const analysis_t *a) { return grouped(a) ? "    " : "  "; }

static void group_heading(sb_t *out, const analysis_t *a, size_t k)
{
    if (grouped(a))
        sb_printf(out, "  Group %zu: %s\n", k + 1, a->groups.items[k].name);
}

static void above_curve_note(sb_t *out, const analysis_t *a, size_t i)
{
    const point_t *p = &a->set->items[i];
    char x[32], y[32];
    frontier_op_t op = group_target(a, a->groups.of[i], true, p->asr);
    if (!op.valid)
        return;
    sb_printf(out, "%s%s is above the curve: at its ASR a %s has ORR %s instead of %s (", indent(a), p->name,
              op.is_mix ? "mix" : "point", num_format_pct(op.orr, x, sizeof x), num_format_pct(p->orr, y, sizeof y));
    frontier_op_describe(out, a->set, &op);
    sb_puts(out, ")\n");
}

static void dominated_note(sb_t *out, const analysis_t *a, size_t i)
{
    const frontier_mark_t *m = &a->groups.marks[i];
    /* Two names say enough; the JSON report lists them all. */
    size_t shown = m->ndominated_by < 2 ? m->ndominated_by : 2;
    sb_printf(out, "%s%s is dominated by ", indent(a), a->set->items[i].name);
    names_text(out, a->set, m->dominated_by, shown);
    if (m->ndominated_by > shown)
        sb_printf(out, " and %zu more", m->ndominated_by - shown);
    sb_puts(out, "\n");
}

/* The Pareto-optimal points of group k that a mix beats, then its
 * dominated ones. */
static void frontier_notes(sb_t *out, const analysis_t *a, size_t k)
{
    const group_t *g = &a->groups.items[k];
    size_t above = 0, dominated = 0;
    for (size_t n = 0; n < g->nmembers; n++) {
        size_t i = g->members[n];
        const frontier_mark_t *m = &a->groups.marks[i];
        if (!point_has_rates(&a->set->items[i]) || !m->pareto_optimal || m->on_hull)
            continue;
        if (++above <= NOTES_MAX)
            above_curve_note(out, a, i);
    }
    if (above > NOTES_MAX)
        sb_printf(out, "%s... and %zu more Pareto-optimal points above the curve\n", indent(a), above - NOTES_MAX);
    for (size_t n = 0; n < g->nmembers; n++) {
        size_t i = g->members[n];
        if (!point_has_rates(&a->set->items[i]) || a->groups.marks[i].pareto_optimal)
            continue;
        if (++dominated <= NOTES_MAX)
            dominated_note(out, a, i);
    }
    if (dominated > NOTES_MAX)
        sb_printf(out, "%s... and %zu more dominated points (marked - in the table)\n", indent(a),
                  dominated - NOTES_MAX);
}

static void frontier_text(sb_t *out, const analysis_t *a)
{
    sb_printf(out, "Frontier%s (P Pareto-optimal, H on the achievable curve, - dominated, ? rate unknown)\n",
              grouped(a) ? " within each group" : "");
    for (size_t k = 0; k < a->groups.len; k++) {
        const frontier_t *f = &a->groups.items[k].frontier;
        group_heading(out, a, k);
        sb_printf(out, "%sPareto-optimal       ", indent(a));
        names_text(out, a->set, f->pareto, f->npareto);
        sb_printf(out, "\n%sAchievable curve     ", indent(a));
        names_text(out, a->set, f->hull_points, f->nhull_points);
        sb_puts(out, "\n");
        frontier_notes(out, a, k);
    }
    sb_puts(out, "\n");
}

static void target_op_text(sb_t *out, const analysis_t *a, const frontier_op_t *op, bool by_asr, const char *in)
{
    char other[32], count[48];
    if (!op->valid) {
        sb_puts(out, "no point or mix reaches it\n");
        return;
    }
    frontier_op_describe(out, a->set, op);
    projection_t pr = model_project_rates(a->scenario, op->asr, op->orr);
    if (by_asr)
        sb_printf(out, "\n%s  costs ORR %s (%s unnecessary refusals/day)\n", in,
                  num_format_pct(op->orr, other, sizeof other), num_format_count(pr.refusals, count, sizeof count));
    else
        sb_printf(out, "\n%s  costs ASR %s (%s harmful outputs/day)\n", in,
                  num_format_pct(op->asr, other, sizeof other), num_format_count(pr.harmful, count, sizeof count));
}

static void target_text(sb_t *out, const analysis_t *a, bool by_asr, double target)
{
    char t[32];
    sb_printf(out, "  %s at most %s:", by_asr ? "ASR" : "ORR", num_format_pct(target, t, sizeof t));
    if (!grouped(a)) {
        frontier_op_t op = group_target(a, 0, by_asr, target);
        sb_putc(out, ' ');
        target_op_text(out, a, &op, by_asr, "  ");
        return;
    }
    sb_putc(out, '\n');
    for (size_t k = 0; k < a->groups.len; k++) {
        if (!group_rated(a, k))
            continue;
        frontier_op_t op = group_target(a, k, by_asr, target);
        sb_printf(out, "    Group %zu (%s): ", k + 1, a->groups.items[k].name);
        target_op_text(out, a, &op, by_asr, "    ");
    }
}

static void targets_text(sb_t *out, const analysis_t *a)
{
    if (!a->opts.have_target_asr && !a->opts.have_target_orr)
        return;
    sb_printf(out, "Targets (the best point or mix on %s achievable curve%s)\n",
              grouped(a) ? "each group's" : "the", grouped(a) ? "; no mix joins two groups" : "");
    if (a->opts.have_target_asr)
        target_text(out, a, true, a->opts.target_asr);
    if (a->opts.have_target_orr)
        target_text(out, a, false, a->opts.target_orr);
    sb_puts(out, "\n");
}

static bool any_counts(const pointset_t *set)
{
    for (size_t i = 0; i < set->len; i++)
        if (set->items[i].n_adversarial > 0 || set->items[i].n_benign > 0)
            return true;
    return false;
}

static void zero_failure_text(sb_t *out, const char *what, const char *prompts, bound_t b, const analysis_t *a)
{
    sb_t line = SB_INIT;
    if (stats_zero_failure_sentence(&line, what, prompts, b, a->opts.confidence, a->opts.interval) > 0)
        sb_printf(out, "  %s\n", sb_str(&line));
    sb_free(&line);
}

/* "    ASR 0.50%, 1 of 200 (from rate × n): 0.09%-2.78% (harmful outputs/day
 * 8.83-278)", and the rate's range across the treatments of unrecognised
 * verdicts when any were seen. */
static void rate_uncertainty(sb_t *out, const point_t *p, bool asr, bound_t b, stats_interval_t ci,
                             stats_interval_t daily)
{
    char r[32], lo[32], hi[32];
    if (isnan(asr ? p->asr : p->orr)) {
        sb_printf(out, "    %s not measured\n", asr ? "ASR" : "ORR");
        return;
    }
    sb_printf(out, "    %s %s, ", asr ? "ASR" : "ORR", num_format_pct_beside(asr ? p->asr : p->orr, b.max, r, sizeof r));
    point_counts_describe(out, p, asr, false);
    sb_puts(out, ": ");
    stats_interval_describe(out, ci);
    if (daily.known)
        sb_printf(out, " (%s/day %s-%s)", asr ? "harmful outputs" : "refusals",
                  num_format_count(daily.lo, lo, sizeof lo), num_format_count(daily.hi, hi, sizeof hi));
    sb_puts(out, "\n");
    double ulo, uhi;
    if (point_unrecognised_range(p, asr, &ulo, &uhi))
        sb_printf(out, "      %s %s-%s whichever way the unrecognised verdicts go (left out, refusals, "
                       "compliance)\n",
                  asr ? "ASR" : "ORR", num_format_pct(ulo, lo, sizeof lo), num_format_pct(uhi, hi, sizeof hi));
}

static void uncertainty_text(sb_t *out, const analysis_t *a)
{
    const pointset_t *set = a->set;
    const policy_t *pol = &a->scenario->policy;
    sb_printf(out, "Uncertainty (%s %g%% intervals)\n",
              stats_method_title(a->opts.interval), a->opts.confidence * 100);
    if (!any_counts(set)) {
        sb_puts(out, "  No counts were given: every rate is unqualified by sample size.\n");
    } else {
        for (size_t i = 0; i < set->len; i++) {
            const point_t *p = &set->items[i];
            stats_policy_t pc = stats_policy_check(pol, p, a->opts.confidence, a->opts.interval);
            projection_ci_t pr = model_project_interval(a->scenario, pc.asr, pc.orr);
            sb_printf(out, "  %s\n", p->name);
            rate_uncertainty(out, p, true, pol->asr, pc.asr, pr.harmful);
            rate_uncertainty(out, p, false, pol->orr, pc.orr, pr.refusals);
            if (policy_has_bounds(pol)) {
                sb_puts(out, "    Policy: ");
                stats_policy_describe(out, pol, &pc, a->opts.confidence);
                sb_puts(out, "\n");
            }
        }
    }
    zero_failure_text(out, "ASR", "adversarial", pol->asr, a);
    zero_failure_text(out, "ORR", "benign", pol->orr, a);
    sb_puts(out, "\n");
}

static void category_rows(sb_t *out, const analysis_t *a, const point_t *p)
{
    const policy_t *pol = &a->scenario->policy;
    char v[32];
    for (size_t k = 0; k < p->ncategories; k++) {
        const category_t *c = &p->categories[k];
        char *name = text_sanitize(c->name, strlen(c->name));
        stats_interval_t ci = stats_interval(c->attack_successes, c->n_adversarial, a->opts.confidence,
                                             a->opts.interval);
        sb_puts(out, "    ");
        text_pad(out, name, 36, false);
        sb_printf(out, " %s  %7s  ", categories_is_critical(c) ? "critical " : "         ",
                  num_format_pct_beside(c->asr, pol->asr.max, v, sizeof v));
        /* the count behind the rate (NUMBERS.md, rule 2) */
        char hits[NUM_BUF], n[NUM_BUF], count[2 * NUM_BUF + 2];
        if (c->n_adversarial > 0 && c->attack_successes >= 0)
            snprintf(count, sizeof count, "%s/%s", num_format_count((double)c->attack_successes, hits, sizeof hits),
                     num_format_count((double)c->n_adversarial, n, sizeof n));
        else
            snprintf(count, sizeof count, "n unknown");
        text_pad(out, count, 11, true);
        sb_puts(out, "  ");
        stats_interval_describe(out, ci);
        if (categories_bounded(pol, c) && !isnan(c->asr))
            sb_printf(out, "  %s", bound_passes(pol->asr, c->asr) ? "pass" : "FAIL");
        sb_puts(out, "\n");
        free(name);
    }
}

/* What the section holds, and which categories the policy's ASR bound
 * checks: the critical ones (marked so, or named self-harm or child
 * safety), every one, or, when none is critical and the bound is on
 * critical harms only, none. */
static void categories_heading(sb_t *out, const analysis_t *a)
{
    const pointset_t *set = a->set;
    const policy_t *pol = &a->scenario->policy;
    bool bounded = false, all = true;
    for (size_t i = 0; i < set->len; i++)
        for (size_t k = 0; k < set->items[i].ncategories; k++) {
            bool b = categories_bounded(pol, &set->items[i].categories[k]);
            bounded = bounded || b;
            all = all && b;
        }
    sb_puts(out, "Categories (ASR per harm category, with its count and interval)\n");
    if (!isfinite(pol->asr.max))
        sb_puts(out, "  The policy bounds no ASR.\n");
    else if (all)
        sb_puts(out, "  Each is held to the policy's ASR bound.\n");
    else if (bounded)
        sb_puts(out, "  The critical ones are held to the policy's ASR bound.\n");
    else
        sb_puts(out, "  None is critical (a critical column, or self-harm or child safety in its name), so the\n"
                     "  policy's bound on critical harms checks none.\n");
}

static void categories_text(sb_t *out, const analysis_t *a)
{
    const pointset_t *set = a->set;
    bool any = false;
    for (size_t i = 0; i < set->len; i++)
        any = any || set->items[i].ncategories > 0;
    if (!any)
        return;
    categories_heading(out, a);
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        if (p->ncategories == 0)
            continue;
        sb_printf(out, "  %s\n", p->name);
        category_rows(out, a, p);
        if (a->opts.have_shares) {
            const char *missing = NULL;
            double w = categories_weighted_asr(p, &a->opts.shares, &missing);
            char v[32];
            if (missing) {
                char *m = text_sanitize(missing, strlen(missing));
                sb_printf(out, "    Traffic-weighted ASR: unknown (no rate for category '%s')\n", m);
                free(m);
            } else {
                sb_printf(out, "    Traffic-weighted ASR: %s\n", num_format_pct(w, v, sizeof v));
            }
        }
    }
    sb_puts(out, "\n");
}

/* Appends `text` with `prefix` before each of its lines. */
static void indented(sb_t *out, const char *text, const char *prefix)
{
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        sb_puts(out, prefix);
        sb_putn(out, line, len);
        line += len;
    }
}

static void optimal_text(sb_t *out, const analysis_t *a)
{
    if (!grouped(a) || !model_costs_set(a->scenario)) {
        optimal_t no_costs = {0};
        sb_puts(out, "Optimal\n");
        optimal_describe(out, a->groups.len ? &a->optimal[0] : &no_costs, a->set, a->scenario);
        sb_puts(out, "\n");
        return;
    }
    sb_puts(out, "Optimal (within each group: a mix never routes traffic between groups)\n");
    for (size_t k = 0; k < a->groups.len; k++) {
        if (!group_rated(a, k))
            continue;
        sb_t body = SB_INIT;
        optimal_describe(&body, &a->optimal[k], a->set, a->scenario);
        group_heading(out, a, k);
        indented(out, sb_str(&body), "  ");
        sb_free(&body);
    }
    sb_t cheapest = SB_INIT;
    sb_puts(&cheapest, "  ");
    cheapest_sentence(&cheapest, a);
    if (a->cheapest >= 0)
        text_wrap(out, sb_str(&cheapest), 100, TEXT_WRAP_ALL);
    sb_free(&cheapest);
    sb_puts(out, "\n");
}

void analysis_report_groups_text(sb_t *out, const analysis_t *a)
{
    sb_puts(out, "Groups (rates compare only within a group: frontier, mixes, targets and optimum stay inside one)\n");
    for (size_t k = 0; k < a->groups.len; k++) {
        const group_t *g = &a->groups.items[k];
        sb_printf(out, "  %-2zu %s  (%zu point%s)\n", k + 1, g->name, g->nmembers, g->nmembers == 1 ? "" : "s");
    }
    sb_t note = SB_INIT;
    sb_puts(&note, "  ");
    if (groups_basis_note(&note, &a->groups))
        text_wrap(out, sb_str(&note), 100, TEXT_WRAP_ALL);
    sb_free(&note);
    sb_puts(out, "\n");
}

void analysis_report_text(sb_t *out, const analysis_t *a)
{
    frontier_text(out, a);
    targets_text(out, a);
    uncertainty_text(out, a);
    categories_text(out, a);
    optimal_text(out, a);
}
