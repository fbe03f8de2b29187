/* Unit tests of the report formats and their helpers: file digests,
 * Markdown/CSV/SVG escaping of hostile names, formula neutralisation in CSV
 * (and negative numbers left alone), the SVG drawing the report's chart
 * (its scales, ticks and labels), the hull listed as it is marked, the
 * format names, and the examples table. */
#include "config.h"

#include "unit.h"
#include "base/text.h"
#include "load/examples.h"
#include "load/load.h"
#include "core/model.h"
#include "core/point.h"
#include "render/chart.h"
#include "render/report.h"
#include "core/frontier.h"
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

/* The CSV report of `set` at the default scenario. */
static void csv_of(sb_t *out, const pointset_t *set)
{
    scenario_t s = model_default_scenario();
    report_t r = {0};
    r.scenario = &s;
    r.points = set;
    r.title = "t";
    report_csv(out, &r);
}

/* Issue 19: attribute cells that are numbers got the formula prefix, and
 * reading the CSV back kept the apostrophe in names. Numbers stay numbers,
 * and tradeoff reads its export back as the same names and attributes. */
START_TEST(test_csv_round_trip_keeps_names_and_numbers)
{
    static const char *const names[] = {"=HYPERLINK(\"x\")", "-5 apples", "+cmd", "@SUM(A1)", "-2+3", "'quoted", "plain"};
    static const char *const values[] = {"-5", "+5", "-1e5", "=1+1", "-", "+1,000", "@"};
    size_t n = sizeof names / sizeof names[0];
    pointset_t set = POINTSET_INIT;
    for (size_t i = 0; i < n; i++) {
        point_t p = point_make(names[i]);
        p.asr = 0.01 * (double)(i + 1);
        p.orr = 0.02;
        point_set_attr(&p, "score", values[i]);
        pointset_add(&set, p);
    }
    sb_t out = SB_INIT;
    csv_of(&out, &set);
    const char *csv = sb_str(&out);
    ck_assert_ptr_nonnull(strstr(csv, ",-5\n"));
    ck_assert_ptr_nonnull(strstr(csv, ",+5\n"));
    ck_assert_ptr_nonnull(strstr(csv, ",-1e5\n"));
    ck_assert_ptr_nonnull(strstr(csv, ",\"+1,000\"\n"));
    ck_assert_ptr_nonnull(strstr(csv, ",\"'=1+1\"\n"));
    ck_assert_ptr_nonnull(strstr(csv, ",\"'-\"\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\n\"'-5 apples\","));
    pointset_t back = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_buffer(&back, "export.csv", csv, out.len, NULL, &d), 0);
    ck_assert_uint_eq(back.len, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_str_eq(back.items[i].name, names[i]);
        ck_assert_str_eq(point_attr(&back.items[i], "score"), values[i]);
    }
    diag_free(&d);
    pointset_free(&back);
    sb_free(&out);
    pointset_free(&set);
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
    sb_t out = SB_INIT;
    csv_of(&out, &set);
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

/* ---- the SVG draws the report's chart ------------------------------------------ */

static void add_point(pointset_t *set, const char *name, double orr_pct, double asr_pct)
{
    point_t p = point_make(name);
    p.orr = orr_pct / 100;
    p.asr = asr_pct / 100;
    pointset_add(set, p);
}

static char *svg_of(const pointset_t *set, const scenario_t *s, const chart_opts_t *chart)
{
    report_t r = {.scenario = s, .points = set, .title = "scales", .chart = chart};
    sb_t out = SB_INIT;
    report_svg(&out, &r);
    return sb_detach(&out);
}

/* The texts of the SVG's <text> elements whose opening tag contains every
 * one of `attrs`, joined by '|'. */
static char *svg_texts(const char *svg, const char *attr1, const char *attr2)
{
    sb_t out = SB_INIT;
    for (const char *p = svg; (p = strstr(p, "<text ")) != NULL;) {
        const char *end = strchr(p, '>'), *close = end ? strstr(end, "</text>") : NULL;
        ck_assert(end && close);
        size_t taglen = (size_t)(end - p);
        char *tag = xstrndup(p, taglen);
        if (strstr(tag, attr1) && (!attr2 || strstr(tag, attr2))) {
            sb_printf(&out, "%s%.*s", out.len ? "|" : "", (int)(close - end - 1), end + 1);
        }
        free(tag);
        p = close;
    }
    return sb_detach(&out);
}

static char *tick_labels(const axis_ticks_t *t)
{
    sb_t out = SB_INIT;
    for (int i = 0; i < t->n; i++)
        sb_printf(&out, "%s%s", i ? "|" : "", t->t[i].label);
    return sb_detach(&out);
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

/* True when the '|'-separated labels of `got` appear in `all`, in order. */
static bool labels_within(const char *got, const char *all)
{
    sb_t g = SB_INIT, a = SB_INIT;
    sb_printf(&g, "%s|", got);
    sb_printf(&a, "|%s|", all);
    const char *at = sb_str(&a);
    bool ok = true;
    for (char *item = g.data, *bar; ok && (bar = strchr(item, '|')) != NULL; item = bar + 1) {
        char want[64];
        snprintf(want, sizeof want, "|%.*s|", (int)(bar - item), item);
        const char *hit = strstr(at, want);
        ok = hit != NULL;
        if (hit)
            at = hit + strlen(want) - 1;
    }
    sb_free(&g);
    sb_free(&a);
    return ok;
}

/* Rates over three decades of ORR: the x axis may be linear or log. */
static void decades_set(pointset_t *set)
{
    add_point(set, "strict", 60, 0.5);
    add_point(set, "middle", 5, 3);
    add_point(set, "open", 0.4, 12);
    add_point(set, "open-b", 0.05, 30);
    add_point(set, "worse", 20, 8);
}

/* --x-scale reaches the SVG (it used to draw its own axes, byte-identical
 * for linear and log), and the SVG's ticks are the report's chart's. */
START_TEST(test_svg_follows_the_chart_scales)
{
    pointset_t set = POINTSET_INIT;
    decades_set(&set);
    scenario_t s = model_default_scenario();
    chart_opts_t o = chart_default_opts();
    o.xscale = CHART_SCALE_LINEAR;
    o.yscale = CHART_SCALE_LINEAR;
    char *lin = svg_of(&set, &s, &o);
    o.xscale = CHART_SCALE_LOG;
    char *log = svg_of(&set, &s, &o);
    ck_assert_str_ne(lin, log);
    ck_assert_ptr_null(strstr(lin, "refused), log scale"));
    ck_assert_ptr_nonnull(strstr(log, "refused), log scale"));
    ck_assert_ptr_null(strstr(log, "harmful prompts), log scale")); /* y stays linear */

    /* the ticks, in order, are those of the chart of the same report */
    for (int scale = 0; scale < 2; scale++) {
        o.xscale = scale ? CHART_SCALE_LOG : CHART_SCALE_LINEAR;
        groups_t g;
        groups_compute(&g, &set);
        chart_focus_t cf;
        chart_focus_init(&cf, &g, 0);
        chart_opts_t co = chart_report_opts(&o, &set, &s, &cf);
        chart_t ch;
        chart_render(&ch, &co);
        ck_assert_int_eq(ch.x.log, scale);
        char *want_x = tick_labels(&ch.xticks), *want_y = tick_labels(&ch.yticks);
        char *svg = scale ? log : lin;
        char *got_x = svg_texts(svg, "class=\"tick\"", "text-anchor=\"middle\"");
        /* the y labels are the end-anchored ticks before the version line */
        char *ys = svg_texts(svg, "class=\"tick\"", "text-anchor=\"end\"");
        char *version = strrchr(ys, '|');
        ck_assert_ptr_nonnull(version);
        *version = '\0';
        ck_assert_str_eq(ys, want_y);
        /* x: a tick line at each of the chart's ticks, labelled with the
         * chart's labels but for one that would run into its neighbour (on
         * the log axis the floor's 0% sits close to 0.01%) */
        ck_assert_int_eq(count(svg, "\" y1=\"510\" x2=\""), ch.xticks.n);
        ck_assert(labels_within(got_x, want_x));
        ck_assert_int_ge(count(got_x, "%"), ch.xticks.n - 1);
        if (!scale)
            ck_assert_str_eq(got_x, want_x);
        ck_assert_ptr_nonnull(strstr(want_x, scale ? "|0.01%|0.1%|" : "|60%")); /* decades; or past the data */
        free(ys);
        free(got_x);
        free(want_x);
        free(want_y);
        chart_free(&ch);
        chart_focus_free(&cf);
        groups_free(&g);
    }
    free(lin);
    free(log);
    pointset_free(&set);
}
END_TEST

/* Dominated points listed first crowd a frontier point (F1): the SVG used
 * to label points in the order of the set and left F1 without a name. Like
 * the chart, it now names the frontier first, and every frontier point
 * gets its name when there is room. */
START_TEST(test_svg_names_the_frontier_first)
{
    static const struct {
        const char *name;
        double asr, orr;
    } rows[] = {
        {"d0", 9.22, 69.69},  {"d1", 8.54, 68.72},  {"d2", 16.28, 26.73}, {"d3", 17.08, 30.90},
        {"d4", 23.08, 13.47}, {"d5", 16.52, 31.79}, {"d6", 9.09, 68.74},  {"d7", 15.97, 27.99},
        {"F0", 20.69, 8.22},  {"F1", 15.70, 25.95}, {"F2", 10.04, 45.41}, {"F3", 7.00, 66.09},
    };
    pointset_t set = POINTSET_INIT;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        add_point(&set, rows[i].name, rows[i].orr, rows[i].asr);
    scenario_t s = model_default_scenario();
    char *svg = svg_of(&set, &s, NULL);
    char *names = svg_texts(svg, "class=\"label\"", NULL);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert_uint_eq(f.npareto, 4);
    for (size_t k = 0; k < f.npareto; k++) {
        char want[32];
        snprintf(want, sizeof want, "|%s|", set.items[f.pareto[k]].name);
        sb_t have = SB_INIT;
        sb_printf(&have, "|%s|", names);
        ck_assert_msg(strstr(sb_str(&have), want), "frontier point %s is not named: %s", want, names);
        sb_free(&have);
    }
    frontier_free(&f);
    free(names);
    free(svg);
    pointset_free(&set);
}
END_TEST

/* The comparison's caption is wrapped by text_wrap: in columns, never
 * inside a character (its own byte-counting wrapper cut a long name of
 * two-byte letters in half). */
START_TEST(test_svg_caption_wraps_in_columns)
{
    sb_t name = SB_INIT;
    sb_puts(&name, "x");
    for (int i = 0; i < 130; i++)
        sb_puts(&name, "\xc3\xa9"); /* é */
    pointset_t set = POINTSET_INIT;
    add_point(&set, sb_str(&name), 5, 0.2);
    add_point(&set, "b", 3, 0.5);
    scenario_t s = model_default_scenario();
    report_t r = {.scenario = &s, .points = &set, .title = "caption"};
    r.compare_a = &set.items[0];
    r.compare_b = &set.items[1];
    sb_t out = SB_INIT;
    report_svg(&out, &r);
    char *lines = svg_texts(sb_str(&out), "class=\"caption\"", NULL);
    ck_assert_msg(strncmp(lines, "Moving from|x", 13) == 0, "%s", lines);
    for (char *line = strtok(lines, "|"); line; line = strtok(NULL, "|")) {
        /* a character cut in two comes out as U+FFFD (xml_escape) */
        ck_assert_msg(!strstr(line, "\xef\xbf\xbd"), "a caption line cut inside a character: %s", line);
        /* (the group note under it is a caption too, its quotes escaped) */
        ck_assert_msg(strstr(line, "&quot;") || text_width(line) <= 120, "%d: %s", text_width(line), line);
    }
    free(lines);
    sb_free(&out);
    sb_free(&name);
    pointset_free(&set);
}
END_TEST

/* --no-labels reaches the SVG: every point numbered, with its key line. */
START_TEST(test_svg_no_labels_numbers_every_point)
{
    pointset_t set = POINTSET_INIT;
    decades_set(&set);
    scenario_t s = model_default_scenario();
    chart_opts_t o = chart_default_opts();
    o.no_labels = true;
    char *svg = svg_of(&set, &s, &o);
    char *names = svg_texts(svg, "class=\"label\"", NULL);
    ck_assert_str_eq(names, "");
    char *key = svg_texts(svg, "class=\"key\"", NULL);
    /* what the numbers are, then every point by its place in the set, in
     * monospace columns (the leading blanks kept) */
    ck_assert_str_eq(key, "  #  on the chart|" /* five numbers apart: no notation to explain */
                          "  1  strict  (ORR 60.00%, ASR 0.50%)|  2  middle  (ORR 5.00%, ASR 3.00%)|"
                          "  3  open  (ORR 0.40%, ASR 12.00%)|  4  open-b  (ORR 0.05%, ASR 30.00%)|"
                          "  5  worse  (ORR 20.00%, ASR 8.00%)");
    char *numbers = svg_texts(svg, "class=\"label number\"", NULL);
    ck_assert_int_eq((int)strlen(numbers), 9); /* "1|2|3|4|5" in some order */
    free(numbers);
    free(key);
    free(names);
    free(svg);
    pointset_free(&set);
}
END_TEST

/* ---- one hull, every list --------------------------------------------------------- */

/* Two identical points on the achievable curve: the per-point flags mark
 * both, so the JSON list and the text's "Achievable curve" line name both
 * (they used to drop the second). */
START_TEST(test_hull_lists_name_duplicates)
{
    pointset_t set = POINTSET_INIT;
    add_point(&set, "A", 2, 1);
    add_point(&set, "A-again", 2, 1);
    add_point(&set, "B", 4, 0.5);
    add_point(&set, "worse", 4, 1);
    scenario_t s = model_default_scenario();
    report_t r = {.scenario = &s, .points = &set, .title = "duplicates"};
    sb_t json = SB_INIT, text = SB_INIT;
    report_render(&json, &r, REPORT_JSON);
    report_render(&text, &r, REPORT_TEXT);
    const char *list = strstr(sb_str(&json), "\"convex_hull\": [");
    ck_assert_ptr_nonnull(list);
    char *hull = xstrndup(list, (size_t)(strchr(list, ']') - list));
    ck_assert_ptr_nonnull(strstr(hull, "\"A\""));
    ck_assert_ptr_nonnull(strstr(hull, "\"A-again\""));
    ck_assert_ptr_nonnull(strstr(hull, "\"B\""));
    ck_assert_ptr_null(strstr(hull, "\"worse\""));
    /* as many flags as names */
    int flags = 0;
    for (const char *p = sb_str(&json); (p = strstr(p, "\"on_convex_hull\": true")) != NULL; p++)
        flags++;
    ck_assert_int_eq(flags, 3);
    ck_assert_ptr_nonnull(strstr(sb_str(&text), "  Achievable curve     A, A-again, B\n"));
    free(hull);
    sb_free(&json);
    sb_free(&text);
    pointset_free(&set);
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
    tcase_add_test(tc, test_svg_caption_wraps_in_columns);
    suite_add_tcase(s, tc);
    tc = tcase_create("formats");
    tcase_add_test(tc, test_markdown_escapes_names);
    tcase_add_test(tc, test_csv_neutralises_formulas_not_numbers);
    tcase_add_test(tc, test_csv_negative_numbers_are_numbers);
    tcase_add_test(tc, test_csv_round_trip_keeps_names_and_numbers);
    tcase_add_test(tc, test_svg_escapes_text);
    tcase_add_test(tc, test_svg_follows_the_chart_scales);
    tcase_add_test(tc, test_svg_names_the_frontier_first);
    tcase_add_test(tc, test_svg_no_labels_numbers_every_point);
    tcase_add_test(tc, test_hull_lists_name_duplicates);
    tcase_add_test(tc, test_format_names);
    tcase_add_test(tc, test_examples_table);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(reports_suite)
