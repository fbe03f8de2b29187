/* practice_screen: the practice drill on a screen, without curses.
 *
 * The exercise and its chart, the line the answer is typed on, the verdict
 * and the worked solution, and the score at the end, laid out into a uigrid
 * as the explorer is; keys go through its own action table
 * (practice_bindings). The session (practice_session.h) scores; this module
 * only shows it and turns keys into answers. The curses front end
 * (term/tui.c) and the key-script hook (ui/keyscript.c) drive it through
 * practice_screen, so TRADEOFF_KEYS tests what a person does. */
#ifndef TRADEOFF_PRACTICE_SCREEN_H
#define TRADEOFF_PRACTICE_SCREEN_H

#include "render/uigrid.h"
#include "ui/bindings.h"
#include "ui/lineedit.h"
#include "ui/practice_session.h"
#include "ui/screen.h"

#include <stdbool.h>

/* The smallest screen it lays out; below it, a clear message. */
#define PRACTICE_MIN_WIDTH 60
#define PRACTICE_MIN_HEIGHT 16

typedef enum {
    PRA_NONE,
    PRA_QUIT,
    PRA_CHECK,
    PRA_NEXT,
    PRA_ERASE,
    PRA_CLEAR,
    PRA_SCROLL_UP,
    PRA_SCROLL_DOWN,
    PRA_PAGE_UP,
    PRA_PAGE_DOWN,
    PRA_TOP,
    PRA_REDRAW,
    PRA_COUNT
} practice_action_t;

/* The practice screen's action table. */
const bindings_t *practice_bindings(void);

typedef struct {
    practice_session_t *session; /* borrowed; started */
    unsigned long long seed;     /* shown, so the drill can be repeated */
    bool ascii;                  /* decided by the caller (--ascii, the locale) */
    lineedit_t line;             /* the answer being typed */
    int scroll;                  /* first line of the text shown */
    char status[320];            /* a message until the next key; "" for the hints */
    bool status_is_error;
    screen_flags_t flags;        /* quit, redraw (for the front end) */
} practice_screen_t;

/* Where the last render put things: the front end keeps it for the keys. */
typedef struct {
    bool too_small;  /* the screen showed only the "too small" message */
    int text_rows;   /* rows of the exercise's text area */
    int max_scroll;  /* the last useful scroll position */
} practice_layout_t;

#define PRACTICE_LAYOUT_INIT {false, 0, 0}

void practice_screen_init(practice_screen_t *ps, practice_session_t *s, unsigned long long seed, bool ascii);
/* Lays the screen out into `g`; changes nothing in `ps`. */
void practice_screen_render(const practice_screen_t *ps, uigrid_t *g, practice_layout_t *lay);
/* One key against the last layout (NULL: none yet). Quitting before the
 * end stops the session, so its score counts only what was answered. */
void practice_screen_key(practice_screen_t *ps, const practice_layout_t *lay, int key);
/* True when `key` only scrolls the text in the present phase (on the
 * answer line a letter is typed, not a scroll: screen.h's `moves`). */
bool practice_screen_key_moves(const practice_screen_t *ps, int key);
/* The practice screen for a front end; `lay` is the layout it keeps. */
screen_t practice_screen(practice_screen_t *ps, practice_layout_t *lay);

#endif
