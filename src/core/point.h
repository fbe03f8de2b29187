/* point: operating points and the set of them that a session works on.
 *
 * An operating point is one model, variant or filter threshold with its two
 * measured rates: the attack success rate (ASR) on harmful prompts and the
 * over-refusal rate (ORR) on benign prompts. Rates are stored as fractions
 * (0.002 for 0.2%); NAN marks a rate the source did not give. */
#ifndef TRADEOFF_POINT_H
#define TRADEOFF_POINT_H

#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

#define POINT_COUNT_UNKNOWN (-1LL)

/* How a judge's unrecognised verdicts (neither a refusal nor compliance)
 * were counted: left out (the default), or all as one of the two. */
typedef enum { POINT_UNREC_EXCLUDE, POINT_UNREC_REFUSAL, POINT_UNREC_COMPLIANCE } point_unrec_t;

/* Where a rate's count came from, beyond "given" or "unknown". */
typedef struct {
    bool derived;            /* k = round(rate x n): the one whole k the printed rate allows */
    bool inexact;            /* n given, but several k fit the printed rate: k unknown */
    long long unrecognised;  /* verdicts that were neither refusal nor compliance (judged files) */
} point_count_note_t;

/* Any column of the source that tradeoff does not interpret, kept so the
 * explorer and reports can show it ("engagement", "notes", ...). */
typedef struct {
    char *key;
    char *value;
} point_attr_t;

/* Attack success within one harm category. */
typedef struct {
    char *name;
    bool critical;           /* held to the policy's critical bound */
    long long n_adversarial; /* prompts in the category */
    long long attack_successes;
    double asr;              /* fraction; NAN when unknown */
} category_t;

/* How a point's measurement group was formed; load/ decides it (README,
 * "Measurement groups"). Rates are comparable only within a group. */
typedef enum {
    POINT_GROUP_FILE,    /* a points table that names no set or judge: its points
                          * are assumed comparable, and the reports say so */
    POINT_GROUP_COLUMNS, /* named by the table's set and judge columns (or
                          * --group-columns) */
    POINT_GROUP_PROMPTS, /* judged results: the preset or mapping, the judge and
                          * the prompts judged */
    POINT_GROUP_CURVE,   /* the points of one curve (a score file, binned counts) */
    POINT_GROUP_POOLED   /* --group-columns none: every point in one group on purpose */
} point_group_basis_t;

/* The group of points made without one (practice exercises, tests). */
#define POINT_GROUP_UNNAMED "(ungrouped)"

struct promptlog;

typedef struct {
    char *name;      /* unique within the set; sanitised for display */
    char *series;    /* the family it belongs to (a model's thresholds); may be NULL */
    char *group;     /* its measurement group (sanitised; never NULL once loaded:
                      * point_group reads it) */
    point_group_basis_t group_basis;
    double asr;      /* attack success rate, fraction 0..1 or NAN */
    double orr;      /* over-refusal rate, fraction 0..1 or NAN */
    double knob;     /* the value the series varies (threshold...), NAN if none */

    /* Counts behind the rates, POINT_COUNT_UNKNOWN when not given. */
    long long n_adversarial, attack_successes;
    long long n_benign, benign_refused;
    point_count_note_t adv_note, ben_note; /* how those counts came about */
    point_unrec_t unrecognised_as;         /* how unrecognised verdicts were counted */

    point_attr_t *attrs;
    size_t nattrs;
    category_t *categories;
    size_t ncategories;

    char *source;    /* file it came from ("built-in" for the default scenario) */
    long line;       /* line in that file, 0 when none */

    /* Judged files: the outcome of every prompt under every judge of the
     * file (core/promptlog.h, shared by the file's points; NULL for other
     * inputs) and this point's judge in it. Pairing reads them. */
    struct promptlog *prompts;
    int prompts_judge;
} point_t;

/* A hash index of names: positions + 1 in a set's items, 0 for an empty
 * slot (core/nameindex.h). */
typedef struct {
    size_t *slots; /* a power of two of them, or NULL */
    size_t cap;
    size_t len;
} nameindex_t;

#define NAMEINDEX_INIT {NULL, 0, 0}

typedef struct {
    point_t *items;
    size_t len;
    size_t cap;
    char *knob_name; /* what the series' knob is called ("threshold"); may be NULL */

    /* The names of items[0..named), indexed by load/names.c and kept from
     * one file to the next, so that loading many files into a set costs
     * their points, not the set's (issue 19: 400 copies of one file were
     * quadratic). Only names.c renames a point below `named`; dropping
     * points below it (a failed file) is noticed there. suffix_next[i]:
     * where to resume the search for a free " #k" suffix when the first
     * suffix tried is the name of items[i]. */
    nameindex_t names;
    size_t named;
    unsigned *suffix_next;
    size_t suffix_cap;

    /* Rows the row filters (--where) left out while loading, and the
     * filters as given ("notes!~RELATIVE and source=OR-Bench"; NULL
     * without): every surface says so beside the points (NUMBERS.md,
     * rule 6). */
    long long rows_filtered;
    char *filtered_by;

    /* The header of the last table of points read into the set ("name,
     * asr_pct, orr_pct", sanitised; NULL for other inputs): what `check`
     * names when a rate it gates was not found. */
    char *columns;
    /* Per side ([0] ASR, [1] ORR), the header (sanitised) of a column that
     * looks meant for that rate but is not read ("atack_success_pct"), or
     * NULL: a rate missing beside such a column is a misspelling, not a
     * side the evaluation lacks, and `check` refuses to gate without it. */
    char *unread_rate_column[2];
    /* Per side ([0] ASR, [1] ORR): a table of points read into the set has
     * a column that side is read from (a rate, or n and count), however
     * many of its cells are empty. A side without such a column is one
     * the evaluation lacks; with one, a point without the rate has an
     * empty cell. False for other inputs (`check` then asks the points). */
    bool rate_column[2];
} pointset_t;

#define POINTSET_INIT {NULL, 0, 0, NULL, NAMEINDEX_INIT, 0, NULL, 0, 0, NULL, NULL, {NULL, NULL}, {false, false}}

/* A point with unknown rates and counts and the given name (copied). */
point_t point_make(const char *name);
/* Appends `p` (taking ownership of its memory) and returns the stored copy. */
point_t *pointset_add(pointset_t *set, point_t p);
point_t *pointset_find(const pointset_t *set, const char *name);
/* Index of the point named `name`, or -1. */
long pointset_index(const pointset_t *set, const char *name);
void point_set_attr(point_t *p, const char *key, const char *value);
const char *point_attr(const point_t *p, const char *key);
category_t *point_add_category(point_t *p, const char *name);
bool point_has_rates(const point_t *p);
/* The point's group name: its group, or POINT_GROUP_UNNAMED. */
const char *point_group(const point_t *p);
/* True when the group says what the rates were measured on (columns,
 * prompts) or pools on purpose; false for groups that only stand for a file
 * (a table that names no set or judge, a curve). */
bool point_group_known(const point_t *p);
/* Replaces the point's group (copied). */
void point_set_group(point_t *p, const char *name, point_group_basis_t basis);
/* The counts behind a rate, as a person reads them (NUMBERS.md, rules 2 and
 * 6): "134 of 189 (11 unrecognised verdicts left out)", "1 of 200 (from rate
 * × n)", "n = 1,000, count not exact at the printed precision", "n unknown".
 * `asr` picks the harmful side, else the benign one; `ascii` writes "x"
 * for the multiplication sign. */
void point_counts_describe(sb_t *sb, const point_t *p, bool asr, bool ascii);
/* The same for a table cell: "1/200", "1/200*" (derived), "?/1,000" (n
 * given, count not exact), "n unknown"; "-" when the rate is unknown too. */
void point_counts_cell(sb_t *sb, const point_t *p, bool asr);
/* The cell of a report's table: point_counts_cell and, where the judge
 * left verdicts unrecognised, how many and what became of them, beside the
 * number they change (NUMBERS.md, rule 6): "134/189 (11 unrecognised left
 * out)", "134/200 (11 unrecognised counted as refusals)". */
void point_counts_table_cell(sb_t *sb, const point_t *p, bool asr);

/* The rate's range across the three treatments of unrecognised verdicts
 * (left out, all refusals, all compliance); false when none were seen or
 * the counts are unknown. */
bool point_unrecognised_range(const point_t *p, bool asr, double *lo, double *hi);
/* A deep copy of `p` (every string, attribute and category its own). */
point_t point_copy(const point_t *p);
void point_free(point_t *p);
/* "3 rows left out by --where notes!~RELATIVE"; nothing when no row was. */
void pointset_filtered_describe(sb_t *sb, const pointset_t *set);
void pointset_free(pointset_t *set);

#endif
