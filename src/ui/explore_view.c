/* explore_view: lays the explorer's state out into a uigrid, and writes the
 * same state as a Markdown report. Nothing here changes the state except
 * the remembered layout (for mouse clicks) and the list's scroll offset. */
#include "config.h"

#include "ui/explore.h"
#include "base/num.h"
#include "render/report.h"
#include "ui/scenario_file.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    int x, y, w, h;
} rect_t;

/* Glyphs with their ASCII twins. */
typedef struct {
    const char *utf8, *ascii;
} glyph_t;

static const glyph_t G_RULE = {"\xe2\x94\x80", "-"};      /* ─ */
static const glyph_t G_FILL = {"\xe2\x94\x81", "="};      /* ━ */
static const glyph_t G_KNOB = {"\xe2\x97\x8f", "O"};      /* ● */
static const glyph_t G_FOCUS = {"\xe2\x96\xb6", ">"};     /* ▶ */
static const glyph_t G_PIN = {"\xe2\x97\x86", "*"};       /* ◆ */
static const glyph_t G_CURSOR = {"\xe2\x96\x88", "_"};    /* █ */
static const glyph_t G_DOWN = {"\xe2\x96\xbe", "v"};      /* ▾ */
static const glyph_t G_DOT = {"\xc2\xb7", "|"};           /* · */
static const glyph_t G_MINUS = {"\xe2\x88\x92", "-"};     /* − */
static const glyph_t G_VBAR = {"\xe2\x94\x82", "|"};      /* │ */

static const char *gl(const explore_t *ex, glyph_t g) { return ex->ascii ? g.ascii : g.utf8; }

/* "─ Title ─────" across the width. */
static void heading(const explore_t *ex, uigrid_t *g, rect_t r, const char *title)
{
    uigrid_fill(g, r.x, r.y, r.w, 1, gl(ex, G_RULE), EXR_FRAME);
    uigrid_put(g, r.x + 1, r.y, " ", EXR_FRAME, 1);
    int n = uigrid_put(g, r.x + 2, r.y, title, EXR_HEADING, r.w - 4);
    uigrid_put(g, r.x + 2 + n, r.y, " ", EXR_FRAME, 1);
}

/* Greedy word wrap of `text` into lines of at most `width` columns; calls
 * `line` for each and returns the number of lines. */
static int wrap(const char *text, int width, void (*line)(void *, int, const char *), void *ctx)
{
    int n = 0;
    sb_t cur = SB_INIT;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (e == p)
            break;
        char *word = xstrndup(p, (size_t)(e - p));
        int need = text_width(sb_str(&cur)) + (cur.len ? 1 : 0) + text_width(word);
        if (cur.len && need > width) {
            if (line)
                line(ctx, n, sb_str(&cur));
            n++;
            sb_reset(&cur);
        }
        if (cur.len)
            sb_putc(&cur, ' ');
        sb_puts(&cur, word);
        free(word);
        p = e;
    }
    if (cur.len) {
        if (line)
            line(ctx, n, sb_str(&cur));
        n++;
    }
    sb_free(&cur);
    return n;
}

typedef struct {
    uigrid_t *g;
    rect_t r;
    uint8_t role;
} wrap_ctx_t;

static void wrap_line(void *vctx, int i, const char *text)
{
    wrap_ctx_t *c = vctx;
    if (i < c->r.h)
        uigrid_put(c->g, c->r.x, c->r.y + i, text, c->role, c->r.w);
}

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
        snprintf(buf, n, "%s", num_format_pct(s->adv_share, num, sizeof num));
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
            uigrid_put(g, x + i, y, gl(ex, G_KNOB), EXR_KNOB, 1);
        else if (i < knob)
            uigrid_put(g, x + i, y, gl(ex, G_FILL), EXR_BAR, 1);
        else
            uigrid_put(g, x + i, y, gl(ex, G_RULE), EXR_TRACK, 1);
    }
    if (!ticks || ex->place.series >= ex->nseries)
        return;
    /* Measured points of the series show as ticks on the track. */
    size_t len = ex->series[ex->place.series].len;
    for (size_t k = 0; len > 1 && k < len; k++) {
        int at = (int)lround((double)k / (double)(len - 1) * (w - 1));
        if (at != knob)
            uigrid_put(g, x + at, y, gl(ex, G_DOT), at < knob ? EXR_BAR : EXR_TRACK, 1);
    }
}

static void draw_controls(explore_t *ex, uigrid_t *g, rect_t r)
{
    heading(ex, g, r, "Controls (Tab, \xe2\x86\x90\xe2\x86\x92, =)");
    if (ex->ascii)
        heading(ex, g, r, "Controls (Tab, <- ->, =)");
    int label_w = 13, value_w = r.w >= 50 ? 16 : 13;
    int bar_x = r.x + 1 + label_w + value_w + 1;
    int bar_w = r.x + r.w - bar_x - 1;
    for (int c = 0; c < EX_NCONTROLS && c + 1 < r.h; c++) {
        int y = r.y + 1 + c;
        bool focused = ex->focus == (explore_control_t)c;
        uint8_t role = focused ? EXR_FOCUS : EXR_LABEL;
        if (focused)
            uigrid_fill(g, r.x, y, r.w, 1, " ", EXR_FOCUS);
        uigrid_put(g, r.x, y, focused ? gl(ex, G_FOCUS) : " ", role, 1);
        uigrid_put(g, r.x + 1, y, control_labels[c], role, label_w);
        char v[160];
        control_value(ex, (explore_control_t)c, v, sizeof v);
        uint8_t vrole = focused ? EXR_FOCUS : EXR_VALUE;
        if (c == EX_CTL_THRESHOLD && explore_current(ex).is_mix)
            vrole = focused ? EXR_FOCUS : EXR_NOTE;
        uigrid_put(g, r.x + 1 + label_w, y, v, vrole, value_w);
        slider(ex, g, bar_x, y, bar_w, explore_control_fraction(ex, (explore_control_t)c), c == EX_CTL_THRESHOLD);
    }
}

/* A label on the left and a value right-aligned at the panel's edge. */
static void row_lv(uigrid_t *g, rect_t r, int y, const char *label, const char *value, uint8_t vrole)
{
    if (y >= r.y + r.h)
        return;
    uigrid_put(g, r.x, y, label, EXR_LABEL, r.w);
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

/* Wilson score interval (95%) of k successes in n trials. */
static void wilson(long long k, long long n, double *lo, double *hi)
{
    const double z = 1.959963984540054;
    double p = (double)k / (double)n, nn = (double)n;
    double d = 1 + z * z / nn;
    double c = (p + z * z / (2 * nn)) / d;
    double h = z * sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / d;
    *lo = c - h < 0 ? 0 : c - h;
    *hi = c + h > 1 ? 1 : c + h;
}

/* "10 (95%: 4-20)" when the counts behind the rate are known. */
static void count_with_interval(const explore_t *ex, const frontier_op_t *op, bool harmful, double value,
                                char *buf, size_t n)
{
    char a[48], lo_s[48], hi_s[48];
    num_format_count(value, a, sizeof a);
    if (op->valid && !op->is_mix) {
        const point_t *p = &ex->set.items[op->a];
        long long k = harmful ? p->attack_successes : p->benign_refused;
        long long tot = harmful ? p->n_adversarial : p->n_benign;
        if (k >= 0 && tot > 0) {
            double lo, hi;
            wilson(k, tot, &lo, &hi);
            projection_t plo = model_project_rates(&ex->scenario, lo, lo);
            projection_t phi = model_project_rates(&ex->scenario, hi, hi);
            num_format_count(harmful ? plo.harmful : plo.refusals, lo_s, sizeof lo_s);
            num_format_count(harmful ? phi.harmful : phi.refusals, hi_s, sizeof hi_s);
            snprintf(buf, n, "%s (95%%: %s-%s)", a, lo_s, hi_s);
            return;
        }
    }
    snprintf(buf, n, "%s", a);
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

static void draw_projection(explore_t *ex, uigrid_t *g, rect_t r)
{
    frontier_op_t op = explore_current(ex);
    char name[200], title[240], v[200], w[200];
    explore_op_name(ex, &op, name, sizeof name);
    snprintf(title, sizeof title, "Per day at %s", name);
    heading(ex, g, r, title);
    rect_t in = {r.x + 1, r.y + 1, r.w - 2, r.h - 1};
    int y = in.y;
    if (!op.valid) {
        uigrid_put(g, in.x, y, "No point has both ASR and ORR measured: nothing to project.", EXR_NOTE, in.w);
        return;
    }
    char asr[32], orr[32];
    if (op.is_mix) {
        sb_t d = SB_INIT;
        frontier_op_describe(&d, &ex->set, &op);
        uigrid_put(g, in.x, y++, sb_str(&d), EXR_NOTE, in.w);
        sb_free(&d);
    }
    snprintf(v, sizeof v, "ASR %s  ORR %s%s", num_format_pct(op.asr, asr, sizeof asr),
             num_format_pct(op.orr, orr, sizeof orr), op.is_mix ? "  (a mix, not a measurement)" : "");
    uigrid_put(g, in.x, y++, v, EXR_VALUE, in.w);

    projection_t p = model_project_rates(&ex->scenario, op.asr, op.orr);
    count_with_interval(ex, &op, false, p.refusals, v, sizeof v);
    row_lv(g, in, y++, "Unnecessary refusals/day", v, EXR_VALUE);
    count_with_interval(ex, &op, true, p.harmful, v, sizeof v);
    row_lv(g, in, y++, "Harmful outputs/day", v, EXR_VALUE);
    char ry[48], hy[48];
    short_count(p.refusals * MODEL_DAYS_PER_YEAR, ry, sizeof ry);
    short_count(p.harmful * MODEL_DAYS_PER_YEAR, hy, sizeof hy);
    snprintf(v, sizeof v, "%s refusals, %s harmful", ry, hy);
    row_lv(g, in, y++, "Per year", v, EXR_VALUE);
    if (model_costs_set(&ex->scenario))
        num_format_money(p.cost, v, sizeof v);
    else
        snprintf(v, sizeof v, "set costs to see it");
    row_lv(g, in, y++, "Daily cost", v, model_costs_set(&ex->scenario) ? EXR_VALUE : EXR_NOTE);

    verdict_t vd = policy_check(&ex->scenario.policy, op.asr, op.orr);
    sb_t vs = SB_INIT;
    verdict_describe(&vs, &ex->scenario.policy, vd, op.asr, op.orr);
    snprintf(w, sizeof w, "%s:", ex->scenario.policy.key);
    if (y < in.y + in.h) {
        int n = uigrid_put(g, in.x, y, w, EXR_LABEL, in.w);
        uigrid_put(g, in.x + n + 1, y, sb_str(&vs), verdict_pass(vd) ? EXR_GOOD : EXR_BAD, in.w - n - 1);
        y++;
    }
    sb_free(&vs);

    if (!ex->has_baseline) {
        if (y < in.y + in.h)
            uigrid_put(g, in.x, y, "No baseline yet: b pins this point.", EXR_NOTE, in.w);
        return;
    }
    point_t a = point_make(ex->baseline_name), b = point_make(name);
    a.asr = ex->baseline.asr, a.orr = ex->baseline.orr;
    b.asr = op.asr, b.orr = op.orr;
    comparison_t c = model_compare(&ex->scenario, &a, &b);
    if (y < in.y + in.h) {
        int n = uigrid_put(g, in.x, y, "vs baseline ", EXR_LABEL, in.w);
        n += uigrid_put(g, in.x + n, y, gl(ex, G_PIN), EXR_BASELINE, 1);
        uigrid_put(g, in.x + n + 1, y, ex->baseline_name, EXR_BASELINE, in.w - n - 1);
        y++;
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
        uigrid_put(g, in.x, y++, v, EXR_VALUE, in.w);
    if (isfinite(c.break_even))
        snprintf(v, sizeof v, "break-even: 1 harmful = %s refusals",
                 num_format_count(c.break_even, dr, sizeof dr));
    else
        snprintf(v, sizeof v, "no break-even: %s",
                 c.kind == CMP_SAME ? "nothing changes" : c.kind == CMP_UNKNOWN ? "a rate is missing"
                                                                                : "one side is better on both");
    if (y < in.y + in.h)
        uigrid_put(g, in.x, y++, v, EXR_VALUE, in.w);
    point_free(&a);
    point_free(&b);
}

/* The meeting sentence for moving from the pinned baseline to the current
 * operating point (which may be a mix). */
static void baseline_sentence(explore_t *ex, sb_t *out)
{
    frontier_op_t op = explore_current(ex);
    char name[200];
    explore_op_name(ex, &op, name, sizeof name);
    point_t a = point_make(ex->baseline_name), b = point_make(name);
    a.asr = ex->baseline.asr, a.orr = ex->baseline.orr;
    b.asr = op.asr, b.orr = op.orr;
    comparison_t c = model_compare(&ex->scenario, &a, &b);
    model_sentence(out, &ex->scenario, ex->baseline_name, name, &c);
    point_free(&a);
    point_free(&b);
}

static void draw_sentence(explore_t *ex, uigrid_t *g, rect_t r)
{
    if (r.h <= 0)
        return;
    if (!ex->has_baseline) {
        uigrid_put(g, r.x + 1, r.y, "Press b to pin a baseline, then move: the sentence for the meeting appears here.", EXR_NOTE, r.w - 2);
        return;
    }
    sb_t s = SB_INIT;
    baseline_sentence(ex, &s);
    uigrid_put(g, r.x, r.y, gl(ex, G_VBAR), EXR_BASELINE, 1);
    wrap_ctx_t wc = {g, {r.x + 2, r.y, r.w - 3, r.h}, EXR_SENTENCE};
    wrap(sb_str(&s), r.w - 3, wrap_line, &wc);
    sb_free(&s);
}

/* Rows the sentence needs at this width (at least 1, at most 4). */
static int sentence_rows(explore_t *ex, int width)
{
    if (!ex->has_baseline)
        return 1;
    sb_t s = SB_INIT;
    baseline_sentence(ex, &s);
    int n = wrap(sb_str(&s), width - 3, NULL, NULL);
    sb_free(&s);
    return n < 1 ? 1 : n > 4 ? 4 : n;
}

static void frontier_marks(const explore_t *ex, size_t i, char *buf)
{
    const frontier_mark_t *m = &ex->frontier.marks[i];
    buf[0] = m->pareto_optimal ? 'P' : ' ';
    buf[1] = m->on_hull ? 'H' : ' ';
    buf[2] = '\0';
}

static void draw_list(explore_t *ex, uigrid_t *g, rect_t r)
{
    static const char *const sorts[] = {"input", "name", "ASR", "ORR", "frontier"};
    char title[96];
    snprintf(title, sizeof title, "%zu points, S sorts: %s", ex->set.len, sorts[ex->sort]);
    heading(ex, g, r, title);
    bool wide = r.w >= 56;
    bool numbered = false;
    for (size_t i = 0; i < ex->set.len && !numbered; i++)
        numbered = ex->chart_numbers[i] > 0;
    int marks_w = 3, rate_w = 7, series_w = wide ? 16 : 0, num_w = numbered ? 3 : 0;
    int name_w = r.w - 2 - 2 * rate_w - marks_w - series_w - num_w - 1;
    int y = r.y + 1;
    int x_num = r.x + 2 + name_w;
    int x_series = x_num + num_w + 1, x_asr = x_series + series_w, x_orr = x_asr + rate_w,
        x_marks = x_orr + rate_w + 1;
    uigrid_put(g, r.x + 2, y, "Name", EXR_HEADING, name_w);
    if (numbered)
        uigrid_put(g, x_num, y, "  #", EXR_HEADING, num_w);
    if (wide)
        uigrid_put(g, x_series, y, "Series", EXR_HEADING, series_w);
    uigrid_printf(g, x_asr, y, EXR_HEADING, rate_w, "%6s", "ASR");
    uigrid_printf(g, x_orr, y, EXR_HEADING, rate_w, "%6s", "ORR");
    uigrid_put(g, x_marks, y, "PH", EXR_HEADING, marks_w);
    int sort_x = ex->sort == EX_SORT_NAME ? r.x + 6 : ex->sort == EX_SORT_ASR ? x_asr + 6
                                                  : ex->sort == EX_SORT_ORR   ? x_orr + 6
                                                  : ex->sort == EX_SORT_FRONTIER ? x_marks + 2 : -1;
    if (sort_x >= 0)
        uigrid_put(g, sort_x, y, gl(ex, G_DOWN), EXR_HEADING, 1);
    y++;
    int rows = r.y + r.h - y;
    if (rows < 1)
        return;
    if (ex->cursor < ex->scroll)
        ex->scroll = ex->cursor;
    if (ex->cursor >= ex->scroll + (size_t)rows)
        ex->scroll = ex->cursor - (size_t)rows + 1;
    ex->list_x = r.x, ex->list_y = y, ex->list_rows = rows, ex->list_w = r.w;
    for (int i = 0; i < rows && ex->scroll + (size_t)i < ex->set.len; i++) {
        size_t row = ex->scroll + (size_t)i, idx = ex->order[row];
        const point_t *p = &ex->set.items[idx];
        bool cur = row == ex->cursor;
        uint8_t role = cur ? EXR_CURSOR : ex->frontier.marks[idx].pareto_optimal ? EXR_PLAIN : EXR_NOTE;
        if (cur)
            uigrid_fill(g, r.x, y + i, r.w, 1, " ", EXR_CURSOR);
        bool base = ex->has_baseline && !ex->baseline.is_mix && ex->baseline.a == idx;
        uigrid_put(g, r.x, y + i, cur ? gl(ex, G_FOCUS) : " ", role, 1);
        if (base)
            uigrid_put(g, r.x + 1, y + i, gl(ex, G_PIN), cur ? EXR_CURSOR : EXR_BASELINE, 1);
        uigrid_put(g, r.x + 2, y + i, p->name, role, name_w - 1);
        if (numbered && ex->chart_numbers[idx] > 0)
            uigrid_printf(g, x_num, y + i, cur ? EXR_CURSOR : EXR_NOTE, num_w, "%3d", ex->chart_numbers[idx]);
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

static int details_lines(explore_t *ex, uigrid_t *g, rect_t r)
{
    long sel = explore_selected(ex);
    if (sel < 0)
        return 0;
    const point_t *p = &ex->set.items[sel];
    char title[200];
    snprintf(title, sizeof title, "Details: %s", p->name);
    heading(ex, g, r, title);
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
        LINE(EXR_VALUE, "series: %s%s%s", s, isfinite(p->knob) ? ", " : "", "");
        free(s);
    }
    if (isfinite(p->knob))
        LINE(EXR_VALUE, "%s: %g", ex->set.knob_name ? ex->set.knob_name : "threshold", p->knob);
    LINE(EXR_VALUE, "ASR %s  ORR %s", isnan(p->asr) ? "unknown" : num_format_pct(p->asr, a, sizeof a),
         isnan(p->orr) ? "unknown" : num_format_pct(p->orr, b, sizeof b));
    if (p->n_adversarial > 0 && p->attack_successes >= 0)
        LINE(EXR_VALUE, "attacks: %lld of %lld succeeded", p->attack_successes, p->n_adversarial);
    if (p->n_benign > 0 && p->benign_refused >= 0)
        LINE(EXR_VALUE, "benign: %lld of %lld refused", p->benign_refused, p->n_benign);
    const frontier_mark_t *m = &ex->frontier.marks[sel];
    if (m->pareto_optimal)
        LINE(EXR_GOOD, "Pareto-optimal%s", m->on_hull ? ", on the achievable hull" : "");
    else if (m->ndominated_by)
        LINE(EXR_NOTE, "dominated by %s%s", ex->set.items[m->dominated_by[0]].name,
             m->ndominated_by > 1 ? " and others" : "");
    /* Everything below comes from the input file: sanitised again here, so
     * the screen is safe whatever a loader kept. */
    for (size_t i = 0; i < p->nattrs; i++) {
        char *k = text_sanitize(p->attrs[i].key, strlen(p->attrs[i].key));
        char *v = text_sanitize(p->attrs[i].value, strlen(p->attrs[i].value));
        LINE(EXR_PLAIN, "%s: %s", k, v);
        free(k);
        free(v);
    }
    for (size_t i = 0; i < p->ncategories; i++) {
        const category_t *c = &p->categories[i];
        char *n = text_sanitize(c->name, strlen(c->name));
        LINE(EXR_PLAIN, "category %s%s: ASR %s", n, c->critical ? " (critical)" : "",
             isnan(c->asr) ? "unknown" : num_format_pct(c->asr, a, sizeof a));
        free(n);
    }
    char *src = text_sanitize(p->source ? p->source : "?", strlen(p->source ? p->source : "?"));
    LINE(EXR_NOTE, "from %s%s%s", src, p->line ? ":" : "", p->line ? (snprintf(b, sizeof b, "%ld", p->line), b) : "");
    free(src);
#undef LINE
    return y - r.y;
}

/* The chart's key ("  3  variant-A  (ORR 6.00%, ASR 0.20%)" per line) as
 * one compact line to wrap: "3 variant-A  4 variant-B ...". */
static void compact_key(const chart_t *ch, sb_t *out)
{
    for (size_t i = 0; i < ch->nkey; i++) {
        const char *p = ch->key[i];
        while (*p == ' ')
            p++;
        const char *end = strstr(p, "  (");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        sb_t item = SB_INIT;
        /* "3  my name" -> "3\x1fmy\x1fname": one word for wrap(), so an
         * entry is never split across lines; key_line() puts spaces back. */
        for (size_t k = 0; k < n; k++)
            if (!(p[k] == ' ' && k + 1 < n && p[k + 1] == ' '))
                sb_putc(&item, p[k] == ' ' ? '\x1f' : p[k]);
        sb_printf(out, "%s%s", i ? ", " : "key: ", sb_str(&item));
        sb_free(&item);
    }
}

/* Remembers which number the chart gave each point ("  3  name  (..."). */
static void note_numbers(explore_t *ex)
{
    memset(ex->chart_numbers, 0, sizeof *ex->chart_numbers * ex->set.len);
    for (size_t i = 0; ex->have_chart && i < ex->chart.nkey; i++) {
        const char *p = ex->chart.key[i];
        char *end;
        long num = strtol(p, &end, 10);
        while (*end == ' ')
            end++;
        const char *stop = strstr(end, "  (");
        char *name = xstrndup(end, stop ? (size_t)(stop - end) : strlen(end));
        long idx = pointset_index(&ex->set, name);
        if (idx >= 0 && num > 0 && num < 1000)
            ex->chart_numbers[idx] = (int)num;
        free(name);
    }
}

static void key_line(void *vctx, int i, const char *text)
{
    char *copy = xstrdup(text);
    for (char *p = copy; *p; p++)
        if (*p == '\x1f')
            *p = ' ';
    wrap_line(vctx, i, copy);
    free(copy);
}

static void render_chart(explore_t *ex, chart_opts_t *o, int height)
{
    if (ex->have_chart)
        chart_free(&ex->chart);
    o->height = height;
    chart_render(&ex->chart, o);
    ex->have_chart = true;
}

static void draw_chart(explore_t *ex, uigrid_t *g, rect_t r)
{
    if (ex->have_chart) {
        chart_free(&ex->chart);
        ex->have_chart = false;
    }
    if (r.w < CHART_MIN_WIDTH || r.h < CHART_MIN_HEIGHT) {
        memset(ex->chart_numbers, 0, sizeof *ex->chart_numbers * ex->set.len);
        uigrid_put(g, r.x + 1, r.y + r.h / 2, "(the chart needs more room)", EXR_NOTE, r.w - 1);
        return;
    }
    chart_opts_t o = chart_default_opts();
    frontier_op_t op = explore_current(ex);
    o.points = &ex->set;
    o.frontier = &ex->frontier;
    o.scenario = &ex->scenario;
    o.has_current = op.valid;
    o.current_asr = op.asr;
    o.current_orr = op.orr;
    o.baseline = ex->has_baseline && !ex->baseline.is_mix ? (long)ex->baseline.a : -1;
    o.selected = explore_selected(ex);
    o.width = r.w;
    o.height = r.h;
    o.ascii = ex->ascii;
    o.xscale = o.yscale = ex->scale == EX_SCALE_LOG ? CHART_SCALE_LOG
                          : ex->scale == EX_SCALE_LINEAR ? CHART_SCALE_LINEAR : CHART_SCALE_AUTO;
    render_chart(ex, &o, r.h);
    /* Points whose names did not fit are numbered: name them below the
     * chart when a few lines can be spared. */
    int key_rows = 0;
    sb_t key = SB_INIT;
    if (ex->chart.nkey > 0) {
        compact_key(&ex->chart, &key);
        key_rows = wrap(sb_str(&key), r.w - 1, NULL, NULL);
        if (key_rows > 3 || r.h - key_rows < 12)
            key_rows = 0;
        if (key_rows > 0) {
            render_chart(ex, &o, r.h - key_rows);
            sb_reset(&key);
            compact_key(&ex->chart, &key);
            wrap_ctx_t wc = {g, {r.x, r.y + r.h - key_rows, r.w, key_rows}, EXR_CHART + CANVAS_STYLE_LABEL};
            wrap(sb_str(&key), r.w - 1, key_line, &wc);
        }
    }
    sb_free(&key);
    if (key_rows == 0)
        note_numbers(ex);
    else
        memset(ex->chart_numbers, 0, sizeof *ex->chart_numbers * ex->set.len);
    ex->chart_x = r.x;
    ex->chart_y = r.y;
    const canvas_t *c = &ex->chart.canvas;
    for (int row = 0; row < c->height && row < r.h; row++)
        for (int col = 0; col < c->width && col < r.w; col++) {
            const canvas_cell_t *cell = canvas_cell(c, col, row);
            uigrid_cell_t *out = uigrid_at(g, r.x + col, r.y + row);
            if (!cell || !out)
                continue;
            char buf[8];
            const char *t = canvas_cell_text(c, col, row, ex->ascii, buf);
            snprintf(out->text, sizeof out->text, "%s", t);
            out->role = (uint8_t)(EXR_CHART + cell->style);
        }
}

static void draw_status(explore_t *ex, uigrid_t *g, int y)
{
    uigrid_fill(g, 0, y, g->width, 1, " ", EXR_STATUS);
    if (ex->mode == EX_MODE_INPUT) {
        int n = uigrid_put(g, 0, y, ex->prompt, EXR_STATUS, -1);
        n += uigrid_put(g, n, y, ex->input, EXR_INPUT, -1);
        n += uigrid_put(g, n, y, gl(ex, G_CURSOR), EXR_INPUT, 1);
        if (ex->message[0])
            uigrid_put(g, n + 2, y, ex->message, ex->message_is_error ? EXR_ERROR : EXR_STATUS, -1);
        else
            uigrid_put(g, n + 2, y, "Enter accepts, Esc cancels", EXR_STATUS, -1);
        return;
    }
    if (ex->message[0]) {
        uigrid_put(g, 1, y, ex->message, ex->message_is_error ? EXR_ERROR : EXR_STATUS, -1);
        return;
    }
    static const struct {
        explore_action_t a;
        const char *what;
    } hints[] = {{EXA_QUIT, "quit"},      {EXA_HELP, "help"},      {EXA_FOCUS_NEXT, "control"},
                 {EXA_INCREASE, "adjust"}, {EXA_LIST_DOWN, "point"}, {EXA_BASELINE, "baseline"},
                 {EXA_OPTIMAL, "optimal"}, {EXA_SAVE, "save"},     {EXA_EXPORT, "export"}};
    size_t nb;
    const explore_binding_t *b = explore_bindings(&nb);
    int x = 1;
    for (size_t h = 0; h < sizeof hints / sizeof hints[0]; h++) {
        for (size_t i = 0; i < nb; i++) {
            if (b[i].action != hints[h].a)
                continue;
            char k[24];
            const char *key = explore_key_name(b[i].keys[0], k, sizeof k);
            if (hints[h].a == EXA_INCREASE)
                key = ex->ascii ? "<-/->" : "\xe2\x86\x90\xe2\x86\x92";
            if (hints[h].a == EXA_LIST_DOWN)
                key = ex->ascii ? "Up/Dn" : "\xe2\x86\x91\xe2\x86\x93";
            if (x + text_width(key) + (int)strlen(hints[h].what) + 2 > g->width)
                return;
            x += uigrid_put(g, x, y, key, EXR_STATUS_KEY, -1);
            x += uigrid_put(g, x + 1, y, hints[h].what, EXR_STATUS, -1) + 3;
        }
    }
}

static void draw_help(explore_t *ex, uigrid_t *g)
{
    rect_t r = {0, 1, g->width, g->height - 2};
    uigrid_fill(g, 0, 1, g->width, g->height - 2, " ", EXR_PLAIN);
    heading(ex, g, r, ex->ascii ? "Help: keys (Up/Down scroll, any other key closes)"
                                : "Help: keys (\xe2\x86\x91\xe2\x86\x93 scroll, any other key closes)");
    sb_t t = SB_INIT;
    explore_keys_render(&t, EX_KEYS_TEXT);
    const char *p = sb_str(&t);
    int y = 2, line_no = 0, rows = g->height - 5;
    size_t nb;
    explore_bindings(&nb);
    if (ex->help_scroll > (int)nb - rows)
        ex->help_scroll = (int)nb - rows > 0 ? (int)nb - rows : 0;
    while (*p && y < 2 + rows) {
        const char *e = strchr(p, '\n');
        if (line_no++ >= ex->help_scroll) {
            char *line = xstrndup(p, (size_t)(e - p));
            uigrid_put(g, 1, y++, line, EXR_PLAIN, g->width - 2);
            free(line);
        }
        p = e + 1;
    }
    if (*p)
        uigrid_put(g, g->width - 10, y - 1, ex->ascii ? "(v more)" : "(\xe2\x86\x93 more)", EXR_NOTE, 9);
    sb_free(&t);
    if (y < g->height - 2)
        uigrid_put(g, 1, y,
                   "Mouse: click a point on the chart or a row of the list. Exact values: =, type, Enter. "
                   "Numbers: 10M, 2.5k, 1e7, 0.1%, $5.",
                   EXR_NOTE, g->width - 2);
}

static void too_small(explore_t *ex, uigrid_t *g)
{
    char msg[160];
    snprintf(msg, sizeof msg, "terminal too small: need %dx%d, have %dx%d. Enlarge the window, or press q to quit.",
             EXPLORE_MIN_WIDTH, EXPLORE_MIN_HEIGHT, g->width, g->height);
    int lines = wrap(msg, g->width, NULL, NULL);
    wrap_ctx_t wc = {g, {0, (g->height - lines) / 2 > 0 ? (g->height - lines) / 2 : 0, g->width, g->height}, EXR_ERROR};
    wrap(msg, g->width, wrap_line, &wc);
    if (ex->have_chart) {
        chart_free(&ex->chart);
        ex->have_chart = false;
    }
}

void explore_render(explore_t *ex, uigrid_t *g)
{
    g->ascii = ex->ascii;
    uigrid_clear(g);
    int W = g->width, H = g->height;
    ex->list_rows = 0;
    if (W < EXPLORE_MIN_WIDTH || H < EXPLORE_MIN_HEIGHT) {
        too_small(ex, g);
        return;
    }
    /* Title line. */
    uigrid_fill(g, 0, 0, W, 1, " ", EXR_TITLE);
    char title[400];
    snprintf(title, sizeof title, " tradeoff %s %s (%zu points) %s series %zu/%zu: %s", gl(ex, G_VBAR),
             ex->title, ex->set.len, gl(ex, G_VBAR), ex->place.series < ex->nseries ? ex->place.series + 1 : 0,
             ex->nseries, ex->place.series < ex->nseries ? ex->series[ex->place.series].name : "none");
    uigrid_put(g, 0, 0, title, EXR_TITLE, W);

    int sent = sentence_rows(ex, W);
    int mid_y = 1, mid_h = H - 2 - sent;
    int rw = W * 45 / 100;
    rw = rw < 36 ? 36 : rw > 72 ? 72 : rw;
    int lw = W - rw;
    int top_h = mid_h * 60 / 100;
    if (top_h > mid_h - 10)
        top_h = mid_h - 10;
    if (top_h < 9)
        top_h = 9;
    int bot_h = mid_h - top_h;

    draw_chart(ex, g, (rect_t){0, mid_y, lw - 1, top_h});
    rect_t ctl = {lw, mid_y, rw, EX_NCONTROLS + 1};
    draw_controls(ex, g, ctl);
    if (top_h - ctl.h >= 4)
        details_lines(ex, g, (rect_t){lw, mid_y + ctl.h, rw, top_h - ctl.h});
    draw_projection(ex, g, (rect_t){0, mid_y + top_h, lw - 1, bot_h});
    if (ex->mode == EX_MODE_DETAILS) {
        uigrid_fill(g, lw, mid_y + top_h, rw, bot_h, " ", EXR_PLAIN);
        details_lines(ex, g, (rect_t){lw, mid_y + top_h, rw, bot_h});
        ex->list_rows = 0;
    } else {
        draw_list(ex, g, (rect_t){lw, mid_y + top_h, rw, bot_h});
    }
    draw_sentence(ex, g, (rect_t){0, H - 1 - sent, W, sent});
    if (ex->mode == EX_MODE_HELP)
        draw_help(ex, g);
    draw_status(ex, g, H - 1);
}

/* ------------------------------------------------------------------------
 * The Markdown report. */

static void md_cell(sb_t *out, const char *s)
{
    char *clean = text_sanitize(s, strlen(s));
    for (const char *p = clean; *p; p++) {
        if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' || *p == '`')
            sb_putc(out, '\\');
        sb_putc(out, *p);
    }
    free(clean);
}

void explore_markdown(explore_t *ex, sb_t *out)
{
    const scenario_t *s = &ex->scenario;
    frontier_op_t op = explore_current(ex);
    char name[200], a[64], b[64], c[64];
    explore_op_name(ex, &op, name, sizeof name);
    sb_puts(out, "# Explorer: trade-off at ");
    md_cell(out, name);
    sb_puts(out, "\n\nData: ");
    md_cell(out, ex->title);
    sb_printf(out, " (%zu points). Policy: %s.\n\n", ex->set.len, s->policy.label);

    sb_puts(out, "| Setting | Value |\n|---|---|\n");
    sb_printf(out, "| Daily queries | %s |\n", num_format_int(s->volume, a, sizeof a));
    sb_printf(out, "| Adversarial share | %s |\n", num_format_pct(s->adv_share, a, sizeof a));
    sb_printf(out, "| Cost per unnecessary refusal | %s |\n",
              s->cost_refusal > 0 ? num_format_money(s->cost_refusal, a, sizeof a) : "unset");
    sb_printf(out, "| Cost per harmful output | %s |\n",
              s->cost_harm > 0 ? num_format_money(s->cost_harm, a, sizeof a) : "unset");
    sb_t bd = SB_INIT;
    bound_describe(&bd, "ASR", s->policy.asr);
    sb_puts(&bd, "; ");
    bound_describe(&bd, "ORR", s->policy.orr);
    sb_printf(out, "| Policy bounds | %s |\n\n", sb_str(&bd));
    sb_free(&bd);

    if (op.valid) {
        projection_t p = model_project_rates(s, op.asr, op.orr);
        sb_puts(out, "## Projection\n\n");
        if (op.is_mix) {
            sb_t d = SB_INIT;
            frontier_op_describe(&d, &ex->set, &op);
            sb_printf(out, "A mix, not a measurement: %s.\n\n", sb_str(&d));
            sb_free(&d);
        }
        sb_printf(out, "ASR %s, ORR %s.\n\n", num_format_pct(op.asr, a, sizeof a), num_format_pct(op.orr, b, sizeof b));
        sb_puts(out, "| | per day | per year |\n|---|---:|---:|\n");
        sb_printf(out, "| Unnecessary refusals | %s | %s |\n", num_format_count(p.refusals, a, sizeof a),
                  num_format_count(p.refusals * MODEL_DAYS_PER_YEAR, b, sizeof b));
        sb_printf(out, "| Harmful outputs | %s | %s |\n", num_format_count(p.harmful, a, sizeof a),
                  num_format_count(p.harmful * MODEL_DAYS_PER_YEAR, b, sizeof b));
        if (model_costs_set(s))
            sb_printf(out, "| Cost | %s | %s |\n", num_format_money(p.cost, a, sizeof a),
                      num_format_money(p.cost * MODEL_DAYS_PER_YEAR, b, sizeof b));
        sb_t v = SB_INIT;
        verdict_describe(&v, &s->policy, policy_check(&s->policy, op.asr, op.orr), op.asr, op.orr);
        sb_printf(out, "\nPolicy (%s): %s.\n\n", s->policy.key, sb_str(&v));
        sb_free(&v);
        if (ex->has_baseline) {
            point_t pa = point_make(ex->baseline_name), pb = point_make(name);
            pa.asr = ex->baseline.asr, pa.orr = ex->baseline.orr, pb.asr = op.asr, pb.orr = op.orr;
            comparison_t cmp = model_compare(s, &pa, &pb);
            sb_puts(out, "## Against the baseline\n\n| | ");
            md_cell(out, ex->baseline_name);
            sb_puts(out, " | ");
            md_cell(out, name);
            sb_puts(out, " | change |\n|---|---:|---:|---:|\n");
            sb_printf(out, "| Unnecessary refusals/day | %s | %s | %s |\n", num_format_count(cmp.a.refusals, a, sizeof a),
                      num_format_count(cmp.b.refusals, b, sizeof b), num_format_count(cmp.d_refusals, c, sizeof c));
            sb_printf(out, "| Harmful outputs/day | %s | %s | %s |\n", num_format_count(cmp.a.harmful, a, sizeof a),
                      num_format_count(cmp.b.harmful, b, sizeof b), num_format_count(cmp.d_harmful, c, sizeof c));
            if (isfinite(cmp.break_even))
                sb_printf(out, "\nBreak-even: one harmful output = %s unnecessary refusals.\n",
                          num_format_count(cmp.break_even, a, sizeof a));
            sb_t sen = SB_INIT;
            model_sentence(&sen, s, ex->baseline_name, name, &cmp);
            sb_printf(out, "\n> %s\n\n", sb_str(&sen));
            sb_free(&sen);
            point_free(&pa);
            point_free(&pb);
        }
    }

    /* The full analysis (chart, table, verdicts, assumptions with file
     * checksums) comes from the reports' Markdown renderer, so the export and
     * `tradeoff report --format markdown` cannot disagree. */
    const point_t *ca = NULL, *cb = NULL;
    if (ex->has_baseline && !ex->baseline.is_mix && op.valid && !op.is_mix && ex->baseline.a != op.a) {
        ca = &ex->set.items[ex->baseline.a];
        cb = &ex->set.items[op.a];
    }
    report_t r = {.scenario = s, .points = &ex->set, .title = ex->title, .compare_a = ca, .compare_b = cb};
    sb_puts(out, "---\n\n");
    report_markdown(out, &r);
}
