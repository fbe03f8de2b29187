/* Unit tests of per-prompt scores, binned counts and their exact curve:
 * the counts at every threshold against a brute-force count, the merging
 * of the fast and general score paths, thinning that keeps the Pareto
 * frontier, the CSV that sweep writes and loading it back. */
#include "config.h"

#include "unit.h"
#include "core/curve.h"
#include "load/load.h"
#include "load/scores.h"
#include "base/strbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes `text` to a temporary file; the caller unlinks it. */
static char *temp_file(const char *text) { return unit_temp_file(text, strlen(text)); }

static int curve_of(const char *text, curve_t *c, diag_t *d)
{
    char *path = temp_file(text);
    int rc = load_curve_file(c, path, NULL, d);
    unlink(path);
    return rc;
}

typedef struct {
    bool harmful;
    double score;
    bool anyway;
} prompt_t;

/* The counts at threshold t, straight from the definition. */
static void brute(const prompt_t *p, size_t n, double t, long long *succ, long long *ref)
{
    *succ = *ref = 0;
    for (size_t i = 0; i < n; i++) {
        bool refused = p[i].anyway || p[i].score >= t;
        if (p[i].harmful && !refused)
            ++*succ;
        if (!p[i].harmful && refused)
            ++*ref;
    }
}

START_TEST(test_curve_matches_brute_force)
{
    srand(7);
    prompt_t p[400];
    sb_t text = SB_INIT;
    sb_puts(&text, "set,score,refused_anyway\n");
    for (size_t i = 0; i < 400; i++) {
        p[i].harmful = rand() % 5 == 0;
        p[i].anyway = rand() % 37 == 0;
        int k = rand() % 50;
        p[i].score = k / 40.0; /* some above 1: the general path */
        /* Write some scores so that only the general path reads them. */
        if (rand() % 3 == 0)
            sb_printf(&text, "%s,%.3e,%s\n", p[i].harmful ? "harmful" : "benign", p[i].score, p[i].anyway ? "yes" : "");
        else
            sb_printf(&text, "%s,%.6g,%s\n", p[i].harmful ? "harmful" : "benign", p[i].score, p[i].anyway ? "true" : "no");
    }
    curve_t c;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(curve_of(sb_str(&text), &c, &d), 0);
    long long nh = 0;
    for (size_t i = 0; i < 400; i++)
        nh += p[i].harmful;
    ck_assert_int_eq(c.n_adversarial, nh);
    ck_assert_int_eq(c.n_benign, 400 - nh);
    /* distinct scores of non-anyway prompts, ascending, one step each */
    size_t distinct = 0;
    for (int k = 0; k < 50; k++) {
        bool seen = false;
        for (size_t i = 0; i < 400 && !seen; i++)
            seen = !p[i].anyway && p[i].score == k / 40.0;
        distinct += seen;
    }
    ck_assert_uint_eq(c.len, distinct);
    for (size_t s = 0; s < c.len; s++) {
        if (s > 0)
            ck_assert(c.steps[s].threshold > c.steps[s - 1].threshold);
        long long succ, ref;
        brute(p, 400, c.steps[s].threshold, &succ, &ref);
        ck_assert_int_eq(c.steps[s].attack_successes, succ);
        ck_assert_int_eq(c.steps[s].benign_refused, ref);
    }
    curve_free(&c);
    diag_free(&d);
    sb_free(&text);
}
END_TEST

START_TEST(test_binned_equals_scores)
{
    curve_t a, b;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(curve_of("set,score\nharmful,0.1\nbenign,0.1\nbenign,0.1\nharmful,0.3\nbenign,0.7\n", &a, &d), 0);
    ck_assert_int_eq(curve_of("score_bin_lower,harmful_count,benign_count,category\n"
                              "0.1,1,1,x\n0.1,0,1,y\n0.2,0,0,x\n0.3,1,0,x\n0.7,0,1,y\n",
                              &b, &d),
                     0);
    ck_assert_uint_eq(a.len, 3);
    ck_assert_uint_eq(b.len, a.len);
    for (size_t i = 0; i < a.len; i++) {
        ck_assert(a.steps[i].threshold == b.steps[i].threshold);
        ck_assert_int_eq(a.steps[i].attack_successes, b.steps[i].attack_successes);
        ck_assert_int_eq(a.steps[i].benign_refused, b.steps[i].benign_refused);
    }
    ck_assert_int_eq(a.steps[2].attack_successes, 2);
    ck_assert_int_eq(a.steps[2].benign_refused, 1);
    curve_free(&a);
    curve_free(&b);
    diag_free(&d);
}
END_TEST

START_TEST(test_thinning_keeps_frontier)
{
    /* A staircase with dominated steps in between. */
    curve_t c = CURVE_INIT;
    c.len = 1000;
    c.n_adversarial = 2000;
    c.n_benign = 5000;
    c.steps = calloc(c.len, sizeof *c.steps);
    for (size_t i = 0; i < c.len; i++) {
        c.steps[i].threshold = (double)i;
        c.steps[i].attack_successes = (long long)(i / 3) * 2;
        c.steps[i].benign_refused = 5000 - (long long)(i / 2) * 5;
    }
    size_t *keep = malloc(c.len * sizeof *keep);
    size_t nfront = curve_frontier_size(&c);
    size_t n = curve_thin(&c, 10, true, keep);
    ck_assert_uint_ge(n, nfront);
    /* every frontier step is kept, and nothing kept is beaten by a step left out */
    for (size_t i = 0; i < c.len; i++) {
        bool kept = false;
        for (size_t k = 0; k < n; k++)
            kept |= keep[k] == i;
        bool dominated = false;
        for (size_t j = 0; j < c.len && !dominated; j++)
            dominated = c.steps[j].attack_successes <= c.steps[i].attack_successes &&
                        c.steps[j].benign_refused <= c.steps[i].benign_refused &&
                        (c.steps[j].attack_successes < c.steps[i].attack_successes ||
                         c.steps[j].benign_refused < c.steps[i].benign_refused);
        if (!dominated)
            ck_assert_msg(kept, "frontier step %zu dropped", i);
    }
    ck_assert_uint_eq(keep[0], 0);
    ck_assert_uint_eq(keep[n - 1], c.len - 1);
    /* without the exact frontier, at most about n */
    ck_assert_uint_le(curve_thin(&c, 10, false, keep), 12);
    free(keep);
    curve_free(&c);
}
END_TEST

START_TEST(test_sweep_csv_loads_back_as_series)
{
    curve_t c;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(curve_of("set,score\nharmful,0.25\nbenign,0.5\nharmful,0.75\nbenign,1e-7\n", &c, &d), 0);
    size_t keep[8];
    size_t n = curve_thin(&c, 0, true, keep);
    sb_t out = SB_INIT;
    curve_write_csv(&c, keep, n, &out);
    ck_assert_str_eq(sb_str(&out),
                     "threshold,attack_success_pct,over_refusal_pct,n_adversarial,attack_successes,n_benign,benign_refused\n"
                     "1e-07,0,100,2,0,2,2\n"
                     "0.25,0,50,2,0,2,1\n"
                     "0.5,50,50,2,1,2,1\n"
                     "0.75,50,0,2,1,2,0\n");
    pointset_t set = POINTSET_INIT;
    ck_assert_int_eq(load_buffer(&set, "dir/curve.csv", sb_str(&out), out.len, NULL, &d), 0);
    ck_assert_uint_eq(set.len, 4);
    ck_assert_str_eq(set.items[2].name, "curve @ 0.5");
    ck_assert_str_eq(set.items[2].series, "curve");
    ck_assert(set.items[2].knob == 0.5);
    ck_assert_int_eq(set.items[2].attack_successes, 1);
    ck_assert(set.items[2].asr == 0.5);
    pointset_free(&set);
    sb_free(&out);
    curve_free(&c);
    diag_free(&d);
}
END_TEST

START_TEST(test_scores_loaded_as_points_are_thinned)
{
    sb_t text = SB_INIT;
    sb_puts(&text, "set,score\n");
    for (int i = 0; i < 1000; i++)
        sb_printf(&text, "%s,%d.%03d\n", i % 7 ? "benign" : "harmful", i / 1000, i % 1000);
    char *path = temp_file(sb_str(&text));
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.max_points = 50;
    ck_assert_int_eq(load_file(&set, path, &o, &d), 0);
    unlink(path);
    ck_assert_uint_le(set.len, 52);
    ck_assert_uint_ge(set.len, 50);
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_ptr_nonnull(strstr(d.warnings[0], "a curve of 1,000 thresholds, shown as"));
    ck_assert_str_eq(set.knob_name, "threshold");
    pointset_free(&set);
    diag_free(&d);
    sb_free(&text);
}
END_TEST

static void expect_curve_error(const char *text, const char *want)
{
    curve_t c;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(curve_of(text, &c, &d), -1);
    ck_assert_ptr_nonnull(d.error);
    ck_assert_msg(strstr(d.error, want), "error '%s' lacks '%s'", d.error, want);
    diag_free(&d);
}

START_TEST(test_scores_errors)
{
    expect_curve_error("set,score\nharmful,high\n", ":2:2: score: expected a number");
    expect_curve_error("set,score\nharmful,nan\n", ":2:2: score: expected a number");
    expect_curve_error("set,score\nharmful,\n", ":2:2: score: expected a number, got ''");
    expect_curve_error("set,score,refused_anyway\nharmful,0.5,perhaps\n", ":2:3: refused_anyway: expected true or false");
    expect_curve_error("id,score\n1,0.5\n", ":1: missing the column saying which set each prompt belongs to");
    expect_curve_error("score_bin_lower,harmful_count\n0.1,4\n", ":1: missing the benign count column");
    expect_curve_error("score_bin_lower,harmful_count,benign_count\n0.1,-4,2\n", ":2:2: harmful_count: expected a whole number");
    expect_curve_error("name,attack_success_pct,over_refusal_pct\na,1,2\n", "this looks like operating points, not per-prompt scores");
    expect_curve_error("set,score\nneutral,0.5\n", "no scored prompt");
}
END_TEST

START_TEST(test_detection)
{
    char *points[] = {"name", "attack_success_pct"};
    char *judged[] = {"id", "prompt_label", "final_label"};
    char *jbb[] = {"index", "behavior", "jailbroken"};
    char *scores[] = {"Set", "Score"};
    char *binned[] = {"score bin lower", "harmful_count", "benign_count"};
    ck_assert_int_eq(input_detect(points, 2, NULL), INPUT_POINTS);
    ck_assert_int_eq(input_detect(judged, 3, NULL), INPUT_JUDGED);
    ck_assert_int_eq(input_detect(jbb, 3, NULL), INPUT_JUDGED);
    ck_assert_int_eq(input_detect(scores, 2, NULL), INPUT_SCORES);
    ck_assert_int_eq(input_detect(binned, 3, NULL), INPUT_BINNED);
    input_opts_t o = INPUT_OPTS_INIT;
    o.kind = INPUT_SCORES;
    ck_assert_int_eq(input_detect(points, 2, &o), INPUT_SCORES);
    o.kind = INPUT_AUTO;
    o.preset = "xstest";
    ck_assert_int_eq(input_detect(points, 2, &o), INPUT_JUDGED);
}
END_TEST

/* The fast reader (a clean file), the reader that counts lines (text in
 * memory) and the fast reader's fallback (a row in neither set) agree. */
START_TEST(test_fast_and_general_paths_agree)
{
    sb_t text = SB_INIT, odd = SB_INIT;
    sb_puts(&text, "id,set,score\n");
    sb_puts(&odd, "id,set,score\n");
    for (int i = 0; i < 600; i++) {
        const char *set = i % 9 == 0 ? "harmful" : "benign";
        sb_printf(&text, "%d,%s,0.%03d\n", i, set, (i * 37) % 150);
        sb_printf(&odd, "%d,%s,0.%03d\n", i, set, (i * 37) % 150);
        if (i == 300)
            sb_puts(&odd, "x,neutral,0.5\n");
    }
    curve_t fast, fallback;
    diag_t d = DIAG_INIT, d2 = DIAG_INIT;
    ck_assert_int_eq(curve_of(sb_str(&text), &fast, &d), 0);
    ck_assert_uint_eq(d.nwarnings, 0);
    ck_assert_int_eq(curve_of(sb_str(&odd), &fallback, &d2), 0);
    ck_assert_uint_eq(d2.nwarnings, 1);
    ck_assert_ptr_nonnull(strstr(d2.warnings[0], "first at line 303: 'neutral'"));
    pointset_t set = POINTSET_INIT;
    ck_assert_int_eq(load_buffer(&set, "mem.csv", sb_str(&text), text.len, NULL, &d), 0);
    ck_assert_uint_eq(fast.len, 150);
    ck_assert_uint_eq(set.len, fast.len);
    ck_assert_uint_eq(fallback.len, fast.len);
    for (size_t i = 0; i < fast.len; i++) {
        ck_assert(set.items[i].knob == fast.steps[i].threshold);
        ck_assert_int_eq(set.items[i].attack_successes, fast.steps[i].attack_successes);
        ck_assert_int_eq(set.items[i].benign_refused, fast.steps[i].benign_refused);
        ck_assert(fallback.steps[i].threshold == fast.steps[i].threshold);
        ck_assert_int_eq(fallback.steps[i].attack_successes, fast.steps[i].attack_successes);
        ck_assert_int_eq(fallback.steps[i].benign_refused, fast.steps[i].benign_refused);
    }
    pointset_free(&set);
    curve_free(&fast);
    curve_free(&fallback);
    diag_free(&d);
    diag_free(&d2);
    sb_free(&text);
    sb_free(&odd);
}
END_TEST

/* Per-category counts of a score file loaded as points, through the fast
 * reader (a file) and the line-counting one (text in memory), against a
 * count from the definition. */
START_TEST(test_categories_per_threshold)
{
    sb_t text = SB_INIT;
    sb_puts(&text, "set,category,score,refused_anyway\n");
    const char *cats[] = {"cyber", "weapons", ""};
    for (int i = 0; i < 300; i++)
        sb_printf(&text, "%s,%s,0.%02d,%s\n", i % 3 ? "benign" : "harmful", cats[(i / 3) % 3], (i * 7) % 40,
                  i % 31 == 0 ? "yes" : "");
    char *path = temp_file(sb_str(&text));
    for (int pass = 0; pass < 2; pass++) {
        pointset_t set = POINTSET_INIT;
        diag_t d = DIAG_INIT;
        int rc = pass == 0 ? load_file(&set, path, NULL, &d) : load_buffer(&set, "m.csv", sb_str(&text), text.len, NULL, &d);
        ck_assert_int_eq(rc, 0);
        ck_assert_uint_gt(set.len, 10);
        for (size_t k = 0; k < set.len; k++) {
            const point_t *p = &set.items[k];
            ck_assert_uint_eq(p->ncategories, 2);
            long long n_sum = 0;
            for (size_t c = 0; c < 2; c++) {
                const category_t *cat = &p->categories[c];
                long long n = 0, succ = 0;
                for (int i = 0; i < 300; i++) {
                    if (i % 3 || strcmp(cats[(i / 3) % 3], cat->name) != 0)
                        continue;
                    n++;
                    succ += i % 31 != 0 && ((i * 7) % 40) / 100.0 < p->knob;
                }
                ck_assert_int_eq(cat->n_adversarial, n);
                ck_assert_int_eq(cat->attack_successes, succ);
                n_sum += n;
            }
            ck_assert_int_le(n_sum, p->n_adversarial); /* prompts without a category are in the total only */
        }
        pointset_free(&set);
        diag_free(&d);
    }
    unlink(path);
    sb_free(&text);
}
END_TEST

/* The fast path's own contract: it takes a clean file, and leaves to the
 * general reader (NULL) a file it must not count, without reading at all
 * where it cannot apply. */
static scores_t *fast_of(const char *text, const input_opts_t *o, long long *rows, unsigned long long *read)
{
    char *path = temp_file(text);
    csvsource_t src;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    scores_t *s = scores_read_fast(&src, o, false, rows, &d);
    *read = src.done;
    csvread_close(&src);
    unlink(path);
    ck_assert_ptr_null(d.error);
    diag_free(&d);
    return s;
}

START_TEST(test_fast_path_contract)
{
    long long rows = 0;
    unsigned long long read;
    scores_t *s = fast_of("set,score\nharmful,0.5\nbenign,0.25\nharmful,7e-1\n", NULL, &rows, &read);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(rows, 3);
    curve_t c;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(scores_finish(s, &c, &d), 0);
    ck_assert_uint_eq(c.len, 3);
    ck_assert_int_eq(c.n_adversarial, 2);
    curve_free(&c);
    scores_free(s);
    diag_free(&d);

    const char *refused[] = {
        "set,score\nharmful,0.5\nbenign\n",             /* ragged */
        "set,score\nharmful,0.5\nneutral,0.5\n",        /* in neither set */
        "set,score\nharmful,high\n",                    /* not a number */
        "set,score\n",                                  /* no row */
        "name,asr_pct,orr_pct\na,1,2\n",                /* operating points */
        "set,score\nharmful,\"0.5\n",                   /* a quote never closed */
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        ck_assert_msg(fast_of(refused[i], NULL, &rows, &read) == NULL, "took %s", refused[i]);
    input_opts_t o = INPUT_OPTS_INIT;
    o.kind = INPUT_POINTS;
    ck_assert_ptr_null(fast_of("set,score\nharmful,0.5\n", &o, &rows, &read));
    ck_assert_uint_eq(read, 0);
    csvsource_t in;
    ck_assert_int_eq(csvread_open(&in, "-", &d), 0);
    ck_assert_ptr_null(scores_read_fast(&in, NULL, false, &rows, &d));
    ck_assert_uint_eq(in.done, 0);
    csvread_close(&in);
}
END_TEST

/* A curve kept whole (the explorer's load_file_curves): one point stands
 * for it, and every step of the exact curve can be put on that point with
 * the counts the definition gives, per category too; a threshold is found
 * by binary search at or above it; the cheapest step is the cheapest. */
static double cost_of(double asr, double orr, void *ctx)
{
    (void)ctx;
    return 1000 * asr + orr;
}

static bool orr_under_half(double asr, double orr, void *ctx)
{
    (void)ctx;
    (void)asr;
    return orr < 0.5;
}

START_TEST(test_curve_kept_whole)
{
    enum { N = 300 };
    prompt_t pr[N];
    const char *cats[] = {"cyber", "weapons"};
    sb_t text = SB_INIT;
    sb_puts(&text, "set,category,score\n");
    for (int i = 0; i < N; i++) {
        pr[i] = (prompt_t){i % 3 == 0, ((i * 7) % 40) / 100.0, false};
        sb_printf(&text, "%s,%s,0.%02d\n", pr[i].harmful ? "harmful" : "benign", cats[(i / 3) % 2], (i * 7) % 40);
    }
    pointset_t set = POINTSET_INIT;
    curves_t curves = CURVES_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_buffer_curves(&set, &curves, "whole.csv", sb_str(&text), text.len, NULL, &d), 0);
    for (size_t w = 0; w < d.nwarnings; w++)
        ck_assert_msg(!strstr(d.warnings[w], "shown as"), "a curve kept whole is not thinned: %s", d.warnings[w]);
    ck_assert_uint_eq(set.len, 1);
    ck_assert_uint_eq(curves.len, 1);
    ck_assert_int_eq(curves_of_point(&curves, 0), 0);
    ck_assert_int_eq(curves_of_point(&curves, 1), -1);
    ck_assert_str_eq(set.items[0].name, "whole");
    const curve_t *c = &curves.items[0].curve;
    ck_assert_uint_eq(c->len, 40); /* the distinct scores 0.00 .. 0.39 */
    for (size_t k = 0; k < c->len; k++) {
        curves_put_step(&curves, 0, k, &set);
        const point_t *p = &set.items[0];
        long long succ, ref;
        brute(pr, N, p->knob, &succ, &ref);
        ck_assert_double_eq(p->knob, c->steps[k].threshold);
        ck_assert_int_eq(p->attack_successes, succ);
        ck_assert_int_eq(p->benign_refused, ref);
        ck_assert(fabs(p->asr - (double)succ / 100.0) < 1e-12);
        for (size_t j = 0; j < p->ncategories; j++) {
            long long n = 0, sc = 0;
            for (int i = 0; i < N; i++)
                if (pr[i].harmful && strcmp(cats[(i / 3) % 2], p->categories[j].name) == 0)
                    n++, sc += pr[i].score < p->knob;
            ck_assert_int_eq(p->categories[j].n_adversarial, n);
            ck_assert_int_eq(p->categories[j].attack_successes, sc);
        }
    }
    /* at or above: the first step not below, by binary search */
    for (int t = -1; t <= 41; t++) {
        double want = t / 100.0 + 0.005;
        size_t k = curve_at_or_above(c, want);
        ck_assert(k == c->len || c->steps[k].threshold >= want);
        ck_assert(k == 0 || c->steps[k - 1].threshold < want);
    }
    ck_assert_uint_eq(curve_at_or_above(c, 0.2), 20); /* a measured threshold is its own step */
    /* the cheapest step within a rule, against a scan */
    size_t best = c->len;
    double best_cost = INFINITY;
    for (size_t k = 0; k < c->len; k++) {
        double asr = (double)c->steps[k].attack_successes / (double)c->n_adversarial;
        double orr = (double)c->steps[k].benign_refused / (double)c->n_benign;
        if (orr < 0.5 && cost_of(asr, orr, NULL) < best_cost)
            best_cost = cost_of(asr, orr, NULL), best = k;
    }
    ck_assert_uint_lt(best, c->len);
    ck_assert_uint_eq(curve_cheapest(c, cost_of, orr_under_half, NULL), best);
    curves_free(&curves);
    pointset_free(&set);
    diag_free(&d);
    sb_free(&text);
}
END_TEST

static Suite *scores_suite(void)
{
    Suite *s = suite_create("scores");
    TCase *tc = tcase_create("scores");
    tcase_add_test(tc, test_curve_matches_brute_force);
    tcase_add_test(tc, test_binned_equals_scores);
    tcase_add_test(tc, test_thinning_keeps_frontier);
    tcase_add_test(tc, test_sweep_csv_loads_back_as_series);
    tcase_add_test(tc, test_scores_loaded_as_points_are_thinned);
    tcase_add_test(tc, test_scores_errors);
    tcase_add_test(tc, test_detection);
    tcase_add_test(tc, test_fast_and_general_paths_agree);
    tcase_add_test(tc, test_categories_per_threshold);
    tcase_add_test(tc, test_fast_path_contract);
    tcase_add_test(tc, test_curve_kept_whole);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(scores_suite)
