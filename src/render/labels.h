/* labels: names beside points, placed where they cover nothing.
 *
 * The terminal chart and the SVG place their labels here, with the same
 * rules, on a grid of text cells: the canvas that already holds what was
 * drawn (lines, markers, earlier labels, each with its priority) is the map
 * of occupied cells. A label fits where the cells it takes hold nothing of
 * line priority or more, with one free cell between it and a marker and two
 * between it and another label on its row, so that each name reads as
 * belonging to the marker next to it. Testing a place costs its width, so
 * placing n labels takes time linear in n, however many pile up in one
 * place.
 *
 * A label never covers anything: not a line, not the policy's box, not a
 * marker, not other text; where none fits, the point stays unlabelled
 * (its number is still in the key, and labels_t.unplaced counts it).
 *
 * Points that share a cell form a group. Groups are labelled in order of
 * importance: the selected point, the baseline, the points of the Pareto
 * frontier, then the dominated ones; within each, in the order of the set.
 * A group of one point gets its short name ("Claude-2.1" for "Claude-2.1
 * (as released)", the full name when two points would read the same)
 * beside it when that fits. Every other point is shown by its number, its
 * place in the set counted from 1 (LABELS_NUMBER), so a point keeps its
 * number whatever is selected or labelled, and has a line in the key; a
 * group shows its numbers ("3", "3,4" for two, "3-5" for a run, "3+4" for
 * point 3 and four more). */
#ifndef TRADEOFF_LABELS_H
#define TRADEOFF_LABELS_H

#include "render/canvas.h"
#include "base/strbuf.h"
#include "core/frontier.h"
#include "core/point.h"
#include "core/policy.h"

#include <stdbool.h>
#include <stddef.h>

/* The number of point i of a set wherever points are numbered: the chart,
 * its key, the explorer's list, the SVG. */
#define LABELS_NUMBER(i) ((size_t)(i) + 1)

/* The longest name written beside its point, in columns. */
#define LABELS_NAME_MAX 24
/* At most this many points are numbered; above it none is, and the key
 * says so in one line (a key that long would help nobody). */
#define LABELS_MAX_KEY 99

/* Where labels may go: columns [col0, col1) and rows [row0, row1) of the
 * canvas, whose cells say what is drawn already. */
typedef struct {
    canvas_t *canvas;
    int col0, row0, col1, row1;
} labels_area_t;

/* True when text `w` columns wide fits at (col,row) by the rules above.
 * `crowded`: it may cover lines (never markers), and only must not touch
 * another label. */
bool labels_fit(const labels_area_t *a, int col, int row, int w, bool crowded);
/* Writes `text` (sanitised) beside the cell (col,row) where it first fits:
 * right, left, centred above, centred below, then the four corners. False
 * when it fits nowhere. */
bool labels_place(const labels_area_t *a, int col, int row, const char *text, canvas_style_t style, bool crowded);

/* The points that share a cell, labelled as one. */
typedef struct {
    int col, row;
    const size_t *members; /* the points in the cell, in set order */
    size_t n;
    bool dominated;        /* every member is dominated */
} labels_cell_t;

/* The labelled points by cell: what labelling needs to know of the points,
 * so that a surface drawing the same points in the same cells again (the
 * explorer, frame after frame) works it out once. */
typedef struct {
    labels_cell_t *g;   /* the occupied cells, those with a member on the frontier
                         * first, then the dominated ones; each part by its first member */
    size_t n;
    size_t *members;    /* storage of the cells' members */
    long *cell_group;   /* per cell of the canvas: its index in g, -1 for none */
    int width, height;  /* of the canvas */
    bool *shared;       /* per point: another labelled point has the same short name */
} labels_cells_t;

/* The points to label. */
typedef struct {
    const pointset_t *points;
    const frontier_t *frontier; /* NULL (or of another set): none counts as dominated */
    const bool *in_group;       /* per point: in the frontier's group; NULL: all are.
                                 * The others (dimmed dots) are not labelled */
    const int *col, *row;       /* per point: its cell; col < 0 when not drawn */
    long selected, baseline;    /* indices into points, -1 for none */
    bool no_labels;             /* number every point instead of naming any */
    int max_name;               /* names wider than this (and LABELS_NAME_MAX) are numbered */
    const labels_cells_t *cells; /* these points already by cell on this canvas
                                  * (labels_cells_build); NULL: worked out per call */
    const policy_t *policy;      /* the key's rates are shown beside its bounds
                                  * (num_format_pct_beside); NULL: none */
} labels_points_t;

/* The labelled points of `in` (its `cells` is not read) by cell on a canvas
 * of width x height cells, in time linear in the points, with the short
 * names two of them share found by sorting (n log n). Free with
 * labels_cells_free. */
void labels_cells_build(labels_cells_t *gs, int width, int height, const labels_points_t *in);
void labels_cells_free(labels_cells_t *gs);

/* One label as placed, for surfaces that draw the text themselves. */
typedef struct {
    int col, row;   /* its first cell */
    char *text;
    size_t point;   /* the first point of its group */
    bool number;    /* key numbers, not a name */
} labels_placed_t;

typedef struct {
    size_t *numbered;         /* the points numbered in the key, in set order, each
                               * with its LABELS_NUMBER (at most LABELS_MAX_KEY of them) */
    size_t nnumbered;
    char **key;               /* "  3  name  (ORR 6.00%, ASR 0.20%)" per numbered point, or
                               * one note that there are too many; no newlines */
    size_t nkey;
    labels_placed_t *placed;  /* in the order they were placed */
    size_t nplaced;
    size_t unplaced;          /* numbered points whose numbers found no free place */
    unsigned kinds;           /* the LABELS_KIND_* of the numbers placed */
} labels_t;

/* The kinds of number a group shows, as bits of labels_t.kinds. */
#define LABELS_KIND_ONE 1u  /* "3" */
#define LABELS_KIND_TWO 2u  /* "3,4": two in one place */
#define LABELS_KIND_RUN 4u  /* "3-5": a run in one place */
#define LABELS_KIND_MORE 8u /* "3+4": point 3 and four more in one place */
#define LABELS_KIND_ALL 15u

/* What the numbers of `kinds` mean, in generic notation ("N,M two in one
 * place, N+k N and k more in one place"), appended to `out`; only the
 * kinds of more than one point, so nothing for LABELS_KIND_ONE alone. The
 * one wording of every surface's key (the report's, the explorer's
 * legend). `short_form`: never wider than the widest kind alone (two or
 * more kinds as "N,M N+k share a place"), for a legend sized before the
 * labels are placed. Returns whether it appended anything. */
bool labels_notation(sb_t *out, unsigned kinds, bool short_form);

/* Labels the points of `in` inside `a`, writing each label into the canvas
 * (style CANVAS_STYLE_LABEL, label priority). With `in->cells`, the work
 * grows with the occupied cells, not with the points. Free with
 * labels_free. */
void labels_points(labels_t *out, const labels_area_t *a, const labels_points_t *in);
void labels_free(labels_t *l);

/* Appends one line of a key ("  3  name  (ORR 9.00%, ASR 1.00%)" or a note)
 * wrapped to `width` columns, its further rows indented under the name, so
 * that nothing of it is cut; returns the rows written. */
int labels_key_wrap(sb_t *out, const char *entry, int width);

#endif
