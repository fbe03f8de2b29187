/* draw: shared pieces of the screens. See draw.h. */
#include "config.h"

#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/role.h"
#include "base/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const glyph_t draw_rule = {"\xe2\x94\x80", "-"};   /* ─ */
const glyph_t draw_cursor = {"\xe2\x96\x88", "_"}; /* █ */
const glyph_t draw_focus = {"\xe2\x96\xb6", ">"};  /* ▶ */

void draw_heading(uigrid_t *g, rect_t r, const char *title, bool ascii)
{
    uigrid_fill(g, r.x, r.y, r.w, 1, draw_glyph(draw_rule, ascii), ROLE_FRAME);
    uigrid_put(g, r.x + 1, r.y, " ", ROLE_FRAME, 1);
    int n = uigrid_put(g, r.x + 2, r.y, title, ROLE_HEADING, r.w - 4);
    uigrid_put(g, r.x + 2 + n, r.y, " ", ROLE_FRAME, 1);
}

int draw_wrapped(uigrid_t *g, rect_t r, const char *text, uint8_t role, int first)
{
    sb_t lines = SB_INIT;
    int n = text_wrap(&lines, text, r.w, TEXT_WRAP_ALL);
    if (g) {
        char *all = sb_detach(&lines);
        for (char *p = all; *p; p++)
            if (*p == '\x1f')
                *p = ' ';
        int i = 0;
        for (char *p = all; *p; i++) {
            char *eol = strchr(p, '\n');
            *eol = '\0';
            if (i >= first && i - first < r.h)
                uigrid_put(g, r.x, r.y + i - first, p, role, r.w);
            p = eol + 1;
        }
        free(all);
    }
    sb_free(&lines);
    return n;
}

void draw_canvas(uigrid_t *g, int x, int y, int w, int h, const canvas_t *c, bool ascii)
{
    for (int row = 0; row < c->height && row < h; row++)
        for (int col = 0; col < c->width && col < w; col++) {
            const canvas_cell_t *cell = canvas_cell(c, col, row);
            uigrid_cell_t *out = uigrid_at(g, x + col, y + row);
            if (!cell || !out)
                continue;
            char buf[8];
            snprintf(out->text, sizeof out->text, "%s", canvas_cell_text(c, col, row, ascii, buf));
            out->role = (uint8_t)(ROLE_CHART + cell->style);
        }
}

int draw_input(uigrid_t *g, int x, int y, int maxw, const lineedit_t *le, bool ascii)
{
    int n = uigrid_put(g, x, y, le->text, ROLE_INPUT, maxw - 1);
    return n + uigrid_put(g, x + n, y, draw_glyph(draw_cursor, ascii), ROLE_INPUT, 1);
}

void draw_hints(uigrid_t *g, int x, int y, const bindings_t *t, const draw_hint_t *hints, size_t n, bool ascii)
{
    for (size_t h = 0; h < n; h++) {
        char k[24];
        const char *key = ascii ? hints[h].key_ascii : hints[h].key;
        if (!key) {
            int first = bindings_first_key(t, hints[h].action);
            if (!first)
                continue;
            key = keys_name(first, k, sizeof k);
        }
        if (x + text_width(key) + (int)strlen(hints[h].what) + 2 > g->width)
            return;
        x += uigrid_put(g, x, y, key, ROLE_STATUS_KEY, -1);
        x += uigrid_put(g, x + 1, y, hints[h].what, ROLE_STATUS, -1) + 3;
    }
}
