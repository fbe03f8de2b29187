/* examples: the example data sets shipped with tradeoff, and where to find
 * them.
 *
 * `make install` puts the files under $(pkgdatadir); an uninstalled build
 * finds them in the source tree's data/ next to the program, and
 * TRADEOFF_DATADIR overrides both (tests and relocated installs). */
#ifndef TRADEOFF_EXAMPLES_H
#define TRADEOFF_EXAMPLES_H

#include "base/diag.h"
#include "base/strbuf.h"

#include <stddef.h>

#define EXAMPLES_ENV "TRADEOFF_DATADIR"

typedef struct {
    const char *name;  /* what --example takes */
    const char *file;  /* file name in the data directory */
    const char *title; /* one line: what it is */
    const char *args;  /* suggested flags for a first look ("" for none) */
    const char *look;  /* what to look at */
    const char *source;/* where the numbers come from */
} example_t;

const example_t *examples_all(size_t *count);
/* The example named `name` (case-insensitive), or NULL. */
const example_t *examples_find(const char *name);
/* "builtin, chatbot-sweep, ...": for messages. */
void examples_names(sb_t *sb);

/* The directories searched, in order: $TRADEOFF_DATADIR when set (alone);
 * else data/ and share/tradeoff/ beside the program's directory, then the
 * configured PKGDATADIR. Returns how many were written to `dirs` (each
 * allocated; free them). */
size_t examples_search_dirs(char **dirs, size_t max);
/* The full path of an example's file (free it), or NULL with a message in
 * `d` naming the directories searched. */
char *examples_path(const example_t *e, diag_t *d);
/* The listing of --list-examples: name, title, file and where it was found. */
void examples_describe(sb_t *out);

#endif
