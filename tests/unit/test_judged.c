/* Unit tests of judged per-prompt results: presets, generic mapping flags,
 * per-category counts and the reporting of verdicts nobody listed. */
#include "config.h"

#include "unit.h"
#include "load/load.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static char *data_path(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("DATADIR");
    snprintf(buf, sizeof buf, "%s/%s", dir ? dir : "data", name);
    return buf;
}

static bool has_warning(const diag_t *d, const char *want)
{
    for (size_t i = 0; i < d->nwarnings; i++)
        if (strstr(d->warnings[i], want))
            return true;
    return false;
}

/* Loads an XSTest file with the given judge and checks its counts. */
static void check_xstest(const char *file, const char *judge, long long adv_succ, long long ben_ref)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.preset = "xstest";
    o.judge = judge;
    ck_assert_int_eq(load_file(&set, data_path(file), &o, &d), 0);
    ck_assert_uint_eq(set.len, 1);
    const point_t *p = &set.items[0];
    ck_assert_int_eq(p->n_adversarial, 200);
    ck_assert_int_eq(p->n_benign, 250);
    ck_assert_int_eq(p->attack_successes, adv_succ);
    ck_assert_int_eq(p->benign_refused, ben_ref);
    ck_assert(p->asr == (double)adv_succ / 200);
    ck_assert(p->orr == (double)ben_ref / 250);
    /* per-category counts add up to the totals */
    long long n = 0, k = 0;
    for (size_t i = 0; i < p->ncategories; i++) {
        n += p->categories[i].n_adversarial;
        k += p->categories[i].attack_successes;
    }
    ck_assert_int_eq(n, p->n_adversarial);
    ck_assert_int_eq(k, p->attack_successes);
    diag_free(&d);
    pointset_free(&set);
}

START_TEST(test_xstest_published_figures)
{
    /* data/SOURCES.md: GPT-4 21/250 safe refused (8.4%), 1/200 unsafe
     * complied (0.5%); Llama-2 original prompt 149/250 (59.6%). */
    check_xstest("xstest/xstest_v2_labels_gpt4.csv", NULL, 1, 21);
    check_xstest("xstest/xstest_v2_labels_gpt4.csv", "final_label", 1, 21);
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_file(&set, data_path("xstest/xstest_v2_labels_llama2orig.csv"), NULL, &d), 0);
    ck_assert_int_eq(set.items[0].benign_refused, 149);
    ck_assert_int_eq(set.items[0].n_benign, 250);
    ck_assert_str_eq(set.items[0].name, "xstest_v2_labels_llama2orig (final_label)");
    ck_assert_double_eq_tol(set.items[0].orr * 100, 59.6, 1e-9);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

/* Mistral-7B-Instruct under the GPT-4 judge: 11 verdict cells of harmful
 * prompts hold the judge's own free text. Left out (the default), the
 * point says so with its counts, "134 of 189 (11 unrecognised verdicts left
 * out)"; counted as refusals it is 134 of 200, as compliance 145 of 200; and
 * the range across the three treatments is the same whichever was chosen. */
static point_t mistral(point_unrec_t how)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.preset = "xstest";
    o.judge = "gpt4_label";
    o.unrecognised = how;
    ck_assert_int_eq(load_file(&set, data_path("xstest/xstest_v2_labels_mistralinstruct.csv"), &o, &d), 0);
    ck_assert(has_warning(&d, "11 rows with an unrecognised verdict"));
    point_t p = set.items[0];
    set.len = 0; /* the point is the caller's now */
    pointset_free(&set);
    diag_free(&d);
    return p;
}

START_TEST(test_unrecognised_verdicts_with_the_point)
{
    static const struct {
        point_unrec_t how;
        long long k, n;
        const char *text;
    } want[] = {{POINT_UNREC_EXCLUDE, 134, 189, "134 of 189 (11 unrecognised verdicts left out)"},
                {POINT_UNREC_REFUSAL, 134, 200, "134 of 200 (11 unrecognised verdicts counted as refusals)"},
                {POINT_UNREC_COMPLIANCE, 145, 200, "145 of 200 (11 unrecognised verdicts counted as compliance)"}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        point_t p = mistral(want[i].how);
        ck_assert_int_eq(p.attack_successes, want[i].k);
        ck_assert_int_eq(p.n_adversarial, want[i].n);
        ck_assert_int_eq(p.adv_note.unrecognised, 11);
        ck_assert_int_eq(p.ben_note.unrecognised, 0);
        sb_t sb = SB_INIT;
        point_counts_describe(&sb, &p, true, false);
        ck_assert_str_eq(sb_str(&sb), want[i].text);
        sb_free(&sb);
        /* 134/200 = 67.0% to 145/200 = 72.5%, whatever the treatment */
        double lo, hi;
        ck_assert(point_unrecognised_range(&p, true, &lo, &hi));
        ck_assert_double_eq_tol(lo, 134.0 / 200, 1e-15);
        ck_assert_double_eq_tol(hi, 145.0 / 200, 1e-15);
        ck_assert(!point_unrecognised_range(&p, false, &lo, &hi));
        point_free(&p);
    }
}
END_TEST

START_TEST(test_xstest_judges_give_one_point_each)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.judge = "final_label,gpt4_label,strmatch_label";
    ck_assert_int_eq(load_file(&set, data_path("xstest/xstest_v2_labels_mistralinstruct.csv"), &o, &d), 0);
    ck_assert_uint_eq(set.len, 3);
    ck_assert_str_eq(set.items[1].name, "xstest_v2_labels_mistralinstruct (gpt4_label)");
    /* One file has free-text label cells: counted and reported, not guessed. */
    ck_assert_msg(has_warning(&d, "gpt4_label: 11 rows with an unrecognised verdict, first at line 39"),
                  "warning missing");
    ck_assert_int_eq(set.items[1].n_adversarial + set.items[1].n_benign, 450 - 11);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(test_jailbreakbench_harmful_only)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.preset = "jailbreakbench";
    o.judge = "jailbroken,jailbroken_llama_guard1";
    ck_assert_int_eq(load_file(&set, data_path("jailbreakbench/jbb_PAIR_black_box_gpt-4-0125-preview.csv"), &o, &d), 0);
    ck_assert_uint_eq(set.len, 2);
    const point_t *p = &set.items[0];
    ck_assert_int_eq(p->n_adversarial, 100);
    ck_assert_int_eq(p->n_benign, POINT_COUNT_UNKNOWN);
    ck_assert(isnan(p->orr));
    ck_assert_uint_eq(p->ncategories, 10);
    long long n = 0;
    for (size_t i = 0; i < p->ncategories; i++)
        n += p->categories[i].n_adversarial;
    ck_assert_int_eq(n, 100);
    ck_assert(has_warning(&d, "no benign prompts"));
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

static int load_text(pointset_t *set, const char *text, const input_opts_t *o, diag_t *d)
{
    return load_buffer(set, "t.csv", text, strlen(text), o, d);
}

START_TEST(test_generic_mapping_flags)
{
    const char *text = "prompt,kind,outcome,category\n"
                       "a,bad,said no,weapons\n"
                       "b,bad,answered,weapons\n"
                       "c,bad,answered,cyber\n"
                       "d,ok,said no,\n"
                       "e,ok,answered,\n"
                       "f,ok,shrug,\n"
                       "g,other,said no,\n";
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.set_column = "kind";
    o.harmful_values = "bad";
    o.benign_values = "ok";
    o.verdict_column = "outcome";
    o.refused_values = "said no";
    o.complied_values = "answered";
    ck_assert_int_eq(load_text(&set, text, &o, &d), 0);
    ck_assert_uint_eq(set.len, 1);
    const point_t *p = &set.items[0];
    ck_assert_str_eq(p->name, "t (outcome)");
    ck_assert_int_eq(p->n_adversarial, 3);
    ck_assert_int_eq(p->attack_successes, 2);
    ck_assert_int_eq(p->n_benign, 2);
    ck_assert_int_eq(p->benign_refused, 1);
    ck_assert_uint_eq(p->ncategories, 2);
    ck_assert_str_eq(p->categories[0].name, "weapons");
    ck_assert_int_eq(p->categories[0].attack_successes, 1);
    ck_assert(has_warning(&d, "1 row with an unrecognised verdict, first at line 7: 'shrug'"));
    ck_assert(has_warning(&d, "1 row whose set is neither harmful (bad) nor benign (ok), first at line 8"));
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(test_generic_defaults_and_detection)
{
    const char *text = "id,set,refused\n1,harmful,false\n2,harmful,true\n3,benign,yes\n4,benign,no\n";
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.kind = INPUT_JUDGED; /* a column named "refused" alone does not announce judged results */
    ck_assert_int_eq(load_text(&set, text, &o, &d), 0);
    ck_assert_int_eq(set.items[0].attack_successes, 1);
    ck_assert_int_eq(set.items[0].benign_refused, 1);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

static void expect_error(const char *text, const input_opts_t *o, const char *want)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_text(&set, text, o, &d), -1);
    ck_assert_ptr_nonnull(d.error);
    ck_assert_msg(strstr(d.error, want), "error '%s' lacks '%s'", d.error, want);
    ck_assert_uint_eq(set.len, 0);
    diag_free(&d);
    pointset_free(&set);
}

START_TEST(test_judged_errors)
{
    input_opts_t o = INPUT_OPTS_INIT;
    o.preset = "xstest";
    expect_error("id,verdict\n1,refused\n", &o, "t.csv:1: not in the xstest format: expected the columns prompt_label,final_label; found: id, verdict");
    o.judge = "gpt5_label";
    expect_error("prompt_label,final_label\nsafe,1_full_compliance\n", &o,
                 "no verdict column 'gpt5_label' (--judge); found: prompt_label, final_label; expected one of final_label,gpt4_label,strmatch_label");
    input_opts_t g = INPUT_OPTS_INIT;
    expect_error("id,verdict\n1,refused\n", &g, "t.csv:1: missing the column saying which set each prompt belongs to; found: id, verdict");
    expect_error("set,verdict\nharmful,refused\nbenign\n", &g, "t.csv:3: row has 1 field, expected 2");
    expect_error("set,verdict\nharmful,maybe\n", &g, "verdict: no row could be counted");
    g.verdict_column = "answer";
    expect_error("set,verdict\nharmful,refused\n", &g, "no verdict column 'answer' (--verdict-column)");
}
END_TEST

/* The group of judged results: the preset, the judge and the prompts. The
 * five XSTest files judged by final_label share one; the same answers under
 * gpt4_label are another; other prompts (a file of fewer rows, or the same
 * number of different ids) are another again. */
START_TEST(test_judged_groups)
{
    static const char *files[] = {"gpt4", "llama2new", "llama2orig", "mistralguard", "mistralinstruct"};
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.preset = "xstest";
    o.judge = "final_label,gpt4_label";
    for (size_t f = 0; f < 5; f++) {
        char path[128];
        snprintf(path, sizeof path, "xstest/xstest_v2_labels_%s.csv", files[f]);
        ck_assert_int_eq(load_file(&set, data_path(path), &o, &d), 0);
    }
    ck_assert_uint_eq(set.len, 10);
    const char *human = set.items[0].group, *gpt4 = set.items[1].group;
    ck_assert_ptr_nonnull(strstr(human, "xstest judged by final_label: 200 harmful + 250 benign prompts [ids "));
    ck_assert_ptr_nonnull(strstr(gpt4, "xstest judged by gpt4_label: 200 harmful + 250 benign prompts [ids "));
    for (size_t i = 0; i < set.len; i++) {
        ck_assert_str_eq(set.items[i].group, i % 2 ? gpt4 : human);
        ck_assert_int_eq(set.items[i].group_basis, POINT_GROUP_PROMPTS);
    }
    pointset_free(&set);

    /* the same prompts in another order: the same group */
    const char *ab = "id,set,verdict\na,harmful,refused\nb,benign,complied\n";
    const char *ba = "id,set,verdict\nb,benign,refused\na,harmful,complied\n";
    const char *ac = "id,set,verdict\na,harmful,refused\nc,benign,complied\n";
    const char *noid = "prompt,set,verdict\na,harmful,refused\nb,benign,complied\n";
    ck_assert_int_eq(load_buffer(&set, "ab.csv", ab, strlen(ab), NULL, &d), 0);
    ck_assert_int_eq(load_buffer(&set, "ba.csv", ba, strlen(ba), NULL, &d), 0);
    ck_assert_int_eq(load_buffer(&set, "ac.csv", ac, strlen(ac), NULL, &d), 0);
    ck_assert_int_eq(load_buffer(&set, "noid.csv", noid, strlen(noid), NULL, &d), 0);
    ck_assert_str_eq(set.items[0].group, set.items[1].group);
    ck_assert_str_ne(set.items[0].group, set.items[2].group);
    ck_assert_str_eq(set.items[3].group, "judged by verdict: 1 harmful + 1 benign prompts");
    ck_assert_ptr_nonnull(strstr(set.items[0].group, "judged by verdict: 1 harmful + 1 benign prompts [ids "));
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

static Suite *judged_suite(void)
{
    Suite *s = suite_create("judged");
    TCase *tc = tcase_create("judged");
    tcase_add_test(tc, test_xstest_published_figures);
    tcase_add_test(tc, test_unrecognised_verdicts_with_the_point);
    tcase_add_test(tc, test_xstest_judges_give_one_point_each);
    tcase_add_test(tc, test_jailbreakbench_harmful_only);
    tcase_add_test(tc, test_generic_mapping_flags);
    tcase_add_test(tc, test_generic_defaults_and_detection);
    tcase_add_test(tc, test_judged_errors);
    tcase_add_test(tc, test_judged_groups);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(judged_suite)
