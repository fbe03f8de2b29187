/* Unit tests of CSV reading and operating-point loading. */
#include "config.h"

#include "unit.h"
#include "core/builtin.h"
#include "core/model.h"
#include "core/stats.h"
#include "base/num.h"
#include "load/csvcell.h"
#include "load/csvread.h"
#include "load/load.h"
#include "load/names.h"
#include "load/points.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
    /* A complement is as exact as the cell: 1 - 0.918 is 8.2% and 1 -
     * 0.99999 is 0.001%, in machine output too (no binary noise). */
    ck_assert_int_eq(load_text(&set, "name,not_unsafe,not_overrefuse\nm,0.918,0.99999\n", &d), 0);
    ck_assert(set.items[0].asr == 0.082);
    ck_assert(set.items[0].orr == 0.00001);
    char b[40];
    ck_assert_str_eq(num_format_json(num_fraction_to_pct(set.items[0].asr), b, sizeof b), "8.2");
    ck_assert_str_eq(num_format_json(num_fraction_to_pct(set.items[0].orr), b, sizeof b), "0.001");
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
                               "a,200,1,250,21,8.4\n"
                               "b,3,1,3,2,66.7\n",
                               &d),
                     0);
    ck_assert(fabs(set.items[0].asr - 0.005) < 1e-15);
    ck_assert(fabs(set.items[0].orr - 0.084) < 1e-15);
    /* the rate is the counts' (2/3), the printed 66.7 being its rounding */
    ck_assert(set.items[1].orr == 2.0 / 3.0);
    ck_assert_uint_eq(d.nwarnings, 0);
    diag_free(&d);
    pointset_free(&set);
    /* A rate its counts do not round to, at its printed precision, is an
     * error naming the cell: 21/250 is 8.4%, not 9.0%. */
    expect_error("name,n_adversarial,attack_successes,n_benign,benign_refused,over_refusal_pct\n"
                 "a,200,1,250,21,9.0\n",
                 "t.csv:2:6: over_refusal_pct: expected the over-refusal rate of its counts, 21 of 250 = 8.4%, at "
                 "its printed precision, got '9.0'");
    /* ... and a fraction column the same: 1/3 is 0.333, not 0.34. */
    expect_error("name,n_adversarial,attack_successes,attack_success_rate,orr_pct\na,3,1,0.34,5\n",
                 "t.csv:2:4: attack_success_rate: expected the attack success rate");
}
END_TEST

/* The count a rate and its n imply when exactly one whole count rounds to
 * the printed rate (each candidate k checked here by rounding k/n at the
 * cell's decimals): 0.5% of 200 is 1 (and Wilson 0.09%-2.78% follows);
 * 8.4% of 250 is 21; 0.995 not_unsafe of 200 is 1 success. */
static long long fitting(double printed, int decimals, double unit, long long n, long long *count)
{
    long long found = 0;
    for (long long k = 0; k <= n; k++) {
        double v = (double)k / (double)n * unit, scale = pow(10, decimals);
        if (fabs(v * scale - printed * scale) <= 0.5 + 1e-9) {
            found++;
            *count = k;
        }
    }
    return found;
}

START_TEST(test_counts_from_n)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_text(&set,
                               "name,n_adversarial,n_benign,attack_success_pct,over_refusal_pct\n"
                               "gpt4,200,250,0.5,8.4\n"
                               "big,100000,250,0.5,8.4\n"
                               "none,200,250,0.3,8.4\n"
                               "no-n,,,0.5,8.4\n",
                               &d),
                     0);
    long long k;
    ck_assert_int_eq(fitting(0.5, 1, 100, 200, &k), 1);
    const point_t *p = &set.items[0];
    ck_assert_int_eq(p->attack_successes, k);
    ck_assert_int_eq(p->attack_successes, 1);
    ck_assert(p->adv_note.derived && !p->adv_note.inexact);
    ck_assert_int_eq(fitting(8.4, 1, 100, 250, &k), 1);
    ck_assert_int_eq(p->benign_refused, k);
    ck_assert(p->ben_note.derived);
    stats_interval_t ci = stats_asr_interval(p, 0.95, STATS_WILSON);
    ck_assert(ci.known && fabs(ci.lo - 0.000883) < 1e-6 && fabs(ci.hi - 0.027774) < 1e-6);
    sb_t sb = SB_INIT;
    point_counts_describe(&sb, p, true, false);
    ck_assert_str_eq(sb_str(&sb), "1 of 200 (from rate \xc3\x97 n)");
    /* n = 100,000 at one decimal: counts 450 to 550 all print 0.5%, so the
     * count is not exact and no interval is claimed. */
    p = &set.items[1];
    ck_assert_int_eq(fitting(0.5, 1, 100, 100000, &k), 101);
    ck_assert(p->adv_note.inexact && !p->adv_note.derived);
    ck_assert_int_eq(p->attack_successes, POINT_COUNT_UNKNOWN);
    ck_assert_int_eq(p->n_adversarial, 100000);
    ck_assert(!stats_asr_interval(p, 0.95, STATS_WILSON).known);
    sb_reset(&sb);
    point_counts_describe(&sb, p, true, false);
    ck_assert_str_eq(sb_str(&sb), "n = 100,000, count not exact at the printed precision");
    /* 0.3% of 200 is no whole count: a warning naming the cell, counts unknown. */
    p = &set.items[2];
    ck_assert_int_eq(fitting(0.3, 1, 100, 200, &k), 0);
    ck_assert_int_eq(p->attack_successes, POINT_COUNT_UNKNOWN);
    ck_assert(!p->adv_note.derived && !p->adv_note.inexact);
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_msg(strstr(d.warnings[0], "t.csv:4:4: attack_success_pct: no whole count of 200 prompts"), "%s",
                  d.warnings[0]);
    p = &set.items[3];
    sb_reset(&sb);
    point_counts_describe(&sb, p, false, false);
    ck_assert_str_eq(sb_str(&sb), "n unknown");
    sb_free(&sb);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

/* --n-adversarial and --n-benign: n for the rows that give none; a row's
 * own n wins. Complement and fraction columns derive the same way. */
START_TEST(test_counts_from_n_flags)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.n_adversarial = 200;
    o.n_benign = 250;
    const char *text = "name,n_benign,not_unsafe,over_refusal_rate\n"
                       "a,,0.995,0.084\n"
                       "b,500,0.995,0.084\n";
    ck_assert_int_eq(load_buffer(&set, "t.csv", text, strlen(text), &o, &d), 0);
    ck_assert_int_eq(set.items[0].n_adversarial, 200);
    ck_assert_int_eq(set.items[0].attack_successes, 1);
    ck_assert_int_eq(set.items[0].benign_refused, 21);
    ck_assert_int_eq(set.items[1].n_benign, 500);
    ck_assert_int_eq(set.items[1].benign_refused, 42);
    ck_assert(set.items[1].ben_note.derived);
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

/* Each row's line and offset, and its first cell. */
typedef struct {
    size_t n;
    long line[8];
    unsigned long long off[8];
    char first[8][8];
} where_rows_t;

static int where_rows(const csvrow_t *row, void *ctx)
{
    where_rows_t *w = ctx;
    if (w->n < 8) {
        w->line[w->n] = row->line;
        w->off[w->n] = row->offset;
        snprintf(w->first[w->n], sizeof w->first[w->n], "%s", row->fields[0]);
    }
    w->n++;
    return 0;
}

/* A carriage return alone ends a row for libcsv but not the line: the row
 * after it is on the same line, at the byte after it (never line 0, where
 * messages said "x.csv:0: row has 2 fields"). */
START_TEST(test_line_numbers_after_a_lone_carriage_return)
{
    const char *text = "h1,h2\nA,1\nB,2\rC,3\n\rD,4\r\nE,5\n";
    where_rows_t w = {0};
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_buffer("t", text, strlen(text), where_rows, &w, &d), 0);
    ck_assert_int_eq(w.n, 6);
    static const char *const first[] = {"h1", "A", "B", "C", "D", "E"};
    static const long line[] = {1, 2, 3, 3, 4, 5};
    for (size_t i = 0; i < 6; i++) {
        ck_assert_str_eq(w.first[i], first[i]);
        ck_assert_int_eq(w.line[i], line[i]);
        ck_assert_uint_eq(w.off[i], (unsigned long long)(strstr(text, first[i]) - text));
    }
    diag_free(&d);
}
END_TEST

/* A CRLF line end cut by the end of a block (256 KiB): the rows after it
 * keep their own lines and offsets. */
START_TEST(test_line_numbers_across_a_cut_crlf)
{
    sb_t text = SB_INIT;
    sb_puts(&text, "h1,h2\r\n");
    /* one long row whose '\r' is the block's last byte */
    sb_puts(&text, "L,");
    while (text.len < 256u * 1024u - 1)
        sb_putc(&text, 'x');
    sb_puts(&text, "\r\nM,1\r\nN,2\r\n");
    char *path = unit_temp_file(sb_str(&text), text.len);
    csvsource_t src;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    where_rows_t w = {0};
    ck_assert_int_eq(csvread_source(&src, where_rows, &w, &d), 0);
    csvread_close(&src);
    unlink(path);
    ck_assert_int_eq(w.n, 4);
    ck_assert_str_eq(w.first[2], "M");
    ck_assert_int_eq(w.line[2], 3);
    ck_assert_uint_eq(w.off[2], (unsigned long long)(strstr(sb_str(&text), "M,1") - sb_str(&text)));
    ck_assert_str_eq(w.first[3], "N");
    ck_assert_int_eq(w.line[3], 4);
    sb_free(&text);
    diag_free(&d);
}
END_TEST

/* A row made by hand, as csvread would hand it over. */
typedef struct {
    char *fields[8];
    size_t lens[8];
    csvrow_t row;
} handrow_t;

static const csvrow_t *hand_row(handrow_t *h, long line, const char *csv)
{
    static char buf[8][64];
    size_t n = 0;
    for (const char *p = csv;; n++) {
        size_t len = strcspn(p, ",");
        snprintf(buf[n], sizeof buf[n], "%.*s", (int)len, p);
        h->fields[n] = buf[n];
        h->lens[n] = len;
        if (p[len] == '\0')
            break;
        p += len + 1;
    }
    h->row = (csvrow_t){"t.csv", line, n + 1, h->fields, h->lens, 0};
    return &h->row;
}

/* points_begin on a header given as "a,b,c", with the default options. */
static points_t *begin_points(pointset_t *set, const char *header, const char *path, diag_t *d)
{
    static const input_opts_t o = INPUT_OPTS_INIT;
    handrow_t h;
    return points_begin(hand_row(&h, 1, header), set, &o, path, "f.csv", d);
}

/* The points reader through its own interface: a row with a missing rate
 * is kept, listed once with its line; a bad cell names line and column. */
START_TEST(test_points_reader_missing_rate)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    handrow_t h;
    points_t *p = begin_points(&set, "name,asr_pct,orr_pct", "dir/f.csv", &d);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(points_row(p, hand_row(&h, 2, "a,1,2")), 0);
    ck_assert_int_eq(points_row(p, hand_row(&h, 3, "b,1,")), 0);
    ck_assert_int_eq(points_row(p, hand_row(&h, 5, "c, ,4")), 0);
    ck_assert_int_eq(points_finish(p), 0);
    points_free(p);
    ck_assert_uint_eq(set.len, 3);
    ck_assert(isnan(set.items[1].orr) && fabs(set.items[1].asr - 0.01) < 1e-15);
    ck_assert(isnan(set.items[2].asr));
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_str_eq(d.warnings[0], "f.csv: 2 points (lines 3, 5) without an attack success or over-refusal rate: "
                                    "that rate is unknown");
    ck_assert_ptr_null(d.error);

    p = begin_points(&set, "name,asr_pct,orr_pct", "f.csv", &d);
    ck_assert_int_eq(points_row(p, hand_row(&h, 7, "d,x,2")), -1);
    ck_assert_str_eq(d.error, "f.csv:7:2: asr_pct: expected a percentage from 0 to 100 (0.1 or 0.1% both mean "
                              "0.1 percent), got 'x'");
    points_free(p);
    diag_free(&d);

    ck_assert_ptr_null(begin_points(&set, "name,notes", "f.csv", &d));
    ck_assert_msg(strstr(d.error, "f.csv:1: missing a rate column; found: name, notes"), "%s", d.error);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

/* A points file named only by its threshold takes the file's name. */
START_TEST(test_points_reader_threshold_names)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    handrow_t h;
    points_t *p = begin_points(&set, "threshold,asr_pct,orr_pct", "runs/Guard.CSV", &d);
    ck_assert_int_eq(points_row(p, hand_row(&h, 2, "0.5,1,2")), 0);
    points_finish(p);
    points_free(p);
    ck_assert_str_eq(set.items[0].name, "Guard @ 0.5");
    ck_assert_str_eq(set.items[0].series, "Guard");
    ck_assert_str_eq(set.knob_name, "threshold");
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

static void add_point(pointset_t *set, const char *name, long line, const char *key, const char *value)
{
    point_t p = point_make(name);
    p.line = line;
    if (key)
        point_set_attr(&p, key, value);
    pointset_add(set, p);
}

START_TEST(test_names_unique_across_files)
{
    pointset_t set = POINTSET_INIT;
    add_point(&set, "a", 2, NULL, NULL);
    add_point(&set, "a [f2]", 3, NULL, NULL);
    add_point(&set, "a", 2, NULL, NULL);
    add_point(&set, "a", 3, NULL, NULL);
    add_point(&set, "b", 4, NULL, NULL);
    names_unique(&set, 2, "f2", false);
    ck_assert_str_eq(set.items[0].name, "a");
    ck_assert_str_eq(set.items[1].name, "a [f2]");
    ck_assert_str_eq(set.items[2].name, "a [f2 #2]");
    ck_assert_str_eq(set.items[3].name, "a [f2 #3]");
    ck_assert_str_eq(set.items[4].name, "b");
    add_point(&set, "b", 9, NULL, NULL);
    names_unique(&set, 5, "f3", true);
    ck_assert_str_eq(set.items[5].name, "b [f3 line 9]");
    pointset_free(&set);
}
END_TEST

START_TEST(test_names_tell_apart)
{
    char *columns[] = {"model", "notes", "set", "judge"};
    pointset_t set = POINTSET_INIT;
    add_point(&set, "m", 2, "notes", "same");
    add_point(&set, "k [x]", 3, NULL, NULL);
    size_t first = set.len;
    add_point(&set, "m", 2, "set", "x");   /* collides with the first file */
    add_point(&set, "k", 3, "set", "x");   /* two of one name, */
    add_point(&set, "k", 4, "set", "x");   /* no column tells them apart */
    add_point(&set, "j", 5, "judge", "p"); /* two of one name, told apart */
    add_point(&set, "j", 6, "judge", "q"); /* by the first column that can */
    names_tell_apart(&set, first, columns, 4, "f.csv");
    ck_assert_str_eq(set.items[2].name, "m [f.csv]"); /* by file, not line */
    ck_assert_str_eq(set.items[3].name, "k [line 3]");
    ck_assert_str_eq(set.items[4].name, "k [line 4]");
    ck_assert_str_eq(set.items[5].name, "j [p]");
    ck_assert_str_eq(set.items[6].name, "j [q]");
    pointset_free(&set);

    /* A bracketed value that an earlier file has already: file and line. */
    add_point(&set, "m [x]", 2, NULL, NULL);
    add_point(&set, "m", 3, "set", "x");
    add_point(&set, "m", 4, "set", "y");
    names_tell_apart(&set, 1, columns, 4, "g.csv");
    ck_assert_str_eq(set.items[1].name, "m [x] [g.csv line 3]");
    ck_assert_str_eq(set.items[2].name, "m [y]");
    pointset_free(&set);
}
END_TEST

/* The same names in two files, through load_buffer: the second file's
 * points are told apart from the first's, with no error. */
START_TEST(test_names_across_loaded_files)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    const char *a = "model,variant,asr_pct,orr_pct\nm,v,1,2\nk,,1,2\n";
    const char *b = "model,variant,asr_pct,orr_pct,set\nm,v,3,4,y\nk,,1,2,z\n";
    ck_assert_int_eq(load_buffer(&set, "a.csv", a, strlen(a), NULL, &d), 0);
    ck_assert_int_eq(load_buffer(&set, "b.csv", b, strlen(b), NULL, &d), 0);
    ck_assert_uint_eq(set.len, 4);
    ck_assert_str_eq(set.items[0].name, "m (v)");
    ck_assert_str_eq(set.items[1].name, "k");
    /* line 2 of both files: told apart by the file, not the line */
    ck_assert_str_eq(set.items[2].name, "m (v) [b.csv]");
    ck_assert_str_eq(set.items[3].name, "k [b.csv]");
    /* The same text loaded from each path in turn (one point a file), and
     * the names the three points get. Judged results: the file's path. */
    static const struct {
        const char *text, *paths[3], *names[3];
    } thrice[] = {
        {"set,verdict\nharmful,refused\nbenign,complied\n",
         {"runs/j.csv", "runs/j.csv", "runs/j.csv"},
         {"j (verdict)", "j (verdict) [runs/j.csv]", "j (verdict) [runs/j.csv #2]"}},
        /* Operating points, files of one base name in two folders: what
         * differs is the folder, and the name says it; a third file of
         * that name gets a number. */
        {"model,asr_pct,orr_pct\nGPT-4,1,2\n",
         {"runs/v1/gpt.csv", "runs/v2/gpt.csv", "runs/v2/gpt.csv"},
         {"GPT-4", "GPT-4 [v2/gpt.csv]", "GPT-4 [v2/gpt.csv #2]"}},
    };
    for (size_t c = 0; c < sizeof thrice / sizeof thrice[0]; c++) {
        size_t first = set.len;
        for (size_t k = 0; k < 3; k++)
            ck_assert_int_eq(load_buffer(&set, thrice[c].paths[k], thrice[c].text, strlen(thrice[c].text), NULL, &d),
                             0);
        for (size_t k = 0; k < 3; k++)
            ck_assert_str_eq(set.items[first + k].name, thrice[c].names[k]);
        ck_assert_ptr_null(d.error);
    }
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

/* The set keeps its index of names between files (issue 19): the same
 * file loaded many times takes " #k" suffixes in order, a failed file in
 * between is forgotten, points added without a loader are seen, and a
 * name that a file itself holds ("j (verdict) [runs/j.csv #3]") is
 * skipped. */
START_TEST(test_names_kept_between_files)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    const char *j = "set,verdict\nharmful,refused\nbenign,complied\n";
    const char *bad = "set,verdict\nharmful,refused\nbenign\n";
    const char *taken = "name,asr_pct,orr_pct\nj (verdict) [runs/j.csv #3],1,2\n";
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(load_buffer(&set, "runs/j.csv", j, strlen(j), NULL, &d), 0);
    ck_assert_int_eq(load_buffer(&set, "runs/j.csv", bad, strlen(bad), NULL, &d), -1);
    diag_free(&d);
    ck_assert_uint_eq(set.len, 3);
    ck_assert_int_eq(load_buffer(&set, "t.csv", taken, strlen(taken), NULL, &d), 0);
    point_t p = point_make("j (verdict) [runs/j.csv #4]"); /* added by no loader */
    p.asr = p.orr = 0.5;
    pointset_add(&set, p);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(load_buffer(&set, "runs/j.csv", j, strlen(j), NULL, &d), 0);
    static const char *const want[] = {"j (verdict)", "j (verdict) [runs/j.csv]", "j (verdict) [runs/j.csv #2]",
                                       "j (verdict) [runs/j.csv #3]", "j (verdict) [runs/j.csv #4]",
                                       "j (verdict) [runs/j.csv #5]", "j (verdict) [runs/j.csv #6]",
                                       "j (verdict) [runs/j.csv #7]"};
    ck_assert_uint_eq(set.len, 8);
    for (size_t i = 0; i < 8; i++)
        ck_assert_str_eq(set.items[i].name, want[i]);
    ck_assert_ptr_null(d.error);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(test_names_from_path_and_order)
{
    const char *cases[][2] = {{"dir/Run.CSV", "Run"}, {"a.csv", "a"}, {".csv", ".csv"}, {"x/y", "y"},
                              {"e\x1b[2J.csv", "e?[2J"}, {"d/", ""}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *n = names_from_path(cases[i][0]);
        ck_assert_str_eq(n, cases[i][1]);
        free(n);
    }
    char *names[] = {"b", "a", "b", "a", "c"};
    size_t *order = names_order(names, 5);
    size_t want[] = {1, 3, 0, 2, 4};
    for (size_t i = 0; i < 5; i++)
        ck_assert_uint_eq(order[i], want[i]);
    free(order);
}
END_TEST

START_TEST(test_cells)
{
    long long n = -7;
    ck_assert_ptr_null(csvcell_count("1,200", &n));
    ck_assert_int_eq(n, 1200);
    ck_assert_ptr_null(csvcell_count("1e15", &n));
    ck_assert_int_eq(n, 1000000000000000LL);
    n = -7;
    ck_assert_str_eq(csvcell_count("1.5", &n), "expected a whole number of prompts (0 or more)");
    ck_assert_str_eq(csvcell_count("-1", &n), "expected a whole number of prompts (0 or more)");
    /* A count past the cap says so, naming it (issue 19). */
    ck_assert_str_eq(csvcell_count("2e15", &n), "expected at most 1e15 prompts (the most tradeoff counts)");
    ck_assert_str_eq(csvcell_count("1e20", &n), "expected at most 1e15 prompts (the most tradeoff counts)");
    ck_assert_ptr_nonnull(csvcell_count("ten", &n));
    ck_assert_int_eq(n, -7);
    /* Sums stop at the cap too, leaving the total as it was. */
    long long total = 0;
    ck_assert_ptr_null(csvcell_add_count(&total, 999999999999999LL));
    ck_assert_ptr_null(csvcell_add_count(&total, 1));
    ck_assert_int_eq(total, 1000000000000000LL);
    ck_assert_ptr_nonnull(csvcell_add_count(&total, 1));
    ck_assert_int_eq(total, 1000000000000000LL);
    ck_assert(csvcell_blank(" \t", 2) && csvcell_blank("", 0) && !csvcell_blank(" x", 2));
    handrow_t h;
    diag_t d = DIAG_INIT;
    const csvrow_t *row = hand_row(&h, 4, "a,0123456789012345678901234567890123456789012345");
    csvcell_error(&d, "f.csv", row, 1, "score", "expected a number");
    ck_assert_str_eq(d.error, "f.csv:4:2: score: expected a number, got '0123456789012345678901234567890123456789...'");
    diag_free(&d);
}
END_TEST

typedef struct {
    int fields, rows;
    char first[16];
    bool stop, stop_at_row;
} raw_count_t;

static void raw_field(void *data, size_t len, void *ctx)
{
    raw_count_t *c = ctx;
    if (c->fields++ == 0)
        snprintf(c->first, sizeof c->first, "%.*s", (int)len, (const char *)data);
}

static void raw_row(int terminator, void *ctx)
{
    (void)terminator;
    raw_count_t *c = ctx;
    c->rows++;
    c->stop = c->stop_at_row;
}

/* The shared open: a byte-order mark skipped by both reads, a second read
 * from the start, and what the fast read leaves to the one that says why. */
START_TEST(test_csvread_source_raw_and_rewind)
{
    static const char text[] = "\xEF\xBB\xBFh1,h2\n1,2\n";
    char *path = unit_temp_file(text, sizeof text - 1);
    csvsource_t src;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    ck_assert(src.rereadable && !src.fifo);
    ck_assert_uint_eq(src.size, sizeof text - 1);
    raw_count_t c = {0};
    ck_assert_int_eq(csvread_raw(&src, raw_field, raw_row, &c, &c.stop), 0);
    ck_assert_str_eq(c.first, "h1");
    ck_assert_int_eq(c.fields, 4);
    ck_assert_int_eq(c.rows, 2);
    ck_assert_int_eq(csvread_rewind(&src, &d), 0);
    long lines[8] = {0};
    ck_assert_int_eq(csvread_source(&src, count_rows, lines, &d), 0);
    ck_assert_int_eq(lines[0], 2);
    csvread_close(&src);
    unlink(path);

    /* The fast read gives up where a message is due, and when told to. */
    static const char nul[] = "a,b\n1,\0\n";
    path = unit_temp_file(nul, sizeof nul - 1);
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    raw_count_t z = {0};
    ck_assert_int_eq(csvread_raw(&src, raw_field, raw_row, &z, &z.stop), 1);
    ck_assert_int_eq(csvread_rewind(&src, &d), 0);
    ck_assert_int_eq(csvread_source(&src, count_rows, lines, &d), -1);
    ck_assert_msg(strstr(d.error, ":2:3: NUL byte"), "%s", d.error);
    csvread_close(&src);
    unlink(path);
    diag_free(&d);
    path = unit_temp_file(text, sizeof text - 1);
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    raw_count_t s = {.stop_at_row = true};
    ck_assert_int_eq(csvread_raw(&src, raw_field, raw_row, &s, &s.stop), 1);
    csvread_close(&src);
    unlink(path);
    ck_assert_ptr_null(d.error);
}
END_TEST

/* A new pipe that a child process fills with `text` n times; returns
 * the path of its read end (fds[0]), the child's pid in *pid. */
static const char *pipe_of(const char *text, int n, int *fds, pid_t *pid)
{
    static char path[64];
    ck_assert_int_eq(pipe(fds), 0);
    *pid = fork();
    ck_assert_int_ge(*pid, 0);
    if (*pid == 0) {
        close(fds[0]);
        for (int i = 0; i < n; i++)
            if (write(fds[1], text, strlen(text)) != (ssize_t)strlen(text))
                _exit(0); /* the reader stopped */
        _exit(0);
    }
    close(fds[1]);
    snprintf(path, sizeof path, "/proc/self/fd/%d", fds[0]);
    return path;
}

static int count_only(const csvrow_t *row, void *ctx)
{
    (void)row;
    ++*(long *)ctx;
    return 0;
}

/* Issue 19: one rule for the size of an input. Streamed kinds have no
 * limit, from a file or a pipe; operating points stop at 1 GiB, a pipe of
 * them once that much is read, with the reason. */
START_TEST(test_input_size_rule)
{
    ck_assert(input_max_bytes(INPUT_POINTS) == INPUT_HELD_MAX_BYTES);
    ck_assert(input_max_bytes(INPUT_SCORES) == 0 && input_max_bytes(INPUT_BINNED) == 0 &&
              input_max_bytes(INPUT_JUDGED) == 0);
    int fds[2];
    pid_t pid;
    csvsource_t src;
    diag_t d = DIAG_INIT;
    /* No limit: every row of a pipe is read, 2.4 MB of them here. */
    long rows = 0;
    ck_assert_int_eq(csvread_open(&src, pipe_of("harmful,0.5\n", 200000, fds, &pid), &d), 0);
    ck_assert_int_eq(csvread_source(&src, count_only, &rows, &d), 0);
    ck_assert_int_eq(rows, 200000);
    csvread_close(&src);
    close(fds[0]);
    waitpid(pid, NULL, 0);
    /* A limit stops a pipe once it has given that much, and says why. */
    rows = 0;
    ck_assert_int_eq(csvread_open(&src, pipe_of("harmful,0.5\n", 200000, fds, &pid), &d), 0);
    ck_assert_int_eq(csvread_limit(&src, 1u << 20, "held whole", &d), 0);
    ck_assert_int_eq(csvread_source(&src, count_only, &rows, &d), -1);
    ck_assert_msg(strstr(d.error, ": more than 1 MiB read: held whole"), "%s", d.error);
    ck_assert(rows > 80000 && rows < 110000);
    csvread_close(&src);
    close(fds[0]);
    waitpid(pid, NULL, 0);
    diag_free(&d);
    /* A regular file larger than the limit is refused when it is set. */
    static const char text[] = "a,b\n1,2\n3,4\n";
    char *path = unit_temp_file(text, sizeof text - 1);
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    ck_assert_int_eq(csvread_limit(&src, 8, "held whole", &d), -1);
    ck_assert_msg(strstr(d.error, ": file is larger than 0 MiB: held whole"), "%s", d.error);
    ck_assert_int_eq(csvread_limit(&src, 0, NULL, &d), 0);
    csvread_close(&src);
    unlink(path);
    diag_free(&d);
}
END_TEST

/* A named pipe with no writer: opened at once, refused when read, never
 * read twice; a directory is named as one. */
START_TEST(test_csvread_open_fifo_and_directory)
{
    char dir[] = "/tmp/check_load_dirXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char fifo[64];
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    csvsource_t src;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_open(&src, fifo, &d), 0);
    ck_assert(!src.rereadable && src.fifo);
    long lines[8] = {0};
    ck_assert_int_eq(csvread_source(&src, count_rows, lines, &d), -1);
    ck_assert_msg(strstr(d.error, "fifo: a named pipe (FIFO) that nothing was written to"), "%s", d.error);
    diag_free(&d);
    ck_assert_int_eq(csvread_rewind(&src, &d), -1);
    ck_assert_msg(strstr(d.error, "cannot read again from the start: not a regular file"), "%s", d.error);
    diag_free(&d);
    csvread_close(&src);
    ck_assert_int_eq(csvread_open(&src, dir, &d), -1);
    ck_assert_msg(strstr(d.error, ": is a directory, expected a CSV file"), "%s", d.error);
    csvread_close(&src);
    diag_free(&d);
    unlink(fifo);
    rmdir(dir);
}
END_TEST

/* ---- measurement groups ---------------------------------------------------- */

static void load_with(pointset_t *set, const char *name, const char *text, const char *group_columns)
{
    input_opts_t o = INPUT_OPTS_INIT;
    o.group_columns = group_columns;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_buffer(set, name, text, strlen(text), &o, &d), 0);
    diag_free(&d);
}

/* The set and judge columns, under their usual names and in column order,
 * name the group; an empty cell reads "(none)"; blanks around a value do
 * not make another set; the same values in two files are one group. */
START_TEST(test_group_from_set_columns)
{
    pointset_t set = POINTSET_INIT;
    load_with(&set, "a.csv",
              "judge,name,harmful_set,attack_success_pct,over_refusal_pct,benign_set\n"
              "gpt-4,p,HarmBench,1,2,XSTest\n"
              "gpt-4,q, HarmBench ,1,2,\n",
              NULL);
    load_with(&set, "b.csv", "name,benign_set,judge,harmful_set,attack_success_pct,over_refusal_pct\n"
                             "r,XSTest,gpt-4,HarmBench,3,4\n",
              NULL);
    ck_assert_str_eq(set.items[0].group, "gpt-4 / HarmBench / XSTest");
    ck_assert_str_eq(set.items[1].group, "gpt-4 / HarmBench / (none)");
    ck_assert_str_eq(set.items[2].group, "XSTest / gpt-4 / HarmBench"); /* its own column order */
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(set.items[i].group_basis, POINT_GROUP_COLUMNS);
    pointset_free(&set);
    /* a `group` column (as the CSV report writes it) names it alone */
    load_with(&set, "c.csv", "name,benchmark,group,attack_success_pct,over_refusal_pct\np,X,G1,1,2\n", NULL);
    ck_assert_str_eq(set.items[0].group, "G1");
    pointset_free(&set);
}
END_TEST

/* A table naming no set or judge is one group named after the file, its
 * points assumed comparable; the built-in scenario is "built-in scenario". */
START_TEST(test_group_of_a_plain_table)
{
    pointset_t set = POINTSET_INIT;
    load_with(&set, "runs/a.csv", "name,attack_success_pct,over_refusal_pct\np,1,2\nq,2,1\n", NULL);
    ck_assert_str_eq(set.items[0].group, "runs/a.csv");
    ck_assert_str_eq(set.items[1].group, "runs/a.csv");
    ck_assert_int_eq(set.items[0].group_basis, POINT_GROUP_FILE);
    load_builtin(&set, NULL);
    ck_assert_str_eq(set.items[2].group, "built-in scenario");
    ck_assert_int_eq(set.items[2].group_basis, POINT_GROUP_FILE);
    pointset_free(&set);
}
END_TEST

/* --group-columns names the columns (each must exist); none pools every
 * point of every file, whatever its kind. */
START_TEST(test_group_columns_flag)
{
    const char *t = "name,benchmark,model,attack_success_pct,over_refusal_pct\np,X,m1,1,2\nq,Y,m1,2,1\n";
    pointset_t set = POINTSET_INIT;
    load_with(&set, "a.csv", t, "model");
    ck_assert_str_eq(set.items[0].group, "m1");
    ck_assert_str_eq(set.items[1].group, "m1");
    pointset_free(&set);
    load_with(&set, "a.csv", t, " None ");
    load_with(&set, "b.csv", "id,set,score\n1,harmful,0.9\n2,benign,0.1\n", "none");
    for (size_t i = 0; i < set.len; i++) {
        ck_assert_str_eq(set.items[i].group, "all points (pooled)");
        ck_assert_int_eq(set.items[i].group_basis, POINT_GROUP_POOLED);
    }
    pointset_free(&set);

    input_opts_t o = INPUT_OPTS_INIT;
    o.group_columns = "benchmark,judge";
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_buffer(&set, "a.csv", t, strlen(t), &o, &d), -1);
    ck_assert_str_eq(d.error, "a.csv:1: --group-columns: no column 'judge'; found: name, benchmark, model, "
                              "attack_success_pct, over_refusal_pct");
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

/* A curve is one group, named after its file; --group-columns naming
 * columns leaves it so, and says why. */
START_TEST(test_group_of_a_curve)
{
    const char *t = "id,set,benchmark,score\n1,harmful,X,0.9\n2,benign,X,0.1\n3,harmful,X,0.4\n";
    pointset_t set = POINTSET_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.group_columns = "benchmark";
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_buffer(&set, "s.csv", t, strlen(t), &o, &d), 0);
    ck_assert(set.len > 1);
    for (size_t i = 0; i < set.len; i++) {
        ck_assert_str_eq(set.items[i].group, "s.csv");
        ck_assert_int_eq(set.items[i].group_basis, POINT_GROUP_CURVE);
    }
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_ptr_nonnull(strstr(d.warnings[0], "s.csv: --group-columns names columns of operating-point tables"));
    diag_free(&d);
    pointset_free(&set);
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
    tcase_add_test(t, test_counts_from_n);
    tcase_add_test(t, test_counts_from_n_flags);
    tcase_add_test(t, test_duplicate_names_get_told_apart);
    tcase_add_test(t, test_errors);
    tcase_add_test(t, test_binary_and_missing);
    tcase_add_test(t, test_line_numbers_follow_multiline_fields);
    tcase_add_test(t, test_line_numbers_after_a_lone_carriage_return);
    tcase_add_test(t, test_line_numbers_across_a_cut_crlf);
    suite_add_tcase(s, t);
    TCase *m = tcase_create("modules");
    tcase_add_test(m, test_points_reader_missing_rate);
    tcase_add_test(m, test_points_reader_threshold_names);
    tcase_add_test(m, test_names_unique_across_files);
    tcase_add_test(m, test_names_tell_apart);
    tcase_add_test(m, test_names_across_loaded_files);
    tcase_add_test(m, test_names_kept_between_files);
    tcase_add_test(m, test_names_from_path_and_order);
    tcase_add_test(m, test_cells);
    tcase_add_test(m, test_csvread_source_raw_and_rewind);
    tcase_add_test(m, test_input_size_rule);
    tcase_add_test(m, test_csvread_open_fifo_and_directory);
    suite_add_tcase(s, m);
    TCase *g = tcase_create("groups");
    tcase_add_test(g, test_group_from_set_columns);
    tcase_add_test(g, test_group_of_a_plain_table);
    tcase_add_test(g, test_group_columns_flag);
    tcase_add_test(g, test_group_of_a_curve);
    suite_add_tcase(s, g);
    return s;
}

CHECK_MAIN(load_suite)
