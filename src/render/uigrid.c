#include "config.h"

#include "base/text.h"
#include "render/uigrid.h"
#include "base/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void uigrid_resize(uigrid_t *g, int width, int height)
{
    if (width < 1)
        width = 1;
    if (height < 1)
        height = 1;
    if (width != g->width || height != g->height) {
        free(g->cells);
        g->cells = xcalloc((size_t)width * (size_t)height, sizeof *g->cells);
        g->width = width;
        g->height = height;
    }
    uigrid_clear(g);
}

void uigrid_free(uigrid_t *g)
{
    free(g->cells);
    g->cells = NULL;
    g->width = g->height = 0;
}

void uigrid_clear(uigrid_t *g)
{
    size_t n = (size_t)g->width * (size_t)g->height;
    for (size_t i = 0; i < n; i++) {
        g->cells[i].text[0] = ' ';
        g->cells[i].text[1] = '\0';
        g->cells[i].role = 0;
    }
}

uigrid_cell_t *uigrid_at(uigrid_t *g, int x, int y)
{
    if (x < 0 || y < 0 || x >= g->width || y >= g->height)
        return NULL;
    return &g->cells[(size_t)y * (size_t)g->width + (size_t)x];
}

const uigrid_cell_t *uigrid_cell(const uigrid_t *g, int x, int y)
{
    return uigrid_at((uigrid_t *)g, x, y);
}

/* Length of the UTF-8 sequence starting at s (1 for a stray byte). */
static size_t char_len(const unsigned char *s)
{
    if (*s < 0x80)
        return 1;
    size_t n = (*s & 0xE0) == 0xC0 ? 2 : (*s & 0xF0) == 0xE0 ? 3 : (*s & 0xF8) == 0xF0 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

static void set_cell(uigrid_cell_t *c, const char *utf8, size_t n, uint8_t role)
{
    memcpy(c->text, utf8, n);
    c->text[n] = '\0';
    c->role = role;
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Where text cut to `cols` columns ends: never inside a number, so that
 * no number on a screen is followed by the ellipsis (a cut "239,7…" would
 * read as a smaller number): the cut backs off to the start of the number
 * (and the blank before it). */
static size_t cut_point(const char *utf8, int cols)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t at = 0;
    int col = 0;
    while (s[at]) {
        size_t n = char_len(s + at);
        char one[8];
        memcpy(one, s + at, n);
        one[n] = '\0';
        int w = n == 1 ? 1 : text_width(one);
        if (col + w > cols)
            break;
        col += w;
        at += n;
    }
    size_t keep = at;
    while (keep > 0 && s[keep - 1] == ' ') /* "name…", not "name …" */
        keep--;
    if (keep > 0 && (is_digit(s[keep - 1]) || (keep > 1 && (s[keep - 1] == '.' || s[keep - 1] == ',') &&
                                               is_digit(s[keep - 2])))) {
        while (keep > 0 && (is_digit(s[keep - 1]) || s[keep - 1] == '.' || s[keep - 1] == ',' ||
                            s[keep - 1] == '$' || s[keep - 1] == '+'))
            keep--;
        while (keep > 0 && s[keep - 1] == ' ')
            keep--;
    }
    return keep > 0 ? keep : at;
}

/* Writes clean text (text_is_clean). */
static int put_clean(uigrid_t *g, int x, int y, const char *utf8, uint8_t role, int maxw)
{
    if (y < 0 || y >= g->height || x >= g->width)
        return 0;
    int limit = g->width - x;
    if (maxw >= 0 && maxw < limit)
        limit = maxw;
    if (limit <= 0)
        return 0;
    bool cut = text_width(utf8) > limit;
    if (cut)
        limit--; /* room for the ellipsis */
    const unsigned char *p = (const unsigned char *)utf8;
    const unsigned char *end = cut ? (const unsigned char *)utf8 + cut_point(utf8, limit) : NULL;
    int col = 0;
    while (*p && (!end || p < end)) {
        size_t n = char_len(p);
        char one[8];
        memcpy(one, p, n);
        one[n] = '\0';
        int w = n == 1 ? 1 : text_width(one);
        if (w == 0) { /* combining marks are dropped rather than misplaced */
            p += n;
            continue;
        }
        if (col + w > limit)
            break;
        uigrid_cell_t *c = uigrid_at(g, x + col, y);
        if (c) {
            if (g->ascii && n > 1)
                set_cell(c, "?", 1, role);
            else
                set_cell(c, one, n, role);
        }
        if (w == 2) {
            uigrid_cell_t *r = uigrid_at(g, x + col + 1, y);
            if (r) {
                if (g->ascii)
                    set_cell(r, "?", 1, role);
                else
                    set_cell(r, "", 0, role);
            }
        }
        col += w;
        p += n;
    }
    if (cut) {
        uigrid_cell_t *c = uigrid_at(g, x + col, y);
        if (c)
            set_cell(c, g->ascii ? "~" : "\xe2\x80\xa6", g->ascii ? 1 : 3, role);
        col++;
    }
    return col;
}

int uigrid_put(uigrid_t *g, int x, int y, const char *utf8, uint8_t role, int maxw)
{
    /* Everything a screen shows passes here: text that is not clean (a
     * typed answer, a name a caller forgot) is sanitised, so no control
     * character, escape sequence or bidi override reaches a terminal. */
    if (text_is_clean(utf8))
        return put_clean(g, x, y, utf8, role, maxw);
    char *clean = text_sanitize(utf8, strlen(utf8));
    int n = put_clean(g, x, y, clean, role, maxw);
    free(clean);
    return n;
}

int uigrid_printf(uigrid_t *g, int x, int y, uint8_t role, int maxw, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return uigrid_put(g, x, y, buf, role, maxw);
}

void uigrid_fill(uigrid_t *g, int x, int y, int w, int h, const char *utf8, uint8_t role)
{
    size_t n = strlen(utf8);
    if (n >= sizeof g->cells[0].text)
        n = sizeof g->cells[0].text - 1;
    for (int r = y; r < y + h; r++)
        for (int c = x; c < x + w; c++) {
            uigrid_cell_t *cell = uigrid_at(g, c, r);
            if (cell)
                set_cell(cell, utf8, n, role);
        }
}

void uigrid_paint(uigrid_t *g, int x, int y, int w, uint8_t role)
{
    for (int c = x; c < x + w; c++) {
        uigrid_cell_t *cell = uigrid_at(g, c, y);
        if (cell)
            cell->role = role;
    }
}

void uigrid_row_text(const uigrid_t *g, int y, sb_t *out)
{
    size_t start = out->len;
    size_t keep = start;
    for (int x = 0; x < g->width; x++) {
        const char *t = g->cells[(size_t)y * (size_t)g->width + (size_t)x].text;
        sb_puts(out, t);
        if (!(t[0] == ' ' && t[1] == '\0') && t[0])
            keep = out->len;
    }
    out->len = keep; /* trailing blanks trimmed */
    if (out->data)
        out->data[out->len] = '\0';
}

void uigrid_to_text(const uigrid_t *g, sb_t *out)
{
    for (int y = 0; y < g->height; y++) {
        uigrid_row_text(g, y, out);
        sb_putc(out, '\n');
    }
}
