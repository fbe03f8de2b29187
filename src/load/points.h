/* points: operating-point tables, one row per model, variant or threshold
 * with its two rates (and, where given, the counts behind them).
 *
 * Header names are compared as csvheader compares them; the names accepted
 * are listed in README ("Input formats") and in the message for a header
 * that lacks them. A rate may be a percentage, a fraction or its complement
 * ("not_unsafe"); counts fill in a missing rate and are checked against a
 * given one. Columns not interpreted are kept as attributes. Rows without a
 * rate are kept and listed in one warning (NUMBERS.md, rule 6).
 *
 * The mapping flags (input.h) name the columns of a table that uses other
 * names: the rates (--asr-column, --orr-column, in --rates units, as
 * complements with --complement), the name (--name-columns), the knob, the
 * category of each row of a long table (--category-column: the rows of one
 * name make one point with a category each), and --where keeps the rows
 * that match (rowfilter.h). A column nothing reads whose name is close to
 * an accepted rate or count name is named in a warning ("did you mean"), as
 * is a side (ASR, ORR) with no column at all. */
#ifndef TRADEOFF_POINTS_H
#define TRADEOFF_POINTS_H

#include "base/diag.h"
#include "core/point.h"
#include "load/csvread.h"
#include "load/input.h"

/* More operating points than anyone compares; a stream that never ends
 * (a FIFO, a generator) stops here instead of filling memory. */
#define POINTS_MAX 1000000u

typedef struct points points_t;

/* Reads the header row; rows will be added to `set` after its current end.
 * `path` is the file as given (rows named by their threshold alone take
 * the file's name), `fname` its sanitised name for messages. NULL with
 * "fname:line: ..." in `d` when the name or every rate column is missing,
 * or a column appears twice. */
points_t *points_begin(const csvrow_t *header, pointset_t *set, const input_opts_t *opts, const char *path,
                       const char *fname, diag_t *d);
/* Adds the point of one row, which has the header's width (load.c refuses
 * ragged rows before). -1 with "fname:line:col: ..." in `d` for a bad cell,
 * an empty name, a name the name column repeats, or past POINTS_MAX. */
int points_row(points_t *p, const csvrow_t *row);
/* Ends the file: the points of a long table (--category-column) settled
 * from their categories, names made unique (names_tell_apart), one warning
 * listing the lines of points lacking a rate, the rows --where left out
 * added to the set's count, the knob column's name given to the set when
 * it has none. -1 with the error in `d` when --where left out every row. */
int points_finish(points_t *p);
void points_free(points_t *p);
/* The names a table's ASR (asr) or ORR column is read from, for messages:
 * "attack_success_pct, asr_pct, ... (or the counts n_adversarial and
 * attack_successes)". */
const char *points_rate_names(bool asr);

#endif
