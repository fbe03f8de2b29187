/* tui: the curses front end of every screen (the explorer, the practice
 * drill), and the one place the terminal is taken over and given back.
 *
 * It only copies the grid a screen renders to the terminal, with the looks
 * of the theme table (theme.h), and turns curses' keys, mouse clicks and
 * resizes into the screen's keys (ui/keys.h) and clicks. The terminal is
 * restored on every way out: the screen is done (q), exit() (a fatal
 * error), every signal sent to end the process (base/fatalsig.h: SIGINT,
 * SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGALRM, SIGUSR1...; a handler only
 * sets a flag, the loop restores the terminal, then dies of the signal as
 * the shell expects; one the program ignores stays ignored), and crashes
 * (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSYS, SIGTRAP: a handler that
 * only writes bytes prepared beforehand, calls tcsetattr and removes a
 * temporary file being written, all async-signal-safe). A run of the same
 * key that only moves (the screen's `moves`) typed ahead of the screen is
 * applied whole and drawn once. */
#ifndef TRADEOFF_TUI_H
#define TRADEOFF_TUI_H

#include "ui/screen.h"

#include <stdbool.h>

typedef struct {
    bool color; /* colours wanted (decided by the command line: --no-color, NO_COLOR);
                 * a terminal without them gets the theme's monochrome column */
    bool mouse; /* report clicks, when the screen takes them */
} tui_opts_t;

/* Runs the screen on the terminal until it is done; returns the exit
 * status (a signal ends the process instead). Needs standard input and
 * output to be a terminal. */
int tui_run(const screen_t *s, const tui_opts_t *o);

#endif
