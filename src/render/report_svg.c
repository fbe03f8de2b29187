/* report_svg: the chart as a vector image to paste into slides.
 *
 * The same picture as the terminal chart: x = over-refusal rate, y = attack
 * success rate (percent, origin bottom-left, so better is toward the
 * origin), axes with ticks and titles, the policy's acceptable region as a
 * box, the Pareto frontier as a line, the achievable hull dashed, each series
 * in its own colour, dominated points faded, labels beside their points
 * (every point also carries a tooltip), a numbered key for the points not
 * named, and a legend.
 *
 * The axes are the report's chart's (chart_axes, render/axis.h): the same
 * scales (--x-scale, --y-scale), range and tick labels as the text report's
 * chart. Labels are placed by render/labels.h with the chart's rules, on a
 * grid of text cells laid over the plot area: the markers and lines drawn
 * into the grid are what a label must not cover, so placing n labels takes
 * time linear in n. All text is sanitised and escaped, so the file is valid
 * XML whatever the input held. */
#include "config.h"

#include "render/chart.h"
#include "render/labels.h"
#include "render/report.h"
#include "render/series.h"
#include "core/analysis.h"
#include "core/frontier.h"
#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SVG_W 880
#define SVG_MIN_H 640
#define PLOT_X 90   /* plot area: left edge */
#define PLOT_Y 50   /* top edge */
#define PLOT_W 560
#define PLOT_H 460
#define LEGEND_X (PLOT_X + PLOT_W + 30)
#define LEGEND_CHARS 28 /* legend text wraps at this many columns */
#define CAPTION_CHARS 120 /* and the captions under the chart at this many */
#define GROUP_LINE_CHARS 118 /* the line under the heading, in the image's width */
#define LINE_PX 15      /* text lines under the chart */
/* The label grid: cells of 7 x 14.375 pixels over the plot area. Labels and
 * the key use a monospace font of 11 pixels (at most 7 wide), so a label
 * never leaves the cells it was given. */
#define GRID_COLS 80
#define GRID_ROWS 32
#define CELL_W ((double)PLOT_W / GRID_COLS)
#define CELL_H ((double)PLOT_H / GRID_ROWS)
#define KEY_CHARS 116   /* columns of a key line (monospace) under the chart */

static const char *const palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                      "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
#define NPALETTE (sizeof palette / sizeof palette[0])

typedef struct {
    double x, y;
} pt_t;

typedef struct {
    const report_t *r;
    chart_opts_t opts;       /* the report's chart */
    axis_t x, y;
    axis_ticks_t xt, yt;
    analysis_t an;           /* the groups and their frontiers */
    chart_focus_t focus;     /* the group whose frontier and hull are drawn */
    series_index_t series;
    canvas_t grid;           /* what covers each cell of the plot, for labels */
    int *col, *row;          /* per point: its grid cell; -1 when not drawn */
    labels_t labels;
} svg_t;

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

/* `s` cut (with an ellipsis) to `cols` columns, escaped. */
static void xml_escape_cut(sb_t *out, const char *s, int cols)
{
    sb_t cut = SB_INIT;
    text_pad(&cut, s, cols, false);
    while (cut.len > 0 && cut.data[cut.len - 1] == ' ')
        cut.data[--cut.len] = '\0'; /* text_pad pads; trailing blanks mean nothing here */
    xml_escape(out, sb_str(&cut));
    sb_free(&cut);
}

/* ---- positions ----------------------------------------------------------------- */

/* Pixels of rates given as fractions. */
static double px_x(const svg_t *g, double frac) { return PLOT_X + axis_share(&g->x, frac * 100) * PLOT_W; }
static double px_y(const svg_t *g, double frac) { return PLOT_Y + PLOT_H - axis_share(&g->y, frac * 100) * PLOT_H; }


/* Grid cells and dots (2 x 4 per cell) of a pixel position, clamped to the
 * plot; NaN lands on the origin's side. */
static int grid_index(double v, double origin, double size, int n)
{
    double i = (v - origin) / size;
    return !(i >= 0) ? 0 : i >= n ? n - 1 : (int)i;
}

static void cell_of(double x, double y, int *col, int *row)
{
    *col = grid_index(x, PLOT_X, CELL_W, GRID_COLS);
    *row = grid_index(y, PLOT_Y, CELL_H, GRID_ROWS);
}

static void grid_segment(svg_t *g, pt_t a, pt_t b, canvas_prio_t prio)
{
    int x0 = grid_index(a.x, PLOT_X, CELL_W / 2, GRID_COLS * 2), y0 = grid_index(a.y, PLOT_Y, CELL_H / 4, GRID_ROWS * 4);
    int x1 = grid_index(b.x, PLOT_X, CELL_W / 2, GRID_COLS * 2), y1 = grid_index(b.y, PLOT_Y, CELL_H / 4, GRID_ROWS * 4);
    canvas_line(&g->grid, x0, y0, x1, y1, CANVAS_STYLE_NONE, prio, false);
}

/* ---- axes ---------------------------------------------------------------------- */

static void tick_lines(sb_t *out, double pos, bool horizontal)
{
    if (horizontal) {
        sb_printf(out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", pos, PLOT_Y, pos,
                  PLOT_Y + PLOT_H);
        sb_printf(out, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", pos, PLOT_Y + PLOT_H,
                  pos, PLOT_Y + PLOT_H + 5);
    } else {
        sb_printf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", PLOT_X, pos,
                  PLOT_X + PLOT_W, pos);
        sb_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", PLOT_X - 5, pos,
                  PLOT_X, pos);
    }
}

/* Where tick i's label starts and ends along the axis, in pixels from the
 * origin, with a character's gap after it on a horizontal axis. */
static void tick_extent(const axis_t *a, const axis_ticks_t *t, int i, bool horizontal, double *from, double *to)
{
    const double char_px = 6.2, row_px = 14; /* the tick font */
    double along = axis_share(a, t->t[i].v) * (horizontal ? PLOT_W : PLOT_H);
    double half = horizontal ? strlen(t->t[i].label) * char_px / 2 : row_px / 2;
    *from = along - half;
    *to = along + half + (horizontal ? char_px : 0);
}

/* The chart's ticks. A label that would run into the one before it is left
 * out (the chart's own room may be wider than the image's); on a log axis
 * the floor's "0%" gives way to the first decade's label, since the break
 * mark shows where 0 is. */
static void ticks(sb_t *out, const axis_t *a, const axis_ticks_t *t, bool horizontal)
{
    double free_from = -INFINITY, from, to, next_from, next_to;
    for (int i = 0; i < t->n; i++) {
        double s = axis_share(a, t->t[i].v);
        double pos = horizontal ? PLOT_X + s * PLOT_W : PLOT_Y + PLOT_H - s * PLOT_H;
        tick_lines(out, pos, horizontal);
        tick_extent(a, t, i, horizontal, &from, &to);
        if (from < free_from)
            continue;
        if (a->log && t->t[i].v == 0 && i + 1 < t->n) {
            tick_extent(a, t, i + 1, horizontal, &next_from, &next_to);
            if (next_from < to)
                continue;
        }
        free_from = to;
        if (horizontal)
            sb_printf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", pos,
                      PLOT_Y + PLOT_H + 19, t->t[i].label);
        else
            sb_printf(out, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", PLOT_X - 8,
                      pos + 4, t->t[i].label);
    }
    /* A log axis breaks between its floor (0) and its first decade. */
    if (a->log && a->floor > 0) {
        double s = a->floor / 2;
        if (horizontal)
            sb_printf(out, "<text class=\"break\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">&#8776;</text>\n",
                      PLOT_X + s * PLOT_W, PLOT_Y + PLOT_H + 4);
        else
            sb_printf(out, "<text class=\"break\" x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">&#8776;</text>\n",
                      PLOT_X, PLOT_Y + PLOT_H - s * PLOT_H + 4);
    }
}

static void axes(sb_t *out, const svg_t *g)
{
    sb_puts(out, "<g id=\"axes\">\n");
    ticks(out, &g->x, &g->xt, true);
    ticks(out, &g->y, &g->yt, false);
    sb_printf(out, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n", PLOT_X, PLOT_Y, PLOT_W,
              PLOT_H);
    sb_printf(out, "<text class=\"title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">Over-refusal rate (ORR, %% of "
                   "benign prompts refused)%s</text>\n",
              PLOT_X + PLOT_W / 2, PLOT_Y + PLOT_H + 42, g->x.log ? ", log scale" : "");
    sb_printf(out, "<text class=\"title\" transform=\"translate(%d %d) rotate(-90)\" text-anchor=\"middle\">Attack "
                   "success rate (ASR, %% of harmful prompts)%s</text>\n",
              24, PLOT_Y + PLOT_H / 2, g->y.log ? ", log scale" : "");
    sb_puts(out, "</g>\n");
}

/* ---- what the data shows ---------------------------------------------------------- */

static void policy_box(sb_t *out, svg_t *g)
{
    const scenario_t *s = g->r->scenario;
    if (!policy_has_bounds(&s->policy))
        return;
    double ob = s->policy.orr.max, ab = s->policy.asr.max;
    /* A bound below the lowest decade of a log axis cannot be placed. */
    if ((isfinite(ob) && g->x.log && ob * 100 < g->x.lo) || (isfinite(ab) && g->y.log && ab * 100 < g->y.lo))
        return;
    double x1 = isfinite(ob) ? px_x(g, ob) : PLOT_X + PLOT_W, y1 = isfinite(ab) ? px_y(g, ab) : PLOT_Y;
    if (x1 > PLOT_X + PLOT_W)
        x1 = PLOT_X + PLOT_W;
    if (y1 < PLOT_Y)
        y1 = PLOT_Y;
    grid_segment(g, (pt_t){PLOT_X, y1}, (pt_t){x1, y1}, CANVAS_PRIO_SHADE);
    grid_segment(g, (pt_t){x1, y1}, (pt_t){x1, PLOT_Y + PLOT_H}, CANVAS_PRIO_SHADE);
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

/* A line through the points idx[0..n), also drawn into the label grid. With
 * `mixes`, each segment is the set of mixes of its two ends, straight in
 * rate space: on a log axis it is drawn curved, through sampled mixes, so
 * the picture does not promise rates that no mix reaches. */
static void polyline(sb_t *out, svg_t *g, const char *id, const size_t *idx, size_t n, bool mixes,
                     canvas_prio_t prio)
{
    if (n < 2)
        return;
    const pointset_t *set = g->r->points;
    int steps = mixes && (g->x.log || g->y.log) ? 48 : 1;
    sb_printf(out, "<polyline id=\"%s\" class=\"%s\" points=\"", id, id);
    const point_t *p0 = &set->items[idx[0]];
    pt_t prev = {px_x(g, p0->orr), px_y(g, p0->asr)};
    sb_printf(out, "%.1f,%.1f", prev.x, prev.y);
    for (size_t i = 1; i < n; i++) {
        const point_t *p = &set->items[idx[i]], *q = &set->items[idx[i - 1]];
        for (int k = 1; k <= steps; k++) {
            double t = (double)k / steps;
            pt_t cur = {px_x(g, q->orr + t * (p->orr - q->orr)), px_y(g, q->asr + t * (p->asr - q->asr))};
            sb_printf(out, " %.1f,%.1f", cur.x, cur.y);
            grid_segment(g, prev, cur, prio);
            prev = cur;
        }
    }
    sb_puts(out, "\"/>\n");
}

static void comparison_arrow(sb_t *out, svg_t *g)
{
    const point_t *a = g->r->compare_a, *b = g->r->compare_b;
    if (!a || !b || !point_has_rates(a) || !point_has_rates(b))
        return;
    pt_t pa = {px_x(g, a->orr), px_y(g, a->asr)}, pb = {px_x(g, b->orr), px_y(g, b->asr)};
    grid_segment(g, pa, pb, CANVAS_PRIO_LINE);
    sb_printf(out, "<line id=\"comparison\" class=\"arrow\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                   "marker-end=\"url(#arrowhead)\"/>\n",
              pa.x, pa.y, pb.x, pb.y);
}

/* Each drawn point's cell in the grid, its marker written there. */
static void place_markers(svg_t *g)
{
    const pointset_t *set = g->r->points;
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        g->col[i] = g->row[i] = -1;
        if (!point_has_rates(p))
            continue;
        cell_of(px_x(g, p->orr), px_y(g, p->asr), &g->col[i], &g->row[i]);
        canvas_glyph(&g->grid, g->col[i], g->row[i], "o", 'o', CANVAS_STYLE_NONE, CANVAS_PRIO_MARKER);
    }
}

static void point_markers(sb_t *out, const svg_t *g)
{
    const pointset_t *set = g->r->points;
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        if (!point_has_rates(p))
            continue;
        char a[32], b[32];
        double px = px_x(g, p->orr), py = px_y(g, p->asr);
        bool other = !g->focus.in_group[i];
        bool dominated = !other && !g->an.groups.marks[i].pareto_optimal;
        bool compared = p == g->r->compare_a || p == g->r->compare_b;
        sb_printf(out, "<circle class=\"point%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>",
                  other ? " other-group" : dominated ? " dominated" : "", px, py, other ? 2 : compared ? 5 : 4,
                  other ? "#999999" : palette[g->series.of[i] % NPALETTE]);
        xml_escape(out, p->name);
        /* each rate with its counts, and the verdicts left out of them
         * (NUMBERS.md, rules 2 and 6): "ASR 70.90%, 134 of 189 (11
         * unrecognised verdicts left out); ORR 0.00%, 0 of 250" */
        sb_t counts = SB_INIT;
        const policy_t *pol = &g->r->scenario->policy; /* drawn as the box: rates beside its bounds */
        sb_printf(&counts, ": ASR %s, ", num_format_pct_beside(p->asr, pol->asr.max, a, sizeof a));
        point_counts_describe(&counts, p, true, false);
        sb_printf(&counts, "; ORR %s, ", num_format_pct_beside(p->orr, pol->orr.max, b, sizeof b));
        point_counts_describe(&counts, p, false, false);
        xml_escape(out, sb_str(&counts));
        sb_free(&counts);
        sb_puts(out, dominated ? " (dominated)" : "");
        if (other) {
            sb_puts(out, " (group ");
            xml_escape(out, point_group(p));
            sb_puts(out, ": not comparable)");
        }
        sb_puts(out, "</title></circle>\n");
        if (compared)
            sb_printf(out, "<circle class=\"compared\" cx=\"%.1f\" cy=\"%.1f\" r=\"8\"/>\n", px, py);
    }
}

/* The names and key numbers beside the points, at their grid cells. */
static void point_labels(sb_t *out, const svg_t *g)
{
    for (size_t k = 0; k < g->labels.nplaced; k++) {
        const labels_placed_t *l = &g->labels.placed[k];
        sb_printf(out, "<text class=\"label%s\" x=\"%.1f\" y=\"%.1f\">", l->number ? " number" : "",
                  PLOT_X + l->col * CELL_W, PLOT_Y + (l->row + 1) * CELL_H - 3.5);
        xml_escape(out, l->text);
        sb_puts(out, "</text>\n");
    }
}

static void points(sb_t *out, svg_t *g)
{
    labels_area_t area = {&g->grid, 0, 0, GRID_COLS, GRID_ROWS};
    labels_points_t in = {g->r->points, &g->focus.frontier, g->focus.in_group, g->col, g->row, -1, -1,
                          g->opts.no_labels, GRID_COLS / 3, NULL, &g->r->scenario->policy};
    labels_points(&g->labels, &area, &in);
    sb_puts(out, "<g id=\"points\">\n");
    point_markers(out, g);
    point_labels(out, g);
    sb_puts(out, "</g>\n");
}

/* ---- around the chart --------------------------------------------------------------- */

/* Under the heading: the group whose frontier is drawn, when there are
 * several. */
static void group_line(sb_t *out, const svg_t *g)
{
    if (g->focus.ngroups < 2)
        return;
    char head[96];
    const char *tail = " (other groups dimmed: not comparable)";
    snprintf(head, sizeof head, "Frontier and hull of group %zu of %zu: ", g->focus.index + 1, g->focus.ngroups);
    sb_printf(out, "<text class=\"group\" x=\"%d\" y=\"44\">%s", PLOT_X, head);
    /* the name takes what the line leaves within the image */
    xml_escape_cut(out, g->focus.name, GROUP_LINE_CHARS - (int)strlen(head) - (int)strlen(tail));
    sb_printf(out, "%s</text>\n", tail);
}

/* Wrapped lines (each ending in a newline) as text elements of `cls`
 * from y down, a line apart; `preserve` keeps their blanks (monospace: the
 * indent of a wrapped line stays). Returns the y below them. */
static int text_lines(sb_t *out, const char *lines, const char *cls, bool preserve, int y)
{
    for (const char *p = lines; *p; y += LINE_PX) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *one = xstrndup(p, len);
        sb_printf(out, "<text class=\"%s\" x=\"%d\" y=\"%d\"%s>", cls, PLOT_X, y,
                  preserve ? " xml:space=\"preserve\"" : "");
        xml_escape(out, one);
        sb_puts(out, "</text>\n");
        free(one);
        p += len + (nl != NULL);
    }
    return y;
}

/* The comparison's sentence under the chart, wrapped by the program's one
 * word wrapper (text_wrap: columns, not bytes, so a line never ends inside
 * a character); returns the y below it. */
static int caption(sb_t *out, const report_t *r, int y)
{
    if (!r->compare_a || !r->compare_b)
        return y;
    comparison_t c = model_compare(r->scenario, r->compare_a, r->compare_b);
    sb_t sentence = SB_INIT, lines = SB_INIT;
    model_sentence(&sentence, r->scenario, r->compare_a->name, r->compare_b->name, &c);
    char *text = text_sanitize(sb_str(&sentence), sentence.len);
    text_wrap(&lines, text, CAPTION_CHARS, TEXT_WRAP_ALL);
    y = text_lines(out, sb_str(&lines), "caption", false, y);
    free(text);
    sb_free(&sentence);
    sb_free(&lines);
    return y;
}

/* What the groups rest on where the data does not say, wrapped under the
 * chart; returns the y below it. */
static int group_note(sb_t *out, const svg_t *g, int y)
{
    sb_t note = SB_INIT, lines = SB_INIT;
    if (groups_basis_note(&note, &g->an.groups))
        text_wrap(&lines, sb_str(&note), CAPTION_CHARS, TEXT_WRAP_ALL);
    y = text_lines(out, sb_str(&lines), "caption", false, y);
    sb_free(&note);
    sb_free(&lines);
    return y;
}

/* The numbered points' key under the chart, each entry wrapped (nothing
 * of a name is cut); returns the y below it. */
static int key(sb_t *out, const labels_t *l, int y)
{
    if (l->nkey == 0)
        return y;
    sb_printf(out, "<g id=\"key\">\n");
    for (size_t i = 0; i < l->nkey; i++) {
        sb_t lines = SB_INIT;
        labels_key_wrap(&lines, l->key[i], KEY_CHARS);
        y = text_lines(out, sb_str(&lines), "key", true, y);
        sb_free(&lines);
    }
    sb_puts(out, "</g>\n");
    return y;
}

/* A legend entry, its text wrapped within the legend's width (nothing of
 * it is cut); returns the y of the next. */
static int legend_entry(sb_t *out, int y, const char *sample, const char *text)
{
    sb_puts(out, sample);
    char *clean = text_sanitize(text, strlen(text));
    sb_t lines = SB_INIT;
    text_wrap(&lines, clean, LEGEND_CHARS, TEXT_WRAP_ALL);
    int row = 0;
    for (const char *p = sb_str(&lines); *p; row++) {
        const char *nl = strchr(p, '\n');
        char *one = xstrndup(p, (size_t)(nl - p));
        sb_printf(out, "<text class=\"legend\" x=\"%d\" y=\"%d\">", LEGEND_X + 16, y + 4 + row * 14);
        xml_escape(out, one);
        sb_puts(out, "</text>\n");
        free(one);
        p = nl + 1;
    }
    sb_free(&lines);
    free(clean);
    return y + 18 + (row > 1 ? (row - 1) * 14 : 0);
}

static void legend(sb_t *out, const svg_t *g, size_t nunplotted)
{
    const report_t *r = g->r;
    int y = PLOT_Y + 10;
    char sample[256];
    sb_puts(out, "<g id=\"legend\">\n");
    for (size_t i = 0; i < g->series.n && i < 24; i++) {
        snprintf(sample, sizeof sample, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>", LEGEND_X + 5, y,
                 palette[i % NPALETTE]);
        y = legend_entry(out, y, sample, g->series.names[i][0] ? g->series.names[i] : "points");
    }
    if (g->series.n > 24) {
        sb_printf(out, "<text class=\"legend\" x=\"%d\" y=\"%d\">and %zu more series</text>\n", LEGEND_X, y + 4,
                  g->series.n - 24);
        y += 18;
    }
    y += 8;
    snprintf(sample, sizeof sample, "<line class=\"frontier\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEGEND_X, y,
             LEGEND_X + 12, y);
    y = legend_entry(out, y, sample, "Pareto frontier");
    snprintf(sample, sizeof sample, "<line class=\"hull\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEGEND_X, y,
             LEGEND_X + 12, y);
    y = legend_entry(out, y, sample, "achievable by mixing (hull)");
    snprintf(sample, sizeof sample, "<circle class=\"point dominated\" cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#777777\"/>",
             LEGEND_X + 5, y);
    y = legend_entry(out, y, sample, "dominated point");
    if (g->focus.ngroups > 1) {
        snprintf(sample, sizeof sample, "<circle class=\"point other-group\" cx=\"%d\" cy=\"%d\" r=\"2\" "
                                        "fill=\"#999999\"/>",
                 LEGEND_X + 5, y);
        y = legend_entry(out, y, sample, "other groups (not comparable)");
    }
    if (policy_has_bounds(&r->scenario->policy)) {
        snprintf(sample, sizeof sample, "<rect class=\"policy\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>",
                 LEGEND_X, y - 5);
        sb_t name = SB_INIT;
        sb_printf(&name, "%s policy", r->scenario->policy.label);
        y = legend_entry(out, y, sample, sb_str(&name));
        sb_free(&name);
    }
    if (nunplotted) {
        char note[96];
        snprintf(note, sizeof note, "%zu point%s with a rate missing: not drawn", nunplotted,
                 nunplotted == 1 ? "" : "s");
        legend_entry(out, y, "", note);
    }
    sb_puts(out, "</g>\n");
}

static const char style_sheet[] =
    "<style>\n"
    "text { font-family: DejaVu Sans, Helvetica, Arial, sans-serif; font-size: 12px; fill: #222222; }\n"
    ".heading { font-size: 15px; font-weight: bold; }\n"
    ".title { font-size: 13px; }\n"
    ".tick, .break { font-size: 11px; fill: #444444; }\n"
    ".label, .key { font-family: DejaVu Sans Mono, Menlo, Consolas, monospace; font-size: 11px; }\n"
    ".number { fill: #555555; }\n"
    ".legend { font-size: 11px; }\n"
    ".caption { font-size: 12px; font-style: italic; }\n"
    ".grid { stroke: #e4e4e4; stroke-width: 1; }\n"
    ".axis { stroke: #444444; stroke-width: 1; }\n"
    ".frame { fill: none; stroke: #444444; stroke-width: 1; }\n"
    ".policy { fill: #2ca02c; fill-opacity: 0.12; stroke: #2ca02c; stroke-width: 1.5; stroke-dasharray: 6 3; }\n"
    ".frontier { fill: none; stroke: #333333; stroke-width: 1.5; }\n"
    ".hull { fill: none; stroke: #9a9a9a; stroke-width: 3; stroke-dasharray: 6 4; }\n"
    ".point { stroke: #ffffff; stroke-width: 1; }\n"
    ".dominated { fill-opacity: 0.4; }\n"
    ".other-group { fill-opacity: 0.5; stroke: none; }\n"
    ".group { font-size: 12px; fill: #444444; }\n"
    ".compared { fill: none; stroke: #000000; stroke-width: 1.5; }\n"
    ".arrow { stroke: #000000; stroke-width: 1.5; }\n"
    "</style>\n";

/* ---- putting it together -------------------------------------------------------------- */

static void svg_init(svg_t *g, const report_t *r)
{
    memset(g, 0, sizeof *g);
    g->r = r;
    analysis_compute(&g->an, r->points, r->scenario, r->analysis);
    chart_focus_init(&g->focus, &g->an.groups, analysis_focus(&g->an, r->group));
    g->opts = chart_report_opts(r->chart, r->points, r->scenario, &g->focus);
    chart_axes(&g->opts, &g->x, &g->xt, &g->y, &g->yt);
    bool *take = xmalloc((r->points->len + 1) * sizeof *take);
    for (size_t i = 0; i < r->points->len; i++)
        take[i] = point_has_rates(&r->points->items[i]) && g->focus.in_group[i];
    series_index(&g->series, r->points, take);
    free(take);
    canvas_init(&g->grid, GRID_COLS, GRID_ROWS);
    g->col = xmalloc((r->points->len + 1) * sizeof *g->col);
    g->row = xmalloc((r->points->len + 1) * sizeof *g->row);
}

static void svg_free(svg_t *g)
{
    chart_focus_free(&g->focus);
    analysis_free(&g->an);
    series_index_free(&g->series);
    canvas_free(&g->grid);
    free(g->col);
    free(g->row);
    labels_free(&g->labels);
}

/* Everything inside the <svg> element but the preamble; returns the height
 * the image needs. */
static int body(sb_t *out, svg_t *g)
{
    const report_t *r = g->r;
    size_t nunplotted = 0;
    for (size_t i = 0; i < r->points->len; i++)
        nunplotted += !point_has_rates(&r->points->items[i]);
    sb_printf(out, "<text class=\"heading\" x=\"%d\" y=\"28\">", PLOT_X);
    xml_escape(out, r->title);
    report_filtered_clause(out, r->points, xml_escape);
    sb_puts(out, "</text>\n");
    group_line(out, g);
    axes(out, g);
    /* Markers first take their cells, so that no line or label covers them. */
    place_markers(g);
    sb_puts(out, "<g clip-path=\"url(#plot)\">\n");
    policy_box(out, g);
    const frontier_t *f = &g->focus.frontier;
    polyline(out, g, "hull", f->hull, f->nhull, true, CANVAS_PRIO_GRID);
    polyline(out, g, "frontier", f->pareto, f->npareto, false, CANVAS_PRIO_LINE);
    comparison_arrow(out, g);
    points(out, g);
    sb_puts(out, "</g>\n");
    legend(out, g, nunplotted);
    int y = caption(out, r, PLOT_Y + PLOT_H + 62);
    y = group_note(out, g, y);
    y = key(out, &g->labels, y + (y > PLOT_Y + PLOT_H + 62 ? 6 : 0));
    return y + 20 > SVG_MIN_H ? y + 20 : SVG_MIN_H;
}

void report_svg(sb_t *out, const report_t *r)
{
    svg_t g;
    svg_init(&g, r);
    sb_t b = SB_INIT;
    int h = body(&b, &g);
    sb_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
              SVG_W, h, SVG_W, h);
    sb_puts(out, "<title>");
    xml_escape(out, r->title);
    sb_puts(out, "</title>\n");
    sb_puts(out, style_sheet);
    sb_printf(out, "<defs>\n<clipPath id=\"plot\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath>\n"
                   "<marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                   "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>\n</defs>\n",
              PLOT_X - 6, PLOT_Y - 6, PLOT_W + 12, PLOT_H + 12);
    sb_printf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", SVG_W, h);
    sb_putn(out, sb_str(&b), b.len);
    sb_printf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">tradeoff %s</text>\n", SVG_W - 10,
              h - 10, PACKAGE_VERSION);
    sb_puts(out, "</svg>\n");
    sb_free(&b);
    svg_free(&g);
}
