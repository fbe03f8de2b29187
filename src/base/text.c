#include "config.h"

#include "base/text.h"
#include "base/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

/* Decodes one UTF-8 sequence; returns its length, or 0 when malformed
 * (overlong forms, surrogates and values past U+10FFFF are malformed). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

static bool is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
           cp == 0x2028 || cp == 0x2029 || /* line/paragraph separators */
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); /* bidi overrides */
}

char *text_sanitize(const char *s, size_t n)
{
    sb_t out = SB_INIT;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0) {
            sb_puts(&out, "\xEF\xBF\xBD"); /* U+FFFD */
            i++;
        } else if (cp == '\t' || cp == '\n' || cp == '\r') {
            sb_putc(&out, ' ');
            i += len;
        } else if (is_control(cp)) {
            sb_putc(&out, '?');
            i += len;
        } else {
            sb_putn(&out, s + i, len);
            i += len;
        }
    }
    return sb_detach(&out);
}

bool text_is_clean(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0 || is_control(cp))
            return false;
        i += len;
    }
    return true;
}

void text_json_string(sb_t *sb, const char *s)
{
    sb_putc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': sb_puts(sb, "\\\""); break;
        case '\\': sb_puts(sb, "\\\\"); break;
        case '\n': sb_puts(sb, "\\n"); break;
        case '\r': sb_puts(sb, "\\r"); break;
        case '\t': sb_puts(sb, "\\t"); break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                sb_printf(sb, "\\u%04x", *p);
            else
                sb_putc(sb, (char)*p);
        }
    }
    sb_putc(sb, '"');
}

static int cp_width(uint32_t cp)
{
    /* wcwidth depends on the locale; the common wide ranges are enough to
     * keep tables aligned for CJK names in any locale. */
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200D)
        return 0; /* combining marks, zero-width space and joiner */
    return 1;
}

int text_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    int w = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0) {
            w++, i++;
            continue;
        }
        w += cp_width(cp);
        i += len;
    }
    return w;
}

void text_pad(sb_t *sb, const char *s, int width, bool right)
{
    int w = text_width(s);
    if (w <= width) {
        if (right)
            sb_repeat(sb, " ", width - w);
        sb_puts(sb, s);
        if (!right)
            sb_repeat(sb, " ", width - w);
        return;
    }
    /* Too long: keep whole code points up to width-1 columns, then "…". */
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    int used = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        int cw = len ? cp_width(cp) : 1;
        if (!len)
            len = 1;
        if (used + cw > width - 1)
            break;
        sb_putn(sb, s + i, len);
        used += cw;
        i += len;
    }
    if (width >= 1) {
        sb_puts(sb, "\xE2\x80\xA6");
        used++;
    }
    sb_repeat(sb, " ", width - used);
}
