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

static int sign_of(double d)
{
    return fabs(d) <= MODEL_TINY ? 0 : d > 0 ? 1 : -1;
}

comparison_t model_compare(const scenario_t *s, const point_t *a, const point_t *b)
{
    comparison_t c;
    c.a = model_project(s, a);
    c.b = model_project(s, b);
    c.group_a = point_group(a);
    c.group_b = point_group(b);
    c.comparable = strcmp(c.group_a, c.group_b) == 0;
    c.groups_known = point_group_known(a) && point_group_known(b);
    c.d_refusals = c.b.refusals - c.a.refusals;
    c.d_harmful = c.b.harmful - c.a.harmful;
    c.d_cost = c.b.cost - c.a.cost;
    c.break_even = NAN;
    if (isnan(c.d_refusals) || isnan(c.d_harmful)) {
        c.kind = CMP_UNKNOWN;
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
    return c;
}

static void count_phrase(sb_t *sb, double d, const char *what)
{
    char n[48];
    sb_printf(sb, "%s %s %s", num_format_count(fabs(d), n, sizeof n), d < 0 ? "fewer" : "more", what);
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

void model_sentence(sb_t *sb, const scenario_t *s, const char *a_name, const char *b_name,
                    const comparison_t *c)
{
    char n[48];
    model_groups_clause(sb, a_name, b_name, c);
    switch (c->kind) {
    case CMP_UNKNOWN:
        sb_printf(sb, "%s and %s cannot be compared: a rate is missing.", a_name, b_name);
        return;
    case CMP_SAME:
        sb_printf(sb, "Moving from %s to %s changes nothing per day.", a_name, b_name);
        return;
    case CMP_B_DOMINATES:
    case CMP_A_DOMINATES:
        sb_printf(sb, "Moving from %s to %s: ", a_name, b_name);
        count_phrase(sb, c->d_refusals, "unnecessary refusals");
        sb_puts(sb, " and ");
        count_phrase(sb, c->d_harmful, "harmful outputs");
        sb_printf(sb, " per day. %s is better at any exchange rate.",
                  c->kind == CMP_B_DOMINATES ? b_name : a_name);
        break;
    case CMP_TRADE_HELPFUL:
        sb_printf(sb, "Moving from %s to %s: ", a_name, b_name);
        count_phrase(sb, c->d_refusals, "unnecessary refusals");
        sb_puts(sb, " and ");
        count_phrase(sb, c->d_harmful, "harmful outputs");
        sb_printf(sb, " per day. %s is better only if one harmful output costs less than %s unnecessary refusals.",
                  b_name, num_format_count(c->break_even, n, sizeof n));
        break;
    case CMP_TRADE_SAFER:
        sb_printf(sb, "Moving from %s to %s: ", a_name, b_name);
        count_phrase(sb, c->d_harmful, "harmful outputs");
        sb_puts(sb, " and ");
        count_phrase(sb, c->d_refusals, "unnecessary refusals");
        sb_printf(sb, " per day. %s is better only if one harmful output costs more than %s unnecessary refusals.",
                  b_name, num_format_count(c->break_even, n, sizeof n));
        break;
    }
    cost_clause(sb, s, b_name, c);
}
