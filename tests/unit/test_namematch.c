/* test_namematch.c: the one resolver of typed names (core/namematch.h) and
 * the list splitting behind --compare (base/text.h). */
#include "config.h"

#include "base/text.h"
#include "core/namematch.h"
#include "unit.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pointset_t named(const char *const *names, size_t n)
{
    pointset_t set = POINTSET_INIT;
    for (size_t i = 0; i < n; i++)
        pointset_add(&set, point_make(names[i]));
    return set;
}

static const char *const published[] = {
    "Llama2 chat, original prompt", "Llama2 chat, new prompt", "GPT-4", "GPT-4o", "gpt-4-turbo", "Mistral-7B",
    "Mistral-7B guardrail",
};
#define NPUB (sizeof published / sizeof published[0])

START_TEST(exact_case_prefix_substring)
{
    pointset_t set = named(published, NPUB);
    namematch_t m = namematch_points(&set);
    ck_assert_int_eq(namematch_find(&m, "GPT-4"), 2);                  /* exact, though a prefix of two */
    ck_assert_int_eq(namematch_find(&m, "gpt-4o"), 3);                 /* ignoring case */
    ck_assert_int_eq(namematch_find(&m, "Llama2 chat, o"), 0);         /* a unique prefix */
    ck_assert_int_eq(namematch_find(&m, "NEW PROMPT"), 1);             /* a unique substring, any case */
    ck_assert_int_eq(namematch_find(&m, "guardrail"), 6);
    ck_assert_int_eq(namematch_find(&m, "Llama2"), NAMEMATCH_AMBIGUOUS);
    ck_assert_int_eq(namematch_find(&m, "gpt"), NAMEMATCH_AMBIGUOUS);  /* three start so */
    ck_assert_int_eq(namematch_find(&m, "Claude"), NAMEMATCH_UNKNOWN);
    ck_assert_int_eq(namematch_find(&m, ""), NAMEMATCH_UNKNOWN);
    pointset_free(&set);
}
END_TEST

START_TEST(messages_list_candidates_or_the_closest)
{
    pointset_t set = named(published, NPUB);
    namematch_t m = namematch_points(&set);
    sb_t why = SB_INIT;
    ck_assert_int_eq(namematch_resolve(&m, "Llama2", &why), -1);
    ck_assert_str_eq(sb_str(&why), "'Llama2' could be any of 2 points: 'Llama2 chat, original prompt', "
                                   "'Llama2 chat, new prompt'; type more of the name");
    sb_reset(&why);
    ck_assert_int_eq(namematch_resolve(&m, "mistral-7b g", &why), 6); /* a prefix, any case */
    sb_reset(&why);
    ck_assert_int_eq(namematch_resolve(&m, "GTP-4", &why), -1);
    ck_assert_str_eq(sb_str(&why), "no point named 'GTP-4'; did you mean 'GPT-4', 'GPT-4o' or 'gpt-4-turbo'?");
    sb_free(&why);
    pointset_free(&set);

    /* 45 candidates: the first 20 and the count */
    pointset_t many = POINTSET_INIT;
    for (int i = 0; i < 45; i++) {
        char name[32];
        snprintf(name, sizeof name, "model-%02d", i);
        pointset_add(&many, point_make(name));
    }
    m = namematch_points(&many);
    sb_t w = SB_INIT;
    ck_assert_int_eq(namematch_resolve(&m, "model", &w), -1);
    ck_assert_msg(strstr(sb_str(&w), "'model' could be any of 45 points (the first 20): 'model-00', "), "%s",
                  sb_str(&w));
    ck_assert(strstr(sb_str(&w), "'model-19'; type more"));
    ck_assert(!strstr(sb_str(&w), "model-20"));
    sb_free(&w);
    pointset_free(&many);
}
END_TEST

START_TEST(lists_split_with_csv_quoting)
{
    char **f;
    size_t n;
    ck_assert_ptr_null(text_split_list("\"Llama2 chat, original prompt\",GPT-4", &f, &n));
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(f[0], "Llama2 chat, original prompt");
    ck_assert_str_eq(f[1], "GPT-4");
    text_list_free(f, n);
    ck_assert_ptr_null(text_split_list(" a , \"say \"\"hi\"\"\" ,", &f, &n));
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(f[0], "a");
    ck_assert_str_eq(f[1], "say \"hi\"");
    ck_assert_str_eq(f[2], "");
    text_list_free(f, n);
    ck_assert_ptr_nonnull(text_split_list("\"open,b", &f, &n));
    ck_assert_ptr_nonnull(text_split_list("\"a\"x,b", &f, &n));
    char *one = text_one_name(" \"a, b\" ");
    ck_assert_str_eq(one, "a, b");
    free(one);
    one = text_one_name(" a, b ");
    ck_assert_str_eq(one, "a, b"); /* one name: commas and all */
    free(one);
}
END_TEST

START_TEST(distance_is_bounded)
{
    ck_assert_uint_eq(text_distance("overrefusal", "OVERREFUSAL", 3), 0);
    ck_assert_uint_eq(text_distance("kitten", "sitting", 5), 3);
    ck_assert_uint_eq(text_distance("kitten", "sitting", 2), 3); /* max + 1: further than asked */
    ck_assert_uint_eq(text_distance("", "abc", 9), 3);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("namematch");
    TCase *t = tcase_create("namematch");
    tcase_add_test(t, exact_case_prefix_substring);
    tcase_add_test(t, messages_list_candidates_or_the_closest);
    tcase_add_test(t, lists_split_with_csv_quoting);
    tcase_add_test(t, distance_is_bounded);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(suite)
