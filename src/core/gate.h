/* gate: the regression check behind `tradeoff check`.
 *
 * A candidate regresses against a baseline when its ASR or ORR rises by
 * more than the allowed percentage points, or when it leaves the policy's
 * bounds. With a significance level alpha, a rise counts only when it is
 * shown beyond chance: when the lower end of the (1 - alpha) Newcombe
 * hybrid score interval for the difference (candidate - baseline) exceeds
 * the allowed rise. That needs the counts behind both rates. */
#ifndef TRADEOFF_GATE_H
#define TRADEOFF_GATE_H

#include "core/point.h"
#include "core/policy.h"
#include "core/stats.h"

#include <stdbool.h>

typedef struct {
    double max_asr_increase; /* fractions: 0.005 allows +0.5 points */
    double max_orr_increase;
    double significance;     /* alpha; 0 compares the point estimates */
    policy_t policy;
} gate_opts_t;

typedef struct {
    double base, cand;       /* the two rates */
    double delta;            /* cand - base */
    double allowed;          /* allowed rise */
    stats_interval_t ci;     /* interval of delta at 1 - alpha; unknown without significance */
    bool regressed;
} gate_rate_t;

typedef struct {
    gate_rate_t asr, orr;
    verdict_t policy;        /* the candidate against the policy */
    bool policy_failed;
    bool pass;
} gate_result_t;

/* Why the two points cannot be checked ("ASR unknown in the candidate",
 * "--significance needs counts ..."), or NULL when they can. */
const char *gate_cannot_check(const point_t *base, const point_t *cand, const gate_opts_t *o);
/* Call only when gate_cannot_check returned NULL. */
gate_result_t gate_run(const point_t *base, const point_t *cand, const gate_opts_t *o);

#endif
