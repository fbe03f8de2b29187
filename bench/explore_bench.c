/* explore_bench: the time from a key to a finished frame in the explorer
 * (the state update plus laying out and drawing the whole screen, chart
 * included, into the grid the terminal copies), on the built-in scenario and
 * on per-prompt score curves of growing size.
 *
 *   make bench/explore_bench && bench/explore_bench [PROMPTS] [KEYS]
 *
 * Absolute times depend on the machine, so the report also gives each
 * median as a ratio to a reference measured in the same run: rendering the
 * text report (`tradeoff report`) of the built-in scenario. */
#include "config.h"

#include "ui/explore.h"
#include "load/load.h"
#include "render/report.h"
#include "core/builtin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    return t[n / 2];
}

/* Median time of one key plus one frame at 100x30, keys alternating. */
static double key_to_frame(explore_t *ex, int iterations)
{
    uigrid_t g = UIGRID_INIT;
    explore_layout_t lay = EXPLORE_LAYOUT_INIT;
    uigrid_resize(&g, 100, 30);
    explore_render(ex, &g, &lay);
    double *t = malloc(sizeof *t * (size_t)iterations);
    static const int keys[] = {EK_RIGHT, EK_RIGHT, EK_LEFT, EK_LEFT};
    for (int i = 0; i < iterations; i++) {
        double t0 = now_us();
        explore_key(ex, &lay, keys[i % 4]);
        explore_render(ex, &g, &lay);
        t[i] = now_us() - t0;
    }
    double m = median(t, iterations);
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
        double t0 = now_us();
        report_text(&out, &r);
        t[i] = now_us() - t0;
        sb_free(&out);
    }
    double m = median(t, iterations);
    free(t);
    pointset_free(&set);
    return m;
}

/* A synthetic per-prompt score file: harmful prompts score high, benign low,
 * with overlap; a fixed seed so every run measures the same curve. */
static char *score_csv(long prompts, size_t *len)
{
    size_t cap = (size_t)prompts * 24 + 64, n = 0;
    char *buf = malloc(cap);
    n += (size_t)snprintf(buf, cap, "set,score\n");
    unsigned long long x = 88172645463325252ULL;
    for (long i = 0; i < prompts; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        bool harmful = i % 10 == 0;
        double u = (double)(x % 1000000) / 1e6;
        double score = harmful ? 1 - u * u : u * u;
        n += (size_t)snprintf(buf + n, cap - n, "%s,%.6f\n", harmful ? "harmful" : "benign", score);
    }
    *len = n;
    return buf;
}

static void row(const char *what, long prompts, size_t points, double med, double ref)
{
    char p[32];
    if (prompts > 0)
        snprintf(p, sizeof p, "%ld", prompts);
    else
        snprintf(p, sizeof p, "-");
    printf("%-22s %10s %7zu %14.1f %9.1f %7.2f\n", what, p, points, med, ref, med / ref);
}

int main(int argc, char **argv)
{
    long max_prompts = argc > 1 ? atol(argv[1]) : 1000000;
    int iterations = argc > 2 ? atoi(argv[2]) : 2000;
    if (max_prompts < 1000 || iterations < 10) {
        fprintf(stderr, "usage: explore_bench [PROMPTS >= 1000] [KEYS >= 10]\n");
        return 2;
    }
    double ref = reference(iterations);
    printf("key -> finished frame at 100x30 (state update + layout + chart into the grid)\n");
    printf("reference: the text report of the built-in scenario, measured in this run\n\n");
    printf("%-22s %10s %7s %14s %9s %7s\n", "data", "prompts", "points", "median us", "ref us", "ratio");

    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    scenario_t s = model_default_scenario();
    explore_t ex;
    explore_init(&ex, &set, strdup("built-in scenario"), NULL, 0, &s, NULL);
    row("built-in scenario", 0, ex.set.len, key_to_frame(&ex, iterations), ref);
    explore_free(&ex);

    for (long prompts = 10000; prompts <= max_prompts; prompts *= 10) {
        size_t len;
        char *csv = score_csv(prompts, &len);
        pointset_t curve = POINTSET_INIT;
        input_opts_t opts = INPUT_OPTS_INIT;
        diag_t d = DIAG_INIT;
        if (load_buffer(&curve, "bench-scores.csv", csv, len, &opts, &d) != 0) {
            fprintf(stderr, "explore_bench: %s\n", d.error ? d.error : "cannot load the curve");
            return 3;
        }
        free(csv);
        diag_free(&d);
        explore_init(&ex, &curve, strdup("score curve"), NULL, 0, &s, NULL);
        row("score curve", prompts, ex.set.len, key_to_frame(&ex, iterations), ref);
        explore_free(&ex);
    }
    return 0;
}
