#include "config.h"

#include "base/diag.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *format(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static char *format(const char *fmt, va_list ap)
{
    sb_t sb = SB_INIT;
    sb_vprintf(&sb, fmt, ap);
    return sb_detach(&sb);
}

void diag_error(diag_t *d, const char *fmt, ...)
{
    if (d->error)
        return;
    va_list ap;
    va_start(ap, fmt);
    d->error = format(fmt, ap);
    va_end(ap);
}

static long *copy_lines(const long *lines, size_t n)
{
    if (n == 0)
        return NULL;
    long *c = xmalloc(n * sizeof *c);
    memcpy(c, lines, n * sizeof *c);
    return c;
}

/* "2 points", "1,935 rows". */
static void count_of(sb_t *sb, size_t n, const char *noun)
{
    char c[32];
    sb_printf(sb, "%s %s%s", num_format_int((double)n, c, sizeof c), noun ? noun : "row", n == 1 ? "" : "s");
}

/* "a.csv: ", "a.csv:4:2: " or "a.csv: 2 points (lines 3, 5) ": where a
 * warning is, every line listed. */
static void where_full(sb_t *sb, const diag_warning_t *w)
{
    if (!w->file)
        return;
    sb_puts(sb, w->file);
    if (w->noun) {
        sb_puts(sb, ": ");
        count_of(sb, w->nlines, w->noun);
        sb_puts(sb, w->nlines == 1 ? " (line " : " (lines ");
        for (size_t i = 0; i < w->nlines; i++)
            sb_printf(sb, "%s%ld", i ? ", " : "", w->lines[i]);
        sb_puts(sb, ") ");
        return;
    }
    if (w->nlines >= 1) {
        sb_printf(sb, ":%ld", w->lines[0]);
        if (w->col > 0)
            sb_printf(sb, ":%d", w->col);
    }
    sb_puts(sb, ": ");
}

/* Adds a warning made of its parts (taking `text`), and its full text. */
static void add(diag_t *d, diag_warning_t w)
{
    d->warnings = xgrow(d->warnings, &d->cap, d->nwarnings + 1, sizeof *d->warnings);
    d->parts = xgrow(d->parts, &d->parts_cap, d->nwarnings + 1, sizeof *d->parts);
    sb_t full = SB_INIT;
    where_full(&full, &w);
    sb_puts(&full, w.text);
    d->parts[d->nwarnings] = w;
    d->warnings[d->nwarnings++] = sb_detach(&full);
}

void diag_warn(diag_t *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, (diag_warning_t){.text = format(fmt, ap)});
    va_end(ap);
}

void diag_note(diag_t *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    d->notes = xgrow(d->notes, &d->notes_cap, d->nnotes + 1, sizeof *d->notes);
    d->notes[d->nnotes++] = format(fmt, ap);
    va_end(ap);
}

void diag_warn_file(diag_t *d, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, (diag_warning_t){.file = xstrdup(file), .text = format(fmt, ap)});
    va_end(ap);
}

void diag_warn_at(diag_t *d, const char *file, long line, int col, long point_line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_warning_t w = {.file = xstrdup(file), .lines = copy_lines(&line, 1), .nlines = 1, .col = col,
                        .text = format(fmt, ap)};
    if (point_line > 0) {
        w.points = copy_lines(&point_line, 1);
        w.npoints = 1;
    }
    add(d, w);
    va_end(ap);
}

void diag_warn_lines(diag_t *d, const char *file, const char *noun, const long *lines, size_t n, const char *fmt,
                     ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, (diag_warning_t){.file = xstrdup(file), .lines = copy_lines(lines, n), .nlines = n,
                            .text = format(fmt, ap), .noun = xstrdup(noun), .points = copy_lines(lines, n),
                            .npoints = n});
    va_end(ap);
}

static void warning_free(diag_warning_t *w)
{
    free(w->file);
    free(w->lines);
    free(w->text);
    free(w->noun);
    free(w->points);
}

void diag_last_warning_to_error(diag_t *d)
{
    if (d->nwarnings == 0)
        return;
    d->nwarnings--;
    if (!d->error)
        d->error = d->warnings[d->nwarnings];
    else
        free(d->warnings[d->nwarnings]);
    warning_free(&d->parts[d->nwarnings]);
}

void diag_take_warnings(diag_t *to, diag_t *from)
{
    for (size_t i = 0; i < from->nwarnings; i++) {
        to->warnings = xgrow(to->warnings, &to->cap, to->nwarnings + 1, sizeof *to->warnings);
        to->parts = xgrow(to->parts, &to->parts_cap, to->nwarnings + 1, sizeof *to->parts);
        to->warnings[to->nwarnings] = from->warnings[i];
        to->parts[to->nwarnings++] = from->parts[i];
    }
    from->nwarnings = 0;
}

bool diag_failed(const diag_t *d) { return d->error != NULL; }

void diag_free(diag_t *d)
{
    free(d->error);
    for (size_t i = 0; i < d->nwarnings; i++) {
        free(d->warnings[i]);
        warning_free(&d->parts[i]);
    }
    free(d->warnings);
    free(d->parts);
    for (size_t i = 0; i < d->nnotes; i++)
        free(d->notes[i]);
    free(d->notes);
    *d = (diag_t)DIAG_INIT;
}

bool diag_warning_about(const diag_t *d, size_t i, const char *file, long line)
{
    const diag_warning_t *w = &d->parts[i];
    if (!w->file || !file || strcmp(w->file, file) != 0)
        return false;
    if (w->npoints == 0)
        return true;
    for (size_t k = 0; k < w->npoints; k++)
        if (w->points[k] == line)
            return true;
    return false;
}

/* ------------------------------------------------------------------------
 * Condensing. */

/* The most line ranges and file names a condensed warning lists. */
#define CONDENSE_RANGES 5
#define CONDENSE_FILES 2

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* "lines 2–16, 18, 20–40 and 12 more ranges" of sorted, distinct lines. */
static void line_ranges(sb_t *sb, const long *lines, size_t n)
{
    char a[32], b[32];
    size_t shown = 0, total = 0;
    sb_puts(sb, n == 1 ? "line " : "lines ");
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && lines[j + 1] == lines[j] + 1)
            j++;
        if (shown < CONDENSE_RANGES) {
            sb_printf(sb, "%s%s", shown ? ", " : "", num_format_int((double)lines[i], a, sizeof a));
            if (j > i)
                sb_printf(sb, "\xe2\x80\x93%s", num_format_int((double)lines[j], b, sizeof b));
            shown++;
        }
        total++;
        i = j + 1;
    }
    if (total > shown)
        sb_printf(sb, " and %zu more range%s", total - shown, total - shown == 1 ? "" : "s");
}

/* One condensed warning: the warnings with one text, in order. */
typedef struct {
    size_t first;        /* the index of its first warning */
    const size_t *items; /* the indexes of its warnings, ascending */
    size_t nitems;
} group_t;

static const diag_t *sort_diag; /* qsort has no context argument in C11 */

/* Two warnings say the same (of different files or lines) when their text
 * and noun are the same: 0, else their order. */
static int same_kind(const diag_warning_t *x, const diag_warning_t *y)
{
    int c = strcmp(x->text, y->text);
    if (c || !x->noun != !y->noun)
        return c ? c : x->noun ? 1 : -1;
    return x->noun ? strcmp(x->noun, y->noun) : 0;
}

/* Warnings about files by their text, then in order; free text last. */
static int by_text(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    const diag_warning_t *x = &sort_diag->parts[i], *y = &sort_diag->parts[j];
    if (!x->file != !y->file)
        return x->file ? -1 : 1;
    int c = x->file ? same_kind(x, y) : 0;
    return c ? c : i < j ? -1 : i > j;
}

static int by_first(const void *a, const void *b)
{
    size_t i = ((const group_t *)a)->first, j = ((const group_t *)b)->first;
    return i < j ? -1 : i > j;
}

/* "a.csv: 1,935 rows (lines 2–1,936): TEXT", "18 files (a.csv, b.csv and
 * 16 more): TEXT" or the warning as it is. */
static void condense_group(sb_t *out, const diag_t *d, const group_t *g)
{
    const diag_warning_t *w0 = &d->parts[g->first];
    const char **files = xmalloc(g->nitems * sizeof *files);
    size_t nfiles = 0, nlines = 0;
    for (size_t k = 0; k < g->nitems; k++) {
        const diag_warning_t *w = &d->parts[g->items[k]];
        nlines += w->nlines;
        size_t f = 0;
        while (f < nfiles && strcmp(files[f], w->file) != 0)
            f++;
        if (f == nfiles)
            files[nfiles++] = w->file;
    }
    if (g->nitems == 1 && w0->nlines <= 1 && !w0->noun) {
        sb_puts(out, d->warnings[g->first]);
    } else if (nfiles == 1) {
        long *lines = xmalloc((nlines ? nlines : 1) * sizeof *lines);
        size_t n = 0;
        for (size_t k = 0; k < g->nitems; k++) {
            const diag_warning_t *w = &d->parts[g->items[k]];
            if (w->nlines) /* lines is NULL for none: no memcpy of NULL */
                memcpy(lines + n, w->lines, w->nlines * sizeof *lines);
            n += w->nlines;
        }
        qsort(lines, n, sizeof *lines, cmp_long);
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (m == 0 || lines[i] != lines[m - 1])
                lines[m++] = lines[i];
        sb_printf(out, "%s: ", w0->file);
        if (m > 0) {
            count_of(out, m, w0->noun);
            sb_puts(out, " (");
            line_ranges(out, lines, m);
            sb_puts(out, w0->noun ? ") " : "): ");
        }
        sb_puts(out, w0->text);
        free(lines);
    } else {
        sb_printf(out, "%zu files (", nfiles);
        for (size_t k = 0; k < nfiles && k < CONDENSE_FILES; k++)
            sb_printf(out, "%s%s", k ? (k + 1 == nfiles ? " and " : ", ") : "", files[k]);
        if (nfiles > CONDENSE_FILES)
            sb_printf(out, " and %zu more", nfiles - CONDENSE_FILES);
        sb_puts(out, "): ");
        if (nlines > 0) {
            count_of(out, nlines, w0->noun);
            sb_puts(out, w0->noun ? " " : ": ");
        }
        sb_puts(out, w0->text);
    }
    free(files);
}

char **diag_condense(const diag_t *d, size_t *n)
{
    size_t total = d->nwarnings;
    size_t *idx = xmalloc((total ? total : 1) * sizeof *idx);
    group_t *groups = xmalloc((total ? total : 1) * sizeof *groups);
    for (size_t i = 0; i < total; i++)
        idx[i] = i;
    /* Sorted by text, a text's warnings are neighbours: O(n log n), for
     * files that give a warning per row. */
    sort_diag = d;
    qsort(idx, total, sizeof *idx, by_text);
    size_t ng = 0;
    for (size_t i = 0; i < total;) {
        size_t j = i + 1;
        const diag_warning_t *w = &d->parts[idx[i]];
        while (w->file && j < total && d->parts[idx[j]].file && same_kind(&d->parts[idx[j]], w) == 0)
            j++;
        groups[ng++] = (group_t){idx[i], idx + i, j - i};
        i = j;
    }
    qsort(groups, ng, sizeof *groups, by_first);
    char **lines = xmalloc((ng ? ng : 1) * sizeof *lines);
    for (size_t k = 0; k < ng; k++) {
        sb_t one = SB_INIT;
        condense_group(&one, d, &groups[k]);
        lines[k] = sb_detach(&one);
    }
    *n = ng;
    free(groups);
    free(idx);
    return lines;
}

void diag_condensed_free(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}
