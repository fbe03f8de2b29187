/* series: series numbered in order of first appearance. */
#include "config.h"

#include "render/series.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int by_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

typedef struct {
    const char *name;
    size_t idx;
} named_idx_t;

static int by_name_then_index(const void *a, const void *b)
{
    const named_idx_t *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

void series_index(series_index_t *s, const pointset_t *set, const bool *take)
{
    size_t n = set ? set->len : 0;
    s->of = xcalloc(n + 1, sizeof *s->of);
    named_idx_t *v = xmalloc((n + 1) * sizeof *v);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!take || take[i]) {
            const char *name = set->items[i].series;
            v[m++] = (named_idx_t){name ? name : "", i};
        }
    qsort(v, m, sizeof *v, by_name_then_index);
    /* each run of equal names starts with its earliest point; ranking the
     * runs by that point gives the order of first appearance */
    size_t *first = xmalloc((m + 1) * sizeof *first), nruns = 0;
    for (size_t j = 0; j < m; j++)
        if (j == 0 || strcmp(v[j].name, v[j - 1].name) != 0)
            first[nruns++] = v[j].idx;
    qsort(first, nruns, sizeof *first, by_index);
    s->names = xmalloc((nruns + 1) * sizeof *s->names);
    s->n = nruns;
    for (size_t r = 0; r < nruns; r++) {
        const char *name = set->items[first[r]].series;
        name = name ? name : "";
        s->names[r] = text_sanitize(name, strlen(name));
        s->of[first[r]] = r; /* the run starting at first[r] is series r */
    }
    size_t run_first = 0;
    for (size_t j = 0; j < m; j++) {
        if (j == 0 || strcmp(v[j].name, v[j - 1].name) != 0)
            run_first = v[j].idx;
        s->of[v[j].idx] = s->of[run_first];
    }
    free(first);
    free(v);
}

void series_index_free(series_index_t *s)
{
    for (size_t r = 0; r < s->n; r++)
        free(s->names[r]);
    free(s->names);
    free(s->of);
    memset(s, 0, sizeof *s);
}
