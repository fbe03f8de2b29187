/* Unit tests of the canvas (priorities, braille dots, ASCII twins, wide
 * glyphs), of the axis layer the chart and the SVG share, and of the chart
 * (ticks, scales, the floor for 0, and the mapping between cells and data
 * that the explorer's mouse relies on). */
#include "config.h"

#include "render/axis.h"
#include "render/canvas.h"
#include "render/chart.h"
#include "render/labels.h"
#include "base/xalloc.h"
#include "unit.h"
#include "core/frontier.h"
#include "core/model.h"
#include "core/point.h"
#include "core/builtin.h"
#include "base/strbuf.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *render(const canvas_t *c, bool ascii)
{
    sb_t sb = SB_INIT;
    canvas_to_text(c, &sb, ascii);
    return sb_detach(&sb);
}

START_TEST(test_priorities)
{
    canvas_t c;
    canvas_init(&c, 4, 1);
    canvas_glyph(&c, 0, 0, "●", 'o', CANVAS_STYLE_SERIES0, CANVAS_PRIO_MARKER);
    /* a line under a marker leaves it alone; a label covers it */
    canvas_dot(&c, 0, 0, '-', CANVAS_STYLE_FRONTIER, CANVAS_PRIO_LINE);
    ck_assert_str_eq(canvas_cell(&c, 0, 0)->glyph, "●");
    canvas_text(&c, 0, 0, "ab", CANVAS_STYLE_LABEL, CANVAS_PRIO_LABEL);
    ck_assert_str_eq(canvas_cell(&c, 0, 0)->glyph, "a");
    ck_assert_int_eq(canvas_cell(&c, 0, 0)->style, CANVAS_STYLE_LABEL);
    /* a marker cannot cover a label */
    canvas_glyph(&c, 1, 0, "●", 'o', CANVAS_STYLE_SERIES0, CANVAS_PRIO_MARKER);
    ck_assert_str_eq(canvas_cell(&c, 1, 0)->glyph, "b");
    /* a dot never replaces a glyph of equal priority (the axes) */
    canvas_glyph(&c, 2, 0, "│", '|', CANVAS_STYLE_AXIS, CANVAS_PRIO_LINE);
    canvas_dot(&c, 4, 0, '-', CANVAS_STYLE_FRONTIER, CANVAS_PRIO_LINE);
    ck_assert_str_eq(canvas_cell(&c, 2, 0)->glyph, "│");
    /* off-canvas writes are ignored */
    canvas_dot(&c, -1, 0, '.', CANVAS_STYLE_CURVE, CANVAS_PRIO_LABEL);
    canvas_dot(&c, 8, 0, '.', CANVAS_STYLE_CURVE, CANVAS_PRIO_LABEL);
    ck_assert_ptr_null(canvas_cell(&c, 4, 0));
    canvas_free(&c);
}
END_TEST

START_TEST(test_braille_dots)
{
    canvas_t c;
    canvas_init(&c, 3, 1);
    /* dots 1 and 8: top left and bottom right of the first cell */
    canvas_dot(&c, 0, 0, '.', CANVAS_STYLE_CURVE, CANVAS_PRIO_LINE);
    canvas_dot(&c, 1, 3, '.', CANVAS_STYLE_CURVE, CANVAS_PRIO_LINE);
    ck_assert_int_eq(canvas_cell(&c, 0, 0)->dots, 0x81);
    char *u = render(&c, false);
    ck_assert_str_eq(u, "\xe2\xa2\x81\n"); /* U+2881, trailing blanks trimmed */
    free(u);
    /* a higher priority replaces the pattern rather than adding to it */
    canvas_dot(&c, 0, 1, '|', CANVAS_STYLE_FRONTIER, CANVAS_PRIO_MARKER);
    ck_assert_int_eq(canvas_cell(&c, 0, 0)->dots, 0x02);
    char *a = render(&c, true);
    ck_assert_str_eq(a, "|\n");
    free(a);
    canvas_free(&c);
}
END_TEST

START_TEST(test_empty_is_space)
{
    canvas_t c;
    canvas_init(&c, 5, 2);
    canvas_glyph(&c, 4, 1, "●", 'o', CANVAS_STYLE_SERIES0, CANVAS_PRIO_MARKER);
    char *u = render(&c, false);
    ck_assert_str_eq(u, "\n    ●\n");
    ck_assert_ptr_null(strstr(u, "\xe2\xa0\x80")); /* never U+2800 */
    free(u);
    char *a = render(&c, true);
    ck_assert_str_eq(a, "\n    o\n");
    free(a);
    canvas_free(&c);
}
END_TEST

START_TEST(test_lines_ascii)
{
    canvas_t c;
    canvas_init(&c, 10, 3);
    canvas_line(&c, 0, 1, 19, 1, CANVAS_STYLE_FRONTIER, CANVAS_PRIO_LINE, false);
    canvas_line(&c, 0, 11, 5, 6, CANVAS_STYLE_HULL, CANVAS_PRIO_LINE, false);
    char *a = render(&c, true);
    ck_assert_str_eq(a, "----------\n  /\n//\n");
    free(a);
    canvas_free(&c);
    canvas_init(&c, 10, 1);
    canvas_line(&c, 0, 0, 19, 0, CANVAS_STYLE_HULL, CANVAS_PRIO_LINE, true);
    a = render(&c, true);
    ck_assert_ptr_nonnull(strchr(a, ':'));
    ck_assert_ptr_nonnull(strchr(a, ' ')); /* dashed: some cells stay empty */
    free(a);
    canvas_free(&c);
}
END_TEST

START_TEST(test_wide_text)
{
    canvas_t c;
    canvas_init(&c, 6, 1);
    int w = canvas_text(&c, 0, 0, "a漢b", CANVAS_STYLE_LABEL, CANVAS_PRIO_LABEL);
    ck_assert_int_eq(w, 4);
    ck_assert(canvas_cell(&c, 2, 0)->cont);
    char *u = render(&c, false);
    ck_assert_str_eq(u, "a漢b\n");
    free(u);
    char *a = render(&c, true);
    ck_assert_str_eq(a, "a??b\n"); /* same columns in ASCII */
    free(a);
    /* covering half a wide glyph removes the whole glyph */
    canvas_glyph(&c, 2, 0, "x", 'x', CANVAS_STYLE_LABEL, CANVAS_PRIO_LABEL);
    a = render(&c, true);
    ck_assert_str_eq(a, "a xb\n");
    free(a);
    /* clipped at the edge */
    ck_assert_int_eq(canvas_text(&c, 4, 0, "long", CANVAS_STYLE_LABEL, CANVAS_PRIO_LABEL), 2);
    canvas_free(&c);
}
END_TEST

START_TEST(test_locale_choice)
{
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
    ck_assert(canvas_locale_wants_ascii());
    /* a UTF-8 locale, where the system has one */
    if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8") || setlocale(LC_ALL, "en_US.UTF-8"))
        ck_assert(!canvas_locale_wants_ascii());
    setlocale(LC_ALL, "C");
}
END_TEST

static void add(pointset_t *set, const char *name, double orr_pct, double asr_pct)
{
    point_t p = point_make(name);
    p.orr = orr_pct / 100;
    p.asr = asr_pct / 100;
    pointset_add(set, p);
}

static char *chart_of(const pointset_t *set, int w, int h, chart_t *keep)
{
    chart_opts_t o = chart_default_opts();
    o.points = set;
    o.width = w;
    o.height = h;
    o.ascii = true;
    chart_t ch;
    chart_render(&ch, &o);
    sb_t sb = SB_INIT;
    chart_to_text(&ch, &sb, true);
    if (keep)
        *keep = ch;
    else
        chart_free(&ch);
    return sb_detach(&sb);
}

START_TEST(test_linear_ticks)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "a", 2, 1);
    add(&set, "b", 8, 0.1);
    chart_t ch;
    char *t = chart_of(&set, 80, 24, &ch);
    ck_assert(!ch.x.log && !ch.y.log);
    /* from 0, just past the data (headroom for the highest point) */
    ck_assert(ch.x.lo == 0 && ch.x.hi > 8 && ch.x.hi <= 10);
    ck_assert(ch.y.lo == 0 && ch.y.hi > 1.0 && ch.y.hi <= 1.25);
    ck_assert_ptr_nonnull(strstr(t, "0.2%")); /* steps of 0.2 or 0.1 */
    ck_assert_ptr_nonnull(strstr(t, "8%"));
    ck_assert_ptr_null(strstr(t, "0.0%")); /* zero is written 0% */
    ck_assert_ptr_nonnull(strstr(t, "ORR: over-refusal rate (%)"));
    ck_assert_ptr_nonnull(strstr(t, "ASR: attack success rate (%)"));
    free(t);
    chart_free(&ch);
    pointset_free(&set);
}
END_TEST

START_TEST(test_log_scale_and_floor)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "open", 1, 40);
    add(&set, "strict", 60, 0.01);
    add(&set, "zero", 30, 0); /* a 0 sits on the floor and is still drawn */
    chart_t ch;
    char *t = chart_of(&set, 80, 24, &ch);
    ck_assert(ch.y.log);
    ck_assert(!ch.x.log); /* 1..60: under two decades */
    ck_assert(fabs(ch.y.lo - 0.01) < 1e-12 && fabs(ch.y.hi - 100) < 1e-9);
    ck_assert_ptr_nonnull(strstr(t, "log scale"));
    ck_assert_int_ge(ch.point_row[2], 0);
    /* the zero point is on the axis row, the bottom of the plot */
    ck_assert_int_eq(ch.point_row[2], ch.plot_row + ch.plot_h - 1);
    ck_assert_int_lt(ch.point_row[1], ch.point_row[2]);
    free(t);
    chart_free(&ch);
    pointset_free(&set);
}
END_TEST

START_TEST(test_forced_scales)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "a", 1, 40);
    add(&set, "b", 60, 0.01);
    chart_opts_t o = chart_default_opts();
    o.points = &set;
    o.yscale = CHART_SCALE_LINEAR;
    o.xscale = CHART_SCALE_LOG;
    chart_t ch;
    chart_render(&ch, &o);
    ck_assert(!ch.y.log && ch.x.log);
    chart_free(&ch);
    pointset_free(&set);
}
END_TEST

START_TEST(test_cells_and_data)
{
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    chart_t ch;
    char *t = chart_of(&set, 100, 30, &ch);
    for (size_t i = 0; i < set.len; i++) {
        int col, row;
        ck_assert(chart_data_to_cell(&ch, set.items[i].orr, set.items[i].asr, &col, &row));
        ck_assert_int_eq(col, ch.point_col[i]);
        ck_assert_int_eq(row, ch.point_row[i]);
        double orr, asr;
        ck_assert(chart_cell_to_data(&ch, col, row, &orr, &asr));
        /* within one cell of the point: 8% over ~94 columns, 1% over ~22 rows */
        ck_assert_msg(fabs(orr - set.items[i].orr * 100) < 0.1, "orr %g vs %g", orr, set.items[i].orr * 100);
        ck_assert_msg(fabs(asr - set.items[i].asr * 100) < 0.06, "asr %g vs %g", asr, set.items[i].asr * 100);
        long near = chart_nearest_point(&ch, col, row, 0);
        ck_assert_int_ge(near, 0);
        ck_assert_int_eq(ch.point_col[near], col);
    }
    double orr, asr;
    ck_assert(!chart_cell_to_data(&ch, 0, 0, &orr, &asr)); /* the title */
    ck_assert_int_eq(chart_nearest_point(&ch, ch.plot_col + ch.plot_w - 1, ch.plot_row, 1), -1);
    free(t);
    chart_free(&ch);
    pointset_free(&set);
}
END_TEST

START_TEST(test_key_numbers)
{
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    chart_opts_t o = chart_default_opts();
    o.points = &set;
    o.no_labels = true; /* every point numbered, in the order of the set */
    chart_t ch;
    chart_render(&ch, &o);
    /* a line saying what the numbers are, then one line per point */
    ck_assert_uint_eq(ch.nkey, set.len + 1);
    /* the builtin's numbers: "4,5" and "6,8" share cells, nothing more */
    ck_assert_str_eq(ch.key[0], "  #  on the chart: N,M two in one place");
    for (size_t i = 0; i < set.len; i++) {
        ck_assert_int_eq(ch.point_number[i], (int)i + 1);
        char want[64];
        snprintf(want, sizeof want, "%3d  %s  (", (int)i + 1, set.items[i].name);
        ck_assert_msg(strncmp(ch.key[i + 1], want, strlen(want)) == 0, "key %s, want %s", ch.key[i + 1], want);
    }
    chart_free(&ch);
    o.no_labels = false;
    o.width = 160;
    o.height = 50; /* room for every name: nothing numbered */
    chart_render(&ch, &o);
    for (size_t i = 0; i < set.len; i++)
        if (ch.point_number[i] == 0)
            ck_assert_int_ge(ch.point_col[i], 0);
    chart_free(&ch);
    pointset_free(&set);
}
END_TEST

/* Counts the cells of a style inside the plot area. */
static int cells_of_style(const chart_t *ch, canvas_style_t style)
{
    int n = 0;
    for (int r = ch->plot_row; r < ch->plot_row + ch->plot_h; r++)
        for (int c = ch->plot_col; c < ch->plot_col + ch->plot_w; c++)
            n += canvas_cell(&ch->canvas, c, r)->style == style;
    return n;
}

START_TEST(test_curve)
{
    enum { N = 20001 };
    static double orr[N], asr[N];
    for (int i = 0; i < N; i++) {
        double t = (double)i / (N - 1);
        orr[i] = 0.01 + 0.59 * t; /* off the axis column, where the axis wins */
        asr[i] = 0.4 * (1 - t) * (1 - t); /* reaches 0: the floor of a log axis */
    }
    orr[N / 2] = NAN; /* a gap */
    chart_opts_t o = chart_default_opts();
    chart_curve_t cv = {orr, asr, (size_t)(N), NULL, false};
    o.curves = &cv;
    o.ncurves = 1;
    for (int log = 0; log < 2; log++) {
        o.yscale = log ? CHART_SCALE_LOG : CHART_SCALE_LINEAR;
        chart_t ch;
        chart_render(&ch, &o);
        ck_assert(ch.y.log == (log == 1));
        /* the curve covers the data range: 0..60% ORR, 0..40% ASR */
        ck_assert(ch.x.hi >= 60 && ch.y.hi >= 40);
        /* both ends are drawn: top-left and, at ASR 0, the bottom row */
        int c0, r0, c1, r1;
        ck_assert(chart_data_to_cell(&ch, orr[0], asr[0], &c0, &r0));
        ck_assert(chart_data_to_cell(&ch, orr[N - 1], asr[N - 1], &c1, &r1));
        /* a monotone curve touches at least one cell per column it spans
         * (less the bottom row's, where the axis wins, and the gap's) */
        int n = cells_of_style(&ch, CANVAS_STYLE_CURVE);
        ck_assert_int_ge(n, c1 - c0 - 4);
        ck_assert_int_eq(canvas_cell(&ch.canvas, c0, r0)->style, CANVAS_STYLE_CURVE);
        ck_assert_int_eq(r1, ch.plot_row + ch.plot_h - 1);
        chart_free(&ch);
    }
}
END_TEST

static char *curve_text(const double *orr, const double *asr, size_t n, chart_t *keep)
{
    chart_opts_t o = chart_default_opts();
    chart_curve_t cv = {orr, asr, (size_t)(n), NULL, false};
    o.curves = &cv;
    o.ncurves = 1;
    o.ascii = true;
    chart_t ch;
    chart_render(&ch, &o);
    sb_t sb = SB_INIT;
    chart_to_text(&ch, &sb, true);
    if (keep)
        *keep = ch;
    else
        chart_free(&ch);
    return sb_detach(&sb);
}

/* Big curves take their range from a sample and check it while drawing:
 * the picture must be the one the exact range gives, and an extreme the
 * sample misses must still count. */
START_TEST(test_big_curve_sampling)
{
    enum { N = 65536 }; /* the size from which a sample is used */
    double *orr = malloc((N + 1) * sizeof *orr), *asr = malloc((N + 1) * sizeof *asr);
    for (int i = 0; i < N; i++) {
        double t = (double)i / (N - 2);
        orr[i] = 0.02 + 0.5 * t;
        asr[i] = 0.001 + 0.3 * (1 - t) * (1 - t) * (1 - t);
    }
    orr[N - 1] = orr[N - 2];
    asr[N - 1] = asr[N - 2]; /* a repeated last point changes nothing */
    char *exact = curve_text(orr, asr, N - 1, NULL);  /* below the size: exact */
    char *sampled = curve_text(orr, asr, N, NULL);    /* sampled */
    ck_assert_str_eq(sampled, exact);
    free(exact);
    free(sampled);
    /* a spike between two sampled points, and a smaller positive minimum */
    asr[1001] = 0.9;
    orr[3001] = 0.0001;
    chart_t ch;
    char *t = curve_text(orr, asr, N, &ch);
    ck_assert(ch.y.hi >= 90);
    ck_assert(ch.x.log); /* 0.01% .. 52%: over two decades */
    free(t);
    chart_free(&ch);
    free(orr);
    free(asr);
}
END_TEST

START_TEST(test_degenerate_inputs)
{
    /* nothing at all, one point, all at zero, unknown rates, tiny sizes */
    pointset_t set = POINTSET_INIT;
    char *t = chart_of(&set, 5, 2, NULL);
    ck_assert_ptr_nonnull(strstr(t, "0%"));
    free(t);
    add(&set, "zero", 0, 0);
    t = chart_of(&set, 20, 8, NULL);
    ck_assert_ptr_nonnull(strstr(t, "o"));
    free(t);
    point_t p = point_make("unknown");
    pointset_add(&set, p);
    chart_t ch;
    t = chart_of(&set, 20, 8, &ch);
    ck_assert_int_eq(ch.point_col[1], -1);
    /* the note, wrapped to the chart's 20 columns */
    ck_assert_ptr_nonnull(strstr(t, "1 point not"));
    ck_assert_ptr_nonnull(strstr(t, "unknown"));
    free(t);
    chart_free(&ch);
    pointset_free(&set);
}
END_TEST

/* The options of a chart of `set` with its frontier (computed into `f`)
 * and the scenario `s` (set to the default). */
static chart_opts_t frontier_opts(const pointset_t *set, frontier_t *f, scenario_t *s)
{
    frontier_compute(f, set, NULL);
    *s = model_default_scenario();
    chart_opts_t o = chart_default_opts();
    o.points = set;
    o.frontier = f;
    o.scenario = s;
    return o;
}

START_TEST(test_frontier_and_policy)
{
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    frontier_t f;
    scenario_t s;
    chart_opts_t o = frontier_opts(&set, &f, &s);
    o.ascii = true;
    o.has_current = true;
    o.current_asr = 0.0025;
    o.current_orr = 0.05;
    o.baseline = 0;
    chart_t ch;
    chart_render(&ch, &o);
    sb_t sb = SB_INIT;
    chart_to_text(&ch, &sb, true);
    const char *t = sb_str(&sb);
    ck_assert_ptr_nonnull(strstr(t, "consumer policy: ASR < 0.50%, ORR < 5.00%"));
    ck_assert_ptr_nonnull(strstr(t, "Pareto frontier"));
    ck_assert_ptr_nonnull(strstr(t, "@ current"));
    ck_assert_ptr_nonnull(strstr(t, "B baseline"));
    /* the dominated point is drawn dimmed, a frontier point in its series style */
    long dominated = pointset_index(&set, "product-ask"), optimal = pointset_index(&set, "variant-B");
    const canvas_cell_t *cd = canvas_cell(&ch.canvas, ch.point_col[dominated], ch.point_row[dominated]);
    const canvas_cell_t *co = canvas_cell(&ch.canvas, ch.point_col[optimal], ch.point_row[optimal]);
    ck_assert_int_eq(cd->style, CANVAS_STYLE_DIMMED);
    ck_assert_int_ge(co->style, CANVAS_STYLE_SERIES0);
    ck_assert_int_eq(canvas_cell(&ch.canvas, ch.point_col[0], ch.point_row[0])->style, CANVAS_STYLE_BASELINE);
    sb_free(&sb);
    chart_free(&ch);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* ---- the cache kept between charts of the same points ---------------------- */

/* n points in a few series, many sharing cells, some dominated, a few
 * without a rate: what the explorer keeps drawing. */
static void crowd(pointset_t *set, size_t n)
{
    unsigned long long x = 7;
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, i % 5 ? "m-%zu (run %zu)" : "m-%zu", i, i % 3);
        point_t p = point_make(name);
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        p.orr = (double)((x >> 33) % 1000) / 4000;
        p.asr = i % 17 == 0 ? 0 : (double)((x >> 13) % 1000) / 20000;
        if (i % 29 == 0)
            p.asr = NAN;
        char series[16];
        snprintf(series, sizeof series, "s%zu", i % 4);
        p.series = strdup(series);
        pointset_add(set, p);
    }
}

static char *chart_dump(const chart_t *ch)
{
    sb_t sb = SB_INIT;
    chart_to_text(ch, &sb, false);
    for (int i = 0; i < ch->canvas.width * ch->canvas.height; i++)
        sb_printf(&sb, "%d", ch->canvas.cells[i].style);
    for (size_t i = 0; i < ch->npoints; i++)
        sb_printf(&sb, " %d,%d,%d", ch->point_col[i], ch->point_row[i], ch->point_number[i]);
    sb_printf(&sb, " numbered %zu", ch->nnumbered);
    return sb_detach(&sb);
}

/* Frame after frame the options change as the explorer's keys change
 * them; a chart drawn with the cache is the chart drawn without one. */
START_TEST(test_cache_draws_the_same_chart)
{
    for (size_t n = 8; n <= 400; n += 392) {
        pointset_t set = POINTSET_INIT;
        if (n == 8)
            builtin_load(&set);
        else
            crowd(&set, n);
        frontier_t f;
        scenario_t s;
        chart_opts_t o = frontier_opts(&set, &f, &s);
        o.cache = chart_cache_new();
        /* one mask whose contents change (as a group's mask made afresh
         * may come back at the same address) */
        bool *mask = calloc(set.len + 1, sizeof *mask);
        for (int frame = 0; frame < 40; frame++) {
            for (size_t i = 0; i < set.len; i++)
                mask[i] = frame % 3 == 1 ? i % 2 == 0 : i % 3 != 0;
            o.in_group = frame % 3 == 0 ? NULL : mask;
            o.group = o.in_group ? "g" : NULL;
            o.include = frame >= 36 ? mask : NULL;
            o.selected = frame % 7 == 6 ? -1 : (long)((size_t)frame * 3 % set.len);
            o.baseline = frame >= 10 ? (long)((size_t)frame % set.len) : -1;
            o.has_current = frame % 9 != 0;
            o.current_asr = set.items[(size_t)frame % set.len].asr * 0.7;
            o.current_orr = 0.01 * (frame % 5);
            o.width = frame % 4 == 3 ? 60 : 100;
            o.height = frame % 2 ? 24 : 21; /* the explorer's two heights */
            o.xscale = o.yscale = frame >= 20 && frame < 26 ? CHART_SCALE_LOG : CHART_SCALE_AUTO;
            o.no_labels = frame == 30;
            s.cost_refusal = frame >= 15 ? 0.1 * (frame % 3 + 1) : 0;
            s.cost_harm = frame >= 15 ? 100 : 0;
            s.policy.asr.max = frame >= 33 ? 0.02 : 0.005;
            chart_t cached, fresh;
            chart_render(&cached, &o);
            chart_opts_t plain = o;
            plain.cache = NULL;
            chart_render(&fresh, &plain);
            char *a = chart_dump(&cached), *b = chart_dump(&fresh);
            ck_assert_msg(strcmp(a, b) == 0, "%zu points, frame %d: the cached chart differs", n, frame);
            ck_assert_uint_eq(cached.nkey, fresh.nkey);
            for (size_t k = 0; k < cached.nkey; k++)
                ck_assert_str_eq(cached.key[k], fresh.key[k]);
            free(a);
            free(b);
            chart_free(&cached);
            chart_free(&fresh);
        }
        chart_cache_free(o.cache);
        free(mask);
        frontier_free(&f);
        pointset_free(&set);
    }
}
END_TEST

/* What depends on the points and the axes alone is worked out once: a new
 * selection or operating point finds the cells of the last chart (the same
 * memory), and the cache keeps the cells of two plot sizes. Points of
 * another set start it afresh. */
START_TEST(test_cache_keeps_the_cells)
{
    pointset_t set = POINTSET_INIT;
    crowd(&set, 300);
    chart_opts_t o = chart_default_opts();
    o.points = &set;
    o.cache = chart_cache_new();
    chart_t ch;
    chart_render(&ch, &o);
    const int *cells = ch.point_col;
    chart_free(&ch);
    o.selected = 5;
    o.has_current = true;
    o.current_asr = set.items[7].asr;
    o.current_orr = set.items[7].orr;
    chart_render(&ch, &o);
    ck_assert_ptr_eq(ch.point_col, cells);
    chart_free(&ch);
    o.height = 20;
    chart_render(&ch, &o);
    ck_assert_ptr_ne(ch.point_col, cells);
    chart_free(&ch);
    o.height = 24;
    chart_render(&ch, &o);
    ck_assert_ptr_eq(ch.point_col, cells);
    chart_free(&ch);

    pointset_t other = POINTSET_INIT;
    builtin_load(&other);
    o.points = &other;
    o.selected = -1;
    chart_render(&ch, &o);
    ck_assert_uint_eq(ch.npoints, other.len);
    chart_t fresh;
    chart_opts_t plain = o;
    plain.cache = NULL;
    chart_render(&fresh, &plain);
    char *a = chart_dump(&ch), *b = chart_dump(&fresh);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    chart_free(&fresh);
    chart_free(&ch);
    chart_cache_free(o.cache);
    pointset_free(&other);
    pointset_free(&set);
}
END_TEST

/* The axis layer alone (render/axis.h): the scale choice, the policy bound
 * joining the range only near the data, the floor, and rate <-> share. */
START_TEST(test_axis_plan)
{
    axis_range_t r = axis_range_empty();
    axis_range_add(&r, 0);
    axis_range_add(&r, 0.02);
    axis_range_add(&r, 40);
    axis_range_add(&r, NAN); /* ignored, like negative and infinite values */
    axis_range_add(&r, -1);
    axis_t a;
    axis_ticks_t t;
    axis_room_t room = {60, true, 0.05};
    axis_plan(&a, &t, &r, NAN, AXIS_AUTO, &room);
    ck_assert(a.log); /* 0.02..40: over three decades */
    ck_assert(fabs(a.lo - 0.01) < 1e-12 && fabs(a.hi - 100) < 1e-9 && a.floor == 0.05);
    ck_assert_str_eq(t.t[0].label, "0%");
    ck_assert(t.t[0].v == 0 && axis_share(&a, 0) == 0);
    ck_assert_str_eq(t.t[1].label, "0.01%");
    ck_assert(fabs(axis_share(&a, 0.01) - 0.05) < 1e-12 && fabs(axis_share(&a, 100) - 1) < 1e-12);
    for (double v = 0.01; v <= 100; v *= 3.7)
        ck_assert_msg(fabs(axis_value(&a, axis_share(&a, v)) - v) < 1e-9 * v, "%g", v);
    ck_assert(axis_value(&a, 0.02) == 0); /* the lower half of the floor's gap is 0 */

    axis_plan(&a, &t, &r, NAN, AXIS_LINEAR, &room);
    ck_assert(!a.log && a.lo == 0 && a.hi >= 40 && a.hi <= 50);
    ck_assert(fabs(axis_value(&a, axis_share(&a, 12.5)) - 12.5) < 1e-9);
    /* a bound near the data widens the range; one far above it does not */
    axis_range_t small = axis_range_empty();
    axis_range_add(&small, 1);
    axis_range_add(&small, 3);
    axis_plan(&a, &t, &small, 5, AXIS_AUTO, &room);
    ck_assert(a.hi >= 5);
    axis_plan(&a, &t, &small, 50, AXIS_AUTO, &room);
    ck_assert(a.hi < 5);
    /* log needs a positive value */
    axis_range_t zeros = axis_range_empty();
    axis_range_add(&zeros, 0);
    axis_plan(&a, &t, &zeros, NAN, AXIS_LOG, &room);
    ck_assert(!a.log);
}
END_TEST

/* Log ticks stand at regular decades: when there are too many decades for
 * the room, every k-th from the top, the axis reaching down to one of them
 * (never 100%, 10%, 0.1%, 0.001%). */
START_TEST(test_log_ticks_at_regular_decades)
{
    for (int rows = 5; rows <= 40; rows++) {
        axis_range_t r = axis_range_empty();
        axis_range_add(&r, 0.001);
        axis_range_add(&r, 66);
        axis_t a;
        axis_ticks_t t;
        axis_room_t room = {rows, false, 0.1};
        axis_plan(&a, &t, &r, NAN, AXIS_LOG, &room);
        ck_assert(a.log);
        ck_assert(t.n >= 3);
        ck_assert_double_eq(t.t[0].v, 0); /* the floor */
        ck_assert(fabs(t.t[t.n - 1].v - a.hi) < 1e-9 && a.hi >= 66);
        ck_assert(fabs(t.t[1].v - a.lo) < 1e-12 && a.lo <= 0.001);
        /* the decades' labels (1-2-5 within them or not) step evenly */
        double step = 0;
        for (int i = 2; i < t.n; i++) {
            double ratio = log10(t.t[i].v) - log10(t.t[i - 1].v);
            bool decade = fabs(log10(t.t[i].v) - round(log10(t.t[i].v))) < 1e-9;
            if (!decade)
                continue;
            double from = log10(t.t[i].v);
            int j = i - 1;
            while (j > 1 && fabs(log10(t.t[j].v) - round(log10(t.t[j].v))) > 1e-9)
                j--;
            ratio = from - log10(t.t[j].v);
            if (step == 0)
                step = ratio;
            ck_assert_msg(fabs(ratio - step) < 1e-9, "%d rows: decades %g apart, then %g", rows, step, ratio);
        }
    }
}
END_TEST

/* The operating point and the baseline never change the axes: they lie on
 * the data, and a mix near 0 on a log axis sits on the floor rather than
 * stretching the axis a decade down. */
START_TEST(test_axes_ignore_the_current_point)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "a", 0.0, 0.2);
    add(&set, "b", 0.001, 0.1);
    add(&set, "c", 0.3, 0.01);
    chart_opts_t o = chart_default_opts();
    o.points = &set;
    o.yscale = o.xscale = CHART_SCALE_LOG;
    axis_t x0, y0, x1, y1;
    axis_ticks_t xt0, yt0, xt1, yt1;
    chart_axes(&o, &x0, &xt0, &y0, &yt0);
    o.has_current = true;
    o.current_asr = 0.00001; /* a mix 1% of the way from a to b */
    o.current_orr = 0.199;
    o.has_baseline_at = true;
    o.baseline_asr = 0.000001;
    o.baseline_orr = 0.2;
    chart_axes(&o, &x1, &xt1, &y1, &yt1);
    ck_assert(x0.lo == x1.lo && x0.hi == x1.hi && y0.lo == y1.lo && y0.hi == y1.hi);
    ck_assert_int_eq(yt0.n, yt1.n);
    for (int i = 0; i < yt0.n; i++)
        ck_assert_str_eq(yt0.t[i].label, yt1.t[i].label);
    pointset_free(&set);
}
END_TEST

/* A label covers nothing: not a line, not the policy's box. */
START_TEST(test_labels_cover_no_line)
{
    canvas_t c;
    canvas_init(&c, 40, 9);
    /* a line along row 4 and the policy's edge down column 20 */
    canvas_line(&c, 0, 17, 79, 17, CANVAS_STYLE_FRONTIER, CANVAS_PRIO_LINE, false);
    for (int row = 0; row < 9; row++)
        canvas_glyph(&c, 20, row, "|", '|', CANVAS_STYLE_POLICY, CANVAS_PRIO_SHADE);
    labels_area_t a = {&c, 0, 0, 40, 9};
    ck_assert(!labels_fit(&a, 5, 4, 6, false));  /* over the line */
    ck_assert(!labels_fit(&a, 18, 2, 6, false)); /* over the policy's edge */
    ck_assert(!labels_fit(&a, 5, 4, 6, true));   /* crowded or not */
    ck_assert(labels_fit(&a, 5, 2, 6, false));
    /* a point on the line gets its label above or below, never on the line */
    canvas_glyph(&c, 10, 4, "o", 'o', CANVAS_STYLE_SERIES0, CANVAS_PRIO_MARKER);
    ck_assert(labels_place(&a, 10, 4, "name", CANVAS_STYLE_LABEL, false));
    for (int col = 0; col < 40; col++) {
        const canvas_cell_t *cell = canvas_cell(&c, col, 4);
        ck_assert(cell->prio != CANVAS_PRIO_LABEL);
    }
    canvas_free(&c);
}
END_TEST

/* The key's heading explains the notation of the numbers drawn, and only
 * theirs: points that share a cell, in cells far apart, numbered. */
static char *key_heading_of(const int *col, size_t n, unsigned *kinds)
{
    pointset_t set = POINTSET_INIT;
    int row[8];
    for (size_t i = 0; i < n; i++) {
        add(&set, "p", 1, 1);
        row[i] = 4;
    }
    canvas_t c;
    canvas_init(&c, 60, 9);
    labels_area_t a = {&c, 0, 0, 60, 9};
    labels_points_t in = {&set, NULL, NULL, col, row, -1, -1, true, 24, NULL, NULL};
    labels_t l;
    labels_points(&l, &a, &in);
    ck_assert_uint_eq(l.nkey, n + 1);
    char *heading = xstrdup(l.key[0]);
    *kinds = l.kinds;
    labels_free(&l);
    canvas_free(&c);
    pointset_free(&set);
    return heading;
}

START_TEST(test_key_explains_the_numbers_drawn)
{
    unsigned kinds;
    int apart[] = {5, 25, 45};
    char *h = key_heading_of(apart, 3, &kinds);
    ck_assert_str_eq(h, "  #  on the chart"); /* "1" "2" "3": nothing to explain */
    ck_assert_uint_eq(kinds, LABELS_KIND_ONE);
    free(h);
    int pair[] = {5, 45, 5}; /* "1,3" */
    h = key_heading_of(pair, 3, &kinds);
    ck_assert_str_eq(h, "  #  on the chart: N,M two in one place");
    free(h);
    int run[] = {5, 5, 5, 45}; /* "1-3" */
    h = key_heading_of(run, 4, &kinds);
    ck_assert_str_eq(h, "  #  on the chart: N-M a run in one place");
    free(h);
    int more[] = {5, 45, 5, 5, 25, 25}; /* "1+2", "5,6" */
    h = key_heading_of(more, 6, &kinds);
    ck_assert_str_eq(h, "  #  on the chart: N,M two in one place, N+k N and k more in one place");
    free(h);
    /* a legend's short form is never wider than the widest kind alone */
    sb_t one = SB_INIT, all = SB_INIT;
    ck_assert(labels_notation(&one, LABELS_KIND_MORE, true));
    ck_assert(labels_notation(&all, LABELS_KIND_ALL, true));
    ck_assert_str_eq(sb_str(&all), "N,M N-M N+k share a place");
    ck_assert_int_le((int)strlen(sb_str(&all)), (int)strlen(sb_str(&one)));
    sb_reset(&all);
    ck_assert(!labels_notation(&all, LABELS_KIND_ONE, true));
    sb_free(&one);
    sb_free(&all);
}
END_TEST

/* A chart with a cache draws its curves from the dots they reduce to, and
 * draws what a chart without one draws: the same picture frame after
 * frame, the operating point moving along the curve. */
START_TEST(test_cached_curve_draws_the_same)
{
    enum { N = 70000 };
    double *orr = malloc(N * sizeof *orr), *asr = malloc(N * sizeof *asr);
    for (int i = 0; i < N; i++) {
        double t = (double)i / (N - 1);
        orr[i] = 0.01 + 0.59 * t * t;
        asr[i] = 0.005 + 0.395 * pow(1 - t, 3);
    }
    chart_curve_t cv = {orr, asr, N, "sweep", false};
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    chart_opts_t o = chart_default_opts();
    o.points = &set;
    o.curves = &cv;
    o.ncurves = 1;
    o.ascii = true;
    o.cache = chart_cache_new();
    for (int frame = 0; frame < 6; frame++) {
        o.has_current = true;
        o.current_orr = orr[frame * 1000];
        o.current_asr = asr[frame * 1000];
        o.yscale = frame >= 3 ? CHART_SCALE_LOG : CHART_SCALE_AUTO;
        chart_t cached, fresh;
        chart_render(&cached, &o);
        chart_opts_t plain = o;
        plain.cache = NULL;
        chart_render(&fresh, &plain);
        char *x = chart_dump(&cached), *y = chart_dump(&fresh);
        ck_assert_msg(strcmp(x, y) == 0, "frame %d: the cached curve differs", frame);
        ck_assert_msg(strstr(x, "sweep") != NULL, "the legend names the curve");
        free(x);
        free(y);
        chart_free(&cached);
        chart_free(&fresh);
    }
    chart_cache_free(o.cache);
    pointset_free(&set);
    free(orr);
    free(asr);
}
END_TEST

static Suite *chart_suite(void)
{
    Suite *s = suite_create("chart");
    TCase *tc = tcase_create("canvas");
    tcase_add_test(tc, test_priorities);
    tcase_add_test(tc, test_braille_dots);
    tcase_add_test(tc, test_empty_is_space);
    tcase_add_test(tc, test_lines_ascii);
    tcase_add_test(tc, test_wide_text);
    tcase_add_test(tc, test_locale_choice);
    suite_add_tcase(s, tc);
    tc = tcase_create("chart");
    tcase_add_test(tc, test_axis_plan);
    tcase_add_test(tc, test_linear_ticks);
    tcase_add_test(tc, test_log_scale_and_floor);
    tcase_add_test(tc, test_forced_scales);
    tcase_add_test(tc, test_cells_and_data);
    tcase_add_test(tc, test_key_numbers);
    tcase_add_test(tc, test_curve);
    tcase_add_test(tc, test_big_curve_sampling);
    tcase_add_test(tc, test_degenerate_inputs);
    tcase_add_test(tc, test_frontier_and_policy);
    tcase_add_test(tc, test_cache_draws_the_same_chart);
    tcase_add_test(tc, test_cache_keeps_the_cells);
    tcase_add_test(tc, test_log_ticks_at_regular_decades);
    tcase_add_test(tc, test_axes_ignore_the_current_point);
    tcase_add_test(tc, test_labels_cover_no_line);
    tcase_add_test(tc, test_key_explains_the_numbers_drawn);
    tcase_add_test(tc, test_cached_curve_draws_the_same);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(chart_suite)
