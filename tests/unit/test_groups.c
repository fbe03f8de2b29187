/* Unit tests of the measurement groups (core/groups.h) and of the analytics
 * within them: every group's Pareto set, dominators and achievable curve
 * against a brute-force computation from the definitions, on the published
 * operating points and on random sets; no point dominated by, and no mix
 * of, points of two groups; finding a group by a person's query. */
#include "config.h"

#include "core/analysis.h"
#include "core/groups.h"
#include "core/optimal.h"
#include "load/load.h"
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-12

static char *data_path(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("DATADIR");
    snprintf(buf, sizeof buf, "%s/%s", dir ? dir : "data", name);
    return buf;
}

static void load_published(pointset_t *set)
{
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_file(set, data_path("published-operating-points.csv"), NULL, &d), 0);
    diag_free(&d);
}

/* ---- the definitions, brute force ------------------------------------------- */

static bool rated(const point_t *p) { return !isnan(p->asr) && !isnan(p->orr); }

/* q has ASR and ORR no higher than p and one of them lower. */
static bool beats(double q_asr, double q_orr, const point_t *p)
{
    return q_asr <= p->asr + EPS && q_orr <= p->orr + EPS && (q_asr < p->asr - EPS || q_orr < p->orr - EPS);
}

static bool same_group(const point_t *a, const point_t *b) { return strcmp(point_group(a), point_group(b)) == 0; }

/* Pareto-optimal within its group: no point of the group beats it. */
static bool bf_pareto(const pointset_t *set, size_t i)
{
    const point_t *p = &set->items[i];
    for (size_t j = 0; j < set->len; j++) {
        const point_t *q = &set->items[j];
        if (rated(q) && same_group(p, q) && beats(q->asr, q->orr, p))
            return false;
    }
    return true;
}

/* Whether some mix l*a + (1-l)*b, 0 <= l <= 1, beats p: the mixes with
 * each rate no higher than p's form an interval of l (each rate is linear
 * in l); at its ends a rate is lowest, so it is enough to try them. */
static bool mix_beats(const point_t *a, const point_t *b, const point_t *p)
{
    double lo = 0, hi = 1;
    double ra[2] = {a->asr, a->orr}, rb[2] = {b->asr, b->orr}, rp[2] = {p->asr, p->orr};
    for (int k = 0; k < 2; k++) {
        /* l*ra + (1-l)*rb <= rp, i.e. l*(ra-rb) <= rp-rb */
        /* no slack here: a mix may not buy a gain on one rate with a
         * loss on the other, however small */
        double slope = ra[k] - rb[k], room = rp[k] - rb[k];
        if (fabs(slope) < 1e-15) {
            if (room < 0)
                return false;
        } else if (slope > 0) {
            hi = fmin(hi, room / slope);
        } else {
            lo = fmax(lo, room / slope);
        }
    }
    if (lo > hi)
        return false;
    double ends[2] = {lo, hi};
    for (int e = 0; e < 2; e++) {
        double l = ends[e];
        if (beats(l * a->asr + (1 - l) * b->asr, l * a->orr + (1 - l) * b->orr, p))
            return true;
    }
    return false;
}

/* On its group's achievable curve (the lower-left boundary of the convex
 * hull): no mix of two points of the group beats it. */
static bool bf_hull(const pointset_t *set, size_t i)
{
    const point_t *p = &set->items[i];
    for (size_t a = 0; a < set->len; a++)
        for (size_t b = a; b < set->len; b++) {
            const point_t *pa = &set->items[a], *pb = &set->items[b];
            if (rated(pa) && rated(pb) && same_group(p, pa) && same_group(p, pb) && mix_beats(pa, pb, p))
                return false;
        }
    return true;
}

static bool listed(const size_t *list, size_t n, size_t i)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] == i)
            return true;
    return false;
}

/* Every group's marks and lists against the brute force. */
static void check_against_definitions(const pointset_t *set)
{
    groups_t g;
    groups_compute(&g, set);
    for (size_t i = 0; i < set->len; i++) {
        const point_t *p = &set->items[i];
        const group_t *gr = &g.items[g.of[i]];
        const frontier_mark_t *m = &g.marks[i];
        ck_assert_str_eq(gr->name, point_group(p));
        bool known = rated(p);
        ck_assert_msg(m->pareto_optimal == (known && bf_pareto(set, i)), "%s: Pareto mark", p->name);
        ck_assert_msg(m->on_hull == (known && bf_pareto(set, i) && bf_hull(set, i)), "%s: hull mark", p->name);
        ck_assert(listed(gr->frontier.pareto, gr->frontier.npareto, i) == m->pareto_optimal);
        ck_assert(listed(gr->frontier.hull_points, gr->frontier.nhull_points, i) == m->on_hull);
        /* a point is dominated only by points of its own group */
        ck_assert(m->ndominated_by > 0 || !known || m->pareto_optimal);
        for (size_t k = 0; k < m->ndominated_by; k++) {
            const point_t *q = &set->items[m->dominated_by[k]];
            ck_assert_msg(same_group(p, q), "%s is dominated by %s of another group", p->name, q->name);
            ck_assert(beats(q->asr, q->orr, p));
        }
    }
    /* every list holds its group's points only, and each vertex joins
     * points of one group */
    for (size_t k = 0; k < g.len; k++) {
        const frontier_t *f = &g.items[k].frontier;
        for (size_t h = 0; h < f->nhull; h++)
            ck_assert_uint_eq(g.of[f->hull[h]], k);
        for (size_t h = 0; h < f->npareto; h++)
            ck_assert_uint_eq(g.of[f->pareto[h]], k);
    }
    groups_free(&g);
}

/* ---- tests ------------------------------------------------------------------ */

/* The published file's groups are its set columns, joined in column order
 * (an empty cell reads "(none)"). */
START_TEST(test_published_groups_are_its_sets)
{
    pointset_t set = POINTSET_INIT;
    load_published(&set);
    for (size_t i = 0; i < set.len; i++) {
        const point_t *p = &set.items[i];
        const char *adv = point_attr(p, "adversarial_set"), *ben = point_attr(p, "benign_set");
        char want[512];
        snprintf(want, sizeof want, "%s / %s", adv ? adv : "(none)", ben ? ben : "(none)");
        ck_assert_str_eq(point_group(p), want);
        ck_assert_int_eq(p->group_basis, POINT_GROUP_COLUMNS);
    }
    groups_t g;
    groups_compute(&g, &set);
    ck_assert_uint_eq(g.len, 6);
    ck_assert_str_eq(g.items[0].name, "OpenAI Standard Refusal Eval (harmful part) / OpenAI Standard Refusal Eval "
                                      "(benign part)");
    groups_free(&g);
    pointset_free(&set);
}
END_TEST

START_TEST(test_published_against_definitions)
{
    pointset_t set = POINTSET_INIT;
    load_published(&set);
    check_against_definitions(&set);
    /* Within OR-Bench, 12 of the 32 models are Pareto-optimal (pooled, all
     * 32 were marked dominated by system-card points of other sets). */
    groups_t g;
    groups_compute(&g, &set);
    long k = groups_find(&g, "OR-Bench-Toxic / OR-Bench-Hard-1K");
    ck_assert(k >= 0);
    size_t want = 0;
    for (size_t m = 0; m < g.items[k].nmembers; m++)
        want += bf_pareto(&set, g.items[k].members[m]);
    ck_assert_uint_eq(want, 12);
    ck_assert_uint_eq(g.items[k].nmembers, 32);
    ck_assert_uint_eq(g.items[k].frontier.npareto, 12);
    groups_free(&g);
    pointset_free(&set);
}
END_TEST

/* Random sets of two to five groups on a coarse grid, so that ties,
 * duplicates and collinear points are common. */
START_TEST(test_random_groups_against_definitions)
{
    static const char *names[] = {"A", "B", "C", "D", "E"};
    unsigned long long state = 777;
    for (int round = 0; round < 150; round++) {
        pointset_t set = POINTSET_INIT;
        size_t n = 1 + (size_t)(round % 30), ngroups = 2 + (size_t)(round % 4);
        for (size_t i = 0; i < n; i++) {
            char name[16];
            snprintf(name, sizeof name, "p%zu", i);
            point_t p = point_make(name);
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            /* eighths: exact in binary, so collinear points are exactly so */
            p.orr = (double)((state >> 33) % 6) / 8;
            p.asr = (double)((state >> 45) % 6) / 8;
            if ((state >> 20) % 9 == 0)
                p.asr = NAN; /* a rate unknown now and then */
            point_set_group(&p, names[(state >> 50) % ngroups], POINT_GROUP_COLUMNS);
            pointset_add(&set, p);
        }
        check_against_definitions(&set);
        pointset_free(&set);
    }
}
END_TEST

/* Targets and the cost optimum of each group name its own points only, at
 * every target and with a policy bound that makes the optimum a mix. */
START_TEST(test_no_mix_joins_two_groups)
{
    pointset_t set = POINTSET_INIT;
    load_published(&set);
    scenario_t s = model_default_scenario();
    s.cost_refusal = 1;
    s.cost_harm = 1000;
    analysis_t an;
    for (int pol = 0; pol < 3; pol++) {
        policy_find(pol == 0 ? "none" : pol == 1 ? "consumer" : "enterprise", &s.policy);
        analysis_compute(&an, &set, &s, NULL);
        for (size_t k = 0; k < an.groups.len; k++) {
            const frontier_t *f = &an.groups.items[k].frontier;
            for (int t = 0; t <= 100; t++) {
                frontier_op_t a = frontier_at_asr(f, &set, t / 100.0), o = frontier_at_orr(f, &set, t / 100.0);
                ck_assert(!a.valid || (an.groups.of[a.a] == k && an.groups.of[a.b] == k));
                ck_assert(!o.valid || (an.groups.of[o.a] == k && an.groups.of[o.b] == k));
            }
            const optimal_t *opt = &an.optimal[k];
            ck_assert(!opt->found || (an.groups.of[opt->op.a] == k && an.groups.of[opt->op.b] == k));
            /* its runner-up too: another group's point is another measurement */
            ck_assert(!opt->has_runner_up ||
                      (an.groups.of[opt->runner_up.a] == k && an.groups.of[opt->runner_up.b] == k));
        }
        /* the cheapest group's optimum costs no more than any other's */
        for (size_t k = 0; an.cheapest >= 0 && k < an.groups.len; k++)
            ck_assert(!an.optimal[k].found ||
                      an.optimal[an.cheapest].projection.cost <= an.optimal[k].projection.cost);
        analysis_free(&an);
    }
    pointset_free(&set);
}
END_TEST

START_TEST(test_find_a_group)
{
    pointset_t set = POINTSET_INIT;
    load_published(&set);
    groups_t g;
    groups_compute(&g, &set);
    long orb = groups_find(&g, "OR-Bench-Toxic / OR-Bench-Hard-1K");
    ck_assert(orb >= 0);
    ck_assert_int_eq(groups_find(&g, "or-bench"), orb);           /* a prefix, any case */
    ck_assert_int_eq(groups_find(&g, "Hard-1K"), orb);            /* a part */
    ck_assert_int_eq(groups_find(&g, "OpenAI"), GROUPS_AMBIGUOUS); /* three start so */
    ck_assert_int_eq(groups_find(&g, "XSTest"), GROUPS_AMBIGUOUS); /* two contain it */
    ck_assert_int_eq(groups_find(&g, "HarmBench"), GROUPS_UNKNOWN);
    sb_t why = SB_INIT;
    ck_assert_int_eq(groups_resolve(&g, "XSTest", &why), -1);
    ck_assert_ptr_nonnull(strstr(sb_str(&why), "'XSTest' could be any of 2 groups: "));
    ck_assert_ptr_nonnull(strstr(sb_str(&why), "'StrongREJECT (goodness@0.1) / XSTest (benign prompts)'"));
    ck_assert_ptr_null(strstr(sb_str(&why), "OR-Bench")); /* only those it could mean */
    sb_reset(&why);
    ck_assert_int_eq(groups_resolve(&g, "HarmBench", &why), -1);
    ck_assert_ptr_nonnull(strstr(sb_str(&why), "no group named 'HarmBench'; did you mean "));
    ck_assert_ptr_nonnull(strstr(sb_str(&why), "'OR-Bench-Toxic / OR-Bench-Hard-1K'"));
    sb_free(&why);
    /* the default focus: the group of the first point with both rates */
    ck_assert_uint_eq(groups_default(&g), g.of[0]);
    groups_free(&g);
    pointset_free(&set);
}
END_TEST

/* The first point with both rates decides the default group, not the first
 * point. */
START_TEST(test_default_skips_unrated_points)
{
    pointset_t set = POINTSET_INIT;
    point_t p = point_make("unrated");
    p.asr = 0.1;
    point_set_group(&p, "A", POINT_GROUP_COLUMNS);
    pointset_add(&set, p);
    point_t q = point_make("rated");
    q.asr = 0.1;
    q.orr = 0.2;
    point_set_group(&q, "B", POINT_GROUP_COLUMNS);
    pointset_add(&set, q);
    groups_t g;
    groups_compute(&g, &set);
    ck_assert_uint_eq(g.len, 2);
    ck_assert_str_eq(g.items[groups_default(&g)].name, "B");
    ck_assert_uint_eq(g.items[0].nrated, 0);
    groups_free(&g);
    pointset_free(&set);
}
END_TEST

/* What the groups rest on is said where the data does not say it. */
START_TEST(test_basis_note)
{
    static const struct {
        point_group_basis_t basis;
        size_t n;
        const char *want; /* NULL: no note */
    } cases[] = {
        {POINT_GROUP_COLUMNS, 3, NULL},
        {POINT_GROUP_PROMPTS, 3, NULL},
        {POINT_GROUP_CURVE, 3, NULL},
        {POINT_GROUP_FILE, 1, NULL}, /* one point: nothing to compare */
        {POINT_GROUP_FILE, 3, "Group \"g\" (3 points): a table that names no harmful set, benign set or judge, so "
                              "its points are treated as comparable; if they are not, name the columns that tell "
                              "them apart with --group-columns COL[,COL...]."},
        {POINT_GROUP_POOLED, 2, "--group-columns none: 2 points are pooled in one group (\"g\") on purpose and "
                                "treated as comparable, whatever sets and judges they were measured on."},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        pointset_t set = POINTSET_INIT;
        for (size_t i = 0; i < cases[c].n; i++) {
            char name[32];
            snprintf(name, sizeof name, "p%zu", i);
            point_t p = point_make(name);
            point_set_group(&p, "g", cases[c].basis);
            pointset_add(&set, p);
        }
        groups_t g;
        groups_compute(&g, &set);
        sb_t note = SB_INIT;
        ck_assert_int_eq(groups_basis_note(&note, &g), cases[c].want != NULL);
        ck_assert_str_eq(sb_str(&note), cases[c].want ? cases[c].want : "");
        sb_free(&note);
        groups_free(&g);
        pointset_free(&set);
    }
}
END_TEST

/* Series are knob sweeps within a group: a series name two groups share
 * makes two series, each with its own marks. */
START_TEST(test_series_within_groups)
{
    pointset_t set = POINTSET_INIT;
    const char *grp[] = {"A", "A", "B"};
    double asr[] = {0.02, 0.03, 0.01}, orr[] = {0.02, 0.03, 0.01};
    for (int i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof name, "p%d", i);
        point_t p = point_make(name);
        p.series = strdup("s");
        p.asr = asr[i];
        p.orr = orr[i];
        point_set_group(&p, grp[i], POINT_GROUP_COLUMNS);
        pointset_add(&set, p);
    }
    scenario_t sc = model_default_scenario();
    analysis_t an;
    analysis_compute(&an, &set, &sc, NULL);
    /* p2 (B) would dominate p0 and p1 were the series one */
    ck_assert(an.series_pareto[0] && !an.series_pareto[1] && an.series_pareto[2]);
    ck_assert(an.groups.marks[0].pareto_optimal && an.groups.marks[2].pareto_optimal);
    analysis_free(&an);
    pointset_free(&set);
}
END_TEST

static Suite *groups_suite(void)
{
    Suite *s = suite_create("groups");
    TCase *t = tcase_create("groups");
    tcase_add_test(t, test_published_groups_are_its_sets);
    tcase_add_test(t, test_published_against_definitions);
    tcase_add_test(t, test_random_groups_against_definitions);
    tcase_add_test(t, test_no_mix_joins_two_groups);
    tcase_add_test(t, test_find_a_group);
    tcase_add_test(t, test_default_skips_unrated_points);
    tcase_add_test(t, test_basis_note);
    tcase_add_test(t, test_series_within_groups);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(groups_suite)
