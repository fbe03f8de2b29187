/* fuzz_num: the parsers of the numbers people type (num.h), on flags and in
 * cells, and the formatters on whatever they return.
 *
 * The input is one string (cut at the first NUL). Whatever a parser accepts
 * must be finite and in its documented range, num_format_json must read
 * back as exactly the same double, and every formatter's text must read
 * back within its precision (never cut). The first 8 bytes, taken as a double,
 * also go through every formatter, NaNs and infinities included. */
#include "config.h"

#include "fuzz.h"
#include "base/num.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_json_round_trip(double v)
{
    char buf[64];
    num_format_json(v, buf, sizeof buf);
    if (isfinite(v) && strtod(buf, NULL) != v)
        fuzz_fail("num_format_json does not read back", buf);
    if (!isfinite(v) && strcmp(buf, "null") != 0)
        fuzz_fail("num_format_json of a non-finite value is not null", buf);
}

/* A formatter's text read back: separators, '$' and '%' dropped. */
static double read_back(const char *text)
{
    char plain[NUM_BUF];
    size_t o = 0;
    for (const char *p = text; *p && o + 1 < sizeof plain; p++)
        if (*p != ',' && *p != '$' && *p != '%')
            plain[o++] = *p;
    plain[o] = '\0';
    return strtod(plain, NULL);
}

/* A finite value's text in a NUM_BUF buffer is never cut: it reads back
 * within the formatter's precision (issue 19: a cost of 1e300 printed as
 * "$100,000,...,442,02"). */
static void check_not_cut(const char *formatter, const char *text, double got, double want, double abs_tol)
{
    double tol = fmax(abs_tol, 0.01 * fabs(want)) * (1 + 1e-9); /* rounding of a binary fraction */
    if (isinf(got) && fabs(want) > 1e307)
        return; /* "1.798e308", rounded to four digits, reads back past the largest double */
    if (strlen(text) >= NUM_BUF - 1 || !(fabs(got - want) <= tol)) {
        char detail[128];
        snprintf(detail, sizeof detail, "%s(%.17g) gave '%s'", formatter, want, text);
        fuzz_fail("a formatter cut or changed a number", detail);
    }
}

static void check_texts(double v)
{
    if (!isfinite(v))
        return;
    char buf[NUM_BUF];
    num_format_int(v, buf, sizeof buf);
    check_not_cut("num_format_int", buf, read_back(buf), v, 0.5);
    num_format_count(v, buf, sizeof buf);
    check_not_cut("num_format_count", buf, read_back(buf), v, 0);
    num_format_money(v, buf, sizeof buf);
    check_not_cut("num_format_money", buf, read_back(buf), v, 0.005);
    num_format_short(v, buf, sizeof buf);
    double scale = strchr(buf, 'T') ? 1e12 : strchr(buf, 'B') ? 1e9 : strchr(buf, 'M') ? 1e6 : 1;
    check_not_cut("num_format_short", buf, read_back(buf) * scale, v, 0.05 * scale);
    if (fabs(v) <= 1e300) {
        num_format_pct(v, buf, sizeof buf);
        check_not_cut("num_format_pct", buf, read_back(buf), v * 100, 0.005);
        num_format_pct_exact(v, buf, sizeof buf);
        check_not_cut("num_format_pct_exact", buf, read_back(buf), v * 100, 0.005);
    }
}

/* Every formatter, with a roomy buffer and with tiny ones (they must
 * truncate, never overflow). */
static void format_all(double v)
{
    static const size_t sizes[] = {64, 8, 1};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char *buf = xmalloc(sizes[i]);
        num_format_int(v, buf, sizes[i]);
        num_format_count(v, buf, sizes[i]);
        num_format_pct(v, buf, sizes[i]);
        num_format_pct_exact(v, buf, sizes[i]);
        num_format_money(v, buf, sizes[i]);
        num_format_short(v, buf, sizes[i]);
        num_format_json(v, buf, sizes[i]);
        if (strlen(buf) >= sizes[i])
            fuzz_fail("a formatter overflowed its buffer", NULL);
        free(buf);
    }
    check_json_round_trip(v);
    check_texts(v);
}

static void accepted(const char *parser, double v, double lo, double hi)
{
    if (!isfinite(v) || v < lo || v > hi) {
        char detail[96];
        snprintf(detail, sizeof detail, "%s returned %g", parser, v);
        fuzz_fail("a parser accepted a value out of its range", detail);
    }
    if (v == 0 && signbit(v))
        fuzz_fail("a parser returned -0", parser);
    format_all(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = xstrndup((const char *)data, size);
    double v;
    if (!num_parse_decimal(s, &v))
        accepted("num_parse_decimal", v, -HUGE_VAL, HUGE_VAL);
    if (!num_parse_count(s, &v))
        accepted("num_parse_count", v, NUM_MIN_VOLUME, NUM_MAX);
    if (!num_parse_amount(s, &v))
        accepted("num_parse_amount", v, 0, NUM_MAX);
    if (!num_parse_percent(s, &v))
        accepted("num_parse_percent", v, 0, 1);
    free(s);
    if (size >= sizeof(double)) {
        memcpy(&v, data, sizeof v);
        format_all(v);
    }
    return 0;
}
