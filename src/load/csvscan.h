/* csvscan: the rows of CSV text without quotes, as libcsv gives them,
 * without libcsv.
 *
 * libcsv reads a byte at a time through a state machine; on a large score
 * file that is most of `tradeoff sweep`'s time. Text without a quote
 * character means one simple thing to libcsv with the options csvread uses
 * (strict quotes, fields NUL-terminated): CR and LF each end a row; a row
 * that is empty or only blanks (spaces, tabs) is no row at all; the others
 * are split at commas, each field with its blanks trimmed at both ends.
 * csvscan_run reads such text with that meaning and calls the very
 * callbacks libcsv would, with the same arguments, and hands over to
 * libcsv at the first row with a quote in it. A row starts in libcsv's
 * initial state, so a fresh parser fed the text from there goes on exactly
 * as one that had read everything before. tests/fuzz/fuzz_csvscan.c holds
 * the two to the same calls on any bytes. */
#ifndef TRADEOFF_CSVSCAN_H
#define TRADEOFF_CSVSCAN_H

#include <stdbool.h>
#include <stddef.h>

/* libcsv's callbacks: a field's bytes (NUL-terminated) and length; the end
 * of a row with the byte that ended it ('\n', '\r', or -1 at the end of the
 * input). */
typedef void (*csvscan_field_fn)(void *data, size_t len, void *ctx);
typedef void (*csvscan_end_fn)(int terminator, void *ctx);

typedef enum {
    CSVSCAN_MORE,  /* the rest is a row without its end yet (maybe empty) */
    CSVSCAN_LIBCSV, /* the rest starts with a row for libcsv: a quote in it,
                       or more than CSVSCAN_MAX_FIELDS fields */
    CSVSCAN_STOP   /* *stop was set by the callbacks after a row */
} csvscan_why_t;

#define CSVSCAN_MAX_FIELDS 64
/* The bytes after a buffer's end that csvscan_run writes and reads. */
#define CSVSCAN_PAD 64

/* Reads the rows of buf[0..len) that end in it; with `final`, the end of
 * the buffer is the end of the input and ends a last row too (as libcsv's
 * csv_fini). The CSVSCAN_PAD bytes from buf[len] on must be writable: they
 * are overwritten, as are bytes of the rows read (the NUL after each
 * field). Returns how many bytes were
 * read, all of them rows or blank lines; `why` says what the rest is. */
size_t csvscan_run(char *buf, size_t len, bool final, csvscan_field_fn field, csvscan_end_fn end, void *ctx,
                   const bool *stop, csvscan_why_t *why);

#endif
