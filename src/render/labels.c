/* labels: collision-free point labels on a grid of cells, shared by the
 * terminal chart and the SVG. */
#include "config.h"

#include "render/labels.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- one label ------------------------------------------------------------------ */

bool labels_fit(const labels_area_t *a, int col, int row, int w, bool crowded)
{
    const canvas_t *c = a->canvas;
    if (row < a->row0 || row >= a->row1 || col < a->col0 || col + w > a->col1)
        return false;
    /* never over anything: a line, the policy's box, a marker or text */
    if (!canvas_span_free(c, col, row, w, CANVAS_PRIO_SHADE))
        return false;
    if (crowded) { /* closer than usual, but never touching a label */
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
    /* beside it, then above or below it, then at its corners, then a row
     * further above or below (still the nearest free place: a label never
     * covers a line, so near a frontier line it may have to step away) */
    const int cand[][2] = {
        {col + 2, row},          {col - 1 - w, row},      {col - w / 2, row - 1}, {col - w / 2, row + 1},
        {col + 1, row - 1},      {col + 1, row + 1},      {col - w, row - 1},     {col - w, row + 1},
        {col - w / 2, row - 2},  {col - w / 2, row + 2},
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

static bool is_dominated(const labels_points_t *in, size_t i)
{
    const frontier_t *f = in->frontier;
    return f && f->npoints == in->points->len && !f->marks[i].pareto_optimal;
}

/* Drawn on the canvas, and of the chart's group: another group's dot is
 * not named. */
static bool labelled(const labels_points_t *in, size_t i, int width, int height)
{
    return in->col[i] >= 0 && in->col[i] < width && in->row[i] >= 0 && in->row[i] < height &&
           (!in->in_group || in->in_group[i]);
}

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

typedef struct {
    char *name;
    size_t point;
} short_t;

static int short_cmp(const void *a, const void *b)
{
    return strcmp(((const short_t *)a)->name, ((const short_t *)b)->name);
}

/* Per point: whether another drawn point has the same short name (then the
 * full name, unique in a set, is written instead). Sorting finds them in
 * O(n log n). */
static bool *shared_names(const labels_points_t *in, int width, int height)
{
    size_t n = in->points ? in->points->len : 0, m = 0;
    bool *shared = xcalloc(n + 1, sizeof *shared);
    short_t *v = xmalloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++)
        if (labelled(in, i, width, height))
            v[m++] = (short_t){short_name(in->points->items[i].name), i};
    qsort(v, m, sizeof *v, short_cmp);
    for (size_t j = 0; j < m; j++)
        shared[v[j].point] = (j > 0 && strcmp(v[j - 1].name, v[j].name) == 0) ||
                             (j + 1 < m && strcmp(v[j + 1].name, v[j].name) == 0);
    for (size_t j = 0; j < m; j++)
        free(v[j].name);
    free(v);
    return shared;
}

void labels_cells_build(labels_cells_t *gs, int width, int height, const labels_points_t *in)
{
    size_t n = in->points ? in->points->len : 0;
    size_t ncells = (size_t)width * (size_t)height;
    memset(gs, 0, sizeof *gs);
    gs->width = width;
    gs->height = height;
    gs->cell_group = xmalloc((ncells + 1) * sizeof *gs->cell_group);
    for (size_t c = 0; c < ncells; c++)
        gs->cell_group[c] = -1;
    /* Groups in order of their first member (the order of a scan of the
     * set), each counting its members; then their storage; then filled. */
    labels_cell_t *g = xcalloc(n + 1, sizeof *g);
    size_t ng = 0;
    for (size_t i = 0; i < n; i++) {
        if (!labelled(in, i, width, height))
            continue;
        long *at = &gs->cell_group[(size_t)in->row[i] * (size_t)width + (size_t)in->col[i]];
        if (*at < 0) {
            g[ng] = (labels_cell_t){in->col[i], in->row[i], NULL, 0, true};
            *at = (long)ng++;
        }
        g[*at].n++;
        g[*at].dominated = g[*at].dominated && is_dominated(in, i);
    }
    gs->members = xmalloc((n + 1) * sizeof *gs->members);
    size_t *fill = xmalloc((ng + 1) * sizeof *fill), used = 0;
    for (size_t j = 0; j < ng; j++) {
        fill[j] = used;
        g[j].members = gs->members + used;
        used += g[j].n;
    }
    for (size_t i = 0; i < n; i++)
        if (labelled(in, i, width, height))
            gs->members[fill[gs->cell_group[(size_t)in->row[i] * (size_t)width + (size_t)in->col[i]]]++] = i;
    free(fill);
    /* The frontier's groups first, each part keeping its order. */
    gs->g = xmalloc((ng + 1) * sizeof *gs->g);
    for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < ng; j++)
            if (g[j].dominated == (pass == 1))
                gs->g[gs->n++] = g[j];
    for (size_t j = 0; j < gs->n; j++)
        gs->cell_group[(size_t)gs->g[j].row * (size_t)width + (size_t)gs->g[j].col] = (long)j;
    free(g);
    gs->shared = shared_names(in, width, height);
}

void labels_cells_free(labels_cells_t *gs)
{
    free(gs->g);
    free(gs->members);
    free(gs->cell_group);
    free(gs->shared);
    memset(gs, 0, sizeof *gs);
}

/* The group of point `i`, or -1 when it is not drawn. */
static long group_of(const labels_cells_t *gs, const labels_points_t *in, long i)
{
    if (i < 0 || !in->points || (size_t)i >= in->points->len || !labelled(in, (size_t)i, gs->width, gs->height))
        return -1;
    return gs->cell_group[(size_t)in->row[i] * (size_t)gs->width + (size_t)in->col[i]];
}

/* The order groups are labelled in: the selected point's, the baseline's,
 * then the frontier's and the dominated ones (the order of gs->g). */
static size_t *label_order(const labels_cells_t *gs, const labels_points_t *in)
{
    size_t *order = xmalloc((gs->n + 1) * sizeof *order), k = 0;
    long first = group_of(gs, in, in->selected), second = group_of(gs, in, in->baseline);
    if (first >= 0)
        order[k++] = (size_t)first;
    if (second >= 0 && second != first)
        order[k++] = (size_t)second;
    for (size_t j = 0; j < gs->n; j++)
        if ((long)j != first && (long)j != second)
            order[k++] = j;
    return order;
}

/* ---- texts ----------------------------------------------------------------------- */

static void key_add(labels_t *l, char *line)
{
    l->key = xrealloc(l->key, (l->nkey + 1) * sizeof *l->key);
    l->key[l->nkey++] = line;
}

/* "  3  name  (ORR 6.00%, ASR 0.20%)": the rates beside the policy's
 * bounds, as the chart draws its box (0.498% against ASR < 0.50%). */
static void key_line_for(labels_t *l, const labels_points_t *in, size_t i)
{
    const point_t *p = &in->points->items[i];
    double orr_max = in->policy ? in->policy->orr.max : INFINITY, asr_max = in->policy ? in->policy->asr.max : INFINITY;
    char a[32], b[32];
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%3zu  %s  (ORR %s, ASR %s)", LABELS_NUMBER(i), p->name,
              num_format_pct_beside(p->orr, orr_max, a, sizeof a), num_format_pct_beside(p->asr, asr_max, b, sizeof b));
    key_add(l, sb_detach(&sb));
}

static int by_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* The kind of number a group shows (LABELS_KIND_*). */
static unsigned group_kind(const labels_cell_t *g)
{
    size_t first = LABELS_NUMBER(g->members[0]), last = LABELS_NUMBER(g->members[g->n - 1]);
    if (g->n == 1)
        return LABELS_KIND_ONE;
    if (g->n == 2)
        return LABELS_KIND_TWO;
    return last - first + 1 == g->n ? LABELS_KIND_RUN : LABELS_KIND_MORE;
}

/* The numbers a group shows (each point's, LABELS_NUMBER): "3", "3,4",
 * "3-5" for a run, "3+4" for point 3 and four more. */
static void group_numbers(char *text, size_t size, const labels_cell_t *g)
{
    size_t first = LABELS_NUMBER(g->members[0]), last = LABELS_NUMBER(g->members[g->n - 1]);
    switch (group_kind(g)) {
    case LABELS_KIND_ONE:
        snprintf(text, size, "%zu", first);
        break;
    case LABELS_KIND_TWO:
        snprintf(text, size, "%zu,%zu", first, last);
        break;
    case LABELS_KIND_RUN:
        snprintf(text, size, "%zu-%zu", first, last);
        break;
    default:
        snprintf(text, size, "%zu+%zu", first, g->n - 1);
    }
}

bool labels_notation(sb_t *out, unsigned kinds, bool short_form)
{
    static const struct {
        unsigned kind;
        const char *sample, *text;
    } notation[] = {
        {LABELS_KIND_TWO, "N,M", "two in one place"},
        {LABELS_KIND_RUN, "N-M", "a run in one place"},
        {LABELS_KIND_MORE, "N+k", "N and k more in one place"},
    };
    size_t n = sizeof notation / sizeof notation[0], drawn = 0;
    for (size_t i = 0; i < n; i++)
        drawn += (kinds & notation[i].kind) != 0;
    bool brief = short_form && drawn > 1;
    size_t said = 0;
    for (size_t i = 0; i < n; i++)
        if (kinds & notation[i].kind) {
            sb_printf(out, "%s%s", said == 0 ? "" : brief ? " " : ", ", notation[i].sample);
            if (!brief)
                sb_printf(out, " %s", notation[i].text);
            said++;
        }
    if (brief)
        sb_puts(out, " share a place");
    return said > 0;
}

/* Places a group's text and records where it went. */
static bool place_group(labels_t *l, const labels_area_t *a, const labels_cell_t *g, const char *text,
                        bool number, bool crowded)
{
    int col, row;
    if (!find_place(a, g->col, g->row, text_width(text), crowded, &col, &row))
        return false;
    canvas_text(a->canvas, col, row, text, CANVAS_STYLE_LABEL, CANVAS_PRIO_LABEL);
    l->placed = xrealloc(l->placed, (l->nplaced + 1) * sizeof *l->placed);
    l->placed[l->nplaced++] = (labels_placed_t){col, row, xstrdup(text), g->members[0], number};
    if (number)
        l->kinds |= group_kind(g);
    return true;
}

/* ---- all the points ----------------------------------------------------------------- */

/* Names beside single points, most important first; true per named group. */
static bool *name_groups(labels_t *l, const labels_area_t *a, const labels_points_t *in, const labels_cells_t *gs,
                         const size_t *order)
{
    bool *named = xcalloc(gs->n + 1, sizeof *named);
    if (in->no_labels)
        return named;
    int max_name = in->max_name < LABELS_NAME_MAX ? in->max_name : LABELS_NAME_MAX;
    for (size_t k = 0; k < gs->n; k++) {
        const labels_cell_t *g = &gs->g[order[k]];
        if (g->n != 1)
            continue;
        const char *full = in->points->items[g->members[0]].name;
        char *name = gs->shared[g->members[0]] ? xstrdup(full) : short_name(full);
        if (text_width(name) <= max_name)
            named[order[k]] = place_group(l, a, g, name, false, false);
        free(name);
    }
    return named;
}

/* Numbers the points of the unnamed groups in the order of the set, unless
 * there are so many that a key would not help anyone; false then. */
static bool number_points(labels_t *l, const labels_points_t *in, const labels_cells_t *gs, const bool *named)
{
    size_t unnamed = 0;
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
    l->numbered = xmalloc((unnamed + 1) * sizeof *l->numbered);
    for (size_t j = 0; j < gs->n; j++)
        for (size_t m = 0; !named[j] && m < gs->g[j].n; m++)
            l->numbered[l->nnumbered++] = gs->g[j].members[m];
    qsort(l->numbered, l->nnumbered, sizeof *l->numbered, by_index);
    for (size_t k = 0; k < l->nnumbered; k++)
        key_line_for(l, in, l->numbered[k]);
    return true;
}

/* The line above the numbered points' key lines (the last nnumbered of
 * the key): what the numbers drawn mean, once they are placed. */
static void key_heading(labels_t *l)
{
    if (l->nnumbered == 0)
        return;
    sb_t notation = SB_INIT, sb = SB_INIT;
    sb_puts(&sb, "  #  on the chart");
    if (labels_notation(&notation, l->kinds, false))
        sb_printf(&sb, ": %s", sb_str(&notation));
    sb_free(&notation);
    key_add(l, sb_detach(&sb));
    size_t at = l->nkey - 1 - l->nnumbered;
    char *heading = l->key[l->nkey - 1];
    memmove(&l->key[at + 1], &l->key[at], l->nnumbered * sizeof *l->key);
    l->key[at] = heading;
}

void labels_points(labels_t *out, const labels_area_t *a, const labels_points_t *in)
{
    memset(out, 0, sizeof *out);
    labels_cells_t own;
    const labels_cells_t *gs = in->cells;
    if (!gs) {
        labels_cells_build(&own, a->canvas->width, a->canvas->height, in);
        gs = &own;
    }
    size_t *order = label_order(gs, in);
    bool *named = name_groups(out, a, in, gs, order);
    if (number_points(out, in, gs, named)) {
        size_t unplaced = 0;
        for (size_t k = 0; k < gs->n; k++) {
            const labels_cell_t *g = &gs->g[order[k]];
            if (named[order[k]])
                continue;
            char text[48];
            group_numbers(text, sizeof text, g);
            if (!place_group(out, a, g, text, true, false) && !place_group(out, a, g, text, true, true))
                unplaced += g->n;
        }
        out->unplaced = unplaced;
        key_heading(out);
    }
    free(named);
    free(order);
    if (gs == &own)
        labels_cells_free(&own);
}

void labels_free(labels_t *l)
{
    free(l->numbered);
    for (size_t i = 0; i < l->nkey; i++)
        free(l->key[i]);
    free(l->key);
    for (size_t i = 0; i < l->nplaced; i++)
        free(l->placed[i].text);
    free(l->placed);
    memset(l, 0, sizeof *l);
}

int labels_key_wrap(sb_t *out, const char *entry, int width)
{
    size_t indent = strspn(entry, " ");
    const char *gap = strstr(entry + indent, "  ");
    if (gap && (size_t)(gap - entry) < 12 && strspn(entry + indent, "0123456789#") == (size_t)(gap - entry) - indent)
        indent = (size_t)(gap - entry) + 2; /* "  3  name": under the name */
    int room = width - (int)indent;
    if (room < 10 || text_width(entry) <= width) {
        sb_printf(out, "%s\n", entry);
        return 1;
    }
    sb_t lines = SB_INIT;
    int n = text_wrap(&lines, entry + indent, room, TEXT_WRAP_ALL);
    const char *p = sb_str(&lines);
    for (bool first = true; *p; first = false) {
        const char *eol = strchr(p, '\n');
        if (first)
            sb_putn(out, entry, indent);
        else
            sb_repeat(out, " ", (int)indent);
        sb_putn(out, p, (size_t)(eol - p));
        sb_putc(out, '\n');
        p = eol + 1;
    }
    sb_free(&lines);
    return n;
}
