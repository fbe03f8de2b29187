/* check_markdown: every Markdown writer shows hostile names, never renders
 * or runs them. The same names go through each writer: report --format
 * markdown (report_markdown), the explorer's export (explore_markdown: its
 * heading, baseline table and meeting sentence), the practice worksheet
 * (practice_worksheet, in its questions, tables and sentences) and the key
 * table (bindings_render). Each must keep the name's words and leave none
 * of its Markdown or HTML active: no tag, link, heading or entity that is
 * not escaped by a backslash, outside the code blocks (where Markdown is
 * not read). */
#include "config.h"

#include "unit.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/practice.h"
#include "render/report.h"
#include "ui/bindings.h"
#include "ui/explore.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* Each hostile name, with what must show of it (plain words) and what must
 * never show unescaped (the active part). */
static const struct {
    const char *name, *words, *active;
} hostile[] = {
    {"<img src=x onerror=alert(1)>", "img src=x onerror=alert(1)", "<img"},
    {"<script>alert(2)</script>", "alert(2)", "<script>"},
    {"[l](javascript:alert(3))", "javascript:alert(3)", "[l]("},
    {"# heading", "heading", "# heading"},
    {"&lt;b&gt; entity", "entity", "&lt;"},
    {"*bold* and _em_ and `code`", "bold", "*bold*"},
};
#define NHOSTILE (sizeof hostile / sizeof hostile[0])

/* Where `active` occurs in `s` without a backslash before it, or NULL. */
static const char *unescaped(const char *s, const char *active)
{
    for (const char *p = strstr(s, active); p; p = strstr(p + 1, active))
        if (p == s || p[-1] != '\\')
            return p;
    return NULL;
}

/* `md` without its fenced code blocks, where Markdown is not read (a
 * chart's labels, worked steps): newly allocated. */
static char *outside_code(const char *md)
{
    sb_t out = SB_INIT;
    size_t fence = 0; /* the open block's fence, 0 outside one */
    for (const char *line = md; *line;) {
        size_t len = strcspn(line, "\n"), ticks = strspn(line, "`");
        if (fence == 0 && ticks >= 3)
            fence = ticks;
        else if (fence > 0 && ticks >= fence && ticks == len)
            fence = 0;
        else if (fence == 0)
            sb_putn(&out, line, len + (line[len] == '\n'));
        line += len + (line[len] == '\n');
    }
    return sb_detach(&out);
}

static void expect_shown_not_run(const char *writer, const char *md)
{
    char *out = outside_code(md);
    for (size_t i = 0; i < NHOSTILE; i++) {
        ck_assert_msg(strstr(out, hostile[i].words), "%s: the name '%s' is not shown", writer, hostile[i].name);
        const char *at = unescaped(out, hostile[i].active);
        const char *from = at && at - out > 60 ? at - 60 : out;
        ck_assert_msg(!at, "%s: '%s' is active in: ...%.120s...", writer, hostile[i].active, from);
    }
    free(out);
}

/* A set of the hostile names, each a point of its own series. */
static void hostile_set(pointset_t *set)
{
    for (size_t i = 0; i < NHOSTILE; i++) {
        point_t p = point_make(hostile[i].name);
        p.series = xstrdup(hostile[i].name);
        p.asr = 0.001 * (double)(i + 1);
        p.orr = 0.05 / (double)(i + 1);
        pointset_add(set, p);
    }
}

/* The report's title takes one name, the compared points two more. */
START_TEST(test_report_markdown)
{
    pointset_t set = POINTSET_INIT;
    hostile_set(&set);
    scenario_t s = model_default_scenario();
    sb_t out = SB_INIT;
    for (size_t t = 0; t < NHOSTILE; t++) {
        report_t r = {.scenario = &s, .points = &set, .title = hostile[t].name, .compare_a = &set.items[t],
                      .compare_b = &set.items[(t + 1) % NHOSTILE]};
        report_markdown(&out, &r);
    }
    expect_shown_not_run("report --format markdown", sb_str(&out));
    sb_free(&out);
    pointset_free(&set);
}
END_TEST

/* The export's heading names the operating point, its baseline table and
 * meeting sentence the baseline and the point: every pair in turn. */
START_TEST(test_explorer_export)
{
    sb_t out = SB_INIT;
    for (size_t t = 0; t < NHOSTILE; t++) {
        pointset_t set = POINTSET_INIT;
        hostile_set(&set);
        scenario_t s = model_default_scenario();
        explore_t ex;
        explore_init(&ex, &set, xstrdup(hostile[t].name), NULL, 0, &s, NULL);
        sb_t why = SB_INIT;
        ck_assert_msg(explore_pin(&ex, hostile[t].name, &why), "%s", sb_str(&why));
        ck_assert_msg(explore_select(&ex, hostile[(t + 1) % NHOSTILE].name, &why), "%s", sb_str(&why));
        sb_free(&why);
        sb_t one = SB_INIT;
        explore_markdown(&ex, &one);
        /* the parts the explorer writes itself, before the report's */
        const char *own_end = strstr(sb_str(&one), "\n---\n");
        ck_assert_ptr_nonnull(own_end);
        sb_putn(&out, sb_str(&one), (size_t)(own_end - sb_str(&one)));
        ck_assert_msg(strstr(sb_str(&one), "## Against the baseline"), "no baseline table");
        sb_free(&one);
        explore_free(&ex);
    }
    expect_shown_not_run("the explorer's export", sb_str(&out));
    sb_free(&out);
}
END_TEST

static void rename_point(point_t *p, const char *name)
{
    free(p->name);
    p->name = xstrdup(name);
}

/* The worksheet's exercises come from the domain text, so their names are
 * put in by hand: the points of a comparison, the categories of a table. */
START_TEST(test_practice_worksheet)
{
    sb_t out = SB_INIT;
    for (size_t t = 0; t < NHOSTILE; t++) {
        practice_set_t set = PRACTICE_SET_INIT;
        practice_generate(&set, 7, PRACTICE_CHANGE, 1);
        practice_generate(&set, 7, PRACTICE_CATEGORY, 1);
        practice_ex_t *change = &set.items[0], *cat = &set.items[1];
        rename_point(&change->points.items[change->a], hostile[t].name);
        rename_point(&change->points.items[change->b], hostile[(t + 1) % NHOSTILE].name);
        point_t *p = &cat->points.items[0];
        ck_assert_uint_gt(p->ncategories, 0);
        free(p->categories[0].name);
        p->categories[0].name = xstrdup(hostile[t].name);
        practice_worksheet(&out, &set, true);
        practice_set_free(&set);
    }
    expect_shown_not_run("the practice worksheet", sb_str(&out));
    sb_free(&out);
}
END_TEST

START_TEST(test_key_table)
{
    binding_t rows[NHOSTILE];
    for (size_t i = 0; i < NHOSTILE; i++)
        rows[i] = (binding_t){(int)i + 1, "action", {'a' + (int)i}, hostile[i].name, NULL};
    bindings_t table = {rows, NHOSTILE};
    sb_t out = SB_INIT;
    bindings_render(&out, &table, BINDINGS_MARKDOWN);
    expect_shown_not_run("the key table", sb_str(&out));
    sb_free(&out);
}
END_TEST

/* The escaper itself: what it escapes, and that it sanitises first. */
START_TEST(test_the_escaper)
{
    static const char *const cases[][2] = {
        {"<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"},
        {"[l](javascript:alert(3))", "\\[l\\](javascript:alert(3))"},
        {"# heading", "\\# heading"},
        {"- item, + item", "\\- item, + item"},
        {"a\nb\033[31m", "a b?\\[31m"}, /* one line, no escape sequence */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sb_t out = SB_INIT;
        text_markdown(&out, cases[i][0]);
        ck_assert_str_eq(sb_str(&out), cases[i][1]);
        sb_free(&out);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("markdown");
    TCase *tc = tcase_create("markdown");
    tcase_add_test(tc, test_the_escaper);
    tcase_add_test(tc, test_report_markdown);
    tcase_add_test(tc, test_explorer_export);
    tcase_add_test(tc, test_practice_worksheet);
    tcase_add_test(tc, test_key_table);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(suite)
