/* uigrid: a screen of character cells that a whole interface is drawn into.
 *
 * The explorer lays out and writes every panel into a grid; the curses front
 * end only copies the grid to the terminal, and the tests and key scripts
 * read the very same grid as text. Each cell holds one UTF-8 character and a
 * role (what the cell shows: a label, a slider knob, a failing bound...) that
 * the front end's theme table turns into a colour or an attribute. The core
 * never knows how a role looks. */
#ifndef TRADEOFF_UIGRID_H
#define TRADEOFF_UIGRID_H

#include "base/strbuf.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    char text[8];  /* UTF-8 of one character; "" for the right half of a wide one */
    uint8_t role;  /* meaning for the theme; 0 is plain text */
} uigrid_cell_t;

typedef struct {
    int width, height;
    bool ascii;          /* non-ASCII text is shown as '?' */
    uigrid_cell_t *cells; /* row-major */
} uigrid_t;

#define UIGRID_INIT {0, 0, false, NULL}

/* Resizes to width x height (at least 1x1) and blanks every cell. */
void uigrid_resize(uigrid_t *g, int width, int height);
void uigrid_free(uigrid_t *g);
/* Blanks every cell (a space of role 0). */
void uigrid_clear(uigrid_t *g);
/* NULL when (x,y) is off the grid. */
uigrid_cell_t *uigrid_at(uigrid_t *g, int x, int y);
const uigrid_cell_t *uigrid_cell(const uigrid_t *g, int x, int y);
/* Writes UTF-8 text at (x,y), at most `maxw` columns (a negative `maxw`
 * means up to the right edge); a text cut short ends in an ellipsis. Text
 * that is not clean is sanitised first (text_sanitize): the one gate of
 * every screen, so nothing drawn can drive the terminal. Returns the number
 * of columns written. */
int uigrid_put(uigrid_t *g, int x, int y, const char *utf8, uint8_t role, int maxw);
/* printf into the grid, like uigrid_put. */
int uigrid_printf(uigrid_t *g, int x, int y, uint8_t role, int maxw, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Fills a rectangle with one character (given as UTF-8). */
void uigrid_fill(uigrid_t *g, int x, int y, int w, int h, const char *utf8, uint8_t role);
/* Sets the role of a run of cells without changing their text. */
void uigrid_paint(uigrid_t *g, int x, int y, int w, uint8_t role);
/* Appends the grid as lines of text, trailing spaces trimmed. */
void uigrid_to_text(const uigrid_t *g, sb_t *out);
/* One line of the grid as text (trailing spaces trimmed), appended to out. */
void uigrid_row_text(const uigrid_t *g, int y, sb_t *out);

#endif
