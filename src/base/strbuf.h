/* strbuf: a growable, always NUL-terminated string buffer.
 * Reports and charts are built into one of these and then written out whole,
 * so the same text can go to a terminal, a file or a test's comparison. */
#ifndef TRADEOFF_STRBUF_H
#define TRADEOFF_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *data; /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
} sb_t;

#define SB_INIT {NULL, 0, 0}

void sb_free(sb_t *sb);
void sb_reset(sb_t *sb);
void sb_putc(sb_t *sb, char c);
void sb_putn(sb_t *sb, const char *s, size_t n);
void sb_puts(sb_t *sb, const char *s);
void sb_printf(sb_t *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(sb_t *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void sb_repeat(sb_t *sb, const char *s, int times);
/* The text so far; "" for an empty buffer (never NULL). */
const char *sb_str(const sb_t *sb);
/* Hands the buffer's memory to the caller and leaves the buffer empty. */
char *sb_detach(sb_t *sb);

#endif
