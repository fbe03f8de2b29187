/* explore_names: sorts and scales by name. See explore_names.h. */
#include "config.h"

#include "ui/explore_names.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    int value;               /* an explore_sort_t or a chart_scale_t */
    const char *key;         /* in scenario files */
    const char *heading;     /* in the point list's heading */
    const char *description; /* in messages */
} name_row_t;

static const name_row_t sorts[] = {
    {EX_SORT_INPUT, "input", "input", "input order"},
    {EX_SORT_NAME, "name", "name", "name"},
    {EX_SORT_ASR, "asr", "ASR", "ASR"},
    {EX_SORT_ORR, "orr", "ORR", "ORR"},
    {EX_SORT_FRONTIER, "frontier", "frontier", "frontier (hull, Pareto, rest)"},
};

/* In the g key's cycle order. */
static const name_row_t scales[] = {
    {CHART_SCALE_AUTO, "auto", "auto", "automatic (log when the data span two decades)"},
    {CHART_SCALE_LOG, "log", "log", "logarithmic"},
    {CHART_SCALE_LINEAR, "linear", "linear", "linear"},
};

#define NSORTS (sizeof sorts / sizeof sorts[0])
#define NSCALES (sizeof scales / sizeof scales[0])

/* The row of `value` (the first row when none has it). */
static size_t row_of(const name_row_t *t, size_t n, int value)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].value == value)
            return i;
    return 0;
}

static bool parse(const name_row_t *t, size_t n, const char *key, int *value)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, t[i].key) == 0) {
            *value = t[i].value;
            return true;
        }
    return false;
}

/* "a, b or c" from the keys, into buf. */
static const char *choices(const name_row_t *t, size_t n, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", t[i].key);
    }
    return buf;
}

const char *explore_sort_key(explore_sort_t s) { return sorts[row_of(sorts, NSORTS, (int)s)].key; }
const char *explore_sort_heading(explore_sort_t s) { return sorts[row_of(sorts, NSORTS, (int)s)].heading; }
const char *explore_sort_description(explore_sort_t s) { return sorts[row_of(sorts, NSORTS, (int)s)].description; }

bool explore_sort_parse(const char *key, explore_sort_t *s)
{
    int v;
    if (!parse(sorts, NSORTS, key, &v))
        return false;
    *s = (explore_sort_t)v;
    return true;
}

chart_scale_t explore_scale_next(chart_scale_t s)
{
    return (chart_scale_t)scales[(row_of(scales, NSCALES, (int)s) + 1) % NSCALES].value;
}

const char *explore_scale_key(chart_scale_t s) { return scales[row_of(scales, NSCALES, (int)s)].key; }
const char *explore_scale_description(chart_scale_t s) { return scales[row_of(scales, NSCALES, (int)s)].description; }

bool explore_scale_parse(const char *key, chart_scale_t *s)
{
    int v;
    if (!parse(scales, NSCALES, key, &v))
        return false;
    *s = (chart_scale_t)v;
    return true;
}

const char *explore_sort_choices(void)
{
    static char buf[96];
    return buf[0] ? buf : choices(sorts, NSORTS, buf, sizeof buf);
}

const char *explore_scale_choices(void)
{
    static char buf[64];
    return buf[0] ? buf : choices(scales, NSCALES, buf, sizeof buf);
}
