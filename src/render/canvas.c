#include "config.h"

#include "render/canvas.h"
#include "base/xalloc.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Braille dot numbering: the bit for the dot at (dx, dy) within a cell,
 * dx 0..1 left to right, dy 0..3 top to bottom (Unicode's order: dots 1-3
 * down the left, 4-6 down the right, then 7 and 8 along the bottom). */
static const uint8_t braille_bit[4][2] = {
    {0x01, 0x08},
    {0x02, 0x10},
    {0x04, 0x20},
    {0x40, 0x80},
};

void canvas_init(canvas_t *c, int width, int height)
{
    c->width = width < 1 ? 1 : width;
    c->height = height < 1 ? 1 : height;
    c->cells = xcalloc((size_t)c->width * (size_t)c->height, sizeof *c->cells);
}

void canvas_free(canvas_t *c)
{
    free(c->cells);
    c->cells = NULL;
    c->width = c->height = 0;
}

void canvas_clear(canvas_t *c)
{
    memset(c->cells, 0, (size_t)c->width * (size_t)c->height * sizeof *c->cells);
}

static canvas_cell_t *cell_at(canvas_t *c, int col, int row)
{
    if (col < 0 || row < 0 || col >= c->width || row >= c->height)
        return NULL;
    return &c->cells[(size_t)row * (size_t)c->width + (size_t)col];
}

const canvas_cell_t *canvas_cell(const canvas_t *c, int col, int row)
{
    return cell_at((canvas_t *)c, col, row);
}

/* A wide glyph's halves live and die together: overwriting either half
 * blanks the other, so no half-glyph is ever shown. */
static void break_wide(canvas_t *c, int col, int row)
{
    canvas_cell_t *cell = cell_at(c, col, row);
    if (!cell)
        return;
    if (cell->cont) {
        canvas_cell_t *left = cell_at(c, col - 1, row);
        if (left)
            memset(left, 0, sizeof *left);
    } else {
        canvas_cell_t *right = cell_at(c, col + 1, row);
        if (right && right->cont)
            memset(right, 0, sizeof *right);
    }
}

void canvas_dot(canvas_t *c, int x, int y, char ascii, canvas_style_t style, canvas_prio_t prio)
{
    if (x < 0 || y < 0)
        return;
    canvas_cell_t *cell = cell_at(c, x / 2, y / 4);
    if (!cell || prio < cell->prio)
        return;
    if (prio == cell->prio && (cell->glyph[0] || cell->cont))
        return;
    if (prio > cell->prio) {
        /* A higher priority replaces what was there; dots of equal
         * priority accumulate into one braille pattern. */
        break_wide(c, x / 2, y / 4);
        memset(cell, 0, sizeof *cell);
        cell->prio = (uint8_t)prio;
    }
    cell->dots |= braille_bit[y % 4][x % 2];
    cell->ascii = ascii;
    cell->style = (uint8_t)style;
}

/* The ASCII character for a line through a cell, from its slope in cell
 * units (a cell is about twice as tall as it is wide). */
static char slope_char(int dx, int dy, bool dashed)
{
    if (dashed)
        return ':';
    /* In dots: a cell is 2 dots wide and 4 high, so compare dy/4 with dx/2. */
    long ax = labs((long)dx) * 2, ay = labs((long)dy);
    if (ay * 5 < ax * 2)
        return '-';
    if (ay * 2 > ax * 5)
        return '|';
    /* y grows downward: dx and dy of the same sign descend to the right. */
    return ((dx > 0) == (dy > 0)) ? '\\' : '/';
}

void canvas_line_styled(canvas_t *c, int x0, int y0, int x1, int y1, canvas_style_t style,
                        canvas_prio_t prio, int on, int off, char ascii)
{
    int dx = abs(x1 - x0), dy = -abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    if (!ascii)
        ascii = slope_char(x1 - x0, y1 - y0, false);
    if (on < 1)
        on = 1;
    if (off < 0)
        off = 0;
    /* Lines far off the canvas are the caller's to clip; this bound only
     * keeps a wild coordinate from costing billions of steps. */
    long limit = 4L * (2L * c->width + 4L * c->height) + 16;
    for (long step = 0; step <= limit + (long)dx - (long)dy; step++) {
        if (off == 0 || step % (on + off) < on)
            canvas_dot(c, x0, y0, ascii, style, prio);
        if (x0 == x1 && y0 == y1)
            break;
        int e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            x0 += sx;
        }
        if (e2 <= dx) {
            err += dx;
            y0 += sy;
        }
    }
}

void canvas_line(canvas_t *c, int x0, int y0, int x1, int y1, canvas_style_t style,
                 canvas_prio_t prio, bool dashed)
{
    if (dashed)
        canvas_line_styled(c, x0, y0, x1, y1, style, prio, 3, 3, slope_char(0, 0, true));
    else
        canvas_line_styled(c, x0, y0, x1, y1, style, prio, 1, 0, 0);
}

static size_t utf8_len(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if ((b & 0xE0) == 0xC0)
        return 2;
    if ((b & 0xF0) == 0xE0)
        return 3;
    if ((b & 0xF8) == 0xF0)
        return 4;
    return 1;
}

static uint32_t utf8_cp(const unsigned char *s, size_t n)
{
    if (n == 1)
        return s[0];
    uint32_t cp = s[0] & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    return cp;
}

/* Columns a code point takes: 2 for East Asian wide and emoji ranges, 0 for
 * combining marks, 1 otherwise (the same ranges as text_width). */
static int cp_columns(uint32_t cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

static void put_glyph(canvas_t *c, int col, int row, const char *utf8, size_t n, char ascii,
                      canvas_style_t style, canvas_prio_t prio)
{
    canvas_cell_t *cell = cell_at(c, col, row);
    if (!cell || prio < cell->prio)
        return;
    break_wide(c, col, row);
    memset(cell, 0, sizeof *cell);
    memcpy(cell->glyph, utf8, n < 4 ? n : 4);
    cell->ascii = ascii;
    cell->prio = (uint8_t)prio;
    cell->style = (uint8_t)style;
}

void canvas_glyph(canvas_t *c, int col, int row, const char *utf8, char ascii,
                  canvas_style_t style, canvas_prio_t prio)
{
    put_glyph(c, col, row, utf8, utf8_len((unsigned char)utf8[0]), ascii, style, prio);
}

int canvas_text(canvas_t *c, int col, int row, const char *utf8, canvas_style_t style,
                canvas_prio_t prio)
{
    const unsigned char *s = (const unsigned char *)utf8;
    int start = col;
    while (*s) {
        size_t n = utf8_len(*s);
        if (strnlen((const char *)s, n) < n)
            break;
        uint32_t cp = utf8_cp(s, n);
        int w = cp_columns(cp);
        if (w == 0) { /* combining marks cannot stand in a cell of their own */
            s += n;
            continue;
        }
        if (col + w > c->width)
            break;
        put_glyph(c, col, row, (const char *)s, n, cp < 0x80 ? (char)cp : '?', style, prio);
        if (w == 2) {
            canvas_cell_t *right = cell_at(c, col + 1, row);
            if (right && prio >= right->prio) {
                break_wide(c, col + 1, row);
                memset(right, 0, sizeof *right);
                right->cont = true;
                right->ascii = '?';
                right->prio = (uint8_t)prio;
                right->style = (uint8_t)style;
            } else {
                /* No room for the right half: show one column instead. */
                canvas_cell_t *cell = cell_at(c, col, row);
                if (cell) {
                    memcpy(cell->glyph, "?", 2);
                }
                w = 1;
            }
        }
        col += w;
        s += n;
    }
    return col - start;
}

bool canvas_span_free(const canvas_t *c, int col, int row, int ncols, canvas_prio_t guard)
{
    if (row < 0 || row >= c->height || col < 0 || col + ncols > c->width)
        return false;
    for (int i = 0; i < ncols; i++)
        if (c->cells[(size_t)row * (size_t)c->width + (size_t)(col + i)].prio >= guard)
            return false;
    return true;
}

const char *canvas_cell_text(const canvas_t *c, int col, int row, bool ascii, char buf[8])
{
    const canvas_cell_t *cell = canvas_cell(c, col, row);
    if (!cell)
        return " ";
    if (cell->cont) {
        /* In ASCII a wide glyph became one '?', so its right half is a
         * second one to keep the columns where they were. */
        if (ascii) {
            buf[0] = '?';
            buf[1] = '\0';
            return buf;
        }
        return "";
    }
    if (cell->glyph[0]) {
        if (ascii) {
            buf[0] = cell->ascii ? cell->ascii : '?';
            buf[1] = '\0';
            return buf;
        }
        memcpy(buf, cell->glyph, 4);
        buf[4] = '\0';
        return buf;
    }
    if (cell->dots) {
        if (ascii) {
            buf[0] = cell->ascii ? cell->ascii : '.';
            buf[1] = '\0';
            return buf;
        }
        uint32_t cp = 0x2800u + cell->dots; /* three bytes: E2 A0+ 80+ */
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        buf[3] = '\0';
        return buf;
    }
    return " ";
}

void canvas_to_text(const canvas_t *c, sb_t *out, bool ascii)
{
    char buf[8];
    for (int row = 0; row < c->height; row++) {
        size_t keep = out->len; /* end of the last non-space cell */
        for (int col = 0; col < c->width; col++) {
            const char *t = canvas_cell_text(c, col, row, ascii, buf);
            sb_puts(out, t);
            if (strcmp(t, " ") != 0)
                keep = out->len;
        }
        out->len = keep;
        if (out->data)
            out->data[out->len] = '\0';
        sb_putc(out, '\n');
    }
}

bool canvas_locale_wants_ascii(void)
{
    if (MB_CUR_MAX <= 1)
        return true;
    const char *cs = nl_langinfo(CODESET);
    return !(cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0));
}
