/* fuzz_common: the checks shared by the fuzz targets (see fuzz.h). */
#include "config.h"

#include "fuzz.h"
#include "core/model.h"
#include "render/report.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: broken promise: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_unique_names(const pointset_t *set)
{
    if (set->len < 2)
        return;
    char **names = xmalloc(set->len * sizeof *names);
    for (size_t i = 0; i < set->len; i++)
        names[i] = set->items[i].name;
    qsort(names, set->len, sizeof *names, by_name);
    for (size_t i = 1; i < set->len; i++)
        if (strcmp(names[i - 1], names[i]) == 0)
            fuzz_fail("two points share a name", names[i]);
    free(names);
}

static void check_clean(const char *what, const char *s)
{
    if (s && !text_is_clean(s))
        fuzz_fail(what, "holds a control character or invalid UTF-8");
}

static void check_rate(const char *what, double r)
{
    if (!isnan(r) && !(r >= 0 && r <= 1))
        fuzz_fail(what, "is not NAN nor a fraction from 0 to 1");
}

static void check_counts(const char *what, long long n, long long k)
{
    if (n < POINT_COUNT_UNKNOWN || k < POINT_COUNT_UNKNOWN)
        fuzz_fail(what, "negative count");
    if (n >= 0 && k >= 0 && k > n)
        fuzz_fail(what, "more successes than prompts");
}

void fuzz_check_points(const pointset_t *set)
{
    check_unique_names(set);
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        if (!p->name || !p->name[0])
            fuzz_fail("point name", "empty");
        check_clean("point name", p->name);
        check_clean("series", p->series);
        check_rate("attack success rate", p->asr);
        check_rate("over-refusal rate", p->orr);
        check_counts("attack counts", p->n_adversarial, p->attack_successes);
        check_counts("benign counts", p->n_benign, p->benign_refused);
        for (size_t a = 0; a < p->nattrs; a++) {
            check_clean("attribute name", p->attrs[a].key);
            check_clean("attribute value", p->attrs[a].value);
        }
        for (size_t c = 0; c < p->ncategories; c++) {
            check_clean("category name", p->categories[c].name);
            check_rate("category attack success rate", p->categories[c].asr);
        }
    }
}

/* Bytes that could drive a terminal: C0 controls but the newline, DEL, and
 * the C1 controls as UTF-8 (U+0080..U+009F, 0xC2 0x80..0x9F). */
static void check_output(const char *format, const sb_t *out)
{
    const unsigned char *s = (const unsigned char *)sb_str(out);
    for (size_t i = 0; i < out->len; i++) {
        bool c0 = (s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7F;
        bool c1 = s[i] == 0xC2 && i + 1 < out->len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F;
        if (c0 || c1) {
            char at[96];
            snprintf(at, sizeof at, "%s output, byte %zu (0x%02x)", format, i, s[i]);
            fuzz_fail("control character in a report", at);
        }
    }
}

/* The first two points with both rates, to exercise the comparison. */
static void pick_pair(const pointset_t *set, const point_t **a, const point_t **b)
{
    *a = *b = NULL;
    for (size_t i = 0; i < set->len; i++) {
        if (!point_has_rates(&set->items[i]))
            continue;
        if (!*a)
            *a = &set->items[i];
        else if (!*b)
            *b = &set->items[i];
    }
    if (!*b)
        *a = NULL;
}

void fuzz_check_reports(const pointset_t *set)
{
    static const struct {
        report_format_t fmt;
        const char *name;
    } formats[] = {{REPORT_TEXT, "text"}, {REPORT_JSON, "json"}};
    scenario_t sc = model_default_scenario();
    report_t r = {.scenario = &sc, .points = set, .title = "fuzz"};
    pick_pair(set, &r.compare_a, &r.compare_b);
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        sb_t out = SB_INIT;
        report_render(&out, &r, formats[f].fmt);
        check_output(formats[f].name, &out);
        sb_free(&out);
    }
}

void fuzz_check_diag(const diag_t *d, int rc)
{
    if (rc != 0 && !d->error)
        fuzz_fail("a loader failed", "without saying why");
    check_clean("error message", d->error);
    for (size_t i = 0; i < d->nwarnings; i++)
        check_clean("warning", d->warnings[i]);
}

void fuzz_load_and_check(const uint8_t *data, size_t size, const input_opts_t *opts, bool reports)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    int rc = load_buffer(&set, "fuzz.csv", (const char *)data, size, opts, &d);
    fuzz_check_diag(&d, rc);
    if (rc == 0) {
        fuzz_check_points(&set);
        if (reports)
            fuzz_check_reports(&set);
    } else if (set.len != 0) {
        fuzz_fail("load_buffer failed", "but kept points");
    }
    diag_free(&d);
    pointset_free(&set);
}
