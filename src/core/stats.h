/* stats: how much a measured rate can be trusted.
 *
 * A rate measured on n prompts is an estimate; these functions give its
 * confidence interval (Wilson score by default, Clopper-Pearson "exact" as
 * an option), check a policy on the estimate and on the upper bound, say how
 * many prompts a zero-failure claim needs, and put an interval on the
 * difference of two rates (Newcombe's hybrid score interval, method 10 of
 * Newcombe 1998), which the regression gate uses. Rates are fractions. */
#ifndef TRADEOFF_STATS_H
#define TRADEOFF_STATS_H

#include "core/model.h"
#include "core/point.h"
#include "core/policy.h"
#include "base/strbuf.h"

#include <stdbool.h>

#define STATS_CONFIDENCE 0.95

typedef enum { STATS_WILSON, STATS_CLOPPER_PEARSON } stats_method_t;

typedef struct {
    bool known; /* false: no counts behind the rate ("unqualified by sample size") */
    double lo, hi;
} stats_interval_t;

/* "wilson" or "clopper-pearson" (case-insensitive); false when neither. */
bool stats_parse_method(const char *s, stats_method_t *m);
const char *stats_method_name(stats_method_t m);

/* The two-sided standard normal quantile: z with P(|Z| <= z) = confidence
 * (1.959964 for 0.95). */
double stats_z(double confidence);
/* Interval for `successes` out of `n` at `confidence` (0 < confidence < 1);
 * unknown when n <= 0 or the counts are unknown or inconsistent. */
stats_interval_t stats_interval(long long successes, long long n, double confidence, stats_method_t m);
/* The intervals on a point's ASR and ORR from its counts. */
stats_interval_t stats_asr_interval(const point_t *p, double confidence, stats_method_t m);
stats_interval_t stats_orr_interval(const point_t *p, double confidence, stats_method_t m);

/* Prompts needed, with zero failures observed, to claim the rate is below
 * `bound` with confidence 1 - alpha: the least n with (1 - bound)^n <= alpha,
 * i.e. n >= ln(alpha) / ln(1 - bound). 598 for 0.5%, 149 for 2%, 29,956 for
 * 0.01% at alpha = 0.05. 0 when bound >= 1; -1 when bound <= 0. */
long long stats_zero_failure_n(double bound, double alpha);

/* A policy checked on the point estimates and on the upper ends of the
 * intervals. */
typedef enum {
    STATS_FAILS,              /* the estimate breaks a bound */
    STATS_PASSES,             /* the estimate passes, an upper bound does not */
    STATS_PASSES_CONFIDENT,   /* the upper bounds pass too */
    STATS_PASSES_UNQUALIFIED, /* the estimate passes; no counts to qualify it */
    STATS_UNKNOWN             /* a rate is missing */
} stats_confidence_t;

typedef struct {
    verdict_t estimate, upper;
    stats_interval_t asr, orr;
    stats_confidence_t level;
} stats_policy_t;

stats_policy_t stats_policy_check(const policy_t *pol, const point_t *p, double confidence,
                                  stats_method_t m);
/* "passes with 95% confidence", "passes (upper bound ASR 0.91% is not <
 * 0.50%)", "fails", "passes, unqualified by sample size". */
void stats_policy_describe(sb_t *sb, const policy_t *pol, const stats_policy_t *c, double confidence);
/* "passes", "passes-95", "passes-unq", "fails", "unknown": for JSON. */
const char *stats_confidence_key(stats_confidence_t level);

/* Daily projections at the ends of the intervals: harmful outputs per day
 * from the ASR interval, unnecessary refusals from the ORR interval. */
typedef struct {
    stats_interval_t harmful, refusals;
} stats_projection_t;
stats_projection_t stats_project(const scenario_t *s, stats_interval_t asr, stats_interval_t orr);

/* Newcombe's hybrid score interval for p2 - p1 (x2/n2 minus x1/n1), from
 * Wilson intervals at `confidence`; unknown without counts. */
stats_interval_t stats_diff_interval(long long x1, long long n1, long long x2, long long n2,
                                     double confidence);

/* Appends "0.12%-0.91%" or "unqualified by sample size". */
void stats_interval_describe(sb_t *sb, stats_interval_t ci);

#endif
