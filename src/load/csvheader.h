/* csvheader: finding columns by name in a CSV header, the one way every
 * loader compares header names: case-insensitive, blanks and '-' counting
 * as '_', surrounding blanks ignored. */
#ifndef TRADEOFF_CSVHEADER_H
#define TRADEOFF_CSVHEADER_H

#include "base/diag.h"
#include "base/strbuf.h"
#include "load/csvread.h"

#include <stdbool.h>
#include <stddef.h>

/* `in` lower-cased, blanks and '-' as '_', trailing '_' trimmed, into
 * `out` (n bytes). */
void csvheader_normalise(const char *in, char *out, size_t n);
/* True when the header cell names `name`. */
bool csvheader_is(const char *cell, const char *name);
/* Column whose header is one of the comma-separated `names` (the first name
 * listed wins), or -1. */
int csvheader_find(char *const *header, size_t ncols, const char *names);

/* The column a flag names (`flag`: "--asr-column"), found as csvheader_is
 * finds it; -1 with "fname:line: FLAG: no column 'NAME'; found: a, b" in
 * `d` when there is none. */
int csvheader_require(char *const *header, size_t ncols, const char *name, const char *flag, const char *fname,
                      long line, diag_t *d);

/* The header row's cells, each sanitised (text_sanitize): what messages
 * show and what columns are looked up in. Free with csvheader_free. */
char **csvheader_copy(const csvrow_t *row);
void csvheader_free(char **header, size_t ncols);
/* Appends "a, b, c": the columns found, for "found: ..." in messages. */
void csvheader_list(sb_t *sb, char *const *header, size_t ncols);

#endif
