#include "config.h"

#include "load/csvread.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK_SIZE (256u * 1024u)
#define CSV_GROWTH_STEP (256u * 1024u)

typedef struct {
    struct csv_parser parser;
    const char *name;
    diag_t *d;
    csvread_fn fn;
    void *ctx;

    long line;             /* physical line now being fed (1-based) */
    size_t col;            /* bytes of this line fed before the current segment */
    long record_line;      /* line the current record started on; 0 between records */
    long field_line;       /* line the current field started on */
    bool stopped;

    char *arena;           /* bytes of the current row's fields, NUL after each */
    size_t arena_len, arena_cap;
    size_t *offsets, *lens;
    char **ptrs;
    size_t nfields, fields_cap;
} reader_t;

static void on_field(void *data, size_t len, void *ctx)
{
    reader_t *r = ctx;
    if (r->stopped)
        return;
    if (r->nfields >= CSVREAD_MAX_FIELDS) {
        diag_error(r->d, "%s:%ld: more than %u columns in one row: not an operating-point table?",
                   r->name, r->record_line, CSVREAD_MAX_FIELDS);
        r->stopped = true;
        return;
    }
    r->arena = xgrow(r->arena, &r->arena_cap, r->arena_len + len + 1, 1);
    if (len)
        memcpy(r->arena + r->arena_len, data, len);
    r->arena[r->arena_len + len] = '\0';
    if (r->nfields >= r->fields_cap) {
        size_t cap = r->fields_cap;
        r->offsets = xgrow(r->offsets, &cap, r->nfields + 1, sizeof *r->offsets);
        cap = r->fields_cap;
        r->lens = xgrow(r->lens, &cap, r->nfields + 1, sizeof *r->lens);
        r->ptrs = xgrow(r->ptrs, &r->fields_cap, r->nfields + 1, sizeof *r->ptrs);
    }
    r->offsets[r->nfields] = r->arena_len;
    r->lens[r->nfields] = len;
    r->nfields++;
    r->arena_len += len + 1;
    r->field_line = r->line;
}

static bool row_is_blank(const reader_t *r)
{
    for (size_t i = 0; i < r->nfields; i++)
        if (r->lens[i] != 0)
            return false;
    return true;
}

static void on_row(int terminator, void *ctx)
{
    (void)terminator;
    reader_t *r = ctx;
    if (!r->stopped && !row_is_blank(r)) {
        for (size_t i = 0; i < r->nfields; i++)
            r->ptrs[i] = r->arena + r->offsets[i];
        csvrow_t row = {r->name, r->record_line, r->nfields, r->ptrs, r->lens};
        if (r->fn(&row, r->ctx) != 0)
            r->stopped = true;
    }
    r->nfields = 0;
    r->arena_len = 0;
    r->record_line = 0;
}

static void report_parse_error(reader_t *r, size_t at)
{
    int err = csv_error(&r->parser);
    if (err == CSV_EPARSE)
        diag_error(r->d,
                   "%s:%ld:%zu: unexpected quote character: a field with a quote must be wholly "
                   "quoted, with inner quotes doubled (\"say \"\"hi\"\"\")",
                   r->name, r->line, r->col + at + 1);
    else
        diag_error(r->d, "%s:%ld: CSV error: %s", r->name, r->line, csv_strerror(err));
    r->stopped = true;
}

/* Feeds one piece of a physical line (which may end with its '\n'). */
static void feed_segment(reader_t *r, const char *s, size_t n, bool ends_line)
{
    if (r->record_line == 0) {
        /* Between records, a blank line is skipped so that the next record
         * gets its own line number. */
        if (r->col == 0 && ends_line && (n == 1 || (n == 2 && s[0] == '\r'))) {
            r->line++;
            return;
        }
        r->record_line = r->line;
        r->field_line = r->line;
    }
    size_t done = csv_parse(&r->parser, s, n, on_field, on_row, r);
    if (done < n && !r->stopped)
        report_parse_error(r, done);
    if (ends_line) {
        r->line++;
        r->col = 0;
    } else {
        r->col += n;
    }
}

static void feed_block(reader_t *r, const char *buf, size_t n)
{
    size_t i = 0;
    while (i < n && !r->stopped) {
        const char *nl = memchr(buf + i, '\n', n - i);
        size_t seg = nl ? (size_t)(nl - (buf + i)) + 1 : n - i;
        if (r->col + seg > CSVREAD_MAX_LINE) {
            diag_error(r->d, "%s:%ld: line is longer than %u MiB: not a CSV file?", r->name, r->line,
                       CSVREAD_MAX_LINE / (1024u * 1024u));
            r->stopped = true;
            return;
        }
        const char *nul = memchr(buf + i, '\0', seg);
        if (nul) {
            diag_error(r->d, "%s:%ld:%zu: NUL byte: this looks like a binary file, not CSV text",
                       r->name, r->line, r->col + (size_t)(nul - (buf + i)) + 1);
            r->stopped = true;
            return;
        }
        feed_segment(r, buf + i, seg, nl != NULL);
        i += seg;
    }
}

static void reader_init(reader_t *r, const char *name, csvread_fn fn, void *ctx, diag_t *d)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->fn = fn;
    r->ctx = ctx;
    r->d = d;
    r->line = 1;
    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    /* libcsv grows a field's buffer by a fixed step, 128 bytes by default:
     * quadratic copying on a 10 MB cell, minutes under a sanitizer. */
    csv_set_blk_size(&r->parser, CSV_GROWTH_STEP);
}

static int reader_finish(reader_t *r)
{
    if (!r->stopped && csv_fini(&r->parser, on_field, on_row, r) != 0 && !r->stopped) {
        diag_error(r->d,
                   "%s:%ld: a quoted field that starts on this line is never closed "
                   "(a stray quote?)",
                   r->name, r->field_line ? r->field_line : r->line);
        r->stopped = true;
    }
    csv_free(&r->parser);
    free(r->arena);
    free(r->offsets);
    free(r->lens);
    free(r->ptrs);
    return r->stopped ? -1 : 0;
}

/* Skips a UTF-8 byte-order mark at the very start of the data. */
static size_t bom_length(const char *buf, size_t n)
{
    return n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

int csvread_buffer(const char *name, const char *data, size_t len, csvread_fn fn, void *ctx, diag_t *d)
{
    reader_t r;
    reader_init(&r, name, fn, ctx, d);
    size_t skip = bom_length(data, len);
    feed_block(&r, data + skip, len - skip);
    return reader_finish(&r);
}

static int open_input(const char *path, const char *name, diag_t *d, unsigned long long *size)
{
    if (strcmp(path, "-") == 0) {
        *size = 0;
        return STDIN_FILENO;
    }
    /* O_NONBLOCK: opening a named pipe would otherwise wait, maybe forever,
     * for a writer. Reads block again once it is open. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        diag_error(d, "%s: cannot open: %s", name, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        diag_error(d, "%s: cannot read: %s", name, strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_error(d, "%s: is a directory, expected a CSV file", name);
        close(fd);
        return -1;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > CSVREAD_MAX_BYTES) {
        diag_error(d, "%s: file is larger than %llu MiB: not a table tradeoff reads (per-prompt "
                      "results can be summed into bins first)", name, CSVREAD_MAX_BYTES >> 20);
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    *size = S_ISREG(st.st_mode) ? (unsigned long long)st.st_size : 0;
    return fd;
}

/* A named pipe that gives nothing at all has no writer (or an idle one):
 * say so, rather than "file is empty". */
static bool is_fifo(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode);
}

int csvread_file_progress(const char *path, csvread_fn fn, void *ctx, diag_t *d,
                          csvread_progress_fn progress)
{
    char *name = text_sanitize(path, strlen(path));
    unsigned long long size = 0, done = 0;
    int fd = open_input(path, name, d, &size);
    if (fd < 0) {
        free(name);
        return -1;
    }
    reader_t r;
    reader_init(&r, name, fn, ctx, d);
    char *buf = xmalloc(BLOCK_SIZE);
    bool first = true;
    while (!r.stopped) {
        ssize_t n = read(fd, buf, BLOCK_SIZE);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            diag_error(d, "%s: read error: %s", name, strerror(errno));
            r.stopped = true;
            break;
        }
        if (n == 0 && done == 0 && fd != STDIN_FILENO && is_fifo(fd)) {
            diag_error(d, "%s: a named pipe (FIFO) that nothing was written to: expected a CSV file", name);
            r.stopped = true;
            break;
        }
        if (n == 0)
            break;
        if (done + (unsigned long long)n > CSVREAD_MAX_BYTES) {
            diag_error(d, "%s: more than %llu MiB read: not a table tradeoff reads (a device or "
                          "pipe that never ends?)", name, CSVREAD_MAX_BYTES >> 20);
            r.stopped = true;
            break;
        }
        size_t skip = first ? bom_length(buf, (size_t)n) : 0;
        first = false;
        feed_block(&r, buf + skip, (size_t)n - skip);
        done += (unsigned long long)n;
        if (progress)
            progress(done, size, ctx);
    }
    free(buf);
    if (fd != STDIN_FILENO)
        close(fd);
    int rc = reader_finish(&r);
    free(name);
    return rc;
}

int csvread_file(const char *path, csvread_fn fn, void *ctx, diag_t *d)
{
    return csvread_file_progress(path, fn, ctx, d, NULL);
}
