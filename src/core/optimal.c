/* optimal: the cheapest hull point or mix within the policy. */
#include "core/optimal.h"

#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Where a mix held by a bound must sit: at an inclusive bound, just inside a
 * strict one. */
static double bound_target(bound_t b)
{
    return b.inclusive ? b.max : b.max * (1.0 - OPTIMAL_STRICT_MARGIN);
}

/* Unnecessary refusals one must accept per harmful output avoided when
 * moving from u to w along the hull (u has the lower ORR). */
static double edge_ratio(const scenario_t *s, const frontier_op_t *u, const frontier_op_t *w)
{
    double refusals = s->volume * (1 - s->adv_share) * (w->orr - u->orr);
    double harmful = s->volume * s->adv_share * (u->asr - w->asr);
    return harmful > 0 ? refusals / harmful : INFINITY;
}

/* The hull vertex that fails strict bound `b` by its equality alone (it
 * would pass the bound made inclusive), or -1. */
static long vertex_on_strict_bound(const frontier_t *f, const pointset_t *set, bound_t b, bool by_asr)
{
    bound_t inclusive = {b.max, true};
    for (size_t h = 0; h < f->nhull && !b.inclusive; h++) {
        const point_t *v = &set->items[f->hull[h]];
        double rate = by_asr ? v->asr : v->orr;
        if (!bound_passes(b, rate) && bound_passes(inclusive, rate))
            return (long)f->hull[h];
    }
    return -1;
}

/* A bound's op, or, when it is a mix with vertex `v` on the strict bound
 * (a share of the order of OPTIMAL_STRICT_MARGIN through v's neighbour),
 * the vertex itself, flagged as a limit: the mix only restates v. */
static frontier_op_t bound_op(frontier_op_t op, long v, const pointset_t *set, bool *limit)
{
    *limit = op.valid && op.is_mix && v >= 0 && (op.a == (size_t)v || op.b == (size_t)v);
    return *limit ? frontier_op_point(set, (size_t)v) : op;
}

/* The stretch of the hull within the policy bounds: its first op (held by
 * the ASR bound or the hull's lowest-ORR vertex), the vertices strictly
 * inside, its last op. Returns the number of ops written to `path`;
 * limit[k] is true for an op that is a vertex on a strict bound (bound_op),
 * which fails the policy and is only approached. */
static size_t feasible_path(const frontier_t *f, const pointset_t *set, const policy_t *pol,
                            frontier_op_t *path, bool *limit)
{
    bool start_limit = false, end_limit = false;
    frontier_op_t start = isfinite(pol->asr.max) ? frontier_at_asr(f, set, bound_target(pol->asr))
                                                 : frontier_op_point(set, f->hull[0]);
    frontier_op_t end = isfinite(pol->orr.max) ? frontier_at_orr(f, set, bound_target(pol->orr))
                                               : frontier_op_point(set, f->hull[f->nhull - 1]);
    if (!start.valid || !end.valid || start.orr > end.orr + FRONTIER_EPSILON)
        return 0;
    double start_orr = start.orr, end_orr = end.orr; /* the stretch, before bound_op */
    start = bound_op(start, vertex_on_strict_bound(f, set, pol->asr, true), set, &start_limit);
    end = bound_op(end, vertex_on_strict_bound(f, set, pol->orr, false), set, &end_limit);
    size_t n = 0;
    limit[n] = start_limit;
    path[n++] = start;
    for (size_t h = 0; h < f->nhull; h++) {
        const point_t *v = &set->items[f->hull[h]];
        if (v->orr > start_orr + FRONTIER_EPSILON && v->orr < end_orr - FRONTIER_EPSILON) {
            limit[n] = false;
            path[n++] = frontier_op_point(set, f->hull[h]);
        }
    }
    if (end_orr > start_orr + FRONTIER_EPSILON) {
        limit[n] = end_limit;
        path[n++] = end;
    }
    return n;
}

/* The next-cheapest op within the policy: the policy-held mixes of the path
 * and every measured point of the optimum's measurement group but the
 * optimum itself (a point of another group is another measurement). */
static void find_runner_up(optimal_t *o, const frontier_op_t *path, size_t n, const pointset_t *set,
                           const scenario_t *s)
{
    const char *group = point_group(&set->items[o->op.a]);
    o->runner_up_cost = INFINITY;
    for (size_t k = 0; k < n + set->len; k++) {
        frontier_op_t op = k < n ? path[k] : frontier_op_point(set, k - n);
        if (k < n ? !op.is_mix : (!op.valid || (!o->op.is_mix && op.a == o->op.a)))
            continue;
        if (k >= n && strcmp(point_group(&set->items[op.a]), group) != 0)
            continue;
        if (k < n && op.a == o->op.a && op.b == o->op.b && op.lambda == o->op.lambda)
            continue;
        if (!verdict_pass(policy_check(&s->policy, op.asr, op.orr)))
            continue;
        double cost = model_project_rates(s, op.asr, op.orr).cost;
        if (cost < o->runner_up_cost) {
            o->runner_up = op;
            o->runner_up_cost = cost;
            o->has_runner_up = true;
        }
    }
}

/* The cheapest op of `path` that passes the policy, or -1; limits take
 * part only when `with_limits` (they fail the policy by construction). On a
 * tie keep the earlier op unless the later is attained and the earlier a
 * limit, or the later a measurement and the earlier a mix: an attained,
 * measured point is the simpler choice. */
static long cheapest_op(const frontier_op_t *path, const bool *limit, size_t n, const scenario_t *s,
                        bool with_limits)
{
    long best = -1;
    double best_cost = INFINITY;
    for (size_t k = 0; k < n; k++) {
        if (limit[k] ? !with_limits : !verdict_pass(policy_check(&s->policy, path[k].asr, path[k].orr)))
            continue;
        double cost = model_project_rates(s, path[k].asr, path[k].orr).cost;
        bool tie = fabs(cost - best_cost) <= 1e-12 * fmax(1.0, fabs(cost));
        bool simpler = best >= 0 && ((limit[best] && !limit[k]) || (path[best].is_mix && !path[k].is_mix));
        if ((!tie && cost < best_cost) || (tie && simpler)) {
            best = (long)k;
            best_cost = cost;
        }
    }
    return best;
}

/* When the cheapest position is a limit: the cheapest that passes is a
 * non-limit op of the path or any measured point of the limit's group that
 * passes (one on the hull edge toward the limit, or even above it, can beat
 * the path's next vertex). Returns the op and sets *ok when there is one. */
static frontier_op_t cheapest_passing(const frontier_op_t *path, const bool *limit, size_t n, const pointset_t *set,
                                      const scenario_t *s, size_t limit_point, bool *ok)
{
    long k = cheapest_op(path, limit, n, s, false);
    frontier_op_t best = k >= 0 ? path[k] : (frontier_op_t){0};
    double best_cost = k >= 0 ? model_project_rates(s, best.asr, best.orr).cost : INFINITY;
    const char *group = point_group(&set->items[limit_point]);
    for (size_t i = 0; i < set->len; i++) {
        frontier_op_t op = frontier_op_point(set, i);
        if (!op.valid || strcmp(point_group(&set->items[i]), group) != 0 ||
            !verdict_pass(policy_check(&s->policy, op.asr, op.orr)))
            continue;
        double cost = model_project_rates(s, op.asr, op.orr).cost;
        bool tie = fabs(cost - best_cost) <= 1e-12 * fmax(1.0, fabs(cost));
        if ((!tie && cost < best_cost) || (tie && best.is_mix)) {
            best = op;
            best_cost = cost;
        }
    }
    *ok = isfinite(best_cost);
    return best;
}

/* Records the limit at path[k] and which strict bound it sits on. */
static void set_limit(optimal_t *o, const frontier_op_t *v, const scenario_t *s)
{
    bound_t inclusive = {s->policy.asr.max, true};
    o->unattained = true;
    o->limit = v->a;
    o->limit_on_asr = !bound_passes(s->policy.asr, v->asr) && bound_passes(inclusive, v->asr);
    o->limit_bound = o->limit_on_asr ? s->policy.asr : s->policy.orr;
    o->limit_cost = model_project_rates(s, v->asr, v->orr).cost;
}

optimal_t optimal_find(const frontier_t *f, const pointset_t *set, const scenario_t *s)
{
    optimal_t o = {0};
    o.costs_set = model_costs_set(s);
    o.ratio_lo = o.ratio_hi = NAN;
    o.confidence = NAN;
    o.cost_ci = o.cost_diff_ci = (stats_interval_t){false, NAN, NAN};
    if (!o.costs_set || f->nhull == 0)
        return o;
    frontier_op_t *path = xcalloc(f->nhull + 2, sizeof *path);
    bool *limit = xcalloc(f->nhull + 2, sizeof *limit);
    size_t n = feasible_path(f, set, &s->policy, path, limit);
    long best = cheapest_op(path, limit, n, s, true); /* where the ratio range is */
    if (best >= 0) {
        size_t b = (size_t)best;
        o.ratio_lo = b > 0 ? edge_ratio(s, &path[b - 1], &path[b]) : 0.0;
        o.ratio_hi = b + 1 < n ? edge_ratio(s, &path[b], &path[b + 1]) : INFINITY;
        o.op = path[b];
        o.found = true;
        if (limit[b]) {
            set_limit(&o, &path[b], s);
            o.op = cheapest_passing(path, limit, n, set, s, path[b].a, &o.found);
        }
    }
    if (o.found) {
        o.projection = model_project_rates(s, o.op.asr, o.op.orr);
        o.held_by_asr_bound = o.op.is_mix && isfinite(s->policy.asr.max) &&
                              fabs(o.op.asr - bound_target(s->policy.asr)) <= FRONTIER_EPSILON;
        o.held_by_orr_bound = o.op.is_mix && isfinite(s->policy.orr.max) &&
                              fabs(o.op.orr - bound_target(s->policy.orr)) <= FRONTIER_EPSILON;
        find_runner_up(&o, path, n, set, s);
    }
    free(limit);
    free(path);
    return o;
}

void optimal_uncertainty(optimal_t *o, const pointset_t *set, const scenario_t *s, double confidence,
                         stats_method_t m)
{
    o->confidence = confidence;
    if (!o->found)
        return;
    stats_blend_t best = stats_blend_op(set, &o->op);
    o->cost_ci = model_cost_interval(s, stats_blend_interval(&best, STATS_ASR, confidence, m),
                                     stats_blend_interval(&best, STATS_ORR, confidence, m));
    if (!o->has_runner_up)
        return;
    stats_blend_t next = stats_blend_op(set, &o->runner_up);
    comparison_t c = model_compare_blend(s, &best, &next);
    o->cost_diff_ci = model_cost_diff_interval(s, &c);
}

bool optimal_runner_up_distinguishable(const optimal_t *o)
{
    return stats_interval_excludes_zero(o->cost_diff_ci);
}

/* "$63,375 (95% interval $60,000-$70,000, conservative)" */
static void cost_with_interval(sb_t *sb, const optimal_t *o, bool say_conservative)
{
    char c[48], lo[48], hi[48];
    sb_puts(sb, num_format_money(o->projection.cost, c, sizeof c));
    if (o->cost_ci.known)
        sb_printf(sb, " (%g%% interval %s-%s%s)", o->confidence * 100, num_format_money(o->cost_ci.lo, lo, sizeof lo),
                  num_format_money(o->cost_ci.hi, hi, sizeof hi), say_conservative ? ", conservative" : "");
}

/* "measured point t=0.45 at $64,000/day; the difference (95% interval
 * -$1,000 to +$3,000 a day) is within noise" */
static void runner_up_text(sb_t *sb, const optimal_t *o, const pointset_t *set)
{
    char c[48], lo[48], hi[48];
    frontier_op_describe(sb, set, &o->runner_up);
    sb_printf(sb, " at %s/day", num_format_money(o->runner_up_cost, c, sizeof c));
    if (!o->cost_diff_ci.known) {
        sb_puts(sb, " (n unknown: no interval)");
        return;
    }
    sb_printf(sb, "; the difference (%g%% interval %s%s to %s%s a day) %s", o->confidence * 100,
              o->cost_diff_ci.lo < 0 ? "-" : "+", num_format_money(fabs(o->cost_diff_ci.lo), lo, sizeof lo),
              o->cost_diff_ci.hi < 0 ? "-" : "+", num_format_money(fabs(o->cost_diff_ci.hi), hi, sizeof hi),
              optimal_runner_up_distinguishable(o) ? "tells them apart" : "is within noise");
}

void optimal_limit_describe(sb_t *sb, const optimal_t *o, const pointset_t *set)
{
    char rate[48], cost[48];
    const point_t *v = &set->items[o->limit];
    frontier_op_t point = frontier_op_point(set, o->limit);
    const char *what = o->limit_on_asr ? "ASR" : "ORR";
    sb_puts(sb, "not attained: ");
    frontier_op_describe(sb, set, &point);
    sb_puts(sb, " fails ");
    bound_describe(sb, what, o->limit_bound);
    sb_printf(sb, " by its equality (%s %s); mixes toward it pass and approach its %s/day without reaching it", what,
              num_format_pct(o->limit_on_asr ? v->asr : v->orr, rate, sizeof rate),
              num_format_money(o->limit_cost, cost, sizeof cost));
}

/* "$100 a day above the limit" */
static void above_limit(sb_t *sb, const optimal_t *o)
{
    char c[48];
    sb_printf(sb, "%s a day above the limit", num_format_money(o->projection.cost - o->limit_cost, c, sizeof c));
}

void optimal_summary(sb_t *sb, const optimal_t *o, const pointset_t *set)
{
    if (o->unattained) {
        optimal_limit_describe(sb, o, set);
        if (!o->found) {
            sb_puts(sb, "; nothing else passes");
            return;
        }
        sb_puts(sb, "; cheapest that passes: ");
    }
    frontier_op_describe(sb, set, &o->op);
    sb_puts(sb, " at ");
    cost_with_interval(sb, o, true);
    sb_puts(sb, " per day");
    if (o->unattained) {
        /* the gap to the limit is the comparison that matters here, and a
         * status line has no room for the runner-up as well */
        sb_puts(sb, ", ");
        above_limit(sb, o);
    } else if (o->has_runner_up) {
        sb_puts(sb, "; runner-up ");
        runner_up_text(sb, o, set);
    }
}

/* "Stays optimal while one harmful output costs between 10 and 20
 * unnecessary refusals (now 15)." (of the limit when not attained) */
static void ratio_range_text(sb_t *sb, const optimal_t *o, const scenario_t *s)
{
    char a[48], b[48], c[48];
    sb_puts(sb, o->unattained ? "  The limit stays the cheapest while one harmful output costs "
                              : "  Stays optimal while one harmful output costs ");
    if (o->ratio_lo <= 0 && isinf(o->ratio_hi))
        sb_puts(sb, "any number of unnecessary refusals");
    else if (o->ratio_lo <= 0)
        sb_printf(sb, "at most %s unnecessary refusals", num_format_count(o->ratio_hi, a, sizeof a));
    else if (isinf(o->ratio_hi))
        sb_printf(sb, "at least %s unnecessary refusals", num_format_count(o->ratio_lo, a, sizeof a));
    else
        sb_printf(sb, "between %s and %s unnecessary refusals", num_format_count(o->ratio_lo, a, sizeof a),
                  num_format_count(o->ratio_hi, b, sizeof b));
    sb_printf(sb, " (now %s).\n", isinf(s->cost_harm / s->cost_refusal)
                                      ? "no cost per refusal"
                                      : num_format_count(s->cost_harm / s->cost_refusal, c, sizeof c));
}

void optimal_describe(sb_t *sb, const optimal_t *o, const pointset_t *set, const scenario_t *s)
{
    char a[48], b[48];
    if (!o->costs_set) {
        sb_puts(sb, "  No costs set, so no point is called optimal; give --cost-refusal and\n"
                    "  --cost-harm to find the cheapest point or mix within the policy.\n");
        return;
    }
    if (o->unattained) {
        sb_t limit = SB_INIT;
        sb_puts(&limit, "  The optimum is ");
        optimal_limit_describe(&limit, o, set);
        sb_puts(&limit, o->found ? "." : "; nothing else meets the policy.");
        text_wrap(sb, sb_str(&limit), 100, TEXT_WRAP_ALL);
        sb_free(&limit);
    }
    if (!o->found) {
        if (!o->unattained)
            sb_printf(sb, "  No measured point or mix of points meets the %s policy.\n", s->policy.label);
        else
            ratio_range_text(sb, o, s);
        return;
    }
    sb_puts(sb, o->unattained ? "  Cheapest that passes: " : "  ");
    frontier_op_describe(sb, set, &o->op);
    /* Beside the policy's bounds: a mix held just under a strict bound
     * shows the digits that keep it under ("0.4999995%", never a "0.50%"
     * that passes beside a "0.50%" that fails). */
    sb_printf(sb, "\n  ASR %s, ORR %s: daily cost ", num_format_pct_beside(o->op.asr, s->policy.asr.max, a, sizeof a),
              num_format_pct_beside(o->op.orr, s->policy.orr.max, b, sizeof b));
    cost_with_interval(sb, o, true);
    if (o->unattained) {
        sb_puts(sb, ", ");
        above_limit(sb, o);
    }
    if (o->held_by_asr_bound || o->held_by_orr_bound) {
        const bound_t *held = o->held_by_asr_bound ? &s->policy.asr : &s->policy.orr;
        sb_printf(sb, " (held %s the policy's %s bound)", held->inclusive ? "at" : "just under",
                  o->held_by_asr_bound ? "ASR" : "ORR");
    }
    if (o->has_runner_up) {
        sb_puts(sb, "\n  Runner-up: ");
        runner_up_text(sb, o, set);
    }
    sb_puts(sb, "\n");
    ratio_range_text(sb, o, s);
}
