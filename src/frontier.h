/* frontier: which operating points are worth choosing.
 *
 * A point is dominated when another has ASR and ORR no higher and at least
 * one lower. The achievable curve is the lower-left convex hull: sending a
 * share λ of traffic to A and the rest to B achieves λ·A + (1−λ)·B in
 * expectation, so every point on the hull's segments can be reached by a mix.
 * Points with an unknown rate take no part (their marks stay false). */
#ifndef TRADEOFF_FRONTIER_H
#define TRADEOFF_FRONTIER_H

#include "point.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool pareto_optimal;
    bool on_hull;
    size_t *dominated_by; /* indices into the set of the points that dominate it */
    size_t ndominated_by;
} frontier_mark_t;

typedef struct {
    frontier_mark_t *marks; /* one per point of the set */
    size_t npoints;
    size_t *pareto;         /* Pareto-optimal points, by ORR ascending */
    size_t npareto;
    size_t *hull;           /* vertices of the lower-left hull, by ORR ascending */
    size_t nhull;
} frontier_t;

/* Computes dominance and the hull over the points of `set` for which
 * `include` is true (all points when `include` is NULL). */
void frontier_compute(frontier_t *f, const pointset_t *set, const bool *include);
void frontier_free(frontier_t *f);

#endif
