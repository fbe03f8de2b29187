/* explore_panels: the explorer's two panels beside the chart: the controls
 * (a slider and a value each) and the projection (the daily numbers of the
 * operating point, its verdict and the change from the baseline, rows
 * dropped by priority or wrapped, never cut inside a number). Nothing here
 * changes the model. See explore.h. */
#include "config.h"

#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/stats.h"
#include "render/analysis_report.h"
#include "ui/draw.h"
#include "ui/explore.h"
#include "ui/role.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Glyphs with their ASCII twins. */
static const glyph_t G_FILL = {"\xe2\x94\x81", "="};      /* ━ */
static const glyph_t G_KNOB = {"\xe2\x97\x8f", "O"};      /* ● */
static const glyph_t G_DOT = {"\xc2\xb7", "|"};           /* · */

static const char *gl(const explore_t *ex, glyph_t g) { return draw_glyph(g, ex->ascii); }

/* ------------------------------------------------------------------------
 * Panels. */

/* The threshold control's value in `w` columns: on a curve the exact
 * threshold (and its step when there is room), on the points without a
 * series "point 3 of 12" (they are not a threshold), in a series the point
 * or the mix. */
static void threshold_value(const explore_t *ex, int w, char *buf, size_t n)
{
    frontier_op_t op = explore_current(ex);
    char a[48], b[48], t[48];
    const explore_series_t *se = ex->place.series < ex->nseries ? &ex->series[ex->place.series] : NULL;
    if (!op.valid || !se) {
        snprintf(buf, n, "(no point)");
    } else if (op.is_mix) {
        /* "mix 17/83", never "mix 100/0": a share of a mix is never 0;
         * where the word does not fit, the shares alone (the panel's
         * heading and its rates say it is a mix) */
        sb_t m = SB_INIT;
        frontier_share_describe(&m, op.lambda);
        sb_puts(&m, "/");
        frontier_share_describe(&m, 1.0 - op.lambda);
        char shares[64], *o = shares;
        for (const char *q = sb_str(&m); *q && o + 1 < shares + sizeof shares; q++)
            if (*q != '%')
                *o++ = *q;
        *o = '\0';
        sb_free(&m);
        snprintf(buf, n, "mix %s", shares);
        if (text_width(buf) > w)
            snprintf(buf, n, "%s", shares);
    } else if (se->curve >= 0) {
        size_t len = explore_series_len(ex, ex->place.series);
        num_format_json(ex->set.items[op.a].knob, t, sizeof t);
        snprintf(buf, n, "%s (%s of %s)", t, num_format_int(ex->place.pos + 1, a, sizeof a),
                 num_format_int((double)len, b, sizeof b));
        if (text_width(buf) > w)
            snprintf(buf, n, "%s", t);
    } else if (se->unnamed) {
        num_format_int(ex->place.pos + 1, a, sizeof a);
        num_format_int((double)se->len, b, sizeof b);
        snprintf(buf, n, "point %s of %s", a, b);
        if (text_width(buf) > w)
            snprintf(buf, n, "%s of %s", a, b);
    } else {
        snprintf(buf, n, "%s", ex->names.names[op.a]);
    }
}

static void control_value(const explore_t *ex, explore_control_t c, int w, char *buf, size_t n)
{
    const scenario_t *s = &ex->scenario;
    char num[64];
    switch (c) {
    case EX_CTL_THRESHOLD:
        threshold_value(ex, w, buf, n);
        break;
    case EX_CTL_VOLUME: /* "2,000,000,000", or "2.0B" where that does not fit */
        explore_control_text(ex, c, buf, n);
        if (text_width(buf) > w)
            snprintf(buf, n, "%s", num_format_short(s->volume, num, sizeof num));
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
    default: /* the policy and its bounds: as typed */
        explore_control_text(ex, c, buf, n);
    }
}

static const char *const control_labels[EX_NSLIDERS] = {
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
    if (!ticks || ex->place.series >= ex->nseries || ex->series[ex->place.series].curve >= 0)
        return;
    /* Measured points of the series show as ticks on the track (a curve's
     * thresholds are too many to tick). A series with a point for every
     * cell or more ticks every cell: it costs no more than the track,
     * however long. */
    size_t len = ex->series[ex->place.series].len;
    bool every_cell = len > 1 && len - 1 >= (size_t)(w - 1);
    size_t n = every_cell ? (size_t)w : len;
    for (size_t k = 0; len > 1 && k < n; k++) {
        int at = every_cell ? (int)k : (int)lround((double)k / (double)(len - 1) * (w - 1));
        if (at != knob)
            uigrid_put(g, x + at, y, gl(ex, G_DOT), at < knob ? ROLE_BAR : ROLE_TRACK, 1);
    }
}


/* The controls, the focused one always shown: when the panel is too short
 * for all of them, it scrolls. */
/* The fewest columns a slider keeps when its value takes the rest. */
#define CONTROL_MIN_BAR 4

/* The order in which control rows give way on a short screen, the first
 * to go first: the assumptions that rarely change in a meeting (the
 * adversarial share, the volume), then the costs, the policy's name; its
 * bounds and the threshold last. The focused control is always shown (Tab
 * reaches every one), in place of the next to give way. The help says so
 * (explore_controls_give_way). */
static const explore_control_t give_way[EX_NSLIDERS] = {
    EX_CTL_ADV_SHARE, EX_CTL_VOLUME, EX_CTL_COST_REFUSAL, EX_CTL_COST_HARM,
    EX_CTL_POLICY,    EX_CTL_ASR_BOUND, EX_CTL_ORR_BOUND, EX_CTL_THRESHOLD,
};

void explore_controls_give_way(sb_t *out)
{
    for (int i = 0; i < EX_NSLIDERS - 1; i++)
        sb_printf(out, "%s%s", i == 0 ? "" : ", ", control_labels[give_way[i]]);
}

/* Which control rows fit in `rows`: the last to give way, and the
 * focused one. */
static void controls_shown(const explore_t *ex, int rows, bool shown[EX_NSLIDERS])
{
    int hide = EX_NSLIDERS - (rows > 0 ? rows : 0);
    for (int c = 0; c < EX_NSLIDERS; c++)
        shown[c] = true;
    bool focus_hidden = false;
    for (int i = 0; i < hide && i < EX_NSLIDERS; i++) {
        shown[give_way[i]] = false;
        focus_hidden |= ex->focus == give_way[i];
    }
    if (focus_hidden && hide < EX_NSLIDERS) {
        shown[ex->focus] = true;
        shown[give_way[hide]] = false;
    }
}

void explore_draw_controls(const explore_t *ex, uigrid_t *g, rect_t r)
{
    draw_heading(g, r, ex->ascii ? "Controls (Tab, <- ->, =)" : "Controls (Tab, \xe2\x86\x90\xe2\x86\x92, =)",
                 ex->ascii);
    int label_w = 13, value_w = r.w >= 50 ? 22 : r.w >= 44 ? 16 : 13;
    int bar_x = r.x + 1 + label_w + value_w + 1;
    int bar_w = r.x + r.w - bar_x - 1;
    bool shown[EX_NSLIDERS];
    controls_shown(ex, r.h - 1, shown);
    int y = r.y;
    for (int c = 0; c < EX_NSLIDERS; c++) {
        if (!shown[c])
            continue;
        y++;
        bool focused = ex->focus == (explore_control_t)c;
        uint8_t role = focused ? ROLE_FOCUS : ROLE_LABEL;
        if (focused)
            uigrid_fill(g, r.x, y, r.w, 1, " ", ROLE_FOCUS);
        uigrid_put(g, r.x, y, focused ? gl(ex, draw_focus) : " ", role, 1);
        uigrid_put(g, r.x + 1, y, control_labels[c], role, label_w);
        char v[200];
        control_value(ex, (explore_control_t)c, value_w - 1, v, sizeof v);
        uint8_t vrole = focused ? ROLE_FOCUS : ROLE_VALUE;
        if (c == EX_CTL_THRESHOLD && explore_current(ex).is_mix)
            vrole = focused ? ROLE_FOCUS : ROLE_NOTE;
        /* a value wider than its column (a point's name, as the list
         * shows it) takes columns from its slider rather than being cut;
         * the slider keeps CONTROL_MIN_BAR */
        int extra = text_width(v) - (value_w - 1), spare = bar_w - CONTROL_MIN_BAR;
        extra = extra < 0 ? 0 : extra > spare ? (spare > 0 ? spare : 0) : extra;
        uigrid_put(g, r.x + 1 + label_w, y, v, vrole, value_w - 1 + extra);
        slider(ex, g, bar_x + extra, y, bar_w - extra, explore_control_fraction(ex, (explore_control_t)c),
               c == EX_CTL_THRESHOLD);
    }
}

/* ------------------------------------------------------------------------
 * The per-day panel. Its rows have priorities: when the panel is short,
 * the least important go first (the yearly figures, an unset cost, the
 * hint), and a value too wide for its row drops its decoration or wraps
 * onto the next row: a number, a verdict or a sentence is never cut. */

typedef struct {
    const char *label, *short_label; /* a label and its value; NULL: a text row, wrapped */
    char main[96], detail[160];      /* the value, and what follows it in brackets when it fits */
    char text[480];
    uint8_t role;
    int prio;                        /* rows of lower priority are dropped first */
    bool one_row;                    /* a text row that names something: cut, not wrapped */
} pd_row_t;

typedef struct {
    pd_row_t rows[16];
    int n;
} pd_rows_t;

static pd_row_t *pd_add(pd_rows_t *r, int prio, uint8_t role)
{
    pd_row_t *row = &r->rows[r->n < 16 ? r->n++ : 15];
    memset(row, 0, sizeof *row);
    row->prio = prio;
    row->role = role;
    return row;
}

static void pd_text(pd_rows_t *r, int prio, uint8_t role, const char *text)
{
    snprintf(pd_add(r, prio, role)->text, sizeof r->rows[0].text, "%s", text);
}

static void pd_value(pd_rows_t *r, int prio, uint8_t role, const char *label, const char *short_label,
                     const char *main, const char *detail)
{
    pd_row_t *row = pd_add(r, prio, role);
    row->label = label;
    row->short_label = short_label ? short_label : label;
    snprintf(row->main, sizeof row->main, "%s", main);
    snprintf(row->detail, sizeof row->detail, "%s", detail ? detail : "");
}

/* The value of a row as it fits `w` columns after its label: with its
 * detail, or alone (the detail then on a row of its own). */
static void pd_value_text(const pd_row_t *row, bool with_detail, char *buf, size_t n)
{
    if (with_detail && row->detail[0])
        snprintf(buf, n, "%s (%s)", row->main, row->detail);
    else
        snprintf(buf, n, "%s", row->main);
}

/* How a label-value row fits `w`: 0 long label with detail, 1 short label
 * with detail, 2 short label and the detail on the next row, 3 the short
 * label alone and the value (with its detail when it fits) on the next. */
static int pd_form(const pd_row_t *row, int w)
{
    char v[300];
    pd_value_text(row, true, v, sizeof v);
    if (text_width(row->label) + 1 + text_width(v) <= w)
        return 0;
    if (text_width(row->short_label) + 1 + text_width(v) <= w)
        return 1;
    if (row->detail[0] && text_width(row->short_label) + 1 + text_width(row->main) <= w)
        return 2;
    return 3;
}

static int pd_height(const pd_row_t *row, int w)
{
    if (!row->label && row->one_row)
        return 1;
    if (!row->label)
        return draw_wrapped(NULL, (rect_t){0, 0, w, 0}, row->text, row->role, 0);
    int form = pd_form(row, w);
    char v[300];
    pd_value_text(row, true, v, sizeof v);
    return form == 2 ? 2 : form == 3 ? (text_width(v) <= w ? 2 : 3) : 1;
}

/* A label on the left and a value right-aligned at the panel's edge (on a
 * wide panel near the label, where the eye finds it). */
static void put_lv(uigrid_t *g, rect_t r, int y, const char *label, const char *value, uint8_t vrole)
{
    int right = r.w > 64 ? 64 : r.w;
    int lw = label ? uigrid_put(g, r.x, y, label, ROLE_LABEL, r.w) : 0;
    int x = r.x + right - text_width(value);
    if (x < r.x + lw + 1)
        x = r.x + lw + (lw ? 1 : 0);
    uigrid_put(g, x, y, value, vrole, r.x + r.w - x);
}

static void pd_draw(pd_rows_t *rows, uigrid_t *g, rect_t in)
{
    /* drop the least important rows until the rest fit */
    for (;;) {
        int need = 0, worst = -1;
        for (int i = 0; i < rows->n; i++) {
            need += pd_height(&rows->rows[i], in.w);
            if (worst < 0 || rows->rows[i].prio <= rows->rows[worst].prio) /* the lowest, the last of equals */
                worst = i;
        }
        if (need <= in.h || worst < 0)
            break;
        memmove(&rows->rows[worst], &rows->rows[worst + 1], (size_t)(rows->n - worst - 1) * sizeof rows->rows[0]);
        rows->n--;
    }
    int y = in.y;
    for (int i = 0; i < rows->n && y < in.y + in.h; i++) {
        const pd_row_t *row = &rows->rows[i];
        if (!row->label && row->one_row) {
            uigrid_put(g, in.x, y++, row->text, row->role, in.w);
            continue;
        }
        if (!row->label) {
            y += draw_wrapped(g, (rect_t){in.x, y, in.w, in.y + in.h - y}, row->text, row->role, 0);
            continue;
        }
        int form = pd_form(row, in.w);
        char v[300];
        if (form == 3) { /* the label alone, the value under it */
            uigrid_put(g, in.x, y++, row->short_label, ROLE_LABEL, in.w);
            pd_value_text(row, true, v, sizeof v);
            if (text_width(v) > in.w)
                pd_value_text(row, false, v, sizeof v);
            if (y < in.y + in.h)
                put_lv(g, in, y++, NULL, v, row->role);
            if (text_width(v) == text_width(row->main) && row->detail[0] && y < in.y + in.h) {
                char d[200];
                snprintf(d, sizeof d, "(%s)", row->detail);
                put_lv(g, in, y++, NULL, d, row->role);
            }
            continue;
        }
        pd_value_text(row, form < 2, v, sizeof v);
        put_lv(g, in, y++, form == 0 ? row->label : row->short_label, v, row->role);
        if (form == 2 && y < in.y + in.h) {
            char d[200];
            snprintf(d, sizeof d, "(%s)", row->detail);
            put_lv(g, in, y++, NULL, d, row->role);
        }
    }
}

/* A daily count and the interval of the rate behind it (stats.h, with the
 * analysis' interval method; a mix's interval is its points' weighted,
 * conservatively): main "100", detail "95%: 54.4-183", or "n unknown"
 * when the counts are not known (NUMBERS.md, rule 2). */
static void count_with_interval(const explore_t *ex, const frontier_op_t *op, bool harmful, double value,
                                char *main, char *detail, size_t n)
{
    char lo[48], hi[48];
    num_format_count(value, main, n);
    detail[0] = '\0';
    if (!op->valid)
        return;
    stats_blend_t b = stats_blend_op(&ex->set, op);
    stats_interval_t asr = stats_blend_interval(&b, STATS_ASR, ex->analysis.confidence, ex->analysis.interval);
    stats_interval_t orr = stats_blend_interval(&b, STATS_ORR, ex->analysis.confidence, ex->analysis.interval);
    projection_ci_t pr = model_project_interval(&ex->scenario, asr, orr);
    stats_interval_t ci = harmful ? pr.harmful : pr.refusals;
    /* without counts the rates row says "n unknown" once for all */
    if (ci.known)
        snprintf(detail, n, "%.0f%%: %s-%s", ex->analysis.confidence * 100, num_format_count(ci.lo, lo, sizeof lo),
                 num_format_count(ci.hi, hi, sizeof hi));
}

/* Glues the words of `s` into one for draw_wrapped (\x1f: a blank that
 * never breaks), so a rate and its counts stay on one row. */
static char *glued(char *s)
{
    for (char *q = s; *q; q++)
        if (*q == ' ')
            *q = '\x1f';
    return s;
}

/* "ASR 0.00% (0/1,600) ORR 3.25% (78/2,400)": the rates with the counts
 * behind them; a mix says it is one (NUMBERS.md, rule 5). */
static void rates_row(const explore_t *ex, const frontier_op_t *op, pd_rows_t *rows)
{
    char asr[32], orr[32], a[96], o[96], t[480];
    /* beside the verdict row's bounds: the digits that put each on its side */
    num_format_pct_beside(op->asr, ex->scenario.policy.asr.max, asr, sizeof asr);
    num_format_pct_beside(op->orr, ex->scenario.policy.orr.max, orr, sizeof orr);
    if (op->is_mix) {
        snprintf(a, sizeof a, "ASR %s", asr);
        snprintf(o, sizeof o, "ORR %s:", orr);
        snprintf(t, sizeof t, "%s %s a mix, not a measurement", glued(a), glued(o));
    } else {
        const point_t *p = &ex->set.items[op->a];
        sb_t ca = SB_INIT, co = SB_INIT;
        point_counts_cell(&ca, p, true);
        point_counts_cell(&co, p, false);
        bool unknown = strcmp(sb_str(&ca), "n unknown") == 0 && strcmp(sb_str(&co), "n unknown") == 0;
        snprintf(a, sizeof a, unknown ? "ASR %s" : "ASR %s (%s)", asr, sb_str(&ca));
        snprintf(o, sizeof o, unknown ? "ORR %s" : "ORR %s (%s)", orr, sb_str(&co));
        snprintf(t, sizeof t, "%s %s%s", glued(a), glued(o), unknown ? " (n\x1funknown)" : "");
        sb_free(&ca);
        sb_free(&co);
    }
    pd_text(rows, 10, ROLE_VALUE, t);
    long c = op->is_mix ? -1 : curves_of_point(&ex->curves, op->a);
    if (c >= 0) {
        char i1[48], i2[48], k[48];
        const curve_whole_t *w = &ex->curves.items[c];
        snprintf(t, sizeof t, "exact threshold %s, step\x1f%s\x1fof\x1f%s", num_format_json(ex->set.items[op->a].knob, k, sizeof k),
                 num_format_int((double)(w->step + 1), i1, sizeof i1), num_format_int((double)w->curve.len, i2, sizeof i2));
        pd_text(rows, 6, ROLE_NOTE, t);
    }
}

static void baseline_rows(const explore_t *ex, const frontier_op_t *op, pd_rows_t *rows)
{
    char v[480], dr[64], dh[64], dc[64] = "";
    comparison_t c = explore_compare(ex, op);
    /* The baseline's name decorates: the list marks it and the sentence
     * names it, so it gives way before the rows that carry the decision
     * (the change, the break-even, the daily cost). */
    snprintf(v, sizeof v, "vs baseline %s %s", chart_baseline_glyph(ex->ascii), ex->baseline_name);
    pd_text(rows, 4, ROLE_BASELINE, v);
    rows->rows[rows->n - 1].one_row = true; /* a name: the sentence says it whole */
    /* Across groups the panel says first that it compares different
     * measurements, and names both on one row: the sentence under the
     * panel names them whole, and the decision's rows keep their room. */
    if (!c.comparable) {
        snprintf(v, sizeof v, "%s: %s vs %s", c.groups_known ? "different sets" : "different groups", c.group_a,
                 c.group_b);
        pd_text(rows, 10, ROLE_BAD, v);
        rows->rows[rows->n - 1].one_row = true;
    }
    if (model_costs_set(&ex->scenario) && isfinite(c.d_cost)) {
        char m[NUM_BUF];
        snprintf(dc, sizeof dc, ", cost\x1f%s", num_format_change(c.d_cost, num_format_money, m, sizeof m));
    }
    /* each change glued to what it counts: wrapped, never split from it
     * ("no change in harmful" is one unit too) */
    sb_t r = SB_INIT, h = SB_INIT;
    model_change_compact(&r, c.d_refusals, "refusals");
    model_change_compact(&h, c.d_harmful, "harmful");
    char rs[96], hs[96];
    snprintf(rs, sizeof rs, "%s", sb_str(&r));
    snprintf(hs, sizeof hs, "%s", sb_str(&h));
    snprintf(v, sizeof v, "change: %s, %s%s", glued(rs), glued(hs), dc);
    sb_free(&r);
    sb_free(&h);
    pd_text(rows, 9, ROLE_VALUE, v);
    if (isfinite(c.break_even) && c.break_even_undetermined)
        snprintf(v, sizeof v, "break-even: undetermined (%s on the estimates)",
                 num_format_count(c.break_even, dr, sizeof dr));
    else if (isfinite(c.break_even) && c.break_even_ci.known)
        snprintf(v, sizeof v, "break-even: %s refusals per harmful (%.0f%%: %s-%s)",
                 num_format_count(c.break_even, dr, sizeof dr), c.confidence * 100,
                 num_format_count(c.break_even_ci.lo, dh, sizeof dh), num_format_count(c.break_even_ci.hi, dc, sizeof dc));
    else if (isfinite(c.break_even))
        snprintf(v, sizeof v, "break-even: 1 harmful = %s refusals", num_format_count(c.break_even, dr, sizeof dr));
    else
        snprintf(v, sizeof v, "no break-even: %s",
                 c.kind == CMP_SAME ? "nothing changes" : c.kind == CMP_UNKNOWN ? "a rate is missing"
                                                                                : "one side is at least as good on both");
    pd_text(rows, 9, ROLE_VALUE, v);
    /* How the intervals were made (paired prompt by prompt, or why not):
     * a low priority, left out before a number on a short panel. */
    if (c.pairing.paired || c.pairing.why[0]) {
        sb_t pairing = SB_INIT;
        if (c.pairing.paired)
            pairing_phrase(&pairing, &c.pairing, false);
        else
            sb_printf(&pairing, "not paired: %s", c.pairing.why);
        pd_text(rows, 3, ROLE_NOTE, sb_str(&pairing));
        sb_free(&pairing);
    }
}

/* The policy's verdict, naming the bound that fails (or the rate not
 * measured). */
static void verdict_row(const explore_t *ex, double asr, double orr, pd_rows_t *rows)
{
    verdict_t vd = policy_check(&ex->scenario.policy, asr, orr);
    sb_t vs = SB_INIT;
    sb_printf(&vs, "%s: ", ex->scenario.policy.key);
    verdict_describe(&vs, &ex->scenario.policy, vd, asr, orr);
    pd_text(rows, 10, verdict_pass(vd) ? ROLE_GOOD : ROLE_BAD, sb_str(&vs));
    sb_free(&vs);
}

/* A daily count of one side of `op` (a measured point) as a row: the
 * count with its interval where its rate is measured, else "unknown" and
 * why. */
static void one_side_row(const explore_t *ex, const frontier_op_t *op, bool harmful, double value, pd_rows_t *rows)
{
    char main[96], detail[160];
    const char *label = harmful ? "Harmful outputs/day" : "Unnecessary refusals/day";
    const char *short_label = harmful ? "Harmful/day" : "Refusals/day";
    if (isnan(harmful ? op->asr : op->orr))
        pd_value(rows, 10, ROLE_NOTE, label, short_label, "unknown", harmful ? "ASR not measured" : "ORR not measured");
    else {
        count_with_interval(ex, op, harmful, value, main, detail, sizeof main);
        pd_value(rows, 10, ROLE_VALUE, label, short_label, main, detail);
    }
}

/* No operating point (no point has both rates): the selected point's
 * measured side is projected, and the panel says plainly which rate was
 * not measured and so which daily count is unknown. False when neither
 * of its rates is known. */
static bool project_one_side(const explore_t *ex, pd_rows_t *rows)
{
    long i = explore_selected(ex);
    if (i < 0)
        return false;
    const point_t *p = &ex->set.items[i];
    bool asr = !isnan(p->asr), orr = !isnan(p->orr);
    if (!asr && !orr)
        return false;
    frontier_op_t op = frontier_op_point(&ex->set, (size_t)i);
    char rate[32], t[480];
    sb_t c = SB_INIT;
    point_counts_cell(&c, p, asr);
    num_format_pct_beside(asr ? p->asr : p->orr, asr ? ex->scenario.policy.asr.max : ex->scenario.policy.orr.max, rate,
                          sizeof rate);
    snprintf(t, sizeof t, "%s %s (%s); %s not measured", asr ? "ASR" : "ORR", rate, sb_str(&c), asr ? "ORR" : "ASR");
    sb_free(&c);
    pd_text(rows, 10, ROLE_VALUE, t);
    projection_t pr = model_project_rates(&ex->scenario, p->asr, p->orr);
    one_side_row(ex, &op, false, pr.refusals, rows);
    one_side_row(ex, &op, true, pr.harmful, rows);
    snprintf(t, sizeof t, asr ? "ORR was not measured, so unnecessary refusals a day are unknown "
                                "(and with them the daily cost and the trade-off)."
                              : "ASR was not measured, so harmful outputs a day are unknown "
                                "(and with them the daily cost and the trade-off).");
    pd_text(rows, 9, ROLE_NOTE, t);
    verdict_row(ex, p->asr, p->orr, rows);
    return true;
}

void explore_draw_projection(const explore_t *ex, uigrid_t *g, rect_t r)
{
    frontier_op_t op = explore_current(ex);
    char name[200], title[240], main[96], detail[160];
    explore_op_name(ex, &op, name, sizeof name);
    if (!op.valid && explore_selected(ex) >= 0) /* the point projected on one side */
        explore_point_name(ex, (size_t)explore_selected(ex), name, sizeof name);
    snprintf(title, sizeof title, "Per day at %s", name);
    /* a mix's name holds its shares: where it does not fit, the panel's
     * first row names it, never a cut share */
    if (op.is_mix && text_width(title) > r.w - 4)
        snprintf(title, sizeof title, "Per day at the mix");
    draw_heading(g, r, title, ex->ascii);
    rect_t in = {r.x + 1, r.y + 1, r.w - 2, r.h - 1};
    pd_rows_t rows = {.n = 0};
    if (!op.valid) {
        if (!project_one_side(ex, &rows))
            pd_text(&rows, 9, ROLE_NOTE, "No point has both ASR and ORR measured, and this one neither: "
                                         "nothing to project.");
        pd_draw(&rows, g, in);
        return;
    }
    if (op.is_mix) {
        sb_t d = SB_INIT;
        frontier_op_describe(&d, &ex->set, &op);
        pd_text(&rows, 6, ROLE_NOTE, sb_str(&d));
        sb_free(&d);
    }
    rates_row(ex, &op, &rows);
    projection_t p = model_project_rates(&ex->scenario, op.asr, op.orr);
    count_with_interval(ex, &op, false, p.refusals, main, detail, sizeof main);
    pd_value(&rows, 10, ROLE_VALUE, "Unnecessary refusals/day", "Refusals/day", main, detail);
    count_with_interval(ex, &op, true, p.harmful, main, detail, sizeof main);
    pd_value(&rows, 10, ROLE_VALUE, "Harmful outputs/day", "Harmful/day", main, detail);
    char ry[48], hy[48], v[200];
    num_format_short(p.refusals * MODEL_DAYS_PER_YEAR, ry, sizeof ry);
    num_format_short(p.harmful * MODEL_DAYS_PER_YEAR, hy, sizeof hy);
    snprintf(v, sizeof v, "%s refusals, %s harmful", ry, hy);
    pd_value(&rows, 3, ROLE_VALUE, "Per year", NULL, v, NULL);
    /* Costs set, the daily cost is what o optimises and the meeting asks
     * for: it outlasts everything but the rates, the counts and the verdict. */
    if (model_costs_set(&ex->scenario))
        pd_value(&rows, 9, ROLE_VALUE, "Daily cost", NULL, num_format_money(p.cost, v, sizeof v), NULL);
    else
        pd_value(&rows, 2, ROLE_NOTE, "Daily cost", NULL, "set costs to see it", NULL);

    verdict_row(ex, op.asr, op.orr, &rows);
    if (!ex->has_baseline)
        pd_text(&rows, 1, ROLE_NOTE, "No baseline yet: b pins this point.");
    else
        baseline_rows(ex, &op, &rows);
    pd_draw(&rows, g, in);
}
