/* diag: errors and warnings collected while loading and checking input.
 *
 * Loaders never print: they record "file:line:column: what was expected" in a
 * diag_t, and the front end decides where it goes (stderr in batch mode, the
 * status line or an after-exit message in the explorer).
 *
 * A warning keeps its parts as well as its text: the file, the lines it is
 * about and what is wrong, apart. So a front end can say it in full (the
 * explorer's list of warnings), condense it (`report` says "1,935 rows,
 * lines 2–1,936" instead of 1,935 line numbers, and a warning that 18
 * files give alike once, with the count of files: diag_condense), and show
 * a point the warnings about it (diag_warning_about). */
#ifndef TRADEOFF_DIAG_H
#define TRADEOFF_DIAG_H

#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *file;    /* the file it is about (as messages name it); NULL: none */
    long *lines;   /* the lines it is about, ascending; NULL when none */
    size_t nlines;
    int col;       /* with one line: its column, from 1; 0 when none */
    char *text;    /* what is wrong, without the file and the lines */
    char *noun;    /* diag_warn_lines: what the lines are ("point"); NULL: rows */
    /* The lines of the points it is about (a point's `line`); none: every
     * point of the file. */
    long *points;
    size_t npoints;
} diag_warning_t;

typedef struct {
    char *error;      /* the first fatal error; NULL while there is none */
    char **warnings;  /* in full, in the order they arose */
    size_t nwarnings;
    size_t cap;
    diag_warning_t *parts; /* per warning: its parts (parallel to warnings) */
    size_t parts_cap;
    char **notes;     /* how the work was done (--verbose), in order */
    size_t nnotes, notes_cap;
} diag_t;

#define DIAG_INIT {NULL, NULL, 0, 0, NULL, 0, NULL, 0, 0}

/* Records a fatal error; only the first is kept, as later ones are usually
 * consequences of it. */
void diag_error(diag_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A warning of free text, about no file in particular. */
void diag_warn(diag_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A warning about a file as a whole (every point read from it):
 * "FILE: TEXT". */
void diag_warn_file(diag_t *d, const char *file, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A warning about one cell, in the row of the point on `point_line`
 * (0: about the file's every point): "FILE:LINE:COL: TEXT". */
void diag_warn_at(diag_t *d, const char *file, long line, int col, long point_line, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* A warning about the points on `lines` (ascending; copied), `noun` what
 * each is ("point"; an "s" makes it plural): "FILE: 2 points (lines 3,
 * 5) TEXT", every line listed; TEXT follows on ("without a rate: ..."). */
void diag_warn_lines(diag_t *d, const char *file, const char *noun, const long *lines, size_t n, const char *fmt,
                     ...) __attribute__((format(printf, 6, 7)));
/* Turns the last warning into the error (when there is none yet). */
void diag_last_warning_to_error(diag_t *d);
/* Moves every warning of `from` to the end of `to`; `from` keeps its error. */
void diag_take_warnings(diag_t *to, diag_t *from);
/* Records a note: not a problem, but how something was done (a file read
 * on one core or several), shown only when asked (--verbose). */
void diag_note(diag_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool diag_failed(const diag_t *d);
void diag_free(diag_t *d);

/* The warnings condensed for a person reading a terminal, one line each
 * (no newline; free with diag_condensed_free): warnings with the same text
 * are said once, their lines as ranges with a count ("1,935 rows, lines
 * 2–1,936"), and the files that give them alike counted ("18 files
 * (a.csv, b.csv and 16 more)"). In the order they first arose. */
char **diag_condense(const diag_t *d, size_t *n);
void diag_condensed_free(char **lines, size_t n);
/* True when warning `i` of `d` is about the point read from `file` at
 * `line`. */
bool diag_warning_about(const diag_t *d, size_t i, const char *file, long line);

#endif
