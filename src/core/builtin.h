/* builtin: the built-in default scenario, the worked examples of the domain
 * text, so that the program runs and teaches with no file at all. The same
 * points ship as data/builtin-scenario.csv (a test keeps the two equal). */
#ifndef TRADEOFF_BUILTIN_H
#define TRADEOFF_BUILTIN_H

#include "core/point.h"

#define BUILTIN_SOURCE "built-in"

/* Appends the built-in points to `set`. */
void builtin_load(pointset_t *set);

#endif
