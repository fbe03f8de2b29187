/* Unit tests of the report formats and their helpers: file digests,
 * Markdown/CSV/SVG escaping of hostile names, formula neutralisation in CSV
 * (and negative numbers left alone), the format names,
 * and the examples table. */
#include "config.h"

#include "unit.h"
#include "load/examples.h"
#include "core/model.h"
#include "core/point.h"
#include "render/report.h"
#include "base/digest.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- SHA-256 (libmd, through base/digest) ------------------------------------ */

START_TEST(test_digest_vectors)
{
    char hex[DIGEST_HEX_LEN];
    digest_data("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    digest_data("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(test_digest_file)
{
    char path[] = "/tmp/check_reports_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("abc", f);
    fclose(f);
    char hex[DIGEST_HEX_LEN];
    ck_assert_int_eq(digest_file(path, hex), 0);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    unlink(path);
    ck_assert_int_eq(digest_file(path, hex), -1);
}
END_TEST

/* ---- a hostile point set ------------------------------------------------------ */

static void hostile_set(pointset_t *set)
{
    static const char *const names[] = {
        "=HYPERLINK(\"http://x\")", "-2+3", "+cmd", "@SUM(A1)", "*bold* | [link](x) <b>&amp;",
        "esc\x1b[31mred", "</text><script>alert(1)</script>", "plain",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        point_t p = point_make(names[i]);
        p.asr = 0.001 * (double)(i + 1);
        p.orr = 0.05 - 0.004 * (double)i;
        p.source = xstrdup("/nonexistent/hostile.csv");
        p.line = (long)i + 2;
        point_set_attr(&p, "notes", i == 1 ? "\tTAB" : "=1+1");
        pointset_add(set, p);
    }
}

static char *render(report_format_t fmt, const scenario_t *s)
{
    pointset_t set = POINTSET_INIT;
    hostile_set(&set);
    report_t r = {0};
    r.scenario = s;
    r.points = &set;
    r.title = "hostile <&> \"title\"";
    sb_t out = SB_INIT;
    report_render(&out, &r, fmt);
    pointset_free(&set);
    return sb_detach(&out);
}

/* The Markdown text with every fenced code block left out. */
static char *outside_code_blocks(const char *md)
{
    sb_t out = SB_INIT;
    bool inside = false;
    for (const char *line = md; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (strncmp(line, "```", 3) == 0)
            inside = !inside;
        else if (!inside)
            sb_putn(&out, line, len);
        line += len;
    }
    ck_assert(!inside);
    return sb_detach(&out);
}

START_TEST(test_markdown_escapes_names)
{
    scenario_t s = model_default_scenario();
    char *md = render(REPORT_MARKDOWN, &s);
    ck_assert_ptr_nonnull(strstr(md, "\\*bold\\* \\| \\[link\\](x) \\<b\\>\\&amp;"));
    /* Code blocks show text verbatim (a browser shows a tag there as text);
     * outside them, no tag may survive. */
    char *prose = outside_code_blocks(md);
    ck_assert_ptr_null(strstr(prose, "<script>"));
    ck_assert_ptr_nonnull(strstr(prose, "## Operating points"));
    free(prose);
    ck_assert_ptr_null(strchr(md, '\x1b'));
    ck_assert_ptr_nonnull(strstr(md, "esc?\\[31mred"));
    /* a file that cannot be read again is said so, not hashed */
    ck_assert_ptr_nonnull(strstr(md, "checksum unavailable"));
    free(md);
}
END_TEST

START_TEST(test_csv_neutralises_formulas_not_numbers)
{
    scenario_t s = model_default_scenario();
    s.cost_refusal = 1;
    s.cost_harm = 1000;
    char *csv = render(REPORT_CSV, &s);
    ck_assert_ptr_nonnull(strstr(csv, "\n\"'=HYPERLINK(\"\"http://x\"\")\","));
    ck_assert_ptr_nonnull(strstr(csv, "\n\"'-2+3\","));
    ck_assert_ptr_nonnull(strstr(csv, "\n\"'+cmd\","));
    ck_assert_ptr_nonnull(strstr(csv, "\n\"'@SUM(A1)\","));
    ck_assert_ptr_nonnull(strstr(csv, ",\"'=1+1\"\n"));
    /* a tab is sanitised to a blank, and the cell still neutralised */
    ck_assert_ptr_nonnull(strstr(csv, ",\"' TAB\"\n"));
    ck_assert_ptr_null(strchr(csv, '\x1b'));
    ck_assert_ptr_null(strchr(csv, '\t'));
    free(csv);
}
END_TEST

/* A negative number in a numeric column stays a number. */
START_TEST(test_csv_negative_numbers_are_numbers)
{
    pointset_t set = POINTSET_INIT;
    point_t p = point_make("neg");
    p.asr = 0.01;
    p.orr = 0.02;
    p.knob = -0.5;
    pointset_add(&set, p);
    set.knob_name = xstrdup("temperature");
    scenario_t s = model_default_scenario();
    report_t r = {0};
    r.scenario = &s;
    r.points = &set;
    r.title = "t";
    sb_t out = SB_INIT;
    report_csv(&out, &r);
    ck_assert_ptr_nonnull(strstr(sb_str(&out), ",line,temperature,"));
    ck_assert_ptr_nonnull(strstr(sb_str(&out), "\nneg,,,,-0.5,1,2,"));
    sb_free(&out);
    pointset_free(&set);
}
END_TEST

START_TEST(test_svg_escapes_text)
{
    scenario_t s = model_default_scenario();
    char *svg = render(REPORT_SVG, &s);
    ck_assert_ptr_nonnull(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    ck_assert_ptr_null(strstr(svg, "<script>"));
    ck_assert_ptr_nonnull(strstr(svg, "&lt;/text&gt;&lt;script&gt;"));
    ck_assert_ptr_nonnull(strstr(svg, "hostile &lt;&amp;&gt; &quot;title&quot;"));
    ck_assert_ptr_null(strchr(svg, '\x1b'));
    ck_assert_ptr_nonnull(strstr(svg, "</svg>\n"));
    free(svg);
}
END_TEST

START_TEST(test_format_names)
{
    report_format_t f;
    ck_assert(report_parse_format("markdown", &f) && f == REPORT_MARKDOWN);
    ck_assert(report_parse_format("MD", &f) && f == REPORT_MARKDOWN);
    ck_assert(report_parse_format("csv", &f) && f == REPORT_CSV);
    ck_assert(report_parse_format("svg", &f) && f == REPORT_SVG);
    ck_assert(!report_parse_format("yaml", &f));
    ck_assert(report_format_from_path("notes.MD", &f) && f == REPORT_MARKDOWN);
    ck_assert(report_format_from_path("dir.v2/slide.svg", &f) && f == REPORT_SVG);
    ck_assert(report_format_from_path("a.markdown", &f) && f == REPORT_MARKDOWN);
    ck_assert(report_format_from_path("out.txt", &f) && f == REPORT_TEXT);
    ck_assert(report_format_from_path("points.csv", &f) && f == REPORT_CSV);
    ck_assert(!report_format_from_path("dir.v2/report", &f));
    ck_assert(!report_format_from_path("report.pdf", &f));
    ck_assert(!report_format_from_path("report", &f));
}
END_TEST

START_TEST(test_examples_table)
{
    size_t n;
    const example_t *all = examples_all(&n);
    ck_assert_uint_ge(n, 6);
    for (size_t i = 0; i < n; i++) {
        ck_assert_ptr_eq(examples_find(all[i].name), &all[i]);
        ck_assert_ptr_nonnull(strstr(all[i].file, ".csv"));
    }
    ck_assert_ptr_null(examples_find("no-such-example"));
    setenv(EXAMPLES_ENV, "/nonexistent-dir", 1);
    diag_t d = DIAG_INIT;
    ck_assert_ptr_null(examples_path(&all[0], &d));
    ck_assert_ptr_nonnull(strstr(d.error, "/nonexistent-dir"));
    ck_assert_ptr_nonnull(strstr(d.error, EXAMPLES_ENV));
    diag_free(&d);
    unsetenv(EXAMPLES_ENV);
}
END_TEST

static Suite *reports_suite(void)
{
    Suite *s = suite_create("reports");
    TCase *tc = tcase_create("sha256");
    tcase_add_test(tc, test_digest_vectors);
    tcase_add_test(tc, test_digest_file);
    suite_add_tcase(s, tc);
    tc = tcase_create("formats");
    tcase_add_test(tc, test_markdown_escapes_names);
    tcase_add_test(tc, test_csv_neutralises_formulas_not_numbers);
    tcase_add_test(tc, test_csv_negative_numbers_are_numbers);
    tcase_add_test(tc, test_svg_escapes_text);
    tcase_add_test(tc, test_format_names);
    tcase_add_test(tc, test_examples_table);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(reports_suite)
