/* csvsplit: a regular file read in pieces, on several cores at once.
 *
 * The rows after the header are cut at line starts into one piece per
 * core; each piece is parsed by its own thread into its own context
 * (csvread_piece), and the caller merges the contexts in order. A line
 * start is a record's start unless a quoted field runs across it, which
 * nothing short of reading everything before it can tell; so the cuts are
 * checked afterwards: every piece but the last must end between two
 * records, and then each one started at a record and read exactly the
 * records one reader would have. When one did not, the caller reads the
 * file again on one core. */
#ifndef TRADEOFF_CSVSPLIT_H
#define TRADEOFF_CSVSPLIT_H

#include "load/csvread.h"

#include <stddef.h>

/* The most pieces read at once, and the smallest piece worth a thread. */
#define CSVSPLIT_MAX_PIECES 8
#define CSVSPLIT_MIN_PIECE (4ull * 1024 * 1024)

/* How many pieces to read a file in: the cores online (one without
 * sysconf's answer), at most CSVSPLIT_MAX_PIECES, each of at least
 * *min_piece bytes (CSVSPLIT_MIN_PIECE). The environment variable
 * TRADEOFF_THREADS=N (1 to CSVSPLIT_MAX_PIECES), for the tests, says N
 * whatever the cores, and pieces of any size. */
size_t csvsplit_cores(unsigned long long *min_piece);

/* Cuts bytes [from, src->size) of a regular file into at most `n` pieces
 * of about equal size, none under `min_piece` bytes: cuts[0] is `from`,
 * cuts[k] the file's size, and each cut between them is where a line
 * starts (just after the first '\n' at or after an equal share). Returns k,
 * the pieces (1 when the file is too small or has no line end to cut at).
 * `cuts` has room for n + 1 offsets. */
size_t csvsplit_cut(const csvsource_t *src, unsigned long long from, size_t n, unsigned long long min_piece,
                    unsigned long long *cuts);

typedef enum {
    CSVSPLIT_READ,    /* every piece read: merge the contexts in order */
    CSVSPLIT_GAVE_UP, /* a piece read from a record's start gave up: the file
                         needs the reader that says why (csvread_raw's 1) */
    CSVSPLIT_OPEN     /* a piece but the last ended inside a quoted field:
                         read the file again on one core */
} csvsplit_how_t;

/* Reads piece i, bytes [cuts[i], cuts[i+1]), into pieces[i]'s callbacks
 * (its field, end, ctx and stop; the rest is filled in here): piece 0 on
 * the calling thread, which reports progress through src->progress
 * (ending with the file's size), the others each on a thread of their own
 * (or after piece 0 when no thread can be started). *which is the first
 * piece that was not read clean (GAVE_UP, OPEN). Piece 0's context must
 * have read the rows before cuts[0] (csvread_head), which are counted as
 * read. */
csvsplit_how_t csvsplit_read(csvsource_t *src, const unsigned long long *cuts, size_t n, csvread_piece_t *pieces,
                             size_t *which);

#endif
