/* prompttext: the ids and texts of the prompts a listing shows.
 *
 * A per-prompt log (core/promptlog.h) keeps hashes, not texts, so that its
 * memory stays bounded whatever the file holds. A listing (the prompts that
 * flipped, the ones in one file only, those two judges disagree on) asks
 * for the few it shows, and each row is read again alone, at the offset the
 * log kept, so that a listing costs what it lists and not a second pass
 * over the file; an input that could not be read twice had its texts kept
 * in the log instead. */
#ifndef TRADEOFF_PROMPTTEXT_H
#define TRADEOFF_PROMPTTEXT_H

#include "base/diag.h"
#include "core/promptlog.h"

#include <stddef.h>

typedef struct {
    char *id;   /* the key cell (the prompt text when that is the key),
                 * sanitised; "line N" when the file has no key or could
                 * not be read again */
    char *text; /* the prompt text column, sanitised; NULL when the file has none */
} prompttext_t;

/* Fills out[k] for the prompt idx[k] of `log`, k < n. A file that can no
 * longer be read, or whose row no longer holds the key the log has (it
 * changed since), gives "line N" ids and one warning in `d`. */
void prompttext_fetch(const promptlog_t *log, const size_t *idx, size_t n, prompttext_t *out, diag_t *d);
void prompttext_free(prompttext_t *t, size_t n);

#endif
