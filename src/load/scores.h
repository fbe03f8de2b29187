/* scores: per-prompt refusal scores and binned counts, aggregated into the
 * exact curve (curve.h) without keeping the rows.
 *
 * Memory does not grow with the number of rows, only with the number of
 * distinct scores: scores written with up to six decimals between 0 and 1
 * (the usual classifier output) are counted in arrays indexed by the score
 * in millionths, allocated a slice at a time as scores arrive; any other
 * score goes to a hash table keyed by its value. Both hold counts per
 * distinct score, merged when the file ends. */
#ifndef TRADEOFF_SCORES_H
#define TRADEOFF_SCORES_H

#include "load/csvread.h"
#include "core/curve.h"
#include "base/diag.h"
#include "load/input.h"

typedef struct scores scores_t;

/* Reads the header of a per-prompt score file (kind INPUT_SCORES) or of
 * binned counts (INPUT_BINNED); NULL with the reason in `d`. With
 * `categories`, harmful prompts are also counted per `category` column
 * (the curve's cats; sweep does not need them). */
scores_t *scores_begin(const csvrow_t *header, input_kind_t kind, const input_opts_t *opts, bool categories,
                       const char *fname, diag_t *d);
/* Counts one row, which has the header's width (load.c refuses ragged rows
 * before); -1 with "file:line:col: ..." in `d` for a bad cell. */
int scores_row(scores_t *s, const csvrow_t *row);
/* The curve of everything counted, with warnings for rows not counted; -1
 * when no harmful and no benign prompt was counted. */
int scores_finish(scores_t *s, curve_t *out, diag_t *d);
void scores_free(scores_t *s);

/* Counts `n` prompts of one set (harmful or benign) at `score`, as n rows
 * would: scores_merge adds counts this way, whatever their size (a
 * counter of the millionths holds 32 bits; the rest goes where counts have
 * 64). */
void scores_add(scores_t *s, double score, bool harmful, unsigned long long n);
/* Adds everything `from` counted to `into` and frees `from`: `into` read
 * the rows of a file before those `from` read, and their categories keep
 * that order. */
void scores_merge(scores_t *into, scores_t *from);

/* The fast path for a large, clean per-prompt score file: reads `src`,
 * just opened, without copying cells or counting lines (csvread_raw's
 * way), in pieces on several cores at once (csvsplit.h) where it has
 * them. Returns what it counted, to finish with scores_finish (and `rows`,
 * the prompts counted), the very counts of one reader of the whole file;
 * NULL, having read maybe part of the file, when the file is anything else
 * or has anything worth a message (a bad cell, a ragged row, a row in
 * neither set): then rewind it and read it the general way, which reports
 * it with file:line:column. NULL at once, without reading, for a source
 * that cannot be read again (!src->rereadable) or when `opts` names
 * another kind. Notes in `notes` (diag_note) say how it was read: on how
 * many cores, and why on one. */
scores_t *scores_read_fast(csvsource_t *src, const input_opts_t *opts, bool categories, long long *rows,
                           diag_t *notes);

#endif
