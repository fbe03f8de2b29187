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
    bool after_cr;         /* the last segment fed ended with a carriage return */
    long record_line;      /* line the current record started on; 0 between records */
    long field_line;       /* line the current field started on */
    unsigned long long data_off;   /* input offset of the block being fed */
    unsigned long long seg_off;    /* ... of the segment being fed */
    unsigned long long record_off; /* ... where the current record started */
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
        csvrow_t row = {r->name, r->record_line, r->nfields, r->ptrs, r->lens, r->record_off};
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

/* Feeds one piece of a physical line (which may end with its '\n'). A
 * record starts at the start of a piece: feed_block cuts after a carriage
 * return that ends a record without ending the line. */
static void feed_segment(reader_t *r, const char *s, size_t n, bool ends_line)
{
    bool after_cr = r->after_cr;
    r->after_cr = s[n - 1] == '\r';
    if (r->record_line == 0) {
        /* Between records, a blank line (or the '\n' of a "\r\n" whose
         * '\r' ended the record) is skipped so that the next record gets its
         * own line number; so is a carriage return alone. */
        if (ends_line && ((r->col == 0 && (n == 1 || (n == 2 && s[0] == '\r'))) || (after_cr && n == 1))) {
            r->line++;
            r->col = 0;
            return;
        }
        if (!ends_line && n == 1 && s[0] == '\r') {
            r->col++;
            return;
        }
        r->record_line = r->line;
        r->field_line = r->line;
        r->record_off = r->seg_off;
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

/* The bytes of a segment from buf[i] to `seg` bytes on: up to a carriage
 * return not followed by '\n' when there is one (libcsv ends a record
 * there, inside the line), so that the next record starts a segment of its
 * own with its line and offset. A '\r' that ends the block counts as one:
 * its '\n', if any, starts the next block. */
static size_t cut_at_lone_cr(const char *buf, size_t n, size_t i, size_t seg)
{
    const char *p = buf + i, *end = buf + i + seg;
    while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
        if (p + 1 == buf + n || p[1] != '\n')
            return (size_t)(p - (buf + i)) + 1;
        p++;
    }
    return seg;
}

static void feed_block(reader_t *r, const char *buf, size_t n)
{
    size_t i = 0;
    while (i < n && !r->stopped) {
        const char *nl = memchr(buf + i, '\n', n - i);
        size_t seg = nl ? (size_t)(nl - (buf + i)) + 1 : n - i;
        size_t cut = cut_at_lone_cr(buf, n, i, seg);
        if (cut < seg) {
            seg = cut;
            nl = NULL;
        }
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
        r->seg_off = r->data_off + i;
        feed_segment(r, buf + i, seg, nl != NULL);
        i += seg;
    }
    r->data_off += n;
}

/* The one libcsv setting of every reader. */
static void parser_init(struct csv_parser *p)
{
    csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    /* libcsv grows a field's buffer by a fixed step, 128 bytes by default:
     * quadratic copying on a 10 MB cell, minutes under a sanitizer. */
    csv_set_blk_size(p, CSV_GROWTH_STEP);
}

static void reader_init(reader_t *r, const char *name, csvread_fn fn, void *ctx, diag_t *d)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->fn = fn;
    r->ctx = ctx;
    r->d = d;
    r->line = 1;
    parser_init(&r->parser);
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
    r.data_off = skip;
    feed_block(&r, data + skip, len - skip);
    return reader_finish(&r);
}

int csvread_open(csvsource_t *src, const char *path, diag_t *d)
{
    memset(src, 0, sizeof *src);
    src->fd = -1;
    src->name = text_sanitize(path, strlen(path));
    if (strcmp(path, "-") == 0) {
        src->fd = STDIN_FILENO;
        return 0;
    }
    /* O_NONBLOCK: opening a named pipe would otherwise wait, maybe forever,
     * for a writer. Reads block again once it is open. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        diag_error(d, "%s: cannot open: %s", src->name, strerror(errno));
        return -1;
    }
    src->fd = fd;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        diag_error(d, "%s: cannot read: %s", src->name, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_error(d, "%s: is a directory, expected a CSV file", src->name);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    src->rereadable = S_ISREG(st.st_mode);
    src->fifo = S_ISFIFO(st.st_mode);
    src->size = S_ISREG(st.st_mode) ? (unsigned long long)st.st_size : 0;
    return 0;
}

int csvread_rewind(csvsource_t *src, diag_t *d)
{
    if (!src->rereadable || lseek(src->fd, 0, SEEK_SET) != 0) {
        diag_error(d, "%s: cannot read again from the start: %s", src->name,
                   src->rereadable ? strerror(errno) : "not a regular file");
        return -1;
    }
    src->done = 0;
    return 0;
}

void csvread_close(csvsource_t *src)
{
    if (src->fd >= 0 && src->fd != STDIN_FILENO)
        close(src->fd);
    src->fd = -1;
    free(src->name);
    free(src->buf);
    src->name = src->buf = NULL;
}

/* The next block of input, without the byte-order mark of the first: 1 with
 * the block (maybe empty, when it held only the mark), 0 at the end, -1
 * with the reason in `d`. */
static int next_block(csvsource_t *src, const char **data, size_t *len, diag_t *d)
{
    if (!src->buf)
        src->buf = xmalloc(BLOCK_SIZE);
    ssize_t n;
    do
        n = read(src->fd, src->buf, BLOCK_SIZE);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        diag_error(d, "%s: read error: %s", src->name, strerror(errno));
        return -1;
    }
    /* A named pipe that gives nothing at all has no writer (or an idle
     * one): say so, rather than "file is empty". */
    if (n == 0 && src->done == 0 && src->fifo) {
        diag_error(d, "%s: a named pipe (FIFO) that nothing was written to: expected a CSV file", src->name);
        return -1;
    }
    if (n == 0)
        return 0;
    size_t skip = src->done == 0 ? bom_length(src->buf, (size_t)n) : 0;
    src->done += (unsigned long long)n;
    *data = src->buf + skip;
    *len = (size_t)n - skip;
    return 1;
}

static void report_progress(const csvsource_t *src)
{
    if (src->progress)
        src->progress(src->done, src->size, src->progress_ctx);
}

/* The limit of csvread_limit: false, with the message, when the input is
 * larger. */
static bool within_limit(const csvsource_t *src, diag_t *d)
{
    unsigned long long max = src->max_bytes;
    if (max && (src->size > max || src->done > max)) {
        diag_error(d, "%s: %s %llu MiB%s: %s", src->name, src->size > max ? "file is larger than" : "more than",
                   max >> 20, src->size > max ? "" : " read", src->max_why);
        return false;
    }
    return true;
}

int csvread_limit(csvsource_t *src, unsigned long long max_bytes, const char *why, diag_t *d)
{
    src->max_bytes = max_bytes;
    src->max_why = why;
    return within_limit(src, d) ? 0 : -1;
}

int csvread_source(csvsource_t *src, csvread_fn fn, void *ctx, diag_t *d)
{
    reader_t r;
    reader_init(&r, src->name, fn, ctx, d);
    while (!r.stopped) {
        const char *data;
        size_t len;
        int got = next_block(src, &data, &len, d);
        if (got <= 0 || !within_limit(src, d)) {
            r.stopped = got != 0;
            break;
        }
        r.data_off = src->done - len; /* the block's bytes after a byte-order mark */
        feed_block(&r, data, len);
        report_progress(src);
    }
    return reader_finish(&r);
}

/* True when a block of a fast read holds nothing feed_block would refuse:
 * no NUL byte, and no line longer than CSVREAD_MAX_LINE (its '\n'
 * included), counting the `*open_line` bytes of a line that earlier blocks
 * left open (updated here). A line ending in this block is checked too:
 * lines shorter than a block can only be too long that way. */
static bool block_is_plain(const char *buf, size_t n, unsigned long long *open_line)
{
    if (memchr(buf, '\0', n))
        return false;
    const char *first_nl = memchr(buf, '\n', n);
    size_t head = first_nl ? (size_t)(first_nl - buf) + 1 : n;
    if (*open_line + head > CSVREAD_MAX_LINE)
        return false;
    size_t last = n;
    while (last > 0 && buf[last - 1] != '\n')
        last--;
    *open_line = first_nl ? (unsigned long long)(n - last) : *open_line + n;
    return true;
}

/* ---- the fast read, in pieces ---------------------------------------------- */

ssize_t csvread_at(const csvsource_t *src, char *buf, size_t n, unsigned long long at)
{
    int fd = src->fd;
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, buf + got, n - got, (off_t)(at + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static void probe_field(void *data, size_t len, void *ctx)
{
    (void)data, (void)len;
    *(bool *)ctx = true;
}

static void probe_end(int terminator, void *ctx)
{
    (void)terminator;
    *(bool *)ctx = true;
}

/* How a piece ends that libcsv has been reading: the last piece's end is
 * the file's, and libcsv finishes its last row; another piece ends with a
 * '\n', after which libcsv is between records (a fresh parser there goes
 * on as this one would) unless the '\n' was inside a quoted field. Asking
 * libcsv to finish tells which without a callback of the piece's: either
 * it refuses (an open quoted field, CSV_STRICT_FINI) or it would end a
 * field or a row. */
static csvread_end_t parser_end(struct csv_parser *parser, const csvread_piece_t *pc, bool last)
{
    if (last)
        return csv_fini(parser, pc->field, pc->end, pc->ctx) == 0 && !*pc->stop ? CSVREAD_CLEAN : CSVREAD_GAVE_UP;
    bool called = false;
    return csv_fini(parser, probe_field, probe_end, &called) == 0 && !called ? CSVREAD_CLEAN : CSVREAD_OPEN;
}

/* A piece being read: its buffer holds a row left over from the last block
 * (`carry` bytes) and then the new block. */
typedef struct {
    const csvsource_t *src;
    const csvread_piece_t *pc;
    struct csv_parser parser;
    bool scanning;                /* csvscan so far; libcsv from the first row it left */
    size_t block;                 /* bytes a read; a row longer goes to libcsv
                                     (csvscan reads rows whole) */
    char *buf;
    size_t carry;
    unsigned long long at;        /* the next byte to read */
    unsigned long long open_line; /* block_is_plain's */
} piece_t;

static void piece_progress(const piece_t *p, unsigned long long n)
{
    const csvread_piece_t *pc = p->pc;
    if (!pc->done)
        return;
    unsigned long long done = atomic_fetch_add_explicit(pc->done, n, memory_order_relaxed) + n;
    if (pc->report && p->src->progress)
        p->src->progress(done, p->src->size, p->src->progress_ctx);
}

/* The next block of the piece after the carried row, without the file's
 * byte-order mark: its length (0 at the piece's end), -1 when it cannot be
 * read whole or needs a message. */
static ssize_t piece_block(piece_t *p)
{
    unsigned long long left = p->pc->to - p->at;
    if (left == 0)
        return 0;
    char *data = p->buf + p->carry;
    ssize_t n = csvread_at(p->src, data, left < p->block ? (size_t)left : p->block, p->at);
    if (n <= 0) /* an error, or the file is shorter than it was */
        return -1;
    size_t skip = p->at == 0 ? bom_length(data, (size_t)n) : 0;
    p->at += (unsigned long long)n;
    piece_progress(p, (unsigned long long)n);
    memmove(data, data + skip, (size_t)n - skip);
    n -= (ssize_t)skip;
    if (n == 0 && p->at < p->pc->to) /* a block of the mark alone */
        return piece_block(p);
    return block_is_plain(data, (size_t)n, &p->open_line) ? n : -1;
}

/* Hands the rest of the buffer, from `from`, to libcsv. */
static bool piece_to_libcsv(piece_t *p, size_t from, size_t len)
{
    const csvread_piece_t *pc = p->pc;
    p->scanning = false;
    p->carry = 0;
    return csv_parse(&p->parser, p->buf + from, len - from, pc->field, pc->end, pc->ctx) == len - from;
}

/* Parses a block just read (`n` bytes after the carried row). */
static bool piece_parse(piece_t *p, size_t n)
{
    const csvread_piece_t *pc = p->pc;
    if (!p->scanning)
        return csv_parse(&p->parser, p->buf, n, pc->field, pc->end, pc->ctx) == n;
    size_t len = p->carry + n;
    csvscan_why_t why;
    size_t used = csvscan_run(p->buf, len, pc->last && p->at == pc->to, pc->field, pc->end, pc->ctx, pc->stop, &why);
    if (why == CSVSCAN_STOP)
        return false;
    if (why == CSVSCAN_LIBCSV)
        return piece_to_libcsv(p, used, len);
    p->carry = len - used;
    memmove(p->buf, p->buf + used, p->carry);
    return p->carry <= p->block || piece_to_libcsv(p, 0, p->carry);
}

csvread_end_t csvread_piece(const csvsource_t *src, const csvread_piece_t *pc)
{
    /* A block holds a byte-order mark whole; none is longer than the piece
     * (a small file's pieces need not allocate 512 KiB each). */
    size_t block = pc->block == 0 ? BLOCK_SIZE : pc->block;
    if (block > pc->to - pc->from)
        block = (size_t)(pc->to - pc->from);
    if (block < 3)
        block = 3;
    piece_t p = {.src = src, .pc = pc, .scanning = true, .block = block, .at = pc->from};
    parser_init(&p.parser);
    p.buf = xmalloc(2 * p.block + CSVSCAN_PAD); /* a row carried, a block read */
    csvread_end_t how = CSVREAD_GAVE_UP;
    for (;;) {
        ssize_t n = piece_block(&p);
        if (n < 0 || (n > 0 && !piece_parse(&p, (size_t)n)) || *pc->stop ||
            (pc->halt && atomic_load_explicit(pc->halt, memory_order_relaxed)))
            break;
        if (n == 0) {
            /* The end. Scanned to it, a last piece's final row was read as
             * final, and another piece's last byte is a '\n': nothing is
             * carried but from a file changed meanwhile. */
            how = !p.scanning ? parser_end(&p.parser, pc, pc->last) : p.carry == 0 ? CSVREAD_CLEAN : CSVREAD_OPEN;
            break;
        }
    }
    csv_free(&p.parser);
    free(p.buf);
    return how;
}

csvread_end_t csvread_head(const csvsource_t *src, const csvread_piece_t *pc, const bool *header,
                           unsigned long long *end)
{
    piece_t p = {.src = src, .pc = pc, .block = BLOCK_SIZE, .at = pc->from};
    parser_init(&p.parser);
    p.buf = xmalloc(BLOCK_SIZE + 1);
    csvread_end_t how = CSVREAD_GAVE_UP;
    ssize_t n;
    while ((n = piece_block(&p)) > 0) {
        /* libcsv is fed a line at a time, to know on which one the header
         * row ends. */
        unsigned long long base = p.at - (unsigned long long)n; /* where buf[0] is in the file */
        for (size_t i = 0; i < (size_t)n;) {
            const char *nl = memchr(p.buf + i, '\n', (size_t)n - i);
            size_t seg = nl ? (size_t)(nl - (p.buf + i)) + 1 : (size_t)n - i;
            if (csv_parse(&p.parser, p.buf + i, seg, pc->field, pc->end, pc->ctx) != seg || *pc->stop)
                goto out;
            i += seg;
            if (nl && *header) {
                *end = base + i;
                how = parser_end(&p.parser, pc, false);
                goto out;
            }
        }
    }
    if (n == 0) {
        *end = p.at;
        how = parser_end(&p.parser, pc, true);
    }
out:
    csv_free(&p.parser);
    free(p.buf);
    return how;
}

int csvread_raw(csvsource_t *src, csvread_field_fn field, csvread_end_fn end, void *ctx, const bool *stop)
{
    if (!src->rereadable)
        return 1;
    atomic_ullong done = 0;
    csvread_piece_t pc = {0, src->size, true, field, end, ctx, stop, NULL, &done, true, 0};
    csvread_end_t how = csvread_piece(src, &pc);
    src->done = done;
    return how == CSVREAD_CLEAN ? 0 : 1;
}
