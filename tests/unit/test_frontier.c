/* Unit tests of the frontier analytics: dominance, the lower-left hull,
 * mixes, thresholds between measured points and the cost-optimal point,
 * against values worked by hand (in the comments), and on the published
 * operating points. */
#include "config.h"

#include "core/analysis.h"
#include "unit.h"
#include "core/frontier.h"
#include "load/load.h"
#include "core/model.h"
#include "core/optimal.h"
#include "core/point.h"
#include "core/policy.h"
#include "core/stats.h"
#include "base/strbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ck_near(x, want) ck_assert_msg(fabs((x) - (double)(want)) <= 1e-9 + fabs((double)(want)) * 1e-9, \
                                       "%s = %.12g, want %.12g", #x, (double)(x), (double)(want))

/* Adds a point given in percent (ORR first, as on the chart's x axis). */
static size_t add(pointset_t *set, const char *name, double orr_pct, double asr_pct)
{
    point_t p = point_make(name);
    p.orr = orr_pct / 100;
    p.asr = asr_pct / 100;
    pointset_add(set, p);
    return set->len - 1;
}

static bool in_list(const size_t *list, size_t n, size_t i)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] == i)
            return true;
    return false;
}

START_TEST(test_single_point)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "only", 3, 1);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert(f.marks[0].pareto_optimal);
    ck_assert(f.marks[0].on_hull);
    ck_assert_uint_eq(f.npareto, 1);
    ck_assert_uint_eq(f.nhull, 1);
    /* Any ASR target at or above 1% is met by the point itself; below, nothing. */
    frontier_op_t op = frontier_at_asr(&f, &set, 0.05);
    ck_assert(op.valid && !op.is_mix && op.a == 0);
    ck_assert(!frontier_at_asr(&f, &set, 0.005).valid);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

START_TEST(test_empty_set)
{
    pointset_t set = POINTSET_INIT;
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert_uint_eq(f.npareto, 0);
    ck_assert_uint_eq(f.nhull, 0);
    ck_assert(!frontier_at_orr(&f, &set, 0.5).valid);
    frontier_free(&f);
}
END_TEST

/* A (1,1) beats B (2,2), C (1,3) on a vertical edge and D (3,1) on a
 * horizontal one. */
START_TEST(test_all_dominated_but_one)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "A", 1, 1);
    add(&set, "B", 2, 2);
    add(&set, "C", 1, 3);
    add(&set, "D", 3, 1);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert_uint_eq(f.npareto, 1);
    ck_assert_uint_eq(f.pareto[0], 0);
    ck_assert_uint_eq(f.nhull, 1);
    for (size_t i = 1; i < 4; i++) {
        ck_assert(!f.marks[i].pareto_optimal);
        ck_assert(!f.marks[i].on_hull);
        ck_assert_uint_eq(f.marks[i].ndominated_by, 1);
        ck_assert_uint_eq(f.marks[i].dominated_by[0], 0);
    }
    /* B is also dominated by nothing else: C and D are each worse on one side. */
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* Equal points: neither dominates the other; both are on the hull (in
 * hull_points, with their marks), whose geometry lists the first once. */
START_TEST(test_ties_and_duplicates)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "A", 2, 1);
    add(&set, "A-again", 2, 1);
    add(&set, "B", 4, 0.5);
    add(&set, "worse", 4, 1); /* ties B on ORR, A on ASR: dominated by all three */
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert(f.marks[0].pareto_optimal && f.marks[1].pareto_optimal);
    ck_assert_uint_eq(f.marks[0].ndominated_by, 0);
    ck_assert(f.marks[0].on_hull && f.marks[1].on_hull);
    ck_assert_uint_eq(f.nhull, 2);
    ck_assert_uint_eq(f.hull[0], 0);
    ck_assert_uint_eq(f.hull[1], 2);
    ck_assert_uint_eq(f.nhull_points, 3);
    ck_assert_uint_eq(f.hull_points[0], 0);
    ck_assert_uint_eq(f.hull_points[1], 1);
    ck_assert_uint_eq(f.hull_points[2], 2);
    ck_assert_uint_eq(f.marks[3].ndominated_by, 3);
    ck_assert(!f.marks[3].on_hull);
    /* Rates a rounding error apart tie as well. */
    ck_assert(!frontier_dominates(&set.items[0], &set.items[1]));
    set.items[1].asr += 1e-15;
    ck_assert(!frontier_dominates(&set.items[0], &set.items[1]));
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* B (1,3) sits below A (1,5) on a vertical edge; C (4,1) left of D (6,1)
 * on a horizontal one: the hull is B-C, and A, D are dominated. */
START_TEST(test_vertical_and_horizontal_edges)
{
    pointset_t set = POINTSET_INIT;
    size_t a = add(&set, "A", 1, 5);
    size_t b = add(&set, "B", 1, 3);
    size_t c = add(&set, "C", 4, 1);
    size_t d = add(&set, "D", 6, 1);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert_uint_eq(f.nhull, 2);
    ck_assert_uint_eq(f.hull[0], b);
    ck_assert_uint_eq(f.hull[1], c);
    ck_assert(!f.marks[a].on_hull && !f.marks[a].pareto_optimal);
    ck_assert(!f.marks[d].on_hull && !f.marks[d].pareto_optimal);
    /* ORR at most 10% is best met by C alone: D costs more ORR for nothing. */
    frontier_op_t op = frontier_at_orr(&f, &set, 0.10);
    ck_assert(op.valid && !op.is_mix && op.a == c);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* A (0,10), B (5,5), C (10,0) are collinear: all three are vertices. E (2,9)
 * is Pareto-optimal but above the line (which gives 8% at 2% ORR). */
START_TEST(test_collinear_and_above_the_hull)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "A", 0, 10);
    add(&set, "B", 5, 5);
    add(&set, "C", 10, 0);
    size_t e = add(&set, "E", 2, 9);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert_uint_eq(f.nhull, 3);
    ck_assert(f.marks[e].pareto_optimal);
    ck_assert(!f.marks[e].on_hull);
    ck_assert_uint_eq(f.npareto, 4);
    ck_assert_uint_eq(f.pareto[1], e); /* by ORR ascending: A, E, B, C */
    /* At E's ASR (9%): 0.8 A + 0.2 B, ORR 1% instead of 2%. */
    frontier_op_t op = frontier_at_asr(&f, &set, 0.09);
    ck_assert(op.valid && op.is_mix);
    ck_assert_uint_eq(op.a, 0);
    ck_assert_uint_eq(op.b, 1);
    ck_near(op.lambda, 0.8);
    ck_near(op.orr, 0.01);
    ck_near(op.asr, 0.09);
    /* A target at a collinear vertex is that measurement, not a mix. */
    op = frontier_at_asr(&f, &set, 0.05);
    ck_assert(op.valid && !op.is_mix && op.a == 1);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* 0% and 100% rates: (ORR 0, ASR 100) and (ORR 100, ASR 0); the mix that
 * reaches ASR 25% is 25/75 and costs ORR 75%. */
START_TEST(test_full_rates_and_mix)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "never-refuses", 0, 100);
    add(&set, "always-refuses", 100, 0);
    add(&set, "both-bad", 100, 100);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert_uint_eq(f.nhull, 2);
    ck_assert_uint_eq(f.marks[2].ndominated_by, 2);
    frontier_op_t op = frontier_at_asr(&f, &set, 0.25);
    ck_assert(op.is_mix);
    ck_near(op.lambda, 0.25);
    ck_near(op.orr, 0.75);
    op = frontier_at_orr(&f, &set, 0.75);
    ck_near(op.asr, 0.25);
    ck_assert(frontier_at_asr(&f, &set, 0.0).valid); /* always-refuses itself */
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

START_TEST(test_unknown_rates_take_no_part)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "A", 2, 2);
    size_t u = add(&set, "no-asr", 1, 1);
    set.items[u].asr = NAN;
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    ck_assert(!f.marks[u].pareto_optimal && !f.marks[u].on_hull);
    ck_assert_uint_eq(f.marks[u].ndominated_by, 0);
    ck_assert(f.marks[0].pareto_optimal && f.marks[0].on_hull);
    ck_assert_uint_eq(f.marks[0].ndominated_by, 0);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* Within a series the other series' points do not count. */
START_TEST(test_series_mask)
{
    pointset_t set = POINTSET_INIT;
    size_t a = add(&set, "a1", 5, 5);
    size_t b = add(&set, "b1", 1, 1);
    set.items[a].series = strdup("s");
    set.items[b].series = strdup("t");
    bool *mask = frontier_series_mask(&set, "s");
    ck_assert(mask[a] && !mask[b]);
    frontier_t f;
    frontier_compute(&f, &set, mask);
    ck_assert(f.marks[a].pareto_optimal && f.marks[a].on_hull);
    ck_assert(!f.marks[b].pareto_optimal); /* not included: marks stay false */
    frontier_free(&f);
    frontier_compute(&f, &set, NULL);
    ck_assert(!f.marks[a].pareto_optimal);
    frontier_free(&f);
    free(mask);
    pointset_free(&set);
}
END_TEST

/* Thresholds 0.5, 0.6, 0.7 measured; 0.64 is 60% through t=0.6 and 40%
 * through t=0.7: ASR 0.6*2 + 0.4*1 = 1.6%, ORR 0.6*4 + 0.4*6 = 4.8%. */
START_TEST(test_threshold_between_measured_points)
{
    pointset_t set = POINTSET_INIT;
    set.knob_name = strdup("t");
    const double t[] = {0.5, 0.6, 0.7}, orr[] = {2, 4, 6}, asr[] = {3, 2, 1};
    for (int i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "t%d", i);
        add(&set, name, orr[i], asr[i]);
        set.items[i].knob = t[i];
    }
    frontier_op_t op = frontier_at_knob(&set, NULL, NULL, 0.64);
    ck_assert(op.valid && op.is_mix);
    ck_assert_uint_eq(op.a, 1);
    ck_assert_uint_eq(op.b, 2);
    ck_near(op.lambda, 0.6);
    ck_near(op.asr, 0.016);
    ck_near(op.orr, 0.048);
    sb_t sb = SB_INIT;
    frontier_op_describe(&sb, &set, &op);
    ck_assert_str_eq(sb_str(&sb), "mix: route 60% of traffic through t=0.6 and 40% through t=0.7");
    sb_reset(&sb);
    op = frontier_at_knob(&set, NULL, NULL, 0.6);
    ck_assert(op.valid && !op.is_mix);
    frontier_op_describe(&sb, &set, &op);
    ck_assert_str_eq(sb_str(&sb), "measured point t=0.6");
    ck_assert(!frontier_at_knob(&set, NULL, NULL, 0.8).valid);
    ck_assert(!frontier_at_knob(&set, "other", NULL, 0.6).valid);
    sb_reset(&sb);
    op = frontier_op_mix(&set, 1, 2, 0.999997);
    frontier_op_describe(&sb, &set, &op);
    ck_assert_str_eq(sb_str(&sb), "mix: route 99.9997% of traffic through t=0.6 and 0.0003% through t=0.7");
    sb_free(&sb);
    pointset_free(&set);
}
END_TEST

/* A set of points p0..p(n-1) at random on a grid of `levels` values `step`
 * percent apart in each rate, from the generator `state`, and its frontier. */
static void random_set(pointset_t *set, frontier_t *f, size_t n, unsigned long long *state, int levels, double step)
{
    *set = (pointset_t)POINTSET_INIT;
    for (size_t i = 0; i < n; i++) {
        char name[24]; /* "p" and any size_t */
        snprintf(name, sizeof name, "p%zu", i);
        *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
        add(set, name, (double)((*state >> 33) % (unsigned)levels) * step,
            (double)((*state >> 45) % (unsigned)levels) * step);
    }
    frontier_compute(f, set, NULL);
}

/* The sorted algorithm against the definition, on sets drawn on a coarse
 * grid so that ties, duplicates, vertical and horizontal runs are common:
 * a point is Pareto-optimal exactly when no point dominates it; each listed
 * dominator dominates it and is Pareto-optimal, and all such are listed;
 * no point lies below a hull segment; the hull's points are its vertices
 * and their duplicates, and exactly those are marked on_hull. */
START_TEST(test_against_brute_force)
{
    unsigned long long state = 12345;
    for (int round = 0; round < 200; round++) {
        pointset_t set;
        frontier_t f;
        size_t n = 1 + (size_t)(round % 40);
        random_set(&set, &f, n, &state, 8, 1);
        for (size_t i = 0; i < n; i++) {
            size_t want = 0;
            for (size_t j = 0; j < n; j++)
                if (frontier_dominates(&set.items[j], &set.items[i]) && in_list(f.pareto, f.npareto, j))
                    want++;
            bool dominated = false;
            for (size_t j = 0; j < n; j++)
                dominated = dominated || frontier_dominates(&set.items[j], &set.items[i]);
            ck_assert_int_eq(f.marks[i].pareto_optimal, !dominated);
            ck_assert_uint_eq(f.marks[i].ndominated_by, want);
            for (size_t k = 0; k < f.marks[i].ndominated_by; k++)
                ck_assert(frontier_dominates(&set.items[f.marks[i].dominated_by[k]], &set.items[i]));
            /* one fact: a point is marked on the hull exactly when it is listed */
            ck_assert_int_eq(f.marks[i].on_hull, in_list(f.hull_points, f.nhull_points, i));
            for (size_t h = 0; h + 1 < f.nhull; h++) {
                const point_t *a = &set.items[f.hull[h]], *b = &set.items[f.hull[h + 1]];
                const point_t *p = &set.items[i];
                if (p->orr < a->orr || p->orr > b->orr)
                    continue;
                double line = a->asr + (b->asr - a->asr) * (p->orr - a->orr) / (b->orr - a->orr);
                ck_assert_msg(p->asr >= line - 1e-12, "round %d: point %zu below the hull", round, i);
            }
        }
        for (size_t k = 0, h = 0; k < f.nhull_points; k++) {
            const point_t *p = &set.items[f.hull_points[k]];
            while (h < f.nhull && set.items[f.hull[h]].orr < p->orr)
                h++;
            ck_assert_msg(h < f.nhull, "round %d: hull point %zu is no vertex's position", round, f.hull_points[k]);
            const point_t *v = &set.items[f.hull[h]];
            ck_assert(!frontier_dominates(v, p) && !frontier_dominates(p, v) && v->orr == p->orr);
        }
        for (size_t h = 0; h < f.nhull; h++)
            ck_assert(in_list(f.hull_points, f.nhull_points, f.hull[h]));
        frontier_free(&f);
        pointset_free(&set);
    }
}
END_TEST

/* Within each series against across all: s has a (2,2) and b (3,3); t has
 * c (1,1). Across all, c dominates both; within s, a dominates b. */
START_TEST(test_analysis_series_marks)
{
    pointset_t set = POINTSET_INIT;
    size_t a = add(&set, "a", 2, 2), b = add(&set, "b", 3, 3), c = add(&set, "c", 1, 1);
    size_t none = add(&set, "no-series", 0.5, 5);
    set.items[a].series = strdup("s");
    set.items[b].series = strdup("s");
    set.items[c].series = strdup("t");
    scenario_t s = model_default_scenario();
    analysis_t an;
    analysis_compute(&an, &set, &s, NULL);
    ck_assert(an.series_pareto[a] && an.series_hull[a]);
    ck_assert(!an.series_pareto[b] && !an.series_hull[b]);
    ck_assert(an.series_pareto[c] && an.series_hull[c]);
    ck_assert(!an.series_pareto[none]);
    ck_assert(!an.groups.marks[a].pareto_optimal && an.groups.marks[c].pareto_optimal);
    ck_assert(an.groups.marks[none].pareto_optimal);
    ck_assert_str_eq(analysis_marks(&an, a), "-");
    ck_assert_str_eq(analysis_marks(&an, c), "PH");
    analysis_free(&an);
    pointset_free(&set);
}
END_TEST

/* ---- the cost-optimal point ---------------------------------------------- */

static void seed_like(pointset_t *set)
{
    add(set, "baseline", 2, 1);
    add(set, "safety-tuned", 8, 0.1);
    add(set, "filter-before", 4, 0.3);
    add(set, "variant-B", 3, 0.4);
    add(set, "status-quo", 5, 0.2);
    add(set, "product-ask", 3, 0.5);
}

START_TEST(test_optimal_without_costs)
{
    pointset_t set = POINTSET_INIT;
    seed_like(&set);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    scenario_t s = model_default_scenario();
    optimal_t o = optimal_find(&f, &set, &s);
    ck_assert(!o.costs_set && !o.found);
    sb_t sb = SB_INIT;
    optimal_describe(&sb, &o, &set, &s);
    ck_assert_ptr_nonnull(strstr(sb_str(&sb), "No costs set"));
    sb_free(&sb);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* 10M queries, 0.1% adversarial, $0.01 a refusal, $50 a harmful output:
 * variant-B costs 299,700 * 0.01 + 40 * 50 = $4,997. Its edges: from
 * baseline 99,900 refusals for 60 harmful = 1,665; to filter-before 99,900
 * for 10 = 9,990. */
/* The seed-like set at $0.01 a refusal and $50 a harmful output, and its
 * optimum. */
static optimal_t seed_optimum(pointset_t *set, frontier_t *f, scenario_t *s)
{
    *set = (pointset_t)POINTSET_INIT;
    seed_like(set);
    frontier_compute(f, set, NULL);
    *s = model_default_scenario();
    s->cost_refusal = 0.01;
    s->cost_harm = 50;
    return optimal_find(f, set, s);
}

START_TEST(test_optimal_point_and_its_range)
{
    pointset_t set;
    frontier_t f;
    scenario_t s;
    optimal_t o = seed_optimum(&set, &f, &s);
    ck_assert(o.costs_set && o.found && !o.op.is_mix);
    ck_assert_str_eq(set.items[o.op.a].name, "variant-B");
    ck_near(o.projection.cost, 4997);
    ck_near(o.ratio_lo, 1665);
    ck_near(o.ratio_hi, 9990);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* Counts make the optimum's cost an interval: cost is V p c_h ASR + V (1-p)
 * c_r ORR, rising in both, so the Wilson ends of both rates bound it (both
 * computed here from the formula z^2 ... of Wilson 1927). The runner-up is
 * the next cheapest point within the policy; the difference of their costs
 * has the interval of the two Newcombe intervals combined at the same ends,
 * which tells 1/1000 from 8/1000 but not from 2/1000. */
static void add_counts(pointset_t *set, const char *name, long long k, long long n, long long r, long long m)
{
    point_t p = point_make(name);
    p.attack_successes = k, p.n_adversarial = n, p.asr = (double)k / (double)n;
    p.benign_refused = r, p.n_benign = m, p.orr = (double)r / (double)m;
    pointset_add(set, p);
}

static double wilson_end(double k, double n, double sign)
{
    double z = 1.959963984540054, p = k / n;
    return (p + z * z / (2 * n) + sign * z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n);
}

START_TEST(test_optimal_cost_interval_and_runner_up)
{
    for (int far = 0; far < 2; far++) {
        pointset_t set = POINTSET_INIT;
        add_counts(&set, "best", 1, 1000, 10, 1000);
        add_counts(&set, "next", far ? 8 : 2, 1000, 10, 1000);
        frontier_t f;
        frontier_compute(&f, &set, NULL);
        scenario_t s = model_default_scenario();
        s.cost_refusal = 0.0001; /* harm dominates: the ASR change decides */
        s.cost_harm = 10000;
        policy_find("none", &s.policy);
        optimal_t o = optimal_find(&f, &set, &s);
        optimal_uncertainty(&o, &set, &s, 0.95, STATS_WILSON);
        ck_assert(o.found && !o.op.is_mix && o.op.a == 0);
        double kh = 1e7 * 0.001 * 10000, kr = 1e7 * 0.999 * 0.0001;
        ck_near(o.cost_ci.lo, kh * wilson_end(1, 1000, -1) + kr * wilson_end(10, 1000, -1));
        ck_near(o.cost_ci.hi, kh * wilson_end(1, 1000, 1) + kr * wilson_end(10, 1000, 1));
        ck_assert(o.cost_ci.lo < o.projection.cost && o.projection.cost < o.cost_ci.hi);
        ck_assert(o.has_runner_up && !o.runner_up.is_mix && o.runner_up.a == 1);
        stats_interval_t da = stats_diff_interval(1, 1000, far ? 8 : 2, 1000, 0.95);
        stats_interval_t dr = stats_diff_interval(10, 1000, 10, 1000, 0.95);
        ck_near(o.cost_diff_ci.lo, kh * da.lo + kr * dr.lo);
        ck_near(o.cost_diff_ci.hi, kh * da.hi + kr * dr.hi);
        ck_assert(optimal_runner_up_distinguishable(&o) == (far == 1));
        sb_t sb = SB_INIT;
        optimal_describe(&sb, &o, &set, &s);
        ck_assert_msg(strstr(sb_str(&sb), ", conservative)"), "%s", sb_str(&sb));
        ck_assert_msg(strstr(sb_str(&sb), "Runner-up: measured point next"), "%s", sb_str(&sb));
        ck_assert_msg(strstr(sb_str(&sb), optimal_runner_up_distinguishable(&o) ? "tells them apart" : "is within noise"),
                      "%s", sb_str(&sb));
        sb_free(&sb);
        frontier_free(&f);
        pointset_free(&set);
    }
    /* Without counts: no interval, and the runner-up says why. */
    pointset_t set;
    frontier_t f;
    scenario_t s;
    optimal_t o = seed_optimum(&set, &f, &s);
    optimal_uncertainty(&o, &set, &s, 0.95, STATS_WILSON);
    ck_assert(!o.cost_ci.known && !o.cost_diff_ci.known && o.has_runner_up);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* ORR <= 5% (inclusive), no ASR bound; A (2%, 1%) and B (8%, 0.1%); harm
 * expensive: the optimum is the mix at ORR 5%: half and half, ASR 0.55%;
 * the edge A-B trades 599,400 refusals for 90 harmful outputs = 6,660. */
START_TEST(test_optimal_mix_held_by_a_bound)
{
    pointset_t set = POINTSET_INIT;
    add(&set, "A", 2, 1);
    add(&set, "B", 8, 0.1);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    scenario_t s = model_default_scenario();
    s.cost_refusal = 0.01;
    s.cost_harm = 1000;
    s.policy.asr.max = INFINITY;
    s.policy.orr.max = 0.05;
    s.policy.orr.inclusive = true;
    optimal_t o = optimal_find(&f, &set, &s);
    ck_assert(o.found && o.op.is_mix && o.held_by_orr_bound && !o.held_by_asr_bound);
    ck_near(o.op.lambda, 0.5);
    ck_near(o.op.orr, 0.05);
    ck_near(o.op.asr, 0.0055);
    ck_near(o.ratio_lo, 6660);
    ck_assert(isinf(o.ratio_hi));
    /* With a strict bound the mix sits just inside it and passes. */
    s.policy.orr.inclusive = false;
    o = optimal_find(&f, &set, &s);
    ck_assert(o.found && o.op.orr < 0.05);
    ck_assert(verdict_pass(policy_check(&s.policy, o.op.asr, o.op.orr)));
    /* Cheap harm: A itself, optimal for any ratio up to 6,660. */
    s.cost_harm = 1;
    o = optimal_find(&f, &set, &s);
    ck_assert(o.found && !o.op.is_mix && o.op.a == 0);
    ck_near(o.ratio_lo, 0);
    ck_near(o.ratio_hi, 6660);
    /* Nothing reaches ASR below 0.1%. */
    s.policy.asr.max = 0.0005;
    o = optimal_find(&f, &set, &s);
    ck_assert(!o.found);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* The builtin example at $1 a refusal and $10,000 a harmful output under the
 * consumer policy (ASR < 0.5%, ORR < 5%): status-quo (ORR 5%, ASR 0.2%)
 * would cost 499,500 + 200,000 = $699,500 a day, but it fails ORR < 5% by
 * its equality; mixes toward it pass, and approach that cost without
 * reaching it. No "route 99.999% through status-quo": the limit is named,
 * and the cheapest that passes is filter-before, 399,600 + 300,000 =
 * $699,600 (its edge to status-quo trades 99,900 refusals for 10 harmful
 * outputs = 9,990, the limit's lower ratio); the runner-up is variant-B
 * (299,700 + 400,000). Made inclusive, the bound is met: status-quo. */
START_TEST(test_optimal_on_a_strict_bound_is_not_attained)
{
    pointset_t set;
    frontier_t f;
    scenario_t s;
    seed_optimum(&set, &f, &s);
    s.cost_refusal = 1;
    s.cost_harm = 10000;
    ck_assert(policy_find("consumer", &s.policy));
    optimal_t o = optimal_find(&f, &set, &s);
    ck_assert(o.found && o.unattained && !o.limit_on_asr);
    ck_assert_str_eq(set.items[o.limit].name, "status-quo");
    ck_near(o.limit_cost, 699500);
    ck_assert(!o.op.is_mix);
    ck_assert_str_eq(set.items[o.op.a].name, "filter-before");
    ck_near(o.projection.cost, 699600);
    ck_near(o.ratio_lo, 9990);
    ck_assert(isinf(o.ratio_hi));
    ck_assert(o.has_runner_up && !o.runner_up.is_mix);
    ck_assert_str_eq(set.items[o.runner_up.a].name, "variant-B");
    sb_t text = SB_INIT, line = SB_INIT;
    optimal_describe(&text, &o, &set, &s);
    optimal_summary(&line, &o, &set);
    static const char limit[] = "not attained: measured point status-quo fails ORR < 5.00% by its equality "
                                "(ORR 5.00%); mixes toward it pass and approach its $699,500/day without reaching it";
    ck_assert_msg(strstr(sb_str(&line), limit), "%s", sb_str(&line));
    ck_assert_msg(strstr(sb_str(&line), "; cheapest that passes: measured point filter-before at $699,600 per day, "
                                        "$100 a day above the limit"), "%s", sb_str(&line));
    ck_assert_msg(strstr(sb_str(&text), "Cheapest that passes: measured point filter-before"), "%s", sb_str(&text));
    ck_assert_msg(strstr(sb_str(&text), "The limit stays the cheapest while one harmful output costs at least 9,990"),
                  "%s", sb_str(&text));
    ck_assert_msg(!strstr(sb_str(&text), "route") && !strstr(sb_str(&line), "route"), "%s", sb_str(&text));
    sb_free(&text);
    sb_free(&line);
    /* inclusive: status-quo meets ORR <= 5% and is the optimum, attained */
    s.policy.orr.inclusive = true;
    o = optimal_find(&f, &set, &s);
    ck_assert(o.found && !o.unattained && !o.op.is_mix);
    ck_assert_str_eq(set.items[o.op.a].name, "status-quo");
    /* the ASR bound through a vertex: variant-B (ASR 0.4%) fails ASR < 0.4%;
     * refusals dear, so it would be the cheapest; filter-before passes */
    s.policy.orr.max = INFINITY;
    s.policy.asr.max = 0.004;
    s.cost_harm = 100;
    o = optimal_find(&f, &set, &s);
    ck_assert(o.found && o.unattained && o.limit_on_asr && !o.op.is_mix);
    ck_assert_str_eq(set.items[o.limit].name, "variant-B");
    ck_assert_str_eq(set.items[o.op.a].name, "filter-before");
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* The cheapest position within the policy, brute force: every hull edge's
 * mixes at steps of 1/1000 and every vertex, kept when they pass. */
static double bf_cheapest(const frontier_t *f, const pointset_t *set, const scenario_t *s)
{
    double best = INFINITY;
    for (size_t h = 0; h < f->nhull; h++)
        for (int step = 0; step <= 1000; step++) {
            size_t b = h + 1 < f->nhull ? h + 1 : h;
            frontier_op_t op = frontier_op_mix(set, f->hull[h], f->hull[b], 1 - step / 1000.0);
            if (verdict_pass(policy_check(&s->policy, op.asr, op.orr)))
                best = fmin(best, model_project_rates(s, op.asr, op.orr).cost);
        }
    return best;
}

/* Random sets on a grid of eighths with strict bounds on the grid, so that
 * a vertex sits on a bound often: the optimum passes the policy, is never
 * a mix with a share below 0.1% (a failing point restated), costs no more
 * than any passing measured point; an attained one costs no more than the
 * brute-force cheapest passing position, and when it is not attained the
 * limit fails its bound by equality alone and costs no more than that. */
START_TEST(test_optimal_against_brute_force_on_bounds)
{
    unsigned long long state = 4242;
    int unattained = 0;
    for (int round = 0; round < 400; round++) {
        pointset_t set;
        frontier_t f;
        random_set(&set, &f, 2 + (size_t)(round % 7), &state, 9, 1.25);
        scenario_t s = model_default_scenario();
        s.cost_refusal = 1 + (double)(round % 5);
        s.cost_harm = 100 * (1 + (double)(round % 11));
        s.policy.asr = (bound_t){(double)(1 + round % 8) * 0.0125, round % 3 == 0};
        s.policy.orr = (bound_t){(double)(1 + (round / 8) % 8) * 0.0125, round % 5 == 0};
        optimal_t o = optimal_find(&f, &set, &s);
        double bf = bf_cheapest(&f, &set, &s);
        if (o.found) {
            ck_assert(verdict_pass(policy_check(&s.policy, o.op.asr, o.op.orr)));
            ck_assert_msg(!o.op.is_mix || (o.op.lambda > 1e-3 && o.op.lambda < 1 - 1e-3), "round %d: share %g", round,
                          o.op.lambda);
            for (size_t i = 0; i < set.len; i++)
                if (verdict_pass(policy_check(&s.policy, set.items[i].asr, set.items[i].orr)))
                    ck_assert_msg(o.projection.cost <= model_project(&s, &set.items[i]).cost + 1e-6,
                                  "round %d: %g above %s (ORR %g, ASR %g) at %g; op %s%s ORR %g ASR %g, unattained %d",
                                  round, o.projection.cost, set.items[i].name, set.items[i].orr, set.items[i].asr,
                                  model_project(&s, &set.items[i]).cost, set.items[o.op.a].name,
                                  o.op.is_mix ? " (mix)" : "", o.op.orr, o.op.asr, o.unattained);
        }
        if (o.unattained) {
            unattained++;
            const point_t *v = &set.items[o.limit];
            ck_assert(!verdict_pass(policy_check(&s.policy, v->asr, v->orr)));
            bound_t b = o.limit_bound;
            ck_assert(!bound_passes(b, o.limit_on_asr ? v->asr : v->orr));
            b.inclusive = true;
            ck_assert(bound_passes(b, o.limit_on_asr ? v->asr : v->orr));
            ck_assert_msg(o.limit_cost <= bf + 1e-6, "round %d: limit %g, brute force %g", round, o.limit_cost, bf);
            ck_assert(!o.found || o.limit_cost < o.projection.cost);
        } else if (o.found) {
            ck_assert_msg(o.projection.cost <= bf * (1 + 1e-6) + 1e-6, "round %d: %g > %g", round, o.projection.cost,
                          bf);
        }
        frontier_free(&f);
        pointset_free(&set);
    }
    ck_assert_int_gt(unattained, 10); /* the case the test is for did occur */
}
END_TEST

/* ---- published operating points ------------------------------------------ */

static long find_prefix(const pointset_t *set, const char *prefix)
{
    for (size_t i = 0; i < set->len; i++)
        if (strncmp(set->items[i].name, prefix, strlen(prefix)) == 0)
            return (long)i;
    return -1;
}

static void load_published(pointset_t *set)
{
    char path[4096];
    const char *dir = getenv("DATADIR");
    snprintf(path, sizeof path, "%s/published-operating-points.csv", dir ? dir : "data");
    input_opts_t opts = INPUT_OPTS_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_file(set, path, &opts, &d), 0);
    diag_free(&d);
}

/* Across all points (worked by hand from the CSV, ORR then ASR):
 * o1-preview challenging (2.4, 6.6), o1 multimodal (4, 4) twice (launch and
 * as in the GPT-4.5 card), o1 standard (7, 0) are the Pareto set; the hull
 * is o1-preview challenging, o1 multimodal (launch), o1 standard: slopes
 * -1.625 then -1.333. o1-preview standard (7, 0.5) sits on a vertical edge
 * above o1 standard. */
START_TEST(test_published_all_points)
{
    pointset_t set = POINTSET_INIT;
    load_published(&set);
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    long pre_ch = find_prefix(&set, "o1-preview (launch) [OpenAI Challenging");
    long mm = find_prefix(&set, "o1 (launch) [OpenAI Multimodal");
    long mm2 = find_prefix(&set, "o1 (as in GPT-4.5 card) [OpenAI Multimodal");
    long std = find_prefix(&set, "o1 (launch) [OpenAI Standard");
    long pre_std = find_prefix(&set, "o1-preview (launch) [OpenAI Standard");
    ck_assert(pre_ch >= 0 && mm >= 0 && mm2 >= 0 && std >= 0 && pre_std >= 0);
    ck_assert_uint_eq(f.npareto, 4);
    ck_assert_uint_eq(f.nhull, 3);
    ck_assert_uint_eq(f.hull[0], (size_t)pre_ch);
    ck_assert_uint_eq(f.hull[1], (size_t)mm);
    ck_assert_uint_eq(f.hull[2], (size_t)std);
    ck_assert(f.marks[mm2].on_hull && f.marks[mm2].pareto_optimal);
    ck_assert(!f.marks[pre_std].pareto_optimal);
    ck_assert_uint_eq(f.marks[pre_std].ndominated_by, 1);
    ck_assert_uint_eq(f.marks[pre_std].dominated_by[0], (size_t)std);
    long arena = find_prefix(&set, "o1 (arena)");
    ck_assert(arena >= 0 && !f.marks[arena].pareto_optimal && !f.marks[arena].on_hull);
    frontier_free(&f);
    pointset_free(&set);
}
END_TEST

/* The OR-Bench subset (OR-Bench-Toxic vs OR-Bench-Hard-1K), by hand: from
 * Llama-3.1-70B (2.9, 30.1) the steepest way down goes to GPT-4o (6.78,
 * 15.1; slope -3.87, Llama-3.1-405B's -3.32 is shallower), then GPT-4-turbo
 * (12.78, 3.5; -1.93 beats GPT-4-0125's -1.50), then Llama-2-7b (87.48, 0.4;
 * -0.0415), then Claude-2.1 (99.8, 0; -0.0325). Twelve points are Pareto-
 * optimal; Claude-3-sonnet (94.46, 0.3) is on a horizontal edge after
 * Llama-2-13b (91, 0.3). */
START_TEST(test_published_or_bench)
{
    pointset_t set = POINTSET_INIT;
    load_published(&set);
    bool *mask = calloc(set.len, sizeof *mask);
    for (size_t i = 0; i < set.len; i++) {
        const char *adv = point_attr(&set.items[i], "adversarial_set");
        mask[i] = adv && strcmp(adv, "OR-Bench-Toxic") == 0;
    }
    frontier_t f;
    frontier_compute(&f, &set, mask);
    const char *hull[] = {"Llama-3.1-70B", "GPT-4o (as released)", "GPT-4-turbo", "Llama-2-7b", "Claude-2.1"};
    ck_assert_uint_eq(f.nhull, 5);
    for (size_t k = 0; k < 5; k++) {
        long i = find_prefix(&set, hull[k]);
        ck_assert_msg(i >= 0 && f.hull[k] == (size_t)i, "hull vertex %zu should be %s", k, hull[k]);
    }
    ck_assert_uint_eq(f.npareto, 12);
    long p405 = find_prefix(&set, "Llama-3.1-405B"), gpt4 = find_prefix(&set, "GPT-4-0125");
    ck_assert(f.marks[p405].pareto_optimal && !f.marks[p405].on_hull);
    ck_assert(f.marks[gpt4].pareto_optimal && !f.marks[gpt4].on_hull);
    long sonnet = find_prefix(&set, "Claude-3-sonnet"), l13 = find_prefix(&set, "Llama-2-13b");
    ck_assert(!f.marks[sonnet].pareto_optimal);
    ck_assert(in_list(f.marks[sonnet].dominated_by, f.marks[sonnet].ndominated_by, (size_t)l13));
    ck_assert(f.marks[l13].pareto_optimal && !f.marks[l13].on_hull);
    /* Points outside the subset take no part. */
    long o1 = find_prefix(&set, "o1 (launch) [OpenAI Standard");
    ck_assert(!f.marks[o1].pareto_optimal);
    frontier_free(&f);
    free(mask);
    pointset_free(&set);
}
END_TEST

static Suite *frontier_suite(void)
{
    Suite *s = suite_create("frontier");
    TCase *t = tcase_create("frontier");
    tcase_add_test(t, test_single_point);
    tcase_add_test(t, test_empty_set);
    tcase_add_test(t, test_all_dominated_but_one);
    tcase_add_test(t, test_ties_and_duplicates);
    tcase_add_test(t, test_vertical_and_horizontal_edges);
    tcase_add_test(t, test_collinear_and_above_the_hull);
    tcase_add_test(t, test_full_rates_and_mix);
    tcase_add_test(t, test_unknown_rates_take_no_part);
    tcase_add_test(t, test_series_mask);
    tcase_add_test(t, test_threshold_between_measured_points);
    tcase_add_test(t, test_against_brute_force);
    tcase_add_test(t, test_analysis_series_marks);
    suite_add_tcase(s, t);
    TCase *o = tcase_create("optimal");
    tcase_add_test(o, test_optimal_without_costs);
    tcase_add_test(o, test_optimal_point_and_its_range);
    tcase_add_test(o, test_optimal_mix_held_by_a_bound);
    tcase_add_test(o, test_optimal_cost_interval_and_runner_up);
    tcase_add_test(o, test_optimal_on_a_strict_bound_is_not_attained);
    tcase_add_test(o, test_optimal_against_brute_force_on_bounds);
    suite_add_tcase(s, o);
    TCase *d = tcase_create("published");
    tcase_add_test(d, test_published_all_points);
    tcase_add_test(d, test_published_or_bench);
    suite_add_tcase(s, d);
    return s;
}

CHECK_MAIN(frontier_suite)
