/* draw: the pieces both screens draw into their grids: a panel heading,
 * wrapped text, a chart's canvas, the line being typed and the status
 * line's key hints (from the screen's action table). Each glyph has an
 * ASCII twin for --ascii and for locales that cannot show UTF-8. */
#ifndef TRADEOFF_DRAW_H
#define TRADEOFF_DRAW_H

#include "render/canvas.h"
#include "render/uigrid.h"
#include "ui/bindings.h"
#include "ui/lineedit.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    int x, y, w, h;
} rect_t;

/* A glyph and its ASCII twin. */
typedef struct {
    const char *utf8, *ascii;
} glyph_t;

static inline const char *draw_glyph(glyph_t g, bool ascii)
{
    return ascii ? g.ascii : g.utf8;
}

extern const glyph_t draw_rule;   /* ─ - : headings, slider tracks */
extern const glyph_t draw_cursor; /* █ _ : after the typed text */
extern const glyph_t draw_focus;  /* ▶ > : the focused control, the list's cursor row */

/* "─ Title ─────" across the top row of `r`. */
void draw_heading(uigrid_t *g, rect_t r, const char *title, bool ascii);
/* Word-wraps `text` (text_wrap) to r.w columns and draws its lines from
 * line `first` on into the rows of `r`; returns the number of lines the
 * whole text takes, drawn or not (`g` NULL: only counts). A unit separator
 * (\x1f) glues two words that must stay on one line; it is drawn as a
 * space. */
int draw_wrapped(uigrid_t *g, rect_t r, const char *text, uint8_t role, int first);
/* Copies a canvas (a chart) into the grid at (x,y), at most w x h cells, each
 * cell with the role ROLE_CHART + its style. */
void draw_canvas(uigrid_t *g, int x, int y, int w, int h, const canvas_t *c, bool ascii);
/* The typed line and a block cursor after it, at most `maxw` columns;
 * returns the columns used. */
int draw_input(uigrid_t *g, int x, int y, int maxw, const lineedit_t *le, bool ascii);

/* One hint of a status line: an action's first key from the table (or
 * `key`/`key_ascii` when given, for a pair such as ←→) and a word. */
typedef struct {
    int action;
    const char *what;
    const char *key, *key_ascii;
} draw_hint_t;
/* "q quit  ? help ..." from column x of row y, as many as fit. */
void draw_hints(uigrid_t *g, int x, int y, const bindings_t *t, const draw_hint_t *hints, size_t n, bool ascii);

#endif
