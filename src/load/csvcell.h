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
/* A spreadsheet runs a cell that starts with = + - or @ as a formula. A
 * text cell of tradeoff's CSV export that starts so and is not a number
 * (-5, +5 and -1e5 stay numbers) is written after an apostrophe, which
 * reading the file back drops: the round trip keeps every name as it was.
 * csvcell_guarded says whether `text` takes one (a text that starts with a
 * tab or carriage return, which no file read gives, does too). */
bool csvcell_guarded(const char *text);
/* A text cell as tradeoff keeps it (names, series, attributes, header
 * names): sanitised (text_sanitize), without the apostrophe of a guarded
 * cell. Newly allocated. */
char *csvcell_text(const char *s, size_t n);
/* Records "fname:line:col: column: why, got 'cell'" in `d`, the cell
 * sanitised and cut at 40 bytes. */
void csvcell_error(diag_t *d, const char *fname, const csvrow_t *row, int col, const char *column,
                   const char *why);

#endif
