/* diag: errors and warnings collected while loading and checking input.
 *
 * Loaders never print: they record "file:line:column: what was expected" in a
 * diag_t, and the front end decides where it goes (stderr in batch mode, the
 * status line or an after-exit message in the explorer). */
#ifndef TRADEOFF_DIAG_H
#define TRADEOFF_DIAG_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *error;      /* the first fatal error; NULL while there is none */
    char **warnings;  /* in the order they arose */
    size_t nwarnings;
    size_t cap;
    char **notes;     /* how the work was done (--verbose), in order */
    size_t nnotes, notes_cap;
} diag_t;

#define DIAG_INIT {NULL, NULL, 0, 0, NULL, 0, 0}

/* Records a fatal error; only the first is kept, as later ones are usually
 * consequences of it. */
void diag_error(diag_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_warn(diag_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Records a note: not a problem, but how something was done (a file read
 * on one core or several), shown only when asked (--verbose). */
void diag_note(diag_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool diag_failed(const diag_t *d);
void diag_free(diag_t *d);

#endif
