/* names_bench: how loading grows when one file is loaded many times, the
 * case where every point's name is taken and needs a suffix.
 *
 *   make bench/names_bench && bench/names_bench [FILE] [RUNS]
 *
 * Loads FILE (default data/published-operating-points.csv, 67 points) 100,
 * 200 and 400 times into one set, as `tradeoff report FILE FILE ...` does
 * (issue 19 measured 0.84, 2.39 and 7.97 s: unique names were rebuilt for
 * every file and " #k" suffixes tried one by one), then opens scenarios of
 * 125, 250 and 500 `file =` lines naming it, as `tradeoff --scenario` does:
 * the file parsed, every file loaded, the explorer set up and the scenario
 * applied (issue 19: 11.8 s for 500 lines). RUNS times each (default 3).
 * Prints the median of each and its ratio to the smallest size measured in
 * the same run: about 2 and 4 when the time grows linearly, 4 and 16 when
 * it grows quadratically. The ratios are what to compare between machines. */
#include "config.h"

#include "timing.h"

#include "base/strbuf.h"
#include "base/text.h"
#include "load/load.h"
#include "ui/explore.h"
#include "ui/scenario_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int SIZES[] = {100, 200, 400};
static const int LINES[] = {125, 250, 500};
#define NSIZES 3

/* Loads `path` n times into one set; exits on a load error. */
static void load_copies(pointset_t *set, const char *path, int n)
{
    for (int i = 0; i < n; i++) {
        diag_t d = DIAG_INIT;
        if (load_file(set, path, NULL, &d) != 0) {
            fprintf(stderr, "names_bench: %s\n", d.error ? d.error : "cannot load");
            exit(2);
        }
        diag_free(&d);
    }
}

static double time_copies(const char *path, int n)
{
    pointset_t set = POINTSET_INIT;
    double t0 = bench_now_ms();
    load_copies(&set, path, n);
    double t1 = bench_now_ms();
    pointset_free(&set);
    return t1 - t0;
}

/* A scenario of n `file =` lines naming `path`, opened as the explorer
 * opens one (cmd_explore.c): parsed, its files loaded, the explorer set up
 * on them and the scenario applied. */
static double time_scenario(const char *path, int n)
{
    sb_t text = SB_INIT;
    sb_puts(&text, "tradeoff-scenario = 1\n");
    for (int i = 0; i < n; i++) {
        sb_puts(&text, "file = ");
        text_quote(&text, path);
        sb_putc(&text, '\n');
    }
    double t0 = bench_now_ms();
    scenario_file_t sf;
    scenario_file_init(&sf);
    diag_t d = DIAG_INIT;
    if (scenario_file_parse("bench.scenario", NULL, sb_str(&text), text.len, &sf, &d) != 0) {
        fprintf(stderr, "names_bench: %s\n", d.error);
        exit(2);
    }
    pointset_t set = POINTSET_INIT;
    for (int i = 0; i < sf.nfiles; i++)
        load_copies(&set, sf.files[i], 1);
    explore_t ex;
    explore_init(&ex, &set, strdup("bench"), sf.files, sf.nfiles, &sf.scenario, NULL);
    sb_t why = SB_INIT;
    explore_apply_scenario_file(&ex, &sf, &why);
    double t1 = bench_now_ms();
    sb_free(&why);
    explore_free(&ex);
    scenario_file_free(&sf);
    diag_free(&d);
    sb_free(&text);
    return t1 - t0;
}

static double median_of(double (*measure)(const char *, int), const char *path, int n, int runs)
{
    double *t = malloc(sizeof *t * (size_t)runs);
    for (int r = 0; r < runs; r++)
        t[r] = measure(path, n);
    double m = bench_median(t, runs);
    free(t);
    return m;
}

static void report(const char *what, const int *sizes, double (*measure)(const char *, int), const char *path,
                   int runs)
{
    double first = 0;
    for (int i = 0; i < NSIZES; i++) {
        double m = median_of(measure, path, sizes[i], runs);
        if (i == 0)
            first = m;
        printf("  %-28s %4d  %10.1f ms  ratio %5.2f\n", what, sizes[i], m, first > 0 ? m / first : 0);
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "data/published-operating-points.csv";
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    if (runs < 1) {
        fprintf(stderr, "usage: names_bench [FILE] [RUNS >= 1]\n");
        return 2;
    }
    pointset_t one = POINTSET_INIT;
    load_copies(&one, path, 1);
    printf("names_bench: %s (%zu points), %d runs each, medians; ratios to the first size\n", path, one.len,
           runs);
    printf("  (linear growth: ratios about 2 and 4; quadratic: 4 and 16)\n");
    pointset_free(&one);
    report("copies of the file", SIZES, time_copies, path, runs);
    report("scenario `file =` lines", LINES, time_scenario, path, runs);
    return 0;
}
