/* groupcols: the columns of an operating-point table that name each row's
 * measurement group (core/groups.h; README, "Measurement groups").
 *
 * --group-columns COL[,COL...] names them (each must exist). Without it a
 * column called `group` (or `measurement_group`, as `tradeoff report
 * --format csv` writes it) names the group alone; else every column among
 * GROUPCOLS_DEFAULT present (the harmful set, the benign set and the judge,
 * under their usual names) does, in column order. The group's name is their
 * values joined by " / ", an empty cell read as "(none)"; rows of several
 * files with the same values share a group. A table with none of them is
 * one group named after the file, its points assumed comparable. */
#ifndef TRADEOFF_GROUPCOLS_H
#define TRADEOFF_GROUPCOLS_H

#include "base/diag.h"
#include "core/point.h"
#include "load/csvread.h"
#include "load/input.h"

#include <stdbool.h>
#include <stddef.h>

#define GROUPCOLS_SOLE "group,measurement_group"
#define GROUPCOLS_DEFAULT                                                                                      \
    "adversarial_set,harmful_set,attack_set,benchmark,dataset,eval,evaluation,benign_set,overrefusal_set,"     \
    "over_refusal_set,judge,judge_model,grader,evaluator"
/* --group-columns none: every point in one group, on purpose. */
#define GROUPCOLS_NONE "none"
#define GROUPCOLS_POOLED_NAME "all points (pooled)"
/* What an empty cell of a group column reads as. */
#define GROUPCOLS_EMPTY "(none)"
/* The group of the built-in scenario. */
#define GROUPCOLS_BUILTIN_NAME "built-in scenario"

typedef struct {
    int *cols;   /* the group columns, in column order */
    size_t n;    /* 0: the file names no group */
} groupcols_t;

/* True when --group-columns pools every point (GROUPCOLS_NONE). */
bool groupcols_pooled(const input_opts_t *opts);
/* Finds the group columns of a header (sanitised cells). False with
 * "fname:line: --group-columns: no column 'X'; found: ..." in `d` when a
 * column the flag names is missing. */
bool groupcols_init(groupcols_t *gc, char *const *header, size_t ncols, const input_opts_t *opts,
                    const char *fname, long line, diag_t *d);
/* Gives `p` the group of its row (a row of the header's width): the
 * columns' values (POINT_GROUP_COLUMNS), or the file `fname` when there are
 * none (POINT_GROUP_FILE). */
void groupcols_apply(const groupcols_t *gc, const csvrow_t *row, const char *fname, point_t *p);
void groupcols_free(groupcols_t *gc);

#endif
