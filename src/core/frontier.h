/* frontier: which operating points are worth choosing.
 *
 * A point is dominated when another has ASR and ORR no higher and at least
 * one lower. The achievable curve is the lower-left convex hull: sending a
 * share λ of traffic to A and the rest to B achieves λ·A + (1−λ)·B in
 * expectation, so every point on the hull's segments can be reached by a mix.
 * Points with an unknown rate take no part (their marks stay false).
 *
 * Duplicates. Two points with equal rates (at FRONTIER_EPSILON) are one
 * operating point measured twice, and a reader expects every statement
 * about one to hold for the other: neither dominates the other, both are
 * Pareto-optimal or neither is, and when their position is on the
 * achievable curve both are on it. So `pareto` and `hull_points` list both,
 * and marks[].on_hull is true for both. Only `hull`, the curve's geometry
 * (its vertices, for drawing and for mixes), holds the position once,
 * under the first of them in input order, so that no segment of the curve
 * has zero length. */
#ifndef TRADEOFF_FRONTIER_H
#define TRADEOFF_FRONTIER_H

#include "core/point.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool pareto_optimal;
    bool on_hull;         /* listed in hull_points */
    size_t *dominated_by; /* indices into the set of the points that dominate it */
    size_t ndominated_by;
} frontier_mark_t;

typedef struct {
    frontier_mark_t *marks; /* one per point of the set */
    size_t npoints;
    size_t *pareto;         /* Pareto-optimal points, by ORR ascending */
    size_t npareto;
    size_t *hull;           /* vertices of the lower-left hull, by ORR ascending; a
                             * position is a vertex once (see "Duplicates") */
    size_t nhull;
    size_t *hull_points;    /* every point on the achievable curve, by ORR ascending:
                             * each vertex followed by its duplicates; the list the
                             * reports show and the on_hull marks are made from */
    size_t nhull_points;
} frontier_t;

/* Computes dominance and the hull over the points of `set` for which
 * `include` is true (all points when `include` is NULL). */
void frontier_compute(frontier_t *f, const pointset_t *set, const bool *include);
void frontier_free(frontier_t *f);

/* Rates are compared at this resolution (rounded to whole multiples of it),
 * so ties and duplicates are recognised across rounding errors. */
#define FRONTIER_EPSILON 1e-12
/* dominated_by lists the Pareto-optimal points that dominate a point (every
 * dominated point has one; the others are beaten by it as well), by ORR
 * ascending, and at most this many of them, so that memory stays linear in
 * the number of points. */
#define FRONTIER_DOMINATED_BY_MAX 64

/* True when `a` has ASR and ORR no higher than `b` and at least one lower;
 * false when either has an unknown rate. */
bool frontier_dominates(const point_t *a, const point_t *b);
/* An include mask (free() it) selecting the points of one series; NULL
 * selects the points without a series. */
bool *frontier_series_mask(const pointset_t *set, const char *series);

/* An operating point that may be a mix: a share `lambda` of traffic goes to
 * point `a` and the rest to point `b`, which achieves exactly the mixed rates
 * in expectation. When is_mix is false the point is a measurement (a == b,
 * lambda == 1) and must be presented as such; when true it must be labelled
 * as a mix, never as a measurement. */
typedef struct {
    bool valid;      /* false: no point or mix reaches what was asked */
    bool is_mix;
    size_t a, b;     /* indices into the set */
    double lambda;   /* share of traffic through a, 0 < lambda < 1 for a mix */
    double asr, orr; /* the rates achieved, fractions */
} frontier_op_t;

/* The measured point `i` as an operating point. */
frontier_op_t frontier_op_point(const pointset_t *set, size_t i);
/* lambda of traffic through a, the rest through b (a point when lambda is
 * 1, 0 or a == b). */
frontier_op_t frontier_op_mix(const pointset_t *set, size_t a, size_t b, double lambda);

/* The hull point with ASR at most `target` and the lowest ORR: a vertex, or
 * the mix of two adjacent vertices whose ASR is exactly `target`. A target
 * above every hull ASR gives the lowest-ORR vertex; below every hull ASR,
 * an invalid op (nothing reaches it). */
frontier_op_t frontier_at_asr(const frontier_t *f, const pointset_t *set, double target);
/* The same with the roles of the rates swapped: ORR at most `target`,
 * lowest ASR. */
frontier_op_t frontier_at_orr(const frontier_t *f, const pointset_t *set, double target);

/* A knob value (threshold) of `series` between two measured values, as the
 * mix of its measured neighbours with lambda = (hi - knob) / (hi - lo) on the
 * lower one; a measured value gives that point. A series is a knob sweep
 * within one measurement group: only its points in group `group` take part
 * (NULL: the points without a group). Invalid outside the measured range or
 * when the series has no knob values. */
frontier_op_t frontier_at_knob(const pointset_t *set, const char *series, const char *group, double knob);

/* A mix's share as a person reads it: "40%", "12.5%", and as many
 * decimals as it takes for a share strictly between 0 and 1 not to read as
 * 0% or 100% ("99.9997%"): a mix is never shown as one of its points. */
void frontier_share_describe(sb_t *sb, double share);
/* "route 40% of traffic through t=0.6 and 60% through t=0.7" for a mix
 * (points named by "knob_name=value" when they have a knob, else by name),
 * or "measured point NAME". Names are sanitised. */
void frontier_op_describe(sb_t *sb, const pointset_t *set, const frontier_op_t *op);

#endif
