/* load: turning the files users bring into operating points.
 *
 * Operating-point tables are header-driven and case-insensitive; the column
 * names accepted are listed in README ("Input formats"). Errors name
 * file:line:column and what was expected; nothing is guessed or invented. */
#ifndef TRADEOFF_LOAD_H
#define TRADEOFF_LOAD_H

#include "curve.h"
#include "diag.h"
#include "point.h"

typedef enum {
    INPUT_AUTO,   /* detect from the header */
    INPUT_POINTS, /* one row per operating point */
    INPUT_JUDGED, /* one row per prompt with a verdict */
    INPUT_SCORES, /* one row per prompt with a score */
    INPUT_BINNED  /* counts per score bin */
} input_kind_t;

/* Bytes read so far and the file's size (0 when unknown, as for a pipe). */
typedef void (*load_progress_fn)(unsigned long long done, unsigned long long total, void *ctx);

typedef struct {
    input_kind_t kind;
    const char *knob_column; /* column a series varies; default "threshold" */

    /* Judged per-prompt results (README, "Judged per-prompt results"). Value
     * lists are comma-separated and compared case-insensitively; NULL means
     * the preset's or the built-in default. */
    const char *preset;          /* "xstest", "jailbreakbench" or NULL */
    const char *judge;           /* the preset's verdict column(s), comma-separated */
    const char *set_column;
    const char *harmful_values, *benign_values;
    const char *verdict_column;  /* comma-separated: one point per column */
    const char *refused_values, *complied_values;

    /* Curves (per-prompt scores, binned counts) loaded as points: at most
     * this many points (0: LOAD_CURVE_POINTS); `tradeoff sweep` gives all. */
    size_t max_points;

    load_progress_fn progress;   /* NULL: no progress reports */
    void *progress_ctx;
} load_opts_t;

#define LOAD_OPTS_INIT {INPUT_AUTO, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL}
#define LOAD_CURVE_POINTS 200

/* Loads one file into `set`; points get names unique within the whole set.
 * Returns 0 on success, -1 with the reason in `d` (warnings may be added
 * either way). */
int load_file(pointset_t *set, const char *path, const load_opts_t *opts, diag_t *d);
/* The same over text in memory, `name` standing for the file in messages. */
int load_buffer(pointset_t *set, const char *name, const char *data, size_t len,
                const load_opts_t *opts, diag_t *d);
/* Reads a per-prompt score file or binned counts into its exact curve
 * (`tradeoff sweep`); any other kind of file is an error that says so. */
int load_curve_file(curve_t *curve, const char *path, const load_opts_t *opts, diag_t *d);
/* "points", "judged", "scores", "binned" -> kind; false when unknown. */
bool load_parse_kind(const char *s, input_kind_t *kind);
const char *load_kind_name(input_kind_t kind);

/* The kind of input a header announces (README, "Input formats"): binned
 * counts have score_bin_lower; scores a score column; judged results a
 * verdict column or a preset's signature; anything else operating points.
 * opts->kind, when not INPUT_AUTO, wins; so does a --preset or mapping flag. */
input_kind_t load_detect(char *const *header, size_t ncols, const load_opts_t *opts);

/* Header names compared the way every loader compares them: case-insensitive,
 * blanks and '-' counting as '_', surrounding blanks ignored. */
bool load_header_is(const char *cell, const char *name);
/* Column whose header is one of the comma-separated `names`, or -1. */
int load_find_column(char *const *header, size_t ncols, const char *names);
/* Makes the names of set->items[first..] unique within the whole set by
 * appending " [tag]" and, failing that, " [tag #k]". */
void load_unique_names(pointset_t *set, size_t first, const char *tag);

#endif
