/* input: the kinds of input file, the options that say how to read them, and
 * how a header announces its kind (README, "Input formats"). */
#ifndef TRADEOFF_INPUT_H
#define TRADEOFF_INPUT_H

#include "core/point.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    INPUT_AUTO,   /* detect from the header */
    INPUT_POINTS, /* one row per operating point */
    INPUT_JUDGED, /* one row per prompt with a verdict */
    INPUT_SCORES, /* one row per prompt with a score */
    INPUT_BINNED  /* counts per score bin */
} input_kind_t;

/* Bytes read so far and the file's size (0 when unknown, as for a pipe). */
typedef void (*input_progress_fn)(unsigned long long done, unsigned long long total, void *ctx);

/* --rates: the unit of the rate columns of operating-point tables. */
typedef enum {
    INPUT_RATES_AUTO,     /* by the column's name (README, "Operating points") */
    INPUT_RATES_PERCENT,  /* 0 to 100 */
    INPUT_RATES_FRACTION  /* 0 to 1 */
} input_rates_t;

/* --complement: the rate columns that give the opposite outcome (caught
 * instead of passed, answered instead of refused): the rate is 100 - value. */
#define INPUT_COMPLEMENT_ASR 1u
#define INPUT_COMPLEMENT_ORR 2u

typedef struct {
    input_kind_t kind;
    const char *knob_column; /* column a series varies; default "threshold" */

    /* Operating-point tables: the column mapping (README, "Operating
     * points"). NULL: the accepted names. Every column named must exist. */
    const char *asr_column, *orr_column;
    unsigned complement;          /* INPUT_COMPLEMENT_* */
    input_rates_t rates;
    const char *name_columns;     /* comma-separated (CSV quoting): the name is built of these */
    const char *category_column;  /* a long table: one category per row, rows of one name one point */
    const char *const *where;     /* --where expressions (rowfilter.h), combined with AND */
    size_t nwhere;
    /* --group-columns: the columns of operating-point tables that name the
     * measurement group (load/groupcols.h), or "none" to pool every point
     * of every file; NULL: the default columns. */
    const char *group_columns;

    /* Judged per-prompt results (README, "Judged per-prompt results"). Value
     * lists are comma-separated and compared case-insensitively; NULL means
     * the preset's or the built-in default. */
    const char *preset;          /* "xstest", "jailbreakbench" or NULL */
    const char *judge;           /* the preset's verdict column(s), comma-separated */
    const char *set_column;
    const char *harmful_values, *benign_values;
    const char *verdict_column;  /* comma-separated: one point per column */
    const char *refused_values, *complied_values;
    point_unrec_t unrecognised;  /* --unrecognised: how verdicts of neither kind count */
    /* --id-column: the column that identifies each prompt, for pairing
     * (core/pairing.h); NULL: the preset's, else the usual names, else the
     * prompt text column (judged.c). */
    const char *id_column;
    /* The lists inputopts_set joined ("judge" or "verdict-column" given
     * again appends to the list, as --example does): owned, freed by
     * inputopts_free. */
    char **joined;
    size_t njoined;

    /* Operating-point tables: the number of harmful and benign prompts for
     * rows that give none (--n-adversarial, --n-benign); 0: not given. */
    long long n_adversarial, n_benign;

    /* Curves (per-prompt scores, binned counts) loaded as points: at most
     * this many points (0: INPUT_CURVE_POINTS); `tradeoff sweep` gives all. */
    size_t max_points;

    input_progress_fn progress;   /* NULL: no progress reports */
    void *progress_ctx;
} input_opts_t;

#define INPUT_OPTS_INIT {.kind = INPUT_AUTO, .rates = INPUT_RATES_AUTO, .unrecognised = POINT_UNREC_EXCLUDE}
#define INPUT_CURVE_POINTS 200

/* Header names that announce a kind: a score column (per-prompt scores, with
 * a set column), a bin column (binned counts), the set column. */
#define INPUT_SCORE_COLUMNS "score,refusal_score,filter_score"
#define INPUT_BIN_COLUMNS "score_bin_lower,bin_lower"
#define INPUT_SET_COLUMNS "set,prompt_set,split,prompt_type,harmful"

/* One rule for the size of an input. Operating points are held whole (a
 * point per row), so a file or pipe of them stops at INPUT_HELD_MAX_BYTES,
 * with a message that says which kind of input reads more. The other
 * kinds are streamed, counted as they are read and never kept (memory
 * grows with the distinct scores and categories, not the rows): they have
 * no size limit, from a file or a pipe, and a bad row is reported at its
 * line however far in it is. */
#define INPUT_HELD_MAX_BYTES (1024ull * 1024u * 1024u)
/* Harm categories counted apart in one file; past this a warning says the
 * others are not counted per category (which bounds a streamed input's
 * memory, and its time: categories are found by name). */
#define INPUT_MAX_CATEGORIES 1000

/* The most bytes an input of `kind` may have: INPUT_HELD_MAX_BYTES for
 * operating points, 0 (no limit) for the streamed kinds. */
unsigned long long input_max_bytes(input_kind_t kind);
/* Why an input of `kind` stopped at input_max_bytes, and what to use. */
const char *input_size_advice(input_kind_t kind);

/* "exclude", "refusal", "compliance" -> how unrecognised verdicts count;
 * false when unknown. */
bool input_parse_unrecognised(const char *s, point_unrec_t *how);
/* The word input_parse_unrecognised reads as `how`. */
const char *input_unrecognised_name(point_unrec_t how);

/* "auto", "percent", "fraction" -> --rates; false when unknown. */
bool input_parse_rates(const char *s, input_rates_t *rates);
/* The word input_parse_rates reads as `rates`. */
const char *input_rates_name(input_rates_t rates);
/* "asr", "orr", "both" -> INPUT_COMPLEMENT_* bits; false when unknown. */
bool input_parse_complement(const char *s, unsigned *sides);
/* The word input_parse_complement reads as `sides` ("" for none). */
const char *input_complement_name(unsigned sides);
/* The mapping flag of operating-point tables that `opts` sets ("--asr-column"
 * ...), or NULL: judged results, scores and bins refuse them. */
const char *input_points_flag(const input_opts_t *opts);

/* "auto", "points", "judged", "scores", "binned" -> kind; false when unknown. */
bool input_parse_kind(const char *s, input_kind_t *kind);
const char *input_kind_name(input_kind_t kind);
/* The kind of input a header announces: binned counts have a bin column;
 * scores a score column and a set column; judged results a verdict column
 * or a preset's signature; anything else operating points.
 * opts->kind, when not INPUT_AUTO, wins; so does a --preset or mapping flag. */
input_kind_t input_detect(char *const *header, size_t ncols, const input_opts_t *opts);

#endif
