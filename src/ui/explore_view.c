/* explore_view: lays the explorer's state out into a uigrid and says where
 * it put things (explore_layout_t). Nothing here changes the model. */
#include "config.h"

#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/stats.h"
#include "ui/draw.h"
#include "ui/explore.h"
#include "ui/role.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Glyphs with their ASCII twins. */
static const glyph_t G_FILL = {"\xe2\x94\x81", "="};      /* ━ */
static const glyph_t G_KNOB = {"\xe2\x97\x8f", "O"};      /* ● */
static const glyph_t G_FOCUS = {"\xe2\x96\xb6", ">"};     /* ▶ */
static const glyph_t G_PIN = {"\xe2\x97\x86", "*"};       /* ◆ */
static const glyph_t G_DOWN = {"\xe2\x96\xbe", "v"};      /* ▾ */
static const glyph_t G_DOT = {"\xc2\xb7", "|"};           /* · */
static const glyph_t G_MINUS = {"\xe2\x88\x92", "-"};     /* − */
static const glyph_t G_VBAR = {"\xe2\x94\x82", "|"};      /* │ */

static const char *gl(const explore_t *ex, glyph_t g) { return draw_glyph(g, ex->ascii); }

/* ------------------------------------------------------------------------
 * Panels. */

static void control_value(const explore_t *ex, explore_control_t c, char *buf, size_t n)
{
    const scenario_t *s = &ex->scenario;
    char num[64];
    sb_t b = SB_INIT;
    switch (c) {
    case EX_CTL_THRESHOLD: {
        frontier_op_t op = explore_current(ex);
        if (!op.valid)
            snprintf(buf, n, "(no series)");
        else if (op.is_mix)
            snprintf(buf, n, "mix %.0f/%.0f", op.lambda * 100, (1 - op.lambda) * 100);
        else
            snprintf(buf, n, "%s", ex->set.items[op.a].name);
        break;
    }
    case EX_CTL_VOLUME:
        snprintf(buf, n, "%s", num_format_int(s->volume, num, sizeof num));
        break;
    case EX_CTL_ADV_SHARE:
        snprintf(buf, n, "%s", num_format_pct_exact(s->adv_share, num, sizeof num));
        break;
    case EX_CTL_COST_REFUSAL:
    case EX_CTL_COST_HARM: {
        double v = c == EX_CTL_COST_REFUSAL ? s->cost_refusal : s->cost_harm;
        snprintf(buf, n, "%s", v > 0 ? num_format_money(v, num, sizeof num) : "unset");
        break;
    }
    case EX_CTL_POLICY:
        snprintf(buf, n, "%s", s->policy.key);
        break;
    case EX_CTL_ASR_BOUND:
    case EX_CTL_ORR_BOUND:
        scenario_format_bound(&b, c == EX_CTL_ASR_BOUND ? s->policy.asr : s->policy.orr);
        snprintf(buf, n, "%s", sb_str(&b));
        break;
    default:
        buf[0] = '\0';
    }
    sb_free(&b);
}

static const char *const control_labels[EX_NCONTROLS] = {
    "Threshold", "Queries/day", "Adversarial", "Cost/refusal", "Cost/harm", "Policy", "ASR bound", "ORR bound",
};

static void slider(const explore_t *ex, uigrid_t *g, int x, int y, int w, double frac, bool ticks)
{
    if (w < 3)
        return;
    int knob = (int)lround(frac * (w - 1));
    for (int i = 0; i < w; i++) {
        if (i == knob)
            uigrid_put(g, x + i, y, gl(ex, G_KNOB), ROLE_KNOB, 1);
        else if (i < knob)
            uigrid_put(g, x + i, y, gl(ex, G_FILL), ROLE_BAR, 1);
        else
            uigrid_put(g, x + i, y, gl(ex, draw_rule), ROLE_TRACK, 1);
    }
    if (!ticks || ex->place.series >= ex->nseries)
        return;
    /* Measured points of the series show as ticks on the track. A series
     * with a point for every cell or more ticks every cell: it costs no
     * more than the track, however long. */
    size_t len = ex->series[ex->place.series].len;
    bool every_cell = len > 1 && len - 1 >= (size_t)(w - 1);
    size_t n = every_cell ? (size_t)w : len;
    for (size_t k = 0; len > 1 && k < n; k++) {
        int at = every_cell ? (int)k : (int)lround((double)k / (double)(len - 1) * (w - 1));
        if (at != knob)
            uigrid_put(g, x + at, y, gl(ex, G_DOT), at < knob ? ROLE_BAR : ROLE_TRACK, 1);
    }
}

static void draw_controls(const explore_t *ex, uigrid_t *g, rect_t r)
{
    draw_heading(g, r, ex->ascii ? "Controls (Tab, <- ->, =)" : "Controls (Tab, \xe2\x86\x90\xe2\x86\x92, =)",
                 ex->ascii);
    int label_w = 13, value_w = r.w >= 50 ? 16 : 13;
    int bar_x = r.x + 1 + label_w + value_w + 1;
    int bar_w = r.x + r.w - bar_x - 1;
    for (int c = 0; c < EX_NCONTROLS && c + 1 < r.h; c++) {
        int y = r.y + 1 + c;
        bool focused = ex->focus == (explore_control_t)c;
        uint8_t role = focused ? ROLE_FOCUS : ROLE_LABEL;
        if (focused)
            uigrid_fill(g, r.x, y, r.w, 1, " ", ROLE_FOCUS);
        uigrid_put(g, r.x, y, focused ? gl(ex, G_FOCUS) : " ", role, 1);
        uigrid_put(g, r.x + 1, y, control_labels[c], role, label_w);
        char v[160];
        control_value(ex, (explore_control_t)c, v, sizeof v);
        uint8_t vrole = focused ? ROLE_FOCUS : ROLE_VALUE;
        if (c == EX_CTL_THRESHOLD && explore_current(ex).is_mix)
            vrole = focused ? ROLE_FOCUS : ROLE_NOTE;
        uigrid_put(g, r.x + 1 + label_w, y, v, vrole, value_w);
        slider(ex, g, bar_x, y, bar_w, explore_control_fraction(ex, (explore_control_t)c), c == EX_CTL_THRESHOLD);
    }
}

/* A label on the left and a value right-aligned at the panel's edge. */
static void row_lv(uigrid_t *g, rect_t r, int y, const char *label, const char *value, uint8_t vrole)
{
    if (y >= r.y + r.h)
        return;
    uigrid_put(g, r.x, y, label, ROLE_LABEL, r.w);
    int vw = text_width(value);
    int lw = text_width(label);
    /* On a wide panel the numbers stay near their labels, where the eye
     * finds them, instead of drifting to the far edge. */
    int right = r.w > 64 ? 64 : r.w;
    int x = r.x + right - vw;
    if (x < r.x + lw + 1)
        x = r.x + lw + 1;
    uigrid_put(g, x, y, value, vrole, r.x + r.w - x);
}

/* "100 (95%: 54.4-183)": a daily count and the interval of the rate behind
 * it (stats.h, with the analysis' interval method; a mix's interval is
 * its points' weighted, conservatively), or "100 (n unknown)" when the
 * counts are not known (NUMBERS.md, rule 2). */
static void count_with_interval(const explore_t *ex, const frontier_op_t *op, bool harmful, double value,
                                char *buf, size_t n)
{
    char a[48], lo[48], hi[48];
    num_format_count(value, a, sizeof a);
    snprintf(buf, n, "%s", a);
    if (!op->valid)
        return;
    stats_blend_t b = stats_blend_op(&ex->set, op);
    stats_interval_t asr = stats_blend_interval(&b, STATS_ASR, ex->analysis.confidence, ex->analysis.interval);
    stats_interval_t orr = stats_blend_interval(&b, STATS_ORR, ex->analysis.confidence, ex->analysis.interval);
    projection_ci_t pr = model_project_interval(&ex->scenario, asr, orr);
    stats_interval_t ci = harmful ? pr.harmful : pr.refusals;
    if (ci.known)
        snprintf(buf, n, "%s (%.0f%%: %s-%s)", a, ex->analysis.confidence * 100, num_format_count(ci.lo, lo, sizeof lo),
                 num_format_count(ci.hi, hi, sizeof hi));
    else
        snprintf(buf, n, "%s (n unknown)", a);
}

/* A yearly count, short enough for a narrow panel: "291.7 million". */
static void short_count(double x, char *buf, size_t n)
{
    if (fabs(x) >= 1e9)
        snprintf(buf, n, "%.1fB", x / 1e9);
    else if (fabs(x) >= 1e7)
        snprintf(buf, n, "%.1fM", x / 1e6);
    else
        num_format_count(x, buf, n);
}

static void signed_count(double d, const explore_t *ex, char *buf, size_t n)
{
    char a[48];
    num_format_count(fabs(d), a, sizeof a);
    snprintf(buf, n, "%s%s", fabs(d) < 1e-9 ? "" : d < 0 ? gl(ex, G_MINUS) : "+", a);
}

static void draw_projection(const explore_t *ex, uigrid_t *g, rect_t r)
{
    frontier_op_t op = explore_current(ex);
    char name[200], title[240], v[200], w[200];
    explore_op_name(ex, &op, name, sizeof name);
    snprintf(title, sizeof title, "Per day at %s", name);
    draw_heading(g, r, title, ex->ascii);
    rect_t in = {r.x + 1, r.y + 1, r.w - 2, r.h - 1};
    int y = in.y;
    if (!op.valid) {
        uigrid_put(g, in.x, y, "No point has both ASR and ORR measured: nothing to project.", ROLE_NOTE, in.w);
        return;
    }
    char asr[32], orr[32];
    if (op.is_mix) {
        sb_t d = SB_INIT;
        frontier_op_describe(&d, &ex->set, &op);
        uigrid_put(g, in.x, y++, sb_str(&d), ROLE_NOTE, in.w);
        sb_free(&d);
    }
    snprintf(v, sizeof v, "ASR %s  ORR %s%s", num_format_pct(op.asr, asr, sizeof asr),
             num_format_pct(op.orr, orr, sizeof orr), op.is_mix ? "  (a mix, not a measurement)" : "");
    uigrid_put(g, in.x, y++, v, ROLE_VALUE, in.w);

    projection_t p = model_project_rates(&ex->scenario, op.asr, op.orr);
    count_with_interval(ex, &op, false, p.refusals, v, sizeof v);
    row_lv(g, in, y++, "Unnecessary refusals/day", v, ROLE_VALUE);
    count_with_interval(ex, &op, true, p.harmful, v, sizeof v);
    row_lv(g, in, y++, "Harmful outputs/day", v, ROLE_VALUE);
    char ry[48], hy[48];
    short_count(p.refusals * MODEL_DAYS_PER_YEAR, ry, sizeof ry);
    short_count(p.harmful * MODEL_DAYS_PER_YEAR, hy, sizeof hy);
    snprintf(v, sizeof v, "%s refusals, %s harmful", ry, hy);
    row_lv(g, in, y++, "Per year", v, ROLE_VALUE);
    if (model_costs_set(&ex->scenario))
        num_format_money(p.cost, v, sizeof v);
    else
        snprintf(v, sizeof v, "set costs to see it");
    row_lv(g, in, y++, "Daily cost", v, model_costs_set(&ex->scenario) ? ROLE_VALUE : ROLE_NOTE);

    verdict_t vd = policy_check(&ex->scenario.policy, op.asr, op.orr);
    sb_t vs = SB_INIT;
    verdict_describe(&vs, &ex->scenario.policy, vd, op.asr, op.orr);
    snprintf(w, sizeof w, "%s:", ex->scenario.policy.key);
    if (y < in.y + in.h) {
        int n = uigrid_put(g, in.x, y, w, ROLE_LABEL, in.w);
        uigrid_put(g, in.x + n + 1, y, sb_str(&vs), verdict_pass(vd) ? ROLE_GOOD : ROLE_BAD, in.w - n - 1);
        y++;
    }
    sb_free(&vs);

    if (!ex->has_baseline) {
        if (y < in.y + in.h)
            uigrid_put(g, in.x, y, "No baseline yet: b pins this point.", ROLE_NOTE, in.w);
        return;
    }
    comparison_t c = explore_compare(ex, &op);
    if (y < in.y + in.h) {
        int n = uigrid_put(g, in.x, y, "vs baseline ", ROLE_LABEL, in.w);
        n += uigrid_put(g, in.x + n, y, gl(ex, G_PIN), ROLE_BASELINE, 1);
        uigrid_put(g, in.x + n + 1, y, ex->baseline_name, ROLE_BASELINE, in.w - n - 1);
        y++;
    }
    /* Across groups the panel says first that it compares different
     * measurements, and names both. */
    if (!c.comparable && y < in.y + in.h) {
        snprintf(v, sizeof v, "%s: %s vs %s", c.groups_known ? "different sets" : "different groups", c.group_a,
                 c.group_b);
        uigrid_put(g, in.x, y++, v, ROLE_BAD, in.w);
    }
    char dr[64], dh[64], dc[64] = "";
    signed_count(c.d_refusals, ex, dr, sizeof dr);
    signed_count(c.d_harmful, ex, dh, sizeof dh);
    if (model_costs_set(&ex->scenario) && isfinite(c.d_cost)) {
        char m[48];
        snprintf(dc, sizeof dc, ", cost %s%s", c.d_cost < 0 ? gl(ex, G_MINUS) : "+",
                 num_format_money(fabs(c.d_cost), m, sizeof m));
    }
    snprintf(v, sizeof v, "change: %s refusals, %s harmful%s", dr, dh, dc);
    if (y < in.y + in.h)
        uigrid_put(g, in.x, y++, v, ROLE_VALUE, in.w);
    if (isfinite(c.break_even) && c.break_even_undetermined)
        snprintf(v, sizeof v, "break-even: undetermined (%s on the estimates)",
                 num_format_count(c.break_even, dr, sizeof dr));
    else if (isfinite(c.break_even) && c.break_even_ci.known)
        snprintf(v, sizeof v, "break-even: %s refusals per harmful (%.0f%%: %s-%s)",
                 num_format_count(c.break_even, dr, sizeof dr), c.confidence * 100,
                 num_format_count(c.break_even_ci.lo, dh, sizeof dh), num_format_count(c.break_even_ci.hi, dc, sizeof dc));
    else if (isfinite(c.break_even))
        snprintf(v, sizeof v, "break-even: 1 harmful = %s refusals",
                 num_format_count(c.break_even, dr, sizeof dr));
    else
        snprintf(v, sizeof v, "no break-even: %s",
                 c.kind == CMP_SAME ? "nothing changes" : c.kind == CMP_UNKNOWN ? "a rate is missing"
                                                                                : "one side is better on both");
    if (y < in.y + in.h)
        uigrid_put(g, in.x, y++, v, ROLE_VALUE, in.w);
}

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

static void draw_sentence(const explore_t *ex, uigrid_t *g, rect_t r)
{
    if (r.h <= 0)
        return;
    if (!ex->has_baseline) {
        uigrid_put(g, r.x + 1, r.y, "Press b to pin a baseline, then move: the sentence for the meeting appears here.", ROLE_NOTE, r.w - 2);
        return;
    }
    sb_t s = SB_INIT;
    baseline_sentence(ex, &s);
    uigrid_put(g, r.x, r.y, gl(ex, G_VBAR), ROLE_BASELINE, 1);
    draw_wrapped(g, (rect_t){r.x + 2, r.y, r.w - 3, r.h}, sb_str(&s), ROLE_SENTENCE, 0);
    sb_free(&s);
}

/* Rows the sentence needs at this width: at least 1, and at most what
 * leaves the panels above SENTENCE_MIN_PANELS rows (its intervals make it
 * long, and a cut sentence would drop what it says about noise). */
#define SENTENCE_MIN_PANELS 12
static int sentence_rows(const explore_t *ex, int width, int room)
{
    if (!ex->has_baseline)
        return 1;
    sb_t s = SB_INIT;
    baseline_sentence(ex, &s);
    int n = draw_wrapped(NULL, (rect_t){0, 0, width - 3, 0}, sb_str(&s), ROLE_SENTENCE, 0);
    sb_free(&s);
    int most = room - SENTENCE_MIN_PANELS;
    return n < 1 ? 1 : n > most ? (most < 1 ? 1 : most) : n;
}

/* A point's marks within its own group. */
static void frontier_marks(const explore_t *ex, size_t i, char *buf)
{
    const frontier_mark_t *m = &ex->groups.marks[i];
    buf[0] = m->pareto_optimal ? 'P' : ' ';
    buf[1] = m->on_hull ? 'H' : ' ';
    buf[2] = '\0';
}

/* The number the chart gave point `idx` when its name did not fit and the
 * key is not shown under the chart; 0 otherwise. */
static int chart_number(const explore_layout_t *lay, size_t idx)
{
    if (!lay->have_chart || !lay->numbers_in_list || idx >= lay->chart.npoints)
        return 0;
    return lay->chart.point_number[idx];
}

static void draw_list(const explore_t *ex, uigrid_t *g, rect_t r, explore_layout_t *lay)
{
    char title[96];
    snprintf(title, sizeof title, "%zu points%s, S sorts: %s", ex->nlisted, ex->only_group ? " of this group" : "",
             explore_sort_heading(ex->sort));
    draw_heading(g, r, title, ex->ascii);
    bool wide = r.w >= 56;
    bool numbered = lay->have_chart && lay->numbers_in_list && lay->chart.nnumbered > 0;
    int marks_w = 3, rate_w = 7, series_w = wide ? 16 : 0, num_w = numbered ? 3 : 0;
    int name_w = r.w - 2 - 2 * rate_w - marks_w - series_w - num_w - 1;
    int y = r.y + 1;
    int x_num = r.x + 2 + name_w;
    int x_series = x_num + num_w + 1, x_asr = x_series + series_w, x_orr = x_asr + rate_w,
        x_marks = x_orr + rate_w + 1;
    uigrid_put(g, r.x + 2, y, "Name", ROLE_HEADING, name_w);
    if (numbered)
        uigrid_put(g, x_num, y, "  #", ROLE_HEADING, num_w);
    if (wide)
        uigrid_put(g, x_series, y, "Series", ROLE_HEADING, series_w);
    uigrid_printf(g, x_asr, y, ROLE_HEADING, rate_w, "%6s", "ASR");
    uigrid_printf(g, x_orr, y, ROLE_HEADING, rate_w, "%6s", "ORR");
    uigrid_put(g, x_marks, y, "PH", ROLE_HEADING, marks_w);
    int sort_x = ex->sort == EX_SORT_NAME ? r.x + 6 : ex->sort == EX_SORT_ASR ? x_asr + 6
                                                  : ex->sort == EX_SORT_ORR   ? x_orr + 6
                                                  : ex->sort == EX_SORT_FRONTIER ? x_marks + 2 : -1;
    if (sort_x >= 0)
        uigrid_put(g, sort_x, y, gl(ex, G_DOWN), ROLE_HEADING, 1);
    y++;
    int rows = r.y + r.h - y;
    if (rows < 1)
        return;
    if (ex->cursor < lay->list_scroll)
        lay->list_scroll = ex->cursor;
    if (ex->cursor >= lay->list_scroll + (size_t)rows)
        lay->list_scroll = ex->cursor - (size_t)rows + 1;
    lay->list_x = r.x, lay->list_y = y, lay->list_rows = rows, lay->list_w = r.w;
    for (int i = 0; i < rows && lay->list_scroll + (size_t)i < ex->nlisted; i++) {
        size_t row = lay->list_scroll + (size_t)i, idx = ex->order[row];
        const point_t *p = &ex->set.items[idx];
        bool cur = row == ex->cursor;
        /* dimmed: dominated within its group, or of another group */
        bool plain = ex->groups.marks[idx].pareto_optimal && ex->in_group[idx];
        uint8_t role = cur ? ROLE_CURSOR : plain ? ROLE_PLAIN : ROLE_NOTE;
        if (cur)
            uigrid_fill(g, r.x, y + i, r.w, 1, " ", ROLE_CURSOR);
        bool base = ex->has_baseline && ex->baseline_point == (long)idx;
        uigrid_put(g, r.x, y + i, cur ? gl(ex, G_FOCUS) : " ", role, 1);
        if (base)
            uigrid_put(g, r.x + 1, y + i, gl(ex, G_PIN), cur ? ROLE_CURSOR : ROLE_BASELINE, 1);
        uigrid_put(g, r.x + 2, y + i, p->name, role, name_w - 1);
        if (numbered && chart_number(lay, idx) > 0)
            uigrid_printf(g, x_num, y + i, cur ? ROLE_CURSOR : ROLE_NOTE, num_w, "%3d", chart_number(lay, idx));
        if (wide && p->series) {
            char *s = text_sanitize(p->series, strlen(p->series));
            uigrid_put(g, x_series, y + i, s, role, series_w - 1);
            free(s);
        }
        char a[32], o[32], m[4];
        uigrid_printf(g, x_asr, y + i, role, rate_w, "%6s", isnan(p->asr) ? "?" : num_format_pct(p->asr, a, sizeof a));
        uigrid_printf(g, x_orr, y + i, role, rate_w, "%6s", isnan(p->orr) ? "?" : num_format_pct(p->orr, o, sizeof o));
        frontier_marks(ex, idx, m);
        uigrid_put(g, x_marks, y + i, m, role, marks_w);
    }
}

static int details_lines(const explore_t *ex, uigrid_t *g, rect_t r)
{
    long sel = explore_selected(ex);
    if (sel < 0)
        return 0;
    const point_t *p = &ex->set.items[sel];
    char title[200];
    snprintf(title, sizeof title, "Details: %s", p->name);
    draw_heading(g, r, title, ex->ascii);
    int y = r.y + 1;
    rect_t in = {r.x + 1, r.y + 1, r.w - 2, r.h - 1};
    char a[48], b[48], line[400];
#define LINE(role, ...)                                                                                          \
    do {                                                                                                         \
        snprintf(line, sizeof line, __VA_ARGS__);                                                                \
        if (y < in.y + in.h)                                                                                     \
            uigrid_put(g, in.x, y, line, role, in.w);                                                            \
        y++;                                                                                                     \
    } while (0)
    if (p->series) {
        char *s = text_sanitize(p->series, strlen(p->series));
        LINE(ROLE_VALUE, "series: %s%s%s", s, isfinite(p->knob) ? ", " : "", "");
        free(s);
    }
    if (isfinite(p->knob))
        LINE(ROLE_VALUE, "%s: %g", ex->set.knob_name ? ex->set.knob_name : "threshold", p->knob);
    LINE(ROLE_VALUE, "ASR %s  ORR %s", isnan(p->asr) ? "unknown" : num_format_pct(p->asr, a, sizeof a),
         isnan(p->orr) ? "unknown" : num_format_pct(p->orr, b, sizeof b));
    for (int side = 0; side < 2; side++) {
        /* the counts with their notes, wrapped: nothing of them is cut */
        sb_t c = SB_INIT;
        double lo, hi;
        sb_puts(&c, side == 0 ? "attacks succeeded: " : "benign refused: ");
        point_counts_describe(&c, p, side == 0, ex->ascii);
        if (y < in.y + in.h)
            y += draw_wrapped(g, (rect_t){in.x, y, in.w, in.y + in.h - y}, sb_str(&c), ROLE_VALUE, 0);
        if (point_unrecognised_range(p, side == 0, &lo, &hi))
            LINE(ROLE_NOTE, "  %s %s-%s whichever way they go", side == 0 ? "ASR" : "ORR",
                 num_format_pct(lo, a, sizeof a), num_format_pct(hi, b, sizeof b));
        sb_free(&c);
    }
    const frontier_mark_t *m = &ex->groups.marks[sel];
    LINE(ex->in_group[sel] ? ROLE_VALUE : ROLE_NOTE, "group: %s%s", point_group(p),
         ex->in_group[sel] ? "" : " (not the current group)");
    if (m->pareto_optimal)
        LINE(ROLE_GOOD, "Pareto-optimal in its group%s", m->on_hull ? ", on the achievable hull" : "");
    else if (m->ndominated_by)
        LINE(ROLE_NOTE, "dominated by %s%s", ex->set.items[m->dominated_by[0]].name,
             m->ndominated_by > 1 ? " and others" : "");
    /* Everything below comes from the input file: sanitised again here, so
     * the screen is safe whatever a loader kept. */
    for (size_t i = 0; i < p->nattrs; i++) {
        char *k = text_sanitize(p->attrs[i].key, strlen(p->attrs[i].key));
        char *v = text_sanitize(p->attrs[i].value, strlen(p->attrs[i].value));
        LINE(ROLE_PLAIN, "%s: %s", k, v);
        free(k);
        free(v);
    }
    for (size_t i = 0; i < p->ncategories; i++) {
        const category_t *c = &p->categories[i];
        char *n = text_sanitize(c->name, strlen(c->name));
        LINE(ROLE_PLAIN, "category %s%s: ASR %s", n, c->critical ? " (critical)" : "",
             isnan(c->asr) ? "unknown" : num_format_pct(c->asr, a, sizeof a));
        free(n);
    }
    char *src = text_sanitize(p->source ? p->source : "?", strlen(p->source ? p->source : "?"));
    LINE(ROLE_NOTE, "from %s%s%s", src, p->line ? ":" : "", p->line ? (snprintf(b, sizeof b, "%ld", p->line), b) : "");
    free(src);
#undef LINE
    return y - r.y;
}

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
    o.numbers_legend = "3, 8+2: a point's # in the list (8+2: point 8 and 2 more in one place)";
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

/* Rows the status line needs: a long message (the optimum with its
 * interval and runner-up) wraps onto up to STATUS_MAX_ROWS rows rather than
 * being cut. */
#define STATUS_MAX_ROWS 4
static int status_rows(const explore_t *ex, int width)
{
    if (ex->mode == EX_MODE_INPUT || !ex->message[0])
        return 1;
    int n = draw_wrapped(NULL, (rect_t){0, 0, width - 2, 0}, ex->message, ROLE_STATUS, 0);
    return n < 1 ? 1 : n > STATUS_MAX_ROWS ? STATUS_MAX_ROWS : n;
}

static void draw_status(const explore_t *ex, uigrid_t *g, int y, int rows)
{
    uigrid_fill(g, 0, y, g->width, rows, " ", ROLE_STATUS);
    if (ex->mode == EX_MODE_INPUT) {
        int n = uigrid_put(g, 0, y, ex->prompt, ROLE_STATUS, -1);
        n += draw_input(g, n, y, -1, &ex->line, ex->ascii);
        if (ex->message[0])
            uigrid_put(g, n + 2, y, ex->message, ex->message_is_error ? ROLE_ERROR : ROLE_STATUS, -1);
        else
            uigrid_put(g, n + 2, y, "Enter accepts, Esc cancels", ROLE_STATUS, -1);
        return;
    }
    if (ex->message[0]) {
        draw_wrapped(g, (rect_t){1, y, g->width - 2, rows}, ex->message,
                     ex->message_is_error ? ROLE_ERROR : ROLE_STATUS, 0);
        return;
    }
    static const draw_hint_t hints[] = {
        {EXA_QUIT, "quit", NULL, NULL},
        {EXA_HELP, "help", NULL, NULL},
        {EXA_FOCUS_NEXT, "control", NULL, NULL},
        {EXA_INCREASE, "adjust", "\xe2\x86\x90\xe2\x86\x92", "<-/->"},
        {EXA_LIST_DOWN, "point", "\xe2\x86\x91\xe2\x86\x93", "Up/Dn"},
        {EXA_BASELINE, "baseline", NULL, NULL},
        {EXA_OPTIMAL, "optimal", NULL, NULL},
        {EXA_SAVE, "save", NULL, NULL},
        {EXA_EXPORT, "export", NULL, NULL},
    };
    draw_hints(g, 1, y, explore_bindings(), hints, sizeof hints / sizeof hints[0], ex->ascii);
}

static void draw_help(const explore_t *ex, uigrid_t *g, explore_layout_t *lay)
{
    rect_t r = {0, 1, g->width, g->height - 2};
    uigrid_fill(g, 0, 1, g->width, g->height - 2, " ", ROLE_PLAIN);
    draw_heading(g, r, ex->ascii ? "Help: keys (Up/Down scroll, any other key closes)"
                                : "Help: keys (\xe2\x86\x91\xe2\x86\x93 scroll, any other key closes)", ex->ascii);
    sb_t t = SB_INIT;
    bindings_render(&t, explore_bindings(), BINDINGS_TEXT);
    const char *p = sb_str(&t);
    int y = 2, line_no = 0, rows = g->height - 6; /* two notes below */
    int nlines = (int)explore_bindings()->len; /* one line per action */
    lay->help_max_scroll = nlines > rows ? nlines - rows : 0;
    int scroll = ex->help_scroll < lay->help_max_scroll ? ex->help_scroll : lay->help_max_scroll;
    while (*p && y < 2 + rows) {
        const char *e = strchr(p, '\n');
        if (line_no++ >= scroll) {
            char *line = xstrndup(p, (size_t)(e - p));
            uigrid_put(g, 1, y++, line, ROLE_PLAIN, g->width - 2);
            free(line);
        }
        p = e + 1;
    }
    if (*p)
        uigrid_put(g, g->width - 10, y - 1, ex->ascii ? "(v more)" : "(\xe2\x86\x93 more)", ROLE_NOTE, 9);
    sb_free(&t);
    if (y < g->height - 2)
        uigrid_put(g, 1, y++,
                   "Mouse: click a point on the chart or a row of the list. Exact values: =, type, Enter. "
                   "Numbers: 10M, 2.5k, 1e7, 0.1%, $5.",
                   ROLE_NOTE, g->width - 2);
    if (y < g->height - 2)
        uigrid_put(g, 1, y, MODEL_ASSUMPTION, ROLE_NOTE, g->width - 2);
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
    /* Title line. */
    uigrid_fill(g, 0, 0, W, 1, " ", ROLE_TITLE);
    char title[600];
    /* the group first: what the chart and the numbers are about */
    snprintf(title, sizeof title, " tradeoff %s group %zu/%zu: %s %s series %zu/%zu: %s %s %s (%zu points)",
             gl(ex, G_VBAR), ex->group + 1, ex->groups.len, ex->groups.len ? ex->groups.items[ex->group].name : "none",
             gl(ex, G_VBAR), ex->place.series < ex->nseries ? ex->place.series + 1 : 0, ex->nseries,
             ex->place.series < ex->nseries ? ex->series[ex->place.series].name : "none", gl(ex, G_VBAR),
             ex->title, ex->set.len);
    uigrid_put(g, 0, 0, title, ROLE_TITLE, W);

    int status = status_rows(ex, W);
    int sent = sentence_rows(ex, W, H - 1 - status);
    int mid_y = 1, mid_h = H - 1 - status - sent;
    int rw = W * 45 / 100;
    rw = rw < 36 ? 36 : rw > 72 ? 72 : rw;
    int lw = W - rw;
    int top_h = mid_h * 60 / 100;
    if (top_h > mid_h - 10)
        top_h = mid_h - 10;
    if (top_h < 9)
        top_h = 9;
    int bot_h = mid_h - top_h;

    draw_chart(ex, g, (rect_t){0, mid_y, lw - 1, top_h}, lay);
    rect_t ctl = {lw, mid_y, rw, EX_NCONTROLS + 1};
    draw_controls(ex, g, ctl);
    if (top_h - ctl.h >= 4)
        details_lines(ex, g, (rect_t){lw, mid_y + ctl.h, rw, top_h - ctl.h});
    draw_projection(ex, g, (rect_t){0, mid_y + top_h, lw - 1, bot_h});
    if (ex->mode == EX_MODE_DETAILS) {
        uigrid_fill(g, lw, mid_y + top_h, rw, bot_h, " ", ROLE_PLAIN);
        details_lines(ex, g, (rect_t){lw, mid_y + top_h, rw, bot_h});
    } else {
        draw_list(ex, g, (rect_t){lw, mid_y + top_h, rw, bot_h}, lay);
    }
    draw_sentence(ex, g, (rect_t){0, H - status - sent, W, sent});
    if (ex->mode == EX_MODE_HELP)
        draw_help(ex, g, lay);
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

