/* practice_screen: the drill's screen. See practice_screen.h. */
#include "config.h"

#include "base/text.h"
#include "core/frontier.h"
#include "render/chart.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/practice_screen.h"
#include "ui/role.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define CHART_PANE 46  /* columns of the chart on the right, on a wide screen */
#define CHART_PANE_NARROW 34 /* from CHART_FROM_NARROW: the chart narrower, the text too */
#define CHART_FROM 100 /* screen width from which the chart has CHART_PANE */
#define CHART_FROM_NARROW 80 /* the least width that shows the chart (80x24 does) */
#define CHART_MAX_ROWS 20
#define TEXT_TOP 2     /* the text starts below the header and a blank row */

/* ------------------------------------------------------------------------
 * The action table. On the answer line every character is typed, except q
 * on an empty line. */

static const binding_t rows[] = {
    {PRA_QUIT, "quit", {'q', 'Q', EK_F10}, "quit and print the score (on the answer line: when it is empty)", NULL},
    {PRA_CHECK, "check", {EK_ENTER}, "check the typed answer; after the verdict, go on to the next exercise", NULL},
    {PRA_NEXT, "next", {' ', 'n'}, "after the verdict: go on to the next exercise", NULL},
    {PRA_ERASE, "erase", {EK_BACKSPACE}, "erase the last character of the answer", NULL},
    {PRA_CLEAR, "clear", {EK_CTRL_U, EK_ESC}, "clear the answer line", NULL},
    {PRA_SCROLL_UP, "scroll-up", {EK_UP, 'k'}, "scroll the text up a line", NULL},
    {PRA_SCROLL_DOWN, "scroll-down", {EK_DOWN, 'j'}, "scroll the text down a line", NULL},
    {PRA_PAGE_UP, "page-up", {EK_PGUP}, "scroll the text up a page", NULL},
    {PRA_PAGE_DOWN, "page-down", {EK_PGDN}, "scroll the text down a page", NULL},
    {PRA_TOP, "top", {EK_HOME}, "back to the top of the text", NULL},
    {PRA_REDRAW, "redraw", {EK_CTRL_L}, "redraw the screen", NULL},
};

const bindings_t *practice_bindings(void)
{
    static const bindings_t table = {rows, sizeof rows / sizeof rows[0]};
    return &table;
}

void practice_screen_init(practice_screen_t *ps, practice_session_t *s, unsigned long long seed, bool ascii)
{
    memset(ps, 0, sizeof *ps);
    ps->session = s;
    ps->seed = seed;
    ps->ascii = ascii;
    lineedit_clear(&ps->line);
}

/* ------------------------------------------------------------------------
 * Drawing. */

static bool too_small(const uigrid_t *g)
{
    return g->width < PRACTICE_MIN_WIDTH || g->height < PRACTICE_MIN_HEIGHT;
}

static bool shows_chart(const practice_screen_t *ps, const uigrid_t *g)
{
    const practice_ex_t *ex = practice_session_current(ps->session);
    return ps->session->phase != SESSION_DONE && ex && ex->points.len >= 2 && ex->kind != PRACTICE_CATEGORY &&
           g->width >= CHART_FROM_NARROW;
}

/* The chart's columns at this width. */
static int chart_pane(const uigrid_t *g)
{
    return g->width >= CHART_FROM ? CHART_PANE : CHART_PANE_NARROW;
}

static const char *verdict_word(const practice_session_t *s)
{
    return s->verdict == PRACTICE_RIGHT ? "RIGHT" : "WRONG";
}

/* The text for the current phase: the question, the verdict and the worked
 * solution, or the score. */
static void body_text(const practice_screen_t *ps, sb_t *out)
{
    const practice_session_t *s = ps->session;
    if (s->phase == SESSION_DONE) {
        sb_puts(out, "Drill finished.\n\n");
        practice_score_summary(out, &s->score);
        sb_puts(out, "\nRepeat this drill with: ");
        practice_repeat_command(out, s->set);
        sb_puts(out, "\n\nPress q to quit.");
        return;
    }
    if (s->phase == SESSION_ASKING) {
        practice_question(out, practice_session_current(s), false);
        return;
    }
    sb_printf(out, "%s\n%s\n\nWorked solution:\n", verdict_word(s), sb_str(&s->feedback));
    for (const char *p = sb_str(&s->sol.steps); *p;) {
        size_t len = strcspn(p, "\n");
        sb_printf(out, "  %.*s\n", (int)len, p);
        p += len + (p[len] == '\n');
    }
    sb_printf(out, "\nFor the meeting: %s", sb_str(&s->sol.meaning));
}

static void draw_header(const practice_screen_t *ps, uigrid_t *g)
{
    const practice_session_t *s = ps->session;
    const practice_ex_t *ex = practice_session_current(s);
    char left[160], right[80];
    if (ex)
        snprintf(left, sizeof left, " tradeoff practice | %zu of %zu | %s%s", s->at + 1, s->set->len,
                 practice_kind_title(ex->kind), ex->from_text ? " (domain text)" : "");
    else
        snprintf(left, sizeof left, " tradeoff practice | done");
    snprintf(right, sizeof right, "score %d/%d  seed %llu ", practice_score_right(&s->score),
             practice_score_asked(&s->score), ps->seed);
    /* the score always shows: the exercise's title gives way to it */
    uigrid_fill(g, 0, 0, g->width, 1, " ", ROLE_TITLE);
    int rw = text_width(right);
    uigrid_put(g, 0, 0, left, ROLE_TITLE, g->width - rw - 1);
    uigrid_put(g, g->width - rw, 0, right, ROLE_TITLE, rw);
}

/* The index of the lowest letter of a set (the set is not empty). */
static long first_letter(unsigned letters)
{
    long i = 0;
    while (!(letters & 1u))
        letters >>= 1, i++;
    return i;
}

/* The exercise's points and frontier; after the verdict, marked with what
 * the answer was about: the mix reached, or the cheapest point. */
static void draw_chart(const practice_screen_t *ps, uigrid_t *g, rect_t r)
{
    const practice_session_t *s = ps->session;
    const practice_ex_t *ex = practice_session_current(s);
    frontier_t f;
    frontier_compute(&f, &ex->points, NULL);
    chart_opts_t o = chart_default_opts();
    o.points = &ex->points;
    o.frontier = &f;
    o.scenario = &ex->scenario;
    o.width = r.w;
    o.height = r.h < CHART_MAX_ROWS ? r.h : CHART_MAX_ROWS;
    o.ascii = ps->ascii;
    o.no_legend = true;
    const practice_solution_t *sol = &s->sol;
    if (s->phase == SESSION_SOLVED && ex->kind == PRACTICE_FRONTIER && sol->answer.kind == ANSWER_PERCENT) {
        frontier_op_t mix = frontier_op_mix(&ex->points, ex->a, ex->b, sol->answer.value / 100.0);
        o.has_current = true;
        o.current_asr = mix.asr;
        o.current_orr = mix.orr;
    } else if (s->phase == SESSION_SOLVED && ex->kind == PRACTICE_COST && sol->answer.kind == ANSWER_LETTER &&
               sol->answer.letters) {
        o.selected = first_letter(sol->answer.letters);
    }
    chart_t ch;
    chart_render(&ch, &o);
    draw_canvas(g, r.x, r.y, r.w, r.h, &ch.canvas, ps->ascii);
    for (size_t i = 0; i < ch.nkey && ch.canvas.height + (int)i < r.h; i++)
        uigrid_put(g, r.x, r.y + ch.canvas.height + (int)i, ch.key[i], ROLE_CHART + CANVAS_STYLE_LABEL, r.w);
    chart_free(&ch);
    frontier_free(&f);
}

/* The exercise's text, scrolled; the verdict in its colour. */
static void draw_text(const practice_screen_t *ps, uigrid_t *g, rect_t r, practice_layout_t *lay)
{
    sb_t text = SB_INIT;
    body_text(ps, &text);
    int n = draw_wrapped(NULL, r, sb_str(&text), ROLE_PLAIN, 0);
    lay->max_scroll = n > r.h ? n - r.h : 0;
    int scroll = ps->scroll < 0 ? 0 : ps->scroll > lay->max_scroll ? lay->max_scroll : ps->scroll;
    draw_wrapped(g, r, sb_str(&text), ROLE_PLAIN, scroll);
    sb_free(&text);
    if (ps->session->phase == SESSION_SOLVED && scroll == 0)
        uigrid_paint(g, r.x, r.y, (int)strlen(verdict_word(ps->session)),
                     ps->session->verdict == PRACTICE_RIGHT ? ROLE_GOOD : ROLE_BAD);
    if (lay->max_scroll > 0)
        uigrid_put(g, r.x, r.y + r.h, scroll < lay->max_scroll ? "-- more below (Down/PgDn) --" : "-- end --",
                   ROLE_NOTE, r.w);
}

/* The keys that matter now, from the action table. */
static void draw_hints_for(const practice_screen_t *ps, uigrid_t *g, int y)
{
    static const draw_hint_t asking[] = {
        {PRA_CHECK, "check", NULL, NULL},
        {PRA_ERASE, "erase", NULL, NULL},
        {PRA_CLEAR, "clear", NULL, NULL},
        {PRA_SCROLL_DOWN, "scroll", "\xe2\x86\x91\xe2\x86\x93", "Up/Dn"},
        {PRA_QUIT, "quit (empty line)", NULL, NULL},
    };
    static const draw_hint_t solved[] = {
        {PRA_CHECK, "next exercise", NULL, NULL},
        {PRA_SCROLL_DOWN, "scroll", "\xe2\x86\x91\xe2\x86\x93", "Up/Dn"},
        {PRA_PAGE_DOWN, "page", "PgUp/PgDn", "PgUp/PgDn"},
        {PRA_QUIT, "quit", NULL, NULL},
    };
    static const draw_hint_t done[] = {{PRA_QUIT, "quit", NULL, NULL}};
    const practice_phase_t phase = ps->session->phase;
    const draw_hint_t *h = phase == SESSION_ASKING ? asking : phase == SESSION_SOLVED ? solved : done;
    size_t n = phase == SESSION_ASKING ? sizeof asking / sizeof asking[0]
               : phase == SESSION_SOLVED ? sizeof solved / sizeof solved[0] : 1;
    draw_hints(g, 1, y, practice_bindings(), h, n, ps->ascii);
}

static void draw_footer(const practice_screen_t *ps, uigrid_t *g)
{
    int input_row = g->height - 2, status_row = g->height - 1;
    if (ps->session->phase == SESSION_ASKING) {
        int n = uigrid_put(g, 1, input_row, "Answer> ", ROLE_LABEL, -1);
        draw_input(g, 1 + n, input_row, g->width - 2 - n, &ps->line, ps->ascii);
    }
    uigrid_fill(g, 0, status_row, g->width, 1, " ", ROLE_STATUS);
    if (ps->status[0])
        uigrid_put(g, 1, status_row, ps->status, ps->status_is_error ? ROLE_ERROR : ROLE_STATUS, g->width - 2);
    else
        draw_hints_for(ps, g, status_row);
}

void practice_screen_render(const practice_screen_t *ps, uigrid_t *g, practice_layout_t *lay)
{
    g->ascii = ps->ascii;
    uigrid_clear(g);
    *lay = (practice_layout_t)PRACTICE_LAYOUT_INIT;
    if (too_small(g)) {
        char msg[96];
        snprintf(msg, sizeof msg, "terminal too small: need %dx%d, have %dx%d (q quits)", PRACTICE_MIN_WIDTH,
                 PRACTICE_MIN_HEIGHT, g->width, g->height);
        draw_wrapped(g, (rect_t){0, 0, g->width, g->height}, msg, ROLE_ERROR, 0);
        lay->too_small = true;
        return;
    }
    draw_header(ps, g);
    bool chart = shows_chart(ps, g);
    rect_t text = {1, TEXT_TOP, (chart ? g->width - chart_pane(g) : g->width) - 2, g->height - 5};
    lay->text_rows = text.h;
    draw_text(ps, g, text, lay);
    if (chart)
        draw_chart(ps, g, (rect_t){g->width - chart_pane(g) + 2, TEXT_TOP, chart_pane(g) - 2, text.h});
    draw_footer(ps, g);
}

/* ------------------------------------------------------------------------
 * Keys. */

static void say(practice_screen_t *ps, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(practice_screen_t *ps, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ps->status, sizeof ps->status, fmt, ap);
    va_end(ap);
    ps->status_is_error = error;
}

static void quit(practice_screen_t *ps)
{
    ps->flags.quit = true;
    if (ps->session->phase != SESSION_DONE)
        practice_session_stop(ps->session);
}

/* Scrolls by `delta` lines within the last layout's text. */
static void scroll_by(practice_screen_t *ps, const practice_layout_t *lay, int delta)
{
    int max = lay ? lay->max_scroll : 0;
    ps->scroll += delta;
    if (ps->scroll > max)
        ps->scroll = max;
    if (ps->scroll < 0)
        ps->scroll = 0;
}

/* The actions on the view (scrolling, redrawing); false for any other. */
static bool view_action(practice_screen_t *ps, const practice_layout_t *lay, practice_action_t a)
{
    int page = lay && lay->text_rows > 2 ? lay->text_rows - 1 : 1;
    switch (a) {
    case PRA_SCROLL_UP: scroll_by(ps, lay, -1); return true;
    case PRA_SCROLL_DOWN: scroll_by(ps, lay, 1); return true;
    case PRA_PAGE_UP: scroll_by(ps, lay, -page); return true;
    case PRA_PAGE_DOWN: scroll_by(ps, lay, page); return true;
    case PRA_TOP: ps->scroll = 0; return true;
    case PRA_REDRAW: ps->flags.redraw = true; return true;
    default: return false;
    }
}

static void check_answer(practice_screen_t *ps)
{
    if (lineedit_empty(&ps->line)) {
        say(ps, true, "Type an answer first (q on an empty line quits).");
        return;
    }
    if (practice_session_answer(ps->session, ps->line.text) == PRACTICE_UNREADABLE) {
        say(ps, true, "%s", sb_str(&ps->session->feedback)); /* asked again, the line kept to correct */
        return;
    }
    lineedit_clear(&ps->line);
    ps->scroll = 0;
}

static void asking_key(practice_screen_t *ps, const practice_layout_t *lay, int key)
{
    practice_action_t a = (practice_action_t)bindings_action(practice_bindings(), key);
    if (a == PRA_QUIT && (lineedit_empty(&ps->line) || !KEYS_IS_TEXT(key))) {
        quit(ps);
        return;
    }
    if (a == PRA_CHECK) {
        check_answer(ps);
        return;
    }
    if (a == PRA_CLEAR) {
        lineedit_clear(&ps->line);
        return;
    }
    if (lineedit_key(&ps->line, key) || view_action(ps, lay, a))
        return;
    char name[24];
    say(ps, true, "key %s does nothing here: type the answer (digits, letters, %% , . k M $)",
        keys_name(key, name, sizeof name));
}

static void solved_key(practice_screen_t *ps, const practice_layout_t *lay, int key)
{
    practice_action_t a = (practice_action_t)bindings_action(practice_bindings(), key);
    if (a == PRA_QUIT) {
        quit(ps);
    } else if (a == PRA_CHECK || a == PRA_NEXT) {
        practice_session_next(ps->session);
        ps->scroll = 0;
    } else if (!view_action(ps, lay, a)) {
        const bindings_t *t = practice_bindings();
        char name[24], next[24], q[24];
        say(ps, true, "key %s does nothing here: %s goes on to the next exercise, %s quits",
            keys_name(key, name, sizeof name), keys_name(bindings_first_key(t, PRA_CHECK), next, sizeof next),
            keys_name(bindings_first_key(t, PRA_QUIT), q, sizeof q));
    }
}

void practice_screen_key(practice_screen_t *ps, const practice_layout_t *lay, int key)
{
    ps->status[0] = '\0'; /* a message lasts until the next key */
    practice_action_t a = (practice_action_t)bindings_action(practice_bindings(), key);
    if (lay && lay->too_small) {
        if (a == PRA_QUIT)
            quit(ps);
        return;
    }
    switch (ps->session->phase) {
    case SESSION_ASKING:
        asking_key(ps, lay, key);
        break;
    case SESSION_SOLVED:
        solved_key(ps, lay, key);
        break;
    case SESSION_DONE:
        if (a == PRA_QUIT || a == PRA_CHECK)
            quit(ps);
        else
            view_action(ps, lay, a);
        break;
    }
}

bool practice_screen_key_moves(const practice_screen_t *ps, int key)
{
    practice_action_t a = (practice_action_t)bindings_action(practice_bindings(), key);
    bool scroll = a == PRA_SCROLL_UP || a == PRA_SCROLL_DOWN || a == PRA_PAGE_UP || a == PRA_PAGE_DOWN;
    return scroll && !(ps->session->phase == SESSION_ASKING && KEYS_IS_TEXT(key));
}

/* ------------------------------------------------------------------------
 * The practice screen for the front ends. */

static void screen_render(const void *model, uigrid_t *g, void *layout)
{
    practice_screen_render(model, g, layout);
}

static void screen_key(void *model, const void *layout, int key)
{
    practice_screen_key(model, layout, key);
}

static bool screen_moves(const void *model, int key)
{
    return practice_screen_key_moves(model, key);
}

screen_t practice_screen(practice_screen_t *ps, practice_layout_t *lay)
{
    return (screen_t){ps, lay, &ps->flags, screen_render, screen_key, NULL, screen_moves};
}
