/* series: the series of a set's points, numbered in the order in which they
 * first appear, which is the order of their markers, colours and legend
 * lines on every chart (terminal and SVG).
 *
 * Points without a series count as one series named "". Sorting by name
 * finds each series' members in O(n log n), however many series there are. */
#ifndef TRADEOFF_SERIES_H
#define TRADEOFF_SERIES_H

#include "core/point.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    size_t *of;   /* per point of the set: its series number (0 for points not taken) */
    char **names; /* per series: its name, sanitised; "" for points without one */
    size_t n;
} series_index_t;

/* Numbers the series of the points for which `take` is true (every point
 * when `take` is NULL). Free with series_index_free. */
void series_index(series_index_t *s, const pointset_t *set, const bool *take);
void series_index_free(series_index_t *s);

#endif
