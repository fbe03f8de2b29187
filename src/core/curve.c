#include "config.h"

#include "core/curve.h"
#include "base/num.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void curve_free(curve_t *c)
{
    for (size_t i = 0; i < c->ncats; i++) {
        free(c->cats[i].name);
        free(c->cats[i].scores);
        free(c->cats[i].harm);
    }
    free(c->cats);
    free(c->steps);
    memset(c, 0, sizeof *c);
}

/* Along ascending thresholds attack successes never fall and benign refusals
 * never rise, so step i is dominated exactly when the next step has the same
 * attack successes (and fewer refusals) or the previous one the same
 * refusals (and fewer attack successes). */
bool curve_step_on_frontier(const curve_t *c, size_t i)
{
    const curve_step_t *s = c->steps;
    if (i + 1 < c->len && s[i + 1].attack_successes == s[i].attack_successes &&
        s[i + 1].benign_refused < s[i].benign_refused)
        return false;
    if (i > 0 && s[i - 1].benign_refused == s[i].benign_refused &&
        s[i - 1].attack_successes < s[i].attack_successes)
        return false;
    return true;
}

size_t curve_frontier_size(const curve_t *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->len; i++)
        n += curve_step_on_frontier(c, i);
    return n;
}

size_t curve_thin(const curve_t *c, size_t n, bool exact_frontier, size_t *keep)
{
    size_t m = c->len;
    if (n == 0 || n >= m) {
        for (size_t i = 0; i < m; i++)
            keep[i] = i;
        return m;
    }
    bool *mark = xcalloc(m, sizeof *mark);
    size_t nfront = curve_frontier_size(c);
    size_t kept = 0;
    if (exact_frontier || nfront <= n) {
        for (size_t i = 0; i < m; i++)
            if (curve_step_on_frontier(c, i) && !mark[i]) {
                mark[i] = true;
                kept++;
            }
    }
    /* Fill up to n with steps evenly spaced by rank (both ends included). */
    size_t want = n > kept ? n - kept : 0;
    if (!mark[0]) {
        mark[0] = true;
        kept++;
    }
    if (!mark[m - 1]) {
        mark[m - 1] = true;
        kept++;
    }
    for (size_t k = 1; k + 1 < want; k++) {
        size_t i = (size_t)((double)k * (double)(m - 1) / (double)(want - 1));
        if (!mark[i]) {
            mark[i] = true;
            kept++;
        }
    }
    size_t out = 0;
    for (size_t i = 0; i < m; i++)
        if (mark[i])
            keep[out++] = i;
    free(mark);
    return out;
}

/* Appends a non-negative whole number. */
static char *put_uint(char *p, unsigned long long v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

/* Appends "int.frac" with `digits` decimals, trailing zeros trimmed. */
static char *put_fixed(char *p, unsigned long long scaled, unsigned long long unit, int digits)
{
    p = put_uint(p, scaled / unit);
    unsigned long long frac = scaled % unit;
    if (frac == 0)
        return p;
    *p++ = '.';
    char *start = p;
    for (int i = digits - 1; i >= 0; i--) {
        start[i] = (char)('0' + frac % 10);
        frac /= 10;
    }
    p = start + digits;
    while (p[-1] == '0')
        p--;
    return p;
}

/* A percentage k/n*100 with 9 decimals, computed in integers so that a
 * million rows format quickly; "" when n is 0. */
static char *put_pct(char *p, long long k, long long n)
{
    if (n <= 0)
        return p;
    const unsigned long long unit = 1000000000ULL; /* 9 decimals */
    if ((unsigned long long)k <= 90000000ULL) {
        unsigned long long num = (unsigned long long)k * 100ULL * unit;
        unsigned long long q = (num + (unsigned long long)n / 2) / (unsigned long long)n;
        return put_fixed(p, q, unit, 9);
    }
    return p + sprintf(p, "%.9f", (double)k * 100.0 / (double)n);
}

/* A threshold: 6-decimal values (the usual case) in integers, anything else
 * as the shortest text that reads back as the same number. */
static char *put_threshold(char *p, double v)
{
    if (fabs(v) < 1e9) {
        double scaled = nearbyint(v * 1e6);
        if (scaled / 1e6 == v) {
            if (scaled < 0) {
                *p++ = '-';
                scaled = -scaled;
            }
            return put_fixed(p, (unsigned long long)scaled, 1000000ULL, 6);
        }
    }
    char buf[40];
    num_format_json(v, buf, sizeof buf);
    size_t n = strlen(buf);
    memcpy(p, buf, n);
    return p + n;
}

void curve_write_csv(const curve_t *c, const size_t *keep, size_t nkeep, sb_t *out)
{
    sb_puts(out, "threshold,attack_success_pct,over_refusal_pct,n_adversarial,attack_successes,n_benign,benign_refused\n");
    char line[256];
    for (size_t k = 0; k < nkeep; k++) {
        const curve_step_t *s = &c->steps[keep[k]];
        char *p = put_threshold(line, s->threshold);
        *p++ = ',';
        p = put_pct(p, s->attack_successes, c->n_adversarial);
        *p++ = ',';
        p = put_pct(p, s->benign_refused, c->n_benign);
        *p++ = ',';
        p = put_uint(p, (unsigned long long)c->n_adversarial);
        *p++ = ',';
        p = put_uint(p, (unsigned long long)s->attack_successes);
        *p++ = ',';
        p = put_uint(p, (unsigned long long)c->n_benign);
        *p++ = ',';
        p = put_uint(p, (unsigned long long)s->benign_refused);
        *p++ = '\n';
        sb_putn(out, line, (size_t)(p - line));
    }
}

/* A step's threshold, counts and rates on a point (a rate whose set is
 * empty stays unknown). */
static void put_step(const curve_t *c, const curve_step_t *s, point_t *p)
{
    p->knob = s->threshold;
    if (c->n_adversarial > 0) {
        p->n_adversarial = c->n_adversarial;
        p->attack_successes = s->attack_successes;
        p->asr = (double)s->attack_successes / (double)c->n_adversarial;
    }
    if (c->n_benign > 0) {
        p->n_benign = c->n_benign;
        p->benign_refused = s->benign_refused;
        p->orr = (double)s->benign_refused / (double)c->n_benign;
    }
}

/* Harmful prompts of each category answered at ascending thresholds: one
 * pass over each category's scores for all the kept steps. */
typedef struct {
    size_t next;          /* first score not yet below the threshold */
    long long answered;   /* prompts below it */
} cat_cursor_t;

static void add_categories(const curve_t *c, cat_cursor_t *cur, double threshold, point_t *p)
{
    for (size_t i = 0; i < c->ncats; i++) {
        const curve_cat_t *cc = &c->cats[i];
        while (cur[i].next < cc->len && cc->scores[cur[i].next] < threshold)
            cur[i].answered += cc->harm[cur[i].next++];
        category_t *cat = point_add_category(p, cc->name);
        cat->n_adversarial = cc->n_adversarial;
        cat->attack_successes = cur[i].answered;
        cat->asr = cc->n_adversarial > 0 ? (double)cur[i].answered / (double)cc->n_adversarial : NAN;
    }
}

void curve_add_points(const curve_t *c, const size_t *keep, size_t nkeep, pointset_t *set, const char *series,
                      const char *source)
{
    cat_cursor_t *cur = xcalloc(c->ncats ? c->ncats : 1, sizeof *cur);
    for (size_t k = 0; k < nkeep; k++) {
        const curve_step_t *s = &c->steps[keep[k]];
        char num[64], name[512];
        char *end = put_threshold(num, s->threshold);
        *end = '\0';
        snprintf(name, sizeof name, "%s @ %s", series, num);
        point_t p = point_make(name);
        p.series = xstrdup(series);
        p.source = xstrdup(source);
        put_step(c, s, &p);
        add_categories(c, cur, s->threshold, &p);
        pointset_add(set, p);
    }
    free(cur);
    if (!set->knob_name)
        set->knob_name = xstrdup("threshold");
}

size_t curve_at_or_above(const curve_t *c, double threshold)
{
    size_t lo = 0, hi = c->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->steps[mid].threshold < threshold)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t curve_cheapest(const curve_t *c, double (*cost)(double asr, double orr, void *ctx),
                      bool (*ok)(double asr, double orr, void *ctx), void *ctx)
{
    size_t best = c->len;
    double best_cost = INFINITY;
    double na = c->n_adversarial > 0 ? (double)c->n_adversarial : NAN;
    double nb = c->n_benign > 0 ? (double)c->n_benign : NAN;
    for (size_t i = 0; i < c->len; i++) {
        double asr = (double)c->steps[i].attack_successes / na, orr = (double)c->steps[i].benign_refused / nb;
        if (ok && !ok(asr, orr, ctx))
            continue;
        double v = cost(asr, orr, ctx);
        if (v < best_cost) {
            best_cost = v;
            best = i;
        }
    }
    return best;
}

/* ---- curves kept whole -------------------------------------------------------- */

void curves_add(curves_t *cs, curve_t *c, pointset_t *set, size_t point)
{
    cs->items = xrealloc(cs->items, (cs->len + 1) * sizeof *cs->items);
    curve_whole_t *w = &cs->items[cs->len++];
    w->curve = *c;
    memset(c, 0, sizeof *c);
    /* the steps grew by doubling: give back what a million of them left over */
    if (w->curve.len)
        w->curve.steps = xrealloc(w->curve.steps, w->curve.len * sizeof *w->curve.steps);
    w->point = point;
    w->step = 0;
    w->cat_below = xcalloc(w->curve.ncats + 1, sizeof *w->cat_below);
    point_t *p = &set->items[point];
    for (size_t k = 0; k < w->curve.ncats; k++) {
        const curve_cat_t *cc = &w->curve.cats[k];
        long long *below = xmalloc((cc->len + 1) * sizeof *below);
        below[0] = 0;
        for (size_t j = 0; j < cc->len; j++)
            below[j + 1] = below[j] + cc->harm[j];
        w->cat_below[k] = below;
        category_t *cat = point_add_category(p, cc->name);
        cat->n_adversarial = cc->n_adversarial;
    }
    curves_put_step(cs, cs->len - 1, 0, set);
}

void curves_free(curves_t *cs)
{
    for (size_t i = 0; i < cs->len; i++) {
        for (size_t k = 0; k < cs->items[i].curve.ncats; k++)
            free(cs->items[i].cat_below[k]);
        free(cs->items[i].cat_below);
        curve_free(&cs->items[i].curve);
    }
    free(cs->items);
    memset(cs, 0, sizeof *cs);
}

long curves_of_point(const curves_t *cs, size_t i)
{
    for (size_t k = 0; cs && k < cs->len; k++)
        if (cs->items[k].point == i)
            return (long)k;
    return -1;
}

/* The first of a category's scores at or above t. */
static size_t scores_at_or_above(const curve_cat_t *cc, double t)
{
    size_t lo = 0, hi = cc->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cc->scores[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void curves_put_step(curves_t *cs, size_t k, size_t step, pointset_t *set)
{
    curve_whole_t *w = &cs->items[k];
    if (step >= w->curve.len)
        step = w->curve.len ? w->curve.len - 1 : 0;
    w->step = step;
    if (!w->curve.len)
        return;
    point_t *p = &set->items[w->point];
    const curve_step_t *s = &w->curve.steps[step];
    put_step(&w->curve, s, p);
    for (size_t j = 0; j < w->curve.ncats && j < p->ncategories; j++) {
        const curve_cat_t *cc = &w->curve.cats[j];
        category_t *cat = &p->categories[j];
        cat->attack_successes = w->cat_below[j][scores_at_or_above(cc, s->threshold)];
        cat->asr = cc->n_adversarial > 0 ? (double)cat->attack_successes / (double)cc->n_adversarial : NAN;
    }
}
