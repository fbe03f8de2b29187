/* load: turning the files users bring into operating points.
 *
 * Operating-point tables are header-driven and case-insensitive; the column
 * names accepted are listed in README ("Input formats"). Errors name
 * file:line:column and what was expected; nothing is guessed or invented. */
#ifndef TRADEOFF_LOAD_H
#define TRADEOFF_LOAD_H

#include "base/diag.h"
#include "core/curve.h"
#include "core/point.h"
#include "load/input.h"

/* Loads one file into `set`; points get names unique within the whole set.
 * Returns 0 on success, -1 with the reason in `d` (warnings may be added
 * either way). */
int load_file(pointset_t *set, const char *path, const input_opts_t *opts, diag_t *d);
/* The same over text in memory, `name` standing for the file in messages. */
int load_buffer(pointset_t *set, const char *name, const char *data, size_t len,
                const input_opts_t *opts, diag_t *d);
/* Reads a per-prompt score file or binned counts into its exact curve
 * (`tradeoff sweep`); any other kind of file is an error that says so. */
int load_curve_file(curve_t *curve, const char *path, const input_opts_t *opts, diag_t *d);
/* Makes the names of set->items[first..] unique within the whole set by
 * appending " [tag]" and, failing that, " [tag #k]". */
void load_unique_names(pointset_t *set, size_t first, const char *tag);

#endif
