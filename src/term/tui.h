/* tui: the explorer's curses front end. It only copies the grid that
 * explore_render fills to the terminal, with colours from its theme table,
 * and turns keys, mouse clicks and resizes into calls on the explorer.
 * The terminal is restored on every way out: q, a fatal error (exit() runs
 * the restore), SIGINT, SIGTERM and SIGHUP. */
#ifndef TRADEOFF_TUI_H
#define TRADEOFF_TUI_H

#include "ui/explore.h"

#include <stdbool.h>

typedef struct {
    bool no_color; /* --no-color or a non-empty NO_COLOR: the monochrome column */
    bool no_mouse;
    bool ascii;    /* --ascii or a locale that cannot show UTF-8 glyphs */
} tui_opts_t;

/* Runs the explorer on the terminal until it quits; returns the exit
 * status. Needs standard input and output to be a terminal. */
int tui_run(explore_t *ex, const tui_opts_t *o);

#endif
