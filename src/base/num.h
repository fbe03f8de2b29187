/* num: the numbers people type and read.
 *
 * Parsers accept what a person would write on a command line or in a
 * spreadsheet cell ("10,000,000", "1e7", "10M", "0.1%") and reject anything
 * ambiguous (hex, "nan", "inf", a decimal comma such as "1,5").  Each returns
 * NULL on success or a message saying what was expected, ready to follow
 * "flag --volume: " or "file:line:col: ".
 *
 * Formatters produce what a person reads: thousands separators and a
 * precision that suits the magnitude. A number too large or too small for
 * that (past NUM_MAX, or a count below a ten-millionth) is shown in
 * exponent form ("1.998e305", "2e-300"), never cut: every text fits in
 * NUM_BUF bytes. Every surface (explorer, reports, chart, check, practice)
 * formats through here. Machine output uses num_format_json. */
#ifndef TRADEOFF_NUM_H
#define TRADEOFF_NUM_H

#include <stdbool.h>
#include <stddef.h>

/* The most any count or amount may be (daily queries, a cost, prompts in
 * a file): a million billion, beyond any real evaluation or traffic, and
 * still exact in a double. NUM_MAX_TEXT is how messages write it. */
#define NUM_MAX 1e15
#define NUM_MAX_TEXT NUM_STR(NUM_MAX)
#define NUM_STR(x) NUM_STR_(x)
#define NUM_STR_(x) #x
/* The fewest daily queries: where the explorer's volume slider starts. */
#define NUM_MIN_VOLUME 1e3
#define NUM_MIN_VOLUME_TEXT "1,000"
/* A buffer this large holds the text of every formatter below. */
#define NUM_BUF 32

/* A plain decimal number: [+-]digits[,ddd...][.digits][e[+-]digits].
 * Thousands separators must group by three. Surrounding blanks are ignored. */
const char *num_parse_decimal(const char *s, double *out);

/* Daily queries, NUM_MIN_VOLUME to NUM_MAX, with an optional k/M/B/T suffix
 * (thousand, million, billion, trillion): "10M", "2.5k", "1e7", "10,000,000". */
const char *num_parse_count(const char *s, double *out);

/* An amount of money from 0 to NUM_MAX, optional leading '$' and k/M/B
 * suffix. */
const char *num_parse_amount(const char *s, double *out);

/* A percentage from 0 to 100 with an optional '%' sign: "0.1" and "0.1%"
 * both mean 0.1 percent. Stored as a fraction (0.001). */
const char *num_parse_percent(const char *s, double *fraction);

/* The decimals a number was printed with, as a cell or a flag holds it:
 * digits after the point, less the exponent ("0.5" 1, "8.40%" 2, "12" 0,
 * "5e-3" 3, "1.5e2" -1). It says how far the number may be from what it
 * rounds: half a unit of its last digit. */
int num_printed_decimals(const char *s);

/* "1,234,567" style: value rounded to an integer, with separators; past
 * NUM_MAX in exponent form ("1.998e305"). "-" for NaN or infinity, as for
 * every formatter but num_format_json. */
char *num_format_int(double x, char *buf, size_t n);
/* A daily count for people: separators for large values, a few significant
 * digits for small ones ("199,800", "30", "2.5", "0.048", "1.5e-9"). */
char *num_format_count(double x, char *buf, size_t n);
/* A count short enough for a narrow panel: as num_format_count below ten
 * million, else one decimal and a suffix: "291.7M", "1.2B", "3.6T" (never
 * "3616.0B"); past NUM_MAX "3.65e17". */
char *num_format_short(double x, char *buf, size_t n);
/* A fraction shown as a percentage: 0.002 -> "0.20%", 1e-15 -> "1e-13%". */
char *num_format_pct(double fraction, char *buf, size_t n);
/* The same, with as many more decimals as the value needs to be shown
 * exactly (up to 12 significant digits): 0.00037 -> "0.037%", 0.001 ->
 * "0.10%". For values a person set, such as the adversarial share. */
char *num_format_pct_exact(double fraction, char *buf, size_t n);
/* A rate shown beside a bound it is checked against: num_format_pct, with
 * as many more decimals (up to 10) as it takes for the shown rate to differ
 * from the bound shown with the same decimals whenever the two differ, so a
 * pass or fail is visibly consistent with the bound: 0.004984 against 0.005
 * -> "0.498%", not "0.50%". Equal values, or an infinite bound (none): as
 * num_format_pct. */
char *num_format_pct_beside(double fraction, double bound, char *buf, size_t n);
/* Money: "$1,234", "$0.50", "$0.004", "$1.998e305". */
char *num_format_money(double x, char *buf, size_t n);
/* A change, signed: "+" or "-" (the ASCII hyphen-minus, the one minus sign
 * of every surface) before format(|x|) (num_format_count,
 * num_format_money...); "0" with no sign below a billionth, where a
 * difference is rounding noise; "unknown" when x is NaN or infinite. */
char *num_format_change(double x, char *(*format)(double, char *, size_t), char *buf, size_t n);
/* fraction * 100, rounded to 12 significant digits: 0.596 -> 59.6 and not
 * 59.599999999999994, 1 - 0.918 -> 8.2 and not 8.20000000000001. Rates in
 * machine output go through this, so a rate typed as "59.6" in a file comes
 * back out as 59.6; no count of prompts (at most 1e15) has rates that differ
 * in the first 12 digits and matter. */
double num_fraction_to_pct(double fraction);
/* The shortest text that reads back as exactly the same double; "null" for
 * NaN or infinity. */
char *num_format_json(double x, char *buf, size_t n);

#endif
