/* optimal: the operating point with the lowest daily cost.
 *
 * Daily cost is linear in the two rates, so over everything reachable by
 * mixing measured points its minimum lies on the lower-left hull: at a
 * vertex, or where the hull crosses a policy bound (a mix). A point stays
 * optimal while the cost ratio (cost of one harmful output / cost of one
 * unnecessary refusal) lies between the exchange rates of the hull edges on
 * either side of it; those are the break-even rates of model_compare.
 *
 * Its uncertainty (optimal_uncertainty): the daily cost at the ends of the
 * intervals of its ASR and ORR (cost rises with both, so the two low ends
 * and the two high ends bound it: a conservative interval), and the
 * runner-up, the next-cheapest measured point or policy-held mix within the
 * policy, with the interval of the cost difference (model_cost_diff_interval
 * from the Newcombe intervals of the two rate changes): the runner-up is
 * distinguishable when that interval excludes zero.
 *
 * Not attained. A hull vertex exactly on a strict bound ("ORR < 5.00%" at
 * 5.00%) fails it by its equality, yet mixes toward it pass and cost as
 * little as one likes above its cost: the infimum is not attained, and a
 * "mix of 99.999% and 0.001%" would only restate the failing point. When
 * that vertex would be the cheapest, it is reported as the limit (`limit`,
 * its cost and the bound it sits on) and `op` is the cheapest point or
 * mix that passes with a real margin: a measured point, or a mix held by
 * the other bound. */
#ifndef TRADEOFF_OPTIMAL_H
#define TRADEOFF_OPTIMAL_H

#include "core/frontier.h"
#include "core/model.h"
#include "core/point.h"
#include "base/strbuf.h"

#include <stdbool.h>

/* Strict bounds ("ASR < 0.5%") cannot be met exactly at the bound; a mix
 * held by one sits this far (relative) inside it. */
#define OPTIMAL_STRICT_MARGIN 1e-6

typedef struct {
    bool costs_set;      /* false: no costs given, nothing was computed */
    bool found;          /* false: no point or mix meets the policy */
    frontier_op_t op;    /* the optimum: a measured point or a labelled mix */
    projection_t projection;
    bool held_by_asr_bound, held_by_orr_bound; /* sits at a policy bound */
    /* Range of cost_harm / cost_refusal over which `op` stays optimal, in
     * unnecessary refusals per harmful output; ratio_hi may be INFINITY. */
    double ratio_lo, ratio_hi;

    /* The infimum is not attained (see above): `limit` is the measured point
     * on the strict bound (of ASR when limit_on_asr, else of ORR), at
     * limit_cost a day; found tells whether anything else passes. The ratio
     * range is then the limit's. */
    bool unattained;
    size_t limit;
    bool limit_on_asr;
    bound_t limit_bound;
    double limit_cost;

    bool has_runner_up;      /* another point or mix meets the policy */
    frontier_op_t runner_up;
    double runner_up_cost;

    /* Filled by optimal_uncertainty; unknown without counts. */
    double confidence;
    stats_interval_t cost_ci;      /* the optimum's daily cost, conservative */
    stats_interval_t cost_diff_ci; /* runner-up's daily cost minus the optimum's */
} optimal_t;

/* Finds the cheapest hull point or mix within the policy bounds of `s`, and
 * the runner-up; a cheapest position on a strict bound is reported as a
 * limit not attained, and the cheapest that passes with a margin as `op`. */
optimal_t optimal_find(const frontier_t *f, const pointset_t *set, const scenario_t *s);
/* Fills the intervals of `o` at `confidence`, the rates' intervals by `m`. */
void optimal_uncertainty(optimal_t *o, const pointset_t *set, const scenario_t *s, double confidence,
                         stats_method_t m);
/* True when the runner-up's cost interval against the optimum is known
 * and excludes zero. */
bool optimal_runner_up_distinguishable(const optimal_t *o);
/* "not attained: measured point status-quo fails ORR < 5.00% by its
 * equality (ORR 5.00%); mixes toward it pass and approach its $699,500/day
 * without reaching it": the sentence that optimal_describe, optimal_summary
 * and the JSON report give when o->unattained. */
void optimal_limit_describe(sb_t *sb, const optimal_t *o, const pointset_t *set);
/* A few lines for the text report ("Optimal" section body), or the sentence
 * saying that no costs are set. */
void optimal_describe(sb_t *sb, const optimal_t *o, const pointset_t *set, const scenario_t *s);
/* One line for a status message: "measured point t=0.50 at $63,375 (95%
 * interval $60,000-$70,000, conservative) per day; runner-up measured point
 * t=0.45 at $64,000/day; the difference (95% interval -$1,000 to +$3,000 a
 * day) is within noise". When the optimum is not attained: the limit
 * (optimal_limit_describe), "; cheapest that passes: ", that op and its
 * cost, and how far above the limit it is instead of the runner-up (which
 * optimal_describe still gives), so that the line fits a status line. */
void optimal_summary(sb_t *sb, const optimal_t *o, const pointset_t *set);

#endif
