/* rowfilter: --where, the rows of an operating-point table to keep.
 *
 *   COL=VALUE   the cell is VALUE (trimmed text; as numbers when both are
 *               numbers, so 0.50 = 0.5)
 *   COL!=VALUE  it is not
 *   COL~TEXT    it contains TEXT, ignoring case
 *   COL!~TEXT   it does not
 *
 * Several filters are combined with AND. The column is found as every
 * header name is (csvheader.h); one that is not there is an error listing
 * the columns found. The rows left out are counted and said where the
 * points are (NUMBERS.md, rule 6: pointset_t.rows_filtered). */
#ifndef TRADEOFF_ROWFILTER_H
#define TRADEOFF_ROWFILTER_H

#include "base/diag.h"
#include "load/csvread.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { ROWFILTER_EQ, ROWFILTER_NE, ROWFILTER_CONTAINS, ROWFILTER_LACKS } rowfilter_op_t;

typedef struct {
    char *column;
    rowfilter_op_t op;
    char *value;
    int col; /* the column in the header (rowfilter_bind); -1 before */
} rowfilter_t;

/* Parses one expression: NULL, or what was expected. */
const char *rowfilter_parse(const char *expr, rowfilter_t *f);
void rowfilter_free(rowfilter_t *f);
/* Parses `n` expressions and finds their columns in `header`: an array of
 * n filters, or NULL with "fname:line: --where 'EXPR': ..." in `d`. */
rowfilter_t *rowfilter_begin(const char *const *exprs, size_t n, char *const *header, size_t ncols,
                             const char *fname, long line, diag_t *d);
void rowfilter_end(rowfilter_t *f, size_t n);
/* True when the row passes every filter. */
bool rowfilter_keep(const rowfilter_t *f, size_t n, const csvrow_t *row);

#endif
