/* explore_names: the explorer's point-list sorts and chart-scale modes, one
 * table each. The list's heading, the status messages, the saved scenario
 * file (sort = ..., scales = ...) and its parser all read their names here,
 * so a new sort is one row. */
#ifndef TRADEOFF_EXPLORE_NAMES_H
#define TRADEOFF_EXPLORE_NAMES_H

#include "render/chart.h"

#include <stdbool.h>

typedef enum { EX_SORT_INPUT, EX_SORT_NAME, EX_SORT_ASR, EX_SORT_ORR, EX_SORT_FRONTIER, EX_NSORTS } explore_sort_t;

/* "orr": the name in scenario files. */
const char *explore_sort_key(explore_sort_t s);
/* "ORR": the list's heading. */
const char *explore_sort_heading(explore_sort_t s);
/* "ORR", "frontier (hull, Pareto, rest)": for messages. */
const char *explore_sort_description(explore_sort_t s);
/* Reads a key; false when it names no sort. */
bool explore_sort_parse(const char *key, explore_sort_t *s);

/* The chart's scale modes in the order the g key cycles through them
 * (automatic, logarithmic, linear), whatever chart_scale_t's order. */
chart_scale_t explore_scale_next(chart_scale_t s);
/* "auto", "log", "linear": the name in scenario files. */
const char *explore_scale_key(chart_scale_t s);
/* "logarithmic": for messages. */
const char *explore_scale_description(chart_scale_t s);
bool explore_scale_parse(const char *key, chart_scale_t *s);

/* "input, name, asr, orr or frontier" and "auto, log or linear": what a
 * scenario file may say, for its error messages. */
const char *explore_sort_choices(void);
const char *explore_scale_choices(void);

#endif
