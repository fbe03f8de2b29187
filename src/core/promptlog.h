/* promptlog: the per-prompt outcomes behind the points of one judged file,
 * kept so that two points can be paired prompt by prompt (pairing.h), two
 * judges of one file compared (agreement.h), and a point's rates read under
 * the file's other judges.
 *
 * Memory is bounded per prompt, whatever the file holds: a 64-bit hash of
 * its key (the id, or the prompt text when the file has no id column), its
 * set, its category (an index into the file's category names), its line, its
 * row's byte offset and one verdict per verdict column: about 26 bytes plus
 * one per judge, and an index of the keys (a hash table of 4 to 8 bytes a
 * prompt). The texts are
 * not kept: the listings that show a prompt's id or text read those rows
 * from the file again, each at its offset (load/prompttext.h), except for an input that cannot be read
 * twice (standard input, a pipe, a buffer), whose loader keeps them here.
 *
 * Two prompts are one when their keys hash alike: different keys share a
 * hash with a chance of about n^2 / 2^65 (3 in 100 million for a million
 * prompts). A key seen twice in one file is recorded (the first such pair
 * of lines); pairing refuses such a file, nothing else does.
 *
 * One log is shared by every point made from its file (point.h: prompts),
 * by reference count. The fields are read-only outside this module and the
 * loader that fills it. */
#ifndef TRADEOFF_PROMPTLOG_H
#define TRADEOFF_PROMPTLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A prompt's set. */
enum { PROMPTLOG_HARMFUL, PROMPTLOG_BENIGN };

/* One judge's verdict on one answer, as the file said it. */
typedef enum {
    PROMPTLOG_REFUSED,
    PROMPTLOG_COMPLIED,
    PROMPTLOG_UNRECOGNISED, /* neither a refusal nor compliance */
    PROMPTLOG_EMPTY
} promptlog_verdict_t;

/* The treatments of unrecognised verdicts, as point.h's point_unrec_t
 * (point.c holds the two in step). */
enum { PROMPTLOG_UNREC_EXCLUDE, PROMPTLOG_UNREC_REFUSAL, PROMPTLOG_UNREC_COMPLIANCE };

/* How a verdict counts once the treatment of unrecognised verdicts is
 * applied. */
typedef enum { PROMPTLOG_OUT_REFUSED, PROMPTLOG_OUT_COMPLIED, PROMPTLOG_OUT_EXCLUDED } promptlog_outcome_t;

/* A judge's counts over the whole log, as its point has them. */
typedef struct {
    long long n_harmful, complied;   /* harmful prompts counted, answered */
    long long n_benign, refused;     /* benign prompts counted, refused */
    long long unrecognised, empty;   /* verdicts of neither kind, blank */
} promptlog_counts_t;

#define PROMPTLOG_NO_CATEGORY UINT32_MAX
/* A category column with more values than this is not one: further values
 * are left uncategorised (categories_dropped counts the prompts). */
#define PROMPTLOG_MAX_CATEGORIES 1000

typedef struct promptlog {
    int refs;
    uint64_t serial;       /* unique in the process: tells logs apart after a free */
    char *source;          /* the file's path as given (read again for texts) */
    char *shown;           /* the same, sanitised, for messages */
    char *key_name;        /* the key column ("id", "index", "prompt"); NULL: no key */
    char *key_expected;    /* without a key: what the loader looked for, for messages */
    bool key_is_text;      /* keyed by the prompt text (the file has no id column) */
    int key_col, text_col, cat_col; /* the file's columns; -1 when absent */

    size_t njudges;
    char **judges;         /* the verdict columns, in file order (sanitised) */

    size_t len, cap;
    uint64_t *key;         /* the key's hash (0 when the file has no key) */
    uint32_t *line;        /* the prompt's line in the file */
    uint64_t *offset;      /* the byte offset of its row, to read it again alone */
    uint32_t *category;    /* index into categories, or PROMPTLOG_NO_CATEGORY */
    uint8_t *set;          /* PROMPTLOG_HARMFUL or PROMPTLOG_BENIGN */
    uint8_t *verdict;      /* len x njudges promptlog_verdict_t */

    char **categories;     /* sanitised names */
    size_t ncategories;
    long long categories_dropped;
    size_t last_category;  /* the category found last (files list them in runs) */

    uint32_t *slots;       /* the index: open addressing over key, index + 1 (0 empty) */
    size_t nslots;

    /* The first key seen twice: its two lines and (sanitised, cut) text. */
    long dup_line_a, dup_line_b; /* 0 when unknown */
    char *dup_text;              /* NULL: no key seen twice */

    promptlog_counts_t *tally; /* promptlog_finish: njudges x 3 treatments */

    /* Texts kept for an input that cannot be read twice (NULL otherwise):
     * per prompt, its key cell and its prompt text (sanitised). */
    char **kept_id, **kept_text;
} promptlog_t;

/* A new log of a file (its path as given) with these verdict columns. */
promptlog_t *promptlog_new(const char *source, char *const *judges, size_t njudges);
promptlog_t *promptlog_retain(promptlog_t *log);
/* Drops one reference; frees the log with the last. NULL is ignored. */
void promptlog_release(promptlog_t *log);

/* Says which column keys the prompts (`key_name` NULL: none, and
 * `expected` says what was looked for) and which hold the prompt text and
 * the category (-1: none). Before the first prompt. */
void promptlog_set_columns(promptlog_t *log, const char *key_name, bool key_is_text, int key_col, int text_col,
                           int cat_col, const char *expected);
/* Keeps the texts of every prompt (an input that cannot be read twice).
 * Before the first prompt. */
void promptlog_keep_texts(promptlog_t *log);
/* The index of the category `name` (`len` bytes; added when new), or
 * PROMPTLOG_NO_CATEGORY when blank or past PROMPTLOG_MAX_CATEGORIES. */
uint32_t promptlog_category(promptlog_t *log, const char *name, size_t len);
/* Where a prompt's row is in its file. */
typedef struct {
    long line;
    unsigned long long offset;
} promptlog_at_t;

/* Appends a prompt: its key cell (ignored without a key column), set,
 * category, row and one verdict per judge; with kept texts, `text`
 * (`text_len` bytes; NULL: none) too. A key seen before is recorded as
 * the first duplicate when it is the first. */
void promptlog_add(promptlog_t *log, const char *key, size_t key_len, int set, uint32_t category, promptlog_at_t at,
                   const uint8_t *verdicts, const char *text, size_t text_len);

/* The hash of a key cell, as promptlog_add takes it (blanks around it are
 * not part of it). */
uint64_t promptlog_hash(const char *key, size_t len);
/* The prompt whose key hashes to `key`, or -1. */
long promptlog_find(const promptlog_t *log, uint64_t key);
/* The judge column called `name`, or -1. */
int promptlog_judge(const promptlog_t *log, const char *name);
/* How prompt i counts under judge j with unrecognised verdicts treated as
 * `unrec` (PROMPTLOG_UNREC_...); empty verdicts are always left out. */
promptlog_outcome_t promptlog_outcome(const promptlog_t *log, size_t i, int j, int unrec);

/* Once every prompt is in: counts every judge under each treatment, so
 * that promptlog_counts answers at once (a screen asks on every frame). */
void promptlog_finish(promptlog_t *log);
promptlog_counts_t promptlog_counts(const promptlog_t *log, int j, int unrec);

#endif
