/* promptset: which set a per-prompt row belongs to (harmful or benign), and
 * the comma-separated value lists that the mapping flags take.
 *
 * Judged results and score files share it: --set-column names the column,
 * --harmful-values and --benign-values list what its cells may say. */
#ifndef TRADEOFF_PROMPTSET_H
#define TRADEOFF_PROMPTSET_H

#include "base/diag.h"
#include "load/input.h"

#include <stdbool.h>
#include <stddef.h>

/* A list of values from a flag such as "--refused-values refused,refusal";
 * entries are trimmed and compared case-insensitively. */
typedef struct {
    char **items;
    size_t len;
    char *text; /* the list as given, for messages */
} vlist_t;

void vlist_parse(vlist_t *l, const char *csv);
bool vlist_has(const vlist_t *l, const char *cell);
void vlist_free(vlist_t *l);

typedef enum { PROMPT_HARMFUL, PROMPT_BENIGN, PROMPT_UNKNOWN } prompt_kind_t;

typedef struct {
    int col;          /* the set column; -1: every row is harmful */
    vlist_t harmful, benign;
    /* The last cell seen and its class: per-prompt files repeat a handful
     * of values millions of times, so one memcmp usually decides. */
    char last[32];
    size_t last_len;
    prompt_kind_t last_kind;
    /* Rows in neither set: counted, the first one kept for the warning. */
    long long n_unknown;
    long first_unknown;
    char *unknown_text;
} promptset_t;

/* Default names of the set column, and default values. */
#define PROMPTSET_HARMFUL "harmful,unsafe,adversarial,attack,toxic,true,1,yes"
#define PROMPTSET_BENIGN "benign,safe,harmless,false,0,no"

/* Finds the set column (--set-column, else `column` when given, else the
 * default names) and the value lists (flags, else `harmful`/`benign`, else
 * the defaults). With `optional`, a missing column means every row is
 * harmful. Returns false with "file:line: ..." in `d` when the column is
 * missing. */
bool promptset_init(promptset_t *ps, char *const *header, size_t ncols, const input_opts_t *opts,
                    const char *column, const char *harmful, const char *benign, bool optional,
                    const char *fname, long line, diag_t *d);
prompt_kind_t promptset_classify(promptset_t *ps, const char *cell, size_t len);
/* Counts a row whose set cell (`len` bytes, on `line`) is in neither set;
 * such rows are not counted, and promptset_warn_unknown says so once. */
void promptset_note_unknown(promptset_t *ps, long line, const char *cell, size_t len);
/* "fname: N rows whose set is neither harmful (...) nor benign (...), first
 * at line L: 'text'; not counted", when there were any. */
void promptset_warn_unknown(const promptset_t *ps, const char *fname, diag_t *d);
void promptset_free(promptset_t *ps);

#endif
