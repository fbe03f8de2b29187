/* labels_bench: how label placement grows with the number of points.
 *
 *   make bench/labels_bench && bench/labels_bench [POINTS] [RUNS]
 *
 * Renders `report --format svg` (report_svg) and an 80x24 chart
 * (chart_render) of POINTS, 2 x POINTS and 4 x POINTS points (default
 * 10,000, so 10k, 20k and 40k), RUNS times each (default 5), in two
 * layouts: every point in one place (the worst case for a placer that
 * tests each label against every label placed: issue 19 measured 0.35 s,
 * 1.15 s and 5.3 s for the SVG) and points spread at random. Prints the
 * median of each and its ratio to the smallest size measured in the same
 * run: about 2 and 4 when the time grows linearly, 4 and 16 when it grows
 * quadratically. The ratios are what to compare between machines. */
#include "config.h"

#include "timing.h"

#include "render/chart.h"
#include "render/report.h"
#include "core/groups.h"
#include "core/model.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

/* n points named model-0...; all at ORR 2%, ASR 1% or spread at random. */
static void make_set(pointset_t *set, size_t n, bool spread)
{
    unsigned long long state = 42;
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "model-%zu", i);
        point_t p = point_make(name);
        p.orr = 0.02;
        p.asr = 0.01;
        if (spread) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            p.orr = (double)((state >> 33) % 100000) / 100000 * 0.6;
            p.asr = (double)((state >> 13) % 100000) / 100000 * 0.4;
        }
        pointset_add(set, p);
    }
}

static double time_svg(const pointset_t *set, const scenario_t *s)
{
    report_t r = {.scenario = s, .points = set, .title = "bench"};
    sb_t out = SB_INIT;
    double t0 = bench_now_ms();
    report_svg(&out, &r);
    double t1 = bench_now_ms();
    sb_free(&out);
    return t1 - t0;
}

static double time_chart(const pointset_t *set, const scenario_t *s)
{
    groups_t g;
    groups_compute(&g, set);
    chart_focus_t cf;
    chart_focus_init(&cf, &g, groups_default(&g));
    chart_opts_t o = chart_report_opts(NULL, set, s, &cf);
    o.ascii = true;
    chart_t ch;
    double t0 = bench_now_ms();
    chart_render(&ch, &o);
    double t1 = bench_now_ms();
    chart_free(&ch);
    chart_focus_free(&cf);
    groups_free(&g);
    return t1 - t0;
}

int main(int argc, char **argv)
{
    size_t n0 = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 10000;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (n0 < 1 || runs < 1) {
        fprintf(stderr, "usage: labels_bench [POINTS >= 1] [RUNS >= 1]\n");
        return 2;
    }
    scenario_t s = model_default_scenario();
    double *t = xmalloc((size_t)runs * sizeof *t);
    printf("%-10s %8s %12s %8s %12s %8s\n", "layout", "points", "svg ms", "ratio", "chart ms", "ratio");
    for (int spread = 0; spread < 2; spread++) {
        double base_svg = 0, base_chart = 0;
        for (size_t n = n0; n <= 4 * n0; n *= 2) {
            pointset_t set = POINTSET_INIT;
            make_set(&set, n, spread);
            for (int r = 0; r < runs; r++)
                t[r] = time_svg(&set, &s);
            double svg = bench_median(t, runs);
            for (int r = 0; r < runs; r++)
                t[r] = time_chart(&set, &s);
            double chart = bench_median(t, runs);
            if (n == n0) {
                base_svg = svg;
                base_chart = chart;
            }
            printf("%-10s %8zu %12.1f %8.2f %12.1f %8.2f\n", spread ? "spread" : "one-place", n, svg,
                   base_svg > 0 ? svg / base_svg : 0.0, chart, base_chart > 0 ? chart / base_chart : 0.0);
            pointset_free(&set);
        }
    }
    printf("linear growth: ratios about 2 and 4; quadratic: 4 and 16\n");
    free(t);
    return 0;
}
