/* seed: the built-in default scenario, the worked examples of the domain
 * text, so that the program runs and teaches with no file at all. The same
 * points ship as data/seed-examples.csv (a test keeps the two equal). */
#ifndef TRADEOFF_SEED_H
#define TRADEOFF_SEED_H

#include "point.h"

#define SEED_SOURCE "built-in"

/* Appends the built-in points to `set`. */
void seed_load(pointset_t *set);

#endif
