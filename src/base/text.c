#include "config.h"

#include "base/text.h"
#include "base/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

void text_markdown(sb_t *sb, const char *s)
{
    char *clean = text_sanitize(s ? s : "", s ? strlen(s) : 0);
    for (const char *p = clean; *p; p++) {
        if (strchr("\\`*_[]<>#|~&", *p) || (p == clean && strchr("-=+", *p)))
            sb_putc(sb, '\\');
        sb_putc(sb, *p);
    }
    free(clean);
}

/* The longest run of backticks in `s`, so a code fence can be made longer. */
static int longest_backtick_run(const char *s)
{
    int best = 0, run = 0;
    for (; *s; s++) {
        run = *s == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

void text_markdown_code(sb_t *out, const char *text)
{
    int fence = longest_backtick_run(text) + 1;
    if (fence < 3)
        fence = 3;
    sb_repeat(out, "`", fence);
    sb_puts(out, "text\n");
    size_t n = strlen(text);
    while (n > 0 && text[n - 1] == '\n') /* no blank line before the closing fence */
        n--;
    for (const char *line = text; line < text + n;) {
        const char *nl = memchr(line, '\n', (size_t)(text + n - line));
        size_t len = nl ? (size_t)(nl - line) : (size_t)(text + n - line);
        char *clean = text_sanitize(line, len);
        sb_puts(out, clean);
        sb_putc(out, '\n');
        free(clean);
        line += len + (nl ? 1 : 0);
    }
    sb_repeat(out, "`", fence);
    sb_puts(out, "\n\n");
}

void text_quote(sb_t *sb, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    sb_putc(sb, '"');
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 1 && (cp == '"' || cp == '\\'))
            sb_printf(sb, "\\%c", (char)cp);
        else if (len == 1 && (cp == '\n' || cp == '\r' || cp == '\t'))
            sb_printf(sb, "\\%c", cp == '\n' ? 'n' : cp == '\r' ? 'r' : 't');
        else if (len != 0 && !is_control(cp))
            sb_putn(sb, s + i, len);
        else
            for (size_t k = 0; k < (len ? len : 1); k++)
                sb_printf(sb, "\\x%02X", p[i + k]);
        i += len ? len : 1;
    }
    sb_putc(sb, '"');
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

const char *text_unquote(const char *s, char **out, const char **end, size_t *at)
{
    sb_t b = SB_INIT;
    const char *why = NULL;
    size_t i = 1;
    for (; s[i] && s[i] != '"' && !why; i++) {
        if (s[i] != '\\') {
            sb_putc(&b, s[i]);
            continue;
        }
        *at = i;
        char c = s[++i];
        int hi, lo;
        if (c == '\\' || c == '"')
            sb_putc(&b, c);
        else if (c == 'n' || c == 'r' || c == 't')
            sb_putc(&b, c == 'n' ? '\n' : c == 'r' ? '\r' : '\t');
        else if (c == 'x' && (hi = hex_digit(s[i + 1])) >= 0 && (lo = hex_digit(s[i + 2])) >= 0) {
            if (hi == 0 && lo == 0)
                why = "\\x00: a NUL byte cannot be part of a name or path";
            sb_putc(&b, (char)(hi * 16 + lo));
            i += 2;
        } else
            why = "an unknown escape: expected \\\\, \\\", \\n, \\r, \\t or \\xHH (two hex digits) after a backslash";
        if (!s[i])
            break;
    }
    if (!why && s[i] != '"') {
        *at = 0;
        why = "a quoted value that is never closed: expected a '\"' at its end";
    }
    if (why) {
        sb_free(&b);
        return why;
    }
    *out = sb_detach(&b);
    *end = s + i + 1;
    return NULL;
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

/* Columns taken by the n bytes at s (a stray byte counts one). */
static int width_n(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
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

int text_width(const char *s)
{
    return width_n(s, strlen(s));
}

/* ------------------------------------------------------------------------
 * Word wrapping. */

/* Bytes of the n at s that fit in `cols` columns, whole characters only;
 * their columns in *used. */
static size_t fit_n(const char *s, size_t n, int cols, int *used)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    *used = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        int cw = len ? cp_width(cp) : 1;
        if (!len)
            len = 1;
        if (*used + cw > cols)
            break;
        *used += cw;
        i += len;
    }
    return i;
}

/* As fit_n, but at least one character, so that a line always makes
 * progress. */
static size_t fit_bytes(const char *s, size_t n, int cols)
{
    int used;
    size_t i = fit_n(s, n, cols, &used);
    if (i == 0 && n > 0) {
        uint32_t cp;
        size_t len = utf8_decode((const unsigned char *)s, n, &cp);
        i = len ? len : 1;
    }
    return i;
}

typedef struct {
    sb_t *out;
    sb_t line;
    int col;      /* columns in `line` */
    int hang;     /* indent of continuation lines */
    int lines;    /* lines emitted */
} wrapper_t;

static void wrap_emit(wrapper_t *w, int indent)
{
    sb_putn(w->out, sb_str(&w->line), w->line.len);
    sb_putc(w->out, '\n');
    w->lines++;
    sb_reset(&w->line);
    sb_repeat(&w->line, " ", indent);
    w->col = indent;
}

/* Wraps one line of input (no newline in it) that is wider than `width`. */
static void wrap_long_line(wrapper_t *w, const char *p, size_t len, int width)
{
    size_t indent = 0;
    while (indent < len && p[indent] == ' ')
        indent++;
    /* An indent keeps its place, and its continuation lines go two
     * further in, as long as that leaves most of the line for words. */
    int first = (int)indent * 2 < width ? (int)indent : 0;
    w->hang = first > 0 && (first + 2) * 2 < width ? first + 2 : first;
    sb_reset(&w->line);
    sb_repeat(&w->line, " ", first);
    w->col = first;
    bool empty = true;
    int before = w->lines;
    size_t i = indent;
    while (i < len) {
        size_t n = 0;
        while (i + n < len && p[i + n] != ' ')
            n++;
        int ww = width_n(p + i, n);
        if (!empty && w->col + 1 + ww > width) {
            wrap_emit(w, w->hang);
            empty = true;
        }
        if (!empty) {
            sb_putc(&w->line, ' ');
            w->col++;
        }
        while (w->col + ww > width) { /* a word wider than the line is cut */
            size_t take = fit_bytes(p + i, n, width - w->col);
            sb_putn(&w->line, p + i, take);
            wrap_emit(w, w->hang);
            i += take, n -= take;
            ww = width_n(p + i, n);
        }
        sb_putn(&w->line, p + i, n);
        w->col += ww;
        if (n > 0)
            empty = false;
        i += n;
        while (i < len && p[i] == ' ')
            i++;
    }
    if (!empty || w->lines == before)
        wrap_emit(w, 0);
}

int text_wrap(sb_t *out, const char *text, int width, text_wrap_mode_t mode)
{
    if (width < 1)
        width = 1;
    wrapper_t w = {out, SB_INIT, 0, 0, 0};
    const char *p = text;
    while (*p) {
        size_t len = strcspn(p, "\n");
        bool preformatted = mode == TEXT_WRAP_KEEP_PREFORMATTED && (*p == ' ' || *p == '|');
        if (preformatted || width_n(p, len) <= width) {
            sb_putn(out, p, len); /* as it is: its spacing may align columns */
            sb_putc(out, '\n');
            w.lines++;
        } else {
            wrap_long_line(&w, p, len, width);
        }
        p += len;
        if (*p == '\n')
            p++;
    }
    sb_free(&w.line);
    return w.lines;
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
    int used;
    sb_putn(sb, s, fit_n(s, strlen(s), width - 1, &used));
    if (width >= 1) {
        sb_puts(sb, "\xE2\x80\xA6");
        used++;
    }
    sb_repeat(sb, " ", width - used);
}

void text_cut_keeping(sb_t *sb, const char *s, size_t from, int width, int head)
{
    size_t len = strlen(s);
    int used;
    if (text_width(s) <= width) {
        sb_puts(sb, s);
        return;
    }
    from = from > len ? len : from;
    int lead = width_n(s, from), tail = width_n(s + from, len - from);
    int keep = head < lead ? head : lead; /* the start kept at least */
    if (from == 0 || from == len || lead < width - 1) { /* a plain cut shows where s+from starts */
        sb_putn(sb, s, fit_n(s, len, width - 1, &used));
    } else if (tail <= width - 1 - keep) { /* s+from whole, after as much of the start as fits */
        sb_putn(sb, s, fit_n(s, from, width - 1 - tail, &used));
        sb_puts(sb, "\xE2\x80\xA6");
        sb_puts(sb, s + from);
        return;
    } else { /* the kept start, then as much of s+from as fits */
        sb_putn(sb, s, fit_n(s, from, keep, &used));
        sb_puts(sb, "\xE2\x80\xA6");
        sb_putn(sb, s + from, fit_n(s + from, len - from, width - 2 - used, &used));
    }
    if (width >= 1)
        sb_puts(sb, "\xE2\x80\xA6");
}

void text_trim(const char **s, size_t *len)
{
    while (*len > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

/* ------------------------------------------------------------------------
 * Names typed by people. */

/* Longer texts are compared on their first bytes only: a distance is for
 * "did you mean", and a name past this length is told apart before. */
#define DISTANCE_MAX_LEN 128

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

size_t text_distance(const char *a, const char *b, size_t max)
{
    size_t n = strlen(a), m = strlen(b);
    n = n > DISTANCE_MAX_LEN ? DISTANCE_MAX_LEN : n;
    m = m > DISTANCE_MAX_LEN ? DISTANCE_MAX_LEN : m;
    if ((n > m ? n - m : m - n) > max)
        return max + 1;
    size_t row[DISTANCE_MAX_LEN + 1];
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t cost = fold((unsigned char)a[i - 1]) == fold((unsigned char)b[j - 1]) ? 0 : 1;
            size_t v = diag + cost;
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > max) /* every later row is at least as far */
            return max + 1;
    }
    return row[m] > max ? max + 1 : row[m];
}

/* One field of a list from `p`: quoted (CSV) or up to the next comma,
 * trimmed. NULL with *out and *next set, or what was expected. */
static const char *list_field(const char *p, char **out, const char **next)
{
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '"') {
        size_t n = strcspn(p, ","), len = n;
        const char *start = p;
        text_trim(&start, &len);
        *out = xstrndup(start, len);
        *next = p + n;
        return NULL;
    }
    sb_t sb = SB_INIT;
    for (p++;; p++) {
        if (*p == '\0') {
            sb_free(&sb);
            return "a closing double quote";
        }
        if (*p == '"') {
            if (p[1] != '"')
                break;
            p++;
        }
        sb_putc(&sb, *p);
    }
    p++;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '\0' && *p != ',') {
        sb_free(&sb);
        return "a comma or the end after a closing double quote";
    }
    sb_putc(&sb, '\0'); /* an empty quoted field is "", not NULL */
    *out = sb_detach(&sb);
    *next = p;
    return NULL;
}

const char *text_split_list(const char *s, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const char *p = s;
    for (;;) {
        char *field;
        const char *why = list_field(p, &field, &p);
        if (why) {
            text_list_free(*out, *n);
            *out = NULL;
            *n = 0;
            return why;
        }
        *out = xrealloc(*out, (*n + 1) * sizeof **out);
        (*out)[(*n)++] = field;
        if (*p != ',')
            return NULL;
        p++;
    }
}

void text_list_free(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

char *text_one_name(const char *s)
{
    const char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '"') {
        char *field;
        const char *next;
        if (!list_field(p, &field, &next)) {
            if (*next == '\0')
                return field;
            free(field);
        }
    }
    size_t len = strlen(p);
    text_trim(&p, &len);
    return xstrndup(p, len);
}
