/* judged: per-prompt judgements (one row per prompt: its set and a judge's
 * verdict on the answer) turned into one operating point per judge, with
 * counts overall and per category.
 *
 * Presets cover the public formats: `xstest` (set from prompt_label; the
 * verdict columns final_label, gpt4_label, strmatch_label) and
 * `jailbreakbench` (harmful set only; jailbroken, jailbroken_llama_guard1).
 * Verdicts that match no listed value are counted and reported, never
 * guessed. */
#ifndef TRADEOFF_JUDGED_H
#define TRADEOFF_JUDGED_H

#include "load/csvread.h"
#include "base/diag.h"
#include "load/input.h"
#include "core/point.h"

typedef struct judged judged_t;

/* Reads the header; NULL with the reason in `d` when a column is missing.
 * `path` is the file as given (the points' per-prompt log reads it again
 * for the texts of the prompts a listing shows: core/promptlog.h), `fname`
 * the same sanitised; an input that cannot be read twice (`rereadable`
 * false) has its texts kept instead. */
judged_t *judged_begin(const csvrow_t *header, const input_opts_t *opts, const char *path, const char *fname,
                       bool rereadable, diag_t *d);
/* Counts one row, which has the header's width (load.c refuses ragged
 * rows before); always 0: rows that cannot be counted are counted as such
 * and warned about by judged_finish. */
int judged_row(judged_t *j, const csvrow_t *row);
/* Adds one point per verdict column to `set`, named after `path`; warnings
 * for rows not counted. -1 when no row could be counted. The points share
 * the file's per-prompt log (point.h: prompts): every prompt's key, set,
 * category and verdict under each verdict column of the file (the
 * preset's, and those named). */
int judged_finish(judged_t *j, pointset_t *set, const char *path, diag_t *d);
void judged_free(judged_t *j);

/* "xstest", "jailbreakbench"; false when unknown. */
bool judged_preset_known(const char *name);

#endif
