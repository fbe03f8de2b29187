/* csvcell: one cell of a data row, read the same way by every reader of
 * load/: what counts as blank, what a count of prompts may be, and how a
 * bad cell is reported ("file:line:col: column: why, got 'text'"). */
#ifndef TRADEOFF_CSVCELL_H
#define TRADEOFF_CSVCELL_H

#include "base/diag.h"
#include "base/num.h"
#include "load/csvread.h"

#include <stdbool.h>
#include <stddef.h>

/* Counts above NUM_MAX are refused: more prompts than any evaluation has,
 * and still exact in a double. So are counts of one file that add up past
 * it (binned counts: csvcell_add_count), which keeps every sum of counts
 * far from the limit of a long long. */
#define CSVCELL_MAX_COUNT NUM_MAX

/* True when the n bytes at `s` are only blanks and tabs (or none). */
bool csvcell_blank(const char *s, size_t n);
/* A whole number of prompts, 0 to CSVCELL_MAX_COUNT, in a non-blank cell.
 * NULL on success, or what was expected (for csvcell_error). */
const char *csvcell_count(const char *s, long long *out);
/* Adds `count` (from csvcell_count) to `*total`, a running sum of counts:
 * NULL, or what was expected when the sum would pass CSVCELL_MAX_COUNT
 * (`*total` then unchanged). */
const char *csvcell_add_count(long long *total, long long count);
/* Records "fname:line:col: column: why, got 'cell'" in `d`, the cell
 * sanitised and cut at 40 bytes. */
void csvcell_error(diag_t *d, const char *fname, const csvrow_t *row, int col, const char *column,
                   const char *why);

#endif
