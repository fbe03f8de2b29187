/* explore: the explorer's model: series and the operating point along
 * them, find and the cost optimum, and what each key does (the controls'
 * slider steps and typed values are explore_controls.c). See explore.h. */
#include "config.h"

#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/namematch.h"
#include "core/optimal.h"
#include "ui/explore.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------------
 * Series, order and the operating point. */

static const pointset_t *sort_set; /* qsort has no context argument in C11 */

static int by_knob(const void *a, const void *b)
{
    const point_t *p = &sort_set->items[*(const size_t *)a], *q = &sort_set->items[*(const size_t *)b];
    if (p->knob != q->knob)
        return p->knob < q->knob ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static int by_orr(const void *a, const void *b)
{
    const point_t *p = &sort_set->items[*(const size_t *)a], *q = &sort_set->items[*(const size_t *)b];
    if (p->orr != q->orr)
        return p->orr < q->orr ? -1 : 1;
    if (p->asr != q->asr)
        return p->asr > q->asr ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* Series are knob sweeps within one group: a series name that two groups
 * share makes two series. */
static void build_series(explore_t *ex)
{
    for (size_t i = 0; i < ex->set.len; i++) {
        const point_t *p = &ex->set.items[i];
        if (!point_has_rates(p))
            continue;
        long curve = curves_of_point(&ex->curves, i);
        size_t s = 0, g = ex->groups.of[i];
        for (; curve < 0 && s < ex->nseries; s++) {
            bool unnamed = !p->series;
            if (ex->series[s].group == g && unnamed == ex->series[s].unnamed && ex->series[s].curve < 0 &&
                (unnamed || strcmp(ex->series[s].name, p->series) == 0))
                break;
        }
        if (curve >= 0 || s == ex->nseries) {
            /* an exact curve is a series of its own, whatever its name */
            s = ex->nseries;
            ex->series = xrealloc(ex->series, sizeof *ex->series * (ex->nseries + 1));
            explore_series_t *ns = &ex->series[ex->nseries++];
            ns->group = g;
            ns->unnamed = !p->series;
            ns->name = p->series ? text_sanitize(p->series, strlen(p->series)) : xstrdup("(no series)");
            ns->members = NULL;
            ns->len = 0;
            ns->curve = curve;
        }
        explore_series_t *se = &ex->series[s];
        se->members = xrealloc(se->members, sizeof *se->members * (se->len + 1));
        se->members[se->len++] = i;
    }
    sort_set = &ex->set;
    for (size_t s = 0; s < ex->nseries; s++) {
        explore_series_t *se = &ex->series[s];
        bool knobs = true;
        for (size_t k = 0; k < se->len; k++)
            knobs = knobs && isfinite(ex->set.items[se->members[k]].knob);
        /* Points without a series are not one sweep: they stay in the
         * order of the file, as the list first shows them. */
        if (!se->unnamed)
            qsort(se->members, se->len, sizeof *se->members, knobs ? by_knob : by_orr);
    }
    ex->home = xmalloc((ex->set.len + 1) * sizeof *ex->home);
    for (size_t i = 0; i < ex->set.len; i++)
        ex->home[i] = (explore_place_t){ex->nseries, 0, false, {0}};
    for (size_t s = 0; s < ex->nseries; s++)
        for (size_t k = 0; k < ex->series[s].len; k++)
            ex->home[ex->series[s].members[k]] = (explore_place_t){s, (double)k, false, {0}};
}

static explore_sort_t current_sort;
static const frontier_mark_t *sort_marks; /* per point, within its group */
static char *const *sort_shown;           /* per point, its name in the list */

static int list_cmp(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    const point_t *p = &sort_set->items[i], *q = &sort_set->items[j];
    int c = 0;
    switch (current_sort) {
    case EX_SORT_NAME: /* as the list shows them */
        c = strcasecmp(sort_shown[i], sort_shown[j]);
        break;
    case EX_SORT_ASR:
    case EX_SORT_ORR: {
        double x = current_sort == EX_SORT_ASR ? p->asr : p->orr;
        double y = current_sort == EX_SORT_ASR ? q->asr : q->orr;
        if (isnan(x) != isnan(y))
            c = isnan(x) ? 1 : -1; /* unknown rates last */
        else if (!isnan(x) && x != y)
            c = x < y ? -1 : 1;
        break;
    }
    case EX_SORT_FRONTIER: {
        int rp = sort_marks[i].on_hull ? 0 : sort_marks[i].pareto_optimal ? 1 : 2;
        int rq = sort_marks[j].on_hull ? 0 : sort_marks[j].pareto_optimal ? 1 : 2;
        c = rp - rq;
        if (c == 0 && !isnan(p->orr) && !isnan(q->orr) && p->orr != q->orr)
            c = p->orr < q->orr ? -1 : 1;
        break;
    }
    default:
        break;
    }
    return c ? c : i < j ? -1 : i > j ? 1 : 0;
}

/* Puts the list cursor on point `idx`, when the list shows it. */
static void cursor_to(explore_t *ex, size_t idx)
{
    if (idx < ex->set.len && ex->row_of[idx] != EXPLORE_NOT_LISTED)
        ex->cursor = ex->row_of[idx];
}

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; p && *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

/* Point i passes the filter (\): its name, series or group (which names
 * the set and the judge it was measured with) contains the text. */
static bool filtered_in(const explore_t *ex, size_t i)
{
    const point_t *p = &ex->set.items[i];
    return !ex->filter[0] || contains_ci(p->name, ex->filter) || contains_ci(p->series, ex->filter) ||
           contains_ci(point_group(p), ex->filter);
}

/* Point i shows in the list: of the current group under f, and through
 * the filter. */
static bool listed(const explore_t *ex, size_t i)
{
    return (!ex->only_group || ex->groups.of[i] == ex->group) && filtered_in(ex, i);
}

/* The list: the points `listed`, sorted (and reversed with I); the cursor
 * stays on its point where it can. */
static void sort_list(explore_t *ex)
{
    long keep = explore_selected(ex);
    size_t n = 0;
    for (size_t i = 0; i < ex->set.len; i++)
        if (listed(ex, i))
            ex->order[n++] = i;
    ex->nlisted = n;
    sort_set = &ex->set;
    sort_marks = ex->groups.marks;
    sort_shown = ex->names.names;
    current_sort = ex->sort;
    qsort(ex->order, n, sizeof *ex->order, list_cmp);
    for (size_t a = 0, b = n; ex->sort_reverse && a + 1 < b; a++, b--) {
        size_t t = ex->order[a];
        ex->order[a] = ex->order[b - 1];
        ex->order[b - 1] = t;
    }
    for (size_t i = 0; i < ex->set.len; i++)
        ex->row_of[i] = EXPLORE_NOT_LISTED;
    for (size_t r = 0; r < n; r++)
        ex->row_of[ex->order[r]] = r;
    if (ex->cursor >= n)
        ex->cursor = n ? n - 1 : 0;
    if (keep >= 0)
        cursor_to(ex, (size_t)keep);
}

/* What the chart draws as points: not a curve's point (its curve is drawn
 * instead), and with f or x only the current group's. */
static void chart_mask(explore_t *ex)
{
    for (size_t i = 0; i < ex->set.len; i++)
        ex->chart_include[i] = curves_of_point(&ex->curves, i) < 0 && filtered_in(ex, i) &&
                               (!(ex->only_group || ex->hide_others) || !ex->in_group || ex->in_group[i]);
    for (size_t k = 0; k < ex->curves.len; k++) {
        size_t p = ex->curves.items[k].point;
        ex->chart_curves[k].dimmed = ex->in_group && !ex->in_group[p];
        /* a curve of another group is hidden with the other groups' points */
        if (((ex->only_group || ex->hide_others) && ex->chart_curves[k].dimmed) || !filtered_in(ex, p))
            ex->chart_curves[k].len = 0;
        else
            ex->chart_curves[k].len = ex->curves.items[k].curve.len;
    }
}

long explore_selected(const explore_t *ex)
{
    return ex->nlisted ? (long)ex->order[ex->cursor] : -1;
}

/* Makes group g the current one: the chart's frontier, the optimum's. */
static void enter_group(explore_t *ex, size_t g)
{
    if (ex->in_group && g == ex->group)
        return;
    ex->group = g;
    free(ex->in_group);
    ex->in_group = groups_mask(&ex->groups, g);
    chart_mask(ex);
    if (ex->only_group)
        sort_list(ex);
}

/* The current group is the operating point's. */
static void follow_group(explore_t *ex)
{
    if (ex->place.series < ex->nseries)
        enter_group(ex, ex->series[ex->place.series].group);
}

size_t explore_series_len(const explore_t *ex, size_t s)
{
    if (s >= ex->nseries)
        return 0;
    const explore_series_t *se = &ex->series[s];
    return se->curve >= 0 ? ex->curves.items[se->curve].curve.len : se->len;
}

size_t explore_series_in_group(const explore_t *ex, size_t s, size_t *index)
{
    size_t n = 0;
    *index = 0;
    if (s >= ex->nseries)
        return 0;
    for (size_t t = 0; t < ex->nseries; t++)
        if (ex->series[t].group == ex->series[s].group) {
            if (t < s)
                (*index)++;
            n++;
        }
    return n;
}

/* A curve's point now holds another step: its place in the list and,
 * where it shares its group with other points, their marks and frontier
 * move with it (the rest stays as it was: one curve alone in its group,
 * the usual case, costs nothing more). */
static void curve_to_step(explore_t *ex, long c, size_t step)
{
    curve_whole_t *w = &ex->curves.items[c];
    if (w->step == step)
        return;
    curves_put_step(&ex->curves, (size_t)c, step, &ex->set);
    ex->home[w->point].pos = (double)w->step;
    if (ex->place.series == ex->home[w->point].series)
        ex->place.pos = (double)w->step;
    if (ex->groups.items[ex->groups.of[w->point]].nmembers > 1) {
        groups_free(&ex->groups);
        groups_compute(&ex->groups, &ex->set);
    }
    if (ex->sort != EX_SORT_INPUT && ex->sort != EX_SORT_NAME)
        sort_list(ex);
}

static frontier_op_t op_at(const explore_t *ex, explore_place_t pl)
{
    frontier_op_t none = {0};
    if (pl.at_op)
        return pl.op;
    if (pl.series >= ex->nseries)
        return none;
    const explore_series_t *se = &ex->series[pl.series];
    if (se->curve >= 0) /* its point holds the step (set_place) */
        return frontier_op_point(&ex->set, se->members[0]);
    double pos = pl.pos;
    size_t i = (size_t)floor(pos);
    if (i + 1 >= se->len)
        return frontier_op_point(&ex->set, se->members[se->len - 1]);
    double f = pos - (double)i;
    if (f < 1e-9)
        return frontier_op_point(&ex->set, se->members[i]);
    if (f > 1 - 1e-9)
        return frontier_op_point(&ex->set, se->members[i + 1]);
    return frontier_op_mix(&ex->set, se->members[i], se->members[i + 1], 1.0 - f);
}

frontier_op_t explore_current(const explore_t *ex)
{
    return op_at(ex, ex->place);
}

comparison_t explore_compare(const explore_t *ex, const frontier_op_t *op)
{
    stats_blend_t a = stats_blend_op(&ex->pinned, &ex->baseline), b = stats_blend_op(&ex->set, op);
    return model_compare_blend(&ex->scenario, &a, &b);
}

void explore_point_name(const explore_t *ex, size_t i, char *buf, size_t n)
{
    long c = curves_of_point(&ex->curves, i);
    if (c < 0) {
        snprintf(buf, n, "%s", ex->set.items[i].name);
        return;
    }
    char t[40];
    snprintf(buf, n, "%s @ %s", ex->set.items[i].name, num_format_json(ex->set.items[i].knob, t, sizeof t));
}

void explore_data_summary(const explore_t *ex, char *buf, size_t n)
{
    char a[48], b[48];
    size_t points = ex->set.len - ex->curves.len;
    if (!ex->curves.len)
        snprintf(buf, n, "%s point%s", num_format_int((double)points, a, sizeof a), points == 1 ? "" : "s");
    else if (!points && ex->curves.len == 1)
        snprintf(buf, n, "a curve of %s thresholds", num_format_int((double)ex->curves.items[0].curve.len, a, sizeof a));
    else
        snprintf(buf, n, "%s point%s, %s curve%s", num_format_int((double)points, a, sizeof a), points == 1 ? "" : "s",
                 num_format_int((double)ex->curves.len, b, sizeof b), ex->curves.len == 1 ? "" : "s");
}

void explore_op_name(const explore_t *ex, const frontier_op_t *op, char *buf, size_t n)
{
    char a[200], b[200];
    if (!op->valid) {
        snprintf(buf, n, "(none)");
        return;
    }
    explore_point_name(ex, op->a, a, sizeof a);
    if (!op->is_mix) {
        snprintf(buf, n, "%s", a);
        return;
    }
    explore_point_name(ex, op->b, b, sizeof b);
    sb_t sa = SB_INIT, sb = SB_INIT;
    frontier_share_describe(&sa, op->lambda);
    frontier_share_describe(&sb, 1.0 - op->lambda);
    snprintf(buf, n, "%s %s + %s %s", sb_str(&sa), a, sb_str(&sb), b);
    sb_free(&sa);
    sb_free(&sb);
}

/* The rates point i lacks, for a message: "ORR", "ASR" or "ASR and ORR". */
static const char *unmeasured(const explore_t *ex, size_t i)
{
    const point_t *p = &ex->set.items[i];
    return isnan(p->asr) && isnan(p->orr) ? "ASR and ORR" : isnan(p->asr) ? "ASR" : "ORR";
}

/* Where point `idx` sits along its series, if it is in one. */
static bool place_of(const explore_t *ex, size_t idx, explore_place_t *pl)
{
    if (idx >= ex->set.len || ex->home[idx].series >= ex->nseries)
        return false;
    *pl = ex->home[idx];
    return true;
}

/* Keeps the list cursor on the measured point nearest the operating point. */
static void sync_cursor(explore_t *ex)
{
    if (ex->place.series >= ex->nseries)
        return;
    const explore_series_t *se = &ex->series[ex->place.series];
    size_t k = se->curve >= 0 ? 0 : (size_t)lround(ex->place.pos);
    if (k >= se->len)
        k = se->len - 1;
    cursor_to(ex, se->members[k]);
}

void explore_say(explore_t *ex, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ex->message, sizeof ex->message, fmt, ap);
    va_end(ap);
    ex->message_is_error = error;
}

/* Per curve, its rates as the chart draws them. */
static void chart_curves_build(explore_t *ex)
{
    ex->chart_curves = xcalloc(ex->curves.len + 1, sizeof *ex->chart_curves);
    for (size_t k = 0; k < ex->curves.len; k++) {
        const curve_t *c = &ex->curves.items[k].curve;
        double *orr = xmalloc((c->len + 1) * sizeof *orr), *asr = xmalloc((c->len + 1) * sizeof *asr);
        double na = c->n_adversarial > 0 ? (double)c->n_adversarial : NAN;
        double nb = c->n_benign > 0 ? (double)c->n_benign : NAN;
        for (size_t i = 0; i < c->len; i++) {
            asr[i] = (double)c->steps[i].attack_successes / na;
            orr[i] = (double)c->steps[i].benign_refused / nb;
        }
        ex->chart_curves[k] = (chart_curve_t){orr, asr, c->len, ex->set.items[ex->curves.items[k].point].name, false};
    }
}

/* The first point of the files with both rates: where the explorer opens. */
static void open_on_first(explore_t *ex)
{
    for (size_t i = 0; i < ex->set.len; i++) {
        explore_place_t pl;
        if (!place_of(ex, i, &pl))
            continue;
        ex->place = pl;
        follow_group(ex);
        sync_cursor(ex);
        char name[200];
        explore_point_name(ex, i, name, sizeof name);
        long c = curves_of_point(&ex->curves, i);
        if (c >= 0)
        {
            char n[32];
            explore_say(ex, false, "starting at %s, the lowest of %s's %s thresholds: %s steps through them, = types one",
                        name, ex->set.items[i].name, num_format_int((double)ex->curves.items[c].curve.len, n, sizeof n),
                        ex->ascii ? "<- ->" : "\xe2\x86\x90\xe2\x86\x92");
        }
        else
            explore_say(ex, false, "starting at %s, the first point of the file%s with both rates measured", name,
                        ex->nfiles > 1 ? "s" : "");
        return;
    }
}

void explore_init_whole(explore_t *ex, pointset_t *set, curves_t *curves, char *title, char **files, int nfiles,
                        const scenario_t *scenario, const analysis_opts_t *analysis)
{
    memset(ex, 0, sizeof *ex);
    ex->set = *set;
    *set = (pointset_t)POINTSET_INIT;
    if (curves) {
        ex->curves = *curves;
        *curves = (curves_t)CURVES_INIT;
    }
    ex->title = title;
    ex->files = files;
    ex->nfiles = nfiles;
    ex->scenario = *scenario;
    ex->analysis = analysis ? *analysis : (analysis_opts_t)ANALYSIS_OPTS_INIT;
    ex->baseline_point = -1;
    groups_compute(&ex->groups, &ex->set);
    shortnames_compute(&ex->names, &ex->set, ex->groups.of);
    for (size_t i = 0; i < ex->set.len; i++) {
        int w = text_width(ex->names.names[i]);
        ex->names_width = w > ex->names_width ? w : ex->names_width;
    }
    build_series(ex);
    chart_curves_build(ex);
    ex->chart_include = xcalloc(ex->set.len + 1, sizeof *ex->chart_include);
    ex->order = xcalloc(ex->set.len ? ex->set.len : 1, sizeof *ex->order);
    ex->row_of = xcalloc(ex->set.len ? ex->set.len : 1, sizeof *ex->row_of);
    enter_group(ex, groups_default(&ex->groups));
    sort_list(ex);
    ex->cursor = 0;
    ex->place.series = ex->nseries; /* none until a series exists */
    open_on_first(ex);
}

void explore_init(explore_t *ex, pointset_t *set, char *title, char **files, int nfiles,
                  const scenario_t *scenario, const analysis_opts_t *analysis)
{
    explore_init_whole(ex, set, NULL, title, files, nfiles, scenario, analysis);
}

void explore_free(explore_t *ex)
{
    explore_flips_close(ex);
    for (size_t s = 0; s < ex->nseries; s++) {
        free(ex->series[s].name);
        free(ex->series[s].members);
    }
    for (size_t k = 0; k < ex->curves.len; k++) {
        free((void *)ex->chart_curves[k].orr);
        free((void *)ex->chart_curves[k].asr);
    }
    free(ex->chart_curves);
    free(ex->chart_include);
    curves_free(&ex->curves);
    free(ex->series);
    free(ex->order);
    free(ex->row_of);
    free(ex->home);
    free(ex->in_group);
    groups_free(&ex->groups);
    shortnames_free(&ex->names);
    pointset_free(&ex->set);
    pointset_free(&ex->pinned);
    diag_free(&ex->warnings);
    free(ex->replace_path);
    free(ex->title);
    memset(ex, 0, sizeof *ex);
}

void explore_keep_warnings(explore_t *ex, diag_t *d)
{
    diag_take_warnings(&ex->warnings, d);
}

/* ------------------------------------------------------------------------
 * Selecting, pinning. */

/* Every move of the operating point ends here: a place on a curve puts
 * its step on the curve's point (a whole step: a curve's thresholds are
 * each measured, never mixed). */
static void set_place(explore_t *ex, explore_place_t pl)
{
    if (pl.series < ex->nseries && ex->series[pl.series].curve >= 0) {
        size_t len = explore_series_len(ex, pl.series);
        double pos = round(pl.pos);
        pl.pos = pos < 0 ? 0 : pos > (double)(len - 1) ? (double)(len - 1) : pos;
        pl.at_op = false;
        curve_to_step(ex, ex->series[pl.series].curve, (size_t)pl.pos);
    }
    ex->place = pl;
    follow_group(ex);
    sync_cursor(ex);
}

void explore_go(explore_t *ex, explore_place_t pl)
{
    set_place(ex, pl);
}

void explore_set_place(explore_t *ex, explore_place_t pl)
{
    if (pl.series >= ex->nseries)
        return;
    double last = (double)(explore_series_len(ex, pl.series) - 1);
    if (pl.pos > last)
        pl.pos = last;
    if (pl.pos < 0)
        pl.pos = 0;
    set_place(ex, pl);
}

explore_place_t explore_place_v1(const explore_t *ex, size_t s, double pos)
{
    explore_place_t pl = {s, pos, false, {0}};
    if (s >= ex->nseries || !ex->series[s].unnamed || ex->series[s].curve >= 0 || !ex->series[s].len)
        return pl;
    const explore_series_t *se = &ex->series[s];
    size_t *old = xmalloc(se->len * sizeof *old);
    memcpy(old, se->members, se->len * sizeof *old);
    bool knobs = true;
    for (size_t k = 0; k < se->len; k++)
        knobs = knobs && isfinite(ex->set.items[old[k]].knob);
    sort_set = &ex->set;
    qsort(old, se->len, sizeof *old, knobs ? by_knob : by_orr);
    double k = round(pos);
    k = k < 0 ? 0 : k > (double)(se->len - 1) ? (double)(se->len - 1) : k;
    pl = ex->home[old[(size_t)k]];
    free(old);
    return pl;
}

/* The point a typed name means (namematch), or -1 with the reason. */
static long point_named(const explore_t *ex, const char *name, sb_t *why)
{
    char *query = text_one_name(name);
    namematch_t m = namematch_points(&ex->set);
    long idx = namematch_resolve(&m, query, why);
    free(query);
    return idx;
}

/* The place a person means by `name`: "CURVE @ T", the step of that
 * curve at or above the threshold T, or a point's name (namematch). False
 * with the reason. */
static bool place_named(explore_t *ex, const char *name, explore_place_t *pl, const char *role, sb_t *why)
{
    long idx = pointset_index(&ex->set, name);
    const char *at = strstr(name, " @ ");
    for (const char *p = at; p && idx < 0; p = strstr(p + 1, " @ "))
        at = p; /* the last " @ ": a name may contain one */
    if (idx < 0 && at) {
        char *base = xstrndup(name, (size_t)(at - name));
        long b = pointset_index(&ex->set, base);
        long c = b >= 0 ? curves_of_point(&ex->curves, (size_t)b) : -1;
        double t;
        free(base);
        if (c >= 0 && num_parse_decimal(at + 3, &t) == NULL) {
            const curve_t *cv = &ex->curves.items[c].curve;
            size_t step = curve_at_or_above(cv, t);
            if (step >= cv->len) {
                sb_printf(why, "no threshold of '%s' is at or above %s", ex->set.items[b].name, at + 3);
                return false;
            }
            if (!place_of(ex, (size_t)b, pl)) {
                sb_printf(why, "'%s' has no measured %s, so it cannot be the %s", ex->set.items[b].name,
                          unmeasured(ex, (size_t)b), role);
                return false;
            }
            pl->pos = (double)step;
            return true;
        }
    }
    if (idx < 0)
        idx = point_named(ex, name, why);
    if (idx < 0)
        return false;
    if (!place_of(ex, (size_t)idx, pl)) {
        sb_printf(why, "'%s' has no measured %s, so it cannot be the %s", ex->set.items[idx].name,
                  unmeasured(ex, (size_t)idx), role);
        return false;
    }
    return true;
}

bool explore_select(explore_t *ex, const char *name, sb_t *why)
{
    explore_place_t pl;
    if (!place_named(ex, name, &pl, "operating point", why))
        return false;
    set_place(ex, pl);
    ex->message[0] = '\0';
    return true;
}

/* Pins `op` (of the set) as the baseline: its points are copied, so a
 * curve's point moving on leaves the baseline where it was. `where`: its
 * place on a series, NULL when it has none. */
static void pin(explore_t *ex, frontier_op_t op, const explore_place_t *where)
{
    pointset_free(&ex->pinned);
    ex->has_baseline = op.valid;
    ex->baseline_point = -1;
    ex->baseline_placed = where != NULL;
    if (where)
        ex->baseline_place = *where;
    if (!op.valid)
        return;
    explore_op_name(ex, &op, ex->baseline_name, sizeof ex->baseline_name);
    pointset_add(&ex->pinned, point_copy(&ex->set.items[op.a]));
    if (op.is_mix)
        pointset_add(&ex->pinned, point_copy(&ex->set.items[op.b]));
    else
        ex->baseline_point = (long)op.a;
    ex->baseline = op;
    ex->baseline.a = 0;
    ex->baseline.b = op.is_mix ? 1 : 0;
}

static bool place_of_mix(const explore_t *ex, const frontier_op_t *op, explore_place_t *pl);

void explore_pin_op(explore_t *ex, frontier_op_t op)
{
    explore_place_t pl;
    bool placed = op.valid && (op.is_mix ? place_of_mix(ex, &op, &pl) : place_of(ex, op.a, &pl));
    pin(ex, op, placed ? &pl : NULL);
}

void explore_pin_current(explore_t *ex)
{
    pin(ex, explore_current(ex), ex->place.series < ex->nseries ? &ex->place : NULL);
}

bool explore_pin(explore_t *ex, const char *name, sb_t *why)
{
    explore_place_t pl, keep = ex->place;
    if (!place_named(ex, name, &pl, "baseline", why))
        return false;
    /* on the point's place for a moment, so that a curve's step is the one pinned */
    set_place(ex, pl);
    explore_pin_current(ex);
    set_place(ex, keep);
    return true;
}

static void open_input(explore_t *ex, explore_input_t kind, const char *prompt, const char *initial)
{
    ex->mode = EX_MODE_INPUT;
    ex->input_kind = kind;
    snprintf(ex->prompt, sizeof ex->prompt, "%s", prompt);
    lineedit_set(&ex->line, initial);
    ex->message[0] = '\0';
}

/* ------------------------------------------------------------------------
 * Find, cost-optimal. */

/* Puts the cursor (and the operating point, where the point has both
 * rates) on point `idx`. */
static void go_to_point(explore_t *ex, size_t idx)
{
    explore_place_t pl;
    if (place_of(ex, idx, &pl))
        set_place(ex, pl);
    cursor_to(ex, idx);
}

/* The row after (dir > 0) or before the cursor whose point's name, or name
 * as the list shows it, contains `text`, wrapping around; -1 when none. An
 * exact name wins when searching forward from the start. */
static long find_row(const explore_t *ex, const char *text, int dir)
{
    size_t n = ex->nlisted;
    if (!*text || !n)
        return -1;
    for (size_t k = 1; k <= n; k++) {
        size_t row = dir > 0 ? (ex->cursor + k) % n : (ex->cursor + n - k % n) % n;
        size_t i = ex->order[row];
        if (contains_ci(ex->set.items[i].name, text) || contains_ci(ex->names.names[i], text))
            return (long)row;
    }
    return -1;
}

static bool find_point(explore_t *ex, const char *text, int dir)
{
    long idx = pointset_index(&ex->set, text);
    if (idx >= 0 && ex->row_of[idx] != EXPLORE_NOT_LISTED && dir > 0 && (size_t)idx != (size_t)explore_selected(ex)) {
        go_to_point(ex, (size_t)idx);
        return true;
    }
    long row = find_row(ex, text, dir);
    if (row < 0)
        return false;
    go_to_point(ex, ex->order[row]);
    return true;
}

static void say_found(explore_t *ex)
{
    char a[32], b[32];
    explore_say(ex, false, "'%s': row %s of %s (n next, N previous)", ex->find_text,
                num_format_int((double)(ex->cursor + 1), a, sizeof a), num_format_int((double)ex->nlisted, b, sizeof b));
}

/* n and N: the next or previous match of the last search. */
static void find_again(explore_t *ex, int dir)
{
    if (!ex->find_text[0]) {
        explore_say(ex, true, "no search yet: / finds a point by name, then n and N the next and previous");
        return;
    }
    if (!find_point(ex, ex->find_text, dir)) {
        explore_say(ex, true, "no point of the list contains '%s'", ex->find_text);
        return;
    }
    say_found(ex);
}

/* A filter that hides the operating point moves it, as htop's filter
 * moves the selection, to the first listed point that can be one: the
 * panels never describe a point the list and the chart leave out. Says
 * what happened after `said` (the filter's message). */
static void follow_filter(explore_t *ex, const char *said)
{
    frontier_op_t op = explore_current(ex);
    bool hidden = op.valid && (ex->row_of[op.a] == EXPLORE_NOT_LISTED ||
                               (op.is_mix && ex->row_of[op.b] == EXPLORE_NOT_LISTED));
    if (!hidden)
        return;
    char was[200], now[200];
    explore_op_name(ex, &op, was, sizeof was);
    for (size_t r = 0; r < ex->nlisted; r++) {
        explore_place_t pl;
        if (place_of(ex, ex->order[r], &pl)) {
            go_to_point(ex, ex->order[r]);
            frontier_op_t to = explore_current(ex);
            explore_op_name(ex, &to, now, sizeof now);
            explore_say(ex, false, "%s; the operating point %s is filtered out: moved to %s, the first match", said,
                        was, now);
            return;
        }
    }
    explore_say(ex, false, "%s; %s: the operating point stays at %s, which the filter hides", said,
                ex->nlisted ? "no match has both rates measured" : "no point matches", was);
}

void explore_set_filter(explore_t *ex, const char *text)
{
    snprintf(ex->filter, sizeof ex->filter, "%s", text);
    chart_mask(ex);
    sort_list(ex);
    char a[32], b[32], said[sizeof ex->message];
    num_format_int((double)ex->nlisted, a, sizeof a);
    num_format_int((double)ex->set.len, b, sizeof b);
    if (!ex->filter[0])
        snprintf(said, sizeof said, "filter cleared: %s points", a);
    else
        snprintf(said, sizeof said, "filter '%s': %s of %s points in the list and on the chart (\\ then Enter on an "
                                    "empty line shows all)", ex->filter, a, b);
    explore_say(ex, false, "%s", said);
    follow_filter(ex, said);
}

/* The place of a mix on one series: between its two points when both are
 * in it (at the weighted position); a mix of neighbours is a plain
 * position, any other is held whole (at_op). False when its points are in
 * no one series. */
static bool place_of_mix(const explore_t *ex, const frontier_op_t *op, explore_place_t *pl)
{
    explore_place_t pa, pb;
    if (!place_of(ex, op->a, &pa) || !place_of(ex, op->b, &pb) || pa.series != pb.series)
        return false;
    /* Rounded past any share a person sets: a share read back from a
     * saved scenario (90% of 0.1) lands on the position it was saved at. */
    double pos = round((op->lambda * pa.pos + (1 - op->lambda) * pb.pos) * 1e9) / 1e9;
    *pl = (explore_place_t){pa.series, pos, false, {0}};
    pl->at_op = fabs(pa.pos - pb.pos) != 1;
    pl->op = *op;
    return true;
}

static double step_cost(double asr, double orr, void *ctx)
{
    return model_project_rates(ctx, asr, orr).cost;
}

static bool step_in_policy(double asr, double orr, void *ctx)
{
    const scenario_t *s = ctx;
    return verdict_pass(policy_check(&s->policy, asr, orr));
}

/* Each curve of the current group to its cheapest measured threshold
 * within the policy: the optimum of a curve is one of its thresholds,
 * never a mix of two of them. */
static void curves_to_cheapest(explore_t *ex)
{
    for (size_t k = 0; k < ex->curves.len; k++) {
        size_t p = ex->curves.items[k].point;
        if (!ex->in_group[p])
            continue;
        size_t step = curve_cheapest(&ex->curves.items[k].curve, step_cost, step_in_policy, &ex->scenario);
        if (step < ex->curves.items[k].curve.len)
            curve_to_step(ex, (long)k, step);
    }
}

bool explore_place_op(explore_t *ex, const frontier_op_t *op)
{
    explore_place_t pl;
    bool placed = op->is_mix ? place_of_mix(ex, op, &pl) : place_of(ex, op->a, &pl);
    if (!placed && op->is_mix && place_of(ex, op->a, &pl)) {
        /* points of two series: held whole, the slider on the first */
        pl.at_op = true;
        pl.op = *op;
        placed = true;
    }
    if (placed)
        set_place(ex, pl);
    return placed;
}

static void go_optimal(explore_t *ex)
{
    if (!model_costs_set(&ex->scenario)) {
        explore_say(ex, true, "set a cost per refusal or per harmful output first (Tab to the cost controls)");
        return;
    }
    curves_to_cheapest(ex);
    /* Within the current group: a mix never routes traffic between groups. */
    optimal_t o = optimal_find(&ex->groups.items[ex->group].frontier, &ex->set, &ex->scenario);
    char in[200] = "";
    if (ex->groups.len > 1)
        snprintf(in, sizeof in, "in group %zu (%s), ", ex->group + 1, ex->groups.items[ex->group].name);
    if (!o.found && !o.unattained) {
        explore_say(ex, true, "%sno point or mix meets the %s policy: nothing to jump to", in, ex->scenario.policy.key);
        return;
    }
    optimal_uncertainty(&o, &ex->set, &ex->scenario, ex->analysis.confidence, ex->analysis.interval);
    if (o.found) /* not attained: to the cheapest that passes, never to the limit */
        explore_place_op(ex, &o.op);
    sb_t m = SB_INIT;
    optimal_summary(&m, &o, &ex->set);
    explore_say(ex, !o.found, "%scost-optimal within the %s policy: %s", in, ex->scenario.policy.key, sb_str(&m));
    sb_free(&m);
}

/* ------------------------------------------------------------------------
 * Keys. */

static bool submit_input(explore_t *ex)
{
    char why[256];
    const char *text = ex->line.text;
    while (*text == ' ')
        text++;
    switch (ex->input_kind) {
    case EX_INPUT_VALUE: {
        /* an error about an earlier try is stale once a value is accepted */
        ex->message[0] = '\0';
        ex->message_is_error = false;
        const char *err = explore_apply_value(ex, text, why, sizeof why);
        if (err) {
            char *shown = text_sanitize(text, strlen(text));
            explore_say(ex, true, "%s '%s': %s", explore_control_name(ex->focus), shown, err);
            free(shown);
            return false; /* stay in the input line so it can be corrected */
        }
        break;
    }
    case EX_INPUT_FIND: {
        char *shown = text_sanitize(text, strlen(text));
        snprintf(ex->find_text, sizeof ex->find_text, "%s", shown);
        free(shown);
        ex->message[0] = '\0';
        if (!find_point(ex, text, 1)) {
            explore_say(ex, true, "no point of the list contains '%s'", ex->find_text);
            return false;
        }
        say_found(ex);
        break;
    }
    case EX_INPUT_FILTER: {
        char *shown = text_sanitize(text, strlen(text));
        explore_set_filter(ex, shown);
        free(shown);
        break;
    }
    case EX_INPUT_SAVE:
        if (!*text) {
            explore_say(ex, true, "type a file name to save the scenario to");
            return false;
        }
        explore_save(ex, text);
        break;
    case EX_INPUT_EXPORT:
        if (!*text) {
            explore_say(ex, true, "type a file name for the Markdown report");
            return false;
        }
        ex->mode = EX_MODE_NORMAL;
        explore_export_asking(ex, text); /* may ask before replacing a file */
        return true;
    case EX_INPUT_REPLACE:
        break;
    }
    ex->mode = EX_MODE_NORMAL;
    return true;
}

/* "replace FILE?": y writes over it, any other key keeps it. */
static bool replace_key(explore_t *ex, int key)
{
    ex->mode = EX_MODE_NORMAL;
    char *path = ex->replace_path;
    ex->replace_path = NULL;
    if (key == 'y' || key == 'Y') {
        explore_export(ex, path);
    } else {
        char *shown = text_sanitize(path, strlen(path));
        explore_say(ex, false, "not exported: %s kept as it was", shown);
        free(shown);
    }
    free(path);
    return true;
}

static bool input_key(explore_t *ex, int key)
{
    if (ex->input_kind == EX_INPUT_REPLACE)
        return replace_key(ex, key);
    if (key == EK_ESC) {
        ex->mode = EX_MODE_NORMAL;
        explore_say(ex, false, "cancelled");
        return true;
    }
    if (key == EK_ENTER) {
        submit_input(ex);
        return true;
    }
    return lineedit_key(&ex->line, key);
}

static void move_cursor(explore_t *ex, long delta)
{
    if (!ex->nlisted)
        return;
    long c = (long)ex->cursor + delta;
    if (c < 0)
        c = 0;
    if (c >= (long)ex->nlisted)
        c = (long)ex->nlisted - 1;
    ex->cursor = (size_t)c;
    explore_place_t pl;
    size_t idx = ex->order[ex->cursor];
    if (place_of(ex, idx, &pl)) {
        set_place(ex, pl); /* the list, filtered, holds this group only: the cursor stays */
    } else if (ex->place.series < ex->nseries)
        explore_say(ex, false, "%s has no measured %s: the operating point stays where it was",
                    ex->set.items[idx].name, unmeasured(ex, idx));
    else /* no operating point: the per-day panel projects what this point has */
        explore_say(ex, false, "%s has no measured %s: the per-day panel projects only what is measured",
                    ex->set.items[idx].name, unmeasured(ex, idx));
}

/* PgUp and PgDn: a page of the list when it has the focus (the rows the
 * last frame showed), else a coarse step of the focused control. */
static void page(explore_t *ex, const explore_layout_t *lay, int dir)
{
    if (ex->focus != EX_CTL_LIST) {
        explore_adjust(ex, dir, true);
        return;
    }
    long rows = lay && lay->list_rows > 1 ? lay->list_rows - 1 : 10;
    move_cursor(ex, dir > 0 ? -rows : rows);
}

static void change_series(explore_t *ex, int dir)
{
    if (ex->nseries == 0) {
        explore_say(ex, true, "no series with measured ASR and ORR");
        return;
    }
    size_t s = ex->place.series < ex->nseries ? ex->place.series : 0;
    s = (s + ex->nseries + (dir > 0 ? 1 : ex->nseries - 1)) % ex->nseries;
    set_place(ex, (explore_place_t){s, 0, false, {0}});
    /* counted within the group, as the title counts them */
    size_t at, n = explore_series_in_group(ex, s, &at), len = explore_series_len(ex, s);
    const char *unit = ex->series[s].curve >= 0 ? "threshold" : "point";
    if (ex->groups.len > 1)
        explore_say(ex, false, "series %zu of %zu in group %s: %s (%zu %s%s)", at + 1, n,
                    ex->groups.items[ex->series[s].group].name, ex->series[s].name, len, unit, len == 1 ? "" : "s");
    else
        explore_say(ex, false, "series %zu of %zu: %s (%zu %s%s)", at + 1, n, ex->series[s].name, len, unit,
                    len == 1 ? "" : "s");
}

/* The first series of group g, or -1 when none of its points has both
 * rates. */
static long first_series(const explore_t *ex, size_t g)
{
    for (size_t s = 0; s < ex->nseries; s++)
        if (ex->series[s].group == g)
            return (long)s;
    return -1;
}

static void say_group(explore_t *ex)
{
    const group_t *g = &ex->groups.items[ex->group];
    explore_say(ex, false, "group %zu of %zu: %s (%zu point%s)%s", ex->group + 1, ex->groups.len, g->name,
                g->nmembers, g->nmembers == 1 ? "" : "s", ex->only_group ? "; the list shows it alone (f)" : "");
}

/* The next (dir > 0) or previous group with a point to stand on. */
static void change_group(explore_t *ex, int dir)
{
    size_t n = ex->groups.len;
    if (n < 2 || ex->nseries == 0) {
        explore_say(ex, false, "one measurement group: %s", n ? ex->groups.items[ex->group].name : "none");
        return;
    }
    size_t g = ex->group;
    for (size_t step = 0; step < n; step++) {
        g = (g + (dir > 0 ? 1 : n - 1)) % n;
        long s = first_series(ex, g);
        if (s >= 0) {
            set_place(ex, (explore_place_t){(size_t)s, 0, false, {0}});
            break;
        }
    }
    say_group(ex);
}

bool explore_set_group(explore_t *ex, const char *query, sb_t *why)
{
    long g = groups_resolve(&ex->groups, query, why);
    long s = g >= 0 ? first_series(ex, (size_t)g) : -1;
    if (g >= 0 && s < 0)
        sb_printf(why, "group '%s' has no point with both rates measured", ex->groups.items[g].name);
    if (s < 0)
        return false;
    set_place(ex, (explore_place_t){(size_t)s, 0, false, {0}});
    /* the start message names where the explorer now stands */
    frontier_op_t op = explore_current(ex);
    char name[200];
    explore_op_name(ex, &op, name, sizeof name);
    explore_say(ex, false, "starting at %s, the first point of group %zu (%s) with both rates measured", name,
                ex->group + 1, ex->groups.items[ex->group].name);
    return true;
}

static void toggle_filter(explore_t *ex)
{
    ex->only_group = !ex->only_group;
    chart_mask(ex);
    sort_list(ex);
    sync_cursor(ex);
    if (ex->only_group)
        explore_say(ex, false, "list and chart: group %zu only (%s), %zu point%s; f shows every group",
                    ex->group + 1, ex->groups.items[ex->group].name, ex->nlisted, ex->nlisted == 1 ? "" : "s");
    else
        explore_say(ex, false, "list and chart: every group (%zu points)", ex->nlisted);
}

static void toggle_hide(explore_t *ex)
{
    ex->hide_others = !ex->hide_others;
    chart_mask(ex);
    explore_say(ex, false, "chart: the other groups' points %s", ex->hide_others ? "hidden (x shows them)" : "shown, dimmed");
}

static void open_details(explore_t *ex)
{
    if (explore_selected(ex) < 0) {
        explore_say(ex, true, "no point selected: the list is empty");
        return;
    }
    ex->mode = EX_MODE_DETAILS;
    ex->details_scroll = 0;
}

bool explore_do(explore_t *ex, explore_action_t a)
{
    char buf[256];
    switch (a) {
    case EXA_NONE:
        return false;
    case EXA_QUIT:
        ex->flags.quit = true;
        break;
    case EXA_HELP:
        ex->mode = EX_MODE_HELP;
        ex->help_scroll = 0;
        break;
    case EXA_FOCUS_NEXT:
        ex->focus = (explore_control_t)((ex->focus + 1) % EX_NCONTROLS);
        break;
    case EXA_FOCUS_PREV:
        ex->focus = (explore_control_t)((ex->focus + EX_NCONTROLS - 1) % EX_NCONTROLS);
        break;
    case EXA_DECREASE:
    case EXA_INCREASE:
    case EXA_DECREASE_COARSE:
    case EXA_INCREASE_COARSE:
        explore_adjust(ex, a == EXA_INCREASE || a == EXA_INCREASE_COARSE ? 1 : -1,
               a == EXA_DECREASE_COARSE || a == EXA_INCREASE_COARSE);
        break;
    case EXA_LIST_UP:
        move_cursor(ex, -1);
        break;
    case EXA_LIST_DOWN:
        move_cursor(ex, 1);
        break;
    case EXA_LIST_FIRST:
        move_cursor(ex, -(long)ex->nlisted);
        break;
    case EXA_LIST_LAST:
        move_cursor(ex, (long)ex->nlisted);
        break;
    case EXA_PAGE_UP:
    case EXA_PAGE_DOWN:
        page(ex, NULL, a == EXA_PAGE_UP ? 1 : -1);
        break;
    case EXA_ENTER_VALUE:
        if (ex->focus == EX_CTL_LIST) { /* Enter on a row: its details */
            open_details(ex);
            break;
        }
        explore_control_text(ex, ex->focus, buf, sizeof buf);
        {
            char prompt[64];
            snprintf(prompt, sizeof prompt, "%s: ", explore_control_name(ex->focus));
            open_input(ex, EX_INPUT_VALUE, prompt, buf);
        }
        break;
    case EXA_BASELINE:
        explore_pin_current(ex);
        explore_say(ex, false, "baseline pinned: %s; move the operating point to compare", ex->baseline_name);
        break;
    case EXA_UNPIN:
        ex->has_baseline = false;
        explore_say(ex, false, "baseline removed");
        break;
    case EXA_OPTIMAL:
        go_optimal(ex);
        break;
    case EXA_SERIES_NEXT:
    case EXA_SERIES_PREV:
        change_series(ex, a == EXA_SERIES_NEXT ? 1 : -1);
        break;
    case EXA_GROUP_NEXT:
    case EXA_GROUP_PREV:
        change_group(ex, a == EXA_GROUP_NEXT ? 1 : -1);
        break;
    case EXA_GROUP_FILTER:
        toggle_filter(ex);
        break;
    case EXA_GROUP_HIDE:
        toggle_hide(ex);
        break;
    case EXA_FIND:
        open_input(ex, EX_INPUT_FIND, "find point: ", "");
        break;
    case EXA_FIND_NEXT:
    case EXA_FIND_PREV:
        find_again(ex, a == EXA_FIND_NEXT ? 1 : -1);
        break;
    case EXA_FILTER: { /* the prompt from the action table, as help and the man page */
        char prompt[sizeof ex->prompt - 24];
        snprintf(prompt, sizeof prompt, "%s; empty shows all: ", bindings_find(explore_bindings(), a)->prompt);
        open_input(ex, EX_INPUT_FILTER, prompt, ex->filter);
        break;
    }
    case EXA_LOG_SCALES:
        ex->scale = explore_scale_next(ex->scale);
        explore_say(ex, false, "chart scales: %s", explore_scale_description(ex->scale));
        break;
    case EXA_SORT:
        ex->sort = (explore_sort_t)((ex->sort + 1) % EX_NSORTS);
        sort_list(ex);
        explore_say(ex, false, "point list sorted by %s%s (I reverses it)", explore_sort_description(ex->sort),
                    ex->sort_reverse ? ", reversed" : "");
        break;
    case EXA_SORT_REVERSE:
        ex->sort_reverse = !ex->sort_reverse;
        sort_list(ex);
        explore_say(ex, false, "point list sorted by %s, %s", explore_sort_description(ex->sort),
                    ex->sort_reverse ? "reversed" : "in order");
        break;
    case EXA_DETAILS:
        open_details(ex);
        break;
    case EXA_FLIPS: {
        sb_t why = SB_INIT;
        if (!explore_flips_open(ex, &why))
            explore_say(ex, true, "%s", sb_str(&why));
        sb_free(&why);
        break;
    }
    case EXA_SAVE:
        open_input(ex, EX_INPUT_SAVE, "save scenario to: ", "tradeoff-scenario.txt");
        break;
    case EXA_EXPORT: {
        char *name = explore_export_name();
        open_input(ex, EX_INPUT_EXPORT, "export Markdown report to: ", name);
        free(name);
        break;
    }
    case EXA_WARNINGS:
        ex->mode = EX_MODE_WARNINGS;
        ex->warn_scroll = 0;
        break;
    case EXA_REDRAW:
        ex->flags.redraw = true;
        break;
    case EXA_COUNT:
        return false;
    }
    return true;
}

/* Help, the details view and the warnings scroll with Up and Down (a
 * line), PgUp and PgDn (a page), Home and End; any other key closes them. */
static bool scroll_key(explore_t *ex, int *scroll, int max, int page_rows, explore_action_t a)
{
    int to = *scroll;
    if (a == EXA_LIST_DOWN)
        to++;
    else if (a == EXA_LIST_UP)
        to--;
    else if (a == EXA_PAGE_DOWN)
        to += page_rows;
    else if (a == EXA_PAGE_UP)
        to -= page_rows;
    else if (a == EXA_LIST_FIRST)
        to = 0;
    else if (a == EXA_LIST_LAST)
        to = max;
    else {
        ex->mode = EX_MODE_NORMAL;
        return true;
    }
    *scroll = to > max ? max : to < 0 ? 0 : to;
    return true;
}

bool explore_key(explore_t *ex, const explore_layout_t *lay, int key)
{
    if (ex->mode == EX_MODE_INPUT)
        return input_key(ex, key);
    explore_action_t a = (explore_action_t)bindings_action(explore_bindings(), key);
    int page_rows = lay && lay->list_rows > 1 ? lay->list_rows - 1 : 10;
    if (ex->mode == EX_MODE_HELP)
        return scroll_key(ex, &ex->help_scroll, lay ? lay->help_max_scroll : 1 << 20, page_rows, a);
    if (ex->mode == EX_MODE_DETAILS)
        return scroll_key(ex, &ex->details_scroll, lay ? lay->details_max_scroll : 1 << 20, page_rows, a);
    if (ex->mode == EX_MODE_WARNINGS)
        return scroll_key(ex, &ex->warn_scroll, lay ? lay->warn_max_scroll : 1 << 20,
                          lay && lay->warn_rows > 1 ? lay->warn_rows - 1 : 1, a);
    if (ex->mode == EX_MODE_FLIPS)
        return explore_flips_key(ex, key == EK_ESC ? EXA_NONE : a);
    if (key == EK_ESC) {
        ex->message[0] = '\0';
        return true;
    }
    if (a == EXA_NONE) {
        char name[24];
        explore_say(ex, true, "key %s does nothing here; press ? for help", keys_name(key, name, sizeof name));
        return true;
    }
    if (a != EXA_BASELINE && a != EXA_OPTIMAL && a != EXA_SORT && a != EXA_LOG_SCALES &&
        a != EXA_SERIES_NEXT && a != EXA_SERIES_PREV && a != EXA_UNPIN && a != EXA_GROUP_NEXT &&
        a != EXA_GROUP_PREV && a != EXA_GROUP_FILTER && a != EXA_GROUP_HIDE && a != EXA_SORT_REVERSE &&
        a != EXA_FIND_NEXT && a != EXA_FIND_PREV)
        ex->message[0] = '\0';
    if (a == EXA_PAGE_UP || a == EXA_PAGE_DOWN) {
        page(ex, lay, a == EXA_PAGE_UP ? 1 : -1);
        return true;
    }
    return explore_do(ex, a);
}

bool explore_key_moves(const explore_t *ex, int key)
{
    explore_action_t a = (explore_action_t)bindings_action(explore_bindings(), key);
    bool list = a == EXA_LIST_UP || a == EXA_LIST_DOWN || a == EXA_PAGE_UP || a == EXA_PAGE_DOWN;
    switch (ex->mode) {
    case EX_MODE_NORMAL:
        return list || a == EXA_DECREASE || a == EXA_INCREASE || a == EXA_DECREASE_COARSE ||
               a == EXA_INCREASE_COARSE;
    case EX_MODE_HELP:
    case EX_MODE_DETAILS:
    case EX_MODE_FLIPS:
        return list;
    case EX_MODE_WARNINGS:
        return list || key == EK_PGUP || key == EK_PGDN;
    default:
        return false; /* typing a value or a name */
    }
}

bool explore_click(explore_t *ex, const explore_layout_t *lay, int x, int y)
{
    if (ex->mode != EX_MODE_NORMAL)
        return explore_key(ex, lay, EK_ESC);
    if (lay->have_chart) {
        long idx = chart_nearest_point(&lay->chart, x - lay->chart_x, y - lay->chart_y, 6);
        if (idx >= 0) {
            explore_place_t pl;
            if (place_of(ex, (size_t)idx, &pl))
                set_place(ex, pl);
            cursor_to(ex, (size_t)idx);
            explore_say(ex, false, "selected %s", ex->set.items[idx].name);
            return true;
        }
    }
    if (x >= lay->list_x && x < lay->list_x + lay->list_w && y >= lay->list_y && y < lay->list_y + lay->list_rows) {
        size_t row = lay->list_scroll + (size_t)(y - lay->list_y);
        if (row < ex->nlisted) {
            move_cursor(ex, (long)row - (long)ex->cursor);
            return true;
        }
    }
    return false;
}
