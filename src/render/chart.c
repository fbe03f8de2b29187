#include "config.h"

#include "render/chart.h"
#include "render/labels.h"
#include "render/chart_cache.h"
#include "render/legend.h"
#include "render/series.h"
#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- glyphs ------------------------------------------------------------------
 * Every glyph has an ASCII twin; markers are filled for points worth choosing
 * and hollow for dominated ones, so the difference survives without colour. */

typedef struct {
    const char *filled, *hollow;
    char ascii;
} marker_t;

static const marker_t series_markers[CANVAS_NSERIES] = {
    {"●", "○", 'o'}, {"▲", "△", '^'}, {"■", "□", '#'}, {"◆", "◇", '*'},
    {"▼", "▽", 'v'}, {"★", "☆", '&'}, {"▶", "▷", '>'}, {"✚", "✛", 'x'},
};
/* A point of another measurement group: there, but not on this frontier. */
static const marker_t other_group_marker = {"·", "·", '.'};
static const marker_t current_marker = {"◎", "◎", '@'};
static const marker_t baseline_marker = {"⊕", "⊕", 'B'};

const char *chart_baseline_glyph(bool ascii)
{
    static char twin[2];
    twin[0] = baseline_marker.ascii; /* the one ASCII twin of the marker */
    return ascii ? twin : baseline_marker.filled;
}

#define AXIS_ASCII_V '|'
#define AXIS_ASCII_H '-'
#define HULL_ON 3
#define HULL_OFF 3
#define ISOCOST_ON 1
#define ISOCOST_OFF 3
#define ISOCOST_ASCII '~'

/* ---- layout ---------------------------------------------------------------- */

typedef struct {
    int width, height;
    int title_row, plot_row, axis_row, tick_row, xtitle_row, legend_row;
    int axis_col, plot_col, plot_w, plot_h;
} layout_t;

/* ---- drawing helpers -------------------------------------------------------- */

typedef struct {
    chart_t *ch;
    const chart_opts_t *o;
    layout_t L;
    /* Plot area in dots. */
    int dx0, dy0, dw, dh;
    chart_cache_t *cache;        /* what is known of the points (the series, for
                                  * markers and the legend) */
    const chart_cells_t *cells;  /* where they are drawn, once the axes are known */
    bool sampled;         /* the curve's range is a sample's (CHART_CURVE_SAMPLE_MIN) */
    bool isocost;         /* lines of equal cost are drawn */
    unsigned number_kinds; /* the kinds of number on the plot (LABELS_KIND_*,
                           * draw_labels): what the legend's line about numbers explains;
                           * legend's line about numbers has something to explain */
    axis_range_t data_x, data_y; /* the data's range that the axes were built on, percent */
    struct {
        int col, row;     /* where the line enters the plot, -1 when it does not */
        double cost;      /* per day */
    } iso[2];             /* iso-cost lines, labelled after the points */
    int niso;
    int box_right, box_top; /* the policy box's corner cell; box_right -1: no box */
} ctx_t;

/* Dot coordinates (canvas dots, y downward) of rates in percent. */
static double dot_x(const ctx_t *k, double orr_pct)
{
    return k->dx0 + axis_share(&k->ch->x, orr_pct) * (k->dw - 1);
}

static double dot_y(const ctx_t *k, double asr_pct)
{
    return k->dy0 + (k->dh - 1) - axis_share(&k->ch->y, asr_pct) * (k->dh - 1);
}

static int clamp_int(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Dots this far outside the plot are all alike: every caller clips or
 * clamps to the plot afterwards. The bound leaves room for int arithmetic. */
#define DOT_LIMIT 1e9

/* Converting a double outside int's range (or NaN) is undefined behaviour:
 * a huge count can put a dot at -1e14 columns, so clamp first. */
static int round_dot(double v)
{
    if (!(v >= -DOT_LIMIT)) /* NaN too */
        v = -DOT_LIMIT;
    else if (v > DOT_LIMIT)
        v = DOT_LIMIT;
    return (int)floor(v + 0.5);
}

/* Clips the segment to the plot area (Liang-Barsky); false when nothing of
 * it is inside. */
static bool clip_segment(const ctx_t *k, double *x0, double *y0, double *x1, double *y1)
{
    double xmin = k->dx0, xmax = k->dx0 + k->dw - 1, ymin = k->dy0, ymax = k->dy0 + k->dh - 1;
    double t0 = 0, t1 = 1, ddx = *x1 - *x0, ddy = *y1 - *y0;
    double p[4] = {-ddx, ddx, -ddy, ddy};
    double q[4] = {*x0 - xmin, xmax - *x0, *y0 - ymin, ymax - *y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > t1)
                return false;
            if (t > t0)
                t0 = t;
        } else {
            if (t < t0)
                return false;
            if (t < t1)
                t1 = t;
        }
    }
    double nx0 = *x0 + t0 * ddx, ny0 = *y0 + t0 * ddy;
    *x1 = *x0 + t1 * ddx;
    *y1 = *y0 + t1 * ddy;
    *x0 = nx0;
    *y0 = ny0;
    return true;
}

static void plot_segment(ctx_t *k, double x0, double y0, double x1, double y1, canvas_style_t style,
                         canvas_prio_t prio, int on, int off, char ascii)
{
    if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
        return;
    if (!clip_segment(k, &x0, &y0, &x1, &y1))
        return;
    canvas_line_styled(&k->ch->canvas, round_dot(x0), round_dot(y0), round_dot(x1), round_dot(y1),
                       style, prio, on, off, ascii);
}

/* The cell of rates in percent, clamped into the plot area. */
static void cell_of(const ctx_t *k, double orr_pct, double asr_pct, int *col, int *row)
{
    int x = clamp_int(round_dot(dot_x(k, orr_pct)), k->dx0, k->dx0 + k->dw - 1);
    int y = clamp_int(round_dot(dot_y(k, asr_pct)), k->dy0, k->dy0 + k->dh - 1);
    *col = x / 2;
    *row = y / 4;
}

/* ---- axes -------------------------------------------------------------------- */

static int tick_col(const ctx_t *k, double v)
{
    return clamp_int(round_dot(dot_x(k, v)), k->dx0, k->dx0 + k->dw - 1) / 2;
}

static int tick_row(const ctx_t *k, double v)
{
    return clamp_int(round_dot(dot_y(k, v)), k->dy0, k->dy0 + k->dh - 1) / 4;
}

static void draw_axes(ctx_t *k)
{
    canvas_t *c = &k->ch->canvas;
    const layout_t *L = &k->L;
    int ac = L->axis_col, ar = L->axis_row;
    for (int r = L->plot_row; r < ar; r++)
        canvas_glyph(c, ac, r, "│", AXIS_ASCII_V, CANVAS_STYLE_AXIS, CANVAS_PRIO_LINE);
    for (int col = ac + 1; col < L->width; col++)
        canvas_glyph(c, col, ar, "─", AXIS_ASCII_H, CANVAS_STYLE_AXIS, CANVAS_PRIO_LINE);
    canvas_glyph(c, ac, ar, "└", '+', CANVAS_STYLE_AXIS, CANVAS_PRIO_LINE);

    /* y ticks and labels, right-aligned left of the axis */
    for (int i = 0; i < k->ch->yticks.n; i++) {
        const axis_tick_t *t = &k->ch->yticks.t[i];
        int row = tick_row(k, t->v);
        if (row != ar)
            canvas_glyph(c, ac, row, "┤", '+', CANVAS_STYLE_AXIS, CANVAS_PRIO_LINE);
        int lw = (int)strlen(t->label);
        if (canvas_cell(c, ac - 2, row)->prio < CANVAS_PRIO_LABEL)
            canvas_text(c, ac - 1 - lw, row, t->label, CANVAS_STYLE_AXIS, CANVAS_PRIO_LABEL);
    }
    /* x ticks and labels, centred under the tick, kept apart by a space */
    int free_from = 0;
    for (int i = 0; i < k->ch->xticks.n; i++) {
        const axis_tick_t *t = &k->ch->xticks.t[i];
        int col = tick_col(k, t->v);
        if (col != ac)
            canvas_glyph(c, col, ar, "┬", '+', CANVAS_STYLE_AXIS, CANVAS_PRIO_LINE);
        int lw = (int)strlen(t->label);
        int start = col - (lw - 1) / 2;
        if (start + lw > L->width)
            start = L->width - lw;
        if (start < free_from)
            continue;
        canvas_text(c, start, L->tick_row, t->label, CANVAS_STYLE_AXIS, CANVAS_PRIO_LABEL);
        free_from = start + lw + 1;
    }
    /* A log axis breaks between its floor (0) and its first decade. */
    if (k->ch->y.log) {
        int r0 = tick_row(k, 0), r1 = tick_row(k, k->ch->y.lo);
        if (r0 - r1 >= 2)
            canvas_glyph(c, ac, (r0 + r1 + 1) / 2, "≈", '~', CANVAS_STYLE_FLOOR, CANVAS_PRIO_LABEL);
    }
    if (k->ch->x.log) {
        int c0 = tick_col(k, 0), c1 = tick_col(k, k->ch->x.lo);
        if (c1 - c0 >= 2)
            canvas_glyph(c, (c0 + c1) / 2, ar, "≈", '~', CANVAS_STYLE_FLOOR, CANVAS_PRIO_LABEL);
    }
}

static void draw_titles(ctx_t *k)
{
    canvas_t *c = &k->ch->canvas;
    const layout_t *L = &k->L;
    const char *ytitle = L->width >= 40 ? "ASR: attack success rate (%)" : "ASR %";
    canvas_glyph(c, 0, L->title_row, "↑", '^', CANVAS_STYLE_TITLE, CANVAS_PRIO_LABEL);
    canvas_text(c, 2, L->title_row, ytitle, CANVAS_STYLE_TITLE, CANVAS_PRIO_LABEL);
    if (k->ch->y.log)
        canvas_text(c, 2 + (int)strlen(ytitle), L->title_row, L->width >= 40 ? ", log scale" : " log",
                    CANVAS_STYLE_TITLE, CANVAS_PRIO_LABEL);

    char xtitle[64];
    snprintf(xtitle, sizeof xtitle, "%s%s", L->width >= 40 ? "ORR: over-refusal rate (%)" : "ORR %",
             k->ch->x.log ? (L->width >= 40 ? ", log scale" : " log") : "");
    int xw = (int)strlen(xtitle) + 2;
    int start = L->width - xw;
    if (start < 0)
        start = 0;
    canvas_text(c, start, L->xtitle_row, xtitle, CANVAS_STYLE_TITLE, CANVAS_PRIO_LABEL);
    canvas_glyph(c, start + xw - 1, L->xtitle_row, "→", '>', CANVAS_STYLE_TITLE, CANVAS_PRIO_LABEL);
    /* Say which way is better: a product lead's first question. */
    const char *hint = "better: toward 0,0";
    if ((int)strlen(hint) + 2 + 2 <= start) {
        canvas_glyph(c, 0, L->xtitle_row, "↙", '.', CANVAS_STYLE_TITLE, CANVAS_PRIO_LABEL);
        canvas_text(c, 2, L->xtitle_row, hint, CANVAS_STYLE_TITLE, CANVAS_PRIO_LABEL);
    }
}

/* ---- what the data shows ----------------------------------------------------- */

static void draw_policy(ctx_t *k)
{
    const scenario_t *s = k->o->scenario;
    if (!s || !policy_has_bounds(&s->policy))
        return;
    canvas_t *c = &k->ch->canvas;
    double ab = s->policy.asr.max * 100, ob = s->policy.orr.max * 100;
    bool has_a = isfinite(ab), has_o = isfinite(ob);
    /* A bound below the lowest decade of a log axis cannot be placed. */
    if ((has_a && k->ch->y.log && ab < k->ch->y.lo) || (has_o && k->ch->x.log && ob < k->ch->x.lo))
        return;
    int right = has_o ? tick_col(k, ob) : k->L.plot_col + k->L.plot_w - 1;
    int top = has_a ? tick_row(k, ab) : k->L.plot_row;
    bool right_inside = has_o && ob <= k->ch->x.hi;
    bool top_inside = has_a && ab <= k->ch->y.hi;
    if (top_inside)
        for (int col = k->L.axis_col + 1; col < right; col++)
            canvas_glyph(c, col, top, "┄", '=', CANVAS_STYLE_POLICY, CANVAS_PRIO_SHADE);
    if (right_inside)
        for (int row = top + 1; row < k->L.axis_row; row++)
            canvas_glyph(c, right, row, "┆", '|', CANVAS_STYLE_POLICY, CANVAS_PRIO_SHADE);
    if (top_inside && right_inside)
        canvas_glyph(c, right, top, "┐", '+', CANVAS_STYLE_POLICY, CANVAS_PRIO_SHADE);
    else if (top_inside)
        canvas_glyph(c, right, top, "┄", '=', CANVAS_STYLE_POLICY, CANVAS_PRIO_SHADE);
    if (top_inside || right_inside) {
        k->box_right = right;
        k->box_top = top;
    }
}

/* A line through points, as the dots of its vertices. A vertex inside the
 * plot on the dot of the one before adds nothing to the line (segments
 * inside are drawn between whole dots) and is left out, so a frontier of
 * many points costs a vertex per dot of the plot at most, frame after
 * frame. An index outside the set leaves a gap, as a segment to or from it
 * is not drawn. */
static void polyline_dots(const ctx_t *k, const size_t *idx, size_t n, double **xy, size_t *len)
{
    const pointset_t *set = k->o->points;
    *xy = xmalloc((2 * n + 2) * sizeof **xy);
    *len = 0;
    bool have_prev = false;
    int pdx = 0, pdy = 0;
    for (size_t i = 0; i < n; i++) {
        double x = NAN, y = NAN;
        if (idx[i] < set->len) {
            x = dot_x(k, set->items[idx[i]].orr * 100);
            y = dot_y(k, set->items[idx[i]].asr * 100);
        }
        bool valid = isfinite(x) && isfinite(y);
        int dx = valid ? round_dot(x) : 0, dy = valid ? round_dot(y) : 0;
        bool inside = dx >= k->dx0 && dx < k->dx0 + k->dw && dy >= k->dy0 && dy < k->dy0 + k->dh;
        if (valid && inside && have_prev && dx == pdx && dy == pdy)
            continue;
        (*xy)[2 * *len] = x;
        (*xy)[2 * *len + 1] = y;
        (*len)++;
        have_prev = valid && inside, pdx = dx, pdy = dy;
    }
}

static void draw_polyline(ctx_t *k, const double *xy, size_t n, canvas_style_t style, canvas_prio_t prio, int on,
                          int off, char ascii)
{
    for (size_t i = 0; i + 1 < n; i++)
        plot_segment(k, xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], style, prio, on, off, ascii);
}

static void draw_frontier(ctx_t *k)
{
    /* The hull is drawn under the frontier, so where they agree the solid
     * frontier shows and the dashes appear only where mixing does better. */
    const chart_cells_t *c = k->cells;
    draw_polyline(k, c->hull.xy, c->hull.n, CANVAS_STYLE_HULL, CANVAS_PRIO_GRID, HULL_ON, HULL_OFF, ':');
    draw_polyline(k, c->pareto.xy, c->pareto.n, CANVAS_STYLE_FRONTIER, CANVAS_PRIO_LINE, 1, 0, 0);
}

/* ---- a dense curve ----------------------------------------------------------
 * A million points must draw within a frame, so each is mapped to dots by a
 * precomputed affine map of the rate (linear) or of its base-2 logarithm
 * taken from a table (log): about 1e-7 of a unit off, far below a dot.
 * Consecutive points that land on the same dot are skipped, so only a few
 * hundred line segments are drawn. */

#define LOG2_BITS 10
typedef struct {
    double tab[(1 << LOG2_BITS) + 2]; /* log2 of 1 + i/1024 */
} log2_table_t;

static void log2_table_init(log2_table_t *t)
{
    for (int i = 0; i <= (1 << LOG2_BITS) + 1; i++)
        t->tab[i] = log2(1.0 + (double)i / (1 << LOG2_BITS));
}

/* log2 of a positive normal double: exponent plus interpolated mantissa. */
static inline double log2_fast(const log2_table_t *t, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int e = (int)((bits >> 52) & 0x7FF) - 1023;
    uint64_t mant = bits & 0xFFFFFFFFFFFFFull;
    unsigned idx = (unsigned)(mant >> (52 - LOG2_BITS));
    /* signed conversion: unsigned 64-bit to double is slow on x86-64 */
    double frac = (double)(int64_t)(mant & ((1ull << (52 - LOG2_BITS)) - 1)) * (1.0 / (double)(1ull << (52 - LOG2_BITS)));
    return e + t->tab[idx] + frac * (t->tab[idx + 1] - t->tab[idx]);
}

/* dot = base + scale * g(fraction), g the identity or log2; values on the
 * floor of a log axis (0, or below lo) go to `floor_dot`. */
typedef struct {
    bool log;
    double base, scale;
    double lo_frac;   /* smallest fraction above the floor (log) */
    double floor_dot;
} curve_map_t;

static curve_map_t curve_map(const axis_t *a, int dots, double origin, double sign)
{
    curve_map_t m;
    double span = dots - 1;
    m.log = a->log;
    m.lo_frac = a->lo / 100;
    m.floor_dot = origin;
    if (!a->log) {
        /* frac = (100 v - lo) / (hi - lo) */
        m.scale = sign * span * 100 / (a->hi - a->lo);
        m.base = origin - sign * span * a->lo / (a->hi - a->lo);
    } else {
        double f0 = a->floor;
        double per = (1 - f0) / (log2(a->hi) - log2(a->lo)); /* per unit of log2(percent) */
        /* frac = f0 + per * (log2(100 v) - log2(lo)) */
        m.scale = sign * span * per;
        m.base = origin + sign * span * (f0 + per * (log2(100.0) - log2(a->lo)));
    }
    return m;
}

static inline double curve_dot(const curve_map_t *m, const log2_table_t *t, double v)
{
    if (!m->log)
        return m->base + m->scale * v;
    if (!(v >= m->lo_frac))
        return m->floor_dot;
    return m->base + m->scale * log2_fast(t, v);
}

/* Rounds half up like floor(v + 0.5), by truncating a shifted positive
 * value: floor() without SSE4.1 costs more than the rest of the loop. Far
 * values are clamped; they are off the canvas either way. */
static inline int fast_round(double v)
{
    const double shift = 1 << 20;
    if (v > shift - 1)
        v = shift - 1;
    else if (v < -shift + 1)
        v = -shift + 1;
    return (int)(v + 0.5 + shift) - (int)shift;
}

/* The values that land on `dot` (half-open, in the direction of the
 * data): while a curve stays inside both intervals it stays on the same dot,
 * and two comparisons replace the mapping. Approximate at the edges, which
 * only moves a skipped point by a fraction of a dot. */
static void dot_interval(const curve_map_t *m, int dot, double *lo, double *hi)
{
    if (m->log && dot == (int)floor(m->floor_dot + 0.5)) {
        *lo = -INFINITY; /* 0 and anything below the lowest decade */
        *hi = m->lo_frac;
        return;
    }
    double g0 = (dot - 0.5 - m->base) / m->scale, g1 = (dot + 0.5 - m->base) / m->scale;
    if (g0 > g1) {
        double t = g0;
        g0 = g1;
        g1 = t;
    }
    if (m->log) {
        g0 = exp2(g0);
        g1 = exp2(g1);
        if (g0 < m->lo_frac)
            g0 = m->lo_frac;
    }
    *lo = g0;
    *hi = g1;
}

/* True when a value (fraction) would change a range built without it:
 * above its maximum, or a positive value below its smallest positive. */
static bool outside_range(const axis_range_t *r, double v)
{
    double pct = v * 100;
    if (!(pct >= 0 && pct <= DBL_MAX))
        return false; /* negative, NaN or infinite: ignored by the range too */
    return !r->any || pct > r->max || (pct > 0 && pct < r->min_pos);
}

/* Narrows a dot's interval to the values that cannot change the range:
 * [smallest positive, largest]. Zeros then take the slow path, which is
 * correct, only slower. */
static void clamp_to_range(const axis_range_t *r, double *lo, double *hi)
{
    double rlo = r->min_pos / 100, rhi = nextafter(r->max / 100, INFINITY);
    if (*lo < rlo)
        *lo = rlo;
    if (*hi > rhi)
        *hi = rhi;
}

static void dots_push(chart_dots_t *d, size_t *cap, double x, double y)
{
    d->xy = xgrow(d->xy, cap, 2 * d->n + 2, sizeof *d->xy);
    d->xy[2 * d->n] = x;
    d->xy[2 * d->n + 1] = y;
    d->n++;
}

/* A curve as the dots it passes through, in order: consecutive points on
 * the dot of the one before are left out, so a million points reduce to a
 * few per column of the plot, and drawing it again costs those. False
 * when the sampled range turned out wrong (a point lies outside it): the
 * chart must then be laid out again. */
static bool curve_dots(const ctx_t *k, const chart_curve_t *cv, chart_dots_t *out)
{
    size_t cap = 0;
    bool have_prev = false, ok = true;
    int pdx = 0, pdy = 0;
    log2_table_t *tab = NULL;
    out->xy = NULL;
    out->n = 0;
    if (k->ch->x.log || k->ch->y.log) {
        tab = xmalloc(sizeof *tab);
        log2_table_init(tab);
    }
    curve_map_t mx = curve_map(&k->ch->x, k->dw, k->dx0, 1.0);
    curve_map_t my = curve_map(&k->ch->y, k->dh, k->dy0 + k->dh - 1, -1.0);
    double xlo = 1, xhi = 0, ylo = 1, yhi = 0; /* the current dot's values: none yet */
    for (size_t i = 0; i < cv->len; i++) {
        double xo = cv->orr[i], ya = cv->asr[i];
        if (xo >= xlo && xo < xhi && ya >= ylo && ya < yhi)
            continue; /* same dot as the previous point: the usual case */
        if (!isfinite(xo) || !isfinite(ya)) { /* a gap in the curve */
            if (have_prev)
                dots_push(out, &cap, NAN, NAN);
            have_prev = false;
            xlo = ylo = 1;
            xhi = yhi = 0;
            continue;
        }
        if (k->sampled && (outside_range(&k->data_x, xo) || outside_range(&k->data_y, ya))) {
            ok = false;
            break;
        }
        double x = curve_dot(&mx, tab, xo), y = curve_dot(&my, tab, ya);
        int ix = fast_round(x), iy = fast_round(y);
        if (have_prev && ix == pdx && iy == pdy)
            continue;
        dots_push(out, &cap, x, y);
        pdx = ix, pdy = iy;
        have_prev = true;
        dot_interval(&mx, ix, &xlo, &xhi);
        dot_interval(&my, iy, &ylo, &yhi);
        if (k->sampled) {
            clamp_to_range(&k->data_x, &xlo, &xhi);
            clamp_to_range(&k->data_y, &ylo, &yhi);
        }
    }
    free(tab);
    return ok;
}

/* Draws a curve's dots: segments between neighbours, a lone dot as a dot. */
static void draw_curve(ctx_t *k, const chart_dots_t *d, bool dimmed)
{
    canvas_style_t style = dimmed ? CANVAS_STYLE_DIMMED : CANVAS_STYLE_CURVE;
    canvas_prio_t prio = dimmed ? CANVAS_PRIO_GRID : CANVAS_PRIO_LINE;
    for (size_t i = 0; i < d->n; i++) {
        double x = d->xy[2 * i], y = d->xy[2 * i + 1];
        if (!isfinite(x))
            continue;
        bool next = i + 1 < d->n && isfinite(d->xy[2 * i + 2]);
        bool prev = i > 0 && isfinite(d->xy[2 * i - 2]);
        if (next)
            plot_segment(k, x, y, d->xy[2 * i + 2], d->xy[2 * i + 3], style, prio, 1, 0, 0);
        else if (!prev) {
            int ix = fast_round(x), iy = fast_round(y);
            if (ix >= k->dx0 && ix < k->dx0 + k->dw && iy >= k->dy0 && iy < k->dy0 + k->dh)
                canvas_dot(&k->ch->canvas, ix, iy, '.', style, prio);
        }
    }
}

/* Lines of equal daily cost through the cheapest point and the current
 * point: every point below a line costs less. */
static void draw_isocost_through(ctx_t *k, double cost)
{
    const scenario_t *s = k->o->scenario;
    double a = s->volume * (1 - s->adv_share) * s->cost_refusal; /* per unit ORR */
    double b = s->volume * s->adv_share * s->cost_harm;          /* per unit ASR */
    if (!(a > 0) && !(b > 0))
        return;
    bool have_prev = false;
    double px = 0, py = 0;
    int anchor_col = -1, anchor_row = -1;
    for (int dx = 0; dx < k->dw; dx++) {
        double orr = axis_value(&k->ch->x, (double)dx / (k->dw > 1 ? k->dw - 1 : 1)) / 100;
        double x = k->dx0 + dx, y;
        if (b > 0) {
            double asr = (cost - a * orr) / b;
            if (asr < 0) {
                /* where the line meets ASR = 0 */
                if (have_prev && a > 0) {
                    double orr0 = cost / a;
                    plot_segment(k, px, py, dot_x(k, orr0 * 100), dot_y(k, 0), CANVAS_STYLE_ISOCOST,
                                 CANVAS_PRIO_SHADE, ISOCOST_ON, ISOCOST_OFF, ISOCOST_ASCII);
                }
                break;
            }
            y = dot_y(k, asr * 100);
        } else {
            /* Harm costs nothing: cost fixes ORR, a vertical line. */
            double xv = dot_x(k, cost / a * 100);
            plot_segment(k, xv, k->dy0, xv, k->dy0 + k->dh - 1, CANVAS_STYLE_ISOCOST, CANVAS_PRIO_SHADE,
                         ISOCOST_ON, ISOCOST_OFF, ISOCOST_ASCII);
            if (xv >= k->dx0 && xv < k->dx0 + k->dw) {
                anchor_col = round_dot(xv) / 2;
                anchor_row = k->dy0 / 4;
            }
            break;
        }
        if (anchor_col < 0 && y >= k->dy0 && y <= k->dy0 + k->dh - 1) {
            anchor_col = (int)x / 2;
            anchor_row = round_dot(y) / 4;
        }
        if (have_prev)
            plot_segment(k, px, py, x, y, CANVAS_STYLE_ISOCOST, CANVAS_PRIO_SHADE, ISOCOST_ON, ISOCOST_OFF,
                         ISOCOST_ASCII);
        px = x, py = y;
        have_prev = true;
    }
    if (k->niso < 2) {
        k->iso[k->niso].col = anchor_col;
        k->iso[k->niso].row = anchor_row;
        k->iso[k->niso].cost = cost;
        k->niso++;
    }
}

static bool draw_isocost(ctx_t *k)
{
    const scenario_t *s = k->o->scenario;
    if (!s || !model_costs_set(s))
        return false;
    double orr = NAN, asr = NAN;
    double best = chart_cache_cheapest(k->cache, k->o, &orr, &asr);
    bool drawn = false;
    if (isfinite(best)) {
        draw_isocost_through(k, best);
        drawn = true;
    }
    if (k->o->has_current && isfinite(k->o->current_asr) && isfinite(k->o->current_orr)) {
        double cur = model_project_rates(s, k->o->current_asr, k->o->current_orr).cost;
        if (isfinite(cur) && cur != best) {
            draw_isocost_through(k, cur);
            drawn = true;
        }
    }
    return drawn;
}

/* ---- the points ------------------------------------------------------------- */

static bool is_dominated(const ctx_t *k, size_t i)
{
    return chart_dominated(k->o, i);
}

/* Drawn over the dominated points and other groups' dots that share its
 * cell: a point of the focused group's frontier. */
static bool on_top(const ctx_t *k, size_t i)
{
    return chart_in_focus(k->o, i) && !is_dominated(k, i);
}

/* The marker that shows in each occupied cell: the last point on top, else
 * the last point (the baseline and selection are drawn over it). */
static void cells_markers(chart_cells_t *c, const ctx_t *k)
{
    size_t ncells = (size_t)c->width * (size_t)c->height;
    long *at = xmalloc((ncells + 1) * sizeof *at);
    for (size_t q = 0; q < ncells; q++)
        at[q] = -1;
    c->markers = xmalloc((k->ch->npoints + 1) * sizeof *c->markers);
    c->nmarkers = 0;
    for (size_t i = 0; i < k->ch->npoints; i++) {
        if (c->col[i] < 0)
            continue;
        long *m = &at[(size_t)c->row[i] * (size_t)c->width + (size_t)c->col[i]];
        if (*m < 0) {
            *m = (long)c->nmarkers;
            c->markers[c->nmarkers++] = i;
        } else if (on_top(k, i) || !on_top(k, c->markers[*m])) {
            c->markers[*m] = i;
        }
    }
    free(at);
}

/* Works out the cells of the drawn points on this plot, in one pass, and
 * finds the labelled points of each cell. */
static bool cells_build(chart_cells_t *c, const ctx_t *k)
{
    const chart_opts_t *o = k->o;
    size_t n = k->ch->npoints;
    c->used = true;
    c->x = k->ch->x;
    c->y = k->ch->y;
    c->dx0 = k->dx0, c->dy0 = k->dy0, c->dw = k->dw, c->dh = k->dh;
    c->width = k->ch->canvas.width, c->height = k->ch->canvas.height;
    c->col = xmalloc((n + 1) * sizeof *c->col);
    c->row = xmalloc((n + 1) * sizeof *c->row);
    for (size_t i = 0; i < n; i++) {
        c->col[i] = c->row[i] = -1;
        if (chart_drawable(o, i))
            cell_of(k, o->points->items[i].orr * 100, o->points->items[i].asr * 100, &c->col[i], &c->row[i]);
    }
    labels_points_t in = {o->points, o->frontier, o->in_group, c->col, c->row, -1, -1, false, 0, NULL, NULL};
    labels_cells_build(&c->labels, c->width, c->height, &in);
    cells_markers(c, k);
    const frontier_t *f = o->frontier;
    if (f && f->npoints == n) {
        polyline_dots(k, f->hull, f->nhull, &c->hull.xy, &c->hull.n);
        polyline_dots(k, f->pareto, f->npareto, &c->pareto.xy, &c->pareto.n);
    }
    c->curves = xcalloc(o->ncurves + 1, sizeof *c->curves);
    c->ncurves = o->ncurves;
    for (size_t i = 0; i < o->ncurves; i++)
        if (!curve_dots(k, &o->curves[i], &c->curves[i]))
            return false;
    return true;
}

static bool same_axis(const axis_t *a, const axis_t *b)
{
    return a->log == b->log && a->lo == b->lo && a->hi == b->hi && a->floor == b->floor;
}

/* The cells for this plot: kept from an earlier chart with the same axes
 * and plot, else worked out in place of the oldest; NULL when a curve's
 * sampled range proved wrong. */
static const chart_cells_t *cache_cells(ctx_t *k)
{
    chart_cache_t *cache = k->cache;
    chart_cells_t *slot = NULL;
    for (int s = 0; s < CHART_CACHE_SLOTS && !slot; s++) {
        chart_cells_t *c = &cache->cells[s];
        if (c->used && same_axis(&c->x, &k->ch->x) && same_axis(&c->y, &k->ch->y) && c->dx0 == k->dx0 &&
            c->dy0 == k->dy0 && c->dw == k->dw && c->dh == k->dh && c->width == k->ch->canvas.width &&
            c->height == k->ch->canvas.height)
            slot = c;
    }
    if (!slot) {
        slot = &cache->cells[0];
        for (int s = 1; s < CHART_CACHE_SLOTS; s++)
            if (!cache->cells[s].used || (slot->used && cache->cells[s].drawn < slot->drawn))
                slot = &cache->cells[s];
        chart_cells_free(slot);
        if (!cells_build(slot, k)) {
            chart_cells_free(slot);
            return NULL;
        }
    }
    slot->drawn = ++cache->clock;
    return slot;
}

/* Point i's marker: its series' (hollow when dominated), a dimmed dot for
 * another group's, the baseline's; in the selection's colour when
 * selected. */
static void draw_marker(ctx_t *k, size_t i)
{
    int col = k->cells->col[i], row = k->cells->row[i];
    bool dom = is_dominated(k, i), other = !chart_in_focus(k->o, i);
    size_t series = k->cache->series.of[i];
    const marker_t *m = other ? &other_group_marker : &series_markers[series % CANVAS_NSERIES];
    canvas_style_t style = dom || other ? CANVAS_STYLE_DIMMED : CANVAS_STYLE_SERIES(series);
    const char *glyph = dom ? m->hollow : m->filled;
    char ascii = m->ascii;
    if ((long)i == k->o->baseline) {
        glyph = baseline_marker.filled;
        ascii = baseline_marker.ascii;
        style = CANVAS_STYLE_BASELINE;
    }
    if ((long)i == k->o->selected)
        style = CANVAS_STYLE_SELECTED;
    canvas_glyph(&k->ch->canvas, col, row, glyph, ascii, style, CANVAS_PRIO_MARKER);
}

/* A special point (the baseline, the selection) to draw over the others. */
static bool special_drawable(const ctx_t *k, long i)
{
    return i >= 0 && (size_t)i < k->ch->npoints && chart_drawable(k->o, (size_t)i);
}

static void draw_points(ctx_t *k)
{
    /* One marker per cell: the frontier's shows when it shares the cell
     * with dominated points or other groups' dots, the later one among
     * equals; the baseline and selection on top. */
    const chart_cells_t *c = k->cells;
    for (size_t j = 0; j < c->nmarkers; j++)
        draw_marker(k, c->markers[j]);
    long first = k->o->baseline < k->o->selected ? k->o->baseline : k->o->selected;
    long second = k->o->baseline < k->o->selected ? k->o->selected : k->o->baseline;
    if (special_drawable(k, first))
        draw_marker(k, (size_t)first);
    if (second != first && special_drawable(k, second))
        draw_marker(k, (size_t)second);
    const chart_opts_t *o = k->o;
    if (o->has_baseline_at && !special_drawable(k, o->baseline) && isfinite(o->baseline_asr) &&
        isfinite(o->baseline_orr)) {
        int col, row;
        cell_of(k, o->baseline_orr * 100, o->baseline_asr * 100, &col, &row);
        canvas_glyph(&k->ch->canvas, col, row, baseline_marker.filled, baseline_marker.ascii, CANVAS_STYLE_BASELINE,
                     CANVAS_PRIO_MARKER);
    }
    if (o->has_current && isfinite(o->current_asr) && isfinite(o->current_orr)) {
        int col, row;
        cell_of(k, o->current_orr * 100, o->current_asr * 100, &col, &row);
        canvas_glyph(&k->ch->canvas, col, row, current_marker.filled, current_marker.ascii, CANVAS_STYLE_CURRENT,
                     CANVAS_PRIO_MARKER);
    }
}

/* ---- labels and the key ----------------------------------------------------- */

static void key_add(chart_t *ch, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void key_add(chart_t *ch, const char *fmt, ...)
{
    sb_t sb = SB_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    ch->key = xrealloc(ch->key, (ch->nkey + 1) * sizeof *ch->key);
    ch->key[ch->nkey++] = sb_detach(&sb);
}

/* Labels go inside the plot, right of the y axis and above the x axis. */
static labels_area_t label_area(const ctx_t *k)
{
    labels_area_t a = {&k->ch->canvas, k->L.axis_col + 1, k->L.plot_row, k->L.width, k->L.axis_row};
    return a;
}

/* Names beside the points (render/labels.c); the points numbered instead
 * are listed in the chart's key. */
static void draw_labels(ctx_t *k)
{
    chart_t *ch = k->ch;
    labels_area_t area = label_area(k);
    labels_points_t in = {k->o->points, k->o->frontier, k->o->in_group, ch->point_col, ch->point_row,
                          k->o->selected, k->o->baseline, k->o->no_labels, k->L.plot_w / 3, &k->cells->labels,
                          k->o->scenario ? &k->o->scenario->policy : NULL};
    labels_t lab;
    labels_points(&lab, &area, &in);
    ch->point_number = chart_cache_numbers(k->cache, &lab);
    ch->nnumbered = lab.nnumbered;
    k->number_kinds = lab.kinds;
    /* the key lines move to the chart */
    ch->key = lab.key;
    ch->nkey = lab.nkey;
    lab.key = NULL;
    lab.nkey = 0;
    if (lab.unplaced)
        key_add(ch, "     %zu numbered point%s not labelled on the chart: no free room beside %s", lab.unplaced,
                lab.unplaced == 1 ? "" : "s", lab.unplaced == 1 ? "it" : "them");
    labels_free(&lab);
}

/* "$6,995/day" where each iso-cost line enters the plot, if there is room. */
static void draw_isocost_labels(ctx_t *k)
{
    for (int i = 0; i < k->niso; i++) {
        if (k->iso[i].col < 0)
            continue;
        char money[48], text[64];
        snprintf(text, sizeof text, "%s/day", num_format_money(k->iso[i].cost, money, sizeof money));
        labels_area_t area = label_area(k);
        labels_place(&area, k->iso[i].col, k->iso[i].row, text, CANVAS_STYLE_ISOCOST, false);
    }
}

/* "meets policy" inside the acceptable region, under its top edge, when it
 * fits there without covering anything: says what the dashed box is. */
static void draw_policy_label(ctx_t *k)
{
    if (k->box_right < 0)
        return;
    const char *text = "meets policy";
    int w = (int)strlen(text), row = k->box_top + 1;
    const int cols[] = {k->box_right - 1 - w, k->L.axis_col + 2};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        if (cols[i] <= k->L.axis_col || cols[i] + w > k->box_right)
            continue;
        labels_area_t area = label_area(k);
        if (labels_fit(&area, cols[i], row, w, false)) {
            canvas_text(&k->ch->canvas, cols[i], row, text, CANVAS_STYLE_POLICY, CANVAS_PRIO_LABEL);
            return;
        }
    }
}

static void draw_current_label(ctx_t *k)
{
    if (!k->o->has_current || !isfinite(k->o->current_asr) || !isfinite(k->o->current_orr))
        return;
    int col, row;
    cell_of(k, k->o->current_orr * 100, k->o->current_asr * 100, &col, &row);
    labels_area_t area = label_area(k);
    labels_place(&area, col, row, "current", CANVAS_STYLE_CURRENT, false);
}

/* ---- legend ----------------------------------------------------------------- */

static bool frontier_usable(const chart_opts_t *o)
{
    return o->frontier && o->points && o->frontier->npoints == o->points->len;
}

/* The legend's items; with `all`, also those the chart may come to show
 * (for sizing a steady legend: chart_opts_t.steady_legend). */
static void build_legend(ctx_t *k, legend_t *lg, bool isocost, bool all)
{
    const chart_opts_t *o = k->o;
    bool named_series = k->cache->series.n > 1 || (k->cache->series.n == 1 && k->cache->series.names[0][0]);
    if (named_series) {
        /* markers repeat after eight series: list those eight, count the rest */
        size_t shown = k->cache->series.n > CANVAS_NSERIES ? CANVAS_NSERIES : k->cache->series.n;
        for (size_t j = 0; j < shown; j++) {
            const marker_t *m = &series_markers[j % CANVAS_NSERIES];
            char a[2] = {m->ascii, 0};
            char name[LABELS_NAME_MAX + 4];
            const char *sname = k->cache->series.names[j][0] ? k->cache->series.names[j] : "(no series)";
            snprintf(name, sizeof name, "%s", sname);
            legend_add(lg, m->filled, NULL, NULL, a, CANVAS_STYLE_SERIES(j), name);
        }
        if (k->cache->series.n > shown) {
            char more[64];
            snprintf(more, sizeof more, "(+%zu more series, markers repeat)", k->cache->series.n - shown);
            legend_add(lg, NULL, NULL, NULL, "", CANVAS_STYLE_NONE, more);
        }
    }
    if (k->cache->any_dimmed && !o->ascii)
        legend_add(lg, "○", NULL, NULL, "o", CANVAS_STYLE_DIMMED, "dominated (hollow)");
    if (k->cache->nother)
        legend_add(lg, other_group_marker.filled, NULL, NULL, ".", CANVAS_STYLE_DIMMED, "other groups");
    if (frontier_usable(o) && o->frontier->npareto > 1)
        legend_add(lg, "⠒", "⠒", NULL, "--", CANVAS_STYLE_FRONTIER, "Pareto frontier");
    if (frontier_usable(o) && o->frontier->nhull > 1)
        legend_add(lg, "⠒", " ", "⠒", ": :", CANVAS_STYLE_HULL, "reachable by mixing");
    for (size_t i = 0; i < o->ncurves; i++)
        if (!o->curves[i].dimmed)
            legend_add(lg, "⠒", "⠒", NULL, "--", CANVAS_STYLE_CURVE, o->curves[i].name ? o->curves[i].name : "curve");
    if (o->scenario && policy_has_bounds(&o->scenario->policy)) {
        sb_t sb = SB_INIT;
        sb_printf(&sb, "%s policy: ", o->scenario->policy.key);
        bound_describe(&sb, "ASR", o->scenario->policy.asr);
        sb_puts(&sb, ", ");
        bound_describe(&sb, "ORR", o->scenario->policy.orr);
        legend_add(lg, "┄", "┐", NULL, "=+", CANVAS_STYLE_POLICY, sb_str(&sb));
        sb_free(&sb);
    } else if (all) {
        legend_add(lg, "┄", "┐", NULL, "=+", CANVAS_STYLE_POLICY, "enterprise policy: ASR <= 2.000%, ORR <= 15.000%");
    }
    if (isocost || all)
        legend_add(lg, "⠂", "⠂", NULL, "~~", CANVAS_STYLE_ISOCOST, "equal daily cost");
    if (o->has_current || all)
        legend_add(lg, current_marker.filled, NULL, NULL, "@", CANVAS_STYLE_CURRENT, "current");
    if ((o->baseline >= 0 && o->points && (size_t)o->baseline < o->points->len) || o->has_baseline_at || all)
        legend_add(lg, baseline_marker.filled, NULL, NULL, "B", CANVAS_STYLE_BASELINE, "baseline");
    /* sized for the widest kind: the short form of several is no wider */
    unsigned kinds = all ? LABELS_KIND_MORE : k->number_kinds;
    if (o->numbers_legend && kinds) {
        sb_t sb = SB_INIT;
        sb_puts(&sb, o->numbers_legend);
        sb_puts(&sb, "; ");
        if (!labels_notation(&sb, kinds, true)) {
            sb_reset(&sb);
            sb_puts(&sb, o->numbers_legend);
        }
        legend_add(lg, NULL, NULL, NULL, "", CANVAS_STYLE_LABEL, sb_str(&sb));
        sb_free(&sb);
    }
}

/* ---- putting it together ---------------------------------------------------- */

chart_opts_t chart_default_opts(void)
{
    chart_opts_t o;
    memset(&o, 0, sizeof o);
    o.baseline = -1;
    o.selected = -1;
    o.width = 80;
    o.height = 24;
    return o;
}

/* Decides scales, ticks and the rows and columns of every part. */
static void layout(ctx_t *k, int legend_nrows)
{
    const chart_opts_t *o = k->o;
    chart_t *ch = k->ch;
    layout_t *L = &k->L;
    L->width = ch->canvas.width;
    L->height = ch->canvas.height;
    L->title_row = 0;
    L->plot_row = 1;
    L->plot_h = L->height - 3 - legend_nrows;
    L->axis_row = L->plot_row + L->plot_h - 1;
    L->tick_row = L->axis_row + 1;
    L->xtitle_row = L->tick_row + 1;
    L->legend_row = L->xtitle_row + 1;

    axis_range_t xr, yr;
    chart_cache_ranges(o, k->cache, k->cache != ch->own_cache, &xr, &yr, k->sampled);
    k->data_x = xr;
    k->data_y = yr;
    bool bounds = o->scenario && policy_has_bounds(&o->scenario->policy) && !o->axes_from_data;
    double orr_bound = bounds ? o->scenario->policy.orr.max * 100 : NAN;
    double asr_bound = bounds ? o->scenario->policy.asr.max * 100 : NAN;

    /* y first: its labels' width decides where the plot starts. A log
     * axis' floor takes two rows (one on a short chart), x's three columns. */
    int ydots = L->plot_h * 4;
    axis_room_t yroom = {L->plot_h, false, (L->plot_h >= 10 ? 8 : 4) / (ydots > 1 ? ydots - 1.0 : 1.0)};
    axis_plan(&ch->y, &ch->yticks, &yr, asr_bound, o->yscale, &yroom);
    L->axis_col = axis_ticks_width(&ch->yticks) + 1;
    L->plot_col = L->axis_col;
    L->plot_w = L->width - L->plot_col;
    int xdots = L->plot_w * 2;
    axis_room_t xroom = {L->plot_w, true, 6 / (xdots > 1 ? xdots - 1.0 : 1.0)};
    axis_plan(&ch->x, &ch->xticks, &xr, orr_bound, o->xscale, &xroom);
    k->dx0 = L->plot_col * 2;
    k->dw = xdots;
    k->dy0 = L->plot_row * 4;
    k->dh = ydots;
    ch->plot_col = L->plot_col;
    ch->plot_row = L->plot_row;
    ch->plot_w = L->plot_w;
    ch->plot_h = L->plot_h;
}

/* Everything but the drawing: the canvas, the series, the legend's size
 * and the layout with its axes. Returns the legend's rows (0: no legend);
 * the legend itself is made when the labels are drawn (draw), as it shows
 * only what the chart came to show. */
static int prepare(ctx_t *k, chart_t *ch, const chart_opts_t *o, bool sampled)
{
    memset(ch, 0, sizeof *ch);
    int w = o->width < CHART_MIN_WIDTH ? CHART_MIN_WIDTH : o->width;
    int h = o->height < CHART_MIN_HEIGHT ? CHART_MIN_HEIGHT : o->height;
    canvas_init(&ch->canvas, w, h);
    ch->ascii = o->ascii;
    ch->npoints = o->points ? o->points->len : 0;

    memset(k, 0, sizeof *k);
    k->ch = ch;
    k->o = o;
    k->sampled = sampled;
    k->box_right = -1;
    k->cache = o->cache ? o->cache : (ch->own_cache = chart_cache_new());
    /* The series and dominance are known before drawing, so the legend can
     * be sized now. */
    chart_cache_points(k->cache, o);
    bool isocost = o->scenario && model_costs_set(o->scenario) && ch->npoints > 0;
    k->isocost = isocost;
    int lrows = 0;
    if (!o->no_legend) {
        /* sized as if a number were drawn (the widest kind, build_legend):
         * the labels are not placed yet */
        legend_t lg = LEGEND_INIT;
        k->number_kinds = LABELS_KIND_MORE;
        build_legend(k, &lg, isocost, false);
        k->number_kinds = 0;
        lrows = legend_rows(&lg, w);
        legend_free(&lg);
        if (o->steady_legend) {
            legend_t most = LEGEND_INIT;
            build_legend(k, &most, isocost, true);
            int r = legend_rows(&most, w);
            lrows = r > lrows ? r : lrows;
            legend_free(&most);
        }
        /* The plot keeps at least half the height (and six rows). */
        if (h - 3 - lrows < 6 || h - 3 - lrows < (h - 3) / 2)
            lrows = 0;
    }
    layout(k, lrows);
    return lrows;
}

static void draw(ctx_t *k, int lrows)
{
    chart_t *ch = k->ch;
    draw_axes(k);
    draw_policy(k);
    draw_isocost(k);
    ch->point_col = k->cells->col;
    ch->point_row = k->cells->row;
    for (size_t i = 0; i < k->cells->ncurves; i++)
        draw_curve(k, &k->cells->curves[i], k->o->curves[i].dimmed);
    draw_frontier(k);
    draw_points(k);
    draw_titles(k);
    draw_labels(k);
    draw_current_label(k);
    draw_isocost_labels(k);
    draw_policy_label(k);
    if (lrows > 0) {
        legend_t lg = LEGEND_INIT;
        build_legend(k, &lg, k->isocost, false);
        legend_draw(&k->ch->canvas, &lg, k->L.width, k->L.legend_row);
        legend_free(&lg);
    }

    size_t hidden = k->cache->hidden, nother = k->cache->nother;
    if (hidden)
        key_add(ch, "     %zu point%s not drawn: a rate is unknown", hidden, hidden == 1 ? "" : "s");
    if (k->o->group && nother)
        key_add(ch, "     frontier and hull of group %s; %zu point%s of other groups dimmed (not comparable)",
                k->o->group, nother, nother == 1 ? "" : "s");
}

/* One attempt at the chart; false when a sampled curve range proved wrong
 * (the chart is then half drawn and must be freed). */
static bool render_once(chart_t *ch, const chart_opts_t *o, bool sampled)
{
    ctx_t k;
    int lrows = prepare(&k, ch, o, sampled);
    /* The cells first: a curve may find the layout wrong. */
    k.cells = cache_cells(&k);
    bool ok = k.cells != NULL;
    if (ok)
        draw(&k, lrows);
    return ok;
}

void chart_axes(const chart_opts_t *o, axis_t *x, axis_ticks_t *xticks, axis_t *y, axis_ticks_t *yticks)
{
    chart_t ch;
    ctx_t k;
    prepare(&k, &ch, o, false);
    *x = ch.x;
    *y = ch.y;
    *xticks = ch.xticks;
    *yticks = ch.yticks;
    chart_free(&ch);
}

void chart_render(chart_t *ch, const chart_opts_t *o)
{
    /* A big curve is read once when a sample of it gives its range, which
     * is usual for a smooth sweep; a point outside that range means the
     * sample missed an extreme, and the chart is made again from the exact
     * range: the same picture either way. */
    size_t len = 0;
    for (size_t i = 0; i < o->ncurves; i++)
        len += o->curves[i].len;
    bool sample = len >= CHART_CURVE_SAMPLE_MIN && !o->cache;
    if (sample && render_once(ch, o, true))
        return;
    if (sample)
        chart_free(ch);
    render_once(ch, o, false);
}

void chart_free(chart_t *ch)
{
    canvas_free(&ch->canvas);
    chart_cache_free(ch->own_cache);
    for (size_t i = 0; i < ch->nkey; i++)
        free(ch->key[i]);
    free(ch->key);
    memset(ch, 0, sizeof *ch);
}

static int key_entry_rows(const char *entry, int width)
{
    sb_t t = SB_INIT;
    int n = labels_key_wrap(&t, entry, width);
    sb_free(&t);
    return n;
}

int chart_key_text(const chart_t *ch, sb_t *out, int width, int max_rows)
{
    int rows = 0;
    for (size_t i = 0; i < ch->nkey; i++) {
        int need = key_entry_rows(ch->key[i], width);
        bool last = i + 1 == ch->nkey;
        if (max_rows >= 0 && rows + need + (last ? 0 : 1) > max_rows) {
            if (rows >= max_rows) /* not even a row for the note */
                return rows;
            size_t more = ch->nkey - i;
            char note[160];
            static const char *const forms[] = {"  (%zu more lines of the key: `tradeoff report` lists every point)",
                                                "  (%zu more: see tradeoff report)", "  (+%zu more)"};
            for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
                snprintf(note, sizeof note, forms[f], more);
                if (text_width(note) <= width)
                    break;
            }
            sb_printf(out, "%s\n", note);
            return rows + 1;
        }
        labels_key_wrap(out, ch->key[i], width);
        rows += need;
    }
    return rows;
}

void chart_to_text(const chart_t *ch, sb_t *out, bool ascii)
{
    canvas_to_text(&ch->canvas, out, ascii);
    chart_key_text(ch, out, ch->canvas.width, -1);
}

void chart_text(sb_t *out, const chart_opts_t *o)
{
    chart_t ch;
    chart_render(&ch, o);
    chart_to_text(&ch, out, o->ascii);
    chart_free(&ch);
}

void chart_focus_init(chart_focus_t *cf, const groups_t *g, size_t k)
{
    cf->frontier = groups_view(g, k);
    cf->in_group = groups_mask(g, k);
    cf->index = k;
    cf->ngroups = g->len;
    cf->name = g->len > 1 ? g->items[k].name : NULL;
}

void chart_focus_free(chart_focus_t *cf)
{
    free(cf->in_group);
    cf->in_group = NULL;
}

void chart_focus_apply(const chart_focus_t *cf, chart_opts_t *o)
{
    o->frontier = cf ? &cf->frontier : NULL;
    o->in_group = cf ? cf->in_group : NULL;
    o->group = cf ? cf->name : NULL;
}

chart_opts_t chart_report_opts(const chart_opts_t *base, const pointset_t *set, const scenario_t *s,
                               const chart_focus_t *cf)
{
    chart_opts_t o = chart_default_opts();
    if (base)
        o = *base;
    else
        o.ascii = canvas_locale_wants_ascii();
    o.points = set;
    o.scenario = s;
    chart_focus_apply(cf, &o);
    return o;
}

void chart_report_section(sb_t *out, const pointset_t *set, const scenario_t *s, const chart_focus_t *cf,
                          const chart_opts_t *base)
{
    chart_opts_t o = chart_report_opts(base, set, s, cf);
    sb_puts(out, "Chart (lower left is better)\n");
    chart_text(out, &o);
    sb_putc(out, '\n');
}

/* ---- from cells back to data -------------------------------------------------- */

bool chart_cell_to_data(const chart_t *ch, int col, int row, double *orr_pct, double *asr_pct)
{
    *orr_pct = *asr_pct = NAN;
    if (col < ch->plot_col || col >= ch->plot_col + ch->plot_w || row < ch->plot_row ||
        row >= ch->plot_row + ch->plot_h)
        return false;
    double xd = (col - ch->plot_col) * 2 + 0.5;
    double yd = (ch->plot_row + ch->plot_h - 1 - row) * 4 + 1.5;
    int xdots = ch->plot_w * 2, ydots = ch->plot_h * 4;
    *orr_pct = axis_value(&ch->x, xd / (xdots > 1 ? xdots - 1 : 1));
    *asr_pct = axis_value(&ch->y, yd / (ydots > 1 ? ydots - 1 : 1));
    return true;
}

bool chart_data_to_cell(const chart_t *ch, double orr, double asr, int *col, int *row)
{
    *col = *row = -1;
    if (!isfinite(orr) || !isfinite(asr) || ch->plot_w <= 0)
        return false;
    double fx = axis_share(&ch->x, orr * 100), fy = axis_share(&ch->y, asr * 100);
    if (fx < -1e-9 || fx > 1 + 1e-9 || fy < -1e-9 || fy > 1 + 1e-9)
        return false;
    /* the same arithmetic as cell_of, so a point maps to the cell it was drawn in */
    int dx0 = ch->plot_col * 2, dy0 = ch->plot_row * 4;
    int xdots = ch->plot_w * 2, ydots = ch->plot_h * 4;
    int xd = clamp_int(round_dot(dx0 + fx * (xdots - 1)), dx0, dx0 + xdots - 1);
    int yd = clamp_int(round_dot(dy0 + (ydots - 1) - fy * (ydots - 1)), dy0, dy0 + ydots - 1);
    *col = xd / 2;
    *row = yd / 4;
    return true;
}

long chart_nearest_point(const chart_t *ch, int col, int row, int max_dist)
{
    long best = -1;
    int best_d = max_dist + 1;
    for (size_t i = 0; i < ch->npoints; i++) {
        if (ch->point_col[i] < 0)
            continue;
        int dc = abs(ch->point_col[i] - col), dr = abs(ch->point_row[i] - row) * 2;
        int d = dc > dr ? dc : dr;
        if (d < best_d) {
            best_d = d;
            best = (long)i;
        }
    }
    return best;
}
