/* screen: what a front end needs from a screen.
 *
 * A screen (the explorer, the practice drill) is a model that takes keys
 * and a view that lays the model out into a uigrid. Its view also returns a
 * layout (where the chart and the list were drawn, how many rows a page
 * has), which the front end keeps and hands back with the next key or click:
 * the model never stores where things were drawn. Two front ends drive a
 * screen through this: the curses loop (term/tui.c) and the key-script hook
 * (ui/keyscript.c), so the tests drive exactly what a person drives. */
#ifndef TRADEOFF_SCREEN_H
#define TRADEOFF_SCREEN_H

#include "render/uigrid.h"

#include <stdbool.h>

/* What a screen asks of its front end; part of the screen's model. */
typedef struct {
    bool quit;   /* the user has asked to leave */
    bool redraw; /* repaint the whole terminal (Ctrl-L); the front end clears it */
} screen_flags_t;

typedef struct {
    void *model;
    void *layout;          /* owned by whoever made the screen; filled by render */
    screen_flags_t *flags; /* inside the model */
    /* Lays the whole screen out into `g` (its size is the screen's). */
    void (*render)(const void *model, uigrid_t *g, void *layout);
    /* One key (key.h) against the last layout. */
    void (*key)(void *model, const void *layout, int key);
    /* A click at a cell of the last layout; NULL: the screen takes no mouse. */
    void (*click)(void *model, const void *layout, int x, int y);
    /* True when `key` only moves something in the model's present state (a
     * cursor, a slider, a scroll): a run of it typed ahead of the screen
     * may be applied whole and drawn once, and ends where it would have
     * ended frame by frame. NULL: no key is. */
    bool (*moves)(const void *model, int key);
} screen_t;

#endif
