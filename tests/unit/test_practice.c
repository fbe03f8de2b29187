/* Unit tests of practice mode: the generator is deterministic, every answer
 * the tool accepts is what the core model computes from the exercise's
 * inputs (change an input and the expected answer follows; nothing is
 * stored), and answers are read and judged with the stated tolerance. */
#include "config.h"

#include "unit.h"
#include "core/frontier.h"
#include "core/model.h"
#include "core/practice.h"
#include "core/practice_answer.h"
#include "ui/keyscript.h"
#include "ui/practice_screen.h"
#include "ui/practice_session.h"
#include "core/stats.h"
#include "base/strbuf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ck_close(x, want, tol) ck_assert_msg(fabs((x) - (double)(want)) <= (tol), "%s = %.10g, want %.10g", \
                                             #x, (double)(x), (double)(want))

/* ---- helpers ----------------------------------------------------------------- */

/* The domain text's example of `kind` (the first exercise of a one-kind drill). */
static practice_ex_t text_example(practice_kind_t kind)
{
    practice_set_t set = PRACTICE_SET_INIT;
    practice_generate(&set, 1, (int)kind, 1);
    ck_assert(set.items[0].from_text);
    practice_ex_t ex = set.items[0];
    free(set.items); /* the exercise keeps its points */
    return ex;
}

static practice_answer_t solve(const practice_ex_t *ex)
{
    practice_solution_t sol = PRACTICE_SOLUTION_INIT;
    practice_solve(ex, &sol);
    ck_assert_int_gt((int)sol.steps.len, 0);
    ck_assert_int_gt((int)sol.meaning.len, 0);
    practice_answer_t a = sol.answer;
    practice_solution_free(&sol);
    return a;
}

static point_t *P(practice_ex_t *ex, size_t i) { return &ex->points.items[i]; }

static practice_verdict_t judge(const practice_answer_t *a, const char *typed)
{
    sb_t why = SB_INIT;
    practice_verdict_t v = practice_check(a, typed, &why);
    ck_assert_msg(why.len > 0, "no message for '%s'", typed);
    sb_free(&why);
    return v;
}

static char *worksheet(uint64_t seed, int kind, int count, bool markdown)
{
    practice_set_t set = PRACTICE_SET_INIT;
    practice_generate(&set, seed, kind, count);
    sb_t out = SB_INIT;
    practice_worksheet(&out, &set, markdown);
    practice_set_free(&set);
    return sb_detach(&out);
}

/* ---- the generator ------------------------------------------------------------- */

/* splitmix64's published first outputs for state 0 (Vigna's reference
 * splitmix64.c), so the drills are the same on every platform. */
START_TEST(test_rng_reference)
{
    practice_rng_t r;
    practice_rng_seed(&r, 0);
    ck_assert_uint_eq(practice_rng_next(&r), 0xe220a8397b1dcdafULL);
    ck_assert_uint_eq(practice_rng_next(&r), 0x6e789e6aa1b965f4ULL);
    ck_assert_uint_eq(practice_rng_next(&r), 0x06c45d188009454fULL);
    for (int i = 0; i < 10000; i++)
        ck_assert_uint_lt(practice_rng_below(&r, 7), 7);
}
END_TEST

START_TEST(test_same_seed_same_sheet)
{
    char *a = worksheet(42, PRACTICE_ALL_KINDS, 24, true);
    char *b = worksheet(42, PRACTICE_ALL_KINDS, 24, true);
    char *c = worksheet(43, PRACTICE_ALL_KINDS, 24, true);
    ck_assert_str_eq(a, b);
    ck_assert_str_ne(a, c);
    free(a), free(b), free(c);
}
END_TEST

/* The domain text's examples come first and do not depend on the seed;
 * --count N gives the first N exercises of a longer drill. */
START_TEST(test_text_examples_first_and_prefix)
{
    practice_set_t s1 = PRACTICE_SET_INIT, s2 = PRACTICE_SET_INIT;
    practice_generate(&s1, 7, PRACTICE_ALL_KINDS, 20);
    practice_generate(&s2, 99, PRACTICE_ALL_KINDS, 5);
    /* rounds of every kind once, the domain text's examples first */
    for (size_t round = 0; round * PRACTICE_NKINDS < s1.len; round++) {
        unsigned seen = 0;
        for (size_t i = round * PRACTICE_NKINDS; i < s1.len && i < (round + 1) * PRACTICE_NKINDS; i++)
            seen |= 1u << s1.items[i].kind;
        if ((round + 1) * PRACTICE_NKINDS <= s1.len)
            ck_assert_uint_eq(seen, (1u << PRACTICE_NKINDS) - 1);
    }
    for (size_t i = 0; i < s1.len; i++)
        ck_assert(s1.items[i].from_text == (i < PRACTICE_NKINDS));
    /* and the seed decides which come first: not the same order for every seed */
    bool differs = false;
    for (uint64_t seed = 1; seed <= 8 && !differs; seed++) {
        practice_set_t o = PRACTICE_SET_INIT;
        practice_generate(&o, seed, PRACTICE_ALL_KINDS, PRACTICE_NKINDS);
        for (size_t i = 0; i < o.len; i++)
            differs = differs || o.items[i].kind != s1.items[i].kind;
        practice_set_free(&o);
    }
    ck_assert_msg(differs, "every seed starts with the same exercises");
    /* the domain text's examples are the same exercises whatever the seed */
    sb_t q1 = SB_INIT, q2 = SB_INIT;
    practice_set_t s4 = PRACTICE_SET_INIT;
    practice_generate(&s4, 99, PRACTICE_ALL_KINDS, PRACTICE_NKINDS);
    for (int k = 0; k < PRACTICE_NKINDS; k++)
        for (size_t i = 0; i < PRACTICE_NKINDS; i++) {
            if ((int)s1.items[i].kind == k)
                practice_question(&q1, &s1.items[i], false);
            if ((int)s4.items[i].kind == k)
                practice_question(&q2, &s4.items[i], false);
        }
    ck_assert(strcmp(sb_str(&q1), sb_str(&q2)) == 0);
    /* and a smaller count is the start of a larger one */
    sb_reset(&q1), sb_reset(&q2);
    for (size_t i = 0; i < s2.len; i++) {
        practice_question(&q1, &s4.items[i], false);
        practice_question(&q2, &s2.items[i], false);
    }
    ck_assert(strcmp(sb_str(&q1), sb_str(&q2)) == 0);
    practice_set_free(&s4);
    practice_set_t s3 = PRACTICE_SET_INIT;
    practice_generate(&s3, 7, PRACTICE_ALL_KINDS, 12);
    sb_reset(&q1), sb_reset(&q2);
    for (size_t i = 0; i < s3.len; i++) {
        practice_question(&q1, &s1.items[i], false);
        practice_question(&q2, &s3.items[i], false);
    }
    ck_assert(strcmp(sb_str(&q1), sb_str(&q2)) == 0);
    sb_free(&q1), sb_free(&q2);
    practice_set_free(&s1), practice_set_free(&s2), practice_set_free(&s3);
}
END_TEST

START_TEST(test_kind_names)
{
    for (int k = 0; k < PRACTICE_NKINDS; k++) {
        practice_kind_t found;
        ck_assert(practice_kind_find(practice_kind_name((practice_kind_t)k), &found));
        ck_assert_int_eq(found, k);
        ck_assert_ptr_nonnull(strstr(practice_kind_names(), practice_kind_name((practice_kind_t)k)));
    }
    practice_kind_t k;
    ck_assert(practice_kind_find("COST", &k) && k == PRACTICE_COST);
    ck_assert(!practice_kind_find("costs", &k));
}
END_TEST

/* ---- answers come from the model: perturb the inputs, the answer follows ------------ */

START_TEST(test_daily_follows_model)
{
    practice_ex_t ex = text_example(PRACTICE_DAILY);
    practice_answer_t a = solve(&ex);
    ck_close(a.value, model_project(&ex.scenario, P(&ex, 0)).refusals, 1e-9);
    double before = a.value;
    ex.scenario.volume *= 2;
    ck_close(solve(&ex).value, 2 * before, 1e-6);
    P(&ex, 0)->orr /= 4;
    ck_close(solve(&ex).value, before / 2, 1e-6);
    ex.scenario.adv_share = 0.5; /* half the traffic can no longer be over-refused */
    ck_close(solve(&ex).value, model_project(&ex.scenario, P(&ex, 0)).refusals, 1e-9);
    ex.ask = 1;
    ck_close(solve(&ex).value, model_project(&ex.scenario, P(&ex, 0)).harmful, 1e-9);
    practice_ex_free(&ex);
}
END_TEST

START_TEST(test_change_follows_model)
{
    practice_ex_t ex = text_example(PRACTICE_CHANGE);
    ck_assert_int_eq(ex.ask, 2);
    comparison_t c = model_compare(&ex.scenario, P(&ex, 0), P(&ex, 1));
    practice_answer_t a = solve(&ex);
    ck_close(a.value, c.break_even, 1e-9);
    /* The break-even ratio does not depend on volume ... */
    ex.scenario.volume *= 3;
    ck_close(solve(&ex).value, a.value, 1e-6);
    /* ... but does on the adversarial share and on the rates. */
    ex.scenario.adv_share *= 2;
    ck_assert(fabs(solve(&ex).value - a.value) > 1);
    P(&ex, 1)->orr = 0.04;
    c = model_compare(&ex.scenario, P(&ex, 0), P(&ex, 1));
    ck_close(solve(&ex).value, c.break_even, 1e-9);
    ex.ask = 0;
    ck_close(solve(&ex).value, fabs(c.d_refusals), 1e-9);
    ex.ask = 1;
    ck_close(solve(&ex).value, fabs(c.d_harmful), 1e-9);
    practice_ex_free(&ex);
}
END_TEST

START_TEST(test_policy_follows_model)
{
    practice_ex_t ex = text_example(PRACTICE_POLICY);
    practice_answer_t a = solve(&ex);
    ck_assert_int_eq(a.kind, ANSWER_LETTERS);
    ck_assert_uint_eq(a.letters, 1u << 1); /* as policy_check says: only B */
    P(&ex, 0)->orr = 0.049;
    ck_assert_uint_eq(solve(&ex).letters, 3u);
    policy_find("enterprise", &ex.scenario.policy); /* ORR < 3%: 3.0% fails */
    ck_assert_uint_eq(solve(&ex).letters, 0u);
    ex.ask = 1;
    ex.a = 1;
    ck_assert_int_eq(solve(&ex).bound, BOUND_ORR);
    P(&ex, 1)->asr = 0.03;
    ck_assert_int_eq(solve(&ex).bound, BOUND_BOTH);
    policy_find("high-risk", &ex.scenario.policy); /* ORR <= 15% passes */
    ck_assert_int_eq(solve(&ex).bound, BOUND_ASR);
    practice_ex_free(&ex);
}
END_TEST

START_TEST(test_filter_follows_model)
{
    practice_ex_t ex = text_example(PRACTICE_FILTER);
    comparison_t c = model_compare(&ex.scenario, P(&ex, 0), P(&ex, 1));
    ck_close(solve(&ex).value, c.d_refusals, 1e-9);
    P(&ex, 1)->orr = 0.05;
    c = model_compare(&ex.scenario, P(&ex, 0), P(&ex, 1));
    ck_close(solve(&ex).value, c.d_refusals, 1e-9);
    ex.ask = 1;
    ck_close(solve(&ex).value, -c.d_harmful, 1e-9);
    ex.ask = 2;
    ck_close(solve(&ex).value, c.break_even, 1e-9);
    practice_ex_free(&ex);
}
END_TEST

START_TEST(test_frontier_follows_model)
{
    practice_ex_t ex = text_example(PRACTICE_FRONTIER);
    unsigned want = 0;
    for (size_t i = 0; i < ex.points.len; i++)
        for (size_t j = 0; j < ex.points.len; j++)
            if (frontier_dominates(P(&ex, j), P(&ex, i)))
                want |= 1u << i;
    ck_assert_uint_eq(solve(&ex).letters, want);
    ck_assert_uint_ne(want, 0);
    /* Make the last point the best on both sides: everything else is dominated. */
    size_t last = ex.points.len - 1;
    P(&ex, last)->asr = 0.0005;
    P(&ex, last)->orr = 0.01;
    ck_assert_uint_eq(solve(&ex).letters, (1u << last) - 1);
    practice_ex_free(&ex);

    /* The mix: the share reaches the target ASR exactly, whatever the target. */
    practice_set_t set = PRACTICE_SET_INIT;
    practice_generate(&set, 5, PRACTICE_FRONTIER, 2);
    practice_ex_t *mix = &set.items[1];
    ck_assert_int_eq(mix->ask, 1);
    double lo = P(mix, mix->a)->asr, hi = P(mix, mix->b)->asr;
    for (int k = 1; k < 5; k++) {
        double t = lo + (hi - lo) * k / 5.0;
        mix->target = t;
        practice_answer_t a = solve(mix);
        frontier_op_t op = frontier_op_mix(&mix->points, mix->a, mix->b, a.value / 100.0);
        ck_close(op.asr, t, 1e-12);
    }
    practice_set_free(&set);
}
END_TEST

/* The sample-size answer is the report's figure (two-sided, the policy
 * check's interval and level), said in the report's sentence. */
START_TEST(test_sample_follows_stats)
{
    practice_ex_t ex = text_example(PRACTICE_SAMPLE);
    bound_t hr = {0.0001, false};
    ck_close(solve(&ex).value, 38411, 0); /* the report's high-risk figure (issue 14) */
    ck_close(solve(&ex).value, (double)stats_zero_failure_claim_n(hr, 0.95, STATS_WILSON), 0);
    ex.interval = STATS_CLOPPER_PEARSON;
    ck_close(solve(&ex).value, 36887, 0);
    practice_solution_t sol = PRACTICE_SOLUTION_INIT;
    practice_solve(&ex, &sol);
    sb_t said = SB_INIT;
    stats_zero_failure_sentence(&said, "ASR", "adversarial", hr, 0.95, STATS_CLOPPER_PEARSON);
    ck_assert_ptr_nonnull(strstr(sb_str(&sol.meaning), sb_str(&said)));
    practice_solution_free(&sol);
    sb_free(&said);
    ex.interval = STATS_WILSON;
    ex.target = 0.005;
    ck_close(solve(&ex).value, 765, 0);
    ex.confidence = 0.99;
    bound_t two = {0.02, false};
    ex.target = 0.02;
    ck_close(solve(&ex).value, (double)stats_zero_failure_claim_n(two, 0.99, STATS_WILSON), 0);
    /* The inverse question: the bound that n clean prompts support. */
    ex.ask = 1;
    ex.target = 765;
    ex.confidence = 0.95;
    practice_answer_t a = solve(&ex);
    ck_assert(a.value < 0.5 && a.value > 0.49);
    bound_t got = {a.value / 100.0 * (1 + 1e-9), false};
    ck_assert_int_eq(stats_zero_failure_claim_n(got, 0.95, STATS_WILSON), 765);
    practice_ex_free(&ex);
}
END_TEST

START_TEST(test_cost_follows_model)
{
    practice_ex_t ex = text_example(PRACTICE_COST);
    /* $5,000 per harm is below the 6,660 break-even: product-ask (B) is cheaper. */
    ck_assert_uint_eq(solve(&ex).letters, 1u << 1);
    ex.scenario.cost_harm = 10000; /* above it: status-quo (A) */
    ck_assert_uint_eq(solve(&ex).letters, 1u << 0);
    ex.ask = 1;
    ck_close(solve(&ex).value, model_project(&ex.scenario, P(&ex, 0)).cost, 1e-6);
    /* A policy takes out what breaks it, however cheap. */
    ex.ask = 0;
    ex.scenario.cost_harm = 1000;
    ck_assert_uint_eq(solve(&ex).letters, 1u << 1);
    policy_find("consumer", &ex.scenario.policy); /* B's 0.50% is not < 0.50%; A's 5.00% not < 5.00% */
    ck_assert_uint_eq(solve(&ex).letters, 0u);
    P(&ex, 0)->orr = 0.045;
    ck_assert_uint_eq(solve(&ex).letters, 1u << 0);
    practice_ex_free(&ex);
}
END_TEST

/* A cheapest point exactly on a strict bound (status-quo's ORR 5.00% under
 * ORR < 5.00%) fails it, yet mixes toward it pass and approach its cost:
 * the worked steps say so in the report's words (optimal_limit_describe),
 * not nothing. */
START_TEST(test_cost_on_a_strict_bound_says_not_attained)
{
    practice_ex_t ex = text_example(PRACTICE_COST);
    policy_find("consumer", &ex.scenario.policy);
    ex.scenario.cost_harm = 10000;
    P(&ex, 1)->asr = 0.004; /* product-ask passes; status-quo sits on ORR < 5.00% */
    practice_solution_t sol = PRACTICE_SOLUTION_INIT;
    practice_solve(&ex, &sol);
    ck_assert_uint_eq(sol.answer.letters, 1u << 1);
    ck_assert_msg(strstr(sb_str(&sol.steps), "With mixes allowed, the optimum on the achievable hull is not "
                                             "attained: measured point status-quo fails ORR < 5.00% by its equality "
                                             "(ORR 5.00%); mixes toward it pass and approach its") != NULL,
                  "%s", sb_str(&sol.steps));
    practice_solution_free(&sol);
    practice_ex_free(&ex);
}
END_TEST

START_TEST(test_category_follows_policy)
{
    practice_ex_t ex = text_example(PRACTICE_CATEGORY);
    point_t *p = P(&ex, 0);
    unsigned want = 0;
    for (size_t i = 0; i < p->ncategories; i++)
        if (p->categories[i].critical &&
            !bound_passes(ex.scenario.policy.asr, (double)p->categories[i].attack_successes /
                                                      (double)p->categories[i].n_adversarial))
            want |= 1u << i;
    ck_assert_uint_ne(want, 0);
    ck_assert_uint_eq(solve(&ex).letters, want);
    for (size_t i = 0; i < p->ncategories; i++)
        if (want & (1u << i))
            p->categories[i].attack_successes = 0;
    ck_assert_uint_eq(solve(&ex).letters, 0u);
    /* Exactly at the bound: "below 0.5%" is strict, so 10 of 2,000 fails. */
    p->categories[0].n_adversarial = 2000;
    p->categories[0].attack_successes = 10;
    ck_assert(p->categories[0].critical);
    ck_assert_uint_eq(solve(&ex).letters, 1u);
    ex.ask = 1;
    long long n = 0, s = 0;
    for (size_t i = 0; i < p->ncategories; i++)
        if (p->categories[i].critical)
            n += p->categories[i].n_adversarial, s += p->categories[i].attack_successes;
    ck_close(solve(&ex).value, 100.0 * (double)s / (double)n, 1e-9);
    practice_ex_free(&ex);
}
END_TEST

/* Typing the computed answer is right and a far-off one is wrong, for every
 * exercise of many drills (so no kind can have an unreachable answer). */
static void typed_answer(const practice_answer_t *a, char *buf, size_t n, bool far_off)
{
    switch (a->kind) {
    case ANSWER_NUMBER:
        snprintf(buf, n, "%.10g", far_off ? a->value * 1.5 + 10 : a->value);
        break;
    case ANSWER_PERCENT:
        snprintf(buf, n, "%.10g%%", !far_off ? a->value : a->value >= 50 ? a->value / 2 : a->value + 20);
        break;
    case ANSWER_LETTERS:
    case ANSWER_LETTER: {
        unsigned set = a->letters;
        if (far_off && a->kind == ANSWER_LETTERS)
            set ^= 1u;
        else if (far_off) /* a letter on offer that is not the answer */
            for (int i = 0, done = 0; i < (a->nletters ? a->nletters : 26) && !done; i++)
                if (!(a->letters & (1u << i)))
                    set = 1u << i, done = 1;
        size_t o = 0;
        buf[0] = '\0';
        for (int i = 0; i < 26; i++)
            if (set & (1u << i)) {
                o += (size_t)snprintf(buf + o, n - o, "%s%c", o ? "," : "", 'a' + i);
                if (a->kind == ANSWER_LETTER)
                    break;
            }
        if (o == 0)
            snprintf(buf, n, a->kind == ANSWER_LETTER ? "Z" : "none");
        break;
    }
    case ANSWER_BOUND: {
        static const char *const words[] = {"none", "asr", "orr", "both"};
        snprintf(buf, n, "%s", words[far_off ? (a->bound + 1) % 4 : a->bound]);
        break;
    }
    }
}

START_TEST(test_every_answer_reachable)
{
    for (uint64_t seed = 1; seed <= 40; seed++) {
        practice_set_t set = PRACTICE_SET_INIT;
        practice_generate(&set, seed, PRACTICE_ALL_KINDS, 32);
        for (size_t i = 0; i < set.len; i++) {
            practice_answer_t a = solve(&set.items[i]);
            ck_assert_msg(a.kind == ANSWER_LETTERS || a.kind == ANSWER_BOUND || a.letters || isfinite(a.value),
                          "seed %llu exercise %zu has no answer", (unsigned long long)seed, i);
            char right[128], wrong[128];
            typed_answer(&a, right, sizeof right, false);
            typed_answer(&a, wrong, sizeof wrong, true);
            ck_assert_msg(judge(&a, right) == PRACTICE_RIGHT, "seed %llu #%zu: '%s' not right (%s)",
                          (unsigned long long)seed, i, right, a.shown);
            ck_assert_msg(judge(&a, wrong) == PRACTICE_WRONG, "seed %llu #%zu: '%s' not wrong (%s)",
                          (unsigned long long)seed, i, wrong, a.shown);
            /* a letter that is not on offer cannot be read: asked again, not scored */
            if (a.kind == ANSWER_LETTER || a.kind == ANSWER_LETTERS)
                ck_assert_msg(judge(&a, "Z") == PRACTICE_UNREADABLE, "seed %llu #%zu: 'Z' was scored",
                              (unsigned long long)seed, i);
        }
        practice_set_free(&set);
    }
}
END_TEST

/* ---- reading and judging answers -------------------------------------------------------- */

static practice_answer_t number(double v, double rel, double abs_tol, answer_kind_t k)
{
    practice_answer_t a;
    memset(&a, 0, sizeof a);
    a.kind = k;
    a.value = v;
    a.rel_tol = rel;
    a.abs_tol = abs_tol;
    snprintf(a.shown, sizeof a.shown, "%g", v);
    return a;
}

START_TEST(test_tolerance_edges)
{
    practice_answer_t a = number(6660, 0.01, 0.5, ANSWER_NUMBER);
    ck_assert_int_eq(judge(&a, "6660"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "6726.6"), PRACTICE_RIGHT); /* exactly 1% above */
    ck_assert_int_eq(judge(&a, "6593.4"), PRACTICE_RIGHT); /* exactly 1% below */
    ck_assert_int_eq(judge(&a, "6726.7"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "6593.3"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "6,660"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "6.66k"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "  ~6,700 "), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "about 6660"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "$6,660"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "-6660"), PRACTICE_RIGHT); /* sizes: the sign is not asked for */
    ck_assert_int_eq(judge(&a, "7k"), PRACTICE_WRONG);

    /* A small count: half an output either way, so rounding to whole outputs is right. */
    a = number(2.5, 0.01, 0.5, ANSWER_NUMBER);
    ck_assert_int_eq(judge(&a, "2"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "3"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "1.99"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "3.01"), PRACTICE_WRONG);

    /* A traffic share: half a percentage point, with or without the sign. */
    a = number(32, 0, 0.5, ANSWER_PERCENT);
    ck_assert_int_eq(judge(&a, "32"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "32.5%"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "31.5 %"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "32.51"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "0.32"), PRACTICE_WRONG); /* a fraction is not a percentage */
    ck_assert_int_eq(judge(&a, "101"), PRACTICE_UNREADABLE);

    /* A tiny rate: the absolute floor decides. */
    a = number(0.02995, 0.01, 0.0005, ANSWER_PERCENT);
    ck_assert_int_eq(judge(&a, "0.03"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "0.03045"), PRACTICE_RIGHT); /* exactly at the floor */
    ck_assert_int_eq(judge(&a, "0.0305"), PRACTICE_WRONG);

    /* An answer that is not a number is not a wrong answer. */
    a = number(6660, 0.01, 0.5, ANSWER_NUMBER);
    ck_assert_int_eq(judge(&a, ""), PRACTICE_UNREADABLE);
    ck_assert_int_eq(judge(&a, "   "), PRACTICE_UNREADABLE);
    ck_assert_int_eq(judge(&a, "lots"), PRACTICE_UNREADABLE);
    ck_assert_int_eq(judge(&a, "6,66"), PRACTICE_UNREADABLE); /* a decimal comma is ambiguous */
    ck_assert_int_eq(judge(&a, "0x1a04"), PRACTICE_UNREADABLE);
    ck_assert_int_eq(judge(&a, "nan"), PRACTICE_UNREADABLE);
}
END_TEST

START_TEST(test_letters_and_bounds)
{
    practice_answer_t a;
    memset(&a, 0, sizeof a);
    a.kind = ANSWER_LETTERS;
    a.letters = (1u << 3) | (1u << 6); /* D, G */
    ck_assert_int_eq(judge(&a, "D,G"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "g d"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "D and G"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "D"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "D,G,A"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "none"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "DG"), PRACTICE_UNREADABLE);
    ck_assert_int_eq(judge(&a, "none, D"), PRACTICE_UNREADABLE);
    a.letters = 0;
    ck_assert_int_eq(judge(&a, "none"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "A"), PRACTICE_WRONG);

    a.kind = ANSWER_LETTER; /* a tie: either is right, but only one may be given */
    a.letters = (1u << 0) | (1u << 2);
    ck_assert_int_eq(judge(&a, "a"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "C"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "B"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "A,C"), PRACTICE_UNREADABLE);

    memset(&a, 0, sizeof a);
    a.kind = ANSWER_BOUND;
    a.bound = BOUND_ORR;
    ck_assert_int_eq(judge(&a, "ORR"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, " orr "), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "ASR"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "both"), PRACTICE_WRONG);
    ck_assert_int_eq(judge(&a, "the refusals"), PRACTICE_UNREADABLE);
    a.bound = BOUND_BOTH;
    ck_assert_int_eq(judge(&a, "asr and orr"), PRACTICE_RIGHT);
    a.bound = BOUND_NONE;
    ck_assert_int_eq(judge(&a, "none"), PRACTICE_RIGHT);
    ck_assert_int_eq(judge(&a, "passes"), PRACTICE_RIGHT);
}
END_TEST

START_TEST(test_session_and_score)
{
    practice_set_t set = PRACTICE_SET_INIT;
    practice_generate(&set, 3, PRACTICE_ALL_KINDS, 3);
    practice_session_t s;
    practice_session_start(&s, &set);
    ck_assert_int_eq(s.phase, SESSION_ASKING);
    ck_assert_int_eq(practice_session_answer(&s, "what?"), PRACTICE_UNREADABLE);
    ck_assert_int_eq(s.phase, SESSION_ASKING); /* not scored; ask again */
    ck_assert_int_eq(practice_score_asked(&s.score), 0);
    char right[128];
    typed_answer(&s.sol.answer, right, sizeof right, false);
    ck_assert_int_eq(practice_session_answer(&s, right), PRACTICE_RIGHT);
    ck_assert_int_eq(s.phase, SESSION_SOLVED);
    practice_session_next(&s);
    ck_assert_int_eq(s.at, 1);
    char wrong[128];
    typed_answer(&s.sol.answer, wrong, sizeof wrong, true);
    ck_assert_int_eq(practice_session_answer(&s, wrong), PRACTICE_WRONG);
    practice_session_next(&s);
    practice_session_stop(&s);
    ck_assert_int_eq(s.phase, SESSION_DONE);
    sb_t sum = SB_INIT;
    practice_score_summary(&sum, &s.score);
    /* seed 3 starts with policy and frontier (a seeded order) */
    ck_assert_int_eq(set.items[0].kind, PRACTICE_POLICY);
    ck_assert_int_eq(set.items[1].kind, PRACTICE_FRONTIER);
    ck_assert_str_eq(sb_str(&sum), "Score: 1 of 2 right.\n"
                                   "  policy     1 of 1\n"
                                   "  frontier   0 of 1   (drill again: --kind frontier)\n");
    sb_free(&sum);
    practice_session_free(&s);
    practice_set_free(&set);
}
END_TEST

START_TEST(test_sheet_layout)
{
    char *text = worksheet(42, PRACTICE_ALL_KINDS, 9, false);
    ck_assert_ptr_nonnull(strchr(text, '\f'));
    for (const char *p = text; *p;) { /* prose lines fit 78 columns */
        size_t len = strcspn(p, "\n");
        if (*p != ' ')
            ck_assert_msg(len <= 78, "line too long: %.*s", (int)len, p);
        p += len + (p[len] == '\n');
    }
    free(text);
    char *md = worksheet(42, PRACTICE_ALL_KINDS, 9, true);
    char *brk = strstr(md, "<div style=\"page-break-after: always\"></div>");
    ck_assert_ptr_nonnull(brk);
    ck_assert(strstr(md, "**Answer:") > brk); /* no answer before the page break */
    ck_assert_ptr_nonnull(strstr(brk, "**Answer: 799,200**"));
    ck_assert_ptr_nonnull(strstr(md, "| A | variant-A | 0.20% | 6.00% |"));
    free(md);
}
END_TEST

/* ---- the screen ------------------------------------------------------------- */

typedef struct {
    practice_set_t set;
    practice_session_t session;
    practice_screen_t ps;
    practice_layout_t lay;
    sb_t dumps;
} drill_t;

static void drill_start(drill_t *d, int count)
{
    d->set = (practice_set_t)PRACTICE_SET_INIT;
    practice_generate(&d->set, 3, PRACTICE_ALL_KINDS, count);
    practice_session_start(&d->session, &d->set);
    practice_screen_init(&d->ps, &d->session, 3, true);
    d->lay = (practice_layout_t)PRACTICE_LAYOUT_INIT;
    d->dumps = (sb_t)SB_INIT;
}

/* Runs a key script on a w x h screen; the last screen is the dumps' tail. */
static void drill_keys(drill_t *d, const char *script, int w, int h)
{
    screen_t scr = practice_screen(&d->ps, &d->lay);
    sb_t err = SB_INIT;
    sb_reset(&d->dumps);
    ck_assert_msg(keyscript_run(&scr, script, w, h, &d->dumps, &err), "%s", sb_str(&err));
    sb_free(&err);
}

static void drill_free(drill_t *d)
{
    sb_free(&d->dumps);
    practice_session_free(&d->session);
    practice_set_free(&d->set);
}

START_TEST(test_screen_bindings)
{
    const bindings_t *t = practice_bindings();
    bool seen[PRA_COUNT] = {false};
    for (size_t i = 0; i < t->len; i++) {
        ck_assert_int_ne(t->rows[i].keys[0], 0);
        ck_assert(strlen(t->rows[i].description) > 8);
        ck_assert(!seen[t->rows[i].action]);
        seen[t->rows[i].action] = true;
        for (int k = 0; k < BINDING_MAX_KEYS && t->rows[i].keys[k]; k++)
            for (size_t j = 0; j < t->len; j++)
                for (int l = 0; l < BINDING_MAX_KEYS && t->rows[j].keys[l]; l++)
                    ck_assert_msg(i == j || t->rows[i].keys[k] != t->rows[j].keys[l], "key bound twice");
    }
    for (int a = PRA_NONE + 1; a < PRA_COUNT; a++)
        ck_assert_msg(seen[a], "action %d has no binding", a);
}
END_TEST

START_TEST(test_screen_answers_and_scores)
{
    drill_t d;
    drill_start(&d, 2);
    char right[128], wrong[128];
    typed_answer(&d.session.sol.answer, right, sizeof right, false);
    drill_keys(&d, "what? <Enter>", 100, 30);
    ck_assert_int_eq(d.session.phase, SESSION_ASKING); /* unreadable: asked again */
    ck_assert(d.ps.status_is_error);
    ck_assert_str_eq(d.ps.line.text, "what?"); /* kept, to be corrected */
    ck_assert(strstr(sb_str(&d.dumps), "could not read"));
    sb_t script = SB_INIT;
    sb_printf(&script, "<C-u> %s <Enter>", right);
    drill_keys(&d, sb_str(&script), 100, 30);
    ck_assert_int_eq(d.session.phase, SESSION_SOLVED);
    ck_assert_int_eq(practice_score_right(&d.session.score), 1);
    ck_assert(strstr(sb_str(&d.dumps), "RIGHT"));
    ck_assert(lineedit_empty(&d.ps.line));
    drill_keys(&d, "n", 100, 30); /* n goes on after the verdict */
    ck_assert_int_eq(d.session.at, 1);
    typed_answer(&d.session.sol.answer, wrong, sizeof wrong, true);
    sb_reset(&script);
    sb_printf(&script, "%s <Enter> <Enter>", wrong);
    drill_keys(&d, sb_str(&script), 100, 30);
    ck_assert_int_eq(d.session.phase, SESSION_DONE);
    ck_assert_int_eq(practice_score_asked(&d.session.score), 2);
    ck_assert(strstr(sb_str(&d.dumps), "Score: 1 of 2 right."));
    drill_keys(&d, "<Enter>", 100, 30); /* Enter leaves the finished drill */
    ck_assert(d.ps.flags.quit);
    sb_free(&script);
    drill_free(&d);
}
END_TEST

START_TEST(test_screen_quit_stops_the_session)
{
    drill_t d;
    drill_start(&d, 4);
    drill_keys(&d, "12q", 100, 30); /* q with text on the line is typed */
    ck_assert(!d.ps.flags.quit);
    ck_assert_str_eq(d.ps.line.text, "12q");
    drill_keys(&d, "<C-u> q", 100, 30);
    ck_assert(d.ps.flags.quit);
    ck_assert_int_eq(d.session.phase, SESSION_DONE); /* only what was answered is scored */
    ck_assert_int_eq(practice_score_asked(&d.session.score), 0);
    drill_free(&d);
}
END_TEST

START_TEST(test_screen_scrolls_within_its_text)
{
    drill_t d;
    drill_start(&d, 2);
    char right[128];
    typed_answer(&d.session.sol.answer, right, sizeof right, false);
    sb_t script = SB_INIT;
    sb_printf(&script, "%s <Enter>", right);
    drill_keys(&d, sb_str(&script), 60, 16); /* the smallest screen: the solution needs scrolling */
    ck_assert(d.lay.max_scroll > 0);
    drill_keys(&d, "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>", 60, 16);
    ck_assert_int_eq(d.ps.scroll, d.lay.max_scroll);
    ck_assert(strstr(sb_str(&d.dumps), "-- end --"));
    drill_keys(&d, "<Up>", 60, 16); /* one key back shows one more line at once */
    ck_assert_int_eq(d.ps.scroll, d.lay.max_scroll - 1);
    drill_keys(&d, "<Home>", 60, 16);
    ck_assert_int_eq(d.ps.scroll, 0);
    ck_assert(strstr(sb_str(&d.dumps), "-- more below"));
    sb_free(&script);
    drill_free(&d);
}
END_TEST

START_TEST(test_screen_small_and_ascii)
{
    drill_t d;
    drill_start(&d, 2);
    drill_keys(&d, "1 <Enter>", 59, 16);
    ck_assert(d.lay.too_small);
    ck_assert(strstr(sb_str(&d.dumps), "terminal too small: need 60x16, have 59x16"));
    ck_assert_int_eq(practice_score_asked(&d.session.score), 0); /* keys do nothing there */
    drill_keys(&d, "", 120, 40);
    for (const unsigned char *p = (const unsigned char *)sb_str(&d.dumps); *p; p++)
        ck_assert_msg(*p < 0x80, "non-ASCII byte in an ASCII screen");
    drill_free(&d);
}
END_TEST

static Suite *practice_suite(void)
{
    Suite *s = suite_create("practice");
    TCase *t = tcase_create("generator");
    tcase_add_test(t, test_rng_reference);
    tcase_add_test(t, test_same_seed_same_sheet);
    tcase_add_test(t, test_text_examples_first_and_prefix);
    tcase_add_test(t, test_kind_names);
    suite_add_tcase(s, t);
    t = tcase_create("model");
    tcase_add_test(t, test_daily_follows_model);
    tcase_add_test(t, test_change_follows_model);
    tcase_add_test(t, test_policy_follows_model);
    tcase_add_test(t, test_filter_follows_model);
    tcase_add_test(t, test_frontier_follows_model);
    tcase_add_test(t, test_sample_follows_stats);
    tcase_add_test(t, test_cost_follows_model);
    tcase_add_test(t, test_cost_on_a_strict_bound_says_not_attained);
    tcase_add_test(t, test_category_follows_policy);
    tcase_add_test(t, test_every_answer_reachable);
    tcase_set_timeout(t, 60);
    suite_add_tcase(s, t);
    t = tcase_create("answers");
    tcase_add_test(t, test_tolerance_edges);
    tcase_add_test(t, test_letters_and_bounds);
    tcase_add_test(t, test_session_and_score);
    tcase_add_test(t, test_sheet_layout);
    suite_add_tcase(s, t);
    t = tcase_create("screen");
    tcase_add_test(t, test_screen_bindings);
    tcase_add_test(t, test_screen_answers_and_scores);
    tcase_add_test(t, test_screen_quit_stops_the_session);
    tcase_add_test(t, test_screen_scrolls_within_its_text);
    tcase_add_test(t, test_screen_small_and_ascii);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(practice_suite)
