/* model: projecting measured rates onto a day of traffic.
 *
 * For a scenario of V queries a day of which a share p is adversarial:
 *   unnecessary refusals per day = V * (1 - p) * ORR
 *   harmful outputs per day      = V * p * ASR
 *   daily cost                   = refusals * cost_refusal + harmful * cost_harm
 * Comparing two points gives the change in each count and the break-even
 * exchange rate |d refusals| / |d harmful|: how many unnecessary refusals one
 * harmful output must be worth for the two points to cost the same. */
#ifndef TRADEOFF_MODEL_H
#define TRADEOFF_MODEL_H

#include "core/point.h"
#include "core/policy.h"
#include "base/strbuf.h"

#include <stdbool.h>

#define MODEL_DEFAULT_VOLUME 10000000.0 /* queries per day, as in the domain text */
#define MODEL_DEFAULT_ADV_SHARE 0.001   /* 0.1%: what "30 more harmful outputs" implies */
#define MODEL_DAYS_PER_YEAR 365.0

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
} comparison_t;

/* Default scenario: 10M queries/day, 0.1% adversarial, consumer policy, no costs. */
scenario_t model_default_scenario(void);
bool model_costs_set(const scenario_t *s);
projection_t model_project_rates(const scenario_t *s, double asr, double orr);
projection_t model_project(const scenario_t *s, const point_t *p);
comparison_t model_compare(const scenario_t *s, const point_t *a, const point_t *b);
/* The plain-language sentence for a meeting, e.g. "Moving from A to B: 199,800
 * fewer unnecessary refusals and 30 more harmful outputs per day. B is better
 * only if one harmful output costs less than 6,660 unnecessary refusals."
 * When A and B are not comparable it first says that they were measured on
 * different sets (or are not known to be measured alike) and names both
 * groups (model_groups_clause). */
void model_sentence(sb_t *sb, const scenario_t *s, const char *a_name, const char *b_name,
                    const comparison_t *c);
/* The sentence's opening when A and B are in different groups, ending in
 * ". "; nothing when they are comparable. The explorer's comparison panel
 * and check show it too. */
void model_groups_clause(sb_t *sb, const char *a_name, const char *b_name, const comparison_t *c);

#endif
