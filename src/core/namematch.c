/* namematch: the one resolver of typed names. */
#include "config.h"

#include "core/namematch.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *point_name(const void *ctx, size_t i)
{
    return ((const pointset_t *)ctx)->items[i].name;
}

static long point_exact(const void *ctx, const char *name)
{
    return pointset_index(ctx, name);
}

namematch_t namematch_points(const pointset_t *set)
{
    return (namematch_t){"point", "points", set, set->len, point_name, point_exact};
}

typedef enum { M_CASE, M_PREFIX, M_SUBSTRING } step_t;

static bool matches(const char *name, const char *q, size_t qlen, step_t step)
{
    switch (step) {
    case M_CASE:
        return strcasecmp(name, q) == 0;
    case M_PREFIX:
        return strncasecmp(name, q, qlen) == 0;
    case M_SUBSTRING:
        for (const char *p = name; *p; p++)
            if (strncasecmp(p, q, qlen) == 0)
                return true;
        return qlen == 0;
    }
    return false;
}

/* The one item `step` accepts, NAMEMATCH_UNKNOWN or NAMEMATCH_AMBIGUOUS. */
static long unique(const namematch_t *m, const char *q, step_t step)
{
    long found = NAMEMATCH_UNKNOWN;
    size_t qlen = strlen(q);
    for (size_t i = 0; i < m->n; i++) {
        if (!matches(m->name(m->ctx, i), q, qlen, step))
            continue;
        if (found != NAMEMATCH_UNKNOWN)
            return NAMEMATCH_AMBIGUOUS;
        found = (long)i;
    }
    return found;
}

static long exact(const namematch_t *m, const char *q)
{
    if (m->exact)
        return m->exact(m->ctx, q);
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->name(m->ctx, i), q) == 0)
            return (long)i;
    return -1;
}

/* The step that settles `q`, and what it found. */
static long settle(const namematch_t *m, const char *q, step_t *at)
{
    long k = exact(m, q);
    if (k >= 0 || !*q)
        return k >= 0 ? k : NAMEMATCH_UNKNOWN;
    for (step_t s = M_CASE; s <= M_SUBSTRING; s++) {
        *at = s;
        k = unique(m, q, s);
        if (k != NAMEMATCH_UNKNOWN)
            return k;
    }
    return NAMEMATCH_UNKNOWN;
}

long namematch_find(const namematch_t *m, const char *query)
{
    step_t at = M_CASE;
    return settle(m, query, &at);
}

static void quoted(sb_t *sb, const char *name)
{
    char *shown = text_sanitize(name, strlen(name));
    sb_printf(sb, "'%s'", shown);
    free(shown);
}

void namematch_list(sb_t *sb, const namematch_t *m, size_t max)
{
    for (size_t i = 0; i < m->n && i < max; i++) {
        if (i)
            sb_puts(sb, ", ");
        quoted(sb, m->name(m->ctx, i));
    }
    if (m->n > max)
        sb_printf(sb, ", ... (%zu in all)", m->n);
}

/* The candidates of an ambiguous query, at the step that found several. */
static void ambiguous(sb_t *why, const namematch_t *m, const char *q, step_t step)
{
    size_t qlen = strlen(q), count = 0;
    for (size_t i = 0; i < m->n; i++)
        count += matches(m->name(m->ctx, i), q, qlen, step);
    quoted(why, q);
    sb_printf(why, " could be any of %zu %s", count, m->nouns);
    if (count > NAMEMATCH_LIST_MAX)
        sb_printf(why, " (the first %d)", NAMEMATCH_LIST_MAX);
    sb_puts(why, ": ");
    size_t shown = 0;
    for (size_t i = 0; i < m->n && shown < NAMEMATCH_LIST_MAX; i++) {
        const char *name = m->name(m->ctx, i);
        if (!matches(name, q, qlen, step))
            continue;
        if (shown++)
            sb_puts(why, ", ");
        quoted(why, name);
    }
    sb_puts(why, "; type more of the name");
}

#define CLOSEST 3

/* How far a name is from what was typed: the edit distance, or one more
 * than that of the name's start as long as the query, whichever is less,
 * so that a slip in the first words of a long name ("Claude-3-opsu" for
 * "Claude-3-opus (as released)") finds it before short names. */
static size_t nearness(const char *name, const char *q, size_t max)
{
    size_t d = text_distance(name, q, max);
    char start[129];
    size_t n = strlen(q) < sizeof start - 1 ? strlen(q) : sizeof start - 1;
    if (strlen(name) <= n || max == 0)
        return d;
    memcpy(start, name, n);
    start[n] = '\0';
    size_t p = text_distance(start, q, max - 1) + 1;
    return p < d ? p : d;
}

/* "did you mean 'a', 'b' or 'c'?": the nearest names by edit distance,
 * the earlier first among equals. */
static void closest(sb_t *why, const namematch_t *m, const char *q)
{
    size_t best[CLOSEST], dist[CLOSEST], nbest = 0;
    size_t limit = strlen(q) + 64; /* beyond this a name is no suggestion */
    for (size_t i = 0; i < m->n; i++) {
        if (nbest == CLOSEST && dist[CLOSEST - 1] == 0)
            break;
        size_t max = nbest == CLOSEST ? dist[CLOSEST - 1] - 1 : limit;
        size_t d = nearness(m->name(m->ctx, i), q, max);
        if (d > max)
            continue;
        size_t at = nbest < CLOSEST ? nbest++ : CLOSEST - 1;
        while (at > 0 && dist[at - 1] > d) {
            best[at] = best[at - 1];
            dist[at] = dist[at - 1];
            at--;
        }
        best[at] = i;
        dist[at] = d;
    }
    if (nbest == 0)
        return;
    sb_puts(why, "; did you mean ");
    for (size_t k = 0; k < nbest; k++) {
        if (k)
            sb_puts(why, k + 1 == nbest ? " or " : ", ");
        quoted(why, m->name(m->ctx, best[k]));
    }
    sb_puts(why, "?");
}

long namematch_resolve(const namematch_t *m, const char *query, sb_t *why)
{
    step_t at = M_CASE;
    long k = settle(m, query, &at);
    if (k >= 0)
        return k;
    if (k == NAMEMATCH_AMBIGUOUS) {
        ambiguous(why, m, query, at);
    } else {
        sb_printf(why, "no %s named ", m->noun);
        quoted(why, query);
        if (m->n == 0)
            sb_printf(why, " (there are no %s)", m->nouns);
        else
            closest(why, m, query);
    }
    return -1;
}
