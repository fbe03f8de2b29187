/* canvas: a grid of character cells that charts are drawn into, then copied
 * out to a terminal, a report or a golden file.
 *
 * Each cell holds either a glyph (a marker or a letter of a label, with an
 * ASCII twin) or a pattern of braille dots (2 wide x 4 high per cell) left by
 * lines. Every write carries a priority: a write replaces what a cell holds
 * only when its priority is at least the cell's, so labels beat markers,
 * markers beat lines and lines beat the grid whatever the drawing order.
 * Dots of equal priority accumulate; a dot never replaces a glyph of equal
 * priority (the axes are glyphs at line priority, so lines stop at them). Each cell also carries a semantic style
 * that the front end maps to a colour (the core knows nothing of curses).
 *
 * Rendering to text uses braille (U+2800 + dots) or, with `ascii`, a
 * character chosen from the direction of the line through the cell. A cell
 * with nothing in it is always a space, never the blank braille glyph. */
#ifndef TRADEOFF_CANVAS_H
#define TRADEOFF_CANVAS_H

#include "base/strbuf.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    CANVAS_PRIO_EMPTY = 0,
    CANVAS_PRIO_SHADE,  /* background shading (the policy region) */
    CANVAS_PRIO_GRID,
    CANVAS_PRIO_LINE,
    CANVAS_PRIO_MARKER,
    CANVAS_PRIO_LABEL,
} canvas_prio_t;

/* Semantic styles; the explorer maps each to a colour and attribute. */
typedef enum {
    CANVAS_STYLE_NONE = 0,  /* empty cells, plain text */
    CANVAS_STYLE_AXIS,      /* axis lines, ticks, tick labels */
    CANVAS_STYLE_TITLE,     /* axis titles, chart title */
    CANVAS_STYLE_GRID,
    CANVAS_STYLE_FRONTIER,  /* the Pareto frontier line */
    CANVAS_STYLE_HULL,      /* the achievable (convex) hull, dashed */
    CANVAS_STYLE_POLICY,    /* the acceptable region's outline and shading */
    CANVAS_STYLE_ISOCOST,   /* lines of equal daily cost */
    CANVAS_STYLE_CURVE,     /* a dense curve (a threshold sweep) */
    CANVAS_STYLE_DIMMED,    /* dominated points */
    CANVAS_STYLE_CURRENT,   /* the current operating point */
    CANVAS_STYLE_BASELINE,  /* the pinned baseline */
    CANVAS_STYLE_SELECTED,  /* the point selected in the explorer */
    CANVAS_STYLE_LABEL,     /* point labels and key numbers */
    CANVAS_STYLE_FLOOR,     /* the marked floor where 0 sits on a log axis */
    CANVAS_STYLE_SERIES0,   /* series 0..7 follow in order */
    CANVAS_STYLE_SERIES_LAST = CANVAS_STYLE_SERIES0 + 7,
    CANVAS_STYLE_COUNT
} canvas_style_t;

#define CANVAS_NSERIES 8
/* The style of series number `i` (cycles through the eight). */
#define CANVAS_STYLE_SERIES(i) ((canvas_style_t)(CANVAS_STYLE_SERIES0 + (int)((unsigned)(i) % CANVAS_NSERIES)))

typedef struct {
    char glyph[5];  /* UTF-8 of a glyph cell, "" for a dot cell or an empty one */
    char ascii;     /* ASCII twin of the glyph or of the dots */
    uint8_t dots;   /* braille dot bits (bit 0 = dot 1 ... bit 7 = dot 8) */
    uint8_t prio;   /* canvas_prio_t */
    uint8_t style;  /* canvas_style_t */
    bool cont;      /* right half of a wide glyph in the cell to the left */
} canvas_cell_t;

typedef struct {
    int width, height;    /* in cells */
    canvas_cell_t *cells; /* row-major, row 0 at the top */
} canvas_t;

/* A canvas of width x height blank cells (sizes below 1 count as 1). */
void canvas_init(canvas_t *c, int width, int height);
void canvas_free(canvas_t *c);
void canvas_clear(canvas_t *c);
/* NULL when (col,row) is off the canvas. */
const canvas_cell_t *canvas_cell(const canvas_t *c, int col, int row);

/* Sets one braille dot; dot coordinates run 0..2*width-1 and 0..4*height-1,
 * y downward. `ascii` is the character the cell shows in ASCII mode. */
void canvas_dot(canvas_t *c, int x, int y, char ascii, canvas_style_t style, canvas_prio_t prio);
/* A straight line between two dot positions; every other run of dots is
 * skipped when `dashed`. The ASCII twin follows the slope (- | / \, or ':'
 * when dashed). */
void canvas_line(canvas_t *c, int x0, int y0, int x1, int y1, canvas_style_t style,
                 canvas_prio_t prio, bool dashed);
/* The same with a dash pattern (`on` dots drawn, then `off` skipped; off 0
 * for a solid line) and a fixed ASCII twin (0: follow the slope). */
void canvas_line_styled(canvas_t *c, int x0, int y0, int x1, int y1, canvas_style_t style,
                        canvas_prio_t prio, int on, int off, char ascii);
/* One glyph (a single UTF-8 character) with its ASCII twin. */
void canvas_glyph(canvas_t *c, int col, int row, const char *utf8, char ascii,
                  canvas_style_t style, canvas_prio_t prio);
/* Text starting at (col,row), clipped at the canvas edge; it must be
 * sanitised already (text_sanitize). Non-ASCII characters show as '?' in
 * ASCII mode. Returns the number of columns written. */
int canvas_text(canvas_t *c, int col, int row, const char *utf8, canvas_style_t style,
                canvas_prio_t prio);
/* True when every cell of the span is free for a write at `prio` without
 * covering anything of priority `guard` or more. */
bool canvas_span_free(const canvas_t *c, int col, int row, int ncols, canvas_prio_t guard);

/* What a cell shows: its UTF-8 text ("" for the right half of a wide glyph,
 * " " when empty). `buf` must hold 8 bytes. */
const char *canvas_cell_text(const canvas_t *c, int col, int row, bool ascii, char buf[8]);
/* Appends the canvas as lines of text, trailing spaces trimmed, each ending
 * in '\n'. */
void canvas_to_text(const canvas_t *c, sb_t *out, bool ascii);

/* True when the current locale cannot show braille and other UTF-8 glyphs
 * (MB_CUR_MAX == 1 or a codeset other than UTF-8). */
bool canvas_locale_wants_ascii(void);

#endif
