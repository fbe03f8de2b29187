#include "config.h"

#include "render/chart.h"
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
static const marker_t current_marker = {"◎", "◎", '@'};
static const marker_t baseline_marker = {"⊕", "⊕", 'B'};

#define AXIS_ASCII_V '|'
#define AXIS_ASCII_H '-'
#define HULL_ON 3
#define HULL_OFF 3
#define ISOCOST_ON 1
#define ISOCOST_OFF 3
#define ISOCOST_ASCII '~'
#define LABEL_MAX 24 /* longest name written beside its point */
#define CHART_MAX_KEY 99 /* points numbered in the key at most */
/* Curves of this many points or more take their range from a sample,
 * verified while drawing, so they are read once instead of twice. */
#define CURVE_SAMPLE_MIN 65536
#define CURVE_SAMPLE_STRIDE 256
#define MAX_TICKS 32

/* ---- axes ------------------------------------------------------------------- */

typedef struct {
    double v;        /* percent; the floor tick of a log axis has v = 0 */
    char label[24];
} tick_t;

typedef struct {
    tick_t t[MAX_TICKS];
    int n;
} ticks_t;

/* Fraction along the axis (0 at the origin, 1 at the far end) of a rate in
 * percent. On a log axis 0 (and anything below lo) sits on the floor. */
static double axis_frac(const chart_axis_t *a, double pct)
{
    if (!a->log)
        return (pct - a->lo) / (a->hi - a->lo);
    double span = a->dots > 1 ? (double)(a->dots - 1) : 1.0;
    double f0 = a->floor_dots / span;
    if (!(pct > 0) || pct < a->lo)
        return 0.0;
    return f0 + (1.0 - f0) * (log10(pct) - log10(a->lo)) / (log10(a->hi) - log10(a->lo));
}

/* The inverse of axis_frac (values on the floor's gap give 0). */
static double axis_value(const chart_axis_t *a, double frac)
{
    if (!a->log)
        return a->lo + frac * (a->hi - a->lo);
    double span = a->dots > 1 ? (double)(a->dots - 1) : 1.0;
    double f0 = a->floor_dots / span;
    if (frac < f0 * 0.5)
        return 0.0;
    if (frac < f0)
        frac = f0;
    return pow(10.0, log10(a->lo) + (frac - f0) / (1.0 - f0) * (log10(a->hi) - log10(a->lo)));
}

static double axis_dot(const chart_axis_t *a, double pct)
{
    return axis_frac(a, pct) * (a->dots - 1);
}

static int decimals_for(double step)
{
    int d = (int)ceil(-log10(step) - 1e-9);
    return d < 0 ? 0 : d > 6 ? 6 : d;
}

static void format_tick(char *buf, size_t n, double v, int decimals)
{
    snprintf(buf, n, "%.*f%%", v == 0 ? 0 : decimals, v);
}

/* The nice step (1, 2 or 5 times a power of ten) for which at most `max`
 * intervals cover 0..hi, and the rounded-up end. */
static double linear_step(double hi, int max, double *end)
{
    if (max < 1)
        max = 1;
    double step = pow(10.0, floor(log10(hi / max)));
    static const double mult[] = {1, 2, 5, 10};
    for (int k = 0;; k = (k + 1) % 4) {
        double s = step * mult[k];
        double e = ceil(hi / s - 1e-9) * s;
        if (e / s <= max + 1e-9) {
            *end = e;
            return s;
        }
        if (k == 3)
            step *= 10;
    }
}

static void linear_ticks(chart_axis_t *a, ticks_t *tk, double max_pct, int max_intervals, bool headroom)
{
    /* a little headroom, so the highest point is not drawn on the frame
     * (not on small charts, where a whole extra step would squash the data) */
    double hi = max_pct > 0 ? max_pct * (headroom ? 1.04 : 1.0) : 1.0;
    double end;
    double step = linear_step(hi, max_intervals, &end);
    /* Rates end at 100%; no tick beyond it. */
    if (end > 100.0 && max_pct <= 100.0)
        end = ceil(100.0 / step - 1e-9) * step;
    a->log = false;
    a->lo = 0;
    a->hi = end;
    a->floor_dots = 0;
    int d = decimals_for(step);
    tk->n = 0;
    for (int i = 0; tk->n < MAX_TICKS; i++) {
        double v = i * step;
        if (v > end + step * 1e-6)
            break;
        tk->t[tk->n].v = v;
        format_tick(tk->t[tk->n].label, sizeof tk->t[0].label, v, d);
        tk->n++;
    }
}

/* `max_labels` bounds the labelled ticks; with room for more than twice as
 * many as there are decades, 2 and 5 times each decade are labelled too. */
static void log_ticks(chart_axis_t *a, ticks_t *tk, double min_pos, double max_pct, int max_labels,
                      bool allow_halves)
{
    int e_lo = (int)floor(log10(min_pos) + 1e-9);
    int e_hi = (int)ceil(log10(max_pct) - 1e-9);
    if (e_hi <= e_lo)
        e_hi = e_lo + 1;
    a->log = true;
    a->lo = pow(10.0, e_lo);
    a->hi = pow(10.0, e_hi);
    tk->n = 0;
    tk->t[tk->n].v = 0;
    snprintf(tk->t[tk->n].label, sizeof tk->t[0].label, "0%%");
    tk->n++;
    int every = 1;
    int decades = e_hi - e_lo + 1;
    while (decades / every > (max_labels > 1 ? max_labels - 1 : 1))
        every++;
    bool halves = allow_halves && max_labels - 1 >= 3 * (decades - 1) + 1;
    for (int e = e_lo; e <= e_hi && tk->n < MAX_TICKS; e++) {
        if ((e - e_lo) % every != 0 && e != e_hi)
            continue;
        static const double mult[] = {1, 2, 5};
        for (int m = 0; m < (halves && e < e_hi ? 3 : 1) && tk->n < MAX_TICKS; m++) {
            tk->t[tk->n].v = mult[m] * pow(10.0, e);
            format_tick(tk->t[tk->n].label, sizeof tk->t[0].label, tk->t[tk->n].v, e < 0 ? -e : 0);
            tk->n++;
        }
    }
}

/* ---- the data range --------------------------------------------------------- */

typedef struct {
    double max;      /* largest value, percent (0 when none) */
    double min_pos;  /* smallest positive value, percent (INFINITY when none) */
    bool any;
} range_t;

static void range_add(range_t *r, double pct)
{
    if (!isfinite(pct) || pct < 0)
        return;
    r->any = true;
    if (pct > r->max)
        r->max = pct;
    if (pct > 0 && pct < r->min_pos)
        r->min_pos = pct;
}

static bool point_drawable(const chart_opts_t *o, size_t i)
{
    const point_t *p = &o->points->items[i];
    return (!o->include || o->include[i]) && isfinite(p->asr) && isfinite(p->orr);
}

/* range_add over a million points, kept to one tight pass: a point counts
 * only when both its rates are finite and not negative. */
static void curve_range(const double *xs, const double *ys, size_t n, range_t *x, range_t *y)
{
    /* The common case first: every rate finite and not negative. One pass
     * of min/max (branch-free selects); a flag catches NaN and negative
     * values, the maxima catch infinities, and only then does the careful
     * pass run. */
    double xmax = 0, ymax = 0, xpos = INFINITY, ypos = INFINITY;
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        double a = xs[i], b = ys[i];
        xmax = a > xmax ? a : xmax;
        ymax = b > ymax ? b : ymax;
        double pa = a > 0 ? a : INFINITY, pb = b > 0 ? b : INFINITY;
        xpos = pa < xpos ? pa : xpos;
        ypos = pb < ypos ? pb : ypos;
        bad |= !(a >= 0) | !(b >= 0);
    }
    if (bad || !isfinite(xmax) || !isfinite(ymax)) {
        xmax = ymax = 0;
        xpos = ypos = INFINITY;
        bool any = false;
        for (size_t i = 0; i < n; i++) {
            double a = xs[i], b = ys[i];
            if (!(a >= 0 && a <= DBL_MAX && b >= 0 && b <= DBL_MAX))
                continue;
            any = true;
            xmax = a > xmax ? a : xmax;
            ymax = b > ymax ? b : ymax;
            xpos = (a > 0 && a < xpos) ? a : xpos;
            ypos = (b > 0 && b < ypos) ? b : ypos;
        }
        if (!any)
            return;
    }
    range_add(x, xmax * 100);
    range_add(y, ymax * 100);
    if (isfinite(xpos))
        range_add(x, xpos * 100);
    if (isfinite(ypos))
        range_add(y, ypos * 100);
    if (n > 0) {
        x->any = true;
        y->any = true;
    }
}

/* The range of every `stride`-th point of a curve, and of its last: a
 * guess that draw_curve verifies (see there). */
static void curve_range_sampled(const double *xs, const double *ys, size_t n, size_t stride, range_t *x,
                                range_t *y)
{
    for (size_t i = 0; i < n; i = (i + stride < n || i == n - 1) ? i + stride : n - 1) {
        double a = xs[i], b = ys[i];
        if (a >= 0 && a <= DBL_MAX && b >= 0 && b <= DBL_MAX) {
            range_add(x, a * 100);
            range_add(y, b * 100);
        }
        if (i == n - 1)
            break;
    }
}

/* The data's range per axis; with `sampled`, a big curve counts by a
 * sample only (draw_curve then checks every point against it). */
static void data_ranges(const chart_opts_t *o, range_t *x, range_t *y, bool sampled)
{
    *x = (range_t){0, INFINITY, false};
    *y = (range_t){0, INFINITY, false};
    size_t n = o->points ? o->points->len : 0;
    for (size_t i = 0; i < n; i++) {
        if (!point_drawable(o, i))
            continue;
        range_add(x, o->points->items[i].orr * 100);
        range_add(y, o->points->items[i].asr * 100);
    }
    if (o->has_current && isfinite(o->current_asr) && isfinite(o->current_orr)) {
        range_add(x, o->current_orr * 100);
        range_add(y, o->current_asr * 100);
    }
    if (sampled)
        curve_range_sampled(o->curve_orr, o->curve_asr, o->curve_len, CURVE_SAMPLE_STRIDE, x, y);
    else
        curve_range(o->curve_orr, o->curve_asr, o->curve_len, x, y);
}

static bool want_log(chart_scale_t s, const range_t *r)
{
    if (s == CHART_SCALE_LINEAR)
        return false;
    bool possible = r->any && isfinite(r->min_pos) && r->max > 0;
    if (s == CHART_SCALE_LOG)
        return possible;
    return possible && r->max / r->min_pos > 100.0;
}

/* A policy bound joins the range when it is near the data, so the
 * acceptable region shows without squashing the points into a corner. */
static void range_add_bound(range_t *r, bool log, double bound_frac)
{
    double b = bound_frac * 100;
    if (!isfinite(b) || b <= 0)
        return;
    if (!r->any) {
        range_add(r, b);
        return;
    }
    if (b <= r->max * 2 && (!log || b >= r->min_pos / 10))
        range_add(r, b);
}

/* ---- layout ---------------------------------------------------------------- */

typedef struct {
    int width, height;
    int title_row, plot_row, axis_row, tick_row, xtitle_row, legend_row;
    int axis_col, plot_col, plot_w, plot_h;
    ticks_t xt, yt;
} layout_t;

static int ticks_width(const ticks_t *tk)
{
    int w = 1;
    for (int i = 0; i < tk->n; i++) {
        int lw = (int)strlen(tk->t[i].label);
        if (lw > w)
            w = lw;
    }
    return w;
}

/* ---- drawing helpers -------------------------------------------------------- */

typedef struct {
    chart_t *ch;
    const chart_opts_t *o;
    layout_t L;
    /* Plot area in dots. */
    int dx0, dy0, dw, dh;
    /* Per series index, for markers and the legend. */
    char **series_names;
    size_t nseries;
    size_t *series_of; /* per point */
    bool any_dimmed;
    bool sampled;         /* the curve's range is a sample's (CURVE_SAMPLE_MIN) */
    range_t data_x, data_y; /* the data's range that the axes were built on, percent */
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
    return k->dx0 + axis_dot(&k->ch->x, orr_pct);
}

static double dot_y(const ctx_t *k, double asr_pct)
{
    return k->dy0 + (k->dh - 1) - axis_dot(&k->ch->y, asr_pct);
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
    for (int i = 0; i < L->yt.n; i++) {
        const tick_t *t = &L->yt.t[i];
        int row = tick_row(k, t->v);
        if (row != ar)
            canvas_glyph(c, ac, row, "┤", '+', CANVAS_STYLE_AXIS, CANVAS_PRIO_LINE);
        int lw = (int)strlen(t->label);
        if (canvas_cell(c, ac - 2, row)->prio < CANVAS_PRIO_LABEL)
            canvas_text(c, ac - 1 - lw, row, t->label, CANVAS_STYLE_AXIS, CANVAS_PRIO_LABEL);
    }
    /* x ticks and labels, centred under the tick, kept apart by a space */
    int free_from = 0;
    for (int i = 0; i < L->xt.n; i++) {
        const tick_t *t = &L->xt.t[i];
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

static void draw_polyline_idx(ctx_t *k, const size_t *idx, size_t n, canvas_style_t style,
                              canvas_prio_t prio, int on, int off, char ascii)
{
    const pointset_t *set = k->o->points;
    for (size_t i = 0; i + 1 < n; i++) {
        if (idx[i] >= set->len || idx[i + 1] >= set->len)
            continue;
        const point_t *a = &set->items[idx[i]], *b = &set->items[idx[i + 1]];
        plot_segment(k, dot_x(k, a->orr * 100), dot_y(k, a->asr * 100), dot_x(k, b->orr * 100),
                     dot_y(k, b->asr * 100), style, prio, on, off, ascii);
    }
}

static void draw_frontier(ctx_t *k)
{
    const frontier_t *f = k->o->frontier;
    if (!f || !k->o->points || f->npoints != k->o->points->len)
        return;
    /* The hull is drawn under the frontier, so where they agree the solid
     * frontier shows and the dashes appear only where mixing does better. */
    draw_polyline_idx(k, f->hull, f->nhull, CANVAS_STYLE_HULL, CANVAS_PRIO_GRID, HULL_ON, HULL_OFF, ':');
    draw_polyline_idx(k, f->pareto, f->npareto, CANVAS_STYLE_FRONTIER, CANVAS_PRIO_LINE, 1, 0, 0);
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

static curve_map_t curve_map(const chart_axis_t *a, double origin, double sign)
{
    curve_map_t m;
    double span = a->dots - 1;
    m.log = a->log;
    m.lo_frac = a->lo / 100;
    m.floor_dot = origin;
    if (!a->log) {
        /* frac = (100 v - lo) / (hi - lo) */
        m.scale = sign * span * 100 / (a->hi - a->lo);
        m.base = origin - sign * span * a->lo / (a->hi - a->lo);
    } else {
        double f0 = a->floor_dots / (span > 0 ? span : 1);
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
static bool outside_range(const range_t *r, double v)
{
    double pct = v * 100;
    if (!(pct >= 0 && pct <= DBL_MAX))
        return false; /* negative, NaN or infinite: ignored by the range too */
    return !r->any || pct > r->max || (pct > 0 && pct < r->min_pos);
}

/* Narrows a dot's interval to the values that cannot change the range:
 * [smallest positive, largest]. Zeros then take the slow path, which is
 * correct, only slower. */
static void clamp_to_range(const range_t *r, double *lo, double *hi)
{
    double rlo = r->min_pos / 100, rhi = nextafter(r->max / 100, INFINITY);
    if (*lo < rlo)
        *lo = rlo;
    if (*hi > rhi)
        *hi = rhi;
}

/* Draws the curve; false when the sampled range turned out wrong (a point
 * lies outside it), in which case the chart must be laid out again. */
static bool draw_curve(ctx_t *k)
{
    const chart_opts_t *o = k->o;
    if (!o->curve_len || !o->curve_orr || !o->curve_asr)
        return true;
    bool have_prev = false, ok = true;
    double px = 0, py = 0;
    int pdx = 0, pdy = 0;
    log2_table_t *tab = NULL;
    if (k->ch->x.log || k->ch->y.log) {
        tab = xmalloc(sizeof *tab);
        log2_table_init(tab);
    }
    curve_map_t mx = curve_map(&k->ch->x, k->dx0, 1.0);
    curve_map_t my = curve_map(&k->ch->y, k->dy0 + k->dh - 1, -1.0);
    double xlo = 1, xhi = 0, ylo = 1, yhi = 0; /* the current dot's values: none yet */
    for (size_t i = 0; i < o->curve_len; i++) {
        double xo = o->curve_orr[i], ya = o->curve_asr[i];
        if (xo >= xlo && xo < xhi && ya >= ylo && ya < yhi)
            continue; /* same dot as the previous point: the usual case */
        if (!isfinite(xo) || !isfinite(ya)) { /* a gap in the curve */
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
        if (have_prev)
            plot_segment(k, px, py, x, y, CANVAS_STYLE_CURVE, CANVAS_PRIO_LINE, 1, 0, 0);
        else if (ix >= k->dx0 && ix < k->dx0 + k->dw && iy >= k->dy0 && iy < k->dy0 + k->dh)
            canvas_dot(&k->ch->canvas, ix, iy, '.', CANVAS_STYLE_CURVE, CANVAS_PRIO_LINE);
        px = x, py = y, pdx = ix, pdy = iy;
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

/* Lines of equal daily cost through the cheapest point and the current
 * point: every point below a line costs less. */
static double cheapest_cost(const ctx_t *k, double *orr, double *asr)
{
    const scenario_t *s = k->o->scenario;
    double best = INFINITY;
    size_t n = k->o->points ? k->o->points->len : 0;
    for (size_t i = 0; i < n; i++) {
        if (!point_drawable(k->o, i))
            continue;
        const point_t *p = &k->o->points->items[i];
        double cost = model_project_rates(s, p->asr, p->orr).cost;
        if (cost < best) {
            best = cost;
            *orr = p->orr;
            *asr = p->asr;
        }
    }
    return best;
}

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
    double best = cheapest_cost(k, &orr, &asr);
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

/* ---- series ----------------------------------------------------------------- */

static int by_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

typedef struct {
    const char *name;
    size_t idx;
} named_idx_t;

static int by_name_then_index(const void *a, const void *b)
{
    const named_idx_t *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Numbers the series in the order they first appear: sorting by name finds
 * each series' members in O(n log n), however many series there are. */
static void collect_series(ctx_t *k)
{
    size_t n = k->o->points ? k->o->points->len : 0;
    k->series_of = xcalloc(n + 1, sizeof *k->series_of);
    named_idx_t *v = xmalloc((n + 1) * sizeof *v);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (point_drawable(k->o, i)) {
            const char *name = k->o->points->items[i].series;
            v[m++] = (named_idx_t){name ? name : "", i};
        }
    qsort(v, m, sizeof *v, by_name_then_index);
    /* each run of equal names starts with its earliest point; ranking the
     * runs by that point gives the order of first appearance */
    size_t *first = xmalloc((m + 1) * sizeof *first), nruns = 0;
    for (size_t j = 0; j < m; j++)
        if (j == 0 || strcmp(v[j].name, v[j - 1].name) != 0)
            first[nruns++] = v[j].idx;
    size_t *order = xmalloc((nruns + 1) * sizeof *order);
    memcpy(order, first, nruns * sizeof *order);
    qsort(order, nruns, sizeof *order, by_index);
    k->series_names = xmalloc((nruns + 1) * sizeof *k->series_names);
    k->nseries = nruns;
    for (size_t r = 0; r < nruns; r++) {
        const char *name = k->o->points->items[order[r]].series;
        name = name ? name : "";
        k->series_names[r] = text_sanitize(name, strlen(name));
        k->series_of[order[r]] = r; /* the run starting at order[r] is series r */
    }
    size_t run_first = 0;
    for (size_t j = 0; j < m; j++) {
        if (j == 0 || strcmp(v[j].name, v[j - 1].name) != 0)
            run_first = v[j].idx;
        k->series_of[v[j].idx] = k->series_of[run_first];
    }
    free(order);
    free(first);
    free(v);
}

static bool is_dominated(const ctx_t *k, size_t i)
{
    const frontier_t *f = k->o->frontier;
    return f && f->npoints == k->o->points->len && !f->marks[i].pareto_optimal;
}

static void draw_points(ctx_t *k)
{
    chart_t *ch = k->ch;
    size_t n = ch->npoints;
    /* Dominated points first, then the frontier's, so the better point
     * shows when two share a cell; the baseline and selection on top. */
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!point_drawable(k->o, i))
                continue;
            bool dom = is_dominated(k, i);
            bool special = (long)i == k->o->baseline || (long)i == k->o->selected;
            int want = special ? 2 : dom ? 0 : 1;
            if (pass != want)
                continue;
            const point_t *p = &k->o->points->items[i];
            int col, row;
            cell_of(k, p->orr * 100, p->asr * 100, &col, &row);
            ch->point_col[i] = col;
            ch->point_row[i] = row;
            const marker_t *m = &series_markers[k->series_of[i] % CANVAS_NSERIES];
            canvas_style_t style = dom ? CANVAS_STYLE_DIMMED : CANVAS_STYLE_SERIES(k->series_of[i]);
            const char *glyph = dom ? m->hollow : m->filled;
            char ascii = m->ascii;
            if ((long)i == k->o->baseline) {
                glyph = baseline_marker.filled;
                ascii = baseline_marker.ascii;
                style = CANVAS_STYLE_BASELINE;
            }
            if ((long)i == k->o->selected)
                style = CANVAS_STYLE_SELECTED;
            if (dom)
                k->any_dimmed = true;
            canvas_glyph(&ch->canvas, col, row, glyph, ascii, style, CANVAS_PRIO_MARKER);
        }
    }
    if (k->o->has_current && isfinite(k->o->current_asr) && isfinite(k->o->current_orr)) {
        int col, row;
        cell_of(k, k->o->current_orr * 100, k->o->current_asr * 100, &col, &row);
        canvas_glyph(&ch->canvas, col, row, current_marker.filled, current_marker.ascii, CANVAS_STYLE_CURRENT,
                     CANVAS_PRIO_MARKER);
    }
}

/* ---- labels and the key ----------------------------------------------------- */

typedef struct {
    int col, row;
    size_t *members; /* point indices sharing the cell, in set order */
    size_t n;
    int rank;        /* lower is placed first */
} group_t;

static int group_cmp(const void *a, const void *b)
{
    const group_t *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    return x->members[0] < y->members[0] ? -1 : x->members[0] > y->members[0];
}

/* True when `text` fits at (col,row) inside the plot area without covering
 * a line, a marker or a label and without touching another label. */
static bool label_fits(const ctx_t *k, int col, int row, int w, bool crowded)
{
    const canvas_t *c = &k->ch->canvas;
    const layout_t *L = &k->L;
    if (row < L->plot_row || row >= L->axis_row || col <= L->axis_col || col + w > L->width)
        return false;
    if (!canvas_span_free(c, col, row, w, crowded ? CANVAS_PRIO_MARKER : CANVAS_PRIO_LINE))
        return false;
    if (crowded) { /* over lines if need be, but never touching a label */
        const canvas_cell_t *l = col - 1 > L->axis_col ? canvas_cell(c, col - 1, row) : NULL;
        const canvas_cell_t *r = canvas_cell(c, col + w, row);
        return !(l && l->prio >= CANVAS_PRIO_LABEL) && !(r && r->prio >= CANVAS_PRIO_LABEL);
    }
    /* one free cell beside a marker, two beside another label, so that
     * each name reads as belonging to the marker next to it */
    for (int d = 1; d <= 2; d++) {
        canvas_prio_t guard = d == 1 ? CANVAS_PRIO_MARKER : CANVAS_PRIO_LABEL;
        const canvas_cell_t *l = col - d > L->axis_col ? canvas_cell(c, col - d, row) : NULL;
        const canvas_cell_t *r = canvas_cell(c, col + w - 1 + d, row);
        if ((l && l->prio >= guard) || (r && r->prio >= guard))
            return false;
    }
    return true;
}

/* `crowded`: a number that found no free place may cover lines. */
static bool place_label(ctx_t *k, const group_t *g, const char *text, canvas_style_t style, bool crowded)
{
    int w = text_width(text);
    /* right, left, then the rows above and below (starting over the point) */
    const int cand[][2] = {
        {g->col + 2, g->row}, {g->col - 1 - w, g->row}, {g->col - w / 2, g->row - 1},
        {g->col - w / 2, g->row + 1}, {g->col + 1, g->row - 1}, {g->col + 1, g->row + 1},
        {g->col - w, g->row - 1}, {g->col - w, g->row + 1},
    };
    for (size_t i = 0; i < sizeof cand / sizeof cand[0]; i++) {
        if (label_fits(k, cand[i][0], cand[i][1], w, crowded)) {
            canvas_text(&k->ch->canvas, cand[i][0], cand[i][1], text, style, CANVAS_PRIO_LABEL);
            return true;
        }
    }
    return false;
}

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

static int group_rank(const ctx_t *k, const group_t *g)
{
    int rank = 3;
    for (size_t j = 0; j < g->n; j++) {
        long i = (long)g->members[j];
        int r = i == k->o->selected ? 0 : i == k->o->baseline ? 1 : is_dominated(k, (size_t)i) ? 3 : 2;
        if (r < rank)
            rank = r;
    }
    return rank;
}

/* Groups the drawn points by cell (a map from cell to group keeps this
 * linear) and sorts the groups by rank; `cell_group` maps each cell of the
 * canvas to its group afterwards (-1: none). */
static size_t make_groups(ctx_t *k, group_t **out, long **cell_group)
{
    chart_t *ch = k->ch;
    size_t ncells = (size_t)ch->canvas.width * (size_t)ch->canvas.height;
    long *map = xmalloc((ncells + 1) * sizeof *map);
    for (size_t c = 0; c < ncells; c++)
        map[c] = -1;
    group_t *g = xcalloc(ch->npoints + 1, sizeof *g);
    size_t ng = 0;
    for (int pass = 0; pass < 2; pass++) { /* count, then fill */
        for (size_t i = 0; i < ch->npoints; i++) {
            if (ch->point_col[i] < 0)
                continue;
            size_t cell = (size_t)ch->point_row[i] * (size_t)ch->canvas.width + (size_t)ch->point_col[i];
            if (map[cell] < 0) {
                g[ng] = (group_t){ch->point_col[i], ch->point_row[i], NULL, 0, 0};
                map[cell] = (long)ng++;
            }
            group_t *gr = &g[map[cell]];
            if (pass == 0)
                gr->rank++; /* the count, for now */
            else
                gr->members[gr->n++] = i;
        }
        if (pass == 0)
            for (size_t j = 0; j < ng; j++)
                g[j].members = xmalloc((size_t)g[j].rank * sizeof *g[j].members);
    }
    for (size_t j = 0; j < ng; j++)
        g[j].rank = group_rank(k, &g[j]);
    if (ng > 1)
        qsort(g, ng, sizeof *g, group_cmp);
    for (size_t j = 0; j < ng; j++)
        map[(size_t)g[j].row * (size_t)ch->canvas.width + (size_t)g[j].col] = (long)j;
    *cell_group = map;
    *out = g;
    return ng;
}

static void key_line_for(ctx_t *k, int number, size_t i)
{
    const point_t *p = &k->o->points->items[i];
    char a[32], b[32];
    key_add(k->ch, "%3d  %s  (ORR %s, ASR %s)", number, p->name, num_format_pct(p->orr, a, sizeof a),
            num_format_pct(p->asr, b, sizeof b));
}

/* A point's name up to " (" or " [": "Claude-2.1 (as released)" reads as
 * "Claude-2.1" on the chart. Newly allocated. */
static char *short_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 1; name[i]; i++)
        if (name[i] == ' ' && (name[i + 1] == '(' || name[i + 1] == '[')) {
            n = i;
            break;
        }
    return xstrndup(name, n);
}

static int str_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Per point, the label written beside it: the short name when no other
 * drawn point shares it, else the full name. */
static char **label_texts(const ctx_t *k)
{
    size_t n = k->ch->npoints;
    char **lab = xcalloc(n + 1, sizeof *lab);
    char **sorted = xcalloc(n + 1, sizeof *sorted);
    size_t ns = 0;
    for (size_t i = 0; i < n; i++)
        if (k->ch->point_col[i] >= 0) {
            lab[i] = short_name(k->o->points->items[i].name);
            sorted[ns++] = lab[i];
        }
    qsort(sorted, ns, sizeof *sorted, str_ptr_cmp);
    bool *shared = xcalloc(n + 1, sizeof *shared);
    for (size_t i = 0; i < n; i++) {
        if (!lab[i])
            continue;
        char **hit = bsearch(&lab[i], sorted, ns, sizeof *sorted, str_ptr_cmp);
        shared[i] = hit && ((hit > sorted && strcmp(hit[-1], lab[i]) == 0) ||
                            (hit + 1 < sorted + ns && strcmp(hit[1], lab[i]) == 0));
    }
    for (size_t i = 0; i < n; i++)
        if (shared[i]) { /* the full name is unique: names in a set are */
            free(lab[i]);
            lab[i] = xstrdup(k->o->points->items[i].name);
        }
    free(shared);
    free(sorted);
    return lab;
}

static void draw_labels(ctx_t *k)
{
    group_t *g;
    long *cell_group;
    size_t ng = make_groups(k, &g, &cell_group);
    int max_name = k->L.plot_w / 3 < LABEL_MAX ? k->L.plot_w / 3 : LABEL_MAX;
    bool *named = xcalloc(ng + 1, sizeof *named);
    char **lab = label_texts(k);
    /* First pass: names beside single points, most important first. */
    for (size_t j = 0; j < ng; j++) {
        if (g[j].n != 1 || k->o->no_labels)
            continue;
        const char *name = lab[g[j].members[0]];
        if (text_width(name) > max_name)
            continue;
        named[j] = place_label(k, &g[j], name, CANVAS_STYLE_LABEL, false);
    }
    /* Everything else is numbered in the order of the set, unless there
     * are so many that a key would not help anyone. */
    int *number = xcalloc(k->ch->npoints + 1, sizeof *number);
    int next = 1;
    size_t unnamed = 0;
    for (size_t j = 0; j < ng; j++)
        if (!named[j])
            unnamed += g[j].n;
    if (unnamed > CHART_MAX_KEY) {
        key_add(k->ch, "     %zu points not named: too many to number (see `tradeoff report` for the list)",
                unnamed);
        ng = 0; /* nothing more to place; the groups are still freed below */
    }
    for (size_t i = 0; i < k->ch->npoints && unnamed <= CHART_MAX_KEY; i++) {
        if (k->ch->point_col[i] < 0)
            continue;
        size_t j = (size_t)cell_group[(size_t)k->ch->point_row[i] * (size_t)k->ch->canvas.width +
                                     (size_t)k->ch->point_col[i]];
        if (named[j])
            continue;
        number[i] = next++;
        key_line_for(k, number[i], i);
    }
    for (size_t j = 0; j < ng; j++) {
        if (named[j])
            continue;
        char text[32];
        int first = number[g[j].members[0]], last = number[g[j].members[g[j].n - 1]];
        if (g[j].n == 1)
            snprintf(text, sizeof text, "%d", first);
        else if (g[j].n == 2)
            snprintf(text, sizeof text, "%d,%d", first, last);
        else if (last - first + 1 == (int)g[j].n)
            snprintf(text, sizeof text, "%d-%d", first, last);
        else
            snprintf(text, sizeof text, "%d,%d+", first, number[g[j].members[1]]);
        if (!place_label(k, &g[j], text, CANVAS_STYLE_LABEL, false))
            place_label(k, &g[j], text, CANVAS_STYLE_LABEL, true);
    }
    memcpy(k->ch->point_number, number, k->ch->npoints * sizeof *number);
    free(number);
    free(named);
    for (size_t i = 0; i < k->ch->npoints; i++)
        free(lab[i]);
    free(lab);
    for (size_t j = 0; g && g[j].members; j++)
        free(g[j].members);
    free(g);
    free(cell_group);
}

/* "$6,995/day" where each iso-cost line enters the plot, if there is room. */
static void draw_isocost_labels(ctx_t *k)
{
    for (int i = 0; i < k->niso; i++) {
        if (k->iso[i].col < 0)
            continue;
        char money[48], text[64];
        snprintf(text, sizeof text, "%s/day", num_format_money(k->iso[i].cost, money, sizeof money));
        group_t g = {k->iso[i].col, k->iso[i].row, NULL, 0, 0};
        place_label(k, &g, text, CANVAS_STYLE_ISOCOST, false);
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
        if (label_fits(k, cols[i], row, w, false)) {
            canvas_text(&k->ch->canvas, cols[i], row, text, CANVAS_STYLE_POLICY, CANVAS_PRIO_LABEL);
            return;
        }
    }
}

static void draw_current_label(ctx_t *k)
{
    if (!k->o->has_current || !isfinite(k->o->current_asr) || !isfinite(k->o->current_orr))
        return;
    group_t g = {0, 0, NULL, 0, 0};
    cell_of(k, k->o->current_orr * 100, k->o->current_asr * 100, &g.col, &g.row);
    place_label(k, &g, "current", CANVAS_STYLE_CURRENT, false);
}

/* ---- legend ----------------------------------------------------------------- */

typedef struct {
    const char *sample[3]; /* up to three glyphs; NULL ends */
    char ascii[4];
    canvas_style_t style;
    char *text;            /* owned */
} legend_item_t;

typedef struct {
    legend_item_t *items;
    size_t n;
} legend_t;

static void legend_add(legend_t *lg, const char *s0, const char *s1, const char *s2, const char *ascii,
                       canvas_style_t style, const char *text)
{
    lg->items = xrealloc(lg->items, (lg->n + 1) * sizeof *lg->items);
    legend_item_t *it = &lg->items[lg->n++];
    it->sample[0] = s0;
    it->sample[1] = s1;
    it->sample[2] = s2;
    snprintf(it->ascii, sizeof it->ascii, "%s", ascii);
    it->style = style;
    it->text = xstrdup(text);
}

static int legend_item_width(const legend_item_t *it)
{
    int n = 0;
    while (n < 3 && it->sample[n])
        n++;
    return (n ? n + 1 : 0) + text_width(it->text);
}

static bool frontier_usable(const chart_opts_t *o)
{
    return o->frontier && o->points && o->frontier->npoints == o->points->len;
}

static void build_legend(ctx_t *k, legend_t *lg, bool isocost)
{
    const chart_opts_t *o = k->o;
    bool named_series = k->nseries > 1 || (k->nseries == 1 && k->series_names[0][0]);
    if (named_series) {
        /* markers repeat after eight series: list those eight, count the rest */
        size_t shown = k->nseries > CANVAS_NSERIES ? CANVAS_NSERIES : k->nseries;
        for (size_t j = 0; j < shown; j++) {
            const marker_t *m = &series_markers[j % CANVAS_NSERIES];
            char a[2] = {m->ascii, 0};
            char name[LABEL_MAX + 4];
            const char *sname = k->series_names[j][0] ? k->series_names[j] : "(no series)";
            snprintf(name, sizeof name, "%s", sname);
            legend_add(lg, m->filled, NULL, NULL, a, CANVAS_STYLE_SERIES(j), name);
        }
        if (k->nseries > shown) {
            char more[64];
            snprintf(more, sizeof more, "(+%zu more series, markers repeat)", k->nseries - shown);
            legend_add(lg, NULL, NULL, NULL, "", CANVAS_STYLE_NONE, more);
        }
    }
    if (k->any_dimmed && !o->ascii)
        legend_add(lg, "○", NULL, NULL, "o", CANVAS_STYLE_DIMMED, "dominated (hollow)");
    if (frontier_usable(o) && o->frontier->npareto > 1)
        legend_add(lg, "⠒", "⠒", NULL, "--", CANVAS_STYLE_FRONTIER, "Pareto frontier");
    if (frontier_usable(o) && o->frontier->nhull > 1)
        legend_add(lg, "⠒", " ", "⠒", ": :", CANVAS_STYLE_HULL, "reachable by mixing");
    if (o->curve_len)
        legend_add(lg, "⠒", "⠒", NULL, "--", CANVAS_STYLE_CURVE, "curve");
    if (o->scenario && policy_has_bounds(&o->scenario->policy)) {
        sb_t sb = SB_INIT;
        sb_printf(&sb, "%s policy: ", o->scenario->policy.key);
        bound_describe(&sb, "ASR", o->scenario->policy.asr);
        sb_puts(&sb, ", ");
        bound_describe(&sb, "ORR", o->scenario->policy.orr);
        legend_add(lg, "┄", "┐", NULL, "=+", CANVAS_STYLE_POLICY, sb_str(&sb));
        sb_free(&sb);
    }
    if (isocost)
        legend_add(lg, "⠂", "⠂", NULL, "~~", CANVAS_STYLE_ISOCOST, "equal daily cost");
    if (o->has_current)
        legend_add(lg, current_marker.filled, NULL, NULL, "@", CANVAS_STYLE_CURRENT, "current");
    if (o->baseline >= 0 && o->points && (size_t)o->baseline < o->points->len)
        legend_add(lg, baseline_marker.filled, NULL, NULL, "B", CANVAS_STYLE_BASELINE, "baseline");
}

/* Rows the legend takes at `width`, items separated by three spaces. */
static int legend_rows(const legend_t *lg, int width)
{
    int rows = 0, x = 0;
    for (size_t i = 0; i < lg->n; i++) {
        int w = legend_item_width(&lg->items[i]);
        if (w > width)
            w = width;
        if (rows == 0 || x + 3 + w > width) {
            rows++;
            x = w;
        } else {
            x += 3 + w;
        }
    }
    return rows;
}

static void draw_legend(ctx_t *k, const legend_t *lg, int row0)
{
    canvas_t *c = &k->ch->canvas;
    int row = row0 - 1, x = 0;
    bool first = true;
    for (size_t i = 0; i < lg->n; i++) {
        const legend_item_t *it = &lg->items[i];
        int w = legend_item_width(it);
        if (w > k->L.width)
            w = k->L.width;
        if (first || x + 3 + w > k->L.width) {
            row++;
            x = 0;
        } else {
            x += 3;
        }
        first = false;
        int s = 0;
        for (; s < 3 && it->sample[s]; s++) {
            if (strcmp(it->sample[s], " ") != 0)
                canvas_glyph(c, x + s, row, it->sample[s], it->ascii[s] ? it->ascii[s] : ' ', it->style,
                             CANVAS_PRIO_LABEL);
        }
        canvas_text(c, x + (s ? s + 1 : 0), row, it->text, CANVAS_STYLE_NONE, CANVAS_PRIO_LABEL);
        x += w;
    }
}

static void legend_free(legend_t *lg)
{
    for (size_t i = 0; i < lg->n; i++)
        free(lg->items[i].text);
    free(lg->items);
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

    range_t xr, yr;
    data_ranges(o, &xr, &yr, k->sampled);
    k->data_x = xr;
    k->data_y = yr;
    bool xlog = want_log(o->xscale, &xr), ylog = want_log(o->yscale, &yr);
    if (o->scenario && policy_has_bounds(&o->scenario->policy)) {
        range_add_bound(&xr, xlog, o->scenario->policy.orr.max);
        range_add_bound(&yr, ylog, o->scenario->policy.asr.max);
    }

    /* y first: its labels' width decides where the plot starts. */
    ch->y.dots = L->plot_h * 4;
    ch->y.floor_dots = ylog ? (L->plot_h >= 10 ? 8 : 4) : 0;
    int y_max = (L->plot_h - 1) / 2;
    if (ylog)
        log_ticks(&ch->y, &L->yt, yr.min_pos, yr.max, y_max + 1, true);
    else
        linear_ticks(&ch->y, &L->yt, yr.max, y_max < 1 ? 1 : y_max, L->plot_h >= 12);
    L->axis_col = ticks_width(&L->yt) + 1;
    L->plot_col = L->axis_col;
    L->plot_w = L->width - L->plot_col;
    ch->x.dots = L->plot_w * 2;
    ch->x.floor_dots = xlog ? 6 : 0;
    /* x labels need their width and a gap; try wider spacing until they fit */
    if (xlog) {
        /* 2 and 5 sit 0.3 decade apart: label them only when a decade
         * spans 24 columns or more. */
        int decades = (int)ceil(log10(xr.max) - 1e-9) - (int)floor(log10(xr.min_pos) + 1e-9);
        log_ticks(&ch->x, &L->xt, xr.min_pos, xr.max, L->plot_w / 6,
                  decades > 0 && L->plot_w / decades >= 24);
    } else {
        int max = L->plot_w / 6;
        for (;;) {
            linear_ticks(&ch->x, &L->xt, xr.max, max < 1 ? 1 : max, L->plot_w >= 40);
            int need = (ticks_width(&L->xt) + 2) * L->xt.n;
            if (need <= L->plot_w + ticks_width(&L->xt) || max <= 1)
                break;
            max--;
        }
    }
    k->dx0 = L->plot_col * 2;
    k->dw = ch->x.dots;
    k->dy0 = L->plot_row * 4;
    k->dh = ch->y.dots;
    ch->plot_col = L->plot_col;
    ch->plot_row = L->plot_row;
    ch->plot_w = L->plot_w;
    ch->plot_h = L->plot_h;
}

/* One attempt at the chart; false when a sampled curve range proved wrong
 * (the chart is then half drawn and must be freed). */
static bool render_once(chart_t *ch, const chart_opts_t *o, bool sampled)
{
    memset(ch, 0, sizeof *ch);
    int w = o->width < CHART_MIN_WIDTH ? CHART_MIN_WIDTH : o->width;
    int h = o->height < CHART_MIN_HEIGHT ? CHART_MIN_HEIGHT : o->height;
    canvas_init(&ch->canvas, w, h);
    ch->ascii = o->ascii;
    ch->npoints = o->points ? o->points->len : 0;
    ch->point_col = xmalloc((ch->npoints + 1) * sizeof *ch->point_col);
    ch->point_row = xmalloc((ch->npoints + 1) * sizeof *ch->point_row);
    ch->point_number = xcalloc(ch->npoints + 1, sizeof *ch->point_number);
    for (size_t i = 0; i < ch->npoints; i++)
        ch->point_col[i] = ch->point_row[i] = -1;

    ctx_t k;
    memset(&k, 0, sizeof k);
    k.ch = ch;
    k.o = o;
    k.sampled = sampled;
    k.box_right = -1;
    collect_series(&k);
    /* Dominance is known before drawing, so the legend can be sized now. */
    for (size_t i = 0; i < ch->npoints; i++)
        if (point_drawable(o, i) && is_dominated(&k, i))
            k.any_dimmed = true;
    bool isocost = o->scenario && model_costs_set(o->scenario) && ch->npoints > 0;
    legend_t lg = {NULL, 0};
    int lrows = 0;
    if (!o->no_legend) {
        build_legend(&k, &lg, isocost);
        lrows = legend_rows(&lg, w);
        /* The plot keeps at least half the height (and six rows). */
        if (h - 3 - lrows < 6 || h - 3 - lrows < (h - 3) / 2)
            lrows = 0;
    }
    layout(&k, lrows);

    /* The curve first: it may find the layout wrong. Priorities make the
     * order of the other layers irrelevant to it. */
    bool ok = draw_curve(&k);
    if (ok) {
        draw_axes(&k);
        draw_policy(&k);
        draw_isocost(&k);
        draw_frontier(&k);
        draw_points(&k);
        draw_titles(&k);
        draw_labels(&k);
        draw_current_label(&k);
        draw_isocost_labels(&k);
        draw_policy_label(&k);
        if (lrows > 0)
            draw_legend(&k, &lg, k.L.legend_row);

        size_t hidden = 0;
        for (size_t i = 0; i < ch->npoints; i++)
            if ((!o->include || o->include[i]) && !point_drawable(o, i))
                hidden++;
        if (hidden)
            key_add(ch, "     %zu point%s not drawn: a rate is unknown", hidden, hidden == 1 ? "" : "s");
    }

    legend_free(&lg);
    for (size_t j = 0; j < k.nseries; j++)
        free(k.series_names[j]);
    free(k.series_names);
    free(k.series_of);
    return ok;
}

void chart_render(chart_t *ch, const chart_opts_t *o)
{
    /* A big curve is read once when a sample of it gives its range, which
     * is usual for a smooth sweep; a point outside that range means the
     * sample missed an extreme, and the chart is made again from the exact
     * range: the same picture either way. */
    if (o->curve_len >= CURVE_SAMPLE_MIN && render_once(ch, o, true))
        return;
    if (o->curve_len >= CURVE_SAMPLE_MIN)
        chart_free(ch);
    render_once(ch, o, false);
}

void chart_free(chart_t *ch)
{
    canvas_free(&ch->canvas);
    free(ch->point_col);
    free(ch->point_row);
    free(ch->point_number);
    for (size_t i = 0; i < ch->nkey; i++)
        free(ch->key[i]);
    free(ch->key);
    memset(ch, 0, sizeof *ch);
}

void chart_to_text(const chart_t *ch, sb_t *out, bool ascii)
{
    canvas_to_text(&ch->canvas, out, ascii);
    for (size_t i = 0; i < ch->nkey; i++)
        sb_printf(out, "%s\n", ch->key[i]);
}

void chart_text(sb_t *out, const chart_opts_t *o)
{
    chart_t ch;
    chart_render(&ch, o);
    chart_to_text(&ch, out, o->ascii);
    chart_free(&ch);
}

void chart_report_section(sb_t *out, const pointset_t *set, const scenario_t *s, const frontier_t *f,
                          const chart_opts_t *base)
{
    chart_opts_t o = chart_default_opts();
    if (base)
        o = *base;
    else
        o.ascii = canvas_locale_wants_ascii();
    o.points = set;
    o.scenario = s;
    o.frontier = f;
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
    *orr_pct = axis_value(&ch->x, xd / (ch->x.dots > 1 ? ch->x.dots - 1 : 1));
    *asr_pct = axis_value(&ch->y, yd / (ch->y.dots > 1 ? ch->y.dots - 1 : 1));
    return true;
}

bool chart_data_to_cell(const chart_t *ch, double orr, double asr, int *col, int *row)
{
    *col = *row = -1;
    if (!isfinite(orr) || !isfinite(asr) || ch->plot_w <= 0)
        return false;
    double fx = axis_frac(&ch->x, orr * 100), fy = axis_frac(&ch->y, asr * 100);
    if (fx < -1e-9 || fx > 1 + 1e-9 || fy < -1e-9 || fy > 1 + 1e-9)
        return false;
    /* the same arithmetic as cell_of, so a point maps to the cell it was drawn in */
    int dx0 = ch->plot_col * 2, dy0 = ch->plot_row * 4;
    int xd = clamp_int(round_dot(dx0 + fx * (ch->x.dots - 1)), dx0, dx0 + ch->x.dots - 1);
    int yd = clamp_int(round_dot(dy0 + (ch->y.dots - 1) - fy * (ch->y.dots - 1)), dy0, dy0 + ch->y.dots - 1);
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
