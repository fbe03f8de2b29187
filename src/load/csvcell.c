/* csvcell: one cell of a data row, read the same way by every reader. */
#include "config.h"

#include "load/csvcell.h"
#include "base/num.h"
#include "base/text.h"

#include <math.h>
#include <stdlib.h>

/* How much of a bad cell a message shows. */
#define SHOWN_BYTES 40

bool csvcell_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

const char *csvcell_count(const char *s, long long *out)
{
    double v;
    const char *why = num_parse_decimal(s, &v);
    if (!why && (v < 0 || v != floor(v)))
        why = "expected a whole number of prompts (0 or more)";
    else if (!why && v > CSVCELL_MAX_COUNT)
        why = "expected at most " NUM_MAX_TEXT " prompts (the most tradeoff counts)";
    if (!why)
        *out = (long long)v;
    return why;
}

const char *csvcell_add_count(long long *total, long long count)
{
    if (count > (long long)CSVCELL_MAX_COUNT - *total)
        return "expected counts that add up to at most " NUM_MAX_TEXT
               " prompts in one file (the most tradeoff counts); with this row they add up to more";
    *total += count;
    return NULL;
}

static bool formula_lead(char c) { return c == '=' || c == '+' || c == '-' || c == '@'; }

bool csvcell_guarded(const char *text)
{
    double v;
    if (text[0] == '\t' || text[0] == '\r')
        return true;
    return formula_lead(text[0]) && num_parse_decimal(text, &v) != NULL;
}

char *csvcell_text(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '\'' && formula_lead(s[1])) {
        char *rest = text_sanitize(s + 1, n - 1);
        if (csvcell_guarded(rest))
            return rest;
        free(rest); /* "'-5" is not what the export writes: kept as it is */
    }
    return text_sanitize(s, n);
}

void csvcell_error(diag_t *d, const char *fname, const csvrow_t *row, int col, const char *column,
                   const char *why)
{
    size_t n = row->lens[col];
    char *shown = text_sanitize(row->fields[col], n < SHOWN_BYTES ? n : SHOWN_BYTES);
    diag_error(d, "%s:%ld:%d: %s: %s, got '%s%s'", fname, row->line, col + 1, column, why, shown,
               n > SHOWN_BYTES ? "..." : "");
    free(shown);
}
