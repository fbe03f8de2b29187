/* check_theme: the one theme table (src/term/theme.c, which has no curses
 * in it): every role has a look without colour, and `tradeoff plot` writes
 * the very colours the explorer's chart gets from the same rows. */
#include "config.h"

#include "unit.h"
#include "render/canvas.h"
#include "term/theme.h"
#include "ui/role.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* The escape theme_canvas_ansi must write before a cell of `role`: built
 * from the table's row, so the test follows the table. */
static char *escape_of(int role)
{
    const theme_row_t *r = theme_row(role);
    sb_t sgr = SB_INIT, esc = SB_INIT;
    theme_sgr(&sgr, role);
    sb_printf(&esc, "\033[0%s%sm", sgr.len ? ";" : "", sb_str(&sgr));
    ck_assert(r->fg == THEME_DEFAULT || strstr(sb_str(&sgr), "3")); /* a colour gives an SGR 3x */
    sb_free(&sgr);
    return sb_detach(&esc);
}

START_TEST(plot_writes_the_explorers_chart_colours)
{
    canvas_t cv;
    canvas_init(&cv, 6, 1);
    canvas_glyph(&cv, 0, 0, "\xe2\x97\x8f", 'o', CANVAS_STYLE_SERIES(0), CANVAS_PRIO_MARKER);
    canvas_glyph(&cv, 2, 0, "\xe2\x97\x8f", 'o', CANVAS_STYLE_FRONTIER, CANVAS_PRIO_MARKER);
    canvas_glyph(&cv, 4, 0, "\xe2\x97\x8e", '@', CANVAS_STYLE_CURRENT, CANVAS_PRIO_MARKER);
    sb_t out = SB_INIT;
    theme_canvas_ansi(&out, &cv, true);
    static const int styles[] = {CANVAS_STYLE_SERIES0, CANVAS_STYLE_FRONTIER, CANVAS_STYLE_CURRENT};
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
        char *esc = escape_of(ROLE_CHART + styles[i]);
        ck_assert_msg(strstr(sb_str(&out), esc), "no %s in %s", esc + 1, sb_str(&out));
        free(esc);
    }
    /* Series 0 is bold cyan on the explorer's chart, and so in plot (plot's
     * own table drew it blue before). */
    ck_assert(strstr(sb_str(&out), "\033[0;1;36mo"));
    ck_assert(strstr(sb_str(&out), "\033[0m\n")); /* colours end with the line */
    sb_free(&out);
    canvas_free(&cv);
}
END_TEST

START_TEST(plain_text_is_kept_and_trailing_blanks_trimmed)
{
    canvas_t cv;
    canvas_init(&cv, 10, 2);
    canvas_text(&cv, 0, 0, "ab", CANVAS_STYLE_NONE, CANVAS_PRIO_LABEL);
    sb_t ansi = SB_INIT, plain = SB_INIT;
    theme_canvas_ansi(&ansi, &cv, true);
    canvas_to_text(&cv, &plain, true);
    /* Without escapes, the same text as the plain output. */
    sb_t stripped = SB_INIT;
    for (const char *p = sb_str(&ansi); *p; p++) {
        if (*p == '\033') {
            p = strchr(p, 'm');
            continue;
        }
        sb_putc(&stripped, *p);
    }
    ck_assert_str_eq(sb_str(&stripped), sb_str(&plain));
    sb_free(&ansi);
    sb_free(&plain);
    sb_free(&stripped);
    canvas_free(&cv);
}
END_TEST

START_TEST(every_role_is_told_apart_without_colour)
{
    /* The monochrome column must mark what colour alone would: the title,
     * the focus, the cursor, errors, a failing bound and the status line. */
    static const int marked[] = {ROLE_TITLE, ROLE_FOCUS, ROLE_CURSOR, ROLE_ERROR, ROLE_BAD, ROLE_STATUS, ROLE_INPUT};
    for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++)
        ck_assert_msg(theme_row(marked[i])->mono_attrs != 0, "role %d looks plain without colour", marked[i]);
    ck_assert(theme_row(ROLE_GOOD)->mono_attrs != theme_row(ROLE_BAD)->mono_attrs);
    ck_assert_int_eq(theme_row(ROLE_PLAIN)->fg, THEME_DEFAULT);
    ck_assert_ptr_eq(theme_row(-1), theme_row(ROLE_PLAIN));
    ck_assert_ptr_eq(theme_row(ROLE_COUNT), theme_row(ROLE_PLAIN));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("theme");
    TCase *t = tcase_create("theme");
    tcase_add_test(t, plot_writes_the_explorers_chart_colours);
    tcase_add_test(t, plain_text_is_kept_and_trailing_blanks_trimmed);
    tcase_add_test(t, every_role_is_told_apart_without_colour);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(suite)
