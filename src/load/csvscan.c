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

/* Every byte of a class but ORD is below '-', and digits, letters, '.' and
 * '-' are not: only the bytes below '-' are worth a look. Bit i is set for
 * byte i of the 64 at `p` that is below '-' (and maybe for a '-' after
 * one, which a look finds ordinary). Eight bytes at a time where the byte
 * order allows; a look per 64 bytes, not per byte, keeps the branches few
 * and predictable. */
static uint64_t candidates(const unsigned char *p)
{
    uint64_t m = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (int i = 0; i < 8; i++) {
        uint64_t w;
        memcpy(&w, p + 8 * i, sizeof w);
        uint64_t low = (w - ones * '-') & ~w & highs;
        /* the high bits of the 8 bytes gathered into one byte */
        m |= ((low * 0x0002040810204081ull) >> 56) << (8 * i);
    }
#else
    for (int i = 0; i < 64; i++)
        if (p[i] < '-')
            m |= 1ull << i;
#endif
    return m;
}

typedef struct {
    unsigned char *start, *end;
} span_t;

/* The field [s, e) without its blanks at either end. */
static span_t trimmed(unsigned char *s, unsigned char *e)
{
    while (s < e && byte_class[*s] == BLANK)
        s++;
    while (e > s && byte_class[e[-1]] == BLANK)
        e--;
    return (span_t){s, e};
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
    unsigned char *base = (unsigned char *)buf, *lim = base + len;
    /* A sentinel, so that every row ends; the bytes after it are read
     * 64 at a time, never used. */
    memset(lim, 0, CSVSCAN_PAD);
    *lim = '\n';
    unsigned char *row = base, *field_start = base;
    span_t f[CSVSCAN_MAX_FIELDS];
    size_t n = 0;
    for (unsigned char *w = base;; w += 64) {
        for (uint64_t m = candidates(w); m; m &= m - 1) {
            unsigned char *q = w + __builtin_ctzll(m);
            unsigned char c = byte_class[*q];
            if (c == ORD || c == BLANK)
                continue;
            if (c == QUOTE || n == CSVSCAN_MAX_FIELDS) {
                *why = CSVSCAN_LIBCSV;
                return (size_t)(row - base);
            }
            f[n++] = trimmed(field_start, q);
            field_start = q + 1;
            if (c == COMMA)
                continue;
            if (q == lim && !final) {
                *why = CSVSCAN_MORE;
                return (size_t)(row - base);
            }
            /* A row of one empty field is a blank line: no row. */
            if (n > 1 || f[0].end > f[0].start)
                emit(f, n, q == lim ? -1 : *q, field, end, ctx);
            n = 0;
            row = field_start;
            if (q == lim || *stop) {
                *why = q == lim ? CSVSCAN_MORE : CSVSCAN_STOP;
                return q == lim ? len : (size_t)(row - base);
            }
        }
    }
}
