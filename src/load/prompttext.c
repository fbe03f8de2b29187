/* prompttext: one more pass over a file for the texts of a few prompts. */
#include "config.h"

#include "load/prompttext.h"
#include "load/csvread.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t line;
    size_t k; /* into out */
} wanted_t;

typedef struct {
    const promptlog_t *log;
    const size_t *idx;
    prompttext_t *out;
    wanted_t *want;
    size_t n, next;
    bool header_seen;
    long changed_line; /* first row that no longer holds its key; 0: none */
} fetch_t;

static int by_line(const void *x, const void *y)
{
    const wanted_t *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

static char *line_id(uint32_t line)
{
    char buf[32];
    snprintf(buf, sizeof buf, "line %u", line);
    return xstrdup(buf);
}

static void take(fetch_t *f, const csvrow_t *row, size_t k)
{
    const promptlog_t *log = f->log;
    size_t i = f->idx[k];
    int kc = log->key_col, tc = log->text_col;
    bool has_key = kc >= 0 && (size_t)kc < row->nfields, has_text = tc >= 0 && (size_t)tc < row->nfields;
    if (kc >= 0 && (!has_key || promptlog_hash(row->fields[kc], row->lens[kc]) != log->key[i])) {
        if (!f->changed_line)
            f->changed_line = row->line;
        return; /* left for the line id */
    }
    f->out[k].id = has_key ? text_sanitize(row->fields[kc], row->lens[kc]) : line_id(log->line[i]);
    f->out[k].text = has_text ? text_sanitize(row->fields[tc], row->lens[tc]) : NULL;
}

static int on_row(const csvrow_t *row, void *ctx)
{
    fetch_t *f = ctx;
    if (!f->header_seen) {
        f->header_seen = true;
        return 0;
    }
    while (f->next < f->n && f->want[f->next].line < (uint32_t)row->line)
        f->next++;
    while (f->next < f->n && f->want[f->next].line == (uint32_t)row->line)
        take(f, row, f->want[f->next++].k);
    return f->next < f->n ? 0 : 1; /* 1: all found, stop reading */
}

/* From the texts the log kept (an input read once). */
static void from_kept(const promptlog_t *log, const size_t *idx, size_t n, prompttext_t *out)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = idx[k];
        out[k].id = log->kept_id[i] ? xstrdup(log->kept_id[i]) : line_id(log->line[i]);
        out[k].text = log->kept_text[i] ? xstrdup(log->kept_text[i]) : NULL;
    }
}

static void from_file(const promptlog_t *log, const size_t *idx, size_t n, prompttext_t *out, diag_t *d)
{
    fetch_t f = {log, idx, out, xcalloc(n, sizeof *f.want), n, 0, false, 0};
    for (size_t k = 0; k < n; k++)
        f.want[k] = (wanted_t){log->line[idx[k]], k};
    qsort(f.want, n, sizeof *f.want, by_line);
    csvsource_t src;
    diag_t rd = DIAG_INIT;
    if (csvread_open(&src, log->source, &rd) == 0)
        csvread_source(&src, on_row, &f, &rd);
    csvread_close(&src);
    bool missing = false;
    for (size_t k = 0; k < n; k++)
        if (!out[k].id) {
            out[k].id = line_id(log->line[idx[k]]);
            missing = true;
        }
    if (f.changed_line)
        diag_warn(d, "%s:%ld: the file changed since it was read (its %s is not the one read before): prompts are "
                     "shown by line",
                  log->shown, f.changed_line, log->key_name);
    else if (missing && log->key_col >= 0)
        diag_warn(d, "%s: cannot read the file again (%s): prompts are shown by line", log->shown,
                  rd.error ? rd.error : "it has fewer rows than before");
    diag_free(&rd);
    free(f.want);
}

void prompttext_fetch(const promptlog_t *log, const size_t *idx, size_t n, prompttext_t *out, diag_t *d)
{
    memset(out, 0, n * sizeof *out);
    if (n == 0)
        return;
    if (log->kept_id)
        from_kept(log, idx, n, out);
    else
        from_file(log, idx, n, out, d);
}

void prompttext_free(prompttext_t *t, size_t n)
{
    for (size_t k = 0; t && k < n; k++) {
        free(t[k].id);
        free(t[k].text);
    }
}
