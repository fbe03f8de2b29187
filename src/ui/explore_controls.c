/* explore_controls: the explorer's controls (threshold, volume, shares,
 * costs, policy and its bounds): their slider steps, where each sits on its
 * slider, and values typed into them. explore.c owns the model they move;
 * the names shared with it are declared in explore.h. */
#include "config.h"

#include "base/num.h"
#include "base/text.h"
#include "ui/explore.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Slider steps. Volumes, shares, costs and bounds move through the
 * 1-2-5 series (1k, 2k, 5k, 10k...), which reads well and spans decades in
 * few keys; a coarse step is a factor of ten. */

typedef struct {
    double lo, hi;       /* the slider's range */
    bool zero;           /* 0 sits below lo */
    bool infinite;       /* "none" (INFINITY) sits above hi */
} range_t;

static const range_t VOLUME_RANGE = {NUM_MIN_VOLUME, 1e10, false, false};
static const range_t SHARE_RANGE = {1e-5, 1.0, true, false};
static const range_t COST_RANGE = {0.01, 1e7, true, false};
static const range_t BOUND_RANGE = {1e-4, 1.0, false, true};

/* The next 1-2-5 value above (dir > 0) or below x. */
static double step125(double x, int dir)
{
    double e = floor(log10(x));
    static const double m[] = {1, 2, 5};
    if (dir > 0) {
        for (double d = e - 1; d <= e + 1; d++)
            for (int i = 0; i < 3; i++) {
                double v = m[i] * pow(10, d);
                if (v > x * (1 + 1e-9))
                    return v;
            }
    } else {
        for (double d = e + 1; d >= e - 1; d--)
            for (int i = 2; i >= 0; i--) {
                double v = m[i] * pow(10, d);
                if (v < x * (1 - 1e-9))
                    return v;
            }
    }
    return x;
}

static double step_value(double x, int dir, bool coarse, range_t r)
{
    if (dir > 0) {
        if (r.infinite && !isfinite(x))
            return x;
        if (r.zero && x <= 0)
            return r.lo;
        double v = coarse ? x * 10 : step125(x, 1);
        if (x < r.hi * (1 - 1e-9) && v > r.hi)
            v = r.hi;
        else if (v > r.hi * (1 + 1e-9))
            v = r.infinite ? INFINITY : r.hi;
        return v;
    }
    if (r.infinite && !isfinite(x))
        return r.hi;
    double v = coarse ? x / 10 : step125(x, -1);
    if (v < r.lo * (1 - 1e-9))
        v = x > r.lo * (1 + 1e-9) ? r.lo : r.zero ? 0 : r.lo;
    return v;
}

/* Where x sits on the slider, 0..1 (logarithmic). */
static double slider_fraction(double x, range_t r)
{
    if (!isfinite(x))
        return 1;
    if (x <= r.lo)
        return 0;
    if (x >= r.hi)
        return 1;
    return (log10(x) - log10(r.lo)) / (log10(r.hi) - log10(r.lo));
}

double explore_control_fraction(const explore_t *ex, explore_control_t c)
{
    const scenario_t *s = &ex->scenario;
    switch (c) {
    case EX_CTL_THRESHOLD: {
        size_t len = explore_series_len(ex, ex->place.series);
        return len < 2 ? 1 : ex->place.pos / (double)(len - 1);
    }
    case EX_CTL_VOLUME:
        return slider_fraction(s->volume, VOLUME_RANGE);
    case EX_CTL_ADV_SHARE:
        return slider_fraction(s->adv_share, SHARE_RANGE);
    case EX_CTL_COST_REFUSAL:
        return slider_fraction(s->cost_refusal, COST_RANGE);
    case EX_CTL_COST_HARM:
        return slider_fraction(s->cost_harm, COST_RANGE);
    case EX_CTL_POLICY: {
        size_t n;
        const policy_t *p = policy_presets(&n);
        for (size_t i = 0; i < n; i++)
            if (strcmp(p[i].key, s->policy.key) == 0)
                return n > 1 ? (double)i / (double)(n - 1) : 1;
        return 1;
    }
    case EX_CTL_ASR_BOUND:
        return slider_fraction(s->policy.asr.max, BOUND_RANGE);
    case EX_CTL_ORR_BOUND:
        return slider_fraction(s->policy.orr.max, BOUND_RANGE);
    default:
        return 0;
    }
}

static void make_custom(scenario_t *s)
{
    snprintf(s->policy.key, sizeof s->policy.key, "custom");
    snprintf(s->policy.label, sizeof s->policy.label, "custom policy");
}

/* A coarse step along an exact curve moves this fraction of its thresholds
 * (rounded up), the same count on every press and from any position, so a
 * curve of a million steps is crossed in twenty keys, every stop is a
 * measured threshold and L then H comes back where it was. */
#define CURVE_COARSE_STOPS 20

size_t explore_curve_coarse_stride(size_t len)
{
    size_t span = len > 1 ? len - 1 : 0;
    size_t stride = (span + CURVE_COARSE_STOPS - 1) / CURVE_COARSE_STOPS;
    return stride > 0 ? stride : 1;
}

/* The next position along the series: a curve's next (coarse: a
 * twentieth further) threshold; the next point of the points without a
 * series; in a named series of rows a tenth of the way to the next point
 * (a mix), or (coarse) the next point. */
static double next_position(const explore_t *ex, int dir, bool coarse)
{
    const explore_series_t *se = &ex->series[ex->place.series];
    double pos = ex->place.pos;
    if (se->curve >= 0 && coarse)
        return round(pos) + dir * (double)explore_curve_coarse_stride(explore_series_len(ex, ex->place.series));
    if (se->curve >= 0 || se->unnamed || coarse)
        return dir > 0 ? floor(pos + 1e-9) + 1 : ceil(pos - 1e-9) - 1;
    return round((pos + 0.1 * dir) * 10) / 10;
}

static void step_threshold(explore_t *ex, int dir, bool coarse)
{
    if (ex->place.series >= ex->nseries) {
        explore_say(ex, true, "no series with measured ASR and ORR to move along");
        return;
    }
    double last = (double)(explore_series_len(ex, ex->place.series) - 1);
    double pos = next_position(ex, dir, coarse);
    if (pos < 0)
        pos = 0;
    if (pos > last)
        pos = last;
    const explore_series_t *se = &ex->series[ex->place.series];
    const char *name = se->unnamed ? "the points without a series" : se->name;
    if (pos == ex->place.pos && !ex->place.at_op && last == 0)
        explore_say(ex, false, "%s has one point%s%s: none to step to (> moves to another series)", name,
                    ex->groups.len > 1 ? " in group " : "", ex->groups.len > 1 ? ex->groups.items[se->group].name : "");
    else if (pos == ex->place.pos && !ex->place.at_op)
        explore_say(ex, false, "already at the %s %s of %s", dir > 0 ? "last" : "first",
                    se->curve >= 0 ? "threshold" : "point", name);
    explore_go(ex, (explore_place_t){ex->place.series, pos, false, {0}});
}

static void step_policy(explore_t *ex, int dir)
{
    size_t n, cur = 0;
    const policy_t *p = policy_presets(&n);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].key, ex->scenario.policy.key) == 0)
            cur = i, found = true;
    if (!found)
        cur = dir > 0 ? n - 1 : 0; /* from "custom", wrap to an end */
    cur = (cur + n + (size_t)(dir > 0 ? 1 : n - 1)) % n;
    ex->scenario.policy = p[cur];
}

void explore_adjust(explore_t *ex, int dir, bool coarse)
{
    scenario_t *s = &ex->scenario;
    switch (ex->focus) {
    case EX_CTL_THRESHOLD:
    case EX_CTL_LIST: /* the list focused: along the selected point's series */
        step_threshold(ex, dir, coarse);
        break;
    case EX_CTL_VOLUME:
        s->volume = step_value(s->volume, dir, coarse, VOLUME_RANGE);
        break;
    case EX_CTL_ADV_SHARE:
        s->adv_share = step_value(s->adv_share, dir, coarse, SHARE_RANGE);
        break;
    case EX_CTL_COST_REFUSAL:
        s->cost_refusal = step_value(s->cost_refusal, dir, coarse, COST_RANGE);
        break;
    case EX_CTL_COST_HARM:
        s->cost_harm = step_value(s->cost_harm, dir, coarse, COST_RANGE);
        break;
    case EX_CTL_POLICY:
        step_policy(ex, dir);
        break;
    case EX_CTL_ASR_BOUND:
        s->policy.asr.max = step_value(s->policy.asr.max, dir, coarse, BOUND_RANGE);
        make_custom(s);
        break;
    case EX_CTL_ORR_BOUND:
        s->policy.orr.max = step_value(s->policy.orr.max, dir, coarse, BOUND_RANGE);
        make_custom(s);
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------------
 * Typed values. */

static const char *const control_names[EX_NCONTROLS] = {
    "threshold", "daily queries", "adversarial share", "cost per refusal",
    "cost per harmful output", "policy", "ASR bound", "ORR bound", "point list",
};

const char *explore_control_name(explore_control_t c)
{
    return c < EX_NCONTROLS ? control_names[c] : "?";
}

/* A typed threshold on an exact curve: the measured step at or above it,
 * and the status line says which. */
static bool curve_threshold(explore_t *ex, const explore_series_t *se, double t, sb_t *why)
{
    const curve_t *c = &ex->curves.items[se->curve].curve;
    size_t step = curve_at_or_above(c, t);
    char a[40], b[40];
    if (step >= c->len) {
        sb_printf(why, "expected a threshold up to %s, the highest score measured in '%s'",
                  num_format_json(c->steps[c->len - 1].threshold, a, sizeof a), se->name);
        return false;
    }
    explore_go(ex, (explore_place_t){ex->place.series, (double)step, false, {0}});
    const point_t *p = &ex->set.items[se->members[0]];
    sb_t m = SB_INIT;
    num_format_json(c->steps[step].threshold, a, sizeof a);
    if (c->steps[step].threshold == t)
        sb_printf(&m, "threshold %s, measured: ", a);
    else
        sb_printf(&m, "threshold %s: the next measured threshold is %s: ", num_format_json(t, b, sizeof b), a);
    sb_puts(&m, "ORR ");
    point_counts_describe(&m, p, false, ex->ascii);
    sb_puts(&m, ", ASR ");
    point_counts_describe(&m, p, true, ex->ascii);
    sb_printf(&m, " (step %s of %s)", num_format_int((double)(step + 1), a, sizeof a),
              num_format_int((double)c->len, b, sizeof b));
    explore_say(ex, false, "%s", sb_str(&m));
    sb_free(&m);
    return true;
}

bool explore_set_threshold(explore_t *ex, const char *text, sb_t *why)
{
    if (ex->place.series >= ex->nseries) {
        sb_puts(why, "no series with measured ASR and ORR");
        return false;
    }
    const explore_series_t *se = &ex->series[ex->place.series];
    /* A point's exact name or "CURVE @ T" first, then a number along the
     * series, then what the text means as a name (a prefix, a part). */
    double knob;
    bool number = num_parse_decimal(text, &knob) == NULL;
    if (pointset_index(&ex->set, text) >= 0 || strstr(text, " @ ") || !number)
        return explore_select(ex, text, why);
    if (se->unnamed && se->curve < 0) {
        sb_printf(why, "the points without a series have no threshold: expected a point name");
        return false;
    }
    if (se->curve >= 0)
        return curve_threshold(ex, se, knob, why);
    const point_t *first = &ex->set.items[se->members[0]];
    frontier_op_t op = frontier_at_knob(&ex->set, se->unnamed ? NULL : first->series, first->group, knob);
    if (!op.valid) {
        double lo = ex->set.items[se->members[0]].knob, hi = ex->set.items[se->members[se->len - 1]].knob;
        char a[40], b[40];
        if (isfinite(lo) && isfinite(hi))
            sb_printf(why, "expected a %s from %s to %s (the measured range of '%s')",
                      ex->set.knob_name ? ex->set.knob_name : "threshold", num_format_json(lo, a, sizeof a),
                      num_format_json(hi, b, sizeof b), se->name);
        else
            sb_printf(why, "the series '%s' has no %s values; type a point name instead", se->name,
                      ex->set.knob_name ? ex->set.knob_name : "threshold");
        return false;
    }
    /* The op names its two neighbours: turn it back into a position. */
    for (size_t k = 0; k < se->len; k++) {
        if (se->members[k] == op.a) {
            double pos = (double)k;
            if (op.is_mix && k + 1 < se->len && se->members[k + 1] == op.b)
                pos += 1.0 - op.lambda;
            else if (op.is_mix && k > 0 && se->members[k - 1] == op.b)
                pos -= 1.0 - op.lambda;
            explore_go(ex, (explore_place_t){ex->place.series, pos, false, {0}});
            return true;
        }
    }
    sb_puts(why, "internal error: the knob's neighbours are not in the series");
    return false;
}

const char *explore_apply_value(explore_t *ex, const char *text, char *why, size_t n)
{
    scenario_t *s = &ex->scenario;
    const char *err = NULL;
    double v;
    switch (ex->focus) {
    case EX_CTL_THRESHOLD: {
        sb_t w = SB_INIT;
        if (!explore_set_threshold(ex, text, &w)) {
            snprintf(why, n, "%s", sb_str(&w));
            err = why;
        }
        sb_free(&w);
        return err;
    }
    case EX_CTL_VOLUME:
        if ((err = num_parse_count(text, &v)) == NULL)
            s->volume = v;
        return err;
    case EX_CTL_ADV_SHARE:
        if ((err = num_parse_percent(text, &v)) == NULL)
            s->adv_share = v;
        return err;
    case EX_CTL_COST_REFUSAL:
    case EX_CTL_COST_HARM:
        if ((err = num_parse_amount(text, &v)) == NULL)
            *(ex->focus == EX_CTL_COST_REFUSAL ? &s->cost_refusal : &s->cost_harm) = v;
        return err;
    case EX_CTL_POLICY:
        if (!policy_find(text, &s->policy)) {
            snprintf(why, n, "expected %s", policy_keys());
            return why;
        }
        return NULL;
    case EX_CTL_ASR_BOUND:
    case EX_CTL_ORR_BOUND: {
        bound_t b;
        if ((err = scenario_parse_bound(text, &b)) == NULL) {
            *(ex->focus == EX_CTL_ASR_BOUND ? &s->policy.asr : &s->policy.orr) = b;
            make_custom(s);
        }
        return err;
    }
    default:
        return "nothing to enter here";
    }
}

/* The value of the focused control as it would be typed. */
void explore_control_text(const explore_t *ex, explore_control_t c, char *buf, size_t n)
{
    const scenario_t *s = &ex->scenario;
    char num[64];
    sb_t b = SB_INIT;
    switch (c) {
    case EX_CTL_THRESHOLD: {
        frontier_op_t op = explore_current(ex);
        if (op.valid && !op.is_mix && curves_of_point(&ex->curves, op.a) >= 0)
            num_format_json(ex->set.items[op.a].knob, buf, n); /* a curve: its threshold */
        else if (op.valid && !op.is_mix)
            explore_point_name(ex, op.a, buf, n);
        else
            buf[0] = '\0';
        break;
    }
    case EX_CTL_VOLUME:
        snprintf(buf, n, "%s", num_format_int(s->volume, num, sizeof num));
        break;
    case EX_CTL_ADV_SHARE:
        snprintf(buf, n, "%s%%", num_format_json(s->adv_share * 100, num, sizeof num));
        break;
    case EX_CTL_COST_REFUSAL:
        snprintf(buf, n, "%s", num_format_json(s->cost_refusal, num, sizeof num));
        break;
    case EX_CTL_COST_HARM:
        snprintf(buf, n, "%s", num_format_json(s->cost_harm, num, sizeof num));
        break;
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

