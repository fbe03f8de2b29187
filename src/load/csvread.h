/* csvread: rows of a CSV file through libcsv, with the line numbers libcsv
 * does not keep.
 *
 * The file is read in blocks and fed to libcsv one physical line at a time,
 * so each record knows the line it started on. Strict mode is on: a stray
 * quote is an error that names where its field began, instead of libcsv's
 * default of swallowing the rest of the file into one cell. A UTF-8
 * byte-order mark is skipped and CRLF line ends are accepted. Lines longer
 * than CSVREAD_MAX_LINE and rows wider than CSVREAD_MAX_FIELDS are refused,
 * which bounds memory on hostile input (/dev/zero, a FIFO that never ends);
 * so does CSVREAD_MAX_BYTES on the whole input. A named pipe is opened
 * without waiting for a writer: with none, reading stops with a message
 * instead of hanging. */
#ifndef TRADEOFF_CSVREAD_H
#define TRADEOFF_CSVREAD_H

#include "base/diag.h"

#include <stddef.h>

#define CSVREAD_MAX_LINE (16u * 1024u * 1024u)
#define CSVREAD_MAX_FIELDS 10000u
/* No input tradeoff reads is this big; a FIFO or device that never ends is
 * stopped here rather than read until memory runs out. */
#define CSVREAD_MAX_BYTES (1024ull * 1024u * 1024u)

typedef struct {
    const char *path;     /* the file's name, sanitised, for messages */
    long line;            /* physical line on which the record starts (1-based) */
    size_t nfields;
    char **fields;        /* NUL-terminated; valid only during the callback */
    const size_t *lens;   /* byte length of each field (fields may hold NULs) */
} csvrow_t;

/* Called for each record; return 0 to go on, non-zero to stop reading (the
 * callback records its own error in the diag when it stops for one). */
typedef int (*csvread_fn)(const csvrow_t *row, void *ctx);

/* Optional progress report: bytes read so far and the file's size (0 when
 * unknown, as for a pipe). */
typedef void (*csvread_progress_fn)(unsigned long long done, unsigned long long total, void *ctx);

/* Reads `path` ("-" for standard input). Returns 0 when every row was read
 * and the callback never stopped, -1 otherwise (the reason is in `d`). Rows
 * whose fields are all empty are skipped. */
int csvread_file(const char *path, csvread_fn fn, void *ctx, diag_t *d);
int csvread_file_progress(const char *path, csvread_fn fn, void *ctx, diag_t *d,
                          csvread_progress_fn progress);

/* The same over a buffer in memory (used by the fuzzers and tests). */
int csvread_buffer(const char *name, const char *data, size_t len, csvread_fn fn, void *ctx, diag_t *d);

#endif
