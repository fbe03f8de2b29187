#include "config.h"

#include "base/num.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest number text we accept; anything longer is surely not a number a
 * person typed, and bounding it keeps the copy on the stack. */
#define NUM_MAX_INPUT 64

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static const char decimal_comma[] =
    "a comma is read as a thousands separator (1,000,000); write decimals with a point (1.5)";

/* Checks the grammar and copies the number without separators into `out`.
 * Returns the end of the number in `s` or NULL when the text is malformed. */
static const char *scan_decimal(const char *s, char *out, const char **why)
{
    size_t o = 0;
    const char *p = s;
    int digits = 0, group = -1; /* digits since the last separator; -1: none yet */

    if (*p == '+' || *p == '-')
        out[o++] = *p++;
    if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1]))) {
        *why = "expected a number such as 12, 0.5 or 1e6";
        return NULL;
    }
    while (isdigit((unsigned char)*p) || *p == ',') {
        if (*p == ',') {
            if ((group == -1 && (digits < 1 || digits > 3)) || (group != -1 && group != 3) ||
                !isdigit((unsigned char)p[1])) {
                *why = decimal_comma;
                return NULL;
            }
            group = 0;
            p++;
            continue;
        }
        if (o >= NUM_MAX_INPUT - 8) {
            *why = "number is too long";
            return NULL;
        }
        out[o++] = *p++;
        digits++;
        if (group != -1)
            group++;
    }
    if (group != -1 && group != 3) {
        *why = decimal_comma;
        return NULL;
    }
    if (*p == '.') {
        out[o++] = *p++;
        while (isdigit((unsigned char)*p)) {
            if (o >= NUM_MAX_INPUT - 8) {
                *why = "number is too long";
                return NULL;
            }
            out[o++] = *p++;
        }
    }
    if ((*p == 'e' || *p == 'E') &&
        (isdigit((unsigned char)p[1]) ||
         ((p[1] == '+' || p[1] == '-') && isdigit((unsigned char)p[2])))) {
        out[o++] = *p++;
        if (*p == '+' || *p == '-')
            out[o++] = *p++;
        while (isdigit((unsigned char)*p)) {
            if (o >= NUM_MAX_INPUT - 2) {
                *why = "number is too long";
                return NULL;
            }
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return p;
}

/* Parses a decimal at the start of `s` (after blanks); *rest gets what follows. */
static const char *parse_leading(const char *s, double *out, const char **rest)
{
    char buf[NUM_MAX_INPUT];
    const char *why = NULL;
    s = skip_blanks(s);
    const char *end = scan_decimal(s, buf, &why);
    if (!end)
        return why;
    double v = strtod(buf, NULL);
    if (!isfinite(v))
        return "number is out of range";
    *out = v == 0 ? 0.0 : v; /* fold -0 into 0 */
    *rest = end;
    return NULL;
}

const char *num_parse_decimal(const char *s, double *out)
{
    const char *rest;
    double v;
    const char *why = parse_leading(s, &v, &rest);
    if (why)
        return why;
    if (*skip_blanks(rest) != '\0')
        return "expected a number such as 12, 0.5 or 1e6 with nothing after it";
    *out = v;
    return NULL;
}

static double suffix_scale(char c)
{
    switch (c) {
    case 'k': case 'K': return 1e3;
    case 'm': case 'M': return 1e6;
    case 'b': case 'B': case 'g': case 'G': return 1e9;
    case 't': case 'T': return 1e12;
    default: return 0;
    }
}

/* A number with an optional one-letter magnitude suffix. */
static const char *parse_scaled(const char *s, double *out)
{
    const char *rest;
    double v;
    const char *why = parse_leading(s, &v, &rest);
    if (why)
        return why;
    rest = skip_blanks(rest);
    if (*rest) {
        double scale = suffix_scale(*rest);
        if (scale == 0 || *skip_blanks(rest + 1) != '\0')
            return "expected a number with an optional suffix k, M, B or T (10M, 2.5k, 1e7, 10,000,000)";
        v *= scale;
        if (!isfinite(v))
            return "number is out of range";
    }
    *out = v;
    return NULL;
}

const char *num_parse_count(const char *s, double *out)
{
    double v;
    const char *why = parse_scaled(s, &v);
    if (why)
        return why;
    if (v <= 0)
        return "expected a positive number of queries (10M, 2.5k, 1e7, 10,000,000)";
    if (v < NUM_MIN_VOLUME)
        return "expected at least " NUM_MIN_VOLUME_TEXT " queries per day (the smallest volume tradeoff models)";
    if (v > NUM_MAX)
        return "expected at most " NUM_MAX_TEXT " queries per day";
    *out = v;
    return NULL;
}

const char *num_parse_amount(const char *s, double *out)
{
    s = skip_blanks(s);
    if (*s == '$')
        s++;
    double v;
    const char *why = parse_scaled(s, &v);
    if (why)
        return why;
    if (v < 0)
        return "expected a cost of zero or more (5, 0.25, $1,000, 2k)";
    if (v > NUM_MAX)
        return "expected a cost of at most " NUM_MAX_TEXT;
    *out = v;
    return NULL;
}

const char *num_parse_percent(const char *s, double *fraction)
{
    const char *rest;
    double v;
    const char *why = parse_leading(s, &v, &rest);
    if (why == decimal_comma)
        return "expected a percentage from 0 to 100 with a decimal point: a comma is read as a "
               "thousands separator; write decimals with a point (1.5)";
    if (why)
        return "expected a percentage from 0 to 100 (0.1 or 0.1% both mean 0.1 percent)";
    rest = skip_blanks(rest);
    if (*rest == '%')
        rest = skip_blanks(rest + 1);
    if (*rest != '\0')
        return "expected a percentage from 0 to 100 (0.1 or 0.1% both mean 0.1 percent)";
    if (v < 0 || v > 100)
        return "expected a percentage from 0 to 100";
    *fraction = v / 100.0;
    return NULL;
}

int num_printed_decimals(const char *s)
{
    const char *p = skip_blanks(s);
    int decimals = 0;
    while (*p && *p != '.' && *p != 'e' && *p != 'E')
        p++;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++)
            decimals++;
    if (*p == 'e' || *p == 'E') {
        long e = strtol(p + 1, NULL, 10); /* clamps a huge exponent */
        decimals -= (int)(e > 400 ? 400 : e < -400 ? -400 : e);
    }
    return decimals;
}

/* Drops trailing zeros after a decimal point, and the point itself. */
static void trim_zeros(char *s)
{
    char *dot = strchr(s, '.');
    if (!dot)
        return;
    char *end = s + strlen(s) - 1;
    while (end > dot && *end == '0')
        *end-- = '\0';
    if (end == dot)
        *end = '\0';
}

/* "1.998e305", "-2e16", "1.5e-9": four significant digits at most, trailing
 * zeros dropped, no '+' and no leading zero in the exponent (x finite, not
 * 0). */
static char *format_exponent(double x, char *buf, size_t n)
{
    char m[NUM_BUF];
    snprintf(m, sizeof m, "%.3e", x);
    char *e = strchr(m, 'e');
    int exponent = atoi(e + 1);
    *e = '\0';
    trim_zeros(m);
    snprintf(buf, n, "%se%d", m, exponent);
    return buf;
}

char *num_format_int(double x, char *buf, size_t n)
{
    if (!isfinite(x)) {
        snprintf(buf, n, "-");
        return buf;
    }
    double r = round(x);
    if (r == 0)
        r = 0; /* no "-0" */
    if (fabs(r) > NUM_MAX)
        return format_exponent(r, buf, n);
    char digits[NUM_BUF];
    snprintf(digits, sizeof digits, "%.0f", fabs(r));
    size_t len = strlen(digits), o = 0;
    char tmp[NUM_BUF];
    if (r < 0)
        tmp[o++] = '-';
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            tmp[o++] = ',';
        tmp[o++] = digits[i];
    }
    tmp[o] = '\0';
    snprintf(buf, n, "%s", tmp);
    return buf;
}

/* Counts below this have more zeros after the point than a person reads. */
#define SMALLEST_DECIMAL 1e-7

char *num_format_count(double x, char *buf, size_t n)
{
    double a = fabs(x);
    if (!isfinite(x))
        snprintf(buf, n, "-");
    else if (a >= 100 || a == 0)
        num_format_int(x, buf, n);
    else if (a < SMALLEST_DECIMAL)
        format_exponent(x, buf, n);
    else {
        /* Three significant digits, then trailing zeros dropped: 29.9999 -> "30". */
        int decimals = a >= 10 ? 1 : a >= 1 ? 2 : (int)ceil(-log10(a)) + 2;
        snprintf(buf, n, "%.*f", decimals, x);
        trim_zeros(buf);
    }
    return buf;
}

char *num_format_short(double x, char *buf, size_t n)
{
    /* one decimal and a suffix, the largest that leaves a number under a
     * thousand: 3.6T, never 3616.0B; past NUM_MAX the exponent form */
    static const struct {
        double from, unit;
        const char *suffix;
    } units[] = {{1e12, 1e12, "T"}, {1e9, 1e9, "B"}, {1e7, 1e6, "M"}};
    double a = fabs(x);
    if (isfinite(x) && a <= NUM_MAX)
        for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
            if (a >= units[i].from) {
                snprintf(buf, n, "%.1f%s", x / units[i].unit, units[i].suffix);
                return buf;
            }
    num_format_count(x, buf, n);
    return buf;
}

char *num_format_pct(double fraction, char *buf, size_t n)
{
    double pct = fraction * 100.0;
    if (pct == 0)
        pct = 0; /* no "-0.00%" */
    if (!isfinite(pct))
        snprintf(buf, n, "-");
    else if (pct == 0 || (fabs(pct) >= 0.01 && fabs(pct) <= NUM_MAX))
        snprintf(buf, n, "%.2f%%", pct);
    else if (fabs(pct) >= 1e-4 && fabs(pct) < 0.01)
        snprintf(buf, n, "%.2g%%", pct);
    else {
        char e[NUM_BUF];
        snprintf(buf, n, "%s%%", format_exponent(pct, e, sizeof e));
    }
    return buf;
}

char *num_format_pct_exact(double fraction, char *buf, size_t n)
{
    double pct = fraction * 100.0;
    if (!isfinite(pct) || pct == 0 || fabs(pct) < 1e-9 || fabs(pct) > NUM_MAX)
        return num_format_pct(fraction, buf, n);
    char want[40];
    snprintf(want, sizeof want, "%.12g", pct);
    double target = strtod(want, NULL);
    for (int decimals = 2; decimals <= 14; decimals++) {
        snprintf(buf, n, "%.*f%%", decimals, pct);
        if (strtod(buf, NULL) == target)
            return buf;
    }
    snprintf(buf, n, "%s%%", want);
    return buf;
}

char *num_format_pct_beside(double fraction, double bound, char *buf, size_t n)
{
    char shown_bound[NUM_BUF];
    num_format_pct(fraction, buf, n);
    if (!isfinite(fraction) || !isfinite(bound) || fraction == bound)
        return buf;
    if (strcmp(buf, num_format_pct(bound, shown_bound, sizeof shown_bound)) != 0)
        return buf;
    for (int decimals = 3; decimals <= 10; decimals++) {
        snprintf(buf, n, "%.*f%%", decimals, fraction * 100.0);
        snprintf(shown_bound, sizeof shown_bound, "%.*f%%", decimals, bound * 100.0);
        if (strcmp(buf, shown_bound) != 0)
            break;
    }
    return buf;
}

char *num_format_money(double x, char *buf, size_t n)
{
    char tmp[NUM_BUF];
    const char *sign = x < 0 ? "-" : "";
    if (!isfinite(x))
        snprintf(buf, n, "-");
    else if (fabs(x) >= 100)
        snprintf(buf, n, "%s$%s", sign, num_format_int(fabs(x), tmp, sizeof tmp));
    else if (fabs(x) >= 0.01 || x == 0)
        snprintf(buf, n, "%s$%.2f", sign, fabs(x));
    else /* less than a cent: its digits, not "$0.00" */
        snprintf(buf, n, "%s$%s", sign, num_format_count(fabs(x), tmp, sizeof tmp));
    return buf;
}

char *num_format_change(double x, char *(*format)(double, char *, size_t), char *buf, size_t n)
{
    char tmp[NUM_BUF];
    if (!isfinite(x))
        snprintf(buf, n, "unknown");
    else if (fabs(x) < 1e-9)
        snprintf(buf, n, "%s", format(0, tmp, sizeof tmp));
    else
        snprintf(buf, n, "%s%s", x < 0 ? "-" : "+", format(fabs(x), tmp, sizeof tmp));
    return buf;
}

double num_fraction_to_pct(double fraction)
{
    if (!isfinite(fraction))
        return fraction;
    char buf[40];
    snprintf(buf, sizeof buf, "%.12g", fraction * 100.0);
    return strtod(buf, NULL);
}

char *num_format_json(double x, char *buf, size_t n)
{
    if (!isfinite(x)) {
        snprintf(buf, n, "null");
        return buf;
    }
    if (x == 0)
        x = 0; /* "-0" is valid JSON but surprises readers */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    return buf;
}
