/* explore_view: lays the explorer's state out into a uigrid and says where
 * it put things (explore_layout_t). Nothing here changes the model. */
#include "config.h"

#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/stats.h"
#include "render/analysis_report.h"
#include "ui/draw.h"
#include "ui/explore.h"
#include "render/labels.h"
#include "ui/role.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Glyphs with their ASCII twins. */
static const glyph_t G_DOWN = {"\xe2\x96\xbe", "v"};      /* ▾ */
static const glyph_t G_UP = {"\xe2\x96\xb4", "^"};        /* ▴ */
static const glyph_t G_VBAR = {"\xe2\x94\x82", "|"};      /* │ */

static const char *gl(const explore_t *ex, glyph_t g) { return draw_glyph(g, ex->ascii); }

/* ------------------------------------------------------------------------
 * The sentence for the meeting. */

/* The meeting sentence for moving from the pinned baseline to the current
 * operating point (which may be a mix). */
static void baseline_sentence(const explore_t *ex, sb_t *out)
{
    frontier_op_t op = explore_current(ex);
    char name[200];
    explore_op_name(ex, &op, name, sizeof name);
    comparison_t c = explore_compare(ex, &op);
    model_sentence(out, &ex->scenario, ex->baseline_name, name, &c);
}

#define SENTENCE_HINT "b pins a baseline; move, and the sentence for the meeting appears here."

static void draw_sentence(const explore_t *ex, uigrid_t *g, rect_t r)
{
    if (r.h <= 0)
        return;
    if (!ex->has_baseline) {
        draw_wrapped(g, (rect_t){r.x + 1, r.y, r.w - 2, r.h}, SENTENCE_HINT, ROLE_NOTE, 0);
        return;
    }
    sb_t s = SB_INIT;
    baseline_sentence(ex, &s);
    for (int i = 0; i < r.h; i++)
        uigrid_put(g, r.x, r.y + i, gl(ex, G_VBAR), ROLE_BASELINE, 1);
    rect_t in = {r.x + 2, r.y, r.w - 3, r.h};
    if (draw_wrapped(NULL, in, sb_str(&s), ROLE_SENTENCE, 0) > r.h && r.h > 1) {
        /* a screen too small for the whole sentence says where it is whole */
        in.h--;
        draw_wrapped(g, in, sb_str(&s), ROLE_SENTENCE, 0);
        uigrid_put(g, in.x, in.y + in.h, "(continues: d shows the whole sentence)", ROLE_NOTE, in.w);
    } else {
        draw_wrapped(g, in, sb_str(&s), ROLE_SENTENCE, 0);
    }
    sb_free(&s);
}

/* Rows the sentence needs at this width: all of them (a sentence is never
 * cut: its intervals say what it claims), leaving the panels at least
 * `keep` rows. */
static int sentence_rows(const explore_t *ex, int width, int room, int keep)
{
    sb_t s = SB_INIT;
    if (ex->has_baseline)
        baseline_sentence(ex, &s);
    else
        sb_puts(&s, SENTENCE_HINT);
    int n = draw_wrapped(NULL, (rect_t){0, 0, ex->has_baseline ? width - 3 : width - 2, 0}, sb_str(&s), ROLE_SENTENCE, 0);
    sb_free(&s);
    int most = room - keep;
    return n < 1 ? 1 : n > most ? (most < 1 ? 1 : most) : n;
}

/* ------------------------------------------------------------------------
 * The point list. */

/* A point's marks within its own group; "C" for a curve (one row for
 * all its thresholds). */
static void frontier_marks(const explore_t *ex, size_t i, char *buf)
{
    if (curves_of_point(&ex->curves, i) >= 0) {
        snprintf(buf, 4, "C");
        return;
    }
    const frontier_mark_t *m = &ex->groups.marks[i];
    buf[0] = m->pareto_optimal ? 'P' : ' ';
    buf[1] = m->on_hull ? 'H' : ' ';
    buf[2] = '\0';
}

static int digits(size_t n)
{
    int d = 1;
    while (n >= 10)
        n /= 10, d++;
    return d;
}

/* The widest series name of the points (at most `cap`), 0 when none has one. */
static int series_width(const explore_t *ex, int cap)
{
    int w = 0;
    for (size_t s = 0; s < ex->nseries && w < cap; s++)
        if (!ex->series[s].unnamed && text_width(ex->series[s].name) > w)
            w = text_width(ex->series[s].name);
    return w < cap ? w : cap;
}

/* The group column's width: where two groups' points share a name within
 * their groups (core/shortname.h), the list numbers each row's group (as
 * the title, [ and ] and report's Grp do), and a name too long for its
 * column gives way to the name within its group; 0 where no name is
 * shared. */
static int group_width(const explore_t *ex)
{
    return ex->names.shared && ex->groups.len > 1 ? digits(ex->groups.len) + 1 : 0;
}

/* The columns the list needs to show its names whole (its other columns
 * as draw_list lays them out). */
static int list_width_wanted(const explore_t *ex)
{
    int longest = ex->names_width > 4 ? ex->names_width : 4;
    return longest + 2 + digits(ex->set.len) + 1 + 2 * 7 + 3 + 2 + (group_width(ex) ? group_width(ex) + 1 : 0);
}

static void list_heading(const explore_t *ex, uigrid_t *g, rect_t r)
{
    char title[320], shown[160] = "";
    if (ex->filter[0])
        snprintf(shown, sizeof shown, " (filter: %s)", ex->filter);
    char a[32], b[32];
    num_format_int((double)ex->nlisted, a, sizeof a);
    num_format_int((double)ex->set.len, b, sizeof b);
    if (ex->nlisted == ex->set.len)
        snprintf(title, sizeof title, "%s point%s%s, S sorts: %s%s", a, ex->nlisted == 1 ? "" : "s", shown,
                 explore_sort_heading(ex->sort), ex->sort_reverse ? ", reversed" : "");
    else
        snprintf(title, sizeof title, "%s of %s points%s%s, S sorts: %s%s", a, b,
                 ex->only_group ? " of this group" : "", shown, explore_sort_heading(ex->sort),
                 ex->sort_reverse ? ", reversed" : "");
    draw_heading(g, r, title, ex->ascii);
    if (ex->focus == EX_CTL_LIST) /* Tab gave the list the focus: PgUp/PgDn page it */
        uigrid_paint(g, r.x + 2, r.y, text_width(title) < r.w - 4 ? text_width(title) : r.w - 4, ROLE_FOCUS);
}

/* A rate of the list, "?" when unknown: beside the policy's bound, as the
 * report's table shows it (num_format_pct_beside: 0.498%, not 0.50%, when
 * the bound is < 0.50%). */
static const char *list_rate(const explore_t *ex, const point_t *p, bool asr, char *buf, size_t n)
{
    double rate = asr ? p->asr : p->orr;
    if (isnan(rate))
        return "?";
    return num_format_pct_beside(rate, asr ? ex->scenario.policy.asr.max : ex->scenario.policy.orr.max, buf, n);
}

/* The rate columns' width: "100.00%" and a blank, wider where a visible
 * rate needs more digits beside its bound, so that no rate is ever cut.
 * Only the rows drawn: a frame costs what is visible (HACKING). */
static int list_rate_width(const explore_t *ex, size_t first, int rows)
{
    int w = 7;
    char buf[32];
    for (size_t row = first; rows > 0 && row < first + (size_t)rows && row < ex->nlisted; row++)
        for (int asr = 0; asr < 2; asr++) {
            int t = text_width(list_rate(ex, &ex->set.items[ex->order[row]], asr, buf, sizeof buf)) + 1;
            w = t > w ? t : w;
        }
    return w;
}

static void draw_list(const explore_t *ex, uigrid_t *g, rect_t r, explore_layout_t *lay)
{
    list_heading(ex, g, r);
    int rows = r.h - 2; /* under the heading and the columns' titles */
    if (rows >= 1) { /* the rows shown first: the rate columns fit them */
        if (ex->cursor < lay->list_scroll)
            lay->list_scroll = ex->cursor;
        if (ex->cursor >= lay->list_scroll + (size_t)rows)
            lay->list_scroll = ex->cursor - (size_t)rows + 1;
        if (lay->list_scroll + (size_t)rows > ex->nlisted) /* a page that ends on the last row */
            lay->list_scroll = ex->nlisted > (size_t)rows ? ex->nlisted - (size_t)rows : 0;
    }
    int marks_w = 3, rate_w = list_rate_width(ex, lay->list_scroll, rows), num_w = digits(ex->set.len) + 1, grp_w = group_width(ex);
    int series_w = series_width(ex, r.w >= 90 ? 24 : 16);
    int name_w = r.w - 2 - num_w - 2 * rate_w - marks_w - 1 - (grp_w ? grp_w + 1 : 0);
    /* the series column only where the names keep room to be told apart */
    if (series_w > 0 && name_w - series_w - 2 >= 20)
        name_w -= series_w + 2;
    else
        series_w = 0;
    /* no wider than the longest name: the numbers stay beside the names
     * on a wide screen, the room left at the right */
    int longest = (ex->names_width > 4 ? ex->names_width : 4) + 2;
    name_w = name_w > longest ? longest : name_w;
    int y = r.y + 1;
    int x_num = r.x + 2 + name_w;
    int x_grp = x_num + num_w + 1, x_series = x_num + num_w + 2 + (grp_w ? grp_w + 1 : 0), x_asr = x_series + (series_w ? series_w + 1 : -1), x_orr = x_asr + rate_w,
        x_marks = x_orr + rate_w + 1;
    uigrid_put(g, r.x + 2, y, "Name", ROLE_HEADING, name_w);
    uigrid_printf(g, x_num, y, ROLE_HEADING, num_w, "%*s", num_w, "#");
    if (grp_w)
        uigrid_printf(g, x_grp, y, ROLE_HEADING, grp_w, "%*s", grp_w, "G");
    if (series_w)
        uigrid_put(g, x_series, y, "Series", ROLE_HEADING, series_w);
    uigrid_printf(g, x_asr, y, ROLE_HEADING, rate_w, "%*s", rate_w - 1, "ASR");
    uigrid_printf(g, x_orr, y, ROLE_HEADING, rate_w, "%*s", rate_w - 1, "ORR");
    uigrid_put(g, x_marks, y, "PH", ROLE_HEADING, marks_w);
    /* the arrow says the order the rows are in: up ascending, down descending */
    int sort_x = ex->sort == EX_SORT_NAME ? r.x + 6 : ex->sort == EX_SORT_ASR ? x_asr + rate_w - 1
                                                  : ex->sort == EX_SORT_ORR   ? x_orr + rate_w - 1
                                                  : ex->sort == EX_SORT_FRONTIER ? x_marks + 2 : x_num + num_w;
    uigrid_put(g, sort_x, y, gl(ex, ex->sort_reverse ? G_DOWN : G_UP), ROLE_HEADING, 1);
    y++;
    if (rows < 1)
        return;
    lay->list_x = r.x, lay->list_y = y, lay->list_rows = rows, lay->list_w = r.w;
    for (int i = 0; i < rows && lay->list_scroll + (size_t)i < ex->nlisted; i++) {
        size_t row = lay->list_scroll + (size_t)i, idx = ex->order[row];
        const point_t *p = &ex->set.items[idx];
        bool cur = row == ex->cursor;
        /* dimmed: dominated within its group, or of another group */
        bool plain = (ex->groups.marks[idx].pareto_optimal || curves_of_point(&ex->curves, idx) >= 0) &&
                     ex->in_group[idx];
        uint8_t role = cur ? ROLE_CURSOR : plain ? ROLE_PLAIN : ROLE_NOTE;
        if (cur)
            uigrid_fill(g, r.x, y + i, r.w, 1, " ", ROLE_CURSOR);
        bool base = ex->has_baseline && ex->baseline_point == (long)idx;
        uigrid_put(g, r.x, y + i, cur ? gl(ex, draw_focus) : " ", role, 1);
        if (base)
            uigrid_put(g, r.x + 1, y + i, chart_baseline_glyph(ex->ascii), cur ? ROLE_CURSOR : ROLE_BASELINE, 1);
        const char *name = ex->names.names[idx], *within = ex->names.within_group[idx];
        /* a cut that keeps too little of what tells the name apart (under
         * six columns after the name within the group) shows that name
         * alone: the G column tells it apart */
        if (grp_w && within && text_width(name) > name_w - 1 && name_w - 1 - text_width(within) - 2 < 6)
            name = within;
        uigrid_put(g, r.x + 2, y + i, name, role, name_w - 1);
        uigrid_printf(g, x_num, y + i, cur ? ROLE_CURSOR : ROLE_NOTE, num_w, "%*zu", num_w, LABELS_NUMBER(idx));
        if (grp_w)
            uigrid_printf(g, x_grp, y + i, role, grp_w, "%*zu", grp_w, ex->groups.of[idx] + 1);
        if (series_w && p->series) {
            char *s = text_sanitize(p->series, strlen(p->series));
            uigrid_put(g, x_series, y + i, s, role, series_w);
            free(s);
        }
        char a[32], o[32], m[4];
        uigrid_printf(g, x_asr, y + i, role, rate_w, "%*s", rate_w - 1, list_rate(ex, p, true, a, sizeof a));
        uigrid_printf(g, x_orr, y + i, role, rate_w, "%*s", rate_w - 1, list_rate(ex, p, false, o, sizeof o));
        frontier_marks(ex, idx, m);
        uigrid_put(g, x_marks, y + i, m, role, marks_w);
    }
}

/* ------------------------------------------------------------------------
 * Details: a summary under the controls on tall screens, and the whole
 * of it on the full screen (d). */

/* The length of the first `len` bytes of `line` without a bracketed
 * phrase it opens and does not close (and the blanks before it), so that
 * a cut ends "left out) …", not "(95% interval …"; `len` when there is
 * none, or when the phrase is all the line has. */
static int before_open_bracket(const char *line, int len)
{
    int depth = 0, open = -1;
    for (int i = 0; i < len; i++) {
        if (line[i] == '(' && depth++ == 0)
            open = i;
        else if (line[i] == ')' && depth > 0)
            depth--;
    }
    if (depth == 0 || open <= 0)
        return len;
    while (open > 0 && line[open - 1] == ' ')
        open--;
    return open > 0 ? open : len;
}

/* As many whole paragraphs (lines) of `text` as fit in `r`, wrapped at
 * spaces: a paragraph that does not fit is left for d, never cut inside
 * its brackets; only a first paragraph taller than `r` is cut, its last
 * row ending in "…". */
static void details_paragraphs(uigrid_t *g, rect_t r, const char *text)
{
    char *all = xstrdup(text);
    int y = r.y;
    for (char *p = all, *eol; *p && y < r.y + r.h; p = eol ? eol + 1 : p + strlen(p)) {
        eol = strchr(p, '\n');
        if (eol)
            *eol = '\0';
        int n = draw_wrapped(NULL, (rect_t){r.x, y, r.w, 0}, p, ROLE_PLAIN, 0);
        int room = r.y + r.h - y;
        if (n > room && y > r.y)
            break;
        if (n <= room) {
            draw_wrapped(g, (rect_t){r.x, y, r.w, room}, p, ROLE_PLAIN, 0);
        } else { /* the first paragraph alone is taller than the panel */
            sb_t lines = SB_INIT;
            text_wrap(&lines, p, r.w - 2, TEXT_WRAP_ALL); /* room for " …" */
            const char *q = sb_str(&lines);
            for (int k = 0; k < room; k++) {
                const char *e = strchr(q, '\n');
                int len = (int)(e - q);
                if (k + 1 == room)
                    len = before_open_bracket(q, len);
                char line[512];
                snprintf(line, sizeof line, "%.*s%s", len, q, k + 1 == room ? " \xe2\x80\xa6" : "");
                uigrid_put(g, r.x, y + k, line, ROLE_PLAIN, r.w);
                q = e + 1;
            }
            sb_free(&lines);
        }
        y += n;
    }
    free(all);
}

static void draw_details_summary(const explore_t *ex, uigrid_t *g, rect_t r)
{
    long sel = explore_selected(ex);
    if (sel < 0)
        return;
    char title[200];
    snprintf(title, sizeof title, "Details: %s (d: all)", ex->names.names[sel]);
    draw_heading(g, r, title, ex->ascii);
    sb_t t = SB_INIT;
    explore_details_text(ex, (size_t)sel, &t);
    /* the first line repeats the name: the heading has it */
    const char *body = strchr(sb_str(&t), '\n');
    rect_t in = {r.x + 1, r.y + 1, r.w - 2, r.h - 1};
    int need = draw_wrapped(NULL, in, body ? body + 1 : "", ROLE_PLAIN, 0);
    if (need > in.h && in.h > 0) {
        details_paragraphs(g, (rect_t){in.x, in.y, in.w, in.h - 1}, body ? body + 1 : "");
        uigrid_put(g, in.x, in.y + in.h - 1, "(more: d shows every detail)", ROLE_NOTE, in.w);
    } else {
        draw_wrapped(g, in, body ? body + 1 : "", ROLE_PLAIN, 0);
    }
    sb_free(&t);
}

static void draw_details(const explore_t *ex, uigrid_t *g, explore_layout_t *lay)
{
    rect_t r = {0, 1, g->width, g->height - 2};
    uigrid_fill(g, 0, 1, g->width, g->height - 2, " ", ROLE_PLAIN);
    long sel = explore_selected(ex);
    draw_heading(g, r, ex->ascii ? "Details (Up/Down, PgUp/PgDn scroll; any other key closes)"
                                 : "Details (\xe2\x86\x91\xe2\x86\x93 PgUp/PgDn scroll; any other key closes)",
                 ex->ascii);
    if (sel < 0)
        return;
    sb_t t = SB_INIT;
    if (ex->has_baseline) { /* the meeting's sentence, whole, whatever the screen's size */
        sb_puts(&t, "Against the baseline: ");
        baseline_sentence(ex, &t);
        sb_puts(&t, "\n\n");
    }
    explore_details_text(ex, (size_t)sel, &t);
    rect_t in = {1, 2, g->width - 2, g->height - 3};
    int n = draw_wrapped(NULL, in, sb_str(&t), ROLE_PLAIN, 0);
    lay->details_max_scroll = n > in.h ? n - in.h : 0;
    int first = ex->details_scroll < lay->details_max_scroll ? ex->details_scroll : lay->details_max_scroll;
    draw_wrapped(g, in, sb_str(&t), ROLE_PLAIN, first);
    if (first < lay->details_max_scroll)
        uigrid_put(g, g->width - 10, g->height - 2, ex->ascii ? "(v more)" : "(\xe2\x86\x93 more)", ROLE_NOTE, 9);
    sb_free(&t);
}

/* ------------------------------------------------------------------------
 * The chart. */

static void forget_chart(explore_layout_t *lay)
{
    if (lay->have_chart)
        chart_free(&lay->chart);
    lay->have_chart = false;
}

static void render_chart(explore_layout_t *lay, chart_opts_t *o, int height)
{
    forget_chart(lay);
    o->height = height;
    chart_render(&lay->chart, o);
    lay->have_chart = true;
}

/* The chart of the current group: its frontier and hull (`view`, which
 * must outlive the options), the other groups' points dimmed, or left out
 * (x, f); what it keeps between frames in the layout's cache. */
static chart_opts_t chart_options(const explore_t *ex, rect_t r, const frontier_t *view, explore_layout_t *lay)
{
    chart_opts_t o = chart_default_opts();
    if (!lay->chart_cache)
        lay->chart_cache = chart_cache_new();
    o.cache = lay->chart_cache;
    frontier_op_t op = explore_current(ex);
    o.points = &ex->set;
    o.frontier = view;
    o.in_group = ex->in_group;
    o.include = ex->chart_include;
    o.scenario = &ex->scenario;
    o.has_current = op.valid;
    o.current_asr = op.asr;
    o.current_orr = op.orr;
    o.baseline = ex->has_baseline ? ex->baseline_point : -1;
    o.has_baseline_at = ex->has_baseline;
    o.baseline_asr = ex->baseline.asr;
    o.baseline_orr = ex->baseline.orr;
    o.curves = ex->chart_curves;
    o.ncurves = ex->curves.len;
    o.selected = explore_selected(ex);
    o.width = r.w;
    o.height = r.h;
    o.ascii = ex->ascii;
    o.xscale = o.yscale = ex->scale;
    o.steady_legend = true;
    o.axes_from_data = true; /* the bounds are controls: moving one keeps the axes */
    o.numbers_legend = "numbers: list's #";
    return o;
}

static void draw_chart(const explore_t *ex, uigrid_t *g, rect_t r, explore_layout_t *lay)
{
    if (r.w < CHART_MIN_WIDTH || r.h < CHART_MIN_HEIGHT) {
        uigrid_put(g, r.x + 1, r.y + r.h / 2, "(the chart needs more room)", ROLE_NOTE, r.w - 1);
        return;
    }
    frontier_t view = groups_view(&ex->groups, ex->group);
    chart_opts_t o = chart_options(ex, r, &view, lay);
    /* Always the whole height: a key under the chart would come and go
     * with the labels and move the axes; the points' numbers are the list's
     * # column instead, which the legend says. */
    render_chart(lay, &o, r.h);
    lay->numbers_in_list = true;
    lay->chart_x = r.x;
    lay->chart_y = r.y;
    draw_canvas(g, r.x, r.y, r.w, r.h, &lay->chart.canvas, ex->ascii);
}


/* ------------------------------------------------------------------------
 * The title and the status line. */

/* The columns the files' name keeps in the title at the least: its last
 * file's name after "…/" (or the whole, when shorter). */
static int title_file_min(const char *name)
{
    const char *slash = strrchr(name, '/');
    int whole = text_width(name);
    int min = slash ? text_width(slash + 1) + 2 : whole;
    return min < whole ? min : whole;
}

/* `s` cut from the left to `cols` columns with "…" in front: a path keeps
 * its file's name ("…/published-operating-points.csv"). Points into `s`
 * when it fits; else into a static buffer. */
static const char *left_cut(const char *s, int cols)
{
    static char buf[420];
    if (text_width(s) <= cols || cols < 2)
        return s;
    const char *p = s;
    while (*p && text_width(p) > cols - 1) {
        p++;
        while ((*p & 0xC0) == 0x80) /* to the start of a character */
            p++;
    }
    snprintf(buf, sizeof buf, "\xe2\x80\xa6%.*s", (int)sizeof buf - 4, p);
    return buf;
}

/* " tradeoff │ group 1/6: NAME │ series 1/5: NAME │ FILES (67 points)":
 * the counts always whole; the names share what room is left, the group
 * first (what the chart and the numbers are about), then the series, then
 * the files; the group and the series only where there is a choice (a
 * single group when its name is not the files'). */
static void draw_title(const explore_t *ex, uigrid_t *g)
{
    int W = g->width;
    uigrid_fill(g, 0, 0, W, 1, " ", ROLE_TITLE);
    char fixed[5][160], names[5][400];
    int n = 0;
    const char *bar = gl(ex, G_VBAR);
    snprintf(fixed[n], sizeof fixed[0], " tradeoff %s ", bar);
    names[n++][0] = '\0';
    /* one group: named when its name says more than the files' (the
     * prompts judged, the set they came from) */
    if (ex->groups.len > 1 || (ex->groups.len == 1 && strcmp(ex->groups.items[0].name, ex->title) != 0)) {
        if (ex->groups.len > 1)
            snprintf(fixed[n - 1] + strlen(fixed[n - 1]), sizeof fixed[0] - strlen(fixed[n - 1]), "group %zu/%zu: ",
                     ex->group + 1, ex->groups.len);
        else
            snprintf(fixed[n - 1] + strlen(fixed[n - 1]), sizeof fixed[0] - strlen(fixed[n - 1]), "group: ");
        snprintf(names[n - 1], sizeof names[0], "%s", ex->groups.items[ex->group].name);
        snprintf(fixed[n], sizeof fixed[0], " %s ", bar);
        names[n++][0] = '\0';
    }
    /* the series counted within the group: one series measured under
     * three judges is one series in each of three groups */
    const explore_series_t *se = ex->place.series < ex->nseries ? &ex->series[ex->place.series] : NULL;
    size_t at, in_group = explore_series_in_group(ex, ex->place.series, &at);
    if (in_group > 1 && se && !se->unnamed) {
        snprintf(fixed[n - 1] + strlen(fixed[n - 1]), sizeof fixed[0] - strlen(fixed[n - 1]), "series %zu/%zu: ",
                 at + 1, in_group);
        snprintf(names[n - 1], sizeof names[0], "%s", se->name);
        snprintf(fixed[n], sizeof fixed[0], " %s ", bar);
        names[n++][0] = '\0';
    }
    snprintf(names[n - 1], sizeof names[0], "%s", ex->title);
    int files = n - 1;
    char what[120];
    explore_data_summary(ex, what, sizeof what);
    if (ex->set.rows_filtered > 0) {
        /* the rows --where left out beside the count (NUMBERS.md, rule 6):
         * the count whole, the expression a name that may be shortened */
        char k[32];
        snprintf(fixed[n], sizeof fixed[0], " (%s; %s row%s left out by --where ", what,
                 num_format_int((double)ex->set.rows_filtered, k, sizeof k), ex->set.rows_filtered == 1 ? "" : "s");
        snprintf(names[n++], sizeof names[0], "%s", ex->set.filtered_by ? ex->set.filtered_by : "");
        snprintf(fixed[n], sizeof fixed[0], ")");
    } else {
        snprintf(fixed[n], sizeof fixed[0], " (%s)", what);
    }
    names[n++][0] = '\0';
    /* each name at least a few columns, then the rest in order */
    int room = W, give[5];
    for (int i = 0; i < n; i++) {
        room -= text_width(fixed[i]);
        give[i] = text_width(names[i]) < 8 ? text_width(names[i]) : 8;
        room -= give[i];
    }
    /* then the file's own name ("…/points.csv"), then the rest in order */
    int file_more = title_file_min(names[files]) - give[files];
    if (file_more > 0 && room > 0) {
        file_more = file_more < room ? file_more : room;
        give[files] += file_more;
        room -= file_more;
    }
    for (int i = 0; i < n && room > 0; i++) {
        int more = text_width(names[i]) - give[i];
        more = more < room ? more : room;
        give[i] += more;
        room -= more;
    }
    int x = 0;
    for (int i = 0; i < n && x < W; i++) {
        x += uigrid_put(g, x, 0, fixed[i], ROLE_TITLE, W - x);
        int cols = give[i] < W - x ? give[i] : W - x;
        if (cols > 0 && i == files)
            x += uigrid_put(g, x, 0, left_cut(names[i], cols), ROLE_TITLE, cols);
        else if (cols > 0)
            x += uigrid_put(g, x, 0, names[i], ROLE_TITLE, cols);
    }
}

/* A message and the rows it takes wrapped at `width`: a long message (the
 * optimum with its interval and runner-up, a hint after an error) wraps
 * onto up to STATUS_MAX_ROWS rows rather than being cut. */
#define STATUS_MAX_ROWS 6

/* "3 warnings (w shows them)" while there are any: first on the status
 * line, before a message. Empty without warnings. */
static void warnings_count(const explore_t *ex, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!ex->warnings.nwarnings)
        return;
    char key[24];
    keys_name(bindings_first_key(explore_bindings(), EXA_WARNINGS), key, sizeof key);
    snprintf(buf, n, "%zu warning%s (%s shows them)", ex->warnings.nwarnings, ex->warnings.nwarnings == 1 ? "" : "s",
             key);
}

/* The message as the status line wraps it: after the count of warnings,
 * whose room is kept by blanks that never break (\x1f), drawn over. */
static char *status_text(const explore_t *ex, char *buf, size_t n)
{
    char count[64];
    warnings_count(ex, count, sizeof count);
    size_t k = ex->mode == EX_MODE_INPUT ? 0 : strlen(count);
    if (k + 3 >= n)
        k = 0;
    if (k)
        k += 2; /* and two blanks after it */
    memset(buf, '\x1f', k);
    snprintf(buf + k, n - k, "%s%s", k ? " " : "", ex->message);
    return buf;
}

static int status_rows(const explore_t *ex, int width)
{
    if (!ex->message[0])
        return 1;
    char text[sizeof ex->message + 80];
    int n = draw_wrapped(NULL, (rect_t){0, 0, width - 2, 0}, status_text(ex, text, sizeof text), ROLE_STATUS, 0);
    if (ex->mode == EX_MODE_INPUT)
        n++; /* the line being typed above it */
    return n < 1 ? 1 : n > STATUS_MAX_ROWS ? STATUS_MAX_ROWS : n;
}

static void draw_status(const explore_t *ex, uigrid_t *g, int y, int rows)
{
    uigrid_fill(g, 0, y, g->width, rows, " ", ROLE_STATUS);
    uint8_t mrole = ex->message_is_error ? ROLE_ERROR : ROLE_STATUS;
    if (ex->mode == EX_MODE_INPUT) {
        int n = uigrid_put(g, 0, y, ex->prompt, ROLE_STATUS, -1);
        n += draw_input(g, n, y, -1, &ex->line, ex->ascii);
        if (ex->message[0])
            draw_wrapped(g, (rect_t){1, y + 1, g->width - 2, rows - 1}, ex->message, mrole, 0);
        else if (ex->input_kind != EX_INPUT_REPLACE && n + 2 + 26 <= g->width) /* a one-key question: its prompt says */
            uigrid_put(g, n + 2, y, "Enter accepts, Esc cancels", ROLE_STATUS, -1);
        return;
    }
    char count[64];
    warnings_count(ex, count, sizeof count);
    if (ex->message[0]) {
        char text[sizeof ex->message + 80];
        draw_wrapped(g, (rect_t){1, y, g->width - 2, rows}, status_text(ex, text, sizeof text), mrole, 0);
        if (count[0])
            uigrid_put(g, 1, y, count, ROLE_ERROR, g->width - 2);
        return;
    }
    static const draw_hint_t hints[] = {
        {EXA_QUIT, "quit", NULL, NULL},
        {EXA_HELP, "help", NULL, NULL},
        {EXA_FOCUS_NEXT, "control", NULL, NULL},
        {EXA_INCREASE, "adjust", "\xe2\x86\x90\xe2\x86\x92", "<-/->"},
        {EXA_LIST_DOWN, "point", "\xe2\x86\x91\xe2\x86\x93", "Up/Dn"},
        {EXA_BASELINE, "baseline", NULL, NULL},
        {EXA_DETAILS, "details", NULL, NULL},
        {EXA_OPTIMAL, "optimal", NULL, NULL},
        {EXA_FILTER, "filter", NULL, NULL},
        {EXA_FIND, "find", NULL, NULL},
        {EXA_SAVE, "save", NULL, NULL},
        {EXA_EXPORT, "export", NULL, NULL},
    };
    int x = 1;
    if (count[0])
        x += uigrid_put(g, x, y, count, ROLE_ERROR, -1) + 3;
    draw_hints(g, x, y, explore_bindings(), hints, sizeof hints / sizeof hints[0], ex->ascii);
}

/* w: every warning in full, wrapped, scrolled by line. */
static void draw_warnings(const explore_t *ex, uigrid_t *g, explore_layout_t *lay)
{
    rect_t r = {0, 1, g->width, g->height - 2};
    uigrid_fill(g, 0, 1, g->width, g->height - 2, " ", ROLE_PLAIN);
    char title[160];
    snprintf(title, sizeof title, "Warnings of loading: %zu (%s scroll, PgUp/PgDn a page, any other key closes)",
             ex->warnings.nwarnings, ex->ascii ? "Up/Down" : "\xe2\x86\x91\xe2\x86\x93");
    draw_heading(g, r, title, ex->ascii);
    sb_t all = SB_INIT;
    for (size_t w = 0; w < ex->warnings.nwarnings; w++)
        sb_printf(&all, " %zu. %s\n", w + 1, ex->warnings.warnings[w]); /* wrapped lines indented */
    if (ex->warnings.nwarnings == 0)
        sb_puts(&all, "No warnings: every file loaded as it is.\n");
    sb_t lines = SB_INIT;
    int n = text_wrap(&lines, sb_str(&all), g->width - 2, TEXT_WRAP_ALL);
    int rows = g->height - 3;
    lay->warn_rows = rows;
    lay->warn_max_scroll = n > rows ? n - rows : 0;
    int scroll = ex->warn_scroll < lay->warn_max_scroll ? ex->warn_scroll : lay->warn_max_scroll;
    const char *p = sb_str(&lines);
    for (int line = 0, y = 2; *p && y < 2 + rows; line++) {
        const char *e = strchr(p, '\n');
        if (line >= scroll) {
            char *one = xstrndup(p, (size_t)(e - p));
            uigrid_put(g, 0, y++, one, ROLE_PLAIN, g->width - 1);
            free(one);
        }
        p = e + 1;
    }
    if (scroll < lay->warn_max_scroll)
        uigrid_put(g, g->width - 10, g->height - 2, ex->ascii ? "(v more)" : "(\xe2\x86\x93 more)", ROLE_NOTE, 9);
    sb_free(&lines);
    sb_free(&all);
}

/* The action table as the help shows it: the keys in a column, each
 * description wrapped under its own start (lines that begin with blanks
 * are kept as they are by draw_wrapped). */
static void help_keys(sb_t *out, int width)
{
    const bindings_t *t = explore_bindings();
    enum { KEYS_W = 22 };
    for (size_t i = 0; i < t->len; i++) {
        sb_t one = SB_INIT, lines = SB_INIT;
        bindings_t row = {&t->rows[i], 1};
        bindings_render(&one, &row, BINDINGS_TEXT); /* "  KEYS     description\n" */
        const char *d = sb_str(&one) + 2 + 20 + 1;
        if ((int)one.len <= 2 + 20 + 1 || width - KEYS_W - 1 < 16) {
            sb_puts(out, sb_str(&one));
        } else {
            text_wrap(&lines, d, width - KEYS_W - 1, TEXT_WRAP_ALL);
            bool first = true;
            for (const char *p = sb_str(&lines); *p; first = false) {
                const char *eol = strchr(p, '\n');
                if (first)
                    sb_putn(out, sb_str(&one), 2 + 20 + 1);
                else
                    sb_repeat(out, " ", KEYS_W + 1);
                sb_putn(out, p, (size_t)(eol - p + 1));
                p = eol + 1;
            }
        }
        sb_free(&one);
        sb_free(&lines);
    }
}

static void draw_help(const explore_t *ex, uigrid_t *g, explore_layout_t *lay)
{
    rect_t r = {0, 1, g->width, g->height - 2};
    uigrid_fill(g, 0, 1, g->width, g->height - 2, " ", ROLE_PLAIN);
    draw_heading(g, r, ex->ascii ? "Help: keys (Up/Down scroll, any other key closes)"
                                : "Help: keys (\xe2\x86\x91\xe2\x86\x93 scroll, any other key closes)", ex->ascii);
    sb_t t = SB_INIT;
    help_keys(&t, g->width - 2);
    sb_puts(&t, "\n"
                "The point list: # is a point's place in the input, the number the chart shows for a point it "
                "cannot name (");
    labels_notation(&t, LABELS_KIND_ALL, false);
    sb_puts(&t, "). P: Pareto-optimal in its group; H: on the "
                "achievable hull. C: an exact curve (a score file or binned counts): one row for all its "
                "thresholds, which the threshold control steps through, each one measured (never a mix of two).\n"
                "On a short screen the control rows give way in this order, the focused one always shown: ");
    explore_controls_give_way(&t);
    sb_puts(&t, ".\n"
                "Mouse: click a point on the chart or a row of the list. Exact values: =, type, Enter. "
                "Numbers: 10M, 2.5k, 1e7, 0.1%, $5.\n");
    /* the assumption behind every daily figure stays in view, under the keys */
    int foot = draw_wrapped(NULL, (rect_t){1, 0, g->width - 2, 0}, MODEL_ASSUMPTION, ROLE_NOTE, 0);
    draw_wrapped(g, (rect_t){1, g->height - 2 - foot, g->width - 2, foot}, MODEL_ASSUMPTION, ROLE_NOTE, 0);
    rect_t in = {1, 2, g->width - 2, g->height - 4 - foot};
    int n = draw_wrapped(NULL, in, sb_str(&t), ROLE_PLAIN, 0);
    lay->help_max_scroll = n > in.h ? n - in.h : 0;
    int first = ex->help_scroll < lay->help_max_scroll ? ex->help_scroll : lay->help_max_scroll;
    draw_wrapped(g, in, sb_str(&t), ROLE_PLAIN, first);
    if (first < lay->help_max_scroll)
        uigrid_put(g, g->width - 10, in.y + in.h - 1, ex->ascii ? "(v more)" : "(\xe2\x86\x93 more)", ROLE_NOTE, 9);
    sb_free(&t);
}

static void too_small(uigrid_t *g)
{
    char msg[160];
    snprintf(msg, sizeof msg, "terminal too small: need %dx%d, have %dx%d. Enlarge the window, or press q to quit.",
             EXPLORE_MIN_WIDTH, EXPLORE_MIN_HEIGHT, g->width, g->height);
    rect_t all = {0, 0, g->width, g->height};
    int lines = draw_wrapped(NULL, all, msg, ROLE_ERROR, 0);
    all.y = (g->height - lines) / 2 > 0 ? (g->height - lines) / 2 : 0;
    draw_wrapped(g, all, msg, ROLE_ERROR, 0);
}

void explore_layout_free(explore_layout_t *lay)
{
    forget_chart(lay);
    chart_cache_free(lay->chart_cache);
    lay->chart_cache = NULL;
}

/* What a frame shows nothing of is forgotten, so a click cannot land on a
 * chart or a list that is no longer there. The chart's cache stays: the
 * points are the same from one frame to the next. */
static void layout_reset(explore_layout_t *lay)
{
    forget_chart(lay);
    lay->numbers_in_list = false;
    lay->list_rows = 0;
}

/* The rows the panels need at the least: the chart's or the controls'
 * above, and below the per-day figures that are never dropped. */
#define PANELS_MIN_TOP 8
#define PANELS_MIN_BOTTOM 6
/* The rows below the chart that show every per-day figure with a
 * comparison (heading, rates, counts, year, cost, verdict, the baseline,
 * the change and the break-even, a note): on a panel of
 * PANELS_WIDE_BOTTOM columns each takes one row, on a narrower one the
 * verdict and the change wrap (and so may a mix's description). With the
 * rows the status line and the sentence take while nothing is pinned,
 * what a tall screen keeps for them before giving the rest to the chart. */
#define PANELS_WIDE_BOTTOM 60
#define PANELS_FULL_BOTTOM_WIDE 11
#define PANELS_FULL_BOTTOM 14
#define PANELS_TYPICAL_FOOT 2

void explore_render(const explore_t *ex, uigrid_t *g, explore_layout_t *lay)
{
    g->ascii = ex->ascii;
    uigrid_clear(g);
    layout_reset(lay);
    int W = g->width, H = g->height;
    if (W < EXPLORE_MIN_WIDTH || H < EXPLORE_MIN_HEIGHT) {
        too_small(g);
        return;
    }
    draw_title(ex, g);
    int status = status_rows(ex, W);
    int sent = sentence_rows(ex, W, H - 1 - status, PANELS_MIN_TOP + PANELS_MIN_BOTTOM);
    int mid_y = 1, mid_h = H - 1 - status - sent;
    /* Above: the chart and the controls. Below: the per-day figures, which
     * need at most 66 columns, and the point list, which takes the rest. */
    int rw = W * 45 / 100;
    rw = rw < 36 ? 36 : rw > 72 ? 72 : rw;
    int lw = W - rw;
    int pw = W >= 110 && lw > 68 ? 68 : lw;
    /* the list grows into the per-day panel's room until its names show
     * whole (the per-day panel keeps 44 columns: its values wrap below) */
    int want = list_width_wanted(ex);
    if (W - pw < want)
        pw = W - want > 44 ? W - want : pw > 44 ? 44 : pw;
    /* The chart's height follows the screen's alone, so that the axes
     * stay put while messages and the sentence come and go (those take
     * their rows from the panels below); only when the panels below would
     * have too few rows for the figures that are never dropped does it
     * give way. */
    int top_h = (H - 3) * 55 / 100;
    /* A tall screen's rows beyond what the panels below can use (the list
     * whole, the per-day figures with a comparison) go to the chart; both
     * counts stay put while a person works, and so do the axes. */
    int full = pw - 3 >= PANELS_WIDE_BOTTOM ? PANELS_FULL_BOTTOM_WIDE : PANELS_FULL_BOTTOM;
    int below = (int)ex->set.len + 2 > full ? (int)ex->set.len + 2 : full;
    int spare = H - 1 - PANELS_TYPICAL_FOOT - top_h - below;
    if (spare > 0)
        top_h += spare;
    if (top_h > mid_h - PANELS_MIN_BOTTOM)
        top_h = mid_h - PANELS_MIN_BOTTOM;
    if (top_h < PANELS_MIN_TOP)
        top_h = PANELS_MIN_TOP;
    int bot_h = mid_h - top_h;

    draw_chart(ex, g, (rect_t){0, mid_y, lw - 1, top_h}, lay);
    int ctl_h = top_h < EX_NSLIDERS + 1 ? top_h : EX_NSLIDERS + 1;
    explore_draw_controls(ex, g, (rect_t){lw, mid_y, rw, ctl_h});
    if (top_h - ctl_h >= 4)
        draw_details_summary(ex, g, (rect_t){lw, mid_y + ctl_h, rw, top_h - ctl_h});
    explore_draw_projection(ex, g, (rect_t){0, mid_y + top_h, pw - 1, bot_h});
    draw_list(ex, g, (rect_t){pw, mid_y + top_h, W - pw, bot_h}, lay);
    draw_sentence(ex, g, (rect_t){0, H - status - sent, W, sent});
    if (ex->mode == EX_MODE_FLIPS)
        explore_flips_render(ex, g, 0, 1, W, H - 1 - status);
    if (ex->mode == EX_MODE_HELP)
        draw_help(ex, g, lay);
    if (ex->mode == EX_MODE_DETAILS)
        draw_details(ex, g, lay);
    if (ex->mode == EX_MODE_WARNINGS)
        draw_warnings(ex, g, lay);
    draw_status(ex, g, H - status, status);
}

/* ------------------------------------------------------------------------
 * The explorer as a screen for the front ends. */

static void screen_render(const void *model, uigrid_t *g, void *layout)
{
    explore_render(model, g, layout);
}

static void screen_key(void *model, const void *layout, int key)
{
    explore_key(model, layout, key);
}

static void screen_click(void *model, const void *layout, int x, int y)
{
    explore_click(model, layout, x, y);
}

static bool screen_moves(const void *model, int key)
{
    return explore_key_moves(model, key);
}

screen_t explore_screen(explore_t *ex, explore_layout_t *lay)
{
    return (screen_t){ex, lay, &ex->flags, screen_render, screen_key, screen_click, screen_moves};
}
