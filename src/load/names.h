/* names: what the points of a file are called, and every name unique
 * within the set.
 *
 * A name given in a file stays as it is where it is unique. Where it is not,
 * a suffix in brackets tells the points apart: for operating points of one
 * file, the first column whose values differ among them (" [x]"), failing
 * that the line (" [line 4]"); for a point whose name only an earlier
 * file's point has, and for points made from a whole file (judged results,
 * curves), the file (" [b.csv]": for operating points, what differs between
 * the two files' names, core/shortname.h). A suffix that is itself taken
 * gets a number (" [tag #2]"). Lookups are hashed (nameindex) in an index the set keeps
 * between files (point.h), and " #k" searches resume where they stopped, so
 * loading costs the points of the file loaded, not those of the set. */
#ifndef TRADEOFF_NAMES_H
#define TRADEOFF_NAMES_H

#include "core/point.h"

#include <stdbool.h>
#include <stddef.h>

/* The file's name without directory and a ".csv" ending, sanitised: the
 * series of a curve, the start of the names of a file's judged points. */
char *names_from_path(const char *path);

/* Tells apart the operating points set->items[first..] (one file, `tag`
 * its path, in file order) whose names collide, with each other or with a
 * point before `first`. The only point of its name in the file, taken by an
 * earlier point, gets " [F]", F what tells `tag` apart from that point's
 * source (shortname_beside), " [F #k]" when that is taken too. Several
 * points of one name each get " [value]" of the first of `columns` (the
 * file's header, in order; "notes" skipped) whose values are present and
 * all different among them, else " [line N]". Then names_unique(set,
 * first, tag, true) settles what still collides. */
void names_tell_apart(pointset_t *set, size_t first, char *const *columns, size_t ncols, const char *tag);

/* The positions 0..n-1 ordered by names[i] (strcmp), equal names in
 * position order, so that the positions of one name are adjacent. The
 * caller frees the array. */
size_t *names_order(char *const *names, size_t n);

/* Makes the names of set->items[first..] unique within the whole set, in
 * order: a point whose name an earlier point has gets " [tag]" (with_line:
 * " [tag line N]", N its line), and when that is taken too " [tag #k]"
 * (" [tag line N #k]") with the smallest k from 2 that is free. */
void names_unique(pointset_t *set, size_t first, const char *tag, bool with_line);

#endif
