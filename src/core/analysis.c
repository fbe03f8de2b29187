/* analysis: frontier, intervals, categories and the optimum of one set. */
#include "config.h"

#include "core/analysis.h"

#include "base/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* qsort has no context argument in C11: the comparison reads the set here. */
static const pointset_t *series_sort_set;

static int by_series(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    int c = strcmp(series_sort_set->items[a].series, series_sort_set->items[b].series);
    return c ? c : (a < b ? -1 : a > b);
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
    qsort(idx, n, sizeof *idx, by_series);
    series_sort_set = NULL;
    for (size_t start = 0; start < n;) {
        size_t end = start + 1;
        while (end < n && strcmp(set->items[idx[end]].series, set->items[idx[start]].series) == 0)
            end++;
        series_group(a, idx + start, end - start);
        start = end;
    }
    free(idx);
}

void analysis_compute(analysis_t *a, const pointset_t *set, const scenario_t *s,
                      const analysis_opts_t *opts)
{
    static const analysis_opts_t defaults = ANALYSIS_OPTS_INIT;
    a->set = set;
    a->scenario = s;
    a->opts = opts ? *opts : defaults;
    frontier_compute(&a->all, set, NULL);
    series_marks(a);
    a->optimal = optimal_find(&a->all, set, s);
    optimal_uncertainty(&a->optimal, set, s, a->opts.confidence, a->opts.interval);
}

void analysis_free(analysis_t *a)
{
    frontier_free(&a->all);
    free(a->series_pareto);
    free(a->series_hull);
    a->series_pareto = a->series_hull = NULL;
}

const char *analysis_marks(const analysis_t *a, size_t i)
{
    const frontier_mark_t *m = &a->all.marks[i];
    if (!point_has_rates(&a->set->items[i]))
        return "?";
    if (m->on_hull)
        return "PH";
    return m->pareto_optimal ? "P" : "-";
}
