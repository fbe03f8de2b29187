/* groups: the measurement groups of a set, and the frontier within each.
 *
 * A rate means something only against the set it was measured on and the
 * judge that scored it (NUMBERS.md, rule 1). load/ gives every point the
 * name of its group (point_t.group); here a set is partitioned by that name,
 * and dominance and the achievable hull are computed within each group, on
 * its own members alone (a shallow view of the set), so that no point is
 * dominated by a point of another group, no mix routes traffic between
 * groups, and the whole costs O(n log n) however many groups there are.
 * Every frontier answer of the program (reports, charts, targets, the
 * optimum, the explorer) is taken from a group's frontier. */
#ifndef TRADEOFF_GROUPS_H
#define TRADEOFF_GROUPS_H

#include "core/frontier.h"
#include "core/point.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *name;           /* point_group() of its members: borrowed from the set */
    point_group_basis_t basis;  /* of its first member */
    size_t *members;            /* indices into the set, in input order */
    size_t nmembers;
    size_t nrated;              /* members with both rates */
    /* The frontier of the members alone. Its pareto, hull and hull_points
     * lists index the set; its marks are NULL (every point's mark is in
     * groups_t.marks), so take a chart's frontier from groups_view. */
    frontier_t frontier;
} group_t;

typedef struct {
    const pointset_t *set;
    group_t *items;             /* in the order in which the groups first appear */
    size_t len;
    size_t *of;                 /* per point: the index of its group */
    frontier_mark_t *marks;     /* per point: its marks within its group
                                 * (dominated_by indexes the set) */
} groups_t;

/* Partitions `set` (which must outlive `g`) and computes each group's frontier. */
void groups_compute(groups_t *g, const pointset_t *set);
void groups_free(groups_t *g);

/* Group k's frontier as one frontier_t over the whole set: the marks of
 * every point (within its own group) and the lists of group k. A view of
 * `g`'s memory: valid while `g` is, and never to be frontier_free'd. Read a
 * point of another group as outside it (groups_t.of), not by its marks. */
frontier_t groups_view(const groups_t *g, size_t k);
/* Per point: true for the members of group k (free() it). */
bool *groups_mask(const groups_t *g, size_t k);

/* The group a chart focuses on by default: the group of the first point
 * with both rates, in input order; 0 when no point has both. */
size_t groups_default(const groups_t *g);

#define GROUPS_UNKNOWN (-1)   /* NAMEMATCH_UNKNOWN */
#define GROUPS_AMBIGUOUS (-2) /* NAMEMATCH_AMBIGUOUS */
/* The group a person means by `query`, as core/namematch.h resolves every
 * typed name: exact, then ignoring case, then a unique prefix, then a
 * unique substring. Its index, GROUPS_UNKNOWN or GROUPS_AMBIGUOUS. */
long groups_find(const groups_t *g, const char *query);
/* groups_find for a person's query: the index, or -1 with the reason in
 * `why` (namematch_resolve's words: the candidates, or "did you mean"). */
long groups_resolve(const groups_t *g, const char *query, sb_t *why);

/* One or two sentences (separated by a blank) on what the groups rest on
 * where the data does not say: the groups of tables that name no set or
 * judge, whose points are treated as comparable, with how to say otherwise
 * (--group-columns); and points pooled on purpose (--group-columns none).
 * Nothing when every group of two or more points comes from the data.
 * Returns whether anything was written. Every report format shows it. */
bool groups_basis_note(sb_t *sb, const groups_t *g);

/* "file", "columns", "prompts", "curve" or "pooled": the basis in the JSON
 * and CSV reports. */
const char *groups_basis_key(point_group_basis_t basis);

#endif
