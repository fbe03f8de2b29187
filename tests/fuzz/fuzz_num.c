/* fuzz_num: the parsers of the numbers people type (num.h), on flags and in
 * cells, and the formatters on whatever they return.
 *
 * The input is one string (cut at the first NUL). Whatever a parser accepts
 * must be finite and in its documented range, and num_format_json must read
 * back as exactly the same double. The first 8 bytes, taken as a double,
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
        num_format_money(v, buf, sizes[i]);
        num_format_json(v, buf, sizes[i]);
        if (strlen(buf) >= sizes[i])
            fuzz_fail("a formatter overflowed its buffer", NULL);
        free(buf);
    }
    check_json_round_trip(v);
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
        accepted("num_parse_count", v, nextafter(0.0, 1.0), 1e15);
    if (!num_parse_amount(s, &v))
        accepted("num_parse_amount", v, 0, HUGE_VAL);
    if (!num_parse_percent(s, &v))
        accepted("num_parse_percent", v, 0, 1);
    free(s);
    if (size >= sizeof(double)) {
        memcpy(&v, data, sizeof v);
        format_all(v);
    }
    return 0;
}
