/* optimal: the operating point with the lowest daily cost.
 *
 * Daily cost is linear in the two rates, so over everything reachable by
 * mixing measured points its minimum lies on the lower-left hull: at a
 * vertex, or where the hull crosses a policy bound (a mix). A point stays
 * optimal while the cost ratio (cost of one harmful output / cost of one
 * unnecessary refusal) lies between the exchange rates of the hull edges on
 * either side of it; those are the break-even rates of model_compare. */
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
} optimal_t;

/* Finds the cheapest hull point or mix within the policy bounds of `s`. */
optimal_t optimal_find(const frontier_t *f, const pointset_t *set, const scenario_t *s);
/* A few lines for the text report ("Optimal" section body), or the sentence
 * saying that no costs are set. */
void optimal_describe(sb_t *sb, const optimal_t *o, const pointset_t *set, const scenario_t *s);

#endif
