/* chart: the trade-off drawn on a canvas.
 *
 * x = over-refusal rate (ORR), y = attack success rate (ASR), both in
 * percent, origin bottom-left, so "better" is toward the origin. Each axis is
 * linear or logarithmic (automatic: log when the data span more than two
 * decades); on a log axis a rate of 0 sits on a marked floor below the
 * lowest decade instead of being dropped.
 *
 * The chart shows every point (dominated ones dimmed, each series with its
 * own marker and style), the Pareto frontier as a line, the achievable hull
 * as a dashed line (both of one measurement group: the points of other
 * groups are drawn as small dimmed dots, and no line ever joins two groups), the policy's acceptable region as an outlined box, the
 * current operating point and a pinned baseline, iso-cost lines when costs
 * are set, a legend, and short labels placed where they collide with
 * nothing; points whose label does not fit get a number and a line in the
 * key below the chart.
 *
 * The axes come from render/axis.h and the labels from render/labels.h,
 * which the SVG uses too, so both show the same scales, ticks and labels.
 * `tradeoff plot`, the reports and the explorer all draw through here. */
#ifndef TRADEOFF_CHART_H
#define TRADEOFF_CHART_H

#include "render/axis.h"
#include "render/canvas.h"
#include "render/chart_opts.h"
#include "core/frontier.h"
#include "core/groups.h"
#include "core/model.h"
#include "core/point.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* What a chart is asked to draw (chart_opts_t), its scales, curves and
 * cache: render/chart_opts.h. */

/* The chart's marker of the baseline ("\xe2\x8a\x95", ASCII "B"): the
 * explorer's list and panels mark the baseline with it too, so that one
 * glyph means one thing on a screen (a series' marker never does). */
const char *chart_baseline_glyph(bool ascii);

/* Defaults: 80x24, auto scales, no baseline or selection. */
chart_opts_t chart_default_opts(void);

typedef struct {
    canvas_t canvas;
    bool ascii;
    /* The plot area in cells: columns [plot_col, plot_col+plot_w), rows
     * [plot_row, plot_row+plot_h), row plot_row at the top. */
    int plot_col, plot_row, plot_w, plot_h;
    axis_t x, y;             /* each spans its side of the plot area */
    axis_ticks_t xticks, yticks;
    /* Where each point of the set was drawn (cell), -1 when not drawn.
     * Held by the cache the chart was drawn with: valid until chart_free,
     * or until the next chart drawn with the same cache. */
    const int *point_col, *point_row;
    size_t npoints;
    /* Key lines below the chart ("  1  gpt-4  (ORR 2.00%, ASR 0.50%)"),
     * each without a newline; nkey may be 0. Notes without a number may
     * follow ("     4 points not drawn: a rate is unknown"). */
    char **key;
    size_t nkey;
    /* Per point: its number in the key, 0 when it is named beside its
     * marker, not drawn, or there were too many to number (held as
     * point_col is); nnumbered points have one. */
    const int *point_number;
    size_t nnumbered;
    chart_cache_t *own_cache; /* the cache of a chart drawn without one (freed with it) */
} chart_t;

/* Lays out and draws the chart. Always succeeds; sizes below the minimum are
 * raised to it. Free with chart_free. */
void chart_render(chart_t *ch, const chart_opts_t *o);
void chart_free(chart_t *ch);
/* The axes and ticks that chart_render would give `o`, without drawing:
 * the SVG takes the report's chart's axes from here. */
void chart_axes(const chart_opts_t *o, axis_t *x, axis_ticks_t *xticks, axis_t *y, axis_ticks_t *yticks);
/* Appends the canvas and the key below it (wrapped to the chart's width). */
void chart_to_text(const chart_t *ch, sb_t *out, bool ascii);
/* Appends the key wrapped to `width` columns (an entry's name and rates
 * go on, indented, on further rows), in at most `max_rows` rows (< 0: no
 * limit): when it does not fit, the entries that do and a last row saying
 * how many more there are and where to see them. Returns the rows written. */
int chart_key_text(const chart_t *ch, sb_t *out, int width, int max_rows);
/* Renders a chart of `o` and appends its text (o->ascii decides the glyphs). */
void chart_text(sb_t *out, const chart_opts_t *o);

/* The group a chart focuses on among the groups of its set: the frontier,
 * the membership and the name that chart_opts_t takes. */
typedef struct {
    frontier_t frontier; /* groups_view: never frontier_free'd */
    bool *in_group;      /* owned */
    const char *name;    /* NULL when the set is one group: nothing to name */
    size_t index, ngroups;
} chart_focus_t;

/* Focuses on group k of `g` (which must outlive `cf`). */
void chart_focus_init(chart_focus_t *cf, const groups_t *g, size_t k);
void chart_focus_free(chart_focus_t *cf);
/* Puts the focus (NULL: none) into the options. */
void chart_focus_apply(const chart_focus_t *cf, chart_opts_t *o);

/* The options of a report's chart of `set` on the focused group (NULL: no
 * frontier) and the scenario's policy: `base` (the report's chart options)
 * or, when NULL, 80x24, automatic scales and the glyphs the locale can
 * show. The text report's chart and the SVG both start from here, so that
 * they show the same axes. */
chart_opts_t chart_report_opts(const chart_opts_t *base, const pointset_t *set, const scenario_t *s,
                               const chart_focus_t *cf);
/* A "Chart" section for text reports: the chart of `set` on the focused
 * group (NULL: no frontier) and the scenario's policy, drawn with the size,
 * scales and glyphs of `base` (NULL: 80x24, ASCII when the locale needs
 * it). */
void chart_report_section(sb_t *out, const pointset_t *set, const scenario_t *s, const chart_focus_t *cf,
                          const chart_opts_t *base);

/* The data coordinates (percent) at the centre of a cell; false when the
 * cell is outside the plot area. */
bool chart_cell_to_data(const chart_t *ch, int col, int row, double *orr_pct, double *asr_pct);
/* The cell where the rates (fractions) are drawn; false when outside. */
bool chart_data_to_cell(const chart_t *ch, double orr, double asr, int *col, int *row);
/* The drawn point nearest the cell (distance in cells, a row counting as two
 * columns), or -1 when none lies within `max_dist`. */
long chart_nearest_point(const chart_t *ch, int col, int row, int max_dist);

#endif
