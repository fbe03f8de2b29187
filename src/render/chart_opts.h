/* chart_opts: what a chart is asked to draw (chart_opts_t) and the types it
 * names: the scales, a dense curve, the cache kept between charts. Apart
 * from chart.h so that the chart's cache (chart_cache.c) can read the
 * options without depending on the chart that uses it; every caller
 * includes chart.h, which includes this. */
#ifndef TRADEOFF_CHART_OPTS_H
#define TRADEOFF_CHART_OPTS_H

#include "render/axis.h"
#include "core/frontier.h"
#include "core/model.h"
#include "core/point.h"

#include <stdbool.h>
#include <stddef.h>

/* The scale of an axis: render/axis.h's enum, under the chart's names. */
typedef axis_scale_t chart_scale_t;
#define CHART_SCALE_AUTO AXIS_AUTO
#define CHART_SCALE_LINEAR AXIS_LINEAR
#define CHART_SCALE_LOG AXIS_LOG

/* The smallest chart that still shows axes and a plot area. */
#define CHART_MIN_WIDTH 20
#define CHART_MIN_HEIGHT 8

/* What a chart works out from its points alone (their series, range,
 * dominance, the cheapest for given costs) and from its points and axes
 * (each point's cell, the points grouped by cell, which marker shows in
 * each): kept from one chart of the same points to the next, so that a
 * screen drawing many points frame after frame passes over them only when
 * the axes or the plot's size change, and otherwise works by cell. A cache
 * keeps the cells of the two sizes last drawn (the explorer draws its chart
 * at two heights when it names points under it). The points a cache
 * serves must not change while it serves them; other points (another
 * address or length), another frontier (other lines) or other masks
 * (`in_group`, `include`: compared, a pass that costs next to nothing)
 * start it afresh. */
typedef struct chart_cache chart_cache_t;

/* A new cache, and its end (chart_cache.c). */
chart_cache_t *chart_cache_new(void);
void chart_cache_free(chart_cache_t *c);

/* A dense curve: rates as fractions, in the order drawn (a NaN leaves a
 * gap). The arrays must not change while a cache serves them. */
typedef struct {
    const double *orr, *asr;
    size_t len;
    const char *name;            /* for the legend; NULL: "curve" */
    bool dimmed;                 /* of another group than the focused one */
} chart_curve_t;

typedef struct {
    const pointset_t *points;    /* may be NULL or empty */
    const frontier_t *frontier;  /* the focused group's (groups_view): its marks of every
                                  * point and its lines; NULL: no dimming, frontier or hull */
    const bool *in_group;        /* per point: in the frontier's group (NULL: every point is);
                                  * the others are dimmed dots, outside every line */
    const char *group;           /* the focused group's name for the key, when other
                                  * groups are drawn; NULL: not named */
    const scenario_t *scenario;  /* policy box and iso-cost lines; may be NULL */
    const bool *include;         /* per point: draw it (NULL: all points) */

    /* The current operating point as rates (fractions): it may be a mix of
     * two points and so need not be one of `points`. */
    bool has_current;
    double current_asr, current_orr;
    long baseline;               /* index into points, -1 for none */
    /* The baseline where it is no drawn point (a mix, a curve's threshold):
     * its marker at these rates (fractions). */
    bool has_baseline_at;
    double baseline_asr, baseline_orr;
    long selected;               /* index into points highlighted, -1 for none */

    /* Dense curves (threshold sweeps), drawn as lines; they count for the
     * axis ranges. With a cache, each curve is read once for its range and
     * once per plot size and axes, and a frame draws only the dots it
     * reduced to (a few per column), however long the curve. */
    const chart_curve_t *curves;
    size_t ncurves;

    int width, height;           /* of the whole chart in cells, axes included */
    bool ascii;                  /* the glyphs the chart will be shown with: the canvas
                                  * renders either way, but the legend leaves out what
                                  * ASCII cannot show (hollow = dominated) */
    chart_scale_t xscale, yscale;
    bool no_labels;              /* number every point in the key instead */
    bool no_legend;
    /* The legend is sized for all it may come to show (the current point,
     * a baseline, lines of equal cost, the longest policy), so that its
     * rows, and with them the plot's height and ticks, stay put while a
     * person works (the explorer). */
    bool steady_legend;
    /* The axes from the data and the scale alone: a policy bound near the
     * data does not stretch them, so that moving a bound (the explorer's
     * controls) never rescales the chart; a bound beyond them is drawn as
     * far as the plot goes. */
    bool axes_from_data;
    /* A legend line that says where the points' numbers are explained
     * ("numbers: the list's #"), followed by what the numbers drawn mean
     * (labels_notation); NULL: the key below the chart does. */
    const char *numbers_legend;
    chart_cache_t *cache;        /* kept between charts of these points (NULL: none) */
} chart_opts_t;

#endif
