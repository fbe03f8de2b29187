/* tui_practice: the practice screen (curses). Its own screen, apart from the
 * explorer: the exercise and its chart, a line to type the answer on, the
 * verdict and the worked solution, and the score at the end. The terminal is
 * restored on every way out: q, the end of the drill, SIGINT/SIGTERM/SIGHUP
 * and exit(). */
#ifndef TRADEOFF_TUI_PRACTICE_H
#define TRADEOFF_TUI_PRACTICE_H

#include "term/tui.h"
#include "ui/practice_session.h"

/* Runs the session `s` (already started) until it is done or the user
 * quits. Returns an exit status (exitcode.h). */
int tui_practice_run(practice_session_t *s, unsigned long long seed, const tui_opts_t *o);

#endif
