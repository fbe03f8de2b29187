/* tui: the curses front end of every screen. See tui.h. */
#include "config.h"

#include "base/exitcode.h"
#include "base/fatalsig.h"
#include "base/outfile.h"
#include "term/theme.h"
#include "term/tui.h"
#include "ui/keys.h"
#include "ui/role.h"

#define NCURSES_WIDECHAR 1 /* the wide-character functions: add_wch, get_wch */
#include <curses.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* ------------------------------------------------------------------------
 * Looks: the theme's rows as curses colour pairs and attributes. */

static bool use_color;

static attr_t curses_attrs(unsigned a)
{
    return (a & THEME_BOLD ? A_BOLD : 0) | (a & THEME_DIM ? A_DIM : 0) | (a & THEME_UNDERLINE ? A_UNDERLINE : 0) |
           (a & THEME_REVERSE ? A_REVERSE : 0);
}

/* A theme colour as curses numbers it; -1 for the terminal's default. */
static short curses_color(theme_color_t c)
{
    return c == THEME_DEFAULT ? -1 : (short)(c - 1);
}

static void colors_init(bool want)
{
    use_color = want && has_colors();
    if (!use_color)
        return;
    start_color();
    use_default_colors();
    for (int r = 0; r < ROLE_COUNT && r + 1 < COLOR_PAIRS; r++)
        init_pair((short)(r + 1), curses_color(theme_row(r)->fg), curses_color(theme_row(r)->bg));
}

static void role_look(int role, attr_t *attr, short *pair)
{
    const theme_row_t *row = theme_row(role);
    if (use_color && role + 1 < COLOR_PAIRS) {
        *attr = curses_attrs(row->color_attrs);
        *pair = (short)(role + 1);
    } else {
        *attr = curses_attrs(row->mono_attrs);
        *pair = 0;
    }
}

/* ------------------------------------------------------------------------
 * Restoring the terminal. */

static volatile sig_atomic_t got_signal;
static bool curses_on;
static SCREEN *term_screen;

/* A crash (a fault inside drawing: fatalsig.h) cannot go back through
 * curses: the handler may only call async-signal-safe functions. So
 * everything it needs is prepared while curses starts: the terminal
 * settings from before curses, the tty's fd, and the bytes that leave the
 * screen. */
static fatalsig_saved_t crash_before;

static int crash_fd = -1;
static bool crash_have_termios;
static struct termios crash_termios;
static char crash_reset[256];
static size_t crash_reset_len;
static bool crash_armed;

static void on_crash(int sig)
{
    /* Only write(2) and tcsetattr (both async-signal-safe), on data made
     * beforehand. */
    size_t done = 0;
    while (done < crash_reset_len) {
        ssize_t n = write(crash_fd, crash_reset + done, crash_reset_len - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    if (crash_have_termios)
        tcsetattr(crash_fd, TCSANOW, &crash_termios);
    outfile_remove_temp(); /* a crash while saving leaves no hidden file */
    /* SA_RESETHAND put the default action back: the signal, blocked while
     * this handler runs, is delivered as it returns and ends the process as
     * it would have without us (core dump included). */
    raise(sig);
}

/* The terminal's settings before curses changes them. */
static void crash_save_termios(void)
{
    crash_fd = isatty(STDOUT_FILENO) ? STDOUT_FILENO : STDIN_FILENO;
    crash_have_termios = tcgetattr(crash_fd, &crash_termios) == 0;
}

static bool has_cap(const char *cap)
{
    const char *s = tigetstr(cap);
    return s != NULL && s != (const char *)-1;
}

static void crash_put(const char *s)
{
    size_t n = strlen(s);
    if (crash_reset_len + n < sizeof crash_reset) {
        memcpy(crash_reset + crash_reset_len, s, n);
        crash_reset_len += n;
    }
}

/* Appends terminfo's string capability `cap`, or `fallback` when the
 * terminal has none (NULL: nothing). */
static void crash_add(const char *cap, const char *fallback)
{
    if (has_cap(cap))
        crash_put(tigetstr(cap));
    else if (fallback)
        crash_put(fallback);
}

/* Prepares the reset bytes (curses is on, so terminfo is loaded) and
 * installs the crash handler. */
static void crash_arm(bool mouse)
{
    crash_reset_len = 0;
    crash_add("sgr0", "\033[m");         /* plain colours */
    if (mouse && has_cap("kmous"))
        crash_put("\033[?1000l");         /* no more mouse reports (xterm style) */
    crash_add("rmkx", NULL);             /* keypad back to normal */
    crash_add("cnorm", "\033[?25h");     /* show the cursor */
    crash_add("rmcup", "\033[?1049l");   /* leave the alternate screen */
    /* An ignored fault stays ignored: SIGXFSZ, so a write past the limit
     * fails and the screen carries on. */
    fatalsig_catch(FATALSIG_FAULT, on_crash, SA_RESETHAND, false, &crash_before);
    crash_armed = true;
}

/* Once curses has ended normally there is nothing to reset: the handlers
 * from before (the default, or a sanitizer's) come back. */
static void crash_disarm(void)
{
    if (!crash_armed)
        return;
    crash_armed = false;
    fatalsig_restore(&crash_before);
}

static void restore(void)
{
    if (curses_on) {
        curses_on = false;
        crash_disarm();
        endwin();
        delscreen(term_screen);
        term_screen = NULL;
    }
}

static void on_signal(int sig)
{
    got_signal = sig;
}

/* The signals sent to end the program (fatalsig.h: ^C, ^\, SIGTERM,
 * SIGHUP, SIGPIPE, SIGALRM, SIGUSR1...): the handler only sets a flag; the
 * loop restores the terminal, then dies of the signal. One the program
 * ignores (nohup's SIGHUP) stays ignored. */
static fatalsig_saved_t quit_before;

static void catch_signals(void)
{
    /* no SA_RESTART: a signal wakes get_wch at once */
    fatalsig_catch(FATALSIG_SENT, on_signal, 0, false, &quit_before);
}

/* The handlers from before, once the screen is done. */
static void release_signals(void)
{
    fatalsig_restore(&quit_before);
}

/* ------------------------------------------------------------------------
 * Drawing and keys. */

/* How long a wait for a key lasts before the loop looks at the signal flag
 * again (a signal usually interrupts the wait at once). */
#define TICK_MS 250

static void draw(const uigrid_t *g)
{
    for (int y = 0; y < g->height; y++) {
        for (int x = 0; x < g->width; x++) {
            const uigrid_cell_t *c = uigrid_cell(g, x, y);
            if (!c->text[0])
                continue; /* the right half of a wide character */
            wchar_t wc[2] = {L' ', L'\0'};
            mbstate_t st;
            memset(&st, 0, sizeof st);
            if (mbrtowc(&wc[0], c->text, strlen(c->text), &st) > (size_t)-3 || wc[0] == L'\0')
                wc[0] = L'?';
            attr_t attr;
            short pair;
            role_look(c->role, &attr, &pair);
            cchar_t cc;
            setcchar(&cc, wc, attr, pair, NULL);
            mvadd_wch(y, x, &cc); /* the bottom-right cell may report ERR: harmless */
        }
    }
}

static int translate(int r, wint_t ch)
{
    if (r == KEY_CODE_YES) {
        switch (ch) {
        case KEY_LEFT: return EK_LEFT;
        case KEY_RIGHT: return EK_RIGHT;
        case KEY_UP: return EK_UP;
        case KEY_DOWN: return EK_DOWN;
        case KEY_SLEFT: return EK_SLEFT;
        case KEY_SRIGHT: return EK_SRIGHT;
        case KEY_PPAGE: return EK_PGUP;
        case KEY_NPAGE: return EK_PGDN;
        case KEY_HOME: return EK_HOME;
        case KEY_END: return EK_END;
        case KEY_BTAB: return EK_BTAB;
        case KEY_ENTER: return EK_ENTER;
        case KEY_BACKSPACE: return EK_BACKSPACE;
        default:
            if (ch == KEY_F(1))
                return EK_F1;
            if (ch == KEY_F(10))
                return EK_F10;
            return -1;
        }
    }
    switch (ch) {
    case 9: return EK_TAB;
    case 10:
    case 13: return EK_ENTER;
    case 27: return EK_ESC;
    case 8:
    case 127: return EK_BACKSPACE;
    case 12: return EK_CTRL_L;
    case 21: return EK_CTRL_U;
    default: return ch < 32 ? -1 : (int)ch;
    }
}

static bool start(const tui_opts_t *o, bool mouse)
{
    crash_save_termios();
    term_screen = newterm(NULL, stdout, stdin);
    if (!term_screen)
        return false;
    curses_on = true;
    static bool registered;
    if (!registered) {
        atexit(restore);
        registered = true;
    }
    cbreak(); /* not raw: ^C still raises SIGINT, which restores the terminal */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    timeout(TICK_MS);
    colors_init(o->color);
    if (mouse) {
        mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
        mouseinterval(0);
    }
    crash_arm(mouse);
    return true;
}

/* Draws the screen's current frame; a resize gives the grid the
 * terminal's new size first. */
static void frame(const screen_t *s, uigrid_t *g)
{
    if (g->width != COLS || g->height != LINES)
        uigrid_resize(g, COLS, LINES);
    s->render(s->model, g, s->layout);
    if (s->flags->redraw) {
        clearok(curscr, TRUE);
        s->flags->redraw = false;
    }
    erase();
    draw(g);
    refresh();
}

/* One event from curses: a key, a click or a resize. Returns whether the
 * screen needs drawing again. */
static bool event(const screen_t *s, bool mouse, int r, wint_t ch)
{
    if (r == KEY_CODE_YES && ch == KEY_RESIZE)
        return true;
    if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
        MEVENT ev;
        if (mouse && getmouse(&ev) == OK && (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) {
            s->click(s->model, s->layout, ev.x, ev.y);
            return true;
        }
        return false;
    }
    int key = translate(r, ch);
    if (key >= 0)
        s->key(s->model, s->layout, key);
    return true;
}

/* Keys typed faster than frames are drawn (a held j, fifty queued j) need
 * not each wait for a frame: after a key that only moves (the screen's
 * `moves`), the same key waiting behind it is applied at once, and the
 * frame is drawn when the run ends. Any other event waiting is read and
 * held in *r, *ch for the loop (true), after the frame. */
static bool coalesce(const screen_t *s, bool mouse, int key, int *r, wint_t *ch)
{
    if (key < 0 || !s->moves)
        return false;
    while (!s->flags->quit && !got_signal && s->moves(s->model, key)) {
        timeout(0);
        int next = get_wch(ch);
        timeout(TICK_MS);
        if (next == ERR)
            return false;
        if (translate(next, *ch) != key) {
            *r = next;
            return true;
        }
        event(s, mouse, next, *ch);
    }
    return false;
}

int tui_run(const screen_t *s, const tui_opts_t *o)
{
    bool mouse = o->mouse && s->click;
    catch_signals(); /* before curses, so ncurses keeps ours */
    if (!start(o, mouse)) {
        fprintf(stderr, "tradeoff: cannot start the terminal interface (is TERM set?)\n");
        return EXIT_USAGE;
    }
    uigrid_t g = UIGRID_INIT;
    bool dirty = true, held = false;
    int r = ERR;
    wint_t ch = 0;
    while (!s->flags->quit && !got_signal) {
        if (dirty)
            frame(s, &g);
        if (!held)
            r = get_wch(&ch);
        held = false;
        /* ERR: a timeout or a signal; the loop's condition decides. */
        dirty = r != ERR && event(s, mouse, r, ch);
        held = r != ERR && coalesce(s, mouse, translate(r, ch), &r, &ch);
    }
    uigrid_free(&g);
    restore();
    release_signals();
    if (got_signal) {
        int sig = got_signal;
        signal(sig, SIG_DFL);
        raise(sig); /* die of the signal, as the shell expects */
        return 128 + sig;
    }
    return EXIT_OK;
}
