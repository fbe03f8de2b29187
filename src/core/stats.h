/* stats: how much a measured rate can be trusted.
 *
 * A rate measured on n prompts is an estimate; these functions give its
 * confidence interval (Wilson score by default, Clopper-Pearson "exact" as
 * an option), check a policy on the estimate and on the upper bound, say how
 * many prompts a zero-failure claim needs under that same check, and put an
 * interval on the difference of two rates (Newcombe's hybrid score interval,
 * method 10 of Newcombe 1998), which comparisons, the optimum and the
 * regression gate use. Rates are fractions.
 *
 * Two rates measured on the same prompts are paired: their difference gets
 * Newcombe's interval for paired data (method 10 of Newcombe 1998b, the
 * hybrid score interval with the corrected correlation phi), McNemar's
 * exact test, and two judges of the same answers Cohen's kappa with the
 * large-sample interval of Fleiss, Cohen and Everitt (1969). */
#ifndef TRADEOFF_STATS_H
#define TRADEOFF_STATS_H

#include "core/frontier.h"
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

/* "wilson" or "clopper-pearson", or "exact" (its other name), case-
 * insensitive; false when none. */
bool stats_parse_method(const char *s, stats_method_t *m);
/* What stats_parse_method reads, for messages: "wilson or clopper-pearson
 * (also: exact)". */
const char *stats_method_choices(void);
const char *stats_method_name(stats_method_t m);

/* The two-sided standard normal quantile: z with P(|Z| <= z) = confidence
 * (1.959964 for 0.95). */
double stats_z(double confidence);
/* The upper-tail quantile: z with P(Z > z) = alpha, computed from alpha
 * itself (never from 1 - alpha, which rounds to 1 for tiny alpha): 1.644854
 * for 0.05. NAN unless 0 < alpha < 1. */
double stats_z_upper(double alpha);
/* Interval for `successes` out of `n` at `confidence` (0 < confidence < 1);
 * unknown when n <= 0 or the counts are unknown or inconsistent. */
stats_interval_t stats_interval(long long successes, long long n, double confidence, stats_method_t m);
/* The intervals on a point's ASR and ORR from its counts. */
stats_interval_t stats_asr_interval(const point_t *p, double confidence, stats_method_t m);
stats_interval_t stats_orr_interval(const point_t *p, double confidence, stats_method_t m);

/* Prompts needed, with zero failures observed, for the policy verdict
 * (stats_policy_check) to say "passes with confidence" on this bound: the
 * least n whose interval for 0/n (two-sided, at `confidence`, by method
 * `m`) has an upper end within the bound (bound_passes, so strict and
 * inclusive bounds are honoured), such that n - 1 does not. At 95%: 765
 * (Wilson) or 736 (Clopper-Pearson) for ASR < 0.5%; 189 or 183 for <= 2%;
 * 38,411 or 36,887 for < 0.01%. -1 when no bound (infinite) or a bound no
 * count can meet (<= 0, or past STATS_ZERO_FAILURE_MAX prompts). */
#define STATS_ZERO_FAILURE_MAX 1000000000000LL
long long stats_zero_failure_claim_n(bound_t b, double confidence, stats_method_t m);
/* The one sentence every surface (report, check, practice) says that
 * figure with: "With zero failures, ASR < 0.01% passes with 95% confidence
 * (Wilson, two-sided, as the policy check) from 38,411 adversarial
 * prompts." (`rate` "ASR", `prompts` "adversarial"; no indent, no newline).
 * Returns the figure; writes nothing when it is -1. */
long long stats_zero_failure_sentence(sb_t *sb, const char *rate, const char *prompts, bound_t b, double confidence,
                                      stats_method_t m);
/* The smallest claim zero failures in n prompts support: the upper end of
 * the two-sided interval of 0/n at `confidence` by `m` (a bound "below" any
 * rate above it passes the policy check). NAN when n <= 0. */
double stats_zero_failure_bound(long long n, double confidence, stats_method_t m);
/* "Wilson" or "Clopper-Pearson": the method as a sentence names it. */
const char *stats_method_title(stats_method_t m);

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

/* Newcombe's hybrid score interval for p2 - p1 (x2/n2 minus x1/n1), from
 * Wilson intervals at `confidence`; unknown without counts. */
stats_interval_t stats_diff_interval(long long x1, long long n1, long long x2, long long n2,
                                     double confidence);
/* The same from the normal quantile z of the Wilson intervals (z = 1.645
 * for a two-sided 90% interval); unknown when z is not finite and positive. */
stats_interval_t stats_diff_interval_z(long long x1, long long n1, long long x2, long long n2, double z);

/* Which rate: attack success (harmful prompts) or over-refusal (benign). */
typedef enum { STATS_ASR, STATS_ORR } stats_rate_t;

/* A measured point, or a mix of two: weight w[0] of traffic through p[0],
 * the rest through p[1] (NULL with w[1] = 0 for a single point). The rates
 * it gets are the weighted rates of its points. */
typedef struct {
    const point_t *p[2];
    double w[2];
} stats_blend_t;

stats_blend_t stats_blend_point(const point_t *p);
/* The blend of an operating point of `set` (invalid op: no points). */
stats_blend_t stats_blend_op(const pointset_t *set, const frontier_op_t *op);
/* The blend's rate (NAN when a point of it lacks the rate). */
double stats_blend_rate(const stats_blend_t *b, stats_rate_t r);
/* The interval of the blend's rate: a point's own interval; for a mix the
 * weighted ends of its points' intervals, which is conservative (the
 * errors of the two may partly cancel; the sum of their worst cases bounds
 * them). Unknown when a point lacks counts. */
stats_interval_t stats_blend_interval(const stats_blend_t *b, stats_rate_t r, double confidence, stats_method_t m);
/* The interval of rate(to) - rate(from): the weighted sum over every pair
 * (i, j) of w_from[i] * w_to[j] * Newcombe(p_from[i] -> p_to[j]) at
 * `confidence`, a pair of the same point adding exactly 0 (one measurement
 * has no difference from itself). For two single points this is Newcombe's
 * interval itself; with mixes it is conservative, as above. Unknown when a
 * point lacks counts. */
stats_interval_t stats_blend_diff(const stats_blend_t *from, const stats_blend_t *to, stats_rate_t r,
                                  double confidence);
/* True when the interval is known and excludes zero: the change can be told
 * from noise. */
bool stats_interval_excludes_zero(stats_interval_t ci);

/* ---- paired rates -------------------------------------------------------------
 *
 * One event (an attack that succeeds, a benign prompt refused) observed on
 * the same n prompts under A and under B: the prompts where it happened
 * under both, under A only, under B only, and under neither. */
typedef struct {
    long long both, a_only, b_only, neither;
} stats_paired_t;

/* Prompts in the table; -1 when a count is negative. */
long long stats_paired_n(stats_paired_t t);
/* Newcombe's method 10 for paired data (Newcombe 1998b, Statistics in
 * Medicine 17:2635), the interval of rate(B) - rate(A):
 *   pA = (both + a_only) / n,  pB = (both + b_only) / n,  d = pB - pA,
 *   [lA, uA], [lB, uB] their Wilson intervals at z,
 *   L = d - sqrt((pB - lB)^2 - 2 phi (pB - lB)(uA - pA) + (uA - pA)^2)
 *   U = d + sqrt((pA - lA)^2 - 2 phi (pA - lA)(uB - pB) + (uB - pB)^2)
 * where, with D = both x neither - a_only x b_only and the four margins
 * e, f, g, h (events and non-events under A and under B), phi is
 * (D - n/2) / sqrt(efgh) when D > n/2, 0 when 0 <= D <= n/2, D / sqrt(efgh)
 * when D < 0, and 0 when a margin is 0. Unknown when the table is empty or
 * z is not finite and positive. */
stats_interval_t stats_paired_diff_interval_z(stats_paired_t t, double z);
/* The same at a two-sided `confidence`. */
stats_interval_t stats_paired_diff_interval(stats_paired_t t, double confidence);
/* Two nested sets of prompts, one discordant cell empty by construction
 * (two thresholds of one curve: every prompt refused at the higher
 * threshold is refused at the lower): rate(B) - rate(A) = (b_only -
 * a_only) / n is exactly the share of the discordant prompts, one
 * binomial proportion, so its interval is their Wilson interval at z with
 * the sign the construction gives (`sign` > 0: B's rate cannot be lower,
 * so only b_only may hold prompts; < 0 the other way); it never crosses
 * zero. Unknown when the cell that must be empty is not, the table is
 * empty or z is not finite and positive. */
stats_interval_t stats_nested_diff_interval_z(stats_paired_t t, int sign, double z);
/* McNemar's exact test: the two-sided binomial test on the discordant
 * prompts, p = min(1, 2 P(X <= min(b, c))) with X ~ Bin(b + c, 1/2),
 * summed in log space (exact to about 1e-9 relative up to millions of
 * prompts; below about 1e-300 it is 0). 1 when b + c = 0; NAN when a
 * count is negative. */
double stats_mcnemar_exact_p(long long b, long long c);

/* A p-value as a person reads it: "0.052", "1.000", "3.7e-05", "< 1e-300". */
char *stats_format_p(double p, char *buf, size_t n);

/* Cohen's kappa of two judges on the same prompts (table[i][j]: prompts
 * judge 1 put in class i and judge 2 in class j; two classes): the
 * observed agreement p_o, the chance agreement p_e from the margins,
 * kappa = (p_o - p_e) / (1 - p_e), and kappa +- z SE with the
 * large-sample variance of Fleiss, Cohen and Everitt (1969):
 *   [ sum_i p_ii (1 - (p_i. + p_.i)(1 - kappa))^2
 *     + (1 - kappa)^2 sum_{i != j} p_ij (p_.i + p_j.)^2
 *     - (kappa - p_e (1 - kappa))^2 ] / (n (1 - p_e)^2),
 * the interval clipped to [-1, 1]. kappa is NAN (and the interval
 * unknown) when n is 0 or p_e is 1 (both judges always gave one class);
 * when one judge always gave one class kappa is 0 whatever the other did,
 * and the interval is unknown (the variance degenerates to 0). */
typedef struct {
    long long n;
    double agreement; /* p_o, a fraction; NAN when n is 0 */
    double kappa;
    double se;
    stats_interval_t ci;
} stats_kappa_t;

stats_kappa_t stats_kappa(const long long table[2][2], double confidence);

/* Appends "0.12%-0.91%" or "unqualified by sample size". */
void stats_interval_describe(sb_t *sb, stats_interval_t ci);

#endif
