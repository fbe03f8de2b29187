/* analysis: frontier, intervals, categories and the optimum of one set. */
#include "config.h"

#include "core/analysis.h"

#include "base/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* qsort has no context argument in C11: the comparison reads these. */
static const pointset_t *series_sort_set;
static const size_t *series_sort_group; /* per point: its group */

/* A series is a knob sweep inside one group: by group, then series name. */
static int by_series(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    size_t ga = series_sort_group[a], gb = series_sort_group[b];
    if (ga != gb)
        return ga < gb ? -1 : 1;
    int c = strcmp(series_sort_set->items[a].series, series_sort_set->items[b].series);
    return c ? c : (a < b ? -1 : a > b);
}

static bool same_series(const analysis_t *a, size_t i, size_t j)
{
    return a->groups.of[i] == a->groups.of[j] && strcmp(a->set->items[i].series, a->set->items[j].series) == 0;
}

/* The frontier of one series, computed on a shallow copy holding only its
 * points, so that many small series cost time in proportion to their size. */
static void series_group(analysis_t *a, const size_t *idx, size_t n)
{
    pointset_t view = POINTSET_INIT;
    view.items = xmalloc(n * sizeof *view.items);
    view.len = view.cap = n;
    for (size_t k = 0; k < n; k++)
        view.items[k] = a->set->items[idx[k]]; /* shallow: never freed through view */
    frontier_t f;
    frontier_compute(&f, &view, NULL);
    for (size_t k = 0; k < n; k++) {
        a->series_pareto[idx[k]] = f.marks[k].pareto_optimal;
        a->series_hull[idx[k]] = f.marks[k].on_hull;
    }
    frontier_free(&f);
    free(view.items);
}

static void series_marks(analysis_t *a)
{
    const pointset_t *set = a->set;
    size_t cap = set->len ? set->len : 1, n = 0;
    a->series_pareto = xcalloc(cap, sizeof(bool));
    a->series_hull = xcalloc(cap, sizeof(bool));
    size_t *idx = xmalloc(cap * sizeof *idx);
    for (size_t i = 0; i < set->len; i++)
        if (set->items[i].series)
            idx[n++] = i;
    series_sort_set = set;
    series_sort_group = a->groups.of;
    qsort(idx, n, sizeof *idx, by_series);
    series_sort_set = NULL;
    series_sort_group = NULL;
    for (size_t start = 0; start < n;) {
        size_t end = start + 1;
        while (end < n && same_series(a, idx[end], idx[start]))
            end++;
        series_group(a, idx + start, end - start);
        start = end;
    }
    free(idx);
}

/* Each group's optimum, and the cheapest of them when two or more have one. */
static void optimal_groups(analysis_t *a)
{
    const groups_t *g = &a->groups;
    a->optimal = xcalloc(g->len ? g->len : 1, sizeof *a->optimal);
    a->cheapest = -1;
    size_t found = 0;
    for (size_t k = 0; k < g->len; k++) {
        a->optimal[k] = optimal_find(&g->items[k].frontier, a->set, a->scenario);
        optimal_uncertainty(&a->optimal[k], a->set, a->scenario, a->opts.confidence, a->opts.interval);
        if (!a->optimal[k].found)
            continue;
        found++;
        if (a->cheapest < 0 || a->optimal[k].projection.cost < a->optimal[a->cheapest].projection.cost)
            a->cheapest = (long)k;
    }
    if (found < 2)
        a->cheapest = -1;
}

void analysis_compute(analysis_t *a, const pointset_t *set, const scenario_t *s,
                      const analysis_opts_t *opts)
{
    static const analysis_opts_t defaults = ANALYSIS_OPTS_INIT;
    a->set = set;
    a->scenario = s;
    a->opts = opts ? *opts : defaults;
    groups_compute(&a->groups, set);
    series_marks(a);
    optimal_groups(a);
}

void analysis_free(analysis_t *a)
{
    groups_free(&a->groups);
    free(a->series_pareto);
    free(a->series_hull);
    free(a->optimal);
    a->series_pareto = a->series_hull = NULL;
    a->optimal = NULL;
}

size_t analysis_focus(const analysis_t *a, const char *focus)
{
    long k = focus ? groups_find(&a->groups, focus) : GROUPS_UNKNOWN;
    return k >= 0 ? (size_t)k : groups_default(&a->groups);
}

const char *analysis_marks(const analysis_t *a, size_t i)
{
    const frontier_mark_t *m = &a->groups.marks[i];
    if (!point_has_rates(&a->set->items[i]))
        return "?";
    if (m->on_hull)
        return "PH";
    return m->pareto_optimal ? "P" : "-";
}
