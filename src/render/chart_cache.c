/* chart_cache: what a chart keeps between frames of the same points: the
 * data's range (the points' and the curves', exact or by a sample), the
 * series, the cheapest point and the key numbers. See chart_cache.h. */
#include "config.h"

#include "render/chart_cache.h"
#include "base/xalloc.h"
#include "core/model.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the data range --------------------------------------------------------- */

/* range_add over a million points, kept to one tight pass: a point counts
 * only when both its rates are finite and not negative. */
static void curve_range(const double *xs, const double *ys, size_t n, axis_range_t *x, axis_range_t *y)
{
    /* The common case first: every rate finite and not negative. One pass
     * of min/max (branch-free selects); a flag catches NaN and negative
     * values, the maxima catch infinities, and only then does the careful
     * pass run. */
    double xmax = 0, ymax = 0, xpos = INFINITY, ypos = INFINITY;
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        double a = xs[i], b = ys[i];
        xmax = a > xmax ? a : xmax;
        ymax = b > ymax ? b : ymax;
        double pa = a > 0 ? a : INFINITY, pb = b > 0 ? b : INFINITY;
        xpos = pa < xpos ? pa : xpos;
        ypos = pb < ypos ? pb : ypos;
        bad |= !(a >= 0) | !(b >= 0);
    }
    if (bad || !isfinite(xmax) || !isfinite(ymax)) {
        xmax = ymax = 0;
        xpos = ypos = INFINITY;
        bool any = false;
        for (size_t i = 0; i < n; i++) {
            double a = xs[i], b = ys[i];
            if (!(a >= 0 && a <= DBL_MAX && b >= 0 && b <= DBL_MAX))
                continue;
            any = true;
            xmax = a > xmax ? a : xmax;
            ymax = b > ymax ? b : ymax;
            xpos = (a > 0 && a < xpos) ? a : xpos;
            ypos = (b > 0 && b < ypos) ? b : ypos;
        }
        if (!any)
            return;
    }
    axis_range_add(x, xmax * 100);
    axis_range_add(y, ymax * 100);
    if (isfinite(xpos))
        axis_range_add(x, xpos * 100);
    if (isfinite(ypos))
        axis_range_add(y, ypos * 100);
    if (n > 0) {
        x->any = true;
        y->any = true;
    }
}

/* The range of every `stride`-th point of a curve, and of its last: a
 * guess that draw_curve verifies (see there). */
static void curve_range_sampled(const double *xs, const double *ys, size_t n, size_t stride, axis_range_t *x,
                                axis_range_t *y)
{
    for (size_t i = 0; i < n; i = (i + stride < n || i == n - 1) ? i + stride : n - 1) {
        double a = xs[i], b = ys[i];
        if (a >= 0 && a <= DBL_MAX && b >= 0 && b <= DBL_MAX) {
            axis_range_add(x, a * 100);
            axis_range_add(y, b * 100);
        }
        if (i == n - 1)
            break;
    }
}

/* ---- what is kept between charts of the same points ------------------------- */

void chart_cells_free(chart_cells_t *c)
{
    free(c->col);
    free(c->row);
    free(c->markers);
    free(c->hull.xy);
    free(c->pareto.xy);
    for (size_t i = 0; i < c->ncurves; i++)
        free(c->curves[i].xy);
    free(c->curves);
    labels_cells_free(&c->labels);
    memset(c, 0, sizeof *c);
}

static void cache_reset(chart_cache_t *c)
{
    if (c->valid)
        series_index_free(&c->series);
    free(c->in_group);
    free(c->include);
    free(c->curves);
    for (int s = 0; s < CHART_CACHE_SLOTS; s++)
        chart_cells_free(&c->cells[s]);
    free(c->number);
    free(c->numbered);
    memset(c, 0, sizeof *c);
}

chart_cache_t *chart_cache_new(void)
{
    return xcalloc(1, sizeof(chart_cache_t));
}

void chart_cache_free(chart_cache_t *c)
{
    if (!c)
        return;
    cache_reset(c);
    free(c);
}

static bool same_frontier(const chart_cache_t *c, const frontier_t *f)
{
    if (!f || !c->have_frontier)
        return !f && !c->have_frontier;
    const frontier_t *g = &c->frontier;
    return f->marks == g->marks && f->npoints == g->npoints && f->pareto == g->pareto && f->npareto == g->npareto &&
           f->hull == g->hull && f->nhull == g->nhull;
}

static bool same_mask(const bool *copy, const bool *mask, size_t n)
{
    if (!copy || !mask)
        return !copy && !mask;
    return memcmp(copy, mask, n * sizeof *mask) == 0;
}

static bool same_curves(const chart_cache_t *c, const chart_opts_t *o)
{
    if (c->ncurves != o->ncurves)
        return false;
    for (size_t i = 0; i < o->ncurves; i++) {
        const chart_curve_t *a = &c->curves[i], *b = &o->curves[i];
        if (a->orr != b->orr || a->asr != b->asr || a->len != b->len || a->dimmed != b->dimmed)
            return false;
    }
    return true;
}

static bool *copy_mask(const bool *mask, size_t n)
{
    if (!mask)
        return NULL;
    bool *copy = xmalloc((n + 1) * sizeof *copy);
    memcpy(copy, mask, n * sizeof *mask);
    return copy;
}

/* Makes the cache serve the points of `o`: kept when it serves them
 * already (a comparison of the masks: no more), else worked out in one
 * pass (and a sort for the series). */
void chart_cache_points(chart_cache_t *c, const chart_opts_t *o)
{
    size_t n = o->points ? o->points->len : 0;
    if (c->valid && c->points == o->points && c->len == n && same_frontier(c, o->frontier) &&
        same_mask(c->in_group, o->in_group, n) && same_mask(c->include, o->include, n) && same_curves(c, o))
        return;
    cache_reset(c);
    c->valid = true;
    c->points = o->points;
    c->len = n;
    c->have_frontier = o->frontier != NULL;
    if (o->frontier)
        c->frontier = *o->frontier;
    c->in_group = copy_mask(o->in_group, n);
    c->include = copy_mask(o->include, n);
    c->ncurves = o->ncurves;
    c->curves = xmalloc((o->ncurves + 1) * sizeof *c->curves);
    if (o->ncurves)
        memcpy(c->curves, o->curves, o->ncurves * sizeof *c->curves);
    c->x = axis_range_empty();
    c->y = axis_range_empty();
    bool *take = xmalloc((n + 1) * sizeof *take);
    for (size_t i = 0; i < n; i++) {
        take[i] = chart_drawable(o, i);
        if (!take[i]) {
            c->hidden += !o->include || o->include[i];
            continue;
        }
        c->any_dimmed = c->any_dimmed || chart_dominated(o, i);
        c->nother += !chart_in_focus(o, i);
        take[i] = chart_in_focus(o, i); /* the series of the focused group */
        axis_range_add(&c->x, o->points->items[i].orr * 100);
        axis_range_add(&c->y, o->points->items[i].asr * 100);
    }
    series_index(&c->series, o->points, take);
    free(take);
    c->number = xcalloc(n + 1, sizeof *c->number);
}

/* The cheapest drawn point for the scenario's costs (INFINITY when none):
 * found again only when the costs change. */
double chart_cache_cheapest(chart_cache_t *c, const chart_opts_t *o, double *orr, double *asr)
{
    const scenario_t *s = o->scenario;
    if (!c->have_cheapest || c->volume != s->volume || c->adv_share != s->adv_share ||
        c->cost_refusal != s->cost_refusal || c->cost_harm != s->cost_harm) {
        c->have_cheapest = true;
        c->volume = s->volume;
        c->adv_share = s->adv_share;
        c->cost_refusal = s->cost_refusal;
        c->cost_harm = s->cost_harm;
        c->cheapest = INFINITY;
        c->cheapest_orr = c->cheapest_asr = NAN;
        for (size_t i = 0; i < c->len; i++) {
            if (!chart_drawable(o, i))
                continue;
            const point_t *p = &o->points->items[i];
            double cost = model_project_rates(s, p->asr, p->orr).cost;
            if (cost < c->cheapest) {
                c->cheapest = cost;
                c->cheapest_orr = p->orr;
                c->cheapest_asr = p->asr;
            }
        }
    }
    *orr = c->cheapest_orr;
    *asr = c->cheapest_asr;
    return c->cheapest;
}

/* Records the key numbers of a chart's labels, clearing the last chart's. */
const int *chart_cache_numbers(chart_cache_t *c, const labels_t *lab)
{
    for (size_t k = 0; k < c->nnumbered; k++)
        c->number[c->numbered[k]] = 0;
    c->numbered = xrealloc(c->numbered, (lab->nnumbered + 1) * sizeof *c->numbered);
    c->nnumbered = lab->nnumbered;
    for (size_t k = 0; k < lab->nnumbered; k++) {
        c->numbered[k] = lab->numbered[k];
        c->number[lab->numbered[k]] = (int)LABELS_NUMBER(lab->numbered[k]);
    }
    return c->number;
}

/* The data's range per axis: the points' (kept in the cache), the
 * current point's and the curve's; with `sampled`, a big curve counts by a
 * sample only (draw_curve then checks every point against it). */
static void range_merge(axis_range_t *into, const axis_range_t *r)
{
    if (!r->any)
        return;
    axis_range_add(into, r->max);
    if (isfinite(r->min_pos))
        axis_range_add(into, r->min_pos);
    into->any = true;
}

/* The curves' range, exact or by a sample. */
static void curves_range(const chart_opts_t *o, bool sampled, axis_range_t *x, axis_range_t *y)
{
    for (size_t i = 0; i < o->ncurves; i++) {
        const chart_curve_t *cv = &o->curves[i];
        if (sampled)
            curve_range_sampled(cv->orr, cv->asr, cv->len, CHART_CURVE_SAMPLE_STRIDE, x, y);
        else
            curve_range(cv->orr, cv->asr, cv->len, x, y);
    }
}

/* The data's range per axis: the points' and the curves' (kept in the
 * cache). The operating point and the baseline lie on the data or
 * between its points, and leave the axes alone, so that moving them never
 * rescales the chart. A caller's cache keeps the curves' exact range; a
 * chart drawn once takes a big curve's range from a sample (`sampled`:
 * the curve's dots are then checked against it, see curve_dots). */
void chart_cache_ranges(const chart_opts_t *o, chart_cache_t *c, bool caller_cache, axis_range_t *x,
                        axis_range_t *y, bool sampled)
{
    *x = c->x;
    *y = c->y;
    /* the axes start at 0: with nothing to draw, a policy bound alone does
     * not stretch them */
    axis_range_add(x, 0);
    axis_range_add(y, 0);
    if (caller_cache && !c->curves_ranged) {
        c->cx = axis_range_empty();
        c->cy = axis_range_empty();
        curves_range(o, false, &c->cx, &c->cy);
        c->curves_ranged = true;
    }
    if (caller_cache) {
        range_merge(x, &c->cx);
        range_merge(y, &c->cy);
    } else {
        curves_range(o, sampled, x, y);
    }
}
