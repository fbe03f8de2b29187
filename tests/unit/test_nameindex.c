/* Unit tests of nameindex: the hash index that keeps loading linear. */
#include "config.h"

#include "unit.h"
#include "core/nameindex.h"

#include <stdio.h>

static void fill(pointset_t *set, size_t n, const char *fmt)
{
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, fmt, i);
        pointset_add(set, point_make(name));
    }
}

START_TEST(test_finds_every_name_across_growth)
{
    pointset_t set = POINTSET_INIT;
    nameindex_t ix = NAMEINDEX_INIT;
    fill(&set, 5000, "p%zu");
    for (size_t i = 0; i < set.len; i++)
        ck_assert(nameindex_add(&ix, &set, i));
    for (size_t i = 0; i < set.len; i++)
        ck_assert_int_eq(nameindex_find(&ix, &set, set.items[i].name), (long)i);
    ck_assert_int_eq(nameindex_find(&ix, &set, "p5000"), -1);
    ck_assert_int_eq(nameindex_find(&ix, &set, ""), -1);
    nameindex_free(&ix);
    pointset_free(&set);
}
END_TEST

START_TEST(test_keeps_the_first_of_a_name)
{
    pointset_t set = POINTSET_INIT;
    nameindex_t ix = NAMEINDEX_INIT;
    fill(&set, 100, "same");
    ck_assert(nameindex_add(&ix, &set, 0));
    for (size_t i = 1; i < set.len; i++)
        ck_assert(!nameindex_add(&ix, &set, i));
    ck_assert_int_eq(nameindex_find(&ix, &set, "same"), 0);
    ck_assert_uint_eq(ix.len, 1);
    nameindex_free(&ix);
    pointset_free(&set);
}
END_TEST

START_TEST(test_empty_index_finds_nothing)
{
    pointset_t set = POINTSET_INIT;
    nameindex_t ix = NAMEINDEX_INIT;
    ck_assert_int_eq(nameindex_find(&ix, &set, "x"), -1);
    nameindex_free(&ix);
}
END_TEST

static Suite *nameindex_suite(void)
{
    Suite *s = suite_create("nameindex");
    TCase *tc = tcase_create("nameindex");
    tcase_add_test(tc, test_finds_every_name_across_growth);
    tcase_add_test(tc, test_keeps_the_first_of_a_name);
    tcase_add_test(tc, test_empty_index_finds_nothing);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(nameindex_suite)
