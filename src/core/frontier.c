/* frontier: Pareto dominance and the lower-left convex hull.
 *
 * Rates are compared at a resolution of FRONTIER_EPSILON: each is rounded to
 * a whole multiple of it first, so "5.0%" typed in one file and 50/1000
 * counted in another tie instead of one dominating the other by a rounding
 * error, and dominance stays transitive. Duplicates (equal on both rates)
 * never dominate each other: both stay Pareto-optimal, and a duplicate of a
 * hull vertex is on the hull too (frontier.h, "Duplicates"): the list of
 * hull points and the on_hull marks are made in one place, from the vertex
 * list, so that no report can show one without the other.
 *
 * Dominance takes O(n log n): sorted by ORR, a point is dominated exactly
 * when an earlier point of lower ORR has no higher ASR, or one of equal ORR
 * a lower ASR. The Pareto-optimal points that dominate a point form one run
 * of the Pareto list (ORR ascending, ASR descending), found by two binary
 * searches.
 *
 * The hull is built from the Pareto-optimal points only: a dominated point
 * can at best lie on a vertical or horizontal edge of the hull, and such a
 * point is never worth choosing, so it is not marked. Points lying exactly
 * on a hull segment are kept as vertices: a target they reach is then
 * reported as that measurement rather than as a mix of its neighbours. */
#include "core/frontier.h"

#include "base/xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool rate_eq(double a, double b) { return fabs(a - b) <= FRONTIER_EPSILON; }
static bool rate_le(double a, double b) { return a <= b + FRONTIER_EPSILON; }

/* Both NULL, or equal strings. */
static bool same_name(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* A rate as a whole number of FRONTIER_EPSILON steps. */
static int64_t quantum(double rate) { return (int64_t)llround(rate / FRONTIER_EPSILON); }

typedef struct {
    int64_t asr, orr;
    size_t index;
} rated_t;

static rated_t rated(const pointset_t *set, size_t i)
{
    rated_t r = {quantum(set->items[i].asr), quantum(set->items[i].orr), i};
    return r;
}

static bool rated_dominates(const rated_t *a, const rated_t *b)
{
    return a->asr <= b->asr && a->orr <= b->orr && (a->asr < b->asr || a->orr < b->orr);
}

static bool rated_same(const rated_t *a, const rated_t *b) { return a->asr == b->asr && a->orr == b->orr; }

bool frontier_dominates(const point_t *a, const point_t *b)
{
    if (!point_has_rates(a) || !point_has_rates(b))
        return false;
    rated_t ra = {quantum(a->asr), quantum(a->orr), 0}, rb = {quantum(b->asr), quantum(b->orr), 0};
    return rated_dominates(&ra, &rb);
}

static bool takes_part(const pointset_t *set, const bool *include, size_t i)
{
    return (include == NULL || include[i]) && point_has_rates(&set->items[i]);
}

/* ORR ascending, then ASR ascending, then input order (a stable result). */
static int by_orr_then_asr(const void *pa, const void *pb)
{
    const rated_t *a = pa, *b = pb;
    if (a->orr != b->orr)
        return a->orr < b->orr ? -1 : 1;
    if (a->asr != b->asr)
        return a->asr < b->asr ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Marks each sorted point dominated or not; returns the Pareto-optimal ones
 * (in sorted order, so ORR ascending and ASR descending) in `pareto`. */
static size_t find_pareto(const rated_t *r, size_t n, bool *dominated, rated_t *pareto)
{
    size_t np = 0;
    int64_t lower_orr_min = INT64_MAX; /* least ASR among points of lower ORR */
    for (size_t start = 0; start < n;) {
        size_t end = start;
        while (end < n && r[end].orr == r[start].orr)
            end++;
        int64_t group_min = r[start].asr; /* sorted: the first has the least ASR */
        for (size_t k = start; k < end; k++) {
            dominated[k] = lower_orr_min <= r[k].asr || group_min < r[k].asr;
            if (!dominated[k])
                pareto[np++] = r[k];
        }
        if (group_min < lower_orr_min)
            lower_orr_min = group_min;
        start = end;
    }
    return np;
}

/* The run of `pareto` that dominates q: ORR no higher (a prefix, as ORR
 * ascends) and ASR no higher (a suffix, as ASR descends). */
static void dominator_run(const rated_t *pareto, size_t np, const rated_t *q, size_t *lo, size_t *hi)
{
    size_t a = 0, b = np;
    while (a < b) { /* first with ORR above q's */
        size_t mid = a + (b - a) / 2;
        if (pareto[mid].orr <= q->orr)
            a = mid + 1;
        else
            b = mid;
    }
    *hi = a;
    a = 0;
    b = *hi;
    while (a < b) { /* first with ASR at most q's */
        size_t mid = a + (b - a) / 2;
        if (pareto[mid].asr <= q->asr)
            b = mid;
        else
            a = mid + 1;
    }
    *lo = a;
}

static void list_dominators(frontier_t *f, const rated_t *pareto, size_t np, const rated_t *q)
{
    size_t lo, hi;
    dominator_run(pareto, np, q, &lo, &hi);
    size_t count = hi - lo;
    if (count > FRONTIER_DOMINATED_BY_MAX)
        count = FRONTIER_DOMINATED_BY_MAX;
    frontier_mark_t *m = &f->marks[q->index];
    m->dominated_by = xmalloc((count ? count : 1) * sizeof *m->dominated_by);
    for (size_t k = 0; k < count; k++)
        m->dominated_by[k] = pareto[lo + k].index;
    m->ndominated_by = count;
}

/* Twice the signed area of o-a-b with x = ORR, y = ASR: negative when a lies
 * above the segment o-b, i.e. when a is not on the lower hull. */
static double cross(const point_t *o, const point_t *a, const point_t *b)
{
    return (a->orr - o->orr) * (b->asr - o->asr) - (a->asr - o->asr) * (b->orr - o->orr);
}

/* Andrew's monotone chain over the Pareto points, which are sorted by ORR
 * ascending and therefore by ASR descending; collinear points are kept. */
static void build_hull(frontier_t *f, const pointset_t *set, const rated_t *pareto, size_t np)
{
    rated_t *chain = xmalloc((np ? np : 1) * sizeof *chain);
    size_t nc = 0;
    for (size_t k = 0; k < np; k++) {
        if (nc > 0 && rated_same(&chain[nc - 1], &pareto[k]))
            continue; /* a duplicate: marked below, not a new vertex */
        const point_t *p = &set->items[pareto[k].index];
        while (nc >= 2 && cross(&set->items[chain[nc - 2].index], &set->items[chain[nc - 1].index], p) <
                              -FRONTIER_EPSILON * FRONTIER_EPSILON)
            nc--;
        chain[nc++] = pareto[k];
    }
    for (size_t k = 0; k < nc; k++)
        f->hull[k] = chain[k].index;
    f->nhull = nc;
    /* Both lists ascend in ORR: walk them together to find each vertex and
     * its duplicates, which follow it in the Pareto list. */
    size_t h = 0;
    for (size_t k = 0; k < np; k++) {
        while (h < nc && chain[h].orr < pareto[k].orr)
            h++;
        if (h < nc && rated_same(&chain[h], &pareto[k]))
            f->hull_points[f->nhull_points++] = pareto[k].index;
    }
    for (size_t k = 0; k < f->nhull_points; k++)
        f->marks[f->hull_points[k]].on_hull = true;
    free(chain);
}

void frontier_compute(frontier_t *f, const pointset_t *set, const bool *include)
{
    size_t cap = set->len ? set->len : 1;
    f->npoints = set->len;
    f->marks = xcalloc(cap, sizeof *f->marks);
    f->pareto = xcalloc(cap, sizeof *f->pareto);
    f->hull = xcalloc(cap, sizeof *f->hull);
    f->hull_points = xcalloc(cap, sizeof *f->hull_points);
    f->npareto = f->nhull = f->nhull_points = 0;

    rated_t *r = xmalloc(cap * sizeof *r), *pareto = xmalloc(cap * sizeof *pareto);
    bool *dominated = xmalloc(cap * sizeof *dominated);
    size_t n = 0;
    for (size_t i = 0; i < set->len; i++)
        if (takes_part(set, include, i))
            r[n++] = rated(set, i);
    qsort(r, n, sizeof *r, by_orr_then_asr);
    size_t np = find_pareto(r, n, dominated, pareto);
    for (size_t k = 0; k < n; k++) {
        if (dominated[k])
            list_dominators(f, pareto, np, &r[k]);
        else
            f->marks[r[k].index].pareto_optimal = true;
    }
    for (size_t k = 0; k < np; k++)
        f->pareto[k] = pareto[k].index;
    f->npareto = np;
    build_hull(f, set, pareto, np);
    free(r);
    free(pareto);
    free(dominated);
}

void frontier_free(frontier_t *f)
{
    if (f->marks)
        for (size_t i = 0; i < f->npoints; i++)
            free(f->marks[i].dominated_by);
    free(f->marks);
    free(f->pareto);
    free(f->hull);
    free(f->hull_points);
    f->marks = NULL;
    f->pareto = f->hull = f->hull_points = NULL;
    f->npoints = f->npareto = f->nhull = f->nhull_points = 0;
}

bool *frontier_series_mask(const pointset_t *set, const char *series)
{
    bool *mask = xcalloc(set->len ? set->len : 1, sizeof *mask);
    for (size_t i = 0; i < set->len; i++)
        mask[i] = same_name(series, set->items[i].series);
    return mask;
}

frontier_op_t frontier_op_point(const pointset_t *set, size_t i)
{
    frontier_op_t op = {true, false, i, i, 1.0, set->items[i].asr, set->items[i].orr};
    return op;
}

frontier_op_t frontier_op_mix(const pointset_t *set, size_t a, size_t b, double lambda)
{
    if (a == b || lambda >= 1.0)
        return frontier_op_point(set, a);
    if (lambda <= 0.0)
        return frontier_op_point(set, b);
    const point_t *pa = &set->items[a], *pb = &set->items[b];
    frontier_op_t op = {true, true, a, b, lambda, lambda * pa->asr + (1.0 - lambda) * pb->asr,
                        lambda * pa->orr + (1.0 - lambda) * pb->orr};
    return op;
}

/* The rate an op is searched by, and the other one. */
static double rate_of(const point_t *p, bool by_asr) { return by_asr ? p->asr : p->orr; }

/* Walks the hull for the vertex or mix whose `by_asr ? ASR : ORR` is at most
 * `target` and whose other rate is lowest. Along the hull (ORR ascending)
 * ASR descends, so searching by ORR walks it backwards. */
static frontier_op_t hull_at(const frontier_t *f, const pointset_t *set, double target, bool by_asr)
{
    frontier_op_t none = {false, false, 0, 0, 0.0, NAN, NAN};
    if (f->nhull == 0 || isnan(target))
        return none;
    size_t n = f->nhull;
    /* k-th vertex in the order in which the searched rate descends. */
#define VERTEX(k) (by_asr ? f->hull[(k)] : f->hull[n - 1 - (k)])
    const point_t *first = &set->items[VERTEX(0)];
    if (rate_le(rate_of(first, by_asr), target))
        return frontier_op_point(set, VERTEX(0));
    for (size_t k = 1; k < n; k++) {
        size_t hi = VERTEX(k - 1), lo = VERTEX(k);
        double r_hi = rate_of(&set->items[hi], by_asr), r_lo = rate_of(&set->items[lo], by_asr);
        if (rate_eq(r_lo, target))
            return frontier_op_point(set, lo);
        if (r_lo < target) {
            /* lambda * r_hi + (1 - lambda) * r_lo = target */
            double lambda = (target - r_lo) / (r_hi - r_lo);
            return frontier_op_mix(set, hi, lo, lambda);
        }
    }
#undef VERTEX
    return none;
}

frontier_op_t frontier_at_asr(const frontier_t *f, const pointset_t *set, double target)
{
    return hull_at(f, set, target, true);
}

frontier_op_t frontier_at_orr(const frontier_t *f, const pointset_t *set, double target)
{
    return hull_at(f, set, target, false);
}

frontier_op_t frontier_at_knob(const pointset_t *set, const char *series, const char *group, double knob)
{
    frontier_op_t none = {false, false, 0, 0, 0.0, NAN, NAN};
    long lo = -1, hi = -1; /* nearest measured knob at or below / at or above */
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        bool same = same_name(series, p->series) && same_name(group, p->group);
        if (!same || isnan(p->knob) || !point_has_rates(p) || isnan(knob))
            continue;
        if (p->knob == knob)
            return frontier_op_point(set, i);
        if (p->knob < knob && (lo < 0 || p->knob > set->items[lo].knob))
            lo = (long)i;
        if (p->knob > knob && (hi < 0 || p->knob < set->items[hi].knob))
            hi = (long)i;
    }
    if (lo < 0 || hi < 0)
        return none;
    double klo = set->items[lo].knob, khi = set->items[hi].knob;
    return frontier_op_mix(set, (size_t)lo, (size_t)hi, (khi - knob) / (khi - klo));
}

static void describe_point(sb_t *sb, const pointset_t *set, size_t i)
{
    const point_t *p = &set->items[i];
    if (!isnan(p->knob)) {
        const char *knob = set->knob_name ? set->knob_name : "knob";
        if (p->series)
            sb_printf(sb, "%s %s=%g", p->series, knob, p->knob);
        else
            sb_printf(sb, "%s=%g", knob, p->knob);
    } else {
        sb_puts(sb, p->name);
    }
}

/* A share as a person reads it: "40%", "12.5%", and as many decimals as
 * it takes for a share strictly between 0 and 1 not to read as 0% or 100%
 * ("99.9997%"). */
void frontier_share_describe(sb_t *sb, double share)
{
    double pct = share * 100.0;
    if (fabs(pct - round(pct)) < 0.05 && pct >= 0.5 && pct <= 99.5) {
        sb_printf(sb, "%.0f%%", pct);
        return;
    }
    int decimals = 1;
    while (decimals < 9) {
        double scale = pow(10, decimals);
        double shown = round(pct * scale) / scale;
        if (shown > 0 && shown < 100)
            break;
        decimals++;
    }
    sb_printf(sb, "%.*f%%", decimals, pct);
}

void frontier_op_describe(sb_t *sb, const pointset_t *set, const frontier_op_t *op)
{
    if (!op->valid) {
        sb_puts(sb, "no point or mix reaches it");
        return;
    }
    if (!op->is_mix) {
        sb_puts(sb, "measured point ");
        describe_point(sb, set, op->a);
        return;
    }
    sb_puts(sb, "mix: route ");
    frontier_share_describe(sb, op->lambda);
    sb_puts(sb, " of traffic through ");
    describe_point(sb, set, op->a);
    sb_puts(sb, " and ");
    frontier_share_describe(sb, 1.0 - op->lambda);
    sb_puts(sb, " through ");
    describe_point(sb, set, op->b);
}
