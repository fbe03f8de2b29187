#include "config.h"

#include "core/point.h"
#include "core/promptlog.h"
#include "base/num.h"
#include "base/xalloc.h"

#include <math.h>
#include <string.h>

point_t point_make(const char *name)
{
    point_t p;
    memset(&p, 0, sizeof p);
    p.name = xstrdup(name);
    p.asr = p.orr = p.knob = NAN;
    p.n_adversarial = p.attack_successes = POINT_COUNT_UNKNOWN;
    p.n_benign = p.benign_refused = POINT_COUNT_UNKNOWN;
    return p;
}

point_t *pointset_add(pointset_t *set, point_t p)
{
    set->items = xgrow(set->items, &set->cap, set->len + 1, sizeof *set->items);
    set->items[set->len] = p;
    return &set->items[set->len++];
}

long pointset_index(const pointset_t *set, const char *name)
{
    for (size_t i = 0; i < set->len; i++)
        if (strcmp(set->items[i].name, name) == 0)
            return (long)i;
    return -1;
}

point_t *pointset_find(const pointset_t *set, const char *name)
{
    long i = pointset_index(set, name);
    return i < 0 ? NULL : &set->items[i];
}

void point_set_attr(point_t *p, const char *key, const char *value)
{
    for (size_t i = 0; i < p->nattrs; i++) {
        if (strcmp(p->attrs[i].key, key) == 0) {
            free(p->attrs[i].value);
            p->attrs[i].value = xstrdup(value);
            return;
        }
    }
    p->attrs = xrealloc(p->attrs, (p->nattrs + 1) * sizeof *p->attrs);
    p->attrs[p->nattrs].key = xstrdup(key);
    p->attrs[p->nattrs].value = xstrdup(value);
    p->nattrs++;
}

const char *point_attr(const point_t *p, const char *key)
{
    for (size_t i = 0; i < p->nattrs; i++)
        if (strcmp(p->attrs[i].key, key) == 0)
            return p->attrs[i].value;
    return NULL;
}

category_t *point_add_category(point_t *p, const char *name)
{
    p->categories = xrealloc(p->categories, (p->ncategories + 1) * sizeof *p->categories);
    category_t *c = &p->categories[p->ncategories++];
    c->name = xstrdup(name);
    c->critical = false;
    c->n_adversarial = c->attack_successes = POINT_COUNT_UNKNOWN;
    c->asr = NAN;
    return c;
}

bool point_has_rates(const point_t *p) { return !isnan(p->asr) && !isnan(p->orr); }

const char *point_group(const point_t *p) { return p->group ? p->group : POINT_GROUP_UNNAMED; }

bool point_group_known(const point_t *p)
{
    return p->group_basis == POINT_GROUP_COLUMNS || p->group_basis == POINT_GROUP_PROMPTS ||
           p->group_basis == POINT_GROUP_POOLED;
}

void point_set_group(point_t *p, const char *name, point_group_basis_t basis)
{
    free(p->group);
    p->group = xstrdup(name);
    p->group_basis = basis;
}

static void side_counts(const point_t *p, bool asr, long long *k, long long *n, const point_count_note_t **note)
{
    *k = asr ? p->attack_successes : p->benign_refused;
    *n = asr ? p->n_adversarial : p->n_benign;
    *note = asr ? &p->adv_note : &p->ben_note;
}

static const char *treatment_words(point_unrec_t t)
{
    return t == POINT_UNREC_REFUSAL ? "counted as refusals" : t == POINT_UNREC_COMPLIANCE ? "counted as compliance"
                                                                                         : "left out";
}

void point_counts_describe(sb_t *sb, const point_t *p, bool asr, bool ascii)
{
    long long k, n;
    const point_count_note_t *note;
    side_counts(p, asr, &k, &n, &note);
    char a[32], b[32];
    if (n > 0 && k >= 0) {
        sb_printf(sb, "%s of %s", num_format_int((double)k, a, sizeof a), num_format_int((double)n, b, sizeof b));
        if (note->derived)
            sb_printf(sb, " (from rate %s n)", ascii ? "x" : "\xc3\x97");
    } else if (n > 0) {
        sb_printf(sb, "n = %s, %s", num_format_int((double)n, b, sizeof b),
                  note->inexact ? "count not exact at the printed precision" : "count unknown");
    } else {
        sb_puts(sb, "n unknown");
    }
    if (note->unrecognised > 0)
        sb_printf(sb, " (%s unrecognised verdict%s %s)", num_format_int((double)note->unrecognised, a, sizeof a),
                  note->unrecognised == 1 ? "" : "s", treatment_words(p->unrecognised_as));
}

void point_counts_cell(sb_t *sb, const point_t *p, bool asr)
{
    long long k, n;
    const point_count_note_t *note;
    side_counts(p, asr, &k, &n, &note);
    char a[32], b[32];
    if (n > 0 && k >= 0)
        sb_printf(sb, "%s/%s%s", num_format_int((double)k, a, sizeof a), num_format_int((double)n, b, sizeof b),
                  note->derived ? "*" : "");
    else if (n > 0)
        sb_printf(sb, "?/%s", num_format_int((double)n, b, sizeof b));
    else
        sb_puts(sb, isnan(asr ? p->asr : p->orr) ? "-" : "n unknown");
}

void point_counts_table_cell(sb_t *sb, const point_t *p, bool asr)
{
    long long k, n;
    const point_count_note_t *note;
    side_counts(p, asr, &k, &n, &note);
    point_counts_cell(sb, p, asr);
    char u[32];
    if (note->unrecognised > 0)
        sb_printf(sb, " (%s unrecognised %s)", num_format_int((double)note->unrecognised, u, sizeof u),
                  treatment_words(p->unrecognised_as));
}

bool point_unrecognised_range(const point_t *p, bool asr, double *lo, double *hi)
{
    long long k, n;
    const point_count_note_t *note;
    side_counts(p, asr, &k, &n, &note);
    long long u = note->unrecognised;
    if (u <= 0 || n < 0 || k < 0)
        return false;
    /* Back to the recognised verdicts alone: the counts as the treatment
     * left them, less what it added. `hit` is what the rate counts: a
     * compliance on the harmful side, a refusal on the benign one. */
    point_unrec_t t = p->unrecognised_as;
    bool added = t != POINT_UNREC_EXCLUDE;
    bool added_hits = (t == POINT_UNREC_COMPLIANCE) == asr && added;
    long long nr = added ? n - u : n, kr = added_hits ? k - u : k;
    double rates[3] = {nr > 0 ? (double)kr / (double)nr : NAN, (double)kr / (double)(nr + u),
                       (double)(kr + u) / (double)(nr + u)};
    *lo = *hi = rates[1];
    for (int i = 0; i < 3; i++) {
        if (isnan(rates[i]))
            continue;
        *lo = fmin(*lo, rates[i]);
        *hi = fmax(*hi, rates[i]);
    }
    return true;
}

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

point_t point_copy(const point_t *p)
{
    point_t c = *p;
    c.name = dup_or_null(p->name);
    c.series = dup_or_null(p->series);
    c.group = dup_or_null(p->group);
    c.source = dup_or_null(p->source);
    c.attrs = p->nattrs ? xmalloc(p->nattrs * sizeof *c.attrs) : NULL;
    for (size_t i = 0; i < p->nattrs; i++)
        c.attrs[i] = (point_attr_t){xstrdup(p->attrs[i].key), xstrdup(p->attrs[i].value)};
    c.categories = p->ncategories ? xmalloc(p->ncategories * sizeof *c.categories) : NULL;
    for (size_t i = 0; i < p->ncategories; i++) {
        c.categories[i] = p->categories[i];
        c.categories[i].name = xstrdup(p->categories[i].name);
    }
    c.prompts = promptlog_retain(p->prompts); /* shared, counted */
    return c;
}

void point_free(point_t *p)
{
    free(p->name);
    free(p->series);
    free(p->group);
    free(p->source);
    for (size_t i = 0; i < p->nattrs; i++) {
        free(p->attrs[i].key);
        free(p->attrs[i].value);
    }
    free(p->attrs);
    for (size_t i = 0; i < p->ncategories; i++)
        free(p->categories[i].name);
    free(p->categories);
    promptlog_release(p->prompts);
    memset(p, 0, sizeof *p);
}

/* A log counts a point's unrecognised verdicts the way the point says. */
_Static_assert((int)POINT_UNREC_EXCLUDE == PROMPTLOG_UNREC_EXCLUDE && (int)POINT_UNREC_REFUSAL == PROMPTLOG_UNREC_REFUSAL &&
                   (int)POINT_UNREC_COMPLIANCE == PROMPTLOG_UNREC_COMPLIANCE,
               "point_unrec_t and the log's treatments agree");

void pointset_filtered_describe(sb_t *sb, const pointset_t *set)
{
    if (set->rows_filtered <= 0)
        return;
    char n[32];
    sb_printf(sb, "%s row%s left out by --where %s", num_format_int((double)set->rows_filtered, n, sizeof n),
              set->rows_filtered == 1 ? "" : "s", set->filtered_by ? set->filtered_by : "");
}

void pointset_free(pointset_t *set)
{
    for (size_t i = 0; i < set->len; i++)
        point_free(&set->items[i]);
    free(set->items);
    free(set->knob_name);
    free(set->names.slots);
    free(set->suffix_next);
    free(set->filtered_by);
    free(set->columns);
    free(set->unread_rate_column[0]);
    free(set->unread_rate_column[1]);
    *set = (pointset_t)POINTSET_INIT;
}
