/* gate: the regression check behind `tradeoff check`.
 *
 * A candidate regresses against a baseline when its ASR or ORR rises by
 * more than the allowed percentage points; it is out of policy when it
 * leaves the policy's bounds. The verdict names which (or both): a fall is
 * never a regression, whatever the policy says of the candidate.
 *
 * With a significance level alpha the rise must be shown beyond chance: a
 * one-sided test at level alpha of "the rise is within the allowance",
 * which rejects when the lower end of the two-sided (1 - 2 alpha) Newcombe
 * interval of the difference (candidate - baseline) exceeds the allowed
 * rise. That needs the counts behind both rates; the delta is then taken
 * from the same counts, so delta and interval agree. When the two points
 * were measured on the same prompts (core/pairing.h) the interval is the
 * paired one (Newcombe's method 10 for paired data, stats.h) of the
 * prompt-by-prompt tables, which the same test reads; otherwise Newcombe's
 * for independent samples (of two thresholds of one curve, the paired
 * interval clipped to the sign they allow: pairing_interval). The gate
 * fails closed:
 * a level outside GATE_ALPHA_MIN <= alpha < GATE_ALPHA_MAX, or an interval
 * that is not finite, is a failure, never a pass.
 *
 * Without a level the verdict reads the point estimates (a rise beyond the
 * allowance), but it still carries its uncertainty (NUMBERS.md, rule 3):
 * with the counts behind both rates, the rise gets the 95% interval
 * (STATS_CONFIDENCE) that `report --compare` gives the same two points,
 * paired when they are, and a rise whose interval spans zero is within
 * noise. */
#ifndef TRADEOFF_GATE_H
#define TRADEOFF_GATE_H

#include "core/pairing.h"
#include "core/point.h"
#include "core/policy.h"
#include "core/stats.h"

#include <stdbool.h>

/* The levels --significance accepts: below GATE_ALPHA_MIN the interval's
 * level 1 - 2 alpha can no longer be told from 100% in a printed number;
 * from GATE_ALPHA_MAX the interval would be empty. */
#define GATE_ALPHA_MIN 1e-12
#define GATE_ALPHA_MAX 0.5

typedef struct {
    double max_asr_increase; /* fractions: 0.005 allows +0.5 points */
    double max_orr_increase;
    double significance;     /* alpha; 0 compares the point estimates */
    policy_t policy;
} gate_opts_t;

typedef struct {
    double base, cand;       /* the two rates (from the counts when both have them) */
    double delta;            /* cand - base */
    double allowed;          /* allowed rise */
    stats_interval_t ci;     /* two-sided interval of delta at the result's level (1 - 2 alpha, or 95%
                              * without significance); unknown without the counts */
    bool within_noise;       /* ci is known and spans zero */
    bool regressed;
    bool undecided;          /* the interval could not be computed: a failure (fails closed) */
    bool measured;           /* both points have this rate; false: neither has it, not gated */
} gate_rate_t;

typedef enum {
    GATE_PASS,
    GATE_REGRESSION,
    GATE_OUT_OF_POLICY,
    GATE_REGRESSION_AND_OUT_OF_POLICY
} gate_verdict_t;

typedef struct {
    gate_rate_t asr, orr;
    verdict_t policy;        /* the candidate against the policy */
    bool policy_failed;
    gate_verdict_t verdict;
    bool pass;               /* verdict == GATE_PASS */
    double level;            /* the intervals' two-sided level: 1 - 2 alpha, or STATS_CONFIDENCE
                              * without significance */
    pairing_summary_t pairing; /* paired prompt by prompt (the paired intervals), or why not */
} gate_result_t;

/* True for a level the gate can test at (GATE_ALPHA_MIN..GATE_ALPHA_MAX). */
bool gate_significance_ok(double alpha);
/* Why the two points cannot be checked ("the candidate has no ASR, the
 * baseline has one", "neither file has ASR or ORR", "--significance needs
 * counts ..."), or NULL when they can. */
const char *gate_cannot_check(const point_t *base, const point_t *cand, const gate_opts_t *o);
/* Call only when gate_cannot_check returned NULL. */
gate_result_t gate_run(const point_t *base, const point_t *cand, const gate_opts_t *o);
/* "pass", "regression", "out_of_policy", "regression_and_out_of_policy". */
const char *gate_verdict_key(gate_verdict_t v);
/* "no regression", "regression", "out of policy", "regression and out of
 * policy": for the verdict line. */
const char *gate_verdict_words(gate_verdict_t v);

#endif
