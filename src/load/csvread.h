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
 * so does the size limit a reader that keeps what it reads sets with
 * csvread_limit (input.h: operating points). A named pipe is opened
 * without waiting for a writer: with none, reading stops with a message
 * instead of hanging. Every reader of a file opens it with csvread_open and
 * reads its bytes here (csvread_source, or csvread_raw for a fast path), so
 * these rules hold for all of them. */
#ifndef TRADEOFF_CSVREAD_H
#define TRADEOFF_CSVREAD_H

#include "base/diag.h"
#include "load/csvscan.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define CSVREAD_MAX_LINE (16u * 1024u * 1024u)
#define CSVREAD_MAX_FIELDS 10000u

typedef struct {
    const char *path;     /* the file's name, sanitised, for messages */
    long line;            /* physical line on which the record starts (1-based) */
    size_t nfields;
    char **fields;        /* NUL-terminated; valid only during the callback */
    const size_t *lens;   /* byte length of each field (fields may hold NULs) */
    unsigned long long offset; /* byte offset in the input where the record starts
                                * (a byte-order mark counts), to read it again alone */
} csvrow_t;

/* Called for each record; return 0 to go on, non-zero to stop reading (the
 * callback records its own error in the diag when it stops for one). */
typedef int (*csvread_fn)(const csvrow_t *row, void *ctx);

/* Optional progress report: bytes read so far and the file's size (0 when
 * unknown, as for a pipe). */
typedef void (*csvread_progress_fn)(unsigned long long done, unsigned long long total, void *ctx);

/* An input opened for reading: a file, a named pipe or standard input. */
typedef struct {
    int fd;
    char *name;                 /* the path, sanitised, for messages */
    unsigned long long size;    /* a regular file's size; 0 when unknown */
    bool rereadable;            /* a regular file opened by name: csvread_rewind
                                   starts it over */
    bool fifo;                  /* a named pipe: empty means no writer */
    unsigned long long done;    /* bytes read since the start */
    char *buf;
    csvread_progress_fn progress; /* set by the caller; NULL: no reports */
    void *progress_ctx;
    unsigned long long max_bytes; /* csvread_limit; 0: none */
    const char *max_why;          /* what the message says of the limit */
} csvsource_t;

/* Opens `path` ("-" for standard input) without waiting for the writer of a
 * named pipe; a directory is refused. Returns 0, or -1 with "name: why" in
 * `d`. Close with csvread_close either way. */
int csvread_open(csvsource_t *src, const char *path, diag_t *d);
/* Reads `src` again from its first byte; only when src->rereadable.
 * Returns 0, or -1 with the reason in `d`. */
int csvread_rewind(csvsource_t *src, diag_t *d);
void csvread_close(csvsource_t *src);

/* Reads every row of `src` from where it stands. Returns 0 when every row
 * was read and the callback never stopped, -1 otherwise (the reason is in
 * `d`). Rows whose fields are all empty are skipped. There is no limit on
 * the size of the input but the one a callback sets with csvread_limit. */
int csvread_source(csvsource_t *src, csvread_fn fn, void *ctx, diag_t *d);
/* Limits `src` (a callback of csvread_source may call this, from the
 * header on) to `max_bytes` (0: none), `why` saying in its message why and
 * what to use instead: -1 with the message in `d` when a regular file is
 * larger already; otherwise reading stops with it once that much has been
 * read (a pipe). */
int csvread_limit(csvsource_t *src, unsigned long long max_bytes, const char *why, diag_t *d);

/* The same over a buffer in memory (used by the fuzzers and tests). */
int csvread_buffer(const char *name, const char *data, size_t len, csvread_fn fn, void *ctx, diag_t *d);

/* libcsv's own callbacks, for a reader that wants no copy of the cells
 * (csvscan.h calls the same ones). */
typedef csvscan_field_fn csvread_field_fn;
typedef csvscan_end_fn csvread_end_fn;

/* The fast way through a clean input: `src` parsed with the settings
 * csvread_source uses, the callbacks called as libcsv calls them (cells
 * not copied, lines not counted, blank rows not skipped): by csvscan while
 * the rows have no quote, by libcsv from the first that has. Only a regular
 * file is read this way, of any size (nothing read is kept; the caller reads
 * only streamed kinds so). Reading stops at the row after which the
 * callbacks set *stop. Returns 0 when the whole input was parsed and *stop
 * stayed false; 1 when it was not, or when anything in it needs a message
 * (a NUL byte, a line longer than CSVREAD_MAX_LINE, a quote out of place, a
 * read error): then rewind and read it with csvread_source, which says what
 * and where. */
int csvread_raw(csvsource_t *src, csvread_field_fn field, csvread_end_fn end, void *ctx, const bool *stop);

/* Up to `n` bytes of a regular file from offset `at` (pread, so that
 * threads may share `src`): the count read, short only at the end of the
 * file; -1 on a read error. */
ssize_t csvread_at(const csvsource_t *src, char *buf, size_t n, unsigned long long at);

/* One piece of a regular file for a fast read, csvread_raw's way: bytes
 * [from, to), where `from` is 0 or just after a '\n'. Several pieces may be
 * read at once, each on its own thread with its own callbacks' context: a
 * piece reads the file with pread and shares nothing but the counters
 * below, which may be NULL. */
typedef struct {
    unsigned long long from, to;
    bool last;                 /* `to` is the end of the file */
    csvread_field_fn field;
    csvread_end_fn end;
    void *ctx;
    const bool *stop;          /* set by the callbacks to give up */
    atomic_bool *halt;         /* read per block: true stops the piece (another gave up) */
    atomic_ullong *done;       /* bytes read, added to per block */
    bool report;               /* calls src->progress with *done and the file's size */
    size_t block;              /* bytes a read (3 at least); 0: 256 KiB (tests read
                                  in small blocks, to cut rows and hand them to
                                  libcsv) */
} csvread_piece_t;

typedef enum {
    CSVREAD_CLEAN,   /* parsed whole; it ends between two records */
    CSVREAD_OPEN,    /* parsed whole, but it ends inside a quoted field: the
                        next piece did not start at a record */
    CSVREAD_GAVE_UP  /* what csvread_raw's 1 means, or halted */
} csvread_end_t;

/* Reads a piece (and the byte-order mark of the file's start). A piece
 * that is not the last calls no callback for a record it leaves open. */
csvread_end_t csvread_piece(const csvsource_t *src, const csvread_piece_t *piece);
/* Reads from the start of the file to the end of the line on which the
 * header row ends, the header being taken once *header is true: *end is
 * where the next line starts (the file's size when the file ended first,
 * its last row read). Every row up to there goes to the callbacks, as
 * csvread_piece; so do CLEAN, OPEN and GAVE_UP. */
csvread_end_t csvread_head(const csvsource_t *src, const csvread_piece_t *piece, const bool *header,
                           unsigned long long *end);

#endif
