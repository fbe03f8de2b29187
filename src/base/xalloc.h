/* xalloc: allocation that never returns NULL.
 * Running out of memory is not a condition this program can report usefully
 * piece by piece, so these print one line and exit with status 3. */
#ifndef TRADEOFF_XALLOC_H
#define TRADEOFF_XALLOC_H

#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of `size`-byte items to hold at least `need` items. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
