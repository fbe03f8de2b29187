/* csvscan: quote-free CSV rows as libcsv reads them (csvscan.h). */
#include "config.h"

#include "load/csvscan.h"

#include <stdint.h>
#include <string.h>

enum { ORD = 0, BLANK, COMMA, TERM, QUOTE };

/* What each byte is to libcsv's default settings: its is_space (space and
 * tab) and is_term (CR and LF), the comma and the quote. */
static const unsigned char byte_class[256] = {
    [' '] = BLANK, ['\t'] = BLANK, [','] = COMMA, ['\r'] = TERM, ['\n'] = TERM, ['"'] = QUOTE,
};

typedef struct {
    unsigned char *start, *end;
} span_t;

/* Skips blanks. */
static unsigned char *blanks(unsigned char *p)
{
    while (byte_class[*p] == BLANK)
        p++;
    return p;
}

/* Skips the bytes that are in no way special, eight at a time where the
 * byte order allows: every byte csvscan treats apart (tab, LF, CR, space,
 * quote, comma) is below '-', and digits, letters, '.' and '-' are not, so
 * a word with no byte below '-' is skipped whole (the first such byte of a
 * word is found exactly; the byte loop goes on from it). */
static unsigned char *ordinary(unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (;;) {
        uint64_t w;
        memcpy(&w, p, sizeof w);
        uint64_t low = (w - ones * '-') & ~w & highs;
        if (low) {
            p += __builtin_ctzll(low) >> 3;
            break;
        }
        p += sizeof w;
    }
#endif
    while (byte_class[*p] == ORD)
        p++;
    return p;
}

/* The end of the field that starts at `p` (after its leading blanks):
 * *last just after its last byte that is not a blank; returns where the
 * field stops (a comma, a row's end or a quote). Blanks inside a field
 * belong to it. */
static unsigned char *field_end(unsigned char *p, unsigned char **last)
{
    for (;;) {
        p = ordinary(p);
        *last = p;
        p = blanks(p);
        if (byte_class[*p] != ORD)
            return p;
    }
}

/* Calls the callbacks for one row: each field NUL-terminated in place. */
static void emit(span_t *f, size_t n, int terminator, csvscan_field_fn field, csvscan_end_fn end, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        *f[i].end = '\0';
        field(f[i].start, (size_t)(f[i].end - f[i].start), ctx);
    }
    end(terminator, ctx);
}

size_t csvscan_run(char *buf, size_t len, bool final, csvscan_field_fn field, csvscan_end_fn end, void *ctx,
                   const bool *stop, csvscan_why_t *why)
{
    unsigned char *p = (unsigned char *)buf, *lim = p + len;
    /* A sentinel: every loop below stops at a row's end; the bytes after
     * it are read eight at a time, never used. */
    memset(lim, 0, CSVSCAN_PAD);
    *lim = '\n';
    span_t f[CSVSCAN_MAX_FIELDS];
    for (;;) {
        unsigned char *row = p;
        p = blanks(p);
        if (byte_class[*p] == TERM) { /* an empty or blank line: no row */
            if (p == lim) {
                *why = CSVSCAN_MORE;
                return (size_t)((final ? lim : row) - (unsigned char *)buf);
            }
            p++;
            continue;
        }
        size_t n = 0;
        for (;;) {
            p = blanks(p);
            unsigned char *start = p, *last;
            p = field_end(p, &last);
            if (byte_class[*p] == QUOTE || n == CSVSCAN_MAX_FIELDS) {
                *why = CSVSCAN_LIBCSV;
                return (size_t)(row - (unsigned char *)buf);
            }
            f[n++] = (span_t){start, last};
            if (byte_class[*p] != COMMA)
                break;
            p++;
        }
        if (p == lim && !final) {
            *why = CSVSCAN_MORE;
            return (size_t)(row - (unsigned char *)buf);
        }
        emit(f, n, p == lim ? -1 : *p, field, end, ctx);
        if (p < lim)
            p++;
        if (*stop || p == lim) {
            *why = *stop ? CSVSCAN_STOP : CSVSCAN_MORE;
            return (size_t)(p - (unsigned char *)buf);
        }
    }
}
