/* chart_cache: what a chart knows of its points between frames (private to
 * render/chart*.c; callers hold a chart_cache_t through chart.h). Work that
 * depends only on the points, the curves and the masks (the series, the
 * data's range, the cheapest point) is done once per set of points; the
 * cells of the points (the work that also depends on the axes) are kept
 * in CHART_CACHE_SLOTS slots, the oldest replaced; chart.c fills them. */
#ifndef TRADEOFF_CHART_CACHE_H
#define TRADEOFF_CHART_CACHE_H

#include "render/chart_opts.h"
#include "render/labels.h"
#include "render/series.h"

#include <math.h>

/* Curves of this many points or more take their range from a sample,
 * verified while drawing, so they are read once instead of twice. */
#define CHART_CURVE_SAMPLE_MIN 65536
#define CHART_CURVE_SAMPLE_STRIDE 256

/* A line as dot coordinates (x, y pairs); a NaN pair leaves a gap. */
typedef struct {
    double *xy;
    size_t n;
} chart_dots_t;

/* The cells of the points on one plot: the axes and the plot's place on
 * the canvas they were worked out for, and what they gave. */
typedef struct {
    bool used;
    unsigned long drawn;     /* when last drawn: the oldest is replaced */
    axis_t x, y;
    int dx0, dy0, dw, dh, width, height;
    int *col, *row;          /* per point: its cell, -1 when not drawn */
    labels_cells_t labels;   /* the labelled points (of the focused group) by cell */
    size_t *markers;         /* per occupied cell, the point whose marker shows
                              * there: the last on the frontier, else the last */
    size_t nmarkers;
    chart_dots_t hull, pareto; /* the frontier's lines (see polyline_dots) */
    chart_dots_t *curves;      /* each curve as the dots it passes through (curve_dots) */
    size_t ncurves;
} chart_cells_t;

#define CHART_CACHE_SLOTS 2

struct chart_cache {
    bool valid;
    /* what it serves: the points (by address and length), the frontier's
     * lines and marks (by value: a group's view is made afresh each time),
     * and copies of the masks (an address may be reused for other ones) */
    const pointset_t *points;
    size_t len;
    bool have_frontier;
    frontier_t frontier;
    bool *in_group, *include;
    chart_curve_t *curves;   /* a copy of the curves' descriptions */
    size_t ncurves;
    /* from the curves alone: their exact range, once (a caller's cache) */
    bool curves_ranged;
    axis_range_t cx, cy;
    /* from the points alone */
    series_index_t series;   /* of the drawn points of the focused group */
    bool any_dimmed;         /* a drawn point is dominated */
    size_t nother;           /* drawn points of other groups */
    size_t hidden;           /* points to draw that lack a rate */
    axis_range_t x, y;       /* the drawn points' range, percent */
    /* the cheapest drawn point for the costs it was found for */
    bool have_cheapest;
    double volume, adv_share, cost_refusal, cost_harm;
    double cheapest, cheapest_orr, cheapest_asr;
    /* from the points and the axes */
    chart_cells_t cells[CHART_CACHE_SLOTS];
    unsigned long clock;
    /* the key numbers of the last chart: zero but for `numbered` */
    int *number;
    size_t *numbered;
    size_t nnumbered;
};

/* Point i is drawn: included, with both rates. */
static inline bool chart_drawable(const chart_opts_t *o, size_t i)
{
    const point_t *p = &o->points->items[i];
    return (!o->include || o->include[i]) && isfinite(p->asr) && isfinite(p->orr);
}

static inline bool chart_in_focus(const chart_opts_t *o, size_t i) { return !o->in_group || o->in_group[i]; }

static inline bool chart_dominated(const chart_opts_t *o, size_t i)
{
    const frontier_t *f = o->frontier;
    return chart_in_focus(o, i) && f && f->npoints == o->points->len && !f->marks[i].pareto_optimal;
}

/* Frees a slot's cells and empties it. */
void chart_cells_free(chart_cells_t *c);
/* Makes the cache serve the points of `o`: kept when it serves them
 * already (a comparison of the masks: no more), else worked out in one
 * pass (and a sort for the series). */
void chart_cache_points(chart_cache_t *c, const chart_opts_t *o);
/* The cheapest drawn point for the scenario's costs (INFINITY when none),
 * its rates in *orr and *asr: found again only when the costs change. */
double chart_cache_cheapest(chart_cache_t *c, const chart_opts_t *o, double *orr, double *asr);
/* Records the key numbers of a chart's labels, clearing the last chart's;
 * returns them per point (0: none). */
const int *chart_cache_numbers(chart_cache_t *c, const labels_t *lab);
/* The data's range per axis, percent: the points' and the curves' (see
 * chart_cache.c); `sampled`: a big curve counts by a sample only. */
void chart_cache_ranges(const chart_opts_t *o, chart_cache_t *c, bool caller_cache, axis_range_t *x,
                        axis_range_t *y, bool sampled);

#endif
