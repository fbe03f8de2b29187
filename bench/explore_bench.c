/* explore_bench: the time from a key to a finished frame in the explorer
 * (the state update plus laying out and drawing the whole screen, chart
 * included, into the grid the terminal copies).
 *
 *   make bench/explore_bench && bench/explore_bench [POINTS] [KEYS] [THRESHOLDS]
 *
 * Data: the built-in scenario; per-prompt score curves of 10,000 and
 * 100,000 prompts and binned counts of THRESHOLDS bins (default
 * 1,000,000), each kept whole as the explorer keeps it (one row, its
 * exact curve); POINTS operating points (default 100,000) in eight series
 * of thresholds, as a points file gives them; and the same number of
 * points with no series and no group columns (one flat list). Keys: the
 * list cursor (j j k k) and the operating point along its series (Right
 * Right Left Left: on a curve, from threshold to threshold), KEYS of each
 * (default 2,000), at 100x30. Issue 17 asks the slider on the big curve to
 * cost at most 1.5 times what it costs on the 10,000-prompt curve, the
 * ratio printed last, both measured in the same run.
 *
 * Absolute times depend on the machine, so the report also gives each
 * median as a ratio to a reference measured in the same run: rendering the
 * text report (`tradeoff report`) of the built-in scenario. Issue 19 asks
 * for a median of at most 2 ms with 100,000 points. */
#include "config.h"

#include "timing.h"

#include "core/builtin.h"
#include "load/load.h"
#include "render/report.h"
#include "ui/explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Median time of one key plus one frame at 100x30, the keys in turn. */
static double key_to_frame(explore_t *ex, const int keys[4], int iterations)
{
    uigrid_t g = UIGRID_INIT;
    explore_layout_t lay = EXPLORE_LAYOUT_INIT;
    uigrid_resize(&g, 100, 30);
    explore_render(ex, &g, &lay);
    double *t = malloc(sizeof *t * (size_t)iterations);
    for (int i = 0; i < iterations; i++) {
        double t0 = bench_now_ms();
        explore_key(ex, &lay, keys[i % 4]);
        explore_render(ex, &g, &lay);
        t[i] = bench_now_ms() - t0;
    }
    double m = bench_median(t, iterations);
    free(t);
    explore_layout_free(&lay);
    uigrid_free(&g);
    return m;
}

static double reference(int iterations)
{
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    scenario_t s = model_default_scenario();
    report_t r = {.scenario = &s, .points = &set, .title = "built-in scenario"};
    double *t = malloc(sizeof *t * (size_t)iterations);
    for (int i = 0; i < iterations; i++) {
        sb_t out = SB_INIT;
        double t0 = bench_now_ms();
        report_text(&out, &r);
        t[i] = bench_now_ms() - t0;
        sb_free(&out);
    }
    double m = bench_median(t, iterations);
    free(t);
    pointset_free(&set);
    return m;
}

/* xorshift64: the same data on every run. */
static double uniform(unsigned long long *x)
{
    *x ^= *x << 13, *x ^= *x >> 7, *x ^= *x << 17;
    return (double)(*x % 1000000) / 1e6;
}

/* A synthetic per-prompt score file: harmful prompts score high, benign low,
 * with overlap. */
static char *score_csv(long prompts, size_t *len)
{
    sb_t sb = SB_INIT;
    sb_puts(&sb, "set,score\n");
    unsigned long long x = 88172645463325252ULL;
    for (long i = 0; i < prompts; i++) {
        bool harmful = i % 10 == 0;
        double u = uniform(&x);
        sb_printf(&sb, "%s,%.6f\n", harmful ? "harmful" : "benign", harmful ? 1 - u * u : u * u);
    }
    *len = sb.len;
    return sb_detach(&sb);
}

/* Binned counts with `bins` bins: a curve of as many distinct thresholds
 * without generating the prompts behind them. */
static char *binned_csv(long bins, size_t *len)
{
    sb_t sb = SB_INIT;
    sb_puts(&sb, "score_bin_lower,harmful_count,benign_count\n");
    unsigned long long x = 1181783497276652981ULL;
    for (long i = 0; i < bins; i++) {
        double t = (double)i / (double)bins;
        int h = (int)(uniform(&x) * 3 * t), b = (int)(uniform(&x) * 3 * (1 - t));
        sb_printf(&sb, "%.7f,%d,%d\n", t, h, b + (h == 0));
    }
    *len = sb.len;
    return sb_detach(&sb);
}

/* `points` operating points as a points file gives them: with `series`,
 * eight series of thresholds (each trading ASR for ORR, with noise);
 * without, one flat list of names and rates. */
static char *points_csv(long points, bool series, size_t *len)
{
    sb_t sb = SB_INIT;
    sb_puts(&sb, series ? "name,series,threshold,attack_success_pct,over_refusal_pct\n"
                        : "name,attack_success_pct,over_refusal_pct\n");
    unsigned long long x = 2463534242ULL;
    long per = points / 8 > 0 ? points / 8 : 1;
    for (long i = 0; i < points; i++) {
        double t = (double)(i / 8) / (double)per, a = uniform(&x) * 0.5, o = uniform(&x) * 0.5;
        if (series)
            sb_printf(&sb, "p%07ld,model-%ld,%.6f,%.4f,%.4f\n", i, i % 8, t, 30 * (1 - t) * (1 - t) + a,
                      40 * t * t + o);
        else
            sb_printf(&sb, "q%07ld,%.4f,%.4f\n", i, uniform(&x) * 30, uniform(&x) * 40);
    }
    *len = sb.len;
    return sb_detach(&sb);
}

static const int list_keys[4] = {'j', 'j', 'k', 'k'};
static const int slider_keys[4] = {EK_RIGHT, EK_RIGHT, EK_LEFT, EK_LEFT};

static void row(const char *what, const char *keys, size_t points, double median, double ref)
{
    printf("%-26s %-14s %8zu %10.3f %8.3f %7.2f\n", what, keys, points, median, ref, median / ref);
}

/* Loads `csv` (taking it) as the explorer does (curves kept whole) and
 * measures both kinds of keys on it; returns the slider's median. The
 * size column counts the points, or a curve's thresholds. */
static double measure(const char *what, char *csv, size_t len, const scenario_t *s, int iterations, double ref)
{
    pointset_t set = POINTSET_INIT;
    curves_t curves = CURVES_INIT;
    input_opts_t opts = INPUT_OPTS_INIT;
    diag_t d = DIAG_INIT;
    if (load_buffer_curves(&set, &curves, "bench.csv", csv, len, &opts, &d) != 0) {
        fprintf(stderr, "explore_bench: %s\n", d.error ? d.error : "cannot load the data");
        exit(3);
    }
    free(csv);
    diag_free(&d);
    explore_t ex;
    explore_init_whole(&ex, &set, &curves, strdup(what), NULL, 0, s, NULL);
    size_t n = ex.curves.len ? ex.curves.items[0].curve.len : ex.set.len;
    row(what, "list j/k", n, key_to_frame(&ex, list_keys, iterations), ref);
    double m = key_to_frame(&ex, slider_keys, iterations);
    row(what, "slider <-/->", n, m, ref);
    explore_free(&ex);
    return m;
}

int main(int argc, char **argv)
{
    long points = argc > 1 ? atol(argv[1]) : 100000;
    int iterations = argc > 2 ? atoi(argv[2]) : 2000;
    long thresholds = argc > 3 ? atol(argv[3]) : 1000000;
    if (points < 8 || iterations < 10 || thresholds < 10) {
        fprintf(stderr, "usage: explore_bench [POINTS >= 8] [KEYS >= 10] [THRESHOLDS >= 10]\n");
        return 2;
    }
    double ref = reference(iterations);
    printf("key -> finished frame at 100x30 (state update + layout + chart into the grid), medians\n");
    printf("reference: the text report of the built-in scenario, measured in this run\n\n");
    printf("%-26s %-14s %8s %10s %8s %7s\n", "data", "keys", "points", "median ms", "ref ms", "ratio");

    scenario_t s = model_default_scenario();
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    explore_t ex;
    explore_init(&ex, &set, strdup("built-in scenario"), NULL, 0, &s, NULL);
    row("built-in scenario", "list j/k", ex.set.len, key_to_frame(&ex, list_keys, iterations), ref);
    explore_free(&ex);

    size_t len;
    char *text = score_csv(10000, &len);
    double small = measure("score curve, 10k prompts", text, len, &s, iterations, ref);
    text = score_csv(100000, &len);
    measure("score curve, 100k prompts", text, len, &s, iterations, ref);
    text = binned_csv(thresholds, &len);
    char what[64];
    snprintf(what, sizeof what, "curve, %ld thresholds", thresholds);
    double big = measure(what, text, len, &s, iterations, ref);
    printf("%-26s %-14s %8s %10.2f  (slider median, %ld thresholds / 10k prompts; issue 17: at most 1.5)\n",
           "curve size ratio", "slider <-/->", "", small > 0 ? big / small : 0.0, thresholds);
    snprintf(what, sizeof what, "%ld points, 8 series", points);
    text = points_csv(points, true, &len);
    measure(what, text, len, &s, iterations, ref);
    snprintf(what, sizeof what, "%ld points, no series", points);
    text = points_csv(points, false, &len);
    measure(what, text, len, &s, iterations, ref);
    return 0;
}
