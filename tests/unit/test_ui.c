/* check_ui: the pieces the screens share: the word wrapper (base/text), the
 * line editor, action tables, key names and key scripts, without a
 * terminal. */
#include "config.h"

#include "unit.h"
#include "base/text.h"
#include "ui/bindings.h"
#include "ui/explore_names.h"
#include "ui/keys.h"
#include "ui/keyscript.h"
#include "ui/lineedit.h"
#include "render/uigrid.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static char *wrapped(const char *text, int width, text_wrap_mode_t mode, int *lines)
{
    sb_t out = SB_INIT;
    int n = text_wrap(&out, text, width, mode);
    if (lines)
        *lines = n;
    return sb_detach(&out);
}

START_TEST(wrap_breaks_at_spaces_and_counts_lines)
{
    int n;
    char *s = wrapped("one two three four five six seven", 12, TEXT_WRAP_ALL, &n);
    ck_assert_str_eq(s, "one two\nthree four\nfive six\nseven\n");
    ck_assert_int_eq(n, 4);
    free(s);
    s = wrapped("", 10, TEXT_WRAP_ALL, &n);
    ck_assert_str_eq(s, "");
    ck_assert_int_eq(n, 0);
    free(s);
}
END_TEST

START_TEST(wrap_keeps_lines_that_fit_and_empty_lines)
{
    char *s = wrapped("a  b   c\n\nshort\n", 10, TEXT_WRAP_ALL, NULL);
    ck_assert_str_eq(s, "a  b   c\n\nshort\n"); /* aligned spacing kept; one final newline, no extra line */
    free(s);
    s = wrapped("aa  bb  cc  dd", 6, TEXT_WRAP_ALL, NULL); /* too long: runs of spaces become one */
    ck_assert_str_eq(s, "aa bb\ncc dd\n");
    free(s);
}
END_TEST

START_TEST(wrap_indented_lines_hang_or_stay)
{
    const char *text = "    kept as it is, however long it may be";
    char *s = wrapped(text, 20, TEXT_WRAP_KEEP_PREFORMATTED, NULL);
    ck_assert_str_eq(s, "    kept as it is, however long it may be\n");
    free(s);
    s = wrapped("| a | table row wider than the line |", 10, TEXT_WRAP_KEEP_PREFORMATTED, NULL);
    ck_assert_str_eq(s, "| a | table row wider than the line |\n");
    free(s);
    s = wrapped(text, 20, TEXT_WRAP_ALL, NULL);
    ck_assert_str_eq(s, "    kept as it is,\n      however long\n      it may be\n");
    free(s);
}
END_TEST

START_TEST(wrap_cuts_words_wider_than_the_line)
{
    char *s = wrapped("see abcdefghijklmnop now", 8, TEXT_WRAP_ALL, NULL);
    ck_assert_str_eq(s, "see\nabcdefgh\nijklmnop\nnow\n"); /* a new line first, then the cut */
    free(s);
    /* Columns, not bytes: three 2-column characters do not fit in 5. */
    s = wrapped("\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89", 5, TEXT_WRAP_ALL, NULL);
    ck_assert_str_eq(s, "\xe4\xb8\x80\xe4\xba\x8c\n\xe4\xb8\x89\n");
    free(s);
    s = wrapped("\xe4\xb8\x80", 1, TEXT_WRAP_ALL, NULL); /* wider than the line: still shown */
    ck_assert_str_eq(s, "\xe4\xb8\x80\n");
    free(s);
}
END_TEST

START_TEST(lineedit_types_erases_and_clears)
{
    lineedit_t le;
    lineedit_set(&le, "");
    ck_assert(lineedit_empty(&le));
    ck_assert(lineedit_key(&le, '4'));
    ck_assert(lineedit_key(&le, 0xE9)); /* é, as UTF-8 */
    ck_assert_str_eq(le.text, "4\xc3\xa9");
    ck_assert(lineedit_key(&le, EK_BACKSPACE)); /* a whole character, not a byte */
    ck_assert_str_eq(le.text, "4");
    ck_assert(lineedit_key(&le, EK_CTRL_U));
    ck_assert(lineedit_empty(&le));
    ck_assert(!lineedit_key(&le, EK_ENTER)); /* Enter and Esc are the screen's */
    ck_assert(!lineedit_key(&le, EK_ESC));
    ck_assert(!lineedit_key(&le, EK_LEFT));
    ck_assert(!lineedit_key(&le, 0x9B)); /* a C1 control (CSI) never reaches the line */
    ck_assert(lineedit_empty(&le));
}
END_TEST

START_TEST(lineedit_prefilled_value_is_replaced_by_typing)
{
    lineedit_t le;
    lineedit_set(&le, "10,000,000");
    ck_assert(le.prefilled);
    lineedit_key(&le, '2');
    ck_assert_str_eq(le.text, "2");
    lineedit_set(&le, "10,000,000");
    lineedit_key(&le, EK_BACKSPACE); /* Backspace edits the value instead */
    lineedit_key(&le, '5');
    ck_assert_str_eq(le.text, "10,000,005");
}
END_TEST

START_TEST(lineedit_never_overflows_or_cuts_a_character)
{
    lineedit_t le;
    lineedit_set(&le, "");
    for (int i = 0; i < 1000; i++)
        lineedit_key(&le, 0x20AC); /* €: three bytes */
    ck_assert(strlen(le.text) < LINEEDIT_MAX);
    ck_assert_int_eq(strlen(le.text) % 3, 0);
    char longer[600];
    memset(longer, 'x', sizeof longer - 4);
    memcpy(longer + sizeof longer - 4, "\xe2\x82\xac", 4); /* ends in a character too wide to fit */
    lineedit_set(&le, longer);
    ck_assert_int_eq(strlen(le.text), LINEEDIT_MAX - 1);
    lineedit_set(&le, longer + sizeof longer - 4 - (LINEEDIT_MAX - 2));
    ck_assert_int_eq(strlen(le.text), LINEEDIT_MAX - 2); /* the € did not fit whole: left out */
}
END_TEST

enum { ACT_NONE, ACT_ONE, ACT_TWO };
static const binding_t rows[] = {
    {ACT_ONE, "one", {'a', EK_F1}, "does the first thing", NULL},
    {ACT_TWO, "two", {'<'}, "does the second thing", NULL},
};
static const bindings_t table = {rows, 2};

START_TEST(bindings_find_and_render)
{
    ck_assert_int_eq(bindings_action(&table, EK_F1), ACT_ONE);
    ck_assert_int_eq(bindings_action(&table, 'z'), ACT_NONE);
    ck_assert_int_eq(bindings_first_key(&table, ACT_TWO), '<');
    ck_assert_ptr_null(bindings_find(&table, 99));
    sb_t man = SB_INIT, md = SB_INIT, text = SB_INIT;
    bindings_render(&man, &table, BINDINGS_MAN);
    bindings_render(&md, &table, BINDINGS_MARKDOWN);
    bindings_render(&text, &table, BINDINGS_TEXT);
    ck_assert_str_eq(sb_str(&man), ".TP\n.B a, F1\ndoes the first thing\n.TP\n.B <\ndoes the second thing\n");
    ck_assert(strstr(sb_str(&md), "| `a` `F1` | does the first thing |"));
    ck_assert(strstr(sb_str(&text), "  a F1                 does the first thing\n"));
    bindings_format_t f;
    ck_assert(bindings_parse_format("man", &f) && f == BINDINGS_MAN);
    ck_assert(!bindings_parse_format("roff", &f));
    sb_free(&man);
    sb_free(&md);
    sb_free(&text);
}
END_TEST

/* A screen that records what it is given, to drive key scripts. */
typedef struct {
    sb_t keys;
    int renders, clicks, last_w, last_h;
    screen_flags_t flags;
} fake_t;

static void fake_render(const void *m, uigrid_t *g, void *layout)
{
    (void)layout;
    fake_t *f = (fake_t *)m; /* a test double may count its renders */
    f->renders++;
    f->last_w = g->width, f->last_h = g->height;
    uigrid_clear(g);
    uigrid_put(g, 0, 0, sb_str(&f->keys), 0, -1);
}

static void fake_key(void *m, const void *layout, int key)
{
    (void)layout;
    fake_t *f = m;
    char name[24];
    sb_printf(&f->keys, "[%s]", keys_name(key, name, sizeof name));
    f->flags.quit = key == 'q';
}

static void fake_click(void *m, const void *layout, int x, int y)
{
    (void)layout;
    fake_t *f = m;
    f->clicks++;
    sb_printf(&f->keys, "(%d,%d)", x, y);
}


START_TEST(keyscript_feeds_keys_clicks_and_sizes)
{
    fake_t f = {SB_INIT, 0, 0, 0, 0, {false, false}};
    screen_t s = {&f, NULL, &f.flags, fake_render, fake_key, fake_click, NULL};
    sb_t dumps = SB_INIT, err = SB_INIT;
    ck_assert(keyscript_run(&s, "a \xc3\xa9<Tab><lt><Click:3,4><Resize:20x2><Dump> q z", 40, 3, &dumps, &err));
    ck_assert_str_eq(sb_str(&f.keys), "[a][U+00E9][Tab][lt](3,4)[q]");
    ck_assert_int_eq(f.clicks, 1);
    ck_assert(strstr(sb_str(&dumps), "--- screen 20x2 ---\n[a][U+00E9][Tab][lt"));
    ck_assert_int_eq(f.last_w, 20); /* the last dump at the last size, after q stopped the script */
    sb_free(&dumps);
    sb_free(&err);
    sb_free(&f.keys);
}
END_TEST

START_TEST(keyscript_errors_name_the_column)
{
    fake_t f = {SB_INIT, 0, 0, 0, 0, {false, false}};
    screen_t s = {&f, NULL, &f.flags, fake_render, fake_key, NULL, NULL};
    sb_t dumps = SB_INIT, err = SB_INIT;
    ck_assert(!keyscript_run(&s, "ab <Nope>", 40, 3, &dumps, &err));
    ck_assert(strstr(sb_str(&err), "TRADEOFF_KEYS:4: unknown key <Nope>"));
    sb_reset(&err);
    ck_assert(!keyscript_run(&s, "<Tab", 40, 3, &dumps, &err));
    ck_assert(strstr(sb_str(&err), "TRADEOFF_KEYS:1: '<' without '>'"));
    sb_reset(&err);
    ck_assert(!keyscript_run(&s, "<Click:1,1>", 40, 3, &dumps, &err)); /* this screen takes no mouse */
    ck_assert(strstr(sb_str(&err), "takes no mouse clicks"));
    int w, h;
    ck_assert(keyscript_parse_size("80x24", &w, &h) && w == 80 && h == 24);
    ck_assert(!keyscript_parse_size("80x24x", &w, &h));
    ck_assert(!keyscript_parse_size("0x24", &w, &h));
    ck_assert(!keyscript_parse_size("1001x24", &w, &h));
    sb_free(&dumps);
    sb_free(&err);
    sb_free(&f.keys);
}
END_TEST

START_TEST(sort_and_scale_names_read_back)
{
    for (int i = 0; i < EX_NSORTS; i++) {
        explore_sort_t s;
        ck_assert(explore_sort_parse(explore_sort_key((explore_sort_t)i), &s));
        ck_assert_int_eq(s, i);
        ck_assert(strstr(explore_sort_choices(), explore_sort_key((explore_sort_t)i)));
    }
    chart_scale_t sc = CHART_SCALE_AUTO;
    for (int i = 0; i < 3; i++) { /* the g key's cycle visits each once */
        chart_scale_t back;
        ck_assert(explore_scale_parse(explore_scale_key(sc), &back));
        ck_assert_int_eq(back, sc);
        sc = explore_scale_next(sc);
    }
    ck_assert_int_eq(sc, CHART_SCALE_AUTO);
    ck_assert_int_eq(explore_scale_next(CHART_SCALE_AUTO), CHART_SCALE_LOG);
    ck_assert_str_eq(explore_scale_choices(), "auto, log or linear");
    ck_assert_str_eq(explore_sort_choices(), "input, name, asr, orr or frontier");
}
END_TEST

/* A text cut to its room never ends inside a number: "239,7…" would read as
 * a smaller number. The cut backs off to before the number; a name keeps
 * its ellipsis. */
static char *put_cut(const char *text, int width)
{
    uigrid_t g = UIGRID_INIT;
    uigrid_resize(&g, 40, 1);
    uigrid_put(&g, 0, 0, text, 0, width);
    sb_t out = SB_INIT;
    uigrid_row_text(&g, 0, &out);
    uigrid_free(&g);
    return sb_detach(&out);
}

START_TEST(uigrid_never_cuts_inside_a_number)
{
    static const struct {
        const char *text;
        int width;
        const char *want;
    } cases[] = {
        {"Refusals/day 239,760,000", 20, "Refusals/day…"},
        {"rate 3.25% of them", 9, "rate…"},
        {"GPT-3.5-turbo-0125 (as released)", 17, "GPT-3.5-turbo-…"},
        {"Claude-3.5-sonnet (as released)", 19, "Claude-3.5-sonnet…"},
        {"short", 10, "short"},
        {"judged by gpt4: 200 harmful", 20, "judged by gpt4:…"}, /* a number cut after its blank too */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = put_cut(cases[i].text, cases[i].width);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "'%s' in %d: '%s', want '%s'", cases[i].text, cases[i].width,
                      got, cases[i].want);
        free(got);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ui");
    TCase *t = tcase_create("ui");
    tcase_add_test(t, wrap_breaks_at_spaces_and_counts_lines);
    tcase_add_test(t, wrap_keeps_lines_that_fit_and_empty_lines);
    tcase_add_test(t, wrap_indented_lines_hang_or_stay);
    tcase_add_test(t, wrap_cuts_words_wider_than_the_line);
    tcase_add_test(t, lineedit_types_erases_and_clears);
    tcase_add_test(t, lineedit_prefilled_value_is_replaced_by_typing);
    tcase_add_test(t, lineedit_never_overflows_or_cuts_a_character);
    tcase_add_test(t, bindings_find_and_render);
    tcase_add_test(t, keyscript_feeds_keys_clicks_and_sizes);
    tcase_add_test(t, keyscript_errors_name_the_column);
    tcase_add_test(t, sort_and_scale_names_read_back);
    tcase_add_test(t, uigrid_never_cuts_inside_a_number);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(suite)
