/* names: what the points of a file are called, each name unique. */
#include "config.h"

#include "load/names.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/nameindex.h"
#include "core/shortname.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *names_from_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcasecmp(base + n - 4, ".csv") == 0)
        n -= 4;
    return text_sanitize(base, n);
}

static int by_key(const void *a, const void *b)
{
    return strcmp((*(const point_attr_t *const *)a)->key, (*(const point_attr_t *const *)b)->key);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The value of attribute `key` among a point's attributes sorted by key. */
static const char *sorted_attr(point_attr_t *const *sorted, size_t n, const char *key)
{
    point_attr_t probe = {(char *)key, NULL}, *pp = &probe;
    point_attr_t *const *hit = bsearch(&pp, sorted, n, sizeof *sorted, by_key);
    return hit ? (*hit)->value : NULL;
}

/* The first column (in file order) whose values differ across all of the
 * given points, used to tell apart rows that would share a name. Sorting
 * keeps this O(columns x n log n) for thousands of rows of one name. */
static const char *distinguishing_column(const pointset_t *set, const size_t *idx, size_t n, char *const *columns,
                                         size_t ncols)
{
    point_attr_t ***sorted = xmalloc(n * sizeof *sorted);
    for (size_t i = 0; i < n; i++) {
        const point_t *p = &set->items[idx[i]];
        sorted[i] = xmalloc((p->nattrs ? p->nattrs : 1) * sizeof **sorted);
        for (size_t a = 0; a < p->nattrs; a++)
            sorted[i][a] = &p->attrs[a];
        qsort(sorted[i], p->nattrs, sizeof **sorted, by_key);
    }
    const char **values = xmalloc(n * sizeof *values);
    const char *found = NULL;
    for (size_t c = 0; c < ncols && !found; c++) {
        const char *key = columns[c];
        if (strcasecmp(key, "notes") == 0)
            continue;
        bool distinct = true;
        for (size_t i = 0; i < n && distinct; i++) {
            values[i] = sorted_attr(sorted[i], set->items[idx[i]].nattrs, key);
            distinct = values[i] != NULL;
        }
        if (distinct)
            qsort(values, n, sizeof *values, by_string);
        for (size_t i = 1; i < n && distinct; i++)
            distinct = strcmp(values[i - 1], values[i]) != 0;
        if (distinct)
            found = key;
    }
    for (size_t i = 0; i < n; i++)
        free(sorted[i]);
    free(sorted);
    free(values);
    return found;
}

static void append_suffix(point_t *p, const char *suffix)
{
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%s [%s]", p->name, suffix);
    free(p->name);
    p->name = sb_detach(&sb);
}

/* Renames the points at idx[0..n) (one name, in file order): by the first
 * column that tells them apart, else by line. */
static void rename_group(pointset_t *set, const size_t *idx, size_t n, char *const *columns, size_t ncols)
{
    const char *key = n >= 2 ? distinguishing_column(set, idx, n, columns, ncols) : NULL;
    for (size_t k = 0; k < n; k++) {
        point_t *p = &set->items[idx[k]];
        char line[32];
        snprintf(line, sizeof line, "line %ld", p->line);
        append_suffix(p, key ? point_attr(p, key) : line);
    }
}

static char *free_name(pointset_t *set, const char *base, const char *tag, const point_t *p, bool with_line);

/* Renames the one point of its name in this file, p, whose name an earlier
 * file's point `holder` has: by what differs between the two files' names
 * (shortname_beside: "b.csv" beside "a.csv", "v2/runs.csv" beside
 * "v1/runs.csv"), not by a line number both files may share. */
static void rename_by_file(pointset_t *set, point_t *p, long holder, const char *tag)
{
    const char *other = set->items[holder].source;
    char *file = other ? shortname_beside(tag, other) : xstrdup(tag);
    char *name = free_name(set, p->name, file, p, false);
    free(p->name);
    p->name = name;
    free(file);
}

typedef struct {
    const char *name;
    size_t at;
} named_at_t;

static int by_name_then_position(const void *a, const void *b)
{
    const named_at_t *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

size_t *names_order(char *const *names, size_t n)
{
    named_at_t *pairs = xmalloc((n ? n : 1) * sizeof *pairs);
    for (size_t i = 0; i < n; i++)
        pairs[i] = (named_at_t){names[i], i};
    qsort(pairs, n, sizeof *pairs, by_name_then_position);
    size_t *order = xmalloc((n ? n : 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = pairs[i].at;
    free(pairs);
    return order;
}

/* Indexes items[i], the next point, as it is now named. */
static void index_next(pointset_t *set, size_t i)
{
    nameindex_add(&set->names, set, i);
    set->suffix_next = xgrow(set->suffix_next, &set->suffix_cap, i + 1, sizeof *set->suffix_next);
    set->suffix_next[i] = 0;
    set->named = i + 1;
}

/* Brings the set's index of names (point.h) to items[0..first): indexes
 * the points added since it was last used (by another loader, the
 * built-in scenario), or builds it anew when points it held are gone. */
static void index_upto(pointset_t *set, size_t first)
{
    if (set->named > first) {
        nameindex_free(&set->names);
        set->named = 0;
    }
    while (set->named < first)
        index_next(set, set->named);
}

/* Sorting and hashing keep this O(n log n) in the file's points, whatever
 * the set already holds: thousands of rows of one name, or one file loaded
 * hundreds of times, load in a blink. */
void names_tell_apart(pointset_t *set, size_t first, char *const *columns, size_t ncols, const char *tag)
{
    size_t n = set->len - first;
    index_upto(set, first);
    char **names = xmalloc((n ? n : 1) * sizeof *names);
    for (size_t k = 0; k < n; k++)
        names[k] = set->items[first + k].name;
    size_t *order = names_order(names, n);
    /* Find the runs of one name first: renaming frees the names sorted. */
    size_t ngroups = 0;
    size_t *run_start = xmalloc((n + 1) * sizeof *run_start);
    bool *clash = xmalloc((n ? n : 1) * sizeof *clash);
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && strcmp(names[order[a]], names[order[b]]) == 0; b++)
            ;
        run_start[ngroups] = a;
        clash[ngroups++] = nameindex_find(&set->names, set, names[order[a]]) >= 0;
    }
    run_start[ngroups] = n;
    free(names);
    size_t *group = xmalloc((n ? n : 1) * sizeof *group);
    for (size_t g = 0; g < ngroups; g++) {
        size_t a = run_start[g], len = run_start[g + 1] - a;
        if (len < 2 && !clash[g])
            continue;
        if (len < 2) {
            point_t *p = &set->items[first + order[a]];
            rename_by_file(set, p, nameindex_find(&set->names, set, p->name), tag);
            continue;
        }
        for (size_t k = 0; k < len; k++)
            group[k] = first + order[a + k];
        rename_group(set, group, len, columns, ncols);
    }
    free(run_start);
    free(clash);
    free(group);
    free(order);
    /* A bracketed value can itself collide (two files, same text). */
    names_unique(set, first, tag, true);
}

/* "base [tag]", "base [tag line N]", with " #k" before the bracket closes
 * from the second attempt on. */
static char *suffixed(const char *base, const char *tag, const point_t *p, bool with_line, int attempt)
{
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%s [%s", base, tag);
    if (with_line)
        sb_printf(&sb, " line %ld", p->line);
    if (attempt > 1)
        sb_printf(&sb, " #%d", attempt);
    sb_putc(&sb, ']');
    return sb_detach(&sb);
}

/* A free name for `p`, named `base` so far: the first suffix, else " #k"
 * with the smallest free k from 2. Names are never given back, so each
 * search resumes where the last one for the same first suffix stopped
 * (kept at the position of the point that holds that suffix): N copies of
 * a file cost N tries per point in all, not N squared. */
static char *free_name(pointset_t *set, const char *base, const char *tag, const point_t *p, bool with_line)
{
    char *name = suffixed(base, tag, p, with_line, 1);
    long holder = nameindex_find(&set->names, set, name);
    if (holder < 0)
        return name;
    unsigned k = set->suffix_next[holder] > 2 ? set->suffix_next[holder] : 2;
    for (;; k++) {
        free(name);
        name = suffixed(base, tag, p, with_line, (int)k);
        if (nameindex_find(&set->names, set, name) < 0)
            break;
    }
    set->suffix_next[holder] = k + 1;
    return name;
}

void names_unique(pointset_t *set, size_t first, const char *tag, bool with_line)
{
    index_upto(set, first);
    for (size_t i = first; i < set->len; i++) {
        point_t *p = &set->items[i];
        if (nameindex_find(&set->names, set, p->name) >= 0) {
            char *base = p->name;
            p->name = free_name(set, base, tag, p, with_line);
            free(base);
        }
        index_next(set, i);
    }
}
