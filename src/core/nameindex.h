/* nameindex: finding a point of a set by its name in constant time.
 *
 * Loading must stay linear in the number of points: a file of 100,000 rows
 * (or thousands sharing one name) checked name against name would take
 * minutes, which is a hang to the person waiting. The index is an
 * open-addressing hash table of positions in set->items, keyed by the names
 * stored there, so a point must not be renamed while it is indexed (build
 * a new index after renaming). */
#ifndef TRADEOFF_NAMEINDEX_H
#define TRADEOFF_NAMEINDEX_H

#include "core/point.h"

#include <stdbool.h>
#include <stddef.h>

/* nameindex_t is declared in point.h, where a set keeps one. */

/* Indexes set->items[i] under its name. When a point of that name is
 * indexed already, keeps the earlier one and returns false. */
bool nameindex_add(nameindex_t *ix, const pointset_t *set, size_t i);
/* Position in set->items of the indexed point called `name`, or -1. */
long nameindex_find(const nameindex_t *ix, const pointset_t *set, const char *name);
void nameindex_free(nameindex_t *ix);

#endif
