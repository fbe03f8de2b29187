/* shortname: the part of each point's name that tells it apart, for the
 * lists and tables a person reads (the explorer's point list, the text
 * and Markdown reports' tables).
 *
 * Names built from files repeat themselves: five XSTest files under one
 * judge read "xstest_v2_labels_gpt4 (final_label)",
 * "xstest_v2_labels_llama2new (final_label)"..., and a column of them cut
 * to its width shows the same "xstest_v2_labels_lla…" on every row. Within
 * each measurement group, the prefix that all its names share (up to a
 * separator outside brackets: '_', '-', ' ', '/', '.', ':') and the
 * suffix they share (from a space: a word or a bracketed part such as
 * " (as released)") are dropped. A short name two points of the set would share (the same file
 * under two judges) keeps what the whole set does not share instead (the
 * judge, for XSTest), and failing that the full name: the short names of a
 * set are all different when its names are. The full name stays the
 * point's name: the explorer's details view and every machine format show
 * it. */
#ifndef TRADEOFF_SHORTNAME_H
#define TRADEOFF_SHORTNAME_H

#include "core/point.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char **names; /* per point of the set, owned */
    /* Per point, owned: its short name within its group where that is
     * also another point's (of another group), so that `names` had to
     * keep more; NULL otherwise. A list too narrow for the longer name
     * shows this one beside the point's group, which tells them apart. */
    char **within_group;
    bool shared; /* some point has a within_group name */
    size_t len;
} shortnames_t;

#define SHORTNAMES_INIT {NULL, NULL, false, 0}

/* The short names of the points of `set`, whose groups are `group_of` (per
 * point, as groups_t.of; NULL: one group). O(n log n) in the points. */
void shortnames_compute(shortnames_t *sn, const pointset_t *set, const size_t *group_of);
void shortnames_free(shortnames_t *sn);

/* The short names of sn cut to `width` columns (at least 8) for a table's
 * column. A name too long is cut at its end with "…"; where two such cuts
 * would read the same, each keeps its start and where the names start to
 * differ ("adaptive_rand…gpt-4-0125-preview" beside
 * "adaptive_rand…llama-2-7b-chat-hf"), and names that differ only further
 * than that end in their point's number (" #12"). So two cells are never
 * the same unless the two short names are. Free with text_list_free(cells,
 * sn->len). */
char **shortnames_cells(const shortnames_t *sn, int width);

/* The short name of `name` beside one `other` by the same rules: `name`
 * without the prefix and suffix the two share ("b.csv" for "runs/b.csv"
 * beside "runs/a.csv"); the whole of `name` when that would leave nothing.
 * The caller frees it. */
char *shortname_beside(const char *name, const char *other);

#endif
