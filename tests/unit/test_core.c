/* Unit tests of the core model: every worked number of the domain text,
 * the policies, and the number parsing and formatting people rely on. */
#include "config.h"

#include "unit.h"
#include "base/json.h"
#include "core/model.h"
#include "base/num.h"
#include "core/point.h"
#include "core/policy.h"
#include "core/shortname.h"
#include "core/builtin.h"
#include "base/strbuf.h"
#include "base/text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The domain text rounds; 0.1% relative is the tolerance the issue sets. */
#define ck_near(x, want) ck_assert_msg(fabs((x) - (double)(want)) <= fabs((double)(want)) * 1e-3 + 1e-9, \
                                       "%s = %.10g, want %.10g", #x, (double)(x), (double)(want))

static point_t pt(const char *name, double asr_pct, double orr_pct)
{
    point_t p = point_make(name);
    p.asr = asr_pct / 100;
    p.orr = orr_pct / 100;
    return p;
}

START_TEST(test_refusals_before_and_after_tuning)
{
    scenario_t s = model_default_scenario();
    point_t base = pt("baseline", 1.0, 2.0), tuned = pt("tuned", 0.1, 8.0);
    ck_near(model_project(&s, &base).refusals, 199800);
    ck_near(model_project(&s, &tuned).refusals, 799200);
    point_free(&base);
    point_free(&tuned);
}
END_TEST

START_TEST(test_ab_variants)
{
    scenario_t s = model_default_scenario();
    point_t a = pt("A", 0.2, 6.0), b = pt("B", 0.4, 3.0);
    projection_t pa = model_project(&s, &a), pb = model_project(&s, &b);
    ck_near(pa.harmful, 20);
    ck_near(pa.refusals, 599400);
    ck_near(pb.harmful, 40);
    ck_near(pb.refusals, 299700);
    verdict_t va = policy_check(&s.policy, a.asr, a.orr), vb = policy_check(&s.policy, b.asr, b.orr);
    ck_assert(!va.asr_fail);
    ck_assert(va.orr_fail); /* 6.0% is not under 5.0% */
    ck_assert(verdict_pass(vb));
    point_free(&a);
    point_free(&b);
}
END_TEST

START_TEST(test_product_vs_safety)
{
    scenario_t s = model_default_scenario();
    point_t a = pt("status-quo", 0.2, 5.0), b = pt("product-ask", 0.5, 3.0);
    comparison_t c = model_compare(&s, &a, &b);
    ck_near(c.d_refusals, -199800);
    ck_near(c.d_harmful, 30);
    ck_near(c.break_even, 6660);
    ck_assert_int_eq(c.kind, CMP_TRADE_HELPFUL);
    sb_t sb = SB_INIT;
    model_sentence(&sb, &s, "A", "B", &c);
    ck_assert_str_eq(sb_str(&sb), "Moving from A to B: 199,800 fewer unnecessary refusals and 30 more "
                                  "harmful outputs per day. B is better only if one harmful output costs "
                                  "less than 6,660 unnecessary refusals.");
    sb_free(&sb);
    point_free(&a);
    point_free(&b);
}
END_TEST

/* Across measurement groups the comparison is not comparable, and the
 * sentence says first that it compares different measurements, naming both
 * groups, then says what it says within a group; within a group it is
 * exactly today's sentence (test_product_vs_safety). */
START_TEST(test_comparison_across_groups)
{
    scenario_t s = model_default_scenario();
    point_t a = pt("status-quo", 0.2, 5.0), b = pt("product-ask", 0.5, 3.0);
    const char *today = "Moving from A to B: 199,800 fewer unnecessary refusals and 30 more harmful outputs per "
                        "day. B is better only if one harmful output costs less than 6,660 unnecessary refusals.";
    point_set_group(&a, "HarmBench / XSTest", POINT_GROUP_COLUMNS);
    point_set_group(&b, "HarmBench / XSTest", POINT_GROUP_COLUMNS);
    comparison_t c = model_compare(&s, &a, &b);
    ck_assert(c.comparable);
    sb_t sb = SB_INIT;
    model_sentence(&sb, &s, "A", "B", &c);
    ck_assert_str_eq(sb_str(&sb), today);

    point_set_group(&b, "StrongREJECT / XSTest", POINT_GROUP_COLUMNS);
    c = model_compare(&s, &a, &b);
    ck_assert(!c.comparable && c.groups_known);
    ck_assert_str_eq(c.group_a, "HarmBench / XSTest");
    ck_assert_str_eq(c.group_b, "StrongREJECT / XSTest");
    ck_near(c.break_even, 6660); /* the numbers are what they are */
    sb_reset(&sb);
    model_sentence(&sb, &s, "A", "B", &c);
    sb_t want = SB_INIT;
    sb_printf(&want, "A and B were measured on different sets or judges (HarmBench / XSTest; StrongREJECT / "
                     "XSTest): this compares different measurements. %s", today);
    ck_assert_str_eq(sb_str(&sb), sb_str(&want));

    /* groups that only stand for their files: not known to differ */
    point_set_group(&a, "a.csv", POINT_GROUP_FILE);
    point_set_group(&b, "b.csv", POINT_GROUP_FILE);
    c = model_compare(&s, &a, &b);
    ck_assert(!c.comparable && !c.groups_known);
    sb_reset(&sb);
    model_sentence(&sb, &s, "A", "B", &c);
    ck_assert_msg(strstr(sb_str(&sb), "A and B are in different groups (a.csv; b.csv), not known to be measured on "
                                      "the same sets: this may compare different measurements. Moving from A"),
                  "%s", sb_str(&sb));
    sb_free(&want);
    sb_free(&sb);
    point_free(&a);
    point_free(&b);
}
END_TEST

START_TEST(test_filter_change)
{
    scenario_t s = model_default_scenario();
    point_t a = pt("before", 0.3, 4.0), b = pt("after", 0.2, 6.0);
    comparison_t c = model_compare(&s, &a, &b);
    ck_near(c.d_harmful, -10);
    ck_near(c.d_refusals, 199800);
    ck_assert_int_eq(c.kind, CMP_TRADE_SAFER);
    ck_near(c.break_even, 19980);
    sb_t sb = SB_INIT;
    model_sentence(&sb, &s, "before", "after", &c);
    ck_assert_msg(strstr(sb_str(&sb), "10 fewer harmful outputs and 199,800 more unnecessary refusals"),
                  "%s", sb_str(&sb));
    ck_assert_msg(strstr(sb_str(&sb), "costs more than 19,980"), "%s", sb_str(&sb));
    sb_free(&sb);
    point_free(&a);
    point_free(&b);
}
END_TEST

START_TEST(test_dominance_and_costs)
{
    scenario_t s = model_default_scenario();
    s.cost_refusal = 0.5;
    s.cost_harm = 1000;
    point_t a = pt("a", 0.5, 5.0), b = pt("b", 0.2, 3.0), same = pt("same", 0.5, 5.0);
    comparison_t c = model_compare(&s, &a, &b);
    ck_assert_int_eq(c.kind, CMP_B_DOMINATES);
    ck_assert(isnan(c.break_even));
    /* refusals 499,500 -> 299,700 at $0.5; harmful 50 -> 20 at $1000 */
    ck_near(c.a.cost, 499500 * 0.5 + 50 * 1000.0);
    ck_near(c.d_cost, (299700 - 499500) * 0.5 + (20 - 50) * 1000.0);
    ck_assert_int_eq(model_compare(&s, &b, &a).kind, CMP_A_DOMINATES);
    ck_assert_int_eq(model_compare(&s, &a, &same).kind, CMP_SAME);
    sb_t sb = SB_INIT;
    model_sentence(&sb, &s, "a", "b", &c);
    ck_assert_msg(strstr(sb_str(&sb), "b is better at any exchange rate"), "%s", sb_str(&sb));
    ck_assert_msg(strstr(sb_str(&sb), "b costs $129,900 less per day"), "%s", sb_str(&sb));
    sb_free(&sb);
    point_free(&a);
    point_free(&b);
    point_free(&same);
}
END_TEST

START_TEST(test_missing_rate)
{
    scenario_t s = model_default_scenario();
    point_t a = pt("a", 0.5, 5.0), b = point_make("b");
    b.asr = 0.01;
    projection_t p = model_project(&s, &b);
    ck_assert(isnan(p.refusals));
    ck_near(p.harmful, 100);
    ck_assert_int_eq(model_compare(&s, &a, &b).kind, CMP_UNKNOWN);
    verdict_t v = policy_check(&s.policy, b.asr, b.orr);
    ck_assert(v.orr_unknown && v.asr_fail && !verdict_pass(v));
    point_free(&a);
    point_free(&b);
}
END_TEST

START_TEST(test_policy_bounds_inclusive)
{
    policy_t pol;
    ck_assert(policy_find("consumer", &pol));
    /* "below 0.5%" and "under 5.0%": strict */
    ck_assert(policy_check(&pol, 0.005, 0.01).asr_fail);
    ck_assert(policy_check(&pol, 0.001, 5.0 / 100).orr_fail);
    ck_assert(!policy_check(&pol, 0.00499, 0.0499).asr_fail);
    ck_assert(policy_find("enterprise", &pol));
    /* "up to 2.0%": inclusive; "under 3.0%": strict */
    ck_assert(!policy_check(&pol, 2.0 / 100, 0.01).asr_fail);
    ck_assert(policy_check(&pol, 0.0201, 0.01).asr_fail);
    ck_assert(policy_check(&pol, 0.01, 3.0 / 100).orr_fail);
    ck_assert(policy_find("HIGH-RISK", &pol));
    ck_assert(policy_check(&pol, 0.01 / 100, 0.10).asr_fail);
    ck_assert(!policy_check(&pol, 0.00009, 15.0 / 100).orr_fail);
    ck_assert(policy_check(&pol, 0.00009, 0.1501).orr_fail);
    ck_assert(policy_find("none", &pol));
    ck_assert(verdict_pass(policy_check(&pol, 1, 1)));
    ck_assert(!policy_find("lenient", &pol));
}
END_TEST

START_TEST(test_verdict_names_the_bound)
{
    policy_t pol;
    policy_find("consumer", &pol);
    sb_t sb = SB_INIT;
    verdict_describe(&sb, &pol, policy_check(&pol, 0.002, 0.06), 0.002, 0.06);
    ck_assert_str_eq(sb_str(&sb), "fail: ORR 6.00% is not < 5.00%");
    sb_reset(&sb);
    verdict_describe(&sb, &pol, policy_check(&pol, 0.004, 0.03), 0.004, 0.03);
    ck_assert_str_eq(sb_str(&sb), "pass");
    sb_free(&sb);
}
END_TEST

START_TEST(test_seed_points)
{
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    ck_assert_uint_eq(set.len, 8);
    scenario_t s = model_default_scenario();
    ck_near(model_project(&s, pointset_find(&set, "safety-tuned")).refusals, 799200);
    comparison_t c = model_compare(&s, pointset_find(&set, "status-quo"), pointset_find(&set, "product-ask"));
    ck_near(c.break_even, 6660);
    pointset_free(&set);
}
END_TEST

START_TEST(test_parse_count)
{
    const char *good[] = {"10000000", "10,000,000", "1e7", "10M", "10m", " 10M ", "1.0e+7", "10000k"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        double v = 0;
        ck_assert_msg(num_parse_count(good[i], &v) == NULL, "rejected %s", good[i]);
        ck_assert_msg(v == 1e7, "%s -> %g", good[i], v);
    }
    double v;
    ck_assert(num_parse_count("2.5k", &v) == NULL && v == 2500);
    ck_assert(num_parse_count("1B", &v) == NULL && v == 1e9);
    const char *bad[] = {"ten", "", "-5", "0", "1,5", "10,00", "0x10", "nan", "inf", "1e999", "10MM", "1 000",
                         ",100", "100,", "1e"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(num_parse_count(bad[i], &v) != NULL, "accepted '%s'", bad[i]);
    ck_assert_ptr_nonnull(strstr(num_parse_count("1,5", &v), "thousands separator"));
    /* Volumes follow the explorer's slider, from its minimum (issue 19:
     * 1e-300 was taken and printed as -0), to the cap, which is named. */
    ck_assert_str_eq(num_parse_count("1e-300", &v),
                     "expected at least 1,000 queries per day (the smallest volume tradeoff models)");
    ck_assert_ptr_nonnull(num_parse_count("999", &v));
    ck_assert(num_parse_count("1k", &v) == NULL && v == NUM_MIN_VOLUME);
    ck_assert_str_eq(num_parse_count("2e15", &v), "expected at most 1e15 queries per day");
}
END_TEST

START_TEST(test_parse_percent)
{
    double f;
    ck_assert(num_parse_percent("0.1", &f) == NULL && fabs(f - 0.001) < 1e-15);
    ck_assert(num_parse_percent("0.1%", &f) == NULL && fabs(f - 0.001) < 1e-15);
    ck_assert(num_parse_percent("100", &f) == NULL && f == 1);
    ck_assert(num_parse_percent("-0", &f) == NULL && f == 0 && !signbit(f));
    ck_assert(num_parse_percent("150", &f) != NULL);
    ck_assert(num_parse_percent("-1", &f) != NULL);
    ck_assert(num_parse_percent("nan", &f) != NULL);
    ck_assert(num_parse_percent("5%%", &f) != NULL);
    ck_assert(num_parse_amount("$1,000", &f) == NULL && f == 1000);
    ck_assert(num_parse_amount("2k", &f) == NULL && f == 2000);
    ck_assert(num_parse_amount("-3", &f) != NULL);
    /* A cost past the cap is refused at the flag: 1e300 once printed as
     * "$100,000,...,442,02", and made an infinite daily cost. */
    ck_assert_str_eq(num_parse_amount("1e300", &f), "expected a cost of at most 1e15");
    ck_assert(num_parse_amount("1e15", &f) == NULL && f == 1e15);
}
END_TEST

START_TEST(test_format)
{
    char b[64];
    ck_assert_str_eq(num_format_int(199800, b, sizeof b), "199,800");
    ck_assert_str_eq(num_format_int(-1234567.4, b, sizeof b), "-1,234,567");
    ck_assert_str_eq(num_format_int(999, b, sizeof b), "999");
    ck_assert_str_eq(num_format_count(29.99999999, b, sizeof b), "30");
    ck_assert_str_eq(num_format_count(2.5, b, sizeof b), "2.5");
    ck_assert_str_eq(num_format_count(0.0482, b, sizeof b), "0.0482");
    ck_assert_str_eq(num_format_count(6660.0000001, b, sizeof b), "6,660");
    ck_assert_str_eq(num_format_pct(0.002, b, sizeof b), "0.20%");
    ck_assert_str_eq(num_format_pct(0.08, b, sizeof b), "8.00%");
    ck_assert_str_eq(num_format_pct(NAN, b, sizeof b), "-");
    ck_assert_str_eq(num_format_money(129900, b, sizeof b), "$129,900");
    ck_assert_str_eq(num_format_money(0.5, b, sizeof b), "$0.50");
    ck_assert_str_eq(num_format_json(0.1, b, sizeof b), "0.1");
    ck_assert_str_eq(num_format_json(199800.00000000003, b, sizeof b), "199800.00000000003");
    ck_assert_str_eq(num_format_json(NAN, b, sizeof b), "null");
    /* Numbers that do not fit are shown in exponent form, never cut. */
    ck_assert_str_eq(num_format_int(1e15, b, sizeof b), "1,000,000,000,000,000");
    ck_assert_str_eq(num_format_int(1.998e305, b, sizeof b), "1.998e305");
    ck_assert_str_eq(num_format_int(-2e16, b, sizeof b), "-2e16");
    ck_assert_str_eq(num_format_money(1.998e305, b, sizeof b), "$1.998e305");
    ck_assert_str_eq(num_format_money(7.992e28, b, sizeof b), "$7.992e28");
    ck_assert_str_eq(num_format_money(0.004, b, sizeof b), "$0.004");
    ck_assert_str_eq(num_format_money(-1e-300, b, sizeof b), "-$1e-300");
    ck_assert_str_eq(num_format_count(1e20, b, sizeof b), "1e20");
    ck_assert_str_eq(num_format_count(1.5e-9, b, sizeof b), "1.5e-9");
    ck_assert_str_eq(num_format_count(1e-8, b, sizeof b), "1e-8");
    ck_assert_str_eq(num_format_count(-1e-300, b, sizeof b), "-1e-300");
    ck_assert_str_eq(num_format_pct(-0.0, b, sizeof b), "0.00%");
    ck_assert_str_eq(num_format_pct(1e-15, b, sizeof b), "1e-13%");
    /* Beside a bound: enough decimals that the rate is visibly on its side. */
    ck_assert_str_eq(num_format_pct_beside(0.004984, 0.005, b, sizeof b), "0.498%");
    ck_assert_str_eq(num_format_pct_beside(0.0050004, 0.005, b, sizeof b), "0.50004%");
    ck_assert_str_eq(num_format_pct_beside(0.0049999, 0.005, b, sizeof b), "0.49999%");
    ck_assert_str_eq(num_format_pct_beside(0.005, 0.005, b, sizeof b), "0.50%");
    ck_assert_str_eq(num_format_pct_beside(0.004, 0.005, b, sizeof b), "0.40%");
    ck_assert_str_eq(num_format_pct_beside(0.004985, INFINITY, b, sizeof b), "0.50%");
    ck_assert_str_eq(num_format_short(2.917e8, b, sizeof b), "291.7M");
    ck_assert_str_eq(num_format_short(3.65e17, b, sizeof b), "3.65e17");
    /* The longest texts fit NUM_BUF. */
    char small[NUM_BUF];
    ck_assert_str_eq(num_format_money(-999999999999999, small, sizeof small), "-$999,999,999,999,999");
    ck_assert_str_eq(num_format_money(-1.2345e-300, small, sizeof small), "-$1.234e-300");
    /* A change is signed once, and says when it is unknown: an infinite
     * cost once gave "Change in daily cost +-". */
    ck_assert_str_eq(num_format_change(INFINITY, num_format_money, b, sizeof b), "unknown");
    ck_assert_str_eq(num_format_change(NAN, num_format_count, b, sizeof b), "unknown");
    ck_assert_str_eq(num_format_change(-2.5, num_format_money, b, sizeof b), "-$2.50");
    ck_assert_str_eq(num_format_change(5e20, num_format_money, b, sizeof b), "+$5e20");
    ck_assert_str_eq(num_format_change(-3, num_format_count, b, sizeof b), "-3");
    ck_assert_str_eq(num_format_change(-1e-12, num_format_count, b, sizeof b), "0");
    /* a count for a narrow column: never thousands of billions */
    ck_assert_str_eq(num_format_short(3.6162e12, b, sizeof b), "3.6T");
    ck_assert_str_eq(num_format_short(291.7e6, b, sizeof b), "291.7M");
    ck_assert_str_eq(num_format_short(1.5e9, b, sizeof b), "1.5B");
    ck_assert_str_eq(num_format_short(9999999, b, sizeof b), "9,999,999");
    ck_assert_str_eq(num_format_short(36500, b, sizeof b), "36,500");
}
END_TEST

/* The short names of a set: within each group the prefix and suffix all
 * its names share are left out; a short name two groups would share keeps
 * what the whole set does not share (the judge); all are different. */
static void add_named(pointset_t *set, const char *name, const char *group)
{
    point_t p = point_make(name);
    point_set_group(&p, group, POINT_GROUP_PROMPTS);
    pointset_add(set, p);
}

START_TEST(test_short_names)
{
    pointset_t set = POINTSET_INIT;
    static const char *const files[] = {"gpt4", "llama2new", "llama2orig", "mistralguard", "mistralinstruct"};
    static const char *const judges[] = {"final_label", "gpt4_label"};
    size_t group_of[10];
    for (size_t f = 0; f < 5; f++)
        for (size_t j = 0; j < 2; j++) {
            char name[96];
            snprintf(name, sizeof name, "xstest_v2_labels_%s (%s)", files[f], judges[j]);
            add_named(&set, name, judges[j]);
            group_of[set.len - 1] = j;
        }
    shortnames_t sn;
    shortnames_compute(&sn, &set, group_of);
    ck_assert_str_eq(sn.names[0], "gpt4 (final_label)"); /* "gpt4" alone: another group's too */
    ck_assert_str_eq(sn.names[9], "mistralinstruct (gpt4_label)");
    /* the name within the group, for a list that shows the group beside it */
    ck_assert(sn.shared);
    ck_assert_str_eq(sn.within_group[0], "gpt4");
    ck_assert_str_eq(sn.within_group[9], "mistralinstruct");
    for (size_t i = 0; i < set.len; i++)
        for (size_t k = i + 1; k < set.len; k++)
            ck_assert_str_ne(sn.names[i], sn.names[k]);
    shortnames_free(&sn);
    pointset_free(&set);

    /* one group: the shared suffix goes; a single point keeps its name */
    size_t one[4] = {0, 0, 0, 1};
    add_named(&set, "Claude-2.1 (as released)", "or");
    add_named(&set, "Gemma-7b (as released)", "or");
    add_named(&set, "GPT-4o (as released)", "or");
    add_named(&set, "baseline", "other");
    shortnames_compute(&sn, &set, one);
    ck_assert_str_eq(sn.names[0], "Claude-2.1");
    ck_assert_str_eq(sn.names[2], "GPT-4o");
    ck_assert_str_eq(sn.names[3], "baseline");
    ck_assert(!sn.shared && !sn.within_group[0]); /* no name shared: none kept */
    shortnames_free(&sn);
    pointset_free(&set);

    /* never cut inside a number: "t=0.05" is not "05" */
    add_named(&set, "t=0.05", "g");
    add_named(&set, "t=0.10", "g");
    shortnames_compute(&sn, &set, NULL);
    ck_assert_str_eq(sn.names[0], "t=0.05");
    ck_assert_str_eq(sn.names[1], "t=0.10");
    shortnames_free(&sn);
    pointset_free(&set);

    /* never cut inside brackets: "label)" is no name */
    add_named(&set, "run (gpt4_label)", "g");
    add_named(&set, "run (gpt4_label) [b/run.csv]", "g");
    shortnames_compute(&sn, &set, NULL);
    ck_assert_str_eq(sn.names[0], "(gpt4_label)");
    ck_assert_str_eq(sn.names[1], "(gpt4_label) [b/run.csv]");
    shortnames_free(&sn);
    pointset_free(&set);

    /* a name the shared parts would empty keeps itself */
    add_named(&set, "model", "g");
    add_named(&set, "model-b", "g");
    shortnames_compute(&sn, &set, NULL);
    ck_assert_str_eq(sn.names[0], "model");
    ck_assert_str_eq(sn.names[1], "model-b");
    shortnames_free(&sn);
    pointset_free(&set);
}
END_TEST

/* text_quote keeps every byte but NUL through text_unquote, and writes
 * printable text on one line (scenario files, issue 19). */
START_TEST(test_quote_round_trip)
{
    char all[256];
    for (int i = 1; i < 256; i++)
        all[i - 1] = (char)i;
    all[255] = '\0';
    const char *samples[] = {all, "", " both ends ", "esc\x1b]0;title\x07", "\xe2\x80\xae\xc2\x85", "caf\xc3\xa9",
                             "\\x41\\\"", "\xff\xfe"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        sb_t q = SB_INIT;
        text_quote(&q, samples[i]);
        for (const unsigned char *p = (const unsigned char *)sb_str(&q); *p; p++)
            ck_assert_msg(*p >= 0x20 && *p != 0x7f, "sample %zu: control byte 0x%02x", i, *p);
        ck_assert_msg(text_is_clean(sb_str(&q)), "sample %zu: %s", i, sb_str(&q));
        char *back = NULL;
        const char *end = NULL;
        size_t at = 99;
        ck_assert_ptr_null(text_unquote(sb_str(&q), &back, &end, &at));
        ck_assert_str_eq(back, samples[i]);
        ck_assert_ptr_eq(end, sb_str(&q) + q.len);
        free(back);
        sb_free(&q);
    }
    char *back = NULL;
    const char *end;
    size_t at = 99;
    ck_assert_str_eq(text_unquote("\"a\\x00\"", &back, &end, &at), "\\x00: a NUL byte cannot be part of a name or path");
    ck_assert_uint_eq(at, 2);
    ck_assert_ptr_nonnull(text_unquote("\"open", &back, &end, &at));
    ck_assert_uint_eq(at, 0);
    ck_assert_ptr_nonnull(text_unquote("\"a\\", &back, &end, &at));
    ck_assert_ptr_nonnull(text_unquote("\"\\x4\"", &back, &end, &at));
    ck_assert_ptr_null(back);
}
END_TEST

/* A share a person set is shown as set (0.037%, not 0.04%); rates in
 * machine output carry no binary noise (12 significant digits); the
 * decimals a number was printed with. */
START_TEST(test_exact_display)
{
    char b[64];
    ck_assert_str_eq(num_format_pct_exact(0.00037, b, sizeof b), "0.037%");
    ck_assert_str_eq(num_format_pct_exact(0.001, b, sizeof b), "0.10%");
    ck_assert_str_eq(num_format_pct_exact(0.000123, b, sizeof b), "0.0123%");
    ck_assert_str_eq(num_format_pct_exact(0.5, b, sizeof b), "50.00%");
    ck_assert_str_eq(num_format_pct_exact(1.0 / 3, b, sizeof b), "33.3333333333%");
    ck_assert_str_eq(num_format_pct(0.00037, b, sizeof b), "0.04%");
    /* 1 - 0.918 is 0.08199999999999996 in binary: 8.2 in percent */
    ck_assert(num_fraction_to_pct(1 - 0.918) == 8.2);
    ck_assert_str_eq(num_format_json(num_fraction_to_pct(1 - 0.918), b, sizeof b), "8.2");
    ck_assert_str_eq(num_format_json(num_fraction_to_pct(0.596), b, sizeof b), "59.6");
    ck_assert_str_eq(num_format_json(num_fraction_to_pct(134.0 / 189), b, sizeof b), "70.8994708995");
    ck_assert_int_eq(num_printed_decimals("0.5"), 1);
    ck_assert_int_eq(num_printed_decimals(" 8.40% "), 2);
    ck_assert_int_eq(num_printed_decimals("12"), 0);
    ck_assert_int_eq(num_printed_decimals("1,000.25"), 2);
    ck_assert_int_eq(num_printed_decimals("5e-3"), 3);
    ck_assert_int_eq(num_printed_decimals("1.5E2"), -1);
}
END_TEST

START_TEST(test_sanitize)
{
    const char evil[] = "ok\x1b[2J\x07name\xff\xc0\xaf\r\n\xe2\x80\xae";
    char *s = text_sanitize(evil, sizeof evil - 1);
    ck_assert_ptr_null(strchr(s, 0x1b));
    ck_assert(text_is_clean(s));
    ck_assert_str_eq(s, "ok?[2J?name\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd  ?");
    free(s);
    char *nul = text_sanitize("a\0b", 3);
    ck_assert_str_eq(nul, "a?b");
    free(nul);
    ck_assert(text_is_clean("caf\xc3\xa9"));
    ck_assert_int_eq(text_width("caf\xc3\xa9"), 4);
    sb_t sb = SB_INIT;
    text_pad(&sb, "abcdefgh", 5, false);
    ck_assert_str_eq(sb_str(&sb), "abcd\xe2\x80\xa6");
    sb_free(&sb);
}
END_TEST

START_TEST(test_json_writer)
{
    sb_t sb = SB_INIT;
    json_t j;
    json_init(&j, &sb);
    json_object_begin(&j);
    json_key(&j, "a\"b");
    json_array_begin(&j);
    json_number(&j, 1.5);
    json_count(&j, -1);
    json_string(&j, "x\ny");
    json_array_end(&j);
    json_key(&j, "e");
    json_object_begin(&j);
    json_object_end(&j);
    json_object_end(&j);
    ck_assert_str_eq(sb_str(&sb), "{\n  \"a\\\"b\": [\n    1.5,\n    null,\n    \"x\\ny\"\n  ],\n  \"e\": {}\n}\n");
    sb_free(&sb);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *t = tcase_create("domain-text");
    tcase_add_test(t, test_refusals_before_and_after_tuning);
    tcase_add_test(t, test_ab_variants);
    tcase_add_test(t, test_product_vs_safety);
    tcase_add_test(t, test_comparison_across_groups);
    tcase_add_test(t, test_filter_change);
    tcase_add_test(t, test_seed_points);
    suite_add_tcase(s, t);
    t = tcase_create("model");
    tcase_add_test(t, test_dominance_and_costs);
    tcase_add_test(t, test_missing_rate);
    tcase_add_test(t, test_policy_bounds_inclusive);
    tcase_add_test(t, test_verdict_names_the_bound);
    suite_add_tcase(s, t);
    t = tcase_create("numbers-and-text");
    tcase_add_test(t, test_parse_count);
    tcase_add_test(t, test_parse_percent);
    tcase_add_test(t, test_format);
    tcase_add_test(t, test_short_names);
    tcase_add_test(t, test_exact_display);
    tcase_add_test(t, test_sanitize);
    tcase_add_test(t, test_quote_round_trip);
    tcase_add_test(t, test_json_writer);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(core_suite)
