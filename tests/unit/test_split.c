/* Reading a score file in pieces on several cores gives what one reader of
 * the whole file gives, bit for bit, on every input: the pieces
 * (TRADEOFF_THREADS forces their number) against the general reader, which
 * is libcsv alone, on generated files with quoted fields, CRLF, a
 * byte-order mark, blanks, a quoted newline at every possible cut, files
 * shorter than a piece and bad rows far in; counts past 32 bits and offsets
 * past 4 GiB without writing gigabytes. (csvscan against libcsv, block by
 * block: tests/fuzz/fuzz_csvscan.c and its corpus.) */
#include "config.h"

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/curve.h"
#include "load/csvread.h"
#include "load/csvscan.h"
#include "load/csvsplit.h"
#include "load/load.h"
#include "load/scores.h"
#include "unit.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* What a piece read calls back, as text. */
static void rec_field(void *data, size_t len, void *ctx)
{
    sb_printf(ctx, "F%zu:", len);
    sb_putn(ctx, data ? data : "", len);
}

static void rec_row(int terminator, void *ctx) { sb_printf(ctx, "R%d\n", terminator); }

/* ---- generated score files ------------------------------------------------- */

typedef struct {
    bool crlf, bom, quoted_ids, quoted_newlines, blanks, blank_lines, no_final_newline, wide, odd_scores,
        anyway, cr_only, unknown_set;
    bool categories;   /* a category of its own for most harmful prompts */
    int bad_row;       /* from 1: this prompt's score is "high" */
} shape_t;

static uint64_t rng;

static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *eol(const shape_t *g) { return g->cr_only ? "\r" : g->crlf ? "\r\n" : "\n"; }

static void gen_score(sb_t *sb, const shape_t *g)
{
    unsigned v = next(1000001);
    switch (g->odd_scores ? next(4) : 0) {
    case 0: sb_printf(sb, "0.%06u", v % 1000000); break;
    case 1: sb_printf(sb, "%u.%07u", v == 1000000, v % 10000000); break;
    case 2: sb_printf(sb, "%ue-%u", 1 + next(9), 1 + next(3)); break;
    default: sb_puts(sb, v % 2 ? "1" : "0.5"); break;
    }
}

/* The category of prompt i of n. g->categories: 600 in the first half,
 * then 1,000 others, then the first 600 again: a piece that starts in the
 * second half meets 1,600, more than are counted apart, and would leave out
 * the first ones, which one reader of the file counts. */
static void gen_category(sb_t *sb, const shape_t *g, int i, int n)
{
    static const char *cats[] = {"fraud", "hate", "self harm", "\"cyber, crime\"", "weapons"};
    bool again = i < n / 2 || i >= n / 2 + 1000;
    if (g->categories)
        sb_printf(sb, again ? "a%d" : "b%d", again ? i % 600 : i);
    else if (g->quoted_newlines && next(8) == 0)
        sb_printf(sb, "\"multi%sline %u\"", eol(g), next(3));
    else
        sb_puts(sb, cats[next(5)]);
}

/* A score file of `rows` prompts in the shape `g`. */
static void gen_file(sb_t *sb, uint64_t seed, int rows, const shape_t *g)
{
    rng = seed * 2654435761u + 1;
    const char *nl = eol(g), *pad = g->blanks ? " " : "";
    if (g->bom)
        sb_puts(sb, "\xEF\xBB\xBF");
    sb_printf(sb, "id,set,category,score%s", g->anyway ? ",refused_anyway" : "");
    for (int c = 0; g->wide && c < CSVSCAN_MAX_FIELDS; c++)
        sb_printf(sb, ",x%d", c);
    sb_puts(sb, nl);
    for (int i = 0; i < rows; i++) {
        if (g->blank_lines && next(10) == 0)
            sb_printf(sb, "%s%s", next(2) ? "  \t" : "", nl);
        sb_printf(sb, g->quoted_ids ? "\"p%d\"," : "p%d,", i);
        const char *set = g->unknown_set && i == rows / 2   ? "neutral"
                          : g->categories || next(3) == 0 ? "harmful"
                                                          : "benign";
        sb_printf(sb, "%s%s%s,", pad, set, g->blanks ? "\t" : "");
        gen_category(sb, g, i, rows);
        sb_printf(sb, ",%s", pad);
        if (i + 1 == g->bad_row)
            sb_puts(sb, "high");
        else
            gen_score(sb, g);
        sb_puts(sb, pad);
        if (g->anyway)
            sb_puts(sb, next(5) == 0 ? ",yes" : ",");
        for (int c = 0; g->wide && c < CSVSCAN_MAX_FIELDS; c++)
            sb_printf(sb, ",%d", c);
        if (i + 1 < rows || !g->no_final_newline)
            sb_puts(sb, nl);
    }
}

static void set_threads(int n)
{
    char v[16];
    snprintf(v, sizeof v, "%d", n);
    setenv("TRADEOFF_THREADS", v, 1);
}

/* Everything a curve says, as text: its CSV (as `tradeoff sweep` writes
 * it) and each category's counts. */
static void dump_curve(const curve_t *c, sb_t *out)
{
    size_t *keep = xmalloc((c->len ? c->len : 1) * sizeof *keep);
    size_t n = curve_thin(c, 0, true, keep);
    curve_write_csv(c, keep, n, out);
    free(keep);
    for (size_t i = 0; i < c->ncats; i++) {
        const curve_cat_t *k = &c->cats[i];
        sb_printf(out, "category %s: %lld adversarial\n", k->name, k->n_adversarial);
        for (size_t j = 0; j < k->len; j++)
            sb_printf(out, "  %.17g %lld\n", k->scores[j], k->harm[j]);
    }
}

typedef struct {
    scores_t *s;
    diag_t *d;
    size_t ncols;
} general_t;

static int general_row(const csvrow_t *row, void *ctx)
{
    general_t *g = ctx;
    if (!g->s) {
        static const input_opts_t opts = INPUT_OPTS_INIT;
        g->s = scores_begin(row, INPUT_SCORES, &opts, true, "f.csv", g->d);
        g->ncols = row->nfields;
        return g->s ? 0 : -1;
    }
    if (row->nfields != g->ncols) {
        diag_error(g->d, "ragged");
        return -1;
    }
    return scores_row(g->s, row);
}

/* The curve and categories, as text, of the general reader (libcsv alone,
 * row by row): what the pieces must agree with. */
static void reference(const char *data, size_t len, sb_t *out)
{
    diag_t d = DIAG_INIT;
    general_t g = {NULL, &d, 0};
    curve_t c = CURVE_INIT;
    if (csvread_buffer("f.csv", data, len, general_row, &g, &d) == 0 && g.s && scores_finish(g.s, &c, &d) == 0)
        dump_curve(&c, out);
    else
        sb_puts(out, "refused\n");
    curve_free(&c);
    scores_free(g.s);
    diag_free(&d);
}

/* The same read as the loader reads it, on `threads` pieces at most: the
 * fast path, and the general reader where it gave up. `notes` gets how. */
static void loaded(const char *path, int threads, sb_t *out, sb_t *notes)
{
    set_threads(threads);
    csvsource_t src;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    long long rows;
    scores_t *s = scores_read_fast(&src, NULL, true, &rows, &d);
    general_t g = {s, &d, 0};
    int rc = 0;
    if (!s) {
        ck_assert_int_eq(csvread_rewind(&src, &d), 0);
        rc = csvread_source(&src, general_row, &g, &d);
    }
    curve_t c = CURVE_INIT;
    if (rc == 0 && g.s && scores_finish(g.s, &c, &d) == 0)
        dump_curve(&c, out);
    else
        sb_puts(out, "refused\n");
    for (size_t i = 0; i < d.nnotes; i++)
        sb_printf(notes, "%s\n", d.notes[i]);
    curve_free(&c);
    scores_free(g.s);
    csvread_close(&src);
    diag_free(&d);
    unsetenv("TRADEOFF_THREADS");
}

/* Reads `data` on 1 to 8 pieces; every one must be the reference. Returns
 * how often the pieces were read at once (by the notes). */
static int agree(const char *data, size_t len, const char *what)
{
    sb_t want = SB_INIT;
    reference(data, len, &want);
    char *path = unit_temp_file(data, len);
    int split = 0;
    for (int threads = 1; threads <= CSVSPLIT_MAX_PIECES; threads++) {
        sb_t got = SB_INIT, notes = SB_INIT;
        loaded(path, threads, &got, &notes);
        ck_assert_msg(strcmp(sb_str(&got), sb_str(&want)) == 0, "%s on %d threads: differs (%s)", what, threads,
                      sb_str(&notes));
        split += strstr(sb_str(&notes), "pieces at once") != NULL;
        sb_free(&got);
        sb_free(&notes);
    }
    unlink(path);
    sb_free(&want);
    return split;
}

START_TEST(test_pieces_are_one_reader)
{
    static const struct {
        const char *what;
        shape_t g;
    } shapes[] = {
        {"plain", {0}},
        {"CRLF", {.crlf = true}},
        {"byte-order mark", {.bom = true}},
        {"quoted ids", {.quoted_ids = true}},
        {"quoted newlines", {.quoted_newlines = true}},
        {"quoted newlines, CRLF", {.quoted_newlines = true, .crlf = true}},
        {"blanks", {.blanks = true}},
        {"blank lines", {.blank_lines = true}},
        {"no final newline", {.no_final_newline = true}},
        {"wide rows", {.wide = true}},
        {"scores of every form", {.odd_scores = true}},
        {"refused_anyway", {.anyway = true}},
        {"CR line ends", {.cr_only = true}},
        {"a row in neither set", {.unknown_set = true}},
        {"everything",
         {.crlf = true, .bom = true, .quoted_ids = true, .quoted_newlines = true, .blanks = true,
          .blank_lines = true, .no_final_newline = true, .odd_scores = true, .anyway = true}},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        for (uint64_t seed = 1; seed <= 3; seed++) {
            sb_t text = SB_INIT;
            gen_file(&text, seed, 200 * (int)seed, &shapes[i].g);
            int split = agree(sb_str(&text), text.len, shapes[i].what);
            /* A file of plain lines is always cut (CR alone has no '\n';
             * a row in neither set is the general reader's). */
            if (!shapes[i].g.cr_only && !shapes[i].g.unknown_set)
                ck_assert_msg(split > 0, "%s: never read in pieces", shapes[i].what);
            sb_free(&text);
        }
    }
}
END_TEST

/* Files shorter than a piece, or than a header. */
START_TEST(test_short_files)
{
    static const char *texts[] = {
        "", "\n", "id,set,score\n", "id,set,score", "id,set,score\np1,harmful,0.5", "id,set,score\np1,harmful,0.5\n",
        "id,set,score\r\np1,harmful,0.5\r\np2,benign,0.25\r\n", "\xEF\xBB\xBFset,score\nharmful,0.5\nbenign,0.1\n",
        "set,score\rharmful,0.5\rbenign,0.1\r", "set,score\n\"harmful\",\"0.5\"\n",
        "set,score,note\nharmful,0.5,\"a\nb\"\nbenign,0.1,c\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        agree(texts[i], strlen(texts[i]), texts[i]);
}
END_TEST

/* A quoted field with a newline, and the cut moved over every byte of the
 * file: wherever the cut falls, the result is one reader's; where it falls
 * just after the quoted newline, the file is read again on one core. */
START_TEST(test_quoted_newline_at_every_cut)
{
    sb_t base = SB_INIT;
    sb_puts(&base, "id,set,category,score\n");
    for (int i = 0; i < 30; i++)
        sb_printf(&base, "p%d,%s,fraud,0.%06d\n", i, i % 3 ? "benign" : "harmful", i * 3301 % 1000000);
    /* Inside the quotes, the line after the newline reads as a good row. */
    size_t nl_at = base.len + strlen("q,harmful,\"two");
    sb_puts(&base, "q,harmful,\"two\np9,benign,fraud,0.25\nlines\",0.75\n");
    for (int i = 30; i < 60; i++)
        sb_printf(&base, "p%d,%s,hate,0.%06d\n", i, i % 4 ? "benign" : "harmful", i * 7919 % 1000000);
    size_t header = strlen("id,set,category,score\n");
    int fallbacks = 0, at_newline = 0;
    for (size_t pad = 0; pad <= 2 * base.len; pad++) {
        sb_t text = SB_INIT, want = SB_INIT, got = SB_INIT, notes = SB_INIT;
        sb_putn(&text, sb_str(&base), base.len);
        sb_repeat(&text, " ", (int)pad);
        sb_puts(&text, "\n");
        reference(sb_str(&text), text.len, &want);
        char *path = unit_temp_file(sb_str(&text), text.len);
        loaded(path, 2, &got, &notes);
        unlink(path);
        ck_assert_msg(strcmp(sb_str(&got), sb_str(&want)) == 0, "pad %zu: %s", pad, sb_str(&notes));
        bool fell_back = strstr(sb_str(&notes), "read again on one core") != NULL;
        fallbacks += fell_back;
        /* csvsplit_cut's cut: after the first '\n' at or after the middle. */
        size_t mid = header + (text.len - header) / 2;
        if (mid <= nl_at && !memchr(sb_str(&text) + mid, '\n', nl_at - mid)) {
            at_newline++;
            ck_assert_msg(fell_back, "pad %zu: the cut just after the quoted newline was not noticed", pad);
        }
        sb_free(&text);
        sb_free(&want);
        sb_free(&got);
        sb_free(&notes);
    }
    ck_assert_int_gt(at_newline, 0);
    ck_assert_int_ge(fallbacks, at_newline);
    sb_free(&base);
}
END_TEST

/* A bad row far in is reported at its line, whatever the pieces. */
START_TEST(test_bad_row_in_the_second_half)
{
    sb_t text = SB_INIT;
    gen_file(&text, 5, 3000, &(shape_t){.bad_row = 2501});
    char *path = unit_temp_file(sb_str(&text), text.len);
    char want[128];
    snprintf(want, sizeof want, "%s:2502:4: ", path);
    for (int threads = 1; threads <= 4; threads++) {
        set_threads(threads);
        curve_t c = CURVE_INIT;
        diag_t d = DIAG_INIT;
        ck_assert_int_eq(load_curve_file(&c, path, NULL, &d), -1);
        ck_assert_msg(strncmp(d.error, want, strlen(want)) == 0, "%d threads: %s", threads, d.error);
        diag_free(&d);
    }
    unsetenv("TRADEOFF_THREADS");
    unlink(path);
    sb_free(&text);
}
END_TEST

/* More categories than are counted apart: the first ones of the file are,
 * as one reader counts them, not those of each piece. */
START_TEST(test_category_cap_across_pieces)
{
    sb_t text = SB_INIT;
    gen_file(&text, 6, 2400, &(shape_t){.categories = true});
    agree(sb_str(&text), text.len, "1,000 categories and more");
    sb_free(&text);
}
END_TEST

/* ---- counts and offsets past 32 bits ----------------------------------------- */

static scores_t *empty_scores(void)
{
    char *names[] = {"set", "score"};
    size_t lens[] = {3, 5};
    csvrow_t header = {"f.csv", 1, 2, names, lens, 0};
    diag_t d = DIAG_INIT;
    static const input_opts_t opts = INPUT_OPTS_INIT;
    scores_t *s = scores_begin(&header, INPUT_SCORES, &opts, false, "f.csv", &d);
    ck_assert_ptr_nonnull(s);
    diag_free(&d);
    return s;
}

START_TEST(test_counts_past_32_bits)
{
    const unsigned long long big = UINT32_MAX - 2ull;
    scores_t *a = empty_scores(), *b = empty_scores(), *c = empty_scores();
    scores_add(a, 0.5, true, big);
    scores_add(a, 0.25, false, 7);
    scores_add(b, 0.5, true, 10);           /* 2^32 + 7 at 0.5 once merged */
    scores_add(b, 0.25, false, UINT32_MAX); /* a full counter, and 7 more */
    scores_add(c, 0.5, true, UINT32_MAX);
    scores_add(c, 0.1234567, false, 1ull << 40); /* not in millionths */
    scores_merge(a, b);
    scores_merge(a, c);
    curve_t cv;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(scores_finish(a, &cv, &d), 0);
    long long harm_at_half = (long long)big + 10 + UINT32_MAX;
    long long ben = (long long)UINT32_MAX + 7 + (1ll << 40);
    ck_assert_int_eq(cv.n_adversarial, harm_at_half);
    ck_assert_int_eq(cv.n_benign, ben);
    ck_assert_uint_eq(cv.len, 3);
    ck_assert(cv.steps[0].threshold == 0.1234567 && cv.steps[1].threshold == 0.25 && cv.steps[2].threshold == 0.5);
    /* Refused when score >= threshold: at 0.5 only the benign prompts
     * above it are refused (none), and every harmful one below it
     * (none) succeeds. */
    ck_assert_int_eq(cv.steps[0].benign_refused, ben);
    ck_assert_int_eq(cv.steps[1].benign_refused, (long long)UINT32_MAX + 7);
    ck_assert_int_eq(cv.steps[2].benign_refused, 0);
    ck_assert_int_eq(cv.steps[2].attack_successes, 0);
    curve_free(&cv);
    scores_free(a);
    diag_free(&d);
}
END_TEST

/* A sparse file of 6 GiB: cuts and a piece's reading past 4 GiB, with
 * nothing but a few lines written. Skipped where files cannot have holes. */
START_TEST(test_offsets_past_4_gib)
{
    const unsigned long long gib = 1ull << 30, size = 6 * gib;
    char path[] = "/tmp/check_split_sparse_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    bool sparse = ftruncate(fd, (off_t)size) == 0 && lseek(fd, 0, SEEK_HOLE) == 0;
    if (!sparse) {
        close(fd);
        unlink(path);
        return;
    }
    /* Line ends a little after 2, 4 and 5 GiB, and a row past 5 GiB. */
    const unsigned long long at[] = {2 * gib + 10, 4 * gib + 3, 5 * gib};
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(pwrite(fd, "\n", 1, (off_t)at[i]), 1);
    const char row[] = "harmful,0.75\n";
    ck_assert_int_eq(pwrite(fd, row, sizeof row - 1, (off_t)(5 * gib + 1)), (ssize_t)(sizeof row - 1));
    close(fd);
    csvsource_t src;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(csvread_open(&src, path, &d), 0);
    ck_assert(src.size == size);
    unsigned long long cuts[4];
    /* Thirds from 0: 2 GiB and 4 GiB, each cut after the next '\n'. */
    ck_assert_uint_eq(csvsplit_cut(&src, 0, 3, 1, cuts), 3);
    ck_assert(cuts[0] == 0 && cuts[1] == 2 * gib + 11 && cuts[2] == 4 * gib + 4 && cuts[3] == size);
    /* The piece with the row, read by offsets past 32 bits. */
    sb_t got = SB_INIT;
    bool stop = false;
    atomic_ullong done = 0;
    csvread_piece_t pc = {5 * gib + 1, 5 * gib + sizeof row, false, rec_field, rec_row, &got, &stop, NULL, &done,
                          false, 0};
    ck_assert_int_eq(csvread_piece(&src, &pc), CSVREAD_CLEAN);
    ck_assert_str_eq(sb_str(&got), "F7:harmfulF4:0.75R10\n");
    ck_assert(atomic_load(&done) == sizeof row - 1);
    csvread_close(&src);
    unlink(path);
    sb_free(&got);
    diag_free(&d);
}
END_TEST

START_TEST(test_cores)
{
    unsigned long long min;
    setenv("TRADEOFF_THREADS", "3", 1);
    ck_assert_uint_eq(csvsplit_cores(&min), 3);
    ck_assert_uint_eq(min, 1);
    setenv("TRADEOFF_THREADS", "99", 1); /* out of range: the machine's */
    size_t n = csvsplit_cores(&min);
    ck_assert(n >= 1 && n <= CSVSPLIT_MAX_PIECES);
    ck_assert(min == CSVSPLIT_MIN_PIECE);
    unsetenv("TRADEOFF_THREADS");
    ck_assert_uint_eq(csvsplit_cores(&min), n);
}
END_TEST

static Suite *split_suite(void)
{
    Suite *s = suite_create("split");
    TCase *tc = tcase_create("split");
    tcase_set_timeout(tc, 0); /* no time limit: a slow machine is no failure */
    tcase_add_test(tc, test_pieces_are_one_reader);
    tcase_add_test(tc, test_short_files);
    tcase_add_test(tc, test_quoted_newline_at_every_cut);
    tcase_add_test(tc, test_bad_row_in_the_second_half);
    tcase_add_test(tc, test_category_cap_across_pieces);
    tcase_add_test(tc, test_counts_past_32_bits);
    tcase_add_test(tc, test_offsets_past_4_gib);
    tcase_add_test(tc, test_cores);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(split_suite)
