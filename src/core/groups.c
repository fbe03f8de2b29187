/* groups: a set partitioned by measurement group, each group's frontier
 * computed on a shallow view of its members (as analysis.c does for
 * series), its indices mapped back to the set. */
#include "config.h"

#include "core/groups.h"
#include "core/namematch.h"

#include "base/text.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* qsort has no context argument in C11: the comparison reads the set here. */
static const pointset_t *order_set;

static int by_group_then_index(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    int c = strcmp(point_group(&order_set->items[a]), point_group(&order_set->items[b]));
    return c ? c : (a < b ? -1 : a > b);
}

static int by_first_member(const void *pa, const void *pb)
{
    const group_t *a = pa, *b = pb;
    return a->members[0] < b->members[0] ? -1 : a->members[0] > b->members[0];
}

/* The runs of equal names in `idx` (sorted by name, then index) as groups,
 * each with its members in input order; the groups in order of their
 * first member. */
static void partition(groups_t *g, const size_t *idx, size_t n)
{
    const pointset_t *set = g->set;
    g->items = xcalloc(n ? n : 1, sizeof *g->items);
    for (size_t start = 0; start < n;) {
        size_t end = start + 1;
        const char *name = point_group(&set->items[idx[start]]);
        while (end < n && strcmp(point_group(&set->items[idx[end]]), name) == 0)
            end++;
        group_t *gr = &g->items[g->len++];
        gr->name = name;
        gr->basis = set->items[idx[start]].group_basis;
        gr->nmembers = end - start;
        gr->members = xmalloc(gr->nmembers * sizeof *gr->members);
        memcpy(gr->members, idx + start, gr->nmembers * sizeof *gr->members);
        start = end;
    }
    qsort(g->items, g->len, sizeof *g->items, by_first_member);
}

static void map_indices(size_t *list, size_t n, const size_t *members)
{
    for (size_t k = 0; k < n; k++)
        list[k] = members[list[k]];
}

/* The frontier of group `gr` on a shallow copy holding only its members;
 * its marks move to g->marks and every index is mapped back to the set. */
static void group_frontier(groups_t *g, group_t *gr)
{
    pointset_t view = POINTSET_INIT;
    view.items = xmalloc(gr->nmembers * sizeof *view.items);
    view.len = view.cap = gr->nmembers;
    for (size_t k = 0; k < gr->nmembers; k++) {
        view.items[k] = g->set->items[gr->members[k]]; /* shallow: never freed through view */
        gr->nrated += point_has_rates(&view.items[k]);
    }
    frontier_t *f = &gr->frontier;
    frontier_compute(f, &view, NULL);
    for (size_t k = 0; k < gr->nmembers; k++) {
        frontier_mark_t *m = &g->marks[gr->members[k]];
        *m = f->marks[k];
        map_indices(m->dominated_by, m->ndominated_by, gr->members);
    }
    free(f->marks); /* the marks' lists now belong to g->marks */
    f->marks = NULL;
    f->npoints = 0;
    map_indices(f->pareto, f->npareto, gr->members);
    map_indices(f->hull, f->nhull, gr->members);
    map_indices(f->hull_points, f->nhull_points, gr->members);
    free(view.items);
}

void groups_compute(groups_t *g, const pointset_t *set)
{
    memset(g, 0, sizeof *g);
    g->set = set;
    size_t n = set->len, cap = n ? n : 1;
    size_t *idx = xmalloc(cap * sizeof *idx);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    order_set = set;
    qsort(idx, n, sizeof *idx, by_group_then_index);
    order_set = NULL;
    partition(g, idx, n);
    free(idx);
    g->of = xcalloc(cap, sizeof *g->of);
    g->marks = xcalloc(cap, sizeof *g->marks);
    for (size_t k = 0; k < g->len; k++) {
        for (size_t m = 0; m < g->items[k].nmembers; m++)
            g->of[g->items[k].members[m]] = k;
        group_frontier(g, &g->items[k]);
    }
}

void groups_free(groups_t *g)
{
    for (size_t k = 0; k < g->len; k++) {
        free(g->items[k].members);
        frontier_free(&g->items[k].frontier);
    }
    free(g->items);
    if (g->marks)
        for (size_t i = 0; i < g->set->len; i++)
            free(g->marks[i].dominated_by);
    free(g->marks);
    free(g->of);
    memset(g, 0, sizeof *g);
}

frontier_t groups_view(const groups_t *g, size_t k)
{
    frontier_t f = g->items[k].frontier;
    f.marks = g->marks;
    f.npoints = g->set->len;
    return f;
}

bool *groups_mask(const groups_t *g, size_t k)
{
    bool *mask = xcalloc(g->set->len ? g->set->len : 1, sizeof *mask);
    for (size_t m = 0; k < g->len && m < g->items[k].nmembers; m++)
        mask[g->items[k].members[m]] = true;
    return mask;
}

size_t groups_default(const groups_t *g)
{
    for (size_t i = 0; i < g->set->len; i++)
        if (point_has_rates(&g->set->items[i]))
            return g->of[i];
    return 0;
}

static const char *group_name(const void *ctx, size_t k)
{
    return ((const groups_t *)ctx)->items[k].name;
}

/* The groups as a list of names for the one resolver (namematch). */
static namematch_t group_names(const groups_t *g)
{
    return (namematch_t){"group", "groups", g, g->len, group_name, NULL};
}

long groups_find(const groups_t *g, const char *query)
{
    namematch_t m = group_names(g);
    return namematch_find(&m, query);
}

/* Groups of two or more points whose basis is `basis`. */
static size_t count_basis(const groups_t *g, point_group_basis_t basis)
{
    size_t n = 0;
    for (size_t k = 0; k < g->len; k++)
        n += g->items[k].basis == basis && g->items[k].nmembers > 1;
    return n;
}

#define NOTE_NAMES_MAX 6

static void file_groups_note(sb_t *sb, const groups_t *g, size_t n)
{
    sb_puts(sb, n == 1 ? "Group " : "Groups ");
    size_t shown = 0;
    for (size_t k = 0; k < g->len && shown < NOTE_NAMES_MAX; k++) {
        const group_t *gr = &g->items[k];
        if (gr->basis != POINT_GROUP_FILE || gr->nmembers < 2)
            continue;
        shown++;
        sb_printf(sb, "%s\"%s\" (%zu points)", shown == 1 ? "" : shown == n ? " and " : ", ", gr->name,
                  gr->nmembers);
    }
    if (n > shown)
        sb_printf(sb, " and %zu more", n - shown);
    if (n == 1)
        sb_puts(sb, ": a table that names no harmful set, benign set or judge, so its points are treated as "
                    "comparable; if they are not, name the columns that tell them apart with --group-columns "
                    "COL[,COL...].");
    else
        sb_puts(sb, ": tables that name no harmful set, benign set or judge, so the points of each are treated "
                    "as comparable and the tables as different measurements; if that is wrong, name the columns "
                    "that tell measurements apart with --group-columns COL[,COL...], or pool them with "
                    "--group-columns none.");
}

bool groups_basis_note(sb_t *sb, const groups_t *g)
{
    size_t nfile = count_basis(g, POINT_GROUP_FILE);
    if (nfile)
        file_groups_note(sb, g, nfile);
    bool pooled = false;
    for (size_t k = 0; k < g->len && !pooled; k++) {
        const group_t *gr = &g->items[k];
        if (gr->basis != POINT_GROUP_POOLED)
            continue;
        pooled = true;
        sb_printf(sb, "%s--group-columns none: %zu point%s pooled in one group (\"%s\") on purpose and treated as "
                      "comparable, whatever sets and judges they were measured on.",
                  nfile ? " " : "", gr->nmembers, gr->nmembers == 1 ? " is" : "s are", gr->name);
    }
    return nfile > 0 || pooled;
}

const char *groups_basis_key(point_group_basis_t basis)
{
    switch (basis) {
    case POINT_GROUP_COLUMNS: return "columns";
    case POINT_GROUP_PROMPTS: return "prompts";
    case POINT_GROUP_CURVE: return "curve";
    case POINT_GROUP_POOLED: return "pooled";
    case POINT_GROUP_FILE: break;
    }
    return "file";
}

long groups_resolve(const groups_t *g, const char *query, sb_t *why)
{
    namematch_t m = group_names(g);
    return namematch_resolve(&m, query, why);
}
