/* groupcols: which columns name a row's measurement group, and the name. */
#include "config.h"

#include "load/groupcols.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "load/csvcell.h"
#include "load/csvheader.h"
#include "load/promptset.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool groupcols_pooled(const input_opts_t *opts)
{
    if (!opts->group_columns)
        return false;
    const char *p = opts->group_columns + strspn(opts->group_columns, " ");
    size_t n = strlen(p);
    while (n > 0 && p[n - 1] == ' ')
        n--;
    return n == strlen(GROUPCOLS_NONE) && strncasecmp(p, GROUPCOLS_NONE, n) == 0;
}

static void add_col(groupcols_t *gc, int col)
{
    for (size_t k = 0; k < gc->n; k++)
        if (gc->cols[k] == col)
            return;
    gc->cols = xrealloc(gc->cols, (gc->n + 1) * sizeof *gc->cols);
    gc->cols[gc->n++] = col;
}

static int by_column(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The columns --group-columns names, in the order given. */
static bool named_columns(groupcols_t *gc, char *const *header, size_t ncols, const char *names, const char *fname,
                          long line, diag_t *d)
{
    vlist_t l;
    vlist_parse(&l, names);
    bool ok = l.len > 0;
    if (!ok)
        diag_error(d, "--group-columns '%s': expected column names separated by commas, or none", names);
    for (size_t i = 0; i < l.len && ok; i++) {
        int col = csvheader_require(header, ncols, l.items[i], "--group-columns", fname, line, d);
        if (col < 0) {
            ok = false;
        } else {
            add_col(gc, col);
        }
    }
    vlist_free(&l);
    return ok;
}

/* Every column among the default names, in column order. */
static void default_columns(groupcols_t *gc, char *const *header, size_t ncols)
{
    int sole = csvheader_find(header, ncols, GROUPCOLS_SOLE);
    if (sole >= 0) {
        add_col(gc, sole);
        return;
    }
    vlist_t l;
    vlist_parse(&l, GROUPCOLS_DEFAULT);
    for (size_t i = 0; i < ncols; i++)
        for (size_t k = 0; k < l.len; k++)
            if (csvheader_is(header[i], l.items[k])) {
                add_col(gc, (int)i);
                break;
            }
    vlist_free(&l);
    if (gc->n > 1)
        qsort(gc->cols, gc->n, sizeof *gc->cols, by_column);
}

bool groupcols_init(groupcols_t *gc, char *const *header, size_t ncols, const input_opts_t *opts,
                    const char *fname, long line, diag_t *d)
{
    memset(gc, 0, sizeof *gc);
    if (groupcols_pooled(opts))
        return true; /* load.c pools every point of every file */
    if (opts->group_columns)
        return named_columns(gc, header, ncols, opts->group_columns, fname, line, d);
    default_columns(gc, header, ncols);
    return true;
}

void groupcols_apply(const groupcols_t *gc, const csvrow_t *row, const char *fname, point_t *p)
{
    if (gc->n == 0) {
        point_set_group(p, fname, POINT_GROUP_FILE);
        return;
    }
    sb_t name = SB_INIT;
    for (size_t k = 0; k < gc->n; k++) {
        int c = gc->cols[k];
        if (k)
            sb_puts(&name, " / ");
        const char *cell = row->fields[c];
        size_t len = row->lens[c];
        /* " OR-Bench" and "OR-Bench" are one set */
        while (len > 0 && (*cell == ' ' || *cell == '\t'))
            cell++, len--;
        while (len > 0 && (cell[len - 1] == ' ' || cell[len - 1] == '\t'))
            len--;
        if (csvcell_blank(cell, len)) {
            sb_puts(&name, GROUPCOLS_EMPTY);
        } else {
            char *v = text_sanitize(cell, len);
            sb_puts(&name, v);
            free(v);
        }
    }
    point_set_group(p, sb_str(&name), POINT_GROUP_COLUMNS);
    sb_free(&name);
}

void groupcols_free(groupcols_t *gc)
{
    free(gc->cols);
    memset(gc, 0, sizeof *gc);
}
