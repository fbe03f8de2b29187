/* legend: a chart's key of samples (up to three glyphs, with their ASCII
 * twins and style) and texts, laid out in rows within a width. */
#ifndef TRADEOFF_LEGEND_H
#define TRADEOFF_LEGEND_H

#include "render/canvas.h"

typedef struct {
    const char *sample[3]; /* up to three glyphs; NULL ends */
    char ascii[4];
    canvas_style_t style;
    char *text;            /* owned */
} legend_item_t;

typedef struct {
    legend_item_t *items;
    size_t n;
} legend_t;
#define LEGEND_INIT {NULL, 0}

/* Appends an item: samples s0..s2 (NULL ends them; " " leaves a gap),
 * `ascii` their twins (one character each), `text` copied. */
void legend_add(legend_t *lg, const char *s0, const char *s1, const char *s2, const char *ascii,
                canvas_style_t style, const char *text);
/* Rows the legend takes at `width`: what legend_draw will use. */
int legend_rows(const legend_t *lg, int width);
/* Draws the legend into `c` from row `row0`, within `width` columns. */
void legend_draw(canvas_t *c, const legend_t *lg, int width, int row0);
void legend_free(legend_t *lg);

#endif
