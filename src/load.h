/* load: turning the files users bring into operating points.
 *
 * Operating-point tables are header-driven and case-insensitive; the column
 * names accepted are listed in README ("Input formats"). Errors name
 * file:line:column and what was expected; nothing is guessed or invented. */
#ifndef TRADEOFF_LOAD_H
#define TRADEOFF_LOAD_H

#include "diag.h"
#include "point.h"

typedef enum {
    INPUT_AUTO,   /* detect from the header */
    INPUT_POINTS, /* one row per operating point */
    INPUT_JUDGED, /* one row per prompt with a verdict */
    INPUT_SCORES, /* one row per prompt with a score */
    INPUT_BINNED  /* counts per score bin */
} input_kind_t;

typedef struct {
    input_kind_t kind;
    const char *knob_column; /* column a series varies; default "threshold" */
} load_opts_t;

#define LOAD_OPTS_INIT {INPUT_AUTO, NULL}

/* Loads one file into `set`; points get names unique within the whole set.
 * Returns 0 on success, -1 with the reason in `d` (warnings may be added
 * either way). */
int load_file(pointset_t *set, const char *path, const load_opts_t *opts, diag_t *d);
/* The same over text in memory, `name` standing for the file in messages. */
int load_buffer(pointset_t *set, const char *name, const char *data, size_t len,
                const load_opts_t *opts, diag_t *d);
/* "points", "judged", "scores", "binned" -> kind; false when unknown. */
bool load_parse_kind(const char *s, input_kind_t *kind);

#endif
