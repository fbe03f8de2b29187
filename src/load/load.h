/* load: turning the files users bring into operating points (or, for
 * sweep, a curve).
 *
 * Every kind of input (input.h) is read here: operating-point tables
 * (points.h), judged per-prompt results (judged.h), per-prompt scores and
 * binned counts (scores.h). The kind is detected from the header unless
 * opts->kind says it. Errors name file:line:column and what was expected;
 * nothing is guessed or invented. */
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
/* The same, but a per-prompt score file or binned counts is kept whole:
 * its exact curve goes to `curves` (NULL: thinned to points as load_file
 * does), one point of the set standing for it (curves_put_step). */
int load_file_curves(pointset_t *set, curves_t *curves, const char *path, const input_opts_t *opts, diag_t *d);
/* The same over text in memory, `name` standing for the file in messages. */
int load_buffer(pointset_t *set, const char *name, const char *data, size_t len,
                const input_opts_t *opts, diag_t *d);
int load_buffer_curves(pointset_t *set, curves_t *curves, const char *name, const char *data, size_t len,
                       const input_opts_t *opts, diag_t *d);
/* Appends the built-in scenario (core/builtin.h) to `set`, its points in
 * one group (GROUPCOLS_BUILTIN_NAME: a table that names no set or judge),
 * or pooled when `opts` say so (NULL: the defaults). */
void load_builtin(pointset_t *set, const input_opts_t *opts);
/* Reads a per-prompt score file or binned counts into its exact curve
 * (`tradeoff sweep`); any other kind of file is an error that says so. */
int load_curve_file(curve_t *curve, const char *path, const input_opts_t *opts, diag_t *d);

#endif
