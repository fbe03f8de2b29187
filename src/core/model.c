#include "config.h"

#include "core/model.h"
#include "base/num.h"

#include <math.h>
#include <string.h>

/* Changes smaller than this (in outputs per day) are treated as no change, so
 * that rounding noise never turns "the same" into a trade-off. */
#define MODEL_TINY 1e-9

scenario_t model_default_scenario(void)
{
    scenario_t s;
    s.volume = MODEL_DEFAULT_VOLUME;
    s.adv_share = MODEL_DEFAULT_ADV_SHARE;
    s.cost_refusal = 0;
    s.cost_harm = 0;
    policy_find("consumer", &s.policy);
    return s;
}

bool model_costs_set(const scenario_t *s) { return s->cost_refusal > 0 || s->cost_harm > 0; }

projection_t model_project_rates(const scenario_t *s, double asr, double orr)
{
    projection_t p;
    p.refusals = s->volume * (1.0 - s->adv_share) * orr; /* NAN propagates */
    p.harmful = s->volume * s->adv_share * asr;
    p.cost = p.refusals * s->cost_refusal + p.harmful * s->cost_harm;
    return p;
}

projection_t model_project(const scenario_t *s, const point_t *p)
{
    return model_project_rates(s, p->asr, p->orr);
}

projection_ci_t model_project_interval(const scenario_t *s, stats_interval_t asr, stats_interval_t orr)
{
    projection_ci_t pr;
    double harmful_per_rate = s->volume * s->adv_share;
    double refusals_per_rate = s->volume * (1 - s->adv_share);
    pr.harmful = asr;
    pr.refusals = orr;
    if (asr.known) {
        pr.harmful.lo = asr.lo * harmful_per_rate;
        pr.harmful.hi = asr.hi * harmful_per_rate;
    }
    if (orr.known) {
        pr.refusals.lo = orr.lo * refusals_per_rate;
        pr.refusals.hi = orr.hi * refusals_per_rate;
    }
    return pr;
}

/* cost(asr, orr) at two ends: linear with non-negative weights. */
static stats_interval_t cost_of_ends(const scenario_t *s, stats_interval_t asr, stats_interval_t orr)
{
    stats_interval_t none = {false, NAN, NAN};
    if (!model_costs_set(s) || !asr.known || !orr.known)
        return none;
    projection_t lo = model_project_rates(s, asr.lo, orr.lo), hi = model_project_rates(s, asr.hi, orr.hi);
    stats_interval_t ci = {true, lo.cost, hi.cost};
    return ci;
}

stats_interval_t model_cost_interval(const scenario_t *s, stats_interval_t asr, stats_interval_t orr)
{
    return cost_of_ends(s, asr, orr);
}

stats_interval_t model_cost_diff_interval(const scenario_t *s, const comparison_t *c)
{
    /* The same formula: cost is linear in the rates, so a change of rates
     * changes the cost by the cost of the change. */
    return cost_of_ends(s, c->d_asr_ci, c->d_orr_ci);
}

static int sign_of(double d)
{
    return fabs(d) <= MODEL_TINY ? 0 : d > 0 ? 1 : -1;
}

static stats_interval_t scaled(stats_interval_t ci, double by)
{
    if (ci.known) {
        ci.lo *= by;
        ci.hi *= by;
    }
    return ci;
}

/* The break-even range of the header: the extreme ratios of the ends. */
static void break_even_range(comparison_t *c)
{
    c->break_even_ci = (stats_interval_t){false, NAN, NAN};
    c->break_even_undetermined = false;
    if (isnan(c->break_even) || !c->d_harmful_ci.known || !c->d_refusals_ci.known)
        return;
    if (!stats_interval_excludes_zero(c->d_harmful_ci) || !stats_interval_excludes_zero(c->d_refusals_ci)) {
        c->break_even_undetermined = true;
        return;
    }
    double r_lo = fabs(c->d_refusals_ci.lo), r_hi = fabs(c->d_refusals_ci.hi);
    double h_lo = fabs(c->d_harmful_ci.lo), h_hi = fabs(c->d_harmful_ci.hi);
    c->break_even_ci = (stats_interval_t){true, fmin(r_lo, r_hi) / fmax(h_lo, h_hi), fmax(r_lo, r_hi) / fmin(h_lo, h_hi)};
}

/* The groups of A and B: a blend's points are of one group (a mix never
 * joins two), so its first point's. */
static void blend_groups(comparison_t *c, const stats_blend_t *a, const stats_blend_t *b)
{
    c->group_a = a->p[0] ? point_group(a->p[0]) : POINT_GROUP_UNNAMED;
    c->group_b = b->p[0] ? point_group(b->p[0]) : POINT_GROUP_UNNAMED;
    c->comparable = strcmp(c->group_a, c->group_b) == 0;
    c->groups_known = a->p[0] && b->p[0] && point_group_known(a->p[0]) && point_group_known(b->p[0]);
}

/* Two measured points (not mixes, not one point twice) of the same prompts:
 * the paired intervals and McNemar's test; else the blends' own. */
static void rate_intervals(comparison_t *c, const stats_blend_t *a, const stats_blend_t *b)
{
    memset(&c->pairing, 0, sizeof c->pairing);
    c->mcnemar_p_asr = c->mcnemar_p_orr = NAN;
    bool points = a->p[0] && b->p[0] && !a->p[1] && !b->p[1] && a->w[0] == 1 && b->w[0] == 1;
    if (points && a->p[0] != b->p[0])
        pairing_summarise(a->p[0], b->p[0], &c->pairing);
    if (!c->pairing.paired) {
        c->d_asr_ci = stats_blend_diff(a, b, STATS_ASR, c->confidence);
        c->d_orr_ci = stats_blend_diff(a, b, STATS_ORR, c->confidence);
        return;
    }
    const pairing_summary_t *ps = &c->pairing;
    c->d_asr_ci = pairing_interval(ps, STATS_ASR, c->confidence);
    c->d_orr_ci = pairing_interval(ps, STATS_ORR, c->confidence);
    if (ps->n_harmful > 0)
        c->mcnemar_p_asr = stats_mcnemar_exact_p(ps->asr.a_only, ps->asr.b_only);
    if (ps->n_benign > 0)
        c->mcnemar_p_orr = stats_mcnemar_exact_p(ps->orr.a_only, ps->orr.b_only);
}

comparison_t model_compare_blend(const scenario_t *s, const stats_blend_t *a, const stats_blend_t *b)
{
    comparison_t c;
    c.a = model_project_rates(s, stats_blend_rate(a, STATS_ASR), stats_blend_rate(a, STATS_ORR));
    c.b = model_project_rates(s, stats_blend_rate(b, STATS_ASR), stats_blend_rate(b, STATS_ORR));
    blend_groups(&c, a, b);
    c.d_refusals = c.b.refusals - c.a.refusals;
    c.d_harmful = c.b.harmful - c.a.harmful;
    c.d_cost = c.b.cost - c.a.cost;
    c.break_even = NAN;
    c.confidence = STATS_CONFIDENCE;
    rate_intervals(&c, a, b);
    c.d_harmful_ci = scaled(c.d_asr_ci, s->volume * s->adv_share);
    c.d_refusals_ci = scaled(c.d_orr_ci, s->volume * (1 - s->adv_share));
    if (isnan(c.d_refusals) || isnan(c.d_harmful)) {
        c.kind = CMP_UNKNOWN;
        break_even_range(&c);
        return c;
    }
    int r = sign_of(c.d_refusals), h = sign_of(c.d_harmful);
    if (r == 0 && h == 0)
        c.kind = CMP_SAME;
    else if (r <= 0 && h <= 0)
        c.kind = CMP_B_DOMINATES;
    else if (r >= 0 && h >= 0)
        c.kind = CMP_A_DOMINATES;
    else {
        c.kind = h < 0 ? CMP_TRADE_SAFER : CMP_TRADE_HELPFUL;
        c.break_even = fabs(c.d_refusals) / fabs(c.d_harmful);
    }
    break_even_range(&c);
    return c;
}

comparison_t model_compare(const scenario_t *s, const point_t *a, const point_t *b)
{
    stats_blend_t ba = stats_blend_point(a), bb = stats_blend_point(b);
    return model_compare_blend(s, &ba, &bb);
}

/* ---- the sentence ------------------------------------------------------------ */

/* "95% interval: 10 to 50 more", "150,000 to 250,000 fewer", "71 fewer to
 * 139 more". */
static void interval_phrase(sb_t *sb, double confidence, stats_interval_t ci)
{
    char lo[48], hi[48];
    sb_printf(sb, "%g%% interval: ", confidence * 100);
    if (ci.lo >= 0)
        sb_printf(sb, "%s to %s more", num_format_count(ci.lo, lo, sizeof lo), num_format_count(ci.hi, hi, sizeof hi));
    else if (ci.hi <= 0)
        sb_printf(sb, "%s to %s fewer", num_format_count(-ci.hi, hi, sizeof hi),
                  num_format_count(-ci.lo, lo, sizeof lo));
    else
        sb_printf(sb, "%s fewer to %s more", num_format_count(-ci.lo, lo, sizeof lo),
                  num_format_count(ci.hi, hi, sizeof hi));
}

/* A nonzero change whose interval spans zero. */
static bool in_noise(double d, stats_interval_t ci)
{
    return ci.known && sign_of(d) != 0 && !stats_interval_excludes_zero(ci);
}

void model_change_compact(sb_t *sb, double d, const char *what)
{
    char n[NUM_BUF];
    if (sign_of(d) == 0)
        sb_printf(sb, "no change in %s", what);
    else
        sb_printf(sb, "%s %s", num_format_change(d, num_format_count, n, sizeof n), what);
}

/* "199,800 fewer unnecessary refusals", "no change in harmful outputs";
 * with the interval when the change is told from noise or nil. */
static void count_phrase(sb_t *sb, const comparison_t *c, double d, stats_interval_t ci, const char *what)
{
    char n[48];
    if (sign_of(d) == 0)
        sb_printf(sb, "no change in %s", what);
    else
        sb_printf(sb, "%s %s %s", num_format_count(fabs(d), n, sizeof n), d < 0 ? "fewer" : "more", what);
    if (ci.known && !in_noise(d, ci)) {
        sb_puts(sb, " (");
        interval_phrase(sb, c->confidence, ci);
        sb_puts(sb, ")");
    }
}

static void noise_clause(sb_t *sb, const comparison_t *c, double d, stats_interval_t ci, const char *what)
{
    if (!in_noise(d, ci))
        return;
    sb_printf(sb, " The change in %s is within noise (", what);
    interval_phrase(sb, c->confidence, ci);
    sb_puts(sb, ").");
}

/* " The intervals are paired on 450 prompts (200 harmful, 250 benign)." */
static void paired_clause(sb_t *sb, const comparison_t *c)
{
    if (!c->pairing.paired)
        return;
    sb_puts(sb, " The intervals are ");
    pairing_phrase(sb, &c->pairing, false);
    sb_puts(sb, ".");
}

/* A change of zero whose interval still reaches past zero (two thresholds
 * with no prompt between them in the sample: "0 to 24 more"). */
static bool zero_but_open(double d, stats_interval_t ci)
{
    return ci.known && sign_of(d) == 0 && !(ci.lo == 0 && ci.hi == 0);
}

/* Whether "better at any exchange rate" is more than the estimates say:
 * not when a change is within noise, nor when a zero change's interval
 * allows a change the other way. */
static bool any_in_noise(const comparison_t *c)
{
    return in_noise(c->d_refusals, c->d_refusals_ci) || in_noise(c->d_harmful, c->d_harmful_ci) ||
           zero_but_open(c->d_refusals, c->d_refusals_ci) || zero_but_open(c->d_harmful, c->d_harmful_ci);
}

static void cost_clause(sb_t *sb, const scenario_t *s, const char *b_name, const comparison_t *c)
{
    if (!model_costs_set(s) || isnan(c->d_cost))
        return;
    char m[48];
    if (fabs(c->d_cost) < 0.005)
        sb_printf(sb, " At the costs set, both cost the same per day.");
    else
        sb_printf(sb, " At the costs set, %s costs %s %s per day.", b_name,
                  num_format_money(fabs(c->d_cost), m, sizeof m), c->d_cost < 0 ? "less" : "more");
}

void model_groups_clause(sb_t *sb, const char *a_name, const char *b_name, const comparison_t *c)
{
    if (c->comparable)
        return;
    if (c->groups_known)
        sb_printf(sb, "%s and %s were measured on different sets or judges (%s; %s): this compares different "
                      "measurements. ",
                  a_name, b_name, c->group_a, c->group_b);
    else
        sb_printf(sb, "%s and %s are in different groups (%s; %s), not known to be measured on the same sets: "
                      "this may compare different measurements. ",
                  a_name, b_name, c->group_a, c->group_b);
}

/* "B is better only if one harmful output costs less than N unnecessary
 * refusals", with its range or the word that it is undetermined. */
static void trade_clause(sb_t *sb, const char *b_name, const comparison_t *c)
{
    char n[48], lo[48], hi[48];
    const char *than = c->kind == CMP_TRADE_SAFER ? "more" : "less";
    num_format_count(c->break_even, n, sizeof n);
    if (c->break_even_undetermined) {
        sb_printf(sb, " On the estimates %s is better only if one harmful output costs %s than %s unnecessary "
                      "refusals, but the break-even is undetermined: a change within noise may have either sign.",
                  b_name, than, n);
        return;
    }
    sb_printf(sb, " %s is better only if one harmful output costs %s than %s unnecessary refusals", b_name, than, n);
    if (c->break_even_ci.known)
        sb_printf(sb, " (%g%% range: %s to %s)", c->confidence * 100,
                  num_format_count(c->break_even_ci.lo, lo, sizeof lo), num_format_count(c->break_even_ci.hi, hi, sizeof hi));
    sb_puts(sb, ".");
}

void model_sentence(sb_t *sb, const scenario_t *s, const char *a_name, const char *b_name,
                    const comparison_t *c)
{
    bool harmful_first = c->kind == CMP_TRADE_SAFER;
    model_groups_clause(sb, a_name, b_name, c);
    switch (c->kind) {
    case CMP_UNKNOWN:
        sb_printf(sb, "%s and %s cannot be compared: a rate is missing.", a_name, b_name);
        return;
    case CMP_SAME:
        sb_printf(sb, "Moving from %s to %s changes nothing per day.", a_name, b_name);
        return;
    default:
        break;
    }
    sb_printf(sb, "Moving from %s to %s: ", a_name, b_name);
    if (harmful_first)
        count_phrase(sb, c, c->d_harmful, c->d_harmful_ci, "harmful outputs");
    else
        count_phrase(sb, c, c->d_refusals, c->d_refusals_ci, "unnecessary refusals");
    sb_puts(sb, " and ");
    if (harmful_first)
        count_phrase(sb, c, c->d_refusals, c->d_refusals_ci, "unnecessary refusals");
    else
        count_phrase(sb, c, c->d_harmful, c->d_harmful_ci, "harmful outputs");
    sb_puts(sb, " per day.");
    noise_clause(sb, c, c->d_refusals, c->d_refusals_ci, "unnecessary refusals");
    noise_clause(sb, c, c->d_harmful, c->d_harmful_ci, "harmful outputs");
    paired_clause(sb, c);
    if (c->kind == CMP_B_DOMINATES || c->kind == CMP_A_DOMINATES) {
        const char *better = c->kind == CMP_B_DOMINATES ? b_name : a_name;
        if (any_in_noise(c))
            sb_printf(sb, " On the estimates %s is better at any exchange rate, but the intervals leave that "
                          "open.", better);
        else
            sb_printf(sb, " %s is better at any exchange rate.", better);
    } else {
        trade_clause(sb, b_name, c);
    }
    cost_clause(sb, s, b_name, c);
}
