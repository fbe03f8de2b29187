/* outfile: writing files without ever losing one.
 *
 * Output goes to a temporary file in the target's directory, is flushed to
 * disk and renamed over the target, so a failure (full disk, read-only
 * directory, a crash) leaves the previous file intact. A target that is one
 * of the inputs, or a symbolic link, is refused: saving must never replace
 * the data it was computed from. A signal that ends the process during the
 * write removes the temporary file first (see outfile.c). */
#ifndef TRADEOFF_OUTFILE_H
#define TRADEOFF_OUTFILE_H

#include "base/diag.h"

#include <stddef.h>

/* Writes `len` bytes to `path` atomically. `inputs` (may be NULL) lists files
 * that must not be overwritten. Returns 0, or -1 with the reason in `d`. */
int outfile_write(const char *path, const char *data, size_t len, char *const *inputs, int ninputs, diag_t *d);
/* Removes the temporary file of a write in progress, if any. Async-signal-
 * safe: for a handler of the program's own that ends the process (the
 * terminal's crash handler) to call. */
void outfile_remove_temp(void);

#endif
