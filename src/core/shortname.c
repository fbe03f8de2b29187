/* shortname: what tells points apart. See shortname.h. */
#include "config.h"

#include "core/shortname.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool is_separator(char c)
{
    return c == '_' || c == '-' || c == ' ' || c == '/' || c == '.' || c == ':';
}

/* Where the bracket that is still open at `p` in `s` ("run (gpt4_" has
 * "(" open) starts; p itself when none is. */
static size_t outside_brackets(const char *s, size_t p)
{
    size_t open[64], depth = 0;
    for (size_t i = 0; i < p; i++) {
        if ((s[i] == '(' || s[i] == '[') && depth < sizeof open / sizeof open[0])
            open[depth++] = i;
        else if ((s[i] == ')' || s[i] == ']') && depth > 0)
            depth--;
    }
    return depth > 0 ? open[0] : p;
}

/* What all of names[0..n) share: the prefix up to and including its
 * last separator outside brackets, and the suffix from a space; both 0 when they would
 * leave a name empty, or for fewer than two names. */
static void shared_parts(const char *const *names, size_t n, size_t *pre, size_t *suf)
{
    *pre = *suf = 0;
    if (n < 2)
        return;
    const char *first = names[0];
    size_t flen = strlen(first), lcp = flen, lcs = flen, shortest = flen;
    for (size_t k = 1; k < n; k++) {
        const char *s = names[k];
        size_t len = strlen(s), i = 0;
        while (i < lcp && i < len && s[i] == first[i])
            i++;
        lcp = i;
        i = 0;
        while (i < lcs && i < len && s[len - 1 - i] == first[flen - 1 - i])
            i++;
        lcs = i;
        shortest = len < shortest ? len : shortest;
    }
    /* back to a separator, and never one inside a number ("t=0.05" and
     * "t=0.10" share "t=0.", and "05" would read as another number) */
    size_t p = lcp;
    for (;;) {
        while (p > 0 && (!is_separator(first[p - 1]) ||
                         (p > 1 && isdigit((unsigned char)first[p - 2]) && isdigit((unsigned char)first[p]))))
            p--;
        /* nor inside a bracketed part: "run (gpt4_label)" and "run
         * (gpt4_label) [b.csv]" share "run ", not "run (gpt4_" */
        size_t q = outside_brackets(first, p);
        if (q == p)
            break;
        p = q;
    }
    /* the suffix starts at a space: the first at or after where the shared
     * tail begins */
    size_t start = flen - lcs;
    while (start < flen && first[start] != ' ')
        start++;
    size_t s = flen - start;
    if (p + s >= shortest) { /* a name would be left empty: drop less */
        if (s < shortest)
            p = 0;
        else if (p < shortest)
            s = 0;
        else
            p = s = 0;
    }
    *pre = p;
    *suf = s;
}

/* name without `pre` leading and `suf` trailing bytes, and without the
 * separators then left at its ends. */
static char *cut(const char *name, size_t pre, size_t suf)
{
    size_t len = strlen(name), a = pre, b = len - suf;
    while (a < b && is_separator(name[a]))
        a++;
    while (b > a && is_separator(name[b - 1]))
        b--;
    if (a >= b)
        return xstrdup(name);
    return xstrndup(name + a, b - a);
}

static char *const *sort_names; /* qsort has no context argument in C11 */

static int by_name(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    int c = strcmp(sort_names[i], sort_names[j]);
    return c ? c : (i > j) - (i < j);
}

/* The indexes of names[0..n), equal names adjacent (in index order). */
static size_t *sorted_by_name(char *const *names, size_t n)
{
    size_t *order = xmalloc((n + 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_names = names;
    qsort(order, n, sizeof *order, by_name);
    return order;
}

/* Per one of names[0..n): it is also another's. */
static bool *collisions(char *const *names, size_t n)
{
    bool *dup = xcalloc(n + 1, sizeof *dup);
    size_t *order = sorted_by_name(names, n);
    for (size_t k = 1; k < n; k++)
        if (strcmp(names[order[k - 1]], names[order[k]]) == 0)
            dup[order[k - 1]] = dup[order[k]] = true;
    free(order);
    return dup;
}

static const size_t *sort_groups;

static int by_group(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    if (sort_groups[i] != sort_groups[j])
        return sort_groups[i] < sort_groups[j] ? -1 : 1;
    return (i > j) - (i < j);
}

void shortnames_compute(shortnames_t *sn, const pointset_t *set, const size_t *group_of)
{
    size_t n = set->len;
    sn->len = n;
    sn->names = xcalloc(n + 1, sizeof *sn->names);
    sn->within_group = xcalloc(n + 1, sizeof *sn->within_group);
    sn->shared = false;
    size_t *idx = xmalloc((n + 1) * sizeof *idx);
    const char **names = xmalloc((n + 1) * sizeof *names);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    /* each group's shared parts, its members adjacent once sorted by group */
    if (group_of) {
        sort_groups = group_of;
        qsort(idx, n, sizeof *idx, by_group);
    }
    for (size_t k = 0; k < n; k++)
        names[k] = set->items[idx[k]].name;
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && group_of && group_of[idx[b]] == group_of[idx[a]])
            b++;
        if (!group_of)
            b = n;
        size_t pre, suf;
        shared_parts(names + a, b - a, &pre, &suf);
        for (size_t k = a; k < b; k++)
            sn->names[idx[k]] = cut(set->items[idx[k]].name, pre, suf);
        a = b;
    }
    /* Names two groups share keep what the whole set does not share. */
    bool *dup = collisions(sn->names, n);
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = dup[i];
    if (any) {
        for (size_t i = 0; i < n; i++)
            names[i] = set->items[i].name;
        size_t pre, suf;
        shared_parts(names, n, &pre, &suf);
        for (size_t i = 0; i < n; i++)
            if (dup[i]) {
                sn->within_group[i] = sn->names[i];
                sn->shared = true;
                sn->names[i] = cut(set->items[i].name, pre, suf);
            }
        free(dup);
        dup = collisions(sn->names, n);
        for (size_t i = 0; i < n; i++)
            if (dup[i]) {
                free(sn->names[i]);
                sn->names[i] = xstrdup(set->items[i].name);
            }
    }
    free(dup);
    free(idx);
    free(names);
}

/* Where the names of one run of equal cells, names[order[a..b)], start to
 * differ: in `pass` 0 after the prefix they share up to a separator (a word
 * or a bracketed part), later at the first byte that differs (back to the
 * start of its character). */
static size_t cells_differ_at(char *const *names, const size_t *order, size_t a, size_t b, int pass)
{
    const char **run = xmalloc((b - a + 1) * sizeof *run);
    for (size_t k = a; k < b; k++)
        run[k - a] = names[order[k]];
    size_t pre = 0, suf;
    if (pass == 0) {
        shared_parts(run, b - a, &pre, &suf);
    } else {
        pre = strlen(run[0]);
        for (size_t k = 1; k < b - a; k++) {
            size_t i = 0;
            while (i < pre && run[k][i] == run[0][i])
                i++;
            pre = i;
        }
        while (pre > 0 && ((unsigned char)run[0][pre] & 0xC0) == 0x80)
            pre--;
    }
    free(run);
    return pre;
}

/* Cuts names[i] to `width` for the cell, keeping it from byte `from`. */
static char *cell_cut(const char *name, size_t from, int width)
{
    sb_t c = SB_INIT;
    text_cut_keeping(&c, name, from, width, width / 4);
    return sb_detach(&c);
}

#define CELL_PASSES 4

char **shortnames_cells(const shortnames_t *sn, int width)
{
    size_t n = sn->len;
    width = width < 8 ? 8 : width;
    char **cells = xcalloc(n + 1, sizeof *cells);
    for (size_t i = 0; i < n; i++)
        cells[i] = cell_cut(sn->names[i], 0, width);
    /* Each run of equal cells of different names is cut again, keeping
     * where its names start to differ; a run left equal is a smaller one
     * whose names share more, cut again in the next pass. */
    for (int pass = 0; pass < CELL_PASSES; pass++) {
        size_t *order = sorted_by_name(cells, n);
        bool again = false;
        for (size_t a = 0; a < n;) {
            size_t b = a + 1;
            while (b < n && strcmp(cells[order[a]], cells[order[b]]) == 0)
                b++;
            if (b - a > 1 && strcmp(cells[order[a]], sn->names[order[a]]) != 0) {
                size_t from = cells_differ_at(sn->names, order, a, b, pass);
                for (size_t k = a; k < b; k++) {
                    free(cells[order[k]]);
                    cells[order[k]] = cell_cut(sn->names[order[k]], from, width);
                }
                again = true;
            }
            a = b;
        }
        free(order);
        if (!again)
            break;
    }
    /* Never two equal cut cells: what is left (names that differ only
     * past what the column holds twice over) ends in the point's number. */
    bool *dup = collisions(cells, n);
    for (size_t i = 0; i < n; i++)
        if (dup[i] && strcmp(cells[i], sn->names[i]) != 0) {
            char num[32];
            int nl = snprintf(num, sizeof num, " #%zu", i + 1);
            sb_t c = SB_INIT;
            text_cut_keeping(&c, sn->names[i], 0, width - nl, 0);
            sb_puts(&c, num);
            free(cells[i]);
            cells[i] = sb_detach(&c);
        }
    free(dup);
    return cells;
}

char *shortname_beside(const char *name, const char *other)
{
    if (strcmp(name, other) == 0) /* one file given twice: nothing differs */
        return xstrdup(name);
    const char *pair[2] = {name, other};
    size_t pre, suf;
    shared_parts(pair, 2, &pre, &suf);
    return cut(name, pre, suf);
}

void shortnames_free(shortnames_t *sn)
{
    for (size_t i = 0; i < sn->len; i++) {
        free(sn->names[i]);
        free(sn->within_group[i]);
    }
    free(sn->names);
    free(sn->within_group);
    sn->names = NULL;
    sn->within_group = NULL;
    sn->shared = false;
    sn->len = 0;
}
