/* Unit tests of CSV reading and operating-point loading. */
#include "config.h"

#include "unit.h"
#include "load/csvread.h"
#include "load/load.h"
#include "core/model.h"
#include "core/builtin.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int load_text(pointset_t *set, const char *text, diag_t *d)
{
    return load_buffer(set, "t.csv", text, strlen(text), NULL, d);
}

/* Loads `text` expecting failure, and checks the message contains `want`. */
static void expect_error_n(const char *text, size_t len, const char *want)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_buffer(&set, "t.csv", text, len, NULL, &d), -1);
    ck_assert_ptr_nonnull(d.error);
    ck_assert_msg(strstr(d.error, want), "error '%s' lacks '%s'", d.error, want);
    ck_assert_uint_eq(set.len, 0);
    diag_free(&d);
    pointset_free(&set);
}

static void expect_error(const char *text, const char *want) { expect_error_n(text, strlen(text), want); }

static char *data_path(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("DATADIR");
    snprintf(buf, sizeof buf, "%s/%s", dir ? dir : "data", name);
    return buf;
}

START_TEST(test_seed_csv_equals_builtin)
{
    pointset_t file = POINTSET_INIT, builtin = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_file(&file, data_path("builtin-scenario.csv"), NULL, &d), 0);
    builtin_load(&builtin);
    ck_assert_uint_eq(file.len, builtin.len);
    for (size_t i = 0; i < file.len; i++) {
        ck_assert_str_eq(file.items[i].name, builtin.items[i].name);
        ck_assert_str_eq(file.items[i].series, builtin.items[i].series);
        ck_assert(file.items[i].asr == builtin.items[i].asr);
        ck_assert(file.items[i].orr == builtin.items[i].orr);
        ck_assert_str_eq(point_attr(&file.items[i], "notes"), point_attr(&builtin.items[i], "notes"));
    }
    diag_free(&d);
    pointset_free(&file);
    pointset_free(&builtin);
}
END_TEST

START_TEST(test_published_file_loads_as_is)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_file(&set, data_path("published-operating-points.csv"), NULL, &d), 0);
    ck_assert_uint_eq(set.len, 67);
    /* names are unique */
    for (size_t i = 0; i < set.len; i++)
        for (size_t j = i + 1; j < set.len; j++)
            ck_assert_msg(strcmp(set.items[i].name, set.items[j].name) != 0, "duplicate %s", set.items[i].name);
    /* four rows lack one rate: kept, with one warning naming their lines */
    size_t missing = 0;
    for (size_t i = 0; i < set.len; i++)
        missing += !point_has_rates(&set.items[i]);
    ck_assert_uint_eq(missing, 4);
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_msg(strstr(d.warnings[0], "4 points"), "%s", d.warnings[0]);
    const point_t *p = pointset_find(&set, "Llama-3.1-70B (as released)");
    ck_assert_ptr_nonnull(p);
    ck_assert(fabs(p->asr - 0.301) < 1e-12 && fabs(p->orr - 0.029) < 1e-12);
    ck_assert_str_eq(point_attr(p, "benign_set"), "OR-Bench-Hard-1K");
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(test_rate_forms)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_text(&set,
                               "\xEF\xBB\xBFModel,Attack Success Rate,not_overrefuse,engagement\r\n"
                               "m1,0.002,0.95,0.7\r\n"
                               "m2,0.5%,0.97,\r\n",
                               &d),
                     0);
    ck_assert_uint_eq(set.len, 2);
    ck_assert(fabs(set.items[0].asr - 0.002) < 1e-15);
    ck_assert(fabs(set.items[0].orr - 0.05) < 1e-12);
    ck_assert(fabs(set.items[1].asr - 0.005) < 1e-15);
    ck_assert_str_eq(point_attr(&set.items[0], "engagement"), "0.7");
    ck_assert_ptr_null(point_attr(&set.items[1], "engagement"));
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(test_counts)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_text(&set,
                               "name,n_adversarial,attack_successes,n_benign,benign_refused,over_refusal_pct\n"
                               "a,200,1,250,21,9.0\n",
                               &d),
                     0);
    ck_assert(fabs(set.items[0].asr - 0.005) < 1e-15);
    ck_assert(fabs(set.items[0].orr - 0.09) < 1e-15); /* the rate given wins; counts disagree: warn */
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_msg(strstr(d.warnings[0], "t.csv:2: over-refusal rate 9% disagrees"), "%s", d.warnings[0]);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(test_duplicate_names_get_told_apart)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_text(&set,
                               "model,variant,set,asr_pct,orr_pct\n"
                               "m,v,x,1,2\n"
                               "m,v,y,1,3\n"
                               "k,,x,1,2\n"
                               "k,,x,1,2\n",
                               &d),
                     0);
    ck_assert_str_eq(set.items[0].name, "m (v) [x]");
    ck_assert_str_eq(set.items[1].name, "m (v) [y]");
    ck_assert_str_eq(set.items[2].name, "k [line 4]");
    ck_assert_str_eq(set.items[3].name, "k [line 5]");
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(test_errors)
{
    expect_error("", "file is empty");
    expect_error("name,asr_pct,orr_pct\n", "header only");
    expect_error("name,score\nx,1\n", "missing a rate column; found: name, score; expected");
    expect_error("asr_pct,orr_pct\n1,2\n", "missing a name column");
    expect_error("name,asr_pct,orr_pct\na,1,2\nb,1\n", "t.csv:3: row has 2 fields, expected 3");
    expect_error("name,asr_pct,orr_pct\na,150,2\n", "t.csv:2:2: asr_pct: expected a percentage from 0 to 100, got '150'");
    expect_error("name,asr_pct,orr_pct\na,1,nan\n", "t.csv:2:3: orr_pct: expected a percentage");
    expect_error("name,attack_success_rate,orr_pct\na,1.5,2\n", "expected a fraction from 0 to 1");
    expect_error("name,asr_pct,orr_pct\n,1,2\n", "t.csv:2:1: name: expected a point name");
    expect_error("name,asr_pct,orr_pct\na,1,2\n\"b,1,2\nc,1,2\n", "t.csv:3: a quoted field that starts on this line is never closed");
    expect_error("name,asr_pct,orr_pct\na\"b,1,2\n", "t.csv:2:2: unexpected quote");
    expect_error("name,asr_pct,asr_pct\na,1,2\n", "column 'asr_pct' appears twice");
    expect_error("name,n_adversarial,attack_successes,orr_pct\na,10,11,2\n", "expected no more than the number");
}
END_TEST

START_TEST(test_binary_and_missing)
{
    static const char nul[] = "name,asr_pct\0,orr_pct\n";
    expect_error_n(nul, sizeof nul - 1, "t.csv:1:13: NUL byte");
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_file(&set, "/nonexistent/x.csv", NULL, &d), -1);
    ck_assert_msg(strstr(d.error, "/nonexistent/x.csv: cannot open: No such file"), "%s", d.error);
    diag_free(&d);
    ck_assert_int_eq(load_file(&set, "/", NULL, &d), -1);
    ck_assert_msg(strstr(d.error, "is a directory"), "%s", d.error);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

static int count_rows(const csvrow_t *row, void *ctx)
{
    long *lines = ctx;
    lines[lines[0] + 1] = row->line;
    lines[0]++;
    return 0;
}

START_TEST(test_line_numbers_follow_multiline_fields)
{
    const char *text = "h1,h2\n\na,\"multi\nline\"\n\nb,c\n";
    long lines[8] = {0};
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_buffer("t", text, strlen(text), count_rows, lines, &d), 0);
    ck_assert_int_eq(lines[0], 3);
    ck_assert_int_eq(lines[1], 1);
    ck_assert_int_eq(lines[2], 3);
    ck_assert_int_eq(lines[3], 6);
    diag_free(&d);
}
END_TEST

static Suite *load_suite(void)
{
    Suite *s = suite_create("load");
    TCase *t = tcase_create("points");
    tcase_add_test(t, test_seed_csv_equals_builtin);
    tcase_add_test(t, test_published_file_loads_as_is);
    tcase_add_test(t, test_rate_forms);
    tcase_add_test(t, test_counts);
    tcase_add_test(t, test_duplicate_names_get_told_apart);
    tcase_add_test(t, test_errors);
    tcase_add_test(t, test_binary_and_missing);
    tcase_add_test(t, test_line_numbers_follow_multiline_fields);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(load_suite)
