/* stats: confidence intervals and what they say about a policy. */
#include "core/stats.h"

#include "base/num.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

bool stats_parse_method(const char *s, stats_method_t *m)
{
    if (strcasecmp(s, "wilson") == 0)
        *m = STATS_WILSON;
    else if (strcasecmp(s, "clopper-pearson") == 0 || strcasecmp(s, "exact") == 0)
        *m = STATS_CLOPPER_PEARSON;
    else
        return false;
    return true;
}

const char *stats_method_choices(void)
{
    return "wilson or clopper-pearson (also: exact)";
}

const char *stats_method_name(stats_method_t m)
{
    return m == STATS_CLOPPER_PEARSON ? "clopper-pearson" : "wilson";
}

const char *stats_method_title(stats_method_t m)
{
    return m == STATS_CLOPPER_PEARSON ? "Clopper-Pearson" : "Wilson";
}

/* Acklam's rational approximation of the normal quantile (relative error
 * 1.15e-9), polished by one Halley step on erfc to full double precision. */
static double normal_quantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01,  -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double plow = 0.02425;
    double x;
    if (p <= 0.0)
        return -INFINITY;
    if (p >= 1.0)
        return INFINITY;
    if (p < plow) {
        double q = sqrt(-2 * log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - plow) {
        double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        double q = sqrt(-2 * log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double e = 0.5 * erfc(-x / sqrt(2.0)) - p;
    double u = e * 2.5066282746310002 /* sqrt(2 pi) */ * exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

double stats_z(double confidence) { return normal_quantile(0.5 + confidence / 2.0); }

double stats_z_upper(double alpha)
{
    if (!(alpha > 0 && alpha < 1))
        return NAN;
    /* The lower tail at alpha, mirrored: accurate however small alpha is. */
    return -normal_quantile(alpha);
}

static bool counts_ok(long long k, long long n) { return n > 0 && k >= 0 && k <= n; }

static stats_interval_t wilson(long long k, long long n, double z)
{
    double nn = (double)n, p = (double)k / nn, z2 = z * z;
    double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    double half = z / (1 + z2 / nn) * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    stats_interval_t ci = {true, centre - half, centre + half};
    /* At 0 and n the formula gives exactly 0 and 1; keep rounding from
     * putting the bound a hair outside. */
    if (k == 0 || ci.lo < 0)
        ci.lo = 0;
    if (k == n || ci.hi > 1)
        ci.hi = 1;
    return ci;
}

/* Continued fraction of the regularised incomplete beta function
 * (Numerical Recipes' betacf, modified Lentz). */
static double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (fabs(d) < tiny)
        d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; m++) {
        int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        d = fabs(d) < tiny ? 1 / tiny : 1 / d;
        c = 1 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        d = fabs(d) < tiny ? 1 / tiny : 1 / d;
        c = 1 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        double del = d * c;
        h *= del;
        if (fabs(del - 1) < 1e-15)
            break;
    }
    return h;
}

/* I_x(a, b). */
static double beta_inc(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * beta_cf(a, b, x) / a;
    return 1 - front * beta_cf(b, a, 1 - x) / b;
}

/* The x with I_x(a, b) = target, by bisection (I is increasing in x). */
static double beta_quantile(double a, double b, double target)
{
    double lo = 0, hi = 1;
    for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
        double mid = (lo + hi) / 2;
        if (beta_inc(a, b, mid) < target)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}

static stats_interval_t clopper_pearson(long long k, long long n, double confidence)
{
    double alpha = 1 - confidence, kk = (double)k, nn = (double)n;
    stats_interval_t ci = {true, 0, 1};
    if (k > 0)
        ci.lo = beta_quantile(kk, nn - kk + 1, alpha / 2);
    if (k < n)
        ci.hi = beta_quantile(kk + 1, nn - kk, 1 - alpha / 2);
    return ci;
}

stats_interval_t stats_interval(long long successes, long long n, double confidence, stats_method_t m)
{
    stats_interval_t none = {false, NAN, NAN};
    if (!counts_ok(successes, n) || !(confidence > 0 && confidence < 1))
        return none;
    if (m == STATS_CLOPPER_PEARSON)
        return clopper_pearson(successes, n, confidence);
    return wilson(successes, n, stats_z(confidence));
}

stats_interval_t stats_asr_interval(const point_t *p, double confidence, stats_method_t m)
{
    return stats_interval(p->attack_successes, p->n_adversarial, confidence, m);
}

stats_interval_t stats_orr_interval(const point_t *p, double confidence, stats_method_t m)
{
    return stats_interval(p->benign_refused, p->n_benign, confidence, m);
}

/* 0/n passes the bound on the upper end of its interval, as
 * stats_policy_check judges it. */
static bool zero_passes(bound_t b, long long n, double confidence, stats_method_t m)
{
    stats_interval_t ci = stats_interval(0, n, confidence, m);
    return ci.known && bound_passes(b, ci.hi);
}

long long stats_zero_failure_claim_n(bound_t b, double confidence, stats_method_t m)
{
    if (!isfinite(b.max) || !(b.max > 0) || !(confidence > 0 && confidence < 1))
        return -1;
    /* The upper end of 0/n falls as n grows: find the first n that passes
     * by doubling, then bisection, asking the verdict's own test. */
    long long hi = 1;
    while (!zero_passes(b, hi, confidence, m)) {
        if (hi >= STATS_ZERO_FAILURE_MAX)
            return -1;
        hi *= 2;
    }
    long long lo = hi / 2; /* fails (or 0) */
    while (hi - lo > 1) {
        long long mid = lo + (hi - lo) / 2;
        if (zero_passes(b, mid, confidence, m))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

long long stats_zero_failure_sentence(sb_t *sb, const char *rate, const char *prompts, bound_t b, double confidence,
                                      stats_method_t m)
{
    char v[32], n[32];
    long long need = stats_zero_failure_claim_n(b, confidence, m);
    if (need <= 0)
        return need;
    sb_printf(sb, "With zero failures, %s %s %s passes with %g%% confidence (%s, two-sided, as the policy check) "
                  "from %s %s prompts.",
              rate, b.inclusive ? "<=" : "<", num_format_pct(b.max, v, sizeof v), confidence * 100,
              stats_method_title(m), num_format_int((double)need, n, sizeof n), prompts);
    return need;
}

double stats_zero_failure_bound(long long n, double confidence, stats_method_t m)
{
    stats_interval_t ci = stats_interval(0, n, confidence, m);
    return ci.known ? ci.hi : NAN;
}

stats_policy_t stats_policy_check(const policy_t *pol, const point_t *p, double confidence,
                                  stats_method_t m)
{
    stats_policy_t c;
    c.asr = stats_asr_interval(p, confidence, m);
    c.orr = stats_orr_interval(p, confidence, m);
    c.estimate = policy_check(pol, p->asr, p->orr);
    /* A bound not qualified by counts is judged on its estimate. */
    c.upper = policy_check(pol, c.asr.known ? c.asr.hi : p->asr, c.orr.known ? c.orr.hi : p->orr);
    if (c.estimate.asr_unknown || c.estimate.orr_unknown)
        c.level = STATS_UNKNOWN;
    else if (!verdict_pass(c.estimate))
        c.level = STATS_FAILS;
    else if (!verdict_pass(c.upper))
        c.level = STATS_PASSES;
    else if (!c.asr.known || !c.orr.known)
        c.level = STATS_PASSES_UNQUALIFIED;
    else
        c.level = STATS_PASSES_CONFIDENT;
    return c;
}

const char *stats_confidence_key(stats_confidence_t level)
{
    switch (level) {
    case STATS_FAILS:
        return "fails";
    case STATS_PASSES:
        return "passes";
    case STATS_PASSES_CONFIDENT:
        return "passes_with_confidence";
    case STATS_PASSES_UNQUALIFIED:
        return "passes_unqualified";
    case STATS_UNKNOWN:
        break;
    }
    return "unknown";
}

static void upper_failure(sb_t *sb, const char *what, bound_t b, double upper)
{
    char v[32];
    sb_printf(sb, "%s upper bound %s is not ", what, num_format_pct_beside(upper, b.max, v, sizeof v));
    sb_puts(sb, b.inclusive ? "<= " : "< ");
    sb_puts(sb, num_format_pct(b.max, v, sizeof v));
}

void stats_policy_describe(sb_t *sb, const policy_t *pol, const stats_policy_t *c, double confidence)
{
    switch (c->level) {
    case STATS_UNKNOWN:
        sb_puts(sb, "unknown: a rate is missing");
        return;
    case STATS_FAILS:
        sb_puts(sb, "fails");
        return;
    case STATS_PASSES_CONFIDENT:
        sb_printf(sb, "passes with %g%% confidence", confidence * 100);
        return;
    case STATS_PASSES_UNQUALIFIED:
        sb_puts(sb, "passes, unqualified by sample size");
        return;
    case STATS_PASSES:
        break;
    }
    sb_puts(sb, "passes on the estimate only (");
    if (c->upper.asr_fail)
        upper_failure(sb, "ASR", pol->asr, c->asr.hi);
    if (c->upper.asr_fail && c->upper.orr_fail)
        sb_puts(sb, "; ");
    if (c->upper.orr_fail)
        upper_failure(sb, "ORR", pol->orr, c->orr.hi);
    sb_puts(sb, ")");
}

stats_interval_t stats_diff_interval(long long x1, long long n1, long long x2, long long n2,
                                     double confidence)
{
    stats_interval_t none = {false, NAN, NAN};
    if (!(confidence > 0 && confidence < 1))
        return none;
    return stats_diff_interval_z(x1, n1, x2, n2, stats_z(confidence));
}

stats_interval_t stats_diff_interval_z(long long x1, long long n1, long long x2, long long n2, double z)
{
    stats_interval_t none = {false, NAN, NAN};
    if (!counts_ok(x1, n1) || !counts_ok(x2, n2) || !(isfinite(z) && z > 0))
        return none;
    stats_interval_t w1 = wilson(x1, n1, z), w2 = wilson(x2, n2, z);
    double p1 = (double)x1 / (double)n1, p2 = (double)x2 / (double)n2, d = p2 - p1;
    stats_interval_t ci = {true, d - sqrt((p2 - w2.lo) * (p2 - w2.lo) + (w1.hi - p1) * (w1.hi - p1)),
                           d + sqrt((w2.hi - p2) * (w2.hi - p2) + (p1 - w1.lo) * (p1 - w1.lo))};
    return ci;
}

/* ---- blends: points and mixes ---------------------------------------------- */

stats_blend_t stats_blend_point(const point_t *p)
{
    stats_blend_t b = {{p, NULL}, {1, 0}};
    return b;
}

stats_blend_t stats_blend_op(const pointset_t *set, const frontier_op_t *op)
{
    stats_blend_t b = {{NULL, NULL}, {0, 0}};
    if (!op->valid)
        return b;
    b.p[0] = &set->items[op->a];
    b.w[0] = op->is_mix ? op->lambda : 1;
    if (op->is_mix) {
        b.p[1] = &set->items[op->b];
        b.w[1] = 1 - op->lambda;
    }
    return b;
}

static int blend_len(const stats_blend_t *b) { return b->p[1] ? 2 : b->p[0] ? 1 : 0; }

static double point_rate(const point_t *p, stats_rate_t r) { return r == STATS_ASR ? p->asr : p->orr; }

static void point_counts(const point_t *p, stats_rate_t r, long long *k, long long *n)
{
    *k = r == STATS_ASR ? p->attack_successes : p->benign_refused;
    *n = r == STATS_ASR ? p->n_adversarial : p->n_benign;
}

double stats_blend_rate(const stats_blend_t *b, stats_rate_t r)
{
    int len = blend_len(b);
    double rate = len ? 0 : NAN;
    for (int i = 0; i < len; i++)
        rate += b->w[i] * point_rate(b->p[i], r);
    return rate;
}

stats_interval_t stats_blend_interval(const stats_blend_t *b, stats_rate_t r, double confidence, stats_method_t m)
{
    stats_interval_t ci = {blend_len(b) > 0, 0, 0};
    for (int i = 0; i < blend_len(b) && ci.known; i++) {
        long long k, n;
        point_counts(b->p[i], r, &k, &n);
        stats_interval_t one = stats_interval(k, n, confidence, m);
        ci.known = one.known;
        ci.lo += b->w[i] * one.lo;
        ci.hi += b->w[i] * one.hi;
    }
    if (!ci.known)
        ci.lo = ci.hi = NAN;
    return ci;
}

stats_interval_t stats_blend_diff(const stats_blend_t *from, const stats_blend_t *to, stats_rate_t r,
                                  double confidence)
{
    stats_interval_t ci = {blend_len(from) > 0 && blend_len(to) > 0, 0, 0};
    for (int i = 0; i < blend_len(from) && ci.known; i++) {
        for (int j = 0; j < blend_len(to) && ci.known; j++) {
            double w = from->w[i] * to->w[j];
            long long x1, n1, x2, n2;
            point_counts(from->p[i], r, &x1, &n1);
            point_counts(to->p[j], r, &x2, &n2);
            stats_interval_t d = stats_diff_interval(x1, n1, x2, n2, confidence);
            ci.known = d.known;
            if (from->p[i] == to->p[j])
                continue; /* the same measurement: no difference at all */
            ci.lo += w * d.lo;
            ci.hi += w * d.hi;
        }
    }
    if (!ci.known)
        ci.lo = ci.hi = NAN;
    return ci;
}

/* ---- paired rates ---------------------------------------------------------- */

long long stats_paired_n(stats_paired_t t)
{
    if (t.both < 0 || t.a_only < 0 || t.b_only < 0 || t.neither < 0)
        return -1;
    return t.both + t.a_only + t.b_only + t.neither;
}

/* Newcombe's corrected phi (method 10): a positive correlation is reduced
 * by n/2 (to nothing when it is smaller), a negative one kept. */
static double paired_phi(stats_paired_t t, double n)
{
    double e = (double)(t.both + t.a_only), g = (double)(t.both + t.b_only);
    double f = n - e, h = n - g;
    if (e == 0 || f == 0 || g == 0 || h == 0)
        return 0;
    double d = (double)t.both * (double)t.neither - (double)t.a_only * (double)t.b_only;
    double root = sqrt(e) * sqrt(f) * sqrt(g) * sqrt(h);
    if (d > n / 2)
        return (d - n / 2) / root;
    return d < 0 ? d / root : 0;
}

/* sqrt(x^2 - 2 phi x y + y^2), never of a rounding error below zero. */
static double paired_half(double x, double y, double phi)
{
    double v = x * x - 2 * phi * x * y + y * y;
    return v > 0 ? sqrt(v) : 0;
}

stats_interval_t stats_paired_diff_interval_z(stats_paired_t t, double z)
{
    stats_interval_t none = {false, NAN, NAN};
    long long n = stats_paired_n(t);
    if (n <= 0 || !(isfinite(z) && z > 0))
        return none;
    long long xa = t.both + t.a_only, xb = t.both + t.b_only;
    double nn = (double)n, pa = (double)xa / nn, pb = (double)xb / nn, d = pb - pa;
    stats_interval_t wa = wilson(xa, n, z), wb = wilson(xb, n, z);
    double phi = paired_phi(t, nn);
    stats_interval_t ci = {true, d - paired_half(pb - wb.lo, wa.hi - pa, phi),
                           d + paired_half(pa - wa.lo, wb.hi - pb, phi)};
    return ci;
}

stats_interval_t stats_nested_diff_interval_z(stats_paired_t t, int sign, double z)
{
    stats_interval_t none = {false, NAN, NAN};
    long long n = stats_paired_n(t);
    if (n <= 0 || !(isfinite(z) && z > 0) || sign == 0 || (sign > 0 ? t.a_only : t.b_only) != 0)
        return none;
    stats_interval_t w = wilson(sign > 0 ? t.b_only : t.a_only, n, z);
    if (sign < 0) { /* B cannot be above A: the change is at most 0 */
        stats_interval_t down = {true, -w.hi, -w.lo};
        return down;
    }
    return w;
}

stats_interval_t stats_paired_diff_interval(stats_paired_t t, double confidence)
{
    stats_interval_t none = {false, NAN, NAN};
    if (!(confidence > 0 && confidence < 1))
        return none;
    return stats_paired_diff_interval_z(t, stats_z(confidence));
}

double stats_mcnemar_exact_p(long long b, long long c)
{
    if (b < 0 || c < 0)
        return NAN;
    long long n = b + c, k = b < c ? b : c;
    if (2 * k >= n) /* b = c (or none): P(X <= n/2) >= 1/2 */
        return 1;
    /* P(X <= k) = t_k (1 + t_{k-1}/t_k + ...), each term the one above it
     * times i / (n - i + 1) (falling, as k < n/2), t_k in logarithms. */
    double nn = (double)n, kk = (double)k;
    double log_tk = lgamma(nn + 1) - lgamma(kk + 1) - lgamma(nn - kk + 1) - nn * log(2.0);
    double sum = 1, term = 1;
    for (long long i = k; i > 0; i--) {
        term *= (double)i / (double)(n - i + 1);
        sum += term;
        if (term < sum * 1e-17)
            break;
    }
    double p = 2 * exp(log_tk + log(sum));
    return p < 1 ? p : 1;
}

char *stats_format_p(double p, char *buf, size_t n)
{
    if (isnan(p))
        snprintf(buf, n, "-");
    else if (p >= 0.001)
        snprintf(buf, n, "%.3f", p);
    else if (p >= 1e-300)
        snprintf(buf, n, "%.1e", p);
    else
        snprintf(buf, n, "< 1e-300");
    return buf;
}

stats_kappa_t stats_kappa(const long long table[2][2], double confidence)
{
    stats_kappa_t k = {0, NAN, NAN, NAN, {false, NAN, NAN}};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            if (table[i][j] < 0)
                return k;
            k.n += table[i][j];
        }
    if (k.n == 0)
        return k;
    double n = (double)k.n, p[2][2], row[2], col[2];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            p[i][j] = (double)table[i][j] / n;
    for (int i = 0; i < 2; i++) {
        row[i] = p[i][0] + p[i][1];
        col[i] = p[0][i] + p[1][i];
    }
    double po = p[0][0] + p[1][1], pe = row[0] * col[0] + row[1] * col[1];
    k.agreement = po;
    if (1 - pe <= 1e-15)
        return k;
    k.kappa = (po - pe) / (1 - pe);
    double q = 1 - k.kappa, diag = 0, off = 0;
    for (int i = 0; i < 2; i++) {
        double a = 1 - (row[i] + col[i]) * q;
        diag += p[i][i] * a * a;
        for (int j = 0; j < 2; j++)
            if (i != j)
                off += p[i][j] * (col[i] + row[j]) * (col[i] + row[j]);
    }
    double last = k.kappa - pe * q;
    double var = (diag + q * q * off - last * last) / (n * (1 - pe) * (1 - pe));
    k.se = sqrt(var > 0 ? var : 0);
    /* One judge always gave one class: kappa is 0 whatever the other did,
     * and the variance formula degenerates to 0; no interval then. */
    bool degenerate = row[0] == 0 || row[1] == 0 || col[0] == 0 || col[1] == 0;
    if (!degenerate && confidence > 0 && confidence < 1) {
        double z = stats_z(confidence);
        k.ci = (stats_interval_t){true, fmax(-1, k.kappa - z * k.se), fmin(1, k.kappa + z * k.se)};
    }
    return k;
}

bool stats_interval_excludes_zero(stats_interval_t ci)
{
    return ci.known && (ci.lo > 0 || ci.hi < 0);
}

void stats_interval_describe(sb_t *sb, stats_interval_t ci)
{
    char a[32], b[32];
    if (!ci.known) {
        sb_puts(sb, "unqualified by sample size");
        return;
    }
    sb_printf(sb, "%s-%s", num_format_pct(ci.lo, a, sizeof a), num_format_pct(ci.hi, b, sizeof b));
}
