/* fuzz_scores: per-prompt scores, by both of its readers.
 *
 * The general reader (csvread + scores_begin/row/finish) and the fast path
 * for clean files (scores_read_fast, on an opened file) must agree:
 * when the fast path takes a file, it must give the very curve the general
 * reader gives, read on one core and in 2 to 4 pieces at once
 * (TRADEOFF_THREADS, the input's length choosing), wherever the cuts fall.
 * The input goes to the fast path as an in-memory file (memfd). The general reader's curve is then loaded as points
 * (load_buffer), whose promises are checked as for every loader; their
 * reports are left to fuzz-binned, whose curves become points the same way. */
#include "config.h"

#include "core/curve.h"
#include "fuzz.h"
#include "load/load.h"
#include "load/scores.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct {
    scores_t *s;
    const input_opts_t *opts;
    diag_t *d;
    size_t ncols;
    int rc;
} general_t;

static int on_row(const csvrow_t *row, void *ctx)
{
    general_t *g = ctx;
    if (!g->s) {
        g->s = scores_begin(row, INPUT_SCORES, g->opts, true, "fuzz.csv", g->d);
        g->ncols = row->nfields;
        return g->s ? 0 : -1;
    }
    if (row->nfields != g->ncols)
        return -1;
    return scores_row(g->s, row);
}

/* The general reader's curve; -1 when it refuses the file. */
static int general_curve(const uint8_t *data, size_t size, const input_opts_t *opts, curve_t *c)
{
    diag_t d = DIAG_INIT;
    general_t g = {NULL, opts, &d, 0, 0};
    int rc = csvread_buffer("fuzz.csv", (const char *)data, size, on_row, &g, &d);
    if (rc == 0 && g.s)
        rc = scores_finish(g.s, c, &d);
    else
        rc = -1;
    scores_free(g.s);
    diag_free(&d);
    return rc;
}

/* The fast path's answer in `threads` pieces at most (0 curve, -1
 * refused, 1 not taken). */
static int fast_curve(const uint8_t *data, size_t size, const input_opts_t *opts, int threads, curve_t *c)
{
    char n[16];
    snprintf(n, sizeof n, "%d", threads);
    setenv("TRADEOFF_THREADS", n, 1);
    int fd = memfd_create("fuzz-scores", 0);
    if (fd < 0)
        return 1;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 1;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    diag_t d = DIAG_INIT;
    csvsource_t src;
    long long rows;
    scores_t *s = csvread_open(&src, path, &d) == 0 ? scores_read_fast(&src, opts, true, &rows, &d) : NULL;
    int rc = s ? scores_finish(s, c, &d) : 1;
    unsetenv("TRADEOFF_THREADS");
    scores_free(s);
    csvread_close(&src);
    diag_free(&d);
    close(fd);
    return rc;
}

static void compare_curves(const curve_t *fast, const curve_t *general)
{
    if (fast->len != general->len || fast->n_adversarial != general->n_adversarial ||
        fast->n_benign != general->n_benign)
        fuzz_fail("the fast path and the general reader disagree", "on the curve's size or totals");
    for (size_t i = 0; i < fast->len; i++) {
        const curve_step_t *a = &fast->steps[i], *b = &general->steps[i];
        if (a->threshold != b->threshold || a->attack_successes != b->attack_successes ||
            a->benign_refused != b->benign_refused)
            fuzz_fail("the fast path and the general reader disagree", "on a step of the curve");
    }
    if (fast->ncats != general->ncats)
        fuzz_fail("the fast path and the general reader disagree", "on the number of categories");
    for (size_t i = 0; i < fast->ncats; i++) {
        const curve_cat_t *a = &fast->cats[i], *b = &general->cats[i];
        if (strcmp(a->name, b->name) != 0 || a->len != b->len || a->n_adversarial != b->n_adversarial)
            fuzz_fail("the fast path and the general reader disagree", "on a category");
        for (size_t k = 0; k < a->len; k++)
            if (a->scores[k] != b->scores[k] || a->harm[k] != b->harm[k])
                fuzz_fail("the fast path and the general reader disagree", "on a category's counts");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input_opts_t opts = INPUT_OPTS_INIT;
    opts.kind = INPUT_SCORES;
    /* The curve loaded as at most 16 points (input_opts_t.max_points)
     * instead of 200: thinning is exercised more often. */
    opts.max_points = 16;

    curve_t general = CURVE_INIT;
    int grc = general_curve(data, size, &opts, &general);
    for (int threads = 1; threads <= 2 + (int)(size % 3); threads += 1 + (int)(size % 3)) {
        curve_t fast = CURVE_INIT;
        int frc = fast_curve(data, size, &opts, threads, &fast);
        if (frc == 0 && grc != 0)
            fuzz_fail("the fast path took a file", "that the general reader refuses");
        if (frc == -1 && grc == 0)
            fuzz_fail("the fast path refused a file", "that the general reader takes");
        if (frc == 0)
            compare_curves(&fast, &general);
        curve_free(&fast);
    }
    curve_free(&general);

    /* The points' promises; their reports are fuzz-binned's to check:
     * score files and binned counts become points through the same curve
     * code, and rendering two reports per input (up to a thousand
     * categories each) kept this target under a thousand inputs a second. */
    fuzz_load_and_check(data, size, &opts, false);
    return 0;
}
