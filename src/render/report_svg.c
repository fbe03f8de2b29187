/* report_svg: the chart as a vector image to paste into slides.
 *
 * The same picture as the terminal chart: x = over-refusal rate, y = attack
 * success rate (percent, origin bottom-left, so better is toward the
 * origin), axes with ticks and titles, the policy's acceptable region as a
 * box, the Pareto frontier as a line, the achievable hull dashed, each series
 * in its own colour, dominated points faded, labels where they fit (every
 * point also carries a tooltip), and a legend. An axis whose data span more
 * than two decades is logarithmic; a rate of 0 then sits on a marked floor.
 * All text is sanitised and escaped, so the file is valid XML whatever the
 * input held. */
#include "config.h"

#include "core/frontier.h"
#include "base/num.h"
#include "render/report.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SVG_W 880
#define SVG_H 640
#define PLOT_X 90   /* plot area: left edge */
#define PLOT_Y 50   /* top edge */
#define PLOT_W 560
#define PLOT_H 460
#define LEGEND_X (PLOT_X + PLOT_W + 30)
#define FONT_PX 12
#define CHAR_PX 6.8 /* average advance of the label font, for collision boxes */

static const char *const palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                      "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
#define NPALETTE (sizeof palette / sizeof palette[0])

typedef struct {
    bool log;
    double lo, hi;  /* percent; log: lo > 0 and the floor lies half a decade below */
    double floor;   /* log: where 0 is drawn */
} svg_axis_t;

typedef struct {
    double x0, y0, x1, y1;
} box_t;

/* Appends `s` sanitised and escaped for XML text and attribute values. */
static void xml_escape(sb_t *out, const char *s)
{
    char *clean = text_sanitize(s ? s : "", s ? strlen(s) : 0);
    for (const char *p = clean; *p; p++) {
        switch (*p) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        case '\'': sb_puts(out, "&#39;"); break;
        default:
            /* U+FFFE and U+FFFF are not XML characters */
            if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBF &&
                ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF)) {
                sb_puts(out, "\xEF\xBF\xBD");
                p += 2;
            } else {
                sb_putc(out, *p);
            }
        }
    }
    free(clean);
}

/* A "nice" step (1, 2 or 5 times a power of ten) giving about `n` ticks. */
static double nice_step(double span, int n)
{
    double raw = span / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
    /* The slack keeps 2.0000000001 (a rounding error) a 2. */
    return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * mag;
}

/* Chooses the axis for rates (fractions) `v[0..n)` plus `extra` (a policy
 * bound, may be infinite or NAN). */
static svg_axis_t axis_fit(const double *v, size_t n, double extra)
{
    double maxv = 0, minpos = INFINITY;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] * 100;
        if (x > maxv)
            maxv = x;
        if (x > 0 && x < minpos)
            minpos = x;
    }
    svg_axis_t a = {false, 0, 1, 0};
    if (maxv > 0 && isfinite(minpos) && maxv / minpos > 100) {
        a.log = true;
        a.lo = pow(10, floor(log10(minpos)));
        a.hi = pow(10, ceil(log10(maxv)));
        if (a.hi <= a.lo)
            a.hi = a.lo * 10;
        a.floor = a.lo / sqrt(10);
        return a;
    }
    double e = isfinite(extra) ? extra * 100 : 0;
    /* The policy bound joins the range only when it does not squash the data. */
    double top = e > maxv && (e <= 2 * maxv || maxv == 0) ? e : maxv;
    if (top <= 0)
        top = 1;
    double step = nice_step(top * 1.08, 6);
    a.hi = ceil(top * 1.08 / step) * step;
    if (a.hi > 100 && top <= 100)
        a.hi = 100; /* a rate never exceeds 100% */
    return a;
}

/* Position along the axis as a share 0..1 of its length. */
static double svg_axis_share(const svg_axis_t *a, double pct)
{
    if (!a->log)
        return (pct - a->lo) / (a->hi - a->lo);
    double l = pct < a->lo ? a->floor : pct;
    if (l < a->floor)
        l = a->floor;
    return (log10(l) - log10(a->floor)) / (log10(a->hi) - log10(a->floor));
}

static double px_x(const svg_axis_t *a, double frac) { return PLOT_X + svg_axis_share(a, frac * 100) * PLOT_W; }
static double px_y(const svg_axis_t *a, double frac) { return PLOT_Y + PLOT_H - svg_axis_share(a, frac * 100) * PLOT_H; }

static void tick_label(char *buf, size_t n, double pct)
{
    if (pct == 0)
        snprintf(buf, n, "0%%");
    else if (fabs(pct) >= 1)
        snprintf(buf, n, "%.10g%%", pct);
    else
        snprintf(buf, n, "%.3g%%", pct);
}

static void ticks(sb_t *out, const svg_axis_t *a, bool horizontal)
{
    double values[64];
    int n = 0;
    if (a->log) {
        values[n++] = 0; /* the floor */
        for (double d = a->lo; d <= a->hi * 1.0001 && n < 64; d *= 10)
            values[n++] = d;
    } else {
        double step = nice_step(a->hi - a->lo, 6);
        for (double d = a->lo; d <= a->hi + step * 1e-9 && n < 64; d += step)
            values[n++] = fabs(d) < step * 1e-9 ? 0 : d;
    }
    for (int i = 0; i < n; i++) {
        double s = a->log && values[i] == 0 ? 0 : svg_axis_share(a, values[i]);
        char label[32];
        tick_label(label, sizeof label, values[i]);
        if (horizontal) {
            double x = PLOT_X + s * PLOT_W;
            sb_printf(out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", x, PLOT_Y, x,
                      PLOT_Y + PLOT_H);
            sb_printf(out, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", x, PLOT_Y + PLOT_H,
                      x, PLOT_Y + PLOT_H + 5);
            sb_printf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x,
                      PLOT_Y + PLOT_H + 19, label);
        } else {
            double y = PLOT_Y + PLOT_H - s * PLOT_H;
            sb_printf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", PLOT_X, y,
                      PLOT_X + PLOT_W, y);
            sb_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", PLOT_X - 5, y,
                      PLOT_X, y);
            sb_printf(out, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", PLOT_X - 8,
                      y + 4, label);
        }
    }
}

static void axes(sb_t *out, const svg_axis_t *x, const svg_axis_t *y)
{
    sb_puts(out, "<g id=\"axes\">\n");
    ticks(out, x, true);
    ticks(out, y, false);
    sb_printf(out, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n", PLOT_X, PLOT_Y, PLOT_W,
              PLOT_H);
    sb_printf(out, "<text class=\"title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">Over-refusal rate (ORR, %% of "
                   "benign prompts refused)%s</text>\n",
              PLOT_X + PLOT_W / 2, PLOT_Y + PLOT_H + 42, x->log ? ", log scale" : "");
    sb_printf(out, "<text class=\"title\" transform=\"translate(%d %d) rotate(-90)\" text-anchor=\"middle\">Attack "
                   "success rate (ASR, %% of harmful prompts)%s</text>\n",
              24, PLOT_Y + PLOT_H / 2, y->log ? ", log scale" : "");
    sb_puts(out, "</g>\n");
}

static void policy_box(sb_t *out, const scenario_t *s, const svg_axis_t *x, const svg_axis_t *y)
{
    if (!policy_has_bounds(&s->policy))
        return;
    double orr = isfinite(s->policy.orr.max) ? s->policy.orr.max : x->hi / 100;
    double asr = isfinite(s->policy.asr.max) ? s->policy.asr.max : y->hi / 100;
    double x1 = px_x(x, orr), y1 = px_y(y, asr);
    if (x1 > PLOT_X + PLOT_W)
        x1 = PLOT_X + PLOT_W;
    if (y1 < PLOT_Y)
        y1 = PLOT_Y;
    sb_t bounds = SB_INIT;
    bound_describe(&bounds, "ASR", s->policy.asr);
    sb_puts(&bounds, ", ");
    bound_describe(&bounds, "ORR", s->policy.orr);
    sb_printf(out, "<g id=\"policy\">\n<rect class=\"policy\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                   "<title>acceptable region: ",
              PLOT_X, y1, x1 - PLOT_X, PLOT_Y + PLOT_H - y1);
    xml_escape(out, s->policy.label);
    sb_puts(out, " (");
    xml_escape(out, sb_str(&bounds));
    sb_puts(out, ")</title></rect>\n</g>\n");
    sb_free(&bounds);
}

/* A line through the points idx[0..n). With `mixes`, each segment is the
 * set of mixes of its two ends, straight in rate space: on a log axis it is
 * drawn curved, through sampled mixes, so the picture does not promise rates
 * that no mix reaches. */
static void polyline(sb_t *out, const char *id, const char *cls, const pointset_t *set, const size_t *idx, size_t n,
                     bool mixes, const svg_axis_t *x, const svg_axis_t *y)
{
    if (n < 2)
        return;
    int steps = mixes && (x->log || y->log) ? 48 : 1;
    sb_printf(out, "<polyline id=\"%s\" class=\"%s\" points=\"", id, cls);
    for (size_t i = 0; i < n; i++) {
        const point_t *p = &set->items[idx[i]];
        if (i == 0) {
            sb_printf(out, "%.1f,%.1f", px_x(x, p->orr), px_y(y, p->asr));
            continue;
        }
        const point_t *q = &set->items[idx[i - 1]];
        for (int k = 1; k <= steps; k++) {
            double t = (double)k / steps;
            sb_printf(out, " %.1f,%.1f", px_x(x, q->orr + t * (p->orr - q->orr)),
                      px_y(y, q->asr + t * (p->asr - q->asr)));
        }
    }
    sb_puts(out, "\"/>\n");
}

/* Series number of each point: distinct series in order of appearance. */
static size_t *series_numbers(const pointset_t *set, size_t *nseries, const char ***names)
{
    size_t *num = xcalloc(set->len ? set->len : 1, sizeof *num);
    const char **seen = xcalloc(set->len + 1, sizeof *seen);
    size_t n = 0;
    bool has_plain = false;
    size_t plain = 0;
    for (size_t i = 0; i < set->len; i++) {
        const char *s = set->items[i].series;
        if (!s) {
            if (!has_plain)
                plain = n, seen[n++] = NULL, has_plain = true;
            num[i] = plain;
            continue;
        }
        size_t j = 0;
        while (j < n && !(seen[j] && strcmp(seen[j], s) == 0))
            j++;
        if (j == n)
            seen[n++] = s;
        num[i] = j;
    }
    *nseries = n;
    *names = seen;
    return num;
}

static bool overlaps(const box_t *a, const box_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Places a label beside the point at (px,py) where it covers no earlier
 * label or marker; false when no side is free. */
static bool place_label(box_t *placed, size_t nplaced, double px, double py, int width, box_t *out)
{
    const double dx[] = {7, -7 - width, -width / 2.0, -width / 2.0};
    const double dy[] = {-FONT_PX / 2.0, -FONT_PX / 2.0, -FONT_PX - 6, 6};
    for (int k = 0; k < 4; k++) {
        box_t b = {px + dx[k], py + dy[k], px + dx[k] + width, py + dy[k] + FONT_PX};
        if (b.x0 < PLOT_X || b.x1 > PLOT_X + PLOT_W || b.y0 < PLOT_Y || b.y1 > PLOT_Y + PLOT_H)
            continue;
        bool free_spot = true;
        for (size_t i = 0; i < nplaced && free_spot; i++)
            free_spot = !overlaps(&b, &placed[i]);
        if (free_spot) {
            *out = b;
            return true;
        }
    }
    return false;
}

static void points(sb_t *out, const report_t *r, const frontier_t *f, const size_t *snum, const svg_axis_t *x,
                   const svg_axis_t *y)
{
    const pointset_t *set = r->points;
    box_t *placed = xcalloc(2 * set->len + 1, sizeof *placed);
    size_t nplaced = 0;
    /* Markers first take their room, so that no label covers a point. */
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        if (point_has_rates(p)) {
            double px = px_x(x, p->orr), py = px_y(y, p->asr);
            placed[nplaced++] = (box_t){px - 4, py - 4, px + 4, py + 4};
        }
    }
    sb_puts(out, "<g id=\"points\">\n");
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        if (!point_has_rates(p))
            continue;
        char a[32], b[32];
        double px = px_x(x, p->orr), py = px_y(y, p->asr);
        bool dominated = !f->marks[i].pareto_optimal;
        bool compared = p == r->compare_a || p == r->compare_b;
        sb_printf(out, "<circle class=\"point%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>",
                  dominated ? " dominated" : "", px, py, compared ? 6 : 4, palette[snum[i] % NPALETTE]);
        xml_escape(out, p->name);
        sb_printf(out, ": ASR %s, ORR %s%s</title></circle>\n", num_format_pct(p->asr, a, sizeof a),
                  num_format_pct(p->orr, b, sizeof b), dominated ? " (dominated)" : "");
        if (compared)
            sb_printf(out, "<circle class=\"compared\" cx=\"%.1f\" cy=\"%.1f\" r=\"9\"/>\n", px, py);
        box_t lb;
        int width = (int)(text_width(p->name) * CHAR_PX) + 2;
        if (nplaced < 2 * set->len && place_label(placed, nplaced, px, py, width, &lb)) {
            placed[nplaced++] = lb;
            sb_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">", lb.x0, lb.y1 - 2);
            xml_escape(out, p->name);
            sb_puts(out, "</text>\n");
        }
    }
    sb_puts(out, "</g>\n");
    free(placed);
}

static void comparison_arrow(sb_t *out, const report_t *r, const svg_axis_t *x, const svg_axis_t *y)
{
    if (!r->compare_a || !r->compare_b || !point_has_rates(r->compare_a) || !point_has_rates(r->compare_b))
        return;
    sb_printf(out, "<line id=\"comparison\" class=\"arrow\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                   "marker-end=\"url(#arrowhead)\"/>\n",
              px_x(x, r->compare_a->orr), px_y(y, r->compare_a->asr), px_x(x, r->compare_b->orr),
              px_y(y, r->compare_b->asr));
}

/* The comparison's sentence under the chart, wrapped at word boundaries. */
static void caption(sb_t *out, const report_t *r)
{
    if (!r->compare_a || !r->compare_b)
        return;
    comparison_t c = model_compare(r->scenario, r->compare_a, r->compare_b);
    sb_t sentence = SB_INIT;
    model_sentence(&sentence, r->scenario, r->compare_a->name, r->compare_b->name, &c);
    char *text = text_sanitize(sb_str(&sentence), sentence.len);
    const int max_chars = 120;
    int y = PLOT_Y + PLOT_H + 62;
    for (char *line = text; *line && y < SVG_H - 4; y += 15) {
        size_t len = strlen(line);
        if (len > (size_t)max_chars) {
            len = (size_t)max_chars;
            while (len > 0 && line[len] != ' ')
                len--;
            if (len == 0)
                len = (size_t)max_chars;
        }
        char keep = line[len];
        line[len] = '\0';
        sb_printf(out, "<text class=\"caption\" x=\"%d\" y=\"%d\">", PLOT_X, y);
        xml_escape(out, line);
        sb_puts(out, "</text>\n");
        line[len] = keep;
        line += len;
        while (*line == ' ')
            line++;
    }
    free(text);
    sb_free(&sentence);
}

static void legend(sb_t *out, const report_t *r, const char **names, size_t nseries, size_t nunplotted)
{
    int y = PLOT_Y + 10;
    sb_puts(out, "<g id=\"legend\">\n");
    for (size_t i = 0; i < nseries && i < 24; i++, y += 18) {
        sb_printf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>\n<text class=\"legend\" x=\"%d\" y=\"%d\">",
                  LEGEND_X + 5, y, palette[i % NPALETTE], LEGEND_X + 16, y + 4);
        xml_escape(out, names[i] ? names[i] : "points");
        sb_puts(out, "</text>\n");
    }
    if (nseries > 24) {
        sb_printf(out, "<text class=\"legend\" x=\"%d\" y=\"%d\">and %zu more series</text>\n", LEGEND_X, y + 4,
                  nseries - 24);
        y += 18;
    }
    y += 8;
    sb_printf(out, "<line class=\"frontier\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                   "<text class=\"legend\" x=\"%d\" y=\"%d\">Pareto frontier</text>\n",
              LEGEND_X, y, LEGEND_X + 12, y, LEGEND_X + 16, y + 4);
    y += 18;
    sb_printf(out, "<line class=\"hull\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                   "<text class=\"legend\" x=\"%d\" y=\"%d\">achievable by mixing (hull)</text>\n",
              LEGEND_X, y, LEGEND_X + 12, y, LEGEND_X + 16, y + 4);
    y += 18;
    sb_printf(out, "<circle class=\"point dominated\" cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#777777\"/>"
                   "<text class=\"legend\" x=\"%d\" y=\"%d\">dominated point</text>\n",
              LEGEND_X + 5, y, LEGEND_X + 16, y + 4);
    if (policy_has_bounds(&r->scenario->policy)) {
        y += 18;
        sb_printf(out, "<rect class=\"policy\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
                       "<text class=\"legend\" x=\"%d\" y=\"%d\">",
                  LEGEND_X, y - 5, LEGEND_X + 16, y + 4);
        xml_escape(out, r->scenario->policy.label);
        sb_puts(out, " policy</text>\n");
    }
    if (nunplotted) {
        y += 18;
        sb_printf(out, "<text class=\"legend\" x=\"%d\" y=\"%d\">%zu point%s with a rate missing: not drawn</text>\n",
                  LEGEND_X, y + 4, nunplotted, nunplotted == 1 ? "" : "s");
    }
    sb_puts(out, "</g>\n");
}

static const char style_sheet[] =
    "<style>\n"
    "text { font-family: DejaVu Sans, Helvetica, Arial, sans-serif; font-size: 12px; fill: #222222; }\n"
    ".heading { font-size: 15px; font-weight: bold; }\n"
    ".title { font-size: 13px; }\n"
    ".tick { font-size: 11px; fill: #444444; }\n"
    ".label { font-size: 11px; }\n"
    ".caption { font-size: 12px; font-style: italic; }\n"
    ".grid { stroke: #e4e4e4; stroke-width: 1; }\n"
    ".axis { stroke: #444444; stroke-width: 1; }\n"
    ".frame { fill: none; stroke: #444444; stroke-width: 1; }\n"
    ".policy { fill: #2ca02c; fill-opacity: 0.12; stroke: #2ca02c; stroke-width: 1.5; stroke-dasharray: 6 3; }\n"
    ".frontier { fill: none; stroke: #333333; stroke-width: 1.5; }\n"
    ".hull { fill: none; stroke: #9a9a9a; stroke-width: 3; stroke-dasharray: 6 4; }\n"
    ".point { stroke: #ffffff; stroke-width: 1; }\n"
    ".dominated { fill-opacity: 0.4; }\n"
    ".compared { fill: none; stroke: #000000; stroke-width: 1.5; }\n"
    ".arrow { stroke: #000000; stroke-width: 1.5; }\n"
    "</style>\n";

void report_svg(sb_t *out, const report_t *r)
{
    const pointset_t *set = r->points;
    double *asr = xcalloc(set->len + 1, sizeof *asr), *orr = xcalloc(set->len + 1, sizeof *orr);
    size_t n = 0, nunplotted = 0;
    for (size_t i = 0; i < set->len; i++) {
        if (point_has_rates(&set->items[i])) {
            asr[n] = set->items[i].asr;
            orr[n++] = set->items[i].orr;
        } else {
            nunplotted++;
        }
    }
    svg_axis_t x = axis_fit(orr, n, r->scenario->policy.orr.max);
    svg_axis_t y = axis_fit(asr, n, r->scenario->policy.asr.max);
    free(asr);
    free(orr);
    frontier_t f;
    frontier_compute(&f, set, NULL);
    size_t nseries;
    const char **names;
    size_t *snum = series_numbers(set, &nseries, &names);

    sb_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
              SVG_W, SVG_H, SVG_W, SVG_H);
    sb_puts(out, "<title>");
    xml_escape(out, r->title);
    sb_puts(out, "</title>\n");
    sb_puts(out, style_sheet);
    sb_printf(out, "<defs>\n<clipPath id=\"plot\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath>\n"
                   "<marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                   "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>\n</defs>\n",
              PLOT_X - 6, PLOT_Y - 6, PLOT_W + 12, PLOT_H + 12);
    sb_printf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", SVG_W, SVG_H);
    sb_printf(out, "<text class=\"heading\" x=\"%d\" y=\"28\">", PLOT_X);
    xml_escape(out, r->title);
    sb_puts(out, "</text>\n");
    axes(out, &x, &y);
    sb_puts(out, "<g clip-path=\"url(#plot)\">\n");
    policy_box(out, r->scenario, &x, &y);
    polyline(out, "hull", "hull", set, f.hull, f.nhull, true, &x, &y);
    polyline(out, "frontier", "frontier", set, f.pareto, f.npareto, false, &x, &y);
    comparison_arrow(out, r, &x, &y);
    points(out, r, &f, snum, &x, &y);
    sb_puts(out, "</g>\n");
    legend(out, r, names, nseries, nunplotted);
    caption(out, r);
    sb_printf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">tradeoff %s</text>\n",
              SVG_W - 10, SVG_H - 10, PACKAGE_VERSION);
    sb_puts(out, "</svg>\n");
    free(snum);
    free(names);
    frontier_free(&f);
}
