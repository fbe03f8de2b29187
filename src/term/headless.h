/* headless: the front end without a terminal. With TRADEOFF_KEYS set, a
 * screen runs that script of keys (ui/keyscript.h) on a screen of
 * TRADEOFF_SIZE (WIDTHxHEIGHT, default 100x30), and the screens it dumps go
 * to the file TRADEOFF_DUMP (written atomically) or to standard output. The
 * explorer and the practice screen both offer it; the screen tests
 * (tests/screen/) use it. */
#ifndef TRADEOFF_HEADLESS_H
#define TRADEOFF_HEADLESS_H

#include "base/strbuf.h"
#include "ui/screen.h"

#include <stdbool.h>

/* True when TRADEOFF_KEYS is set (even empty: no key, one dump). */
bool headless_requested(void);
/* Runs TRADEOFF_KEYS against `s`; the dump file is never one of `inputs`.
 * Returns an exit status (exitcode.h); on failure the reason is in `err`. */
int headless_run(const screen_t *s, char *const *inputs, int ninputs, sb_t *err);

#endif
