/* legend: the chart's key of glyph samples and their meanings, laid out in
 * rows within a width (items side by side, three spaces apart; an item
 * wider than the legend wrapped under its samples). What goes in it is the
 * chart's choice (chart.c, build_legend). See legend.h. */
#include "config.h"

#include "render/legend.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void legend_add(legend_t *lg, const char *s0, const char *s1, const char *s2, const char *ascii,
                canvas_style_t style, const char *text)
{
    lg->items = xrealloc(lg->items, (lg->n + 1) * sizeof *lg->items);
    legend_item_t *it = &lg->items[lg->n++];
    it->sample[0] = s0;
    it->sample[1] = s1;
    it->sample[2] = s2;
    snprintf(it->ascii, sizeof it->ascii, "%s", ascii);
    it->style = style;
    it->text = xstrdup(text);
}

static int legend_sample_cols(const legend_item_t *it);

static int legend_item_width(const legend_item_t *it)
{
    return legend_sample_cols(it) + text_width(it->text);
}

/* The columns an item's samples take before its text (the samples and a
 * space; 0 without one). */
static int legend_sample_cols(const legend_item_t *it)
{
    int n = 0;
    while (n < 3 && it->sample[n])
        n++;
    return n ? n + 1 : 0;
}

/* An item wider than the legend: its text wrapped at spaces (text_wrap)
 * into `lines`, under itself after its samples; returns the rows. A text
 * is never cut inside a word or a number. */
static int legend_item_wrap(const legend_item_t *it, int width, sb_t *lines)
{
    int room = width - legend_sample_cols(it);
    return text_wrap(lines, it->text, room > 8 ? room : 8, TEXT_WRAP_ALL);
}

/* Lays the legend out: items side by side, three spaces apart, a new row
 * when the next does not fit; an item wider than the legend on rows of its
 * own, wrapped. Draws when `c` is given (from row `row0`); returns the rows. */
static int legend_layout(canvas_t *c, const legend_t *lg, int width, int row0)
{
    int rows = 0, x = 0;
    for (size_t i = 0; i < lg->n; i++) {
        const legend_item_t *it = &lg->items[i];
        int w = legend_item_width(it), nrows = 1;
        sb_t lines = SB_INIT;
        if (w > width) {
            nrows = legend_item_wrap(it, width, &lines);
            w = width; /* the next item starts a row of its own */
        }
        if (rows == 0 || x + 3 + w > width) {
            x = 0;
            rows++;
        } else {
            x += 3;
        }
        if (c) {
            int row = row0 + rows - 1, s = 0;
            for (; s < 3 && it->sample[s]; s++)
                if (strcmp(it->sample[s], " ") != 0)
                    canvas_glyph(c, x + s, row, it->sample[s], it->ascii[s] ? it->ascii[s] : ' ', it->style,
                                 CANVAS_PRIO_LABEL);
            if (nrows == 1) {
                canvas_text(c, x + legend_sample_cols(it), row, it->text, CANVAS_STYLE_NONE, CANVAS_PRIO_LABEL);
            } else {
                char *all = sb_detach(&lines);
                int r = 0;
                for (char *p = all, *eol; (eol = strchr(p, '\n')) != NULL; p = eol + 1, r++) {
                    *eol = '\0';
                    canvas_text(c, x + legend_sample_cols(it), row + r, p, CANVAS_STYLE_NONE, CANVAS_PRIO_LABEL);
                }
                free(all);
            }
        }
        sb_free(&lines);
        rows += nrows - 1;
        x += w;
    }
    return rows;
}

/* Rows the legend takes at `width`. */
int legend_rows(const legend_t *lg, int width)
{
    return legend_layout(NULL, lg, width, 0);
}

void legend_draw(canvas_t *c, const legend_t *lg, int width, int row0)
{
    legend_layout(c, lg, width, row0);
}

void legend_free(legend_t *lg)
{
    for (size_t i = 0; i < lg->n; i++)
        free(lg->items[i].text);
    free(lg->items);
}
