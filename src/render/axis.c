/* axis: scales, ranges and ticks shared by the terminal chart and the SVG. */
#include "config.h"

#include "render/axis.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- ranges ----------------------------------------------------------------- */

axis_range_t axis_range_empty(void)
{
    axis_range_t r = {0, INFINITY, false};
    return r;
}

void axis_range_add(axis_range_t *r, double pct)
{
    if (!isfinite(pct) || pct < 0)
        return;
    r->any = true;
    if (pct > r->max)
        r->max = pct;
    if (pct > 0 && pct < r->min_pos)
        r->min_pos = pct;
}

static bool wants_log(axis_scale_t s, const axis_range_t *r)
{
    if (s == AXIS_LINEAR)
        return false;
    bool possible = r->any && isfinite(r->min_pos) && r->max > 0;
    if (s == AXIS_LOG)
        return possible;
    return possible && r->max / r->min_pos > 100.0;
}

/* A policy bound joins the range when it is near the data: at most twice
 * the largest value, and on a log axis at most a decade below the smallest. */
static void range_add_bound(axis_range_t *r, bool log, double bound_pct)
{
    double b = bound_pct;
    if (!isfinite(b) || b <= 0)
        return;
    if (!r->any) {
        axis_range_add(r, b);
        return;
    }
    if (b <= r->max * 2 && (!log || b >= r->min_pos / 10))
        axis_range_add(r, b);
}

/* ---- ticks -------------------------------------------------------------------- */

static int decimals_for(double step)
{
    int d = (int)ceil(-log10(step) - 1e-9);
    return d < 0 ? 0 : d > 6 ? 6 : d;
}

static void tick_add(axis_ticks_t *t, double v, int decimals)
{
    if (t->n >= AXIS_MAX_TICKS)
        return;
    t->t[t->n].v = v;
    snprintf(t->t[t->n].label, sizeof t->t[0].label, "%.*f%%", v == 0 ? 0 : decimals, v);
    t->n++;
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

static void linear_ticks(axis_t *a, axis_ticks_t *t, double max_pct, int max_intervals, bool headroom)
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
    a->floor = 0;
    int d = decimals_for(step);
    t->n = 0;
    for (int i = 0; t->n < AXIS_MAX_TICKS; i++) {
        double v = i * step;
        if (v > end + step * 1e-6)
            break;
        tick_add(t, v, d);
    }
}

/* Decades from the one at or below `min_pos` to the one at or above
 * `max_pct`, at least one. `max_labels` bounds the labelled ticks (the
 * floor's among them). When the decades are too many, every k-th is
 * labelled, counted from the top, and the axis reaches down to a labelled
 * decade, so that the ticks stand at regular steps (100%, 1%, 0.01%, never
 * 100%, 10%, 0.1%, 0.001%); with `halves`, 2 and 5 times each decade are
 * labelled too when there is room for them. */
static void log_ticks(axis_t *a, axis_ticks_t *t, double min_pos, double max_pct, int max_labels, bool halves)
{
    int e_lo = (int)floor(log10(min_pos) + 1e-9);
    int e_hi = (int)ceil(log10(max_pct) - 1e-9);
    if (e_hi <= e_lo)
        e_hi = e_lo + 1;
    int room = max_labels > 2 ? max_labels - 1 : 1; /* the decades' labels */
    int every = 1, span = e_hi - e_lo;
    while (span > every && (span + every - 1) / every + 1 > room)
        every++;
    e_lo = e_hi - (span + every - 1) / every * every;
    int decades = (e_hi - e_lo) / every + 1;
    a->log = true;
    a->lo = pow(10.0, e_lo);
    a->hi = pow(10.0, e_hi);
    t->n = 0;
    tick_add(t, 0, 0);
    halves = halves && every == 1 && room >= 3 * (decades - 1) + 1;
    static const double mult[] = {1, 2, 5};
    for (int e = e_lo; e <= e_hi && t->n < AXIS_MAX_TICKS; e += every)
        for (int m = 0; m < (halves && e < e_hi ? 3 : 1); m++)
            tick_add(t, mult[m] * pow(10.0, e), e < 0 ? -e : 0);
}

int axis_ticks_width(const axis_ticks_t *t)
{
    int w = 1;
    for (int i = 0; i < t->n; i++) {
        int lw = (int)strlen(t->t[i].label);
        if (lw > w)
            w = lw;
    }
    return w;
}

/* ---- the plan ---------------------------------------------------------------- */

/* Along a vertical axis each label takes a row and keeps the next free;
 * along a horizontal one, labels are about six columns apart, fewer when
 * they are wide (each needs its width and two columns of gap). */
static void plan_vertical(axis_t *a, axis_ticks_t *t, const axis_range_t *r, bool log, int rows)
{
    int max = (rows - 1) / 2;
    if (log)
        log_ticks(a, t, r->min_pos, r->max, max + 1, true);
    else
        linear_ticks(a, t, r->max, max < 1 ? 1 : max, rows >= 12);
}

static void plan_horizontal(axis_t *a, axis_ticks_t *t, const axis_range_t *r, bool log, int cols)
{
    if (log) {
        /* 2 and 5 sit 0.3 decade apart: label them only when a decade
         * spans 24 columns or more. */
        int decades = (int)ceil(log10(r->max) - 1e-9) - (int)floor(log10(r->min_pos) + 1e-9);
        log_ticks(a, t, r->min_pos, r->max, cols / 6, decades > 0 && cols / decades >= 24);
        return;
    }
    for (int max = cols / 6;; max--) {
        linear_ticks(a, t, r->max, max < 1 ? 1 : max, cols >= 40);
        int w = axis_ticks_width(t);
        if ((w + 2) * t->n <= cols + w || max <= 1)
            break;
    }
}

void axis_plan(axis_t *a, axis_ticks_t *t, const axis_range_t *data, double bound_pct, axis_scale_t want,
               const axis_room_t *room)
{
    axis_range_t r = *data;
    bool log = wants_log(want, &r);
    range_add_bound(&r, log, bound_pct);
    if (room->horizontal)
        plan_horizontal(a, t, &r, log, room->cells);
    else
        plan_vertical(a, t, &r, log, room->cells);
    if (a->log)
        a->floor = room->floor;
}

/* ---- positions ----------------------------------------------------------------- */

double axis_share(const axis_t *a, double pct)
{
    if (!a->log)
        return (pct - a->lo) / (a->hi - a->lo);
    if (!(pct > 0) || pct < a->lo)
        return 0.0;
    double f0 = a->floor;
    return f0 + (1.0 - f0) * (log10(pct) - log10(a->lo)) / (log10(a->hi) - log10(a->lo));
}

double axis_value(const axis_t *a, double share)
{
    if (!a->log)
        return a->lo + share * (a->hi - a->lo);
    double f0 = a->floor;
    if (share < f0 * 0.5)
        return 0.0;
    if (share < f0)
        share = f0;
    return pow(10.0, log10(a->lo) + (share - f0) / (1.0 - f0) * (log10(a->hi) - log10(a->lo)));
}
