/* labels: collision-free point labels on a grid of cells, shared by the
 * terminal chart and the SVG. */
#include "config.h"

#include "render/labels.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- one label ------------------------------------------------------------------ */

bool labels_fit(const labels_area_t *a, int col, int row, int w, bool crowded)
{
    const canvas_t *c = a->canvas;
    if (row < a->row0 || row >= a->row1 || col < a->col0 || col + w > a->col1)
        return false;
    if (!canvas_span_free(c, col, row, w, crowded ? CANVAS_PRIO_MARKER : CANVAS_PRIO_LINE))
        return false;
    if (crowded) { /* over lines if need be, but never touching a label */
        const canvas_cell_t *l = col - 1 >= a->col0 ? canvas_cell(c, col - 1, row) : NULL;
        const canvas_cell_t *r = canvas_cell(c, col + w, row);
        return !(l && l->prio >= CANVAS_PRIO_LABEL) && !(r && r->prio >= CANVAS_PRIO_LABEL);
    }
    /* one free cell beside a marker, two beside another label */
    for (int d = 1; d <= 2; d++) {
        canvas_prio_t guard = d == 1 ? CANVAS_PRIO_MARKER : CANVAS_PRIO_LABEL;
        const canvas_cell_t *l = col - d >= a->col0 ? canvas_cell(c, col - d, row) : NULL;
        const canvas_cell_t *r = canvas_cell(c, col + w - 1 + d, row);
        if ((l && l->prio >= guard) || (r && r->prio >= guard))
            return false;
    }
    return true;
}

/* The first place beside (col,row) where `w` columns fit, in *at_col/row. */
static bool find_place(const labels_area_t *a, int col, int row, int w, bool crowded, int *at_col, int *at_row)
{
    const int cand[][2] = {
        {col + 2, row}, {col - 1 - w, row}, {col - w / 2, row - 1}, {col - w / 2, row + 1},
        {col + 1, row - 1}, {col + 1, row + 1}, {col - w, row - 1}, {col - w, row + 1},
    };
    for (size_t i = 0; i < sizeof cand / sizeof cand[0]; i++) {
        if (labels_fit(a, cand[i][0], cand[i][1], w, crowded)) {
            *at_col = cand[i][0];
            *at_row = cand[i][1];
            return true;
        }
    }
    return false;
}

bool labels_place(const labels_area_t *a, int col, int row, const char *text, canvas_style_t style, bool crowded)
{
    int at_col, at_row;
    if (!find_place(a, col, row, text_width(text), crowded, &at_col, &at_row))
        return false;
    canvas_text(a->canvas, at_col, at_row, text, style, CANVAS_PRIO_LABEL);
    return true;
}

/* ---- groups of points sharing a cell ---------------------------------------------- */

typedef struct {
    int col, row;
    size_t *members; /* point indices sharing the cell, in set order */
    size_t n;
    int rank;        /* lower is placed first */
} group_t;

static int group_cmp(const void *a, const void *b)
{
    const group_t *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    return x->members[0] < y->members[0] ? -1 : x->members[0] > y->members[0];
}

/* Drawn, and of the chart's group: another group's dot is not named. */
static bool labelled(const labels_points_t *in, size_t i)
{
    return in->col[i] >= 0 && (!in->in_group || in->in_group[i]);
}

static bool is_dominated(const labels_points_t *in, size_t i)
{
    const frontier_t *f = in->frontier;
    return f && f->npoints == in->points->len && !f->marks[i].pareto_optimal;
}

static int group_rank(const labels_points_t *in, const group_t *g)
{
    int rank = 3;
    for (size_t j = 0; j < g->n; j++) {
        long i = (long)g->members[j];
        int r = i == in->selected ? 0 : i == in->baseline ? 1 : is_dominated(in, (size_t)i) ? 3 : 2;
        if (r < rank)
            rank = r;
    }
    return rank;
}

typedef struct {
    group_t *g;
    size_t n;
    long *cell_group; /* per cell of the canvas: its group, -1 for none */
    int width;        /* of the canvas, for cell_group */
} groups_t;

/* Groups the drawn points by cell (a map from cell to group keeps this
 * linear) and sorts the groups by rank. */
static void make_groups(groups_t *gs, const canvas_t *c, const labels_points_t *in)
{
    size_t npoints = in->points ? in->points->len : 0;
    size_t ncells = (size_t)c->width * (size_t)c->height;
    long *map = xmalloc((ncells + 1) * sizeof *map);
    for (size_t k = 0; k < ncells; k++)
        map[k] = -1;
    group_t *g = xcalloc(npoints + 1, sizeof *g);
    size_t ng = 0;
    for (int pass = 0; pass < 2; pass++) { /* count, then fill */
        for (size_t i = 0; i < npoints; i++) {
            if (!labelled(in, i) || in->col[i] >= c->width || in->row[i] < 0 || in->row[i] >= c->height)
                continue;
            size_t cell = (size_t)in->row[i] * (size_t)c->width + (size_t)in->col[i];
            if (map[cell] < 0) {
                g[ng] = (group_t){in->col[i], in->row[i], NULL, 0, 0};
                map[cell] = (long)ng++;
            }
            group_t *gr = &g[map[cell]];
            if (pass == 0)
                gr->rank++; /* the count, for now */
            else
                gr->members[gr->n++] = i;
        }
        if (pass == 0)
            for (size_t j = 0; j < ng; j++)
                g[j].members = xmalloc((size_t)g[j].rank * sizeof *g[j].members);
    }
    for (size_t j = 0; j < ng; j++)
        g[j].rank = group_rank(in, &g[j]);
    if (ng > 1)
        qsort(g, ng, sizeof *g, group_cmp);
    for (size_t j = 0; j < ng; j++)
        map[(size_t)g[j].row * (size_t)c->width + (size_t)g[j].col] = (long)j;
    gs->g = g;
    gs->n = ng;
    gs->cell_group = map;
    gs->width = c->width;
}

static void groups_free(groups_t *gs)
{
    for (size_t j = 0; j < gs->n; j++)
        free(gs->g[j].members);
    free(gs->g);
    free(gs->cell_group);
}

static size_t group_of(const groups_t *gs, const labels_points_t *in, size_t i)
{
    return (size_t)gs->cell_group[(size_t)in->row[i] * (size_t)gs->width + (size_t)in->col[i]];
}

/* ---- texts ----------------------------------------------------------------------- */

/* A point's name up to " (" or " [": "Claude-2.1 (as released)" reads as
 * "Claude-2.1" on the chart. Newly allocated. */
static char *short_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 1; name[i]; i++)
        if (name[i] == ' ' && (name[i + 1] == '(' || name[i + 1] == '[')) {
            n = i;
            break;
        }
    return xstrndup(name, n);
}

static int str_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Per drawn point, the label written beside it: the short name when no
 * other drawn point shares it, else the full name. Sorting finds the shared
 * ones in O(n log n). */
static char **label_texts(const labels_points_t *in, size_t n)
{
    char **lab = xcalloc(n + 1, sizeof *lab);
    char **sorted = xcalloc(n + 1, sizeof *sorted);
    size_t ns = 0;
    for (size_t i = 0; i < n; i++)
        if (labelled(in, i)) {
            lab[i] = short_name(in->points->items[i].name);
            sorted[ns++] = lab[i];
        }
    qsort(sorted, ns, sizeof *sorted, str_ptr_cmp);
    bool *shared = xcalloc(n + 1, sizeof *shared);
    for (size_t i = 0; i < n; i++) {
        if (!lab[i])
            continue;
        char **hit = bsearch(&lab[i], sorted, ns, sizeof *sorted, str_ptr_cmp);
        shared[i] = hit && ((hit > sorted && strcmp(hit[-1], lab[i]) == 0) ||
                            (hit + 1 < sorted + ns && strcmp(hit[1], lab[i]) == 0));
    }
    for (size_t i = 0; i < n; i++)
        if (shared[i]) { /* the full name is unique: names in a set are */
            free(lab[i]);
            lab[i] = xstrdup(in->points->items[i].name);
        }
    free(shared);
    free(sorted);
    return lab;
}

static void key_add(labels_t *l, char *line)
{
    l->key = xrealloc(l->key, (l->nkey + 1) * sizeof *l->key);
    l->key[l->nkey++] = line;
}

static void key_line_for(labels_t *l, const pointset_t *set, int number, size_t i)
{
    const point_t *p = &set->items[i];
    char a[32], b[32];
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%3d  %s  (ORR %s, ASR %s)", number, p->name, num_format_pct(p->orr, a, sizeof a),
              num_format_pct(p->asr, b, sizeof b));
    key_add(l, sb_detach(&sb));
}

/* The numbers a group shows: "3", "3,4", "3-5" or "3,5+". */
static void group_numbers(char *text, size_t size, const group_t *g, const int *number)
{
    int first = number[g->members[0]], last = number[g->members[g->n - 1]];
    if (g->n == 1)
        snprintf(text, size, "%d", first);
    else if (g->n == 2)
        snprintf(text, size, "%d,%d", first, last);
    else if (last - first + 1 == (int)g->n)
        snprintf(text, size, "%d-%d", first, last);
    else
        snprintf(text, size, "%d,%d+", first, number[g->members[1]]);
}

/* Places a group's text and records where it went. */
static bool place_group(labels_t *l, const labels_area_t *a, const group_t *g, const char *text, bool number,
                        bool crowded)
{
    int col, row;
    if (!find_place(a, g->col, g->row, text_width(text), crowded, &col, &row))
        return false;
    canvas_text(a->canvas, col, row, text, CANVAS_STYLE_LABEL, CANVAS_PRIO_LABEL);
    l->placed = xrealloc(l->placed, (l->nplaced + 1) * sizeof *l->placed);
    l->placed[l->nplaced++] = (labels_placed_t){col, row, xstrdup(text), g->members[0], number};
    return true;
}

/* ---- all the points ----------------------------------------------------------------- */

/* Names beside single points, most important first; true per named group. */
static bool *name_groups(labels_t *l, const labels_area_t *a, const labels_points_t *in, const groups_t *gs)
{
    size_t n = in->points ? in->points->len : 0;
    bool *named = xcalloc(gs->n + 1, sizeof *named);
    if (in->no_labels)
        return named;
    int max_name = in->max_name < LABELS_NAME_MAX ? in->max_name : LABELS_NAME_MAX;
    char **lab = label_texts(in, n);
    for (size_t j = 0; j < gs->n; j++) {
        const char *name = lab[gs->g[j].members[0]];
        if (gs->g[j].n == 1 && text_width(name) <= max_name)
            named[j] = place_group(l, a, &gs->g[j], name, false, false);
    }
    for (size_t i = 0; i < n; i++)
        free(lab[i]);
    free(lab);
    return named;
}

/* Numbers the points of the unnamed groups in the order of the set, unless
 * there are so many that a key would not help anyone; false then. */
static bool number_points(labels_t *l, const labels_points_t *in, const groups_t *gs, const bool *named)
{
    size_t n = in->points ? in->points->len : 0, unnamed = 0;
    for (size_t j = 0; j < gs->n; j++)
        if (!named[j])
            unnamed += gs->g[j].n;
    if (unnamed > LABELS_MAX_KEY) {
        sb_t sb = SB_INIT;
        sb_printf(&sb, "     %zu points not named: too many to number (see `tradeoff report` for the list)",
                  unnamed);
        key_add(l, sb_detach(&sb));
        return false;
    }
    int next = 1;
    for (size_t i = 0; i < n; i++) {
        if (!labelled(in, i) || named[group_of(gs, in, i)])
            continue;
        l->number[i] = next++;
        key_line_for(l, in->points, l->number[i], i);
    }
    return true;
}

void labels_points(labels_t *out, const labels_area_t *a, const labels_points_t *in)
{
    memset(out, 0, sizeof *out);
    size_t n = in->points ? in->points->len : 0;
    out->number = xcalloc(n + 1, sizeof *out->number);
    groups_t gs;
    make_groups(&gs, a->canvas, in);
    bool *named = name_groups(out, a, in, &gs);
    if (number_points(out, in, &gs, named)) {
        for (size_t j = 0; j < gs.n; j++) {
            if (named[j])
                continue;
            char text[32];
            group_numbers(text, sizeof text, &gs.g[j], out->number);
            if (!place_group(out, a, &gs.g[j], text, true, false))
                place_group(out, a, &gs.g[j], text, true, true);
        }
    }
    free(named);
    groups_free(&gs);
}

void labels_free(labels_t *l)
{
    free(l->number);
    for (size_t i = 0; i < l->nkey; i++)
        free(l->key[i]);
    free(l->key);
    for (size_t i = 0; i < l->nplaced; i++)
        free(l->placed[i].text);
    free(l->placed);
    memset(l, 0, sizeof *l);
}
