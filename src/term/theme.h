/* theme: how each role of a screen looks, in one table with a colour
 * column and a monochrome column (ncdu's way).
 *
 * Colours are the terminal's own eight (so a user's palette is followed);
 * the monochrome column is used for --no-color, a non-empty NO_COLOR and
 * terminals without colour, and keeps the program usable with attributes
 * alone. The curses front end (tui.c) turns a row into a colour pair and
 * attributes; `tradeoff plot` turns the chart's rows (ROLE_CHART + canvas
 * style) into SGR codes, so the explorer's chart and plot's chart share their
 * colours. No curses here. */
#ifndef TRADEOFF_THEME_H
#define TRADEOFF_THEME_H

#include "base/strbuf.h"
#include "render/canvas.h"

#include <stdbool.h>

/* The terminal's eight colours; curses' COLOR_x and SGR's 30 + x are the
 * value less one. A zero row (THEME_DEFAULT, no attributes) is plain text. */
typedef enum {
    THEME_DEFAULT = 0, /* the terminal's own foreground or background */
    THEME_BLACK,
    THEME_RED,
    THEME_GREEN,
    THEME_YELLOW,
    THEME_BLUE,
    THEME_MAGENTA,
    THEME_CYAN,
    THEME_WHITE
} theme_color_t;

/* Attributes. */
enum { THEME_BOLD = 1, THEME_DIM = 2, THEME_UNDERLINE = 4, THEME_REVERSE = 8 };

typedef struct {
    theme_color_t fg, bg;
    unsigned color_attrs; /* with colours */
    unsigned mono_attrs;  /* without */
} theme_row_t;

/* The row of a role (ui/role.h); the plain row for a role out of range. */
const theme_row_t *theme_row(int role);
/* Appends the SGR parameters of a role with colours ("1;36"; "" for the
 * terminal's defaults). */
void theme_sgr(sb_t *out, int role);
/* A canvas as text with colour escapes between cells (plot on a colour
 * terminal); trailing blanks trimmed as in canvas_to_text, so only the
 * escapes differ from the plain text. */
void theme_canvas_ansi(sb_t *out, const canvas_t *cv, bool ascii);

#endif
