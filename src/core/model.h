/* model: projecting measured rates onto a day of traffic.
 *
 * For a scenario of V queries a day of which a share p is adversarial:
 *   unnecessary refusals per day = V * (1 - p) * ORR
 *   harmful outputs per day      = V * p * ASR
 *   daily cost                   = refusals * cost_refusal + harmful * cost_harm
 * Comparing two points gives the change in each count and the break-even
 * exchange rate |d refusals| / |d harmful|: how many unnecessary refusals one
 * harmful output must be worth for the two points to cost the same.
 *
 * Every figure assumes production traffic fails at the benchmark's rates
 * (MODEL_ASSUMPTION, said once wherever projections are shown).
 *
 * Uncertainty (NUMBERS.md, rule 3). With the counts behind both points, the
 * change in each rate gets Newcombe's interval (stats_blend_diff), and the
 * daily deltas that interval scaled: V * p for harmful outputs, V * (1 - p)
 * for unnecessary refusals. Two measured points of the same prompts (two
 * per-prompt files, or two thresholds of one curve) are paired
 * (core/pairing.h): the change then gets Newcombe's interval for paired
 * data (pairing_interval) and McNemar's exact test, and every surface says
 * "paired on N prompts". A delta whose interval spans zero is "within
 * noise". The break-even range, when both intervals exclude zero, runs from
 *   min(|r_lo|, |r_hi|) / max(|h_lo|, |h_hi|)  to  max(|r_lo|, |r_hi|) / min(|h_lo|, |h_hi|)
 * where [r_lo, r_hi] and [h_lo, h_hi] are the intervals of the daily change
 * in refusals and in harmful outputs: the smallest and the largest ratio
 * their ends allow. When either spans zero the break-even is undetermined
 * (a change that may have either sign has no exchange rate). */
#ifndef TRADEOFF_MODEL_H
#define TRADEOFF_MODEL_H

#include "core/frontier.h"
#include "core/pairing.h"
#include "core/point.h"
#include "core/policy.h"
#include "core/stats.h"
#include "base/strbuf.h"

#include <stdbool.h>

#define MODEL_DEFAULT_VOLUME 10000000.0 /* queries per day, as in the domain text */
#define MODEL_DEFAULT_ADV_SHARE 0.001   /* 0.1%: what "30 more harmful outputs" implies */
#define MODEL_DAYS_PER_YEAR 365.0
/* The assumption behind every daily figure, said once where they are shown. */
#define MODEL_ASSUMPTION "Daily figures assume production traffic fails at the benchmark's rates."

typedef struct {
    double volume;       /* queries per day, > 0 */
    double adv_share;    /* fraction of traffic that is adversarial, 0..1 */
    double cost_refusal; /* cost of one unnecessary refusal, >= 0 */
    double cost_harm;    /* cost of one harmful output, >= 0 */
    policy_t policy;
} scenario_t;

typedef struct {
    double refusals; /* unnecessary refusals per day; NAN when ORR is unknown */
    double harmful;  /* harmful outputs per day; NAN when ASR is unknown */
    double cost;     /* daily cost; NAN when either count is unknown */
} projection_t;

/* Daily projections at the ends of rate intervals: harmful outputs per day
 * from the ASR interval, unnecessary refusals from the ORR interval. */
typedef struct {
    stats_interval_t harmful, refusals;
} projection_ci_t;

typedef enum {
    CMP_SAME,          /* nothing changes */
    CMP_B_DOMINATES,   /* B is no worse on both and better on one */
    CMP_A_DOMINATES,
    CMP_TRADE_SAFER,   /* B has fewer harmful outputs and more refusals */
    CMP_TRADE_HELPFUL, /* B has fewer refusals and more harmful outputs */
    CMP_UNKNOWN        /* a rate is missing on one side */
} cmp_kind_t;

typedef struct {
    projection_t a, b;
    /* Rates compare only within a measurement group (core/groups.h): false
     * when A and B are in different groups, and the sentence then says
     * first that it compares different measurements. */
    bool comparable;
    bool groups_known;  /* both groups say what they were measured on
                         * (point_group_known): different sets for sure */
    const char *group_a, *group_b; /* their groups (borrowed from the points) */
    double d_refusals;  /* b - a */
    double d_harmful;   /* b - a */
    double d_cost;      /* b - a */
    double break_even;  /* refusals per harmful output; NAN unless a trade */
    cmp_kind_t kind;

    /* Uncertainty at `confidence`; each interval unknown without the
     * counts behind that rate on both sides. */
    double confidence;
    stats_interval_t d_asr_ci, d_orr_ci;          /* change of each rate (fractions), b - a */
    stats_interval_t d_harmful_ci, d_refusals_ci; /* the daily deltas' intervals */
    /* A trade whose two delta intervals are known: `break_even_ci` is the
     * range above when both exclude zero, else `break_even_undetermined`. */
    stats_interval_t break_even_ci;
    bool break_even_undetermined;

    /* Paired: A and B are single measured points of the same prompts
     * (pairing.paired), so d_asr_ci and d_orr_ci are the paired intervals
     * of the prompt-by-prompt tables (pairing_interval: of two thresholds
     * of one curve, clipped to the sign they allow), and McNemar's exact p of each rate
     * is given (NAN unless paired and the set has prompts). Otherwise the
     * intervals are for independent samples, and pairing.why says why two
     * points with per-prompt data are not paired. */
    pairing_summary_t pairing;
    double mcnemar_p_asr, mcnemar_p_orr;
} comparison_t;

/* Default scenario: 10M queries/day, 0.1% adversarial, consumer policy, no costs. */
scenario_t model_default_scenario(void);
bool model_costs_set(const scenario_t *s);
projection_t model_project_rates(const scenario_t *s, double asr, double orr);
projection_t model_project(const scenario_t *s, const point_t *p);
/* The daily counts at the ends of the rate intervals. */
projection_ci_t model_project_interval(const scenario_t *s, stats_interval_t asr, stats_interval_t orr);
/* The daily cost at the ends of the rate intervals: cost rises with both
 * rates, so the low ends give the low cost and the high ends the high one
 * (conservative: both ends at once). Unknown unless costs are set and both
 * intervals known. */
stats_interval_t model_cost_interval(const scenario_t *s, stats_interval_t asr, stats_interval_t orr);
/* Compares two points (or blends: measured points and mixes) at the
 * 95% level (STATS_CONFIDENCE). */
comparison_t model_compare(const scenario_t *s, const point_t *a, const point_t *b);
comparison_t model_compare_blend(const scenario_t *s, const stats_blend_t *a, const stats_blend_t *b);
/* The interval of cost(b) - cost(a) from the two rate-change intervals,
 * combined conservatively (each end from the same ends of both); unknown
 * unless costs are set and both are known. */
stats_interval_t model_cost_diff_interval(const scenario_t *s, const comparison_t *c);
/* The plain-language sentence for a meeting, e.g. "Moving from A to B: 199,800
 * fewer unnecessary refusals and 30 more harmful outputs per day. B is better
 * only if one harmful output costs less than 6,660 unnecessary refusals."
 * With counts it carries the intervals: a change whose interval spans zero
 * "is within noise", and the break-even is a range or "undetermined". The
 * one writer of this sentence: every surface shows it as written here.
 * When A and B are not comparable it first says that they were measured on
 * different sets (or are not known to be measured alike) and names both
 * groups (model_groups_clause). */
void model_sentence(sb_t *sb, const scenario_t *s, const char *a_name, const char *b_name,
                    const comparison_t *c);
/* One daily change `d` of the comparison as a compact line says it:
 * "+99,963 refusals", "-30 harmful", and "no change in harmful" exactly
 * where model_sentence says "no change in harmful outputs" (the same test
 * of nil, the same rounding of the count). */
void model_change_compact(sb_t *sb, double d, const char *what);
/* The sentence's opening when A and B are in different groups, ending in
 * ". "; nothing when they are comparable. The explorer's comparison panel
 * and check show it too. */
void model_groups_clause(sb_t *sb, const char *a_name, const char *b_name, const comparison_t *c);

#endif
