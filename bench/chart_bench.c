/* chart_bench: how long a 200x60 chart of a dense curve takes to render.
 *
 *   make bench/chart_bench && bench/chart_bench [POINTS] [RUNS]
 *
 * Renders a chart of POINTS curve points (default 1,000,000, a threshold
 * sweep shaped like the usual trade-off) RUNS times (default 31) and prints
 * the median, against a reference measured in the same run: a plain loop
 * that reads every point once and keeps its extremes, i.e. the least any
 * renderer must do. The ratio is what to compare between machines. */
#include "config.h"

#include "timing.h"

#include "render/chart.h"
#include "core/builtin.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The reference: one pass over the points keeping the extremes. */
static volatile double sink;
static void reference(const double *x, const double *y, size_t n)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (x[i] < lo)
            lo = x[i];
        if (y[i] > hi)
            hi = y[i];
    }
    sink = lo + hi;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000000;
    int runs = argc > 2 ? atoi(argv[2]) : 31;
    if (n < 2 || runs < 1) {
        fprintf(stderr, "usage: chart_bench [POINTS >= 2] [RUNS >= 1]\n");
        return 2;
    }
    double *orr = xmalloc(n * sizeof *orr), *asr = xmalloc(n * sizeof *asr);
    for (size_t i = 0; i < n; i++) {
        /* a threshold sweep: ORR rises from 1% to 60% as ASR falls from 40% to 0.5% */
        double t = (double)i / (double)(n - 1);
        orr[i] = 0.01 + 0.59 * t * t;
        asr[i] = 0.005 + 0.395 * pow(1 - t, 3);
    }
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    chart_opts_t o = chart_default_opts();
    o.points = &set;
    chart_curve_t cv = {orr, asr, (size_t)(n), NULL, false};
    o.curves = &cv;
    o.ncurves = 1;
    o.width = 200;
    o.height = 60;
    o.ascii = true;

    double *tc = xmalloc((size_t)runs * sizeof *tc), *tr = xmalloc((size_t)runs * sizeof *tr);
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now_ms();
        reference(orr, asr, n);
        double t1 = bench_now_ms();
        chart_t ch;
        chart_render(&ch, &o);
        double t2 = bench_now_ms();
        chart_free(&ch);
        tr[r] = t1 - t0;
        tc[r] = t2 - t1;
    }
    double mc = bench_median(tc, runs), mr = bench_median(tr, runs);
    printf("chart 200x60 of %zu curve points: median %.3f ms over %d runs\n", n, mc, runs);
    printf("reference (one pass over the points): median %.3f ms\n", mr);
    printf("ratio chart/reference: %.1f\n", mr > 0 ? mc / mr : 0.0);
    free(tc);
    free(tr);
    free(orr);
    free(asr);
    pointset_free(&set);
    return 0;
}
