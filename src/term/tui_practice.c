#include "config.h"

#include "term/tui_practice.h"
#include "render/chart.h"
#include "base/exitcode.h"
#include "core/frontier.h"
#include "base/xalloc.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MIN_COLS 60
#define MIN_LINES 16
#define CHART_PANE 46   /* columns of the chart on the right, when it fits */
#define CHART_FROM 100  /* terminal width from which the chart is shown beside the text */
#define INPUT_MAX 120

enum { PAIR_RIGHT = 1, PAIR_WRONG, PAIR_HEADER };

/* ---- the terminal, restored on every way out ---------------------------------- */

static volatile sig_atomic_t curses_on;

static void restore_terminal(void)
{
    if (curses_on) {
        curses_on = 0;
        endwin();
    }
}

static void on_fatal_signal(int sig)
{
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void start_terminal(bool want_color)
{
    static bool registered;
    if (!registered) {
        atexit(restore_terminal);
        registered = true;
    }
    signal(SIGINT, on_fatal_signal);
    signal(SIGTERM, on_fatal_signal);
    signal(SIGHUP, on_fatal_signal);
    initscr();
    curses_on = 1;
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(1);
    if (want_color && has_colors()) {
        start_color();
        use_default_colors();
        init_pair(PAIR_RIGHT, COLOR_GREEN, -1);
        init_pair(PAIR_WRONG, COLOR_RED, -1);
        init_pair(PAIR_HEADER, COLOR_BLACK, COLOR_CYAN);
    }
}

/* ---- the screen's state --------------------------------------------------------- */

typedef struct {
    practice_session_t *s;
    unsigned long long seed;
    bool color, ascii;
    char input[INPUT_MAX + 1];
    size_t ilen;
    int scroll;        /* first body line shown */
    const char *status; /* one-line message; NULL: the default hint */
} screen_t;

/* Wraps `text` into lines of at most `width` columns (ASCII text: the
 * exercises are generated, never read from files). Indented lines keep their
 * indent, and their continuations are indented two more. */
static void emit(char ***lines, size_t *n, size_t *cap, const sb_t *line)
{
    *lines = xgrow(*lines, cap, *n + 1, sizeof **lines);
    (*lines)[(*n)++] = xstrdup(sb_str(line));
}

static void wrap_one(const char *p, size_t len, int width, char ***lines, size_t *n, size_t *cap)
{
    sb_t line = SB_INIT;
    if (len <= (size_t)width) { /* fits: keep its spacing (aligned columns) */
        sb_putn(&line, p, len);
        emit(lines, n, cap, &line);
        sb_free(&line);
        return;
    }
    size_t indent = strspn(p, " ");
    if (indent > len)
        indent = len;
    sb_putn(&line, p, indent);
    size_t base = indent, i = indent;
    bool empty = true;
    while (i < len) {
        size_t w = 0;
        while (i + w < len && p[i + w] != ' ')
            w++;
        if (!empty && line.len + 1 + w > (size_t)width) {
            emit(lines, n, cap, &line);
            sb_reset(&line);
            base = indent > 0 && indent + 2 < (size_t)width / 2 ? indent + 2 : 0;
            sb_repeat(&line, " ", (int)base);
            empty = true;
        }
        if (!empty)
            sb_putc(&line, ' ');
        /* A word longer than the line is cut. */
        while (line.len + w > (size_t)width && line.len < (size_t)width) {
            size_t take = (size_t)width - line.len;
            sb_putn(&line, p + i, take);
            emit(lines, n, cap, &line);
            sb_reset(&line);
            sb_repeat(&line, " ", (int)base);
            i += take, w -= take;
        }
        sb_putn(&line, p + i, w);
        empty = false;
        i += w;
        while (i < len && p[i] == ' ')
            i++;
    }
    emit(lines, n, cap, &line);
    sb_free(&line);
}

static void wrap_lines(const char *text, int width, char ***lines, size_t *n, size_t *cap)
{
    const char *p = text;
    for (;;) {
        size_t len = strcspn(p, "\n");
        wrap_one(p, len, width, lines, n, cap);
        if (p[len] == '\0')
            break;
        p += len + 1;
    }
}

static void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

static bool shows_chart(const practice_ex_t *ex)
{
    return ex && ex->points.len >= 2 && ex->kind != PRACTICE_CATEGORY && COLS >= CHART_FROM;
}

/* The body text for the current phase. */
static void body_text(const screen_t *sc, sb_t *out)
{
    const practice_session_t *s = sc->s;
    const practice_ex_t *ex = practice_session_current(s);
    if (s->phase == SESSION_DONE) {
        sb_puts(out, "Drill finished.\n\n");
        practice_score_summary(out, &s->score);
        sb_puts(out, "\nRepeat this drill with: ");
        practice_repeat_command(out, s->set);
        sb_puts(out, "\n\nPress q to quit.");
        return;
    }
    if (s->phase == SESSION_ASKING) {
        practice_question(out, ex, false);
        return;
    }
    sb_printf(out, "%s\n%s\n\nWorked solution:\n", s->verdict == PRACTICE_RIGHT ? "RIGHT" : "WRONG",
              sb_str(&s->feedback));
    sb_t steps = SB_INIT;
    for (const char *p = sb_str(&s->sol.steps); *p;) {
        size_t len = strcspn(p, "\n");
        sb_printf(&steps, "  %.*s\n", (int)len, p);
        p += len + (p[len] == '\n');
    }
    sb_printf(out, "%s\nFor the meeting: %s", sb_str(&steps), sb_str(&s->sol.meaning));
    sb_free(&steps);
}

static void draw_header(const screen_t *sc)
{
    const practice_session_t *s = sc->s;
    const practice_ex_t *ex = practice_session_current(s);
    char left[160], right[80];
    if (ex)
        snprintf(left, sizeof left, " tradeoff practice | %zu of %zu | %s%s", s->at + 1, s->set->len,
                 practice_kind_title(ex->kind), ex->from_text ? " (domain text)" : "");
    else
        snprintf(left, sizeof left, " tradeoff practice | done");
    snprintf(right, sizeof right, "score %d/%d  seed %llu ", practice_score_right(&s->score),
             practice_score_asked(&s->score), sc->seed);
    int a = sc->color ? COLOR_PAIR(PAIR_HEADER) : A_REVERSE;
    attron(a);
    mvhline(0, 0, ' ', COLS);
    mvaddnstr(0, 0, left, COLS);
    int rlen = (int)strlen(right);
    if ((int)strlen(left) + rlen < COLS)
        mvaddstr(0, COLS - rlen, right);
    attroff(a);
}

/* The index of the lowest letter of a set (the set is not empty). */
static long first_letter(unsigned letters)
{
    long i = 0;
    while (!(letters & 1u))
        letters >>= 1, i++;
    return i;
}

static void draw_chart(const screen_t *sc, int top, int height)
{
    const practice_ex_t *ex = practice_session_current(sc->s);
    frontier_t f;
    frontier_compute(&f, &ex->points, NULL);
    chart_opts_t o = chart_default_opts();
    o.points = &ex->points;
    o.frontier = &f;
    o.scenario = &ex->scenario;
    o.width = CHART_PANE - 2;
    o.height = height < 20 ? height : 20;
    o.ascii = sc->ascii;
    o.no_legend = true;
    /* After the verdict, mark what the answer was about: the mix reached, or
     * the cheapest point. */
    const practice_solution_t *sol = &sc->s->sol;
    if (sc->s->phase == SESSION_SOLVED && ex->kind == PRACTICE_FRONTIER && sol->answer.kind == ANSWER_PERCENT) {
        frontier_op_t mix = frontier_op_mix(&ex->points, ex->a, ex->b, sol->answer.value / 100.0);
        o.has_current = true;
        o.current_asr = mix.asr;
        o.current_orr = mix.orr;
    } else if (sc->s->phase == SESSION_SOLVED && ex->kind == PRACTICE_COST && sol->answer.kind == ANSWER_LETTER &&
               sol->answer.letters) {
        o.selected = first_letter(sol->answer.letters);
    }
    sb_t text = SB_INIT;
    chart_text(&text, &o);
    int row = top;
    for (const char *p = sb_str(&text); *p && row < top + height;) {
        size_t len = strcspn(p, "\n");
        char *line = xstrndup(p, len);
        mvaddstr(row++, COLS - CHART_PANE + 2, line); /* the chart is exactly o.width wide */
        free(line);
        p += len + (p[len] == '\n');
    }
    sb_free(&text);
    frontier_free(&f);
}

/* The verdict line is coloured (or bold without colour). */
static void draw_body_line(const screen_t *sc, int row, const char *line)
{
    bool verdict = sc->s->phase == SESSION_SOLVED && (strcmp(line, "RIGHT") == 0 || strcmp(line, "WRONG") == 0);
    int a = A_BOLD;
    if (verdict && sc->color)
        a |= COLOR_PAIR(line[0] == 'R' ? PAIR_RIGHT : PAIR_WRONG);
    if (verdict)
        attron(a);
    mvaddstr(row, 1, line);
    if (verdict)
        attroff(a);
}

static void draw_footer(const screen_t *sc)
{
    const practice_session_t *s = sc->s;
    int input_row = LINES - 2, status_row = LINES - 1;
    mvhline(input_row, 0, ' ', COLS);
    mvhline(status_row, 0, ' ', COLS);
    const char *hint;
    if (s->phase == SESSION_ASKING) {
        mvaddstr(input_row, 1, "Answer> ");
        addnstr(sc->input, COLS - 12);
        hint = "Type the answer, Enter to check. Backspace edits, Ctrl-U clears, q on an empty line quits.";
    } else if (s->phase == SESSION_SOLVED) {
        mvaddstr(input_row, 1, "Enter: next exercise    Up/Down/PgUp/PgDn: scroll    q: quit");
        hint = "";
    } else {
        hint = "q or Enter quits.";
    }
    attron(A_DIM);
    mvaddnstr(status_row, 1, sc->status ? sc->status : hint, COLS - 2);
    attroff(A_DIM);
    if (s->phase == SESSION_ASKING) {
        curs_set(1);
        move(input_row, 9 + (int)(sc->ilen < (size_t)COLS - 12 ? sc->ilen : (size_t)COLS - 12));
    } else {
        curs_set(0);
    }
}

static void draw(screen_t *sc)
{
    erase();
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        char msg[96];
        snprintf(msg, sizeof msg, "terminal too small: need %dx%d, have %dx%d (q quits)", MIN_COLS, MIN_LINES, COLS,
                 LINES);
        mvaddnstr(0, 0, msg, COLS);
        refresh();
        return;
    }
    draw_header(sc);
    const practice_ex_t *ex = practice_session_current(sc->s);
    bool chart = sc->s->phase != SESSION_DONE && shows_chart(ex);
    int width = (chart ? COLS - CHART_PANE : COLS) - 2;
    int top = 2, height = LINES - 5;
    sb_t text = SB_INIT;
    body_text(sc, &text);
    char **lines = NULL;
    size_t n = 0, cap = 0;
    wrap_lines(sb_str(&text), width, &lines, &n, &cap);
    int max_scroll = (int)n > height ? (int)n - height : 0;
    if (sc->scroll > max_scroll)
        sc->scroll = max_scroll;
    if (sc->scroll < 0)
        sc->scroll = 0;
    for (int i = 0; i < height && (size_t)(sc->scroll + i) < n; i++)
        draw_body_line(sc, top + i, lines[sc->scroll + i]);
    if (max_scroll > 0)
        mvaddstr(top + height, 1, sc->scroll < max_scroll ? "-- more below (Down/PgDn) --" : "-- end --");
    free_lines(lines, n);
    sb_free(&text);
    if (chart)
        draw_chart(sc, top, height);
    draw_footer(sc);
    refresh();
}

/* ---- keys ----------------------------------------------------------------------------- */

static bool is_enter(int r, wint_t k)
{
    return (r == KEY_CODE_YES && k == KEY_ENTER) || (r == OK && (k == '\n' || k == '\r'));
}

static bool scroll_key(screen_t *sc, int r, wint_t k)
{
    if (r != KEY_CODE_YES)
        return false;
    int page = LINES - 6 > 1 ? LINES - 6 : 1;
    switch (k) {
    case KEY_UP: sc->scroll--; return true;
    case KEY_DOWN: sc->scroll++; return true;
    case KEY_PPAGE: sc->scroll -= page; return true;
    case KEY_NPAGE: sc->scroll += page; return true;
    case KEY_HOME: sc->scroll = 0; return true;
    default: return false;
    }
}

/* Returns false when the user quits. */
static bool asking_key(screen_t *sc, int r, wint_t k)
{
    if (is_enter(r, k)) {
        if (sc->ilen == 0) {
            sc->status = "Type an answer first (q on an empty line quits).";
            return true;
        }
        if (practice_session_answer(sc->s, sc->input) == PRACTICE_UNREADABLE) {
            sc->status = sb_str(&sc->s->feedback);
        } else {
            sc->ilen = 0;
            sc->input[0] = '\0';
            sc->scroll = 0;
        }
        return true;
    }
    if ((r == KEY_CODE_YES && k == KEY_BACKSPACE) || (r == OK && (k == 127 || k == 8))) {
        if (sc->ilen > 0)
            sc->input[--sc->ilen] = '\0';
        return true;
    }
    if (r == OK && k == 21) { /* Ctrl-U */
        sc->ilen = 0;
        sc->input[0] = '\0';
        return true;
    }
    if (r == OK && k == 27) { /* Esc cancels the line */
        sc->ilen = 0;
        sc->input[0] = '\0';
        return true;
    }
    if (r == OK && (k == 'q' || k == 'Q') && sc->ilen == 0)
        return false;
    if (r == OK && k >= 32 && k < 127 && sc->ilen < INPUT_MAX) {
        sc->input[sc->ilen++] = (char)k;
        sc->input[sc->ilen] = '\0';
        return true;
    }
    if (!scroll_key(sc, r, k) && r == KEY_CODE_YES && k != KEY_RESIZE)
        sc->status = "Only the answer goes on this line: digits, letters, % , . k M $";
    return true;
}

static bool key(screen_t *sc, int r, wint_t k)
{
    if (r == KEY_CODE_YES && k == KEY_F(10))
        return false;
    if (COLS < MIN_COLS || LINES < MIN_LINES)
        return !(r == OK && (k == 'q' || k == 'Q'));
    practice_session_t *s = sc->s;
    if (s->phase == SESSION_ASKING)
        return asking_key(sc, r, k);
    if (r == OK && (k == 'q' || k == 'Q'))
        return false;
    if (s->phase == SESSION_DONE)
        return !is_enter(r, k);
    if (is_enter(r, k) || (r == OK && (k == ' ' || k == 'n'))) {
        practice_session_next(s);
        sc->scroll = 0;
        return true;
    }
    if (!scroll_key(sc, r, k) && !(r == KEY_CODE_YES && k == KEY_RESIZE))
        sc->status = "Enter: next exercise, q: quit, arrows scroll.";
    return true;
}

int tui_practice_run(practice_session_t *s, unsigned long long seed, const tui_opts_t *o)
{
    screen_t sc = {.s = s, .seed = seed};
    sc.color = !o->no_color;
    sc.ascii = o->ascii;
    start_terminal(sc.color);
    sc.color = sc.color && has_colors();
    int errors = 0;
    for (;;) {
        draw(&sc);
        wint_t k;
        int r = get_wch(&k);
        if (r == ERR) {
            /* Blocking input fails only when the terminal is gone: stop
             * rather than spin. */
            if (++errors > 100)
                break;
            continue;
        }
        errors = 0;
        if (!(r == KEY_CODE_YES && k == KEY_RESIZE))
            sc.status = NULL; /* a message lasts until the next key */
        if (!key(&sc, r, k))
            break;
    }
    restore_terminal();
    if (s->phase != SESSION_DONE)
        practice_session_stop(s);
    sb_t sum = SB_INIT;
    practice_score_summary(&sum, &s->score);
    printf("%s", sb_str(&sum));
    sb_free(&sum);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_INTERNAL;
}
