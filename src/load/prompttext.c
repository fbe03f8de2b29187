/* prompttext: the rows of a few prompts read again, each at its offset. */
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
#include <unistd.h>

/* The first whole row of a window of the file. */
typedef struct {
    const promptlog_t *log;
    size_t i;            /* the prompt */
    prompttext_t *out;
    bool taken;
    bool changed;        /* the row there no longer holds the prompt's key */
} fetch_t;

static char *line_id(uint32_t line)
{
    char buf[32];
    snprintf(buf, sizeof buf, "line %u", line);
    return xstrdup(buf);
}

static int take(const csvrow_t *row, void *ctx)
{
    fetch_t *f = ctx;
    const promptlog_t *log = f->log;
    int kc = log->key_col, tc = log->text_col;
    bool has_key = kc >= 0 && (size_t)kc < row->nfields, has_text = tc >= 0 && (size_t)tc < row->nfields;
    f->taken = true;
    if (kc >= 0 && (!has_key || promptlog_hash(row->fields[kc], row->lens[kc]) != log->key[f->i])) {
        f->changed = true;
        return 1;
    }
    f->out->id = has_key ? text_sanitize(row->fields[kc], row->lens[kc]) : line_id(log->line[f->i]);
    f->out->text = has_text ? text_sanitize(row->fields[tc], row->lens[tc]) : NULL;
    return 1; /* one row is all */
}

/* The row at prompt i's offset: a window of the file from there, cut after
 * its last newline (so that only whole rows are parsed), grown until it
 * holds the row (a quoted cell may span lines) or passes the longest line
 * a file may have. False when the file cannot be read there. */
static bool read_row(int fd, const char *name, fetch_t *f, char **buf, size_t *cap)
{
    unsigned long long at = f->log->offset[f->i];
    for (size_t want = 4096; want <= 2 * (size_t)CSVREAD_MAX_LINE; want *= 2) {
        *buf = xgrow(*buf, cap, want, 1);
        ssize_t n = pread(fd, *buf, want, (off_t)at);
        if (n <= 0)
            return false;
        size_t len = (size_t)n;
        if ((size_t)n == want) /* more follows: keep whole lines only */
            while (len > 0 && (*buf)[len - 1] != '\n')
                len--;
        diag_t scratch = DIAG_INIT; /* a row cut short is read again, longer */
        if (len > 0)
            csvread_buffer(name, *buf, len, take, f, &scratch);
        diag_free(&scratch);
        if (f->taken || (size_t)n < want)
            return f->taken;
    }
    return false;
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
    csvsource_t src;
    diag_t rd = DIAG_INIT;
    bool open = csvread_open(&src, log->source, &rd) == 0 && src.rereadable;
    char *buf = NULL;
    size_t cap = 0;
    long changed = 0, unread = 0;
    for (size_t k = 0; open && k < n; k++) {
        fetch_t f = {log, idx[k], &out[k], false, false};
        if (!read_row(src.fd, src.name, &f, &buf, &cap))
            unread = unread ? unread : (long)log->line[idx[k]];
        else if (f.changed && !changed)
            changed = (long)log->line[idx[k]];
    }
    free(buf);
    csvread_close(&src);
    for (size_t k = 0; k < n; k++)
        if (!out[k].id)
            out[k].id = line_id(log->line[idx[k]]);
    if (!open)
        diag_warn_file(d, log->shown, "cannot read the file again (%s): prompts are shown by line",
                       rd.error ? rd.error : "not a regular file");
    else if (changed || unread)
        diag_warn_at(d, log->shown, changed ? changed : unread, 0, 0,
                     "the file changed since it was read (its %s is not the one read before): prompts are shown "
                     "by line",
                     log->key_name ? log->key_name : "row");
    diag_free(&rd);
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
