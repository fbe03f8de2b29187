/* keyscript: the key-script hook (TRADEOFF_KEYS), in the manner of tig's
 * test scripts: a screen driven by a script of keys without a terminal, its
 * grid dumped as text.
 *
 * Keys are characters; whitespace between them is ignored; <Name> is a named
 * key (<Tab>, <S-Tab>, <Enter>, <Esc>, <Left>, <PgUp>, <Space>, <C-u>,
 * <lt>..., as keys_name writes them), <Resize:WxH> changes the screen's size,
 * <Click:X,Y> clicks a cell, <Dump> appends the screen to the dumps. The
 * screen is rendered after every key, as a terminal would show it, and
 * dumped once more at the end. The script stops early when the screen is
 * done (q). */
#ifndef TRADEOFF_KEYSCRIPT_H
#define TRADEOFF_KEYSCRIPT_H

#include "base/strbuf.h"
#include "ui/screen.h"

#include <stdbool.h>

/* Runs `script` against `s` on a width x height screen, appending each
 * dump ("--- screen WxH ---" and the grid's text) to `dumps`. Returns false
 * with "TRADEOFF_KEYS:COLUMN: ..." in `err` on a token it cannot read. */
bool keyscript_run(const screen_t *s, const char *script, int width, int height, sb_t *dumps, sb_t *err);
/* Parses "WIDTHxHEIGHT" (each 1 to 1000), as TRADEOFF_SIZE gives it. */
bool keyscript_parse_size(const char *s, int *width, int *height);

#endif
