/* axis: how a rate maps to a position along a chart axis, and its ticks.
 *
 * The terminal chart and the SVG both take their axes from here, so that
 * the same data and the same --x-scale/--y-scale give the same scale, the
 * same range and the same tick labels on every surface.
 *
 * An axis shows rates in percent. A linear axis runs from 0 to a round end
 * just past the data (never past 100% when the data stay below it). A
 * logarithmic axis runs from the decade at or below the smallest positive
 * value to the decade at or above the largest; a rate of 0 (or anything
 * below the lowest decade) sits on a marked floor at the origin, a gap of
 * `floor` of the axis' length below the lowest decade, instead of being
 * dropped. AXIS_AUTO picks log when the positive values span more than two
 * decades. */
#ifndef TRADEOFF_AXIS_H
#define TRADEOFF_AXIS_H

#include <stdbool.h>

/* How an axis is scaled (the order of the command line's "auto", "linear",
 * "log"). */
typedef enum { AXIS_AUTO, AXIS_LINEAR, AXIS_LOG } axis_scale_t;

typedef struct {
    bool log;
    double lo, hi;  /* the range shown, percent (log: lo > 0, both powers of ten) */
    double floor;   /* log only: share of the axis (0..1) between the floor and lo */
} axis_t;

#define AXIS_MAX_TICKS 32

typedef struct {
    double v;       /* percent; the floor tick of a log axis has v = 0 */
    char label[24]; /* "0%", "0.5%", "10%": as many decimals as the step needs */
} axis_tick_t;

typedef struct {
    axis_tick_t t[AXIS_MAX_TICKS];
    int n;
} axis_ticks_t;

/* The values an axis must show, in percent. */
typedef struct {
    double max;     /* largest value (0 when none) */
    double min_pos; /* smallest positive value (INFINITY when none) */
    bool any;
} axis_range_t;

/* An empty range. */
axis_range_t axis_range_empty(void);
/* Counts a value; NaN, infinite and negative values are ignored. */
void axis_range_add(axis_range_t *r, double pct);

/* The room an axis has for its tick labels, in text cells of the surface
 * that draws it: columns along a horizontal axis, rows along a vertical one
 * (a label takes one row and keeps one free row from the next). Longer
 * axes get more ticks, 2 and 5 within each decade when a decade is wide
 * enough, and a little headroom above the data. */
typedef struct {
    int cells;
    bool horizontal;
    double floor;   /* share of the length for the floor of a log axis */
} axis_room_t;

/* Decides the axis for the values in `data` and its ticks: the scale
 * (`want`, or for AXIS_AUTO from the span of `data`; log needs a positive
 * value), then the range, which also takes in `bound_pct` (a policy's
 * limit, NaN or infinite for none) when the bound lies near the data, so
 * that the acceptable region shows without squashing the points into a
 * corner. */
void axis_plan(axis_t *a, axis_ticks_t *t, const axis_range_t *data, double bound_pct, axis_scale_t want,
               const axis_room_t *room);

/* Position of a rate (percent) as a share of the axis' length: 0 at the
 * origin, 1 at the far end (outside 0..1 when outside the range; on a log
 * axis 0 and anything below lo give 0, the floor). */
double axis_share(const axis_t *a, double pct);
/* The inverse: the rate (percent) at a share of the length. On a log axis a
 * share in the lower half of the floor's gap gives 0, the upper half lo. */
double axis_value(const axis_t *a, double share);

/* Columns taken by the widest tick label (at least 1). */
int axis_ticks_width(const axis_ticks_t *t);

#endif
