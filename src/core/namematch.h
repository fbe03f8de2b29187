/* namematch: what a person means by a name they typed.
 *
 * The one resolver of names typed on the command line or in the explorer:
 * points (--compare, --baseline, --select, --threshold, check's
 * --baseline-name and --candidate-name, the explorer's typed point) and
 * measurement groups (--group, the explorer's group). A query means
 *   1. the item named exactly so;
 *   2. else the one item named so ignoring case;
 *   3. else the one item whose name starts with it (ignoring case);
 *   4. else the one item whose name contains it (ignoring case).
 * Several items at the first step that finds any: ambiguous, and the
 * message lists them (all, or the first NAMEMATCH_LIST_MAX and the
 * count). None: unknown, and the message offers the closest three names
 * (edit distance). Every surface says the same words. */
#ifndef TRADEOFF_NAMEMATCH_H
#define TRADEOFF_NAMEMATCH_H

#include "base/strbuf.h"
#include "core/point.h"

#include <stddef.h>

#define NAMEMATCH_UNKNOWN (-1)
#define NAMEMATCH_AMBIGUOUS (-2)
/* The most candidates an ambiguous name lists. */
#define NAMEMATCH_LIST_MAX 20

/* A list of names: item i's is name(ctx, i). */
typedef struct {
    const char *noun;  /* "point", "group": for messages */
    const char *nouns; /* "points", "groups" */
    const void *ctx;
    size_t n;
    const char *(*name)(const void *ctx, size_t i);
    /* Optional: the item named exactly `name`, or -1, faster than a scan. */
    long (*exact)(const void *ctx, const char *name);
} namematch_t;

/* The points of a set, as a list of names. */
namematch_t namematch_points(const pointset_t *set);

/* The item `query` means, NAMEMATCH_UNKNOWN or NAMEMATCH_AMBIGUOUS. */
long namematch_find(const namematch_t *m, const char *query);
/* namematch_find, with the reason in `why` when it is not one item:
 * "no point named 'x'; did you mean 'a', 'b' or 'c'?" or "'x' could be
 * any of 3 points: 'a', 'b', 'c'; type more of the name". Returns the
 * index, or -1. */
long namematch_resolve(const namematch_t *m, const char *query, sb_t *why);
/* The names, quoted and comma-separated: all, or the first `max` and
 * "... (N in all)". */
void namematch_list(sb_t *sb, const namematch_t *m, size_t max);

#endif
