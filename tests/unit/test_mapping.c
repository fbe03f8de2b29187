/* test_mapping.c: real files as they are (issue 15): the column mapping
 * flags, row filters, long tables of categories, columns that look meant,
 * and the warnings that say so. Expected values are computed here from the
 * files' own cells, never copied from the program's output. */
#include "config.h"

#include "base/diag.h"
#include "core/stats.h"
#include "load/inputopts.h"
#include "load/load.h"
#include "load/rowfilter.h"
#include "unit.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *path_in(const char *env, const char *fallback, const char *name)
{
    static char buf[4096];
    const char *dir = getenv(env);
    snprintf(buf, sizeof buf, "%s/%s", dir ? dir : fallback, name);
    return buf;
}

static int load_with(pointset_t *set, const char *text, const input_opts_t *o, diag_t *d)
{
    return load_buffer(set, "t.csv", text, strlen(text), o, d);
}

static bool has_warning(const diag_t *d, const char *want)
{
    for (size_t i = 0; i < d->nwarnings; i++)
        if (strstr(d->warnings[i], want))
            return true;
    return false;
}

/* The classifier table of tests/data/mapping: the catch rate is the
 * complement of ASR, thresholds are text, RELATIVE rows another quantity. */
/* The reading options by name: each set from text is written back as
 * text that sets it the same; a bad value changes nothing and says what
 * was expected, as the command line says it. */
static void collect(const char *name, const char *value, void *into)
{
    input_opts_t *o = into;
    ck_assert_ptr_null(inputopts_set(o, name, value));
}

START_TEST(inputopts_read_back_as_given)
{
    static const char *const values[][2] = {
        {"input", "scores"}, {"knob-column", "t"}, {"group-columns", "none"}, {"preset", "jailbreakbench"},
        {"judge", "j"}, {"set-column", "s"}, {"harmful-values", "h"}, {"benign-values", "b"},
        {"verdict-column", "v"}, {"refused-values", "r"}, {"complied-values", "c"},
        {"unrecognised", "compliance"}, {"id-column", "id"}, {"n-adversarial", "1e3"}, {"n-benign", "7"},
        {"asr-column", "a"}, {"orr-column", "o"}, {"complement", "orr"}, {"rates", "percent"},
        {"name-columns", "x,y"}, {"category-column", "cat"}, {"where", "a=1"}, {"where", "b!~2"},
    };
    input_opts_t a = INPUT_OPTS_INIT, b = INPUT_OPTS_INIT, none = INPUT_OPTS_INIT;
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        ck_assert(inputopts_known(values[i][0]));
        ck_assert_ptr_null(inputopts_set(&a, values[i][0], values[i][1]));
    }
    inputopts_each(&a, collect, &b);
    for (size_t i = 0; inputopts_names[i]; i++) {
        ck_assert_msg(inputopts_same(&a, &b, inputopts_names[i]), "%s", inputopts_names[i]);
        ck_assert_msg(inputopts_given(&a, inputopts_names[i]), "%s", inputopts_names[i]);
        ck_assert_msg(!inputopts_same(&a, &none, inputopts_names[i]), "%s", inputopts_names[i]);
    }
    ck_assert_int_eq(b.n_adversarial, 1000);
    ck_assert_int_eq(b.nwhere, 2);
    ck_assert_str_eq(b.where[1], "b!~2");
    input_opts_t c = INPUT_OPTS_INIT;
    inputopts_take(&c, &a, "where");
    inputopts_take(&c, &a, "complement");
    ck_assert(inputopts_same(&c, &a, "where") && inputopts_same(&c, &a, "complement"));
    ck_assert(!inputopts_given(&c, "preset"));
    sb_t text = SB_INIT;
    inputopts_describe(&text, &a, "where");
    ck_assert_str_eq(sb_str(&text), "a=1 AND b!~2");
    sb_free(&text);
    inputopts_free(&a);
    inputopts_free(&b);
}
END_TEST

/* A list of columns given again adds up (as --example given twice loads
 * both), and reads back as one list. */
START_TEST(inputopts_judge_given_twice_adds_up)
{
    input_opts_t a = INPUT_OPTS_INIT, b = INPUT_OPTS_INIT;
    ck_assert_ptr_null(inputopts_set(&a, "judge", "final_label"));
    ck_assert_ptr_null(inputopts_set(&a, "judge", "gpt4_label,strmatch_label"));
    ck_assert_str_eq(a.judge, "final_label,gpt4_label,strmatch_label");
    ck_assert_ptr_null(inputopts_set(&a, "verdict-column", "v"));
    ck_assert_ptr_null(inputopts_set(&a, "verdict-column", "w"));
    ck_assert_str_eq(a.verdict_column, "v,w");
    ck_assert_ptr_null(inputopts_set(&a, "asr-column", "x"));
    ck_assert_ptr_null(inputopts_set(&a, "asr-column", "y"));
    ck_assert_str_eq(a.asr_column, "y"); /* one column: the last */
    inputopts_each(&a, collect, &b);
    ck_assert(inputopts_same(&a, &b, "judge") && inputopts_same(&a, &b, "verdict-column"));
    inputopts_free(&a);
    inputopts_free(&b);
}
END_TEST

START_TEST(inputopts_refuse_as_the_command_line)
{
    static const char *const bad[][3] = {
        {"preset", "xs", "expected xstest or jailbreakbench"},
        {"n-adversarial", "0", "expected a whole number of prompts from 1 to 1e15"},
        {"n-benign", "2.5", "expected a whole number of prompts from 1 to 1e15"},
        {"complement", "neither", "expected asr, orr or both"},
        {"rates", "ppm", "expected percent, fraction or auto"},
        {"input", "rows", "expected points, judged, scores or binned"},
        {"unrecognised", "maybe", "expected exclude, refusal or compliance"},
        {"asr-column", " , ", "expected a column name"},
        {"group-columns", ",", "expected column names separated by commas, or none"},
        {"id-column", "  ", "expected the name of a column"},
        {"where", "no operator", "expected"},
        {"colour", "red", "unknown option"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        input_opts_t o = INPUT_OPTS_INIT, none = INPUT_OPTS_INIT;
        const char *why = inputopts_set(&o, bad[i][0], bad[i][1]);
        ck_assert_msg(why && strstr(why, bad[i][2]), "%s: %s", bad[i][0], why ? why : "accepted");
        for (size_t k = 0; inputopts_names[k]; k++)
            ck_assert_msg(inputopts_same(&o, &none, inputopts_names[k]), "%s changed %s", bad[i][0],
                          inputopts_names[k]);
    }
}
END_TEST

START_TEST(classifier_table_loads_with_flags_only)
{
    const char *where[] = {"notes!~RELATIVE"};
    input_opts_t o = INPUT_OPTS_INIT;
    o.asr_column = "harmful_caught_pct_or_asr";
    o.complement = INPUT_COMPLEMENT_ASR;
    o.orr_column = "benign_flagged_pct";
    o.name_columns = "classifier,threshold";
    o.where = where;
    o.nwhere = 1;
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    const char *file = path_in("TESTDIR", "tests", "data/mapping/classifiers.csv");
    ck_assert_msg(load_file(&set, file, &o, &d) == 0, "%s", d.error);

    /* Every kept row of the file, read here with sscanf: ASR = 100 - caught. */
    FILE *f = fopen(file, "r");
    ck_assert_ptr_nonnull(f);
    char line[512];
    size_t kept = 0, left = 0;
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f)); /* header */
    while (fgets(line, sizeof line, f)) {
        if (strcasestr(line, "relative")) {
            left++;
            continue;
        }
        /* the last three fields: caught, flagged, notes */
        char *p = line + strlen(line);
        int commas = 0;
        while (p > line && commas < 3)
            commas += *--p == ',';
        double caught, flagged;
        ck_assert_int_eq(sscanf(p + 1, "%lf,%lf", &caught, &flagged), 2);
        const point_t *pt = &set.items[kept++];
        ck_assert_msg(fabs(pt->asr - (100 - caught) / 100) < 1e-12, "%s: ASR %g, caught %g", pt->name, pt->asr,
                      caught);
        ck_assert(fabs(pt->orr - flagged / 100) < 1e-12);
    }
    fclose(f);
    ck_assert_uint_eq(set.len, kept);
    ck_assert_uint_eq(set.len, 6);
    ck_assert_int_eq(set.rows_filtered, (long long)left);
    ck_assert_str_eq(set.filtered_by, "notes!~RELATIVE");

    /* names from the two columns; a comma in a name is kept; a text
     * threshold is a label, kept as an attribute, the knob unknown */
    const point_t *lg = pointset_find(&set, "Llama Guard 2 (0.5 (P(first token = unsafe)))");
    ck_assert_ptr_nonnull(lg);
    ck_assert(isnan(lg->knob));
    ck_assert_str_eq(point_attr(lg, "threshold"), "0.5 (P(first token = unsafe))");
    ck_assert_ptr_nonnull(pointset_find(&set, "Keyword filter, v2 (any match)"));
    const point_t *sg = pointset_find(&set, "ShieldGemma-2B (0.8)");
    ck_assert_ptr_nonnull(sg);
    ck_assert(fabs(sg->knob - 0.8) < 1e-12);
    /* the accepted names are not there, and no column looks like them */
    ck_assert_uint_eq(d.nwarnings, 0);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

/* SORRY-Bench: one row per model and category, fractions, 10 prompts per
 * category: 43 models of 45 categories, counts summed per model. */
START_TEST(sorry_bench_loads_as_long_table)
{
    input_opts_t o = INPUT_OPTS_INIT;
    o.asr_column = "fulfillment_rate";
    o.rates = INPUT_RATES_FRACTION;
    o.category_column = "category";
    o.n_adversarial = 10;
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    const char *file = path_in("DATADIR", "data", "sorry_bench_2024_06_category_fulfillment.csv");
    ck_assert_msg(load_file(&set, file, &o, &d) == 0, "%s", d.error);
    ck_assert_uint_eq(set.len, 43);
    for (size_t i = 0; i < set.len; i++) {
        const point_t *p = &set.items[i];
        ck_assert_uint_eq(p->ncategories, 45);
        ck_assert_int_eq(p->n_adversarial, 450);
        long long k = 0;
        for (size_t c = 0; c < p->ncategories; c++) {
            ck_assert_int_eq(p->categories[c].n_adversarial, 10);
            k += p->categories[c].attack_successes;
        }
        ck_assert_int_eq(p->attack_successes, k);
        ck_assert(fabs(p->asr - (double)k / 450) < 1e-12);
        ck_assert(p->adv_note.derived);
        ck_assert(isnan(p->orr));
        stats_interval_t ci = stats_interval(p->attack_successes, p->n_adversarial, STATS_CONFIDENCE, STATS_WILSON);
        ck_assert(ci.known && ci.lo < p->asr && p->asr < ci.hi);
    }
    /* the first model's counts, from the file's first 45 rows */
    FILE *f = fopen(file, "r");
    char line[512];
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
    long long k = 0;
    for (int r = 0; r < 45 && fgets(line, sizeof line, f); r++)
        k += llround(strtod(strrchr(line, ',') + 1, NULL) * 10);
    fclose(f);
    ck_assert_int_eq(set.items[0].attack_successes, k);
    /* ASR only: one warning that names the missing side */
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_msg(has_warning(&d, "no over-refusal column: the points have ASR only"), "%s", d.warnings[0]);
    ck_assert(has_warning(&d, "or --orr-column NAME"));
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(long_table_means)
{
    input_opts_t o = INPUT_OPTS_INIT;
    o.category_column = "cat";
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    /* no counts: the plain mean; counts: the count-weighted mean */
    ck_assert(load_with(&set,
                        "model,cat,attack_success_pct,n_adversarial,over_refusal_pct\n"
                        "a,x,10,,2\na,y,30,,4\n"
                        "b,x,10,10,2\nc,x,50,100,1\nb,y,40,30,2\n",
                        &o, &d) == 0);
    ck_assert_uint_eq(set.len, 3);
    ck_assert(fabs(set.items[0].asr - 0.2) < 1e-12);
    ck_assert_int_eq(set.items[0].n_adversarial, POINT_COUNT_UNKNOWN);
    ck_assert(fabs(set.items[0].orr - 0.03) < 1e-12);
    /* b: rows 2 and 5, not next to each other: 1 + 12 of 40 */
    ck_assert_str_eq(set.items[1].name, "b");
    ck_assert_int_eq(set.items[1].n_adversarial, 40);
    ck_assert_int_eq(set.items[1].attack_successes, 13);
    ck_assert(fabs(set.items[1].asr - 13.0 / 40) < 1e-12);
    ck_assert_uint_eq(set.items[1].ncategories, 2);
    diag_free(&d);
    pointset_free(&set);

    /* a category twice for one point is an error naming both */
    ck_assert(load_with(&set, "model,cat,attack_success_pct\na,x,1\na,x,2\n", &o, &d) == -1);
    ck_assert_msg(strstr(d.error, "t.csv:3:2: cat: expected each category once per point: 'a' has it already"),
                  "%s", d.error);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(mapping_flags_name_columns_that_exist)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    const char *text = "name,caught,flagged\na,90,5\n";
    static const struct {
        const char *asr, *orr, *names, *cat, *knob, *want;
    } cases[] = {
        {"catched", NULL, NULL, NULL, NULL, "t.csv:1: --asr-column: no column 'catched'; found: name, caught, flagged"},
        {"caught", "flaged", NULL, NULL, NULL, "t.csv:1: --orr-column: no column 'flaged'; found: name, caught"},
        {"caught", NULL, "name,model", NULL, NULL, "t.csv:1: --name-columns: no column 'model'; found:"},
        {"caught", NULL, NULL, "category", NULL, "t.csv:1: --category-column: no column 'category'; found:"},
        {"caught", NULL, NULL, NULL, "k", "t.csv:1: --knob-column: no column 'k'; found:"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        input_opts_t o = INPUT_OPTS_INIT;
        o.asr_column = cases[i].asr;
        o.orr_column = cases[i].orr;
        o.name_columns = cases[i].names;
        o.category_column = cases[i].cat;
        o.knob_column = cases[i].knob;
        ck_assert_int_eq(load_with(&set, text, &o, &d), -1);
        ck_assert_msg(strstr(d.error, cases[i].want), "case %zu: %s", i, d.error);
        diag_free(&d);
        pointset_free(&set);
    }
    /* --where names a column too */
    const char *where[] = {"colour=red"};
    input_opts_t o = INPUT_OPTS_INIT;
    o.asr_column = "caught";
    o.where = where;
    o.nwhere = 1;
    ck_assert_int_eq(load_with(&set, text, &o, &d), -1);
    ck_assert_str_eq(d.error, "t.csv:1: --where 'colour=red': no column 'colour'; found: name, caught, flagged");
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(mapping_flags_refused_for_per_prompt_files)
{
    input_opts_t o = INPUT_OPTS_INIT;
    o.asr_column = "x";
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_with(&set, "id,set,verdict\n1,harmful,refused\n", &o, &d), -1);
    ck_assert_msg(strstr(d.error, "t.csv:1: --asr-column applies to operating-point tables; this file is judged "
                                  "per-prompt results, which take --preset"),
                  "%s", d.error);
    diag_free(&d);
    const char *where[] = {"set=harmful"};
    o = (input_opts_t)INPUT_OPTS_INIT;
    o.where = where;
    o.nwhere = 1;
    ck_assert_int_eq(load_with(&set, "id,set,score\n1,harmful,0.5\n", &o, &d), -1);
    ck_assert_msg(strstr(d.error, "--where applies to operating-point tables; this file is per-prompt scores, which "
                                  "take --set-column"),
                  "%s", d.error);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(rates_units_and_complements)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    /* auto: a mapped name with pct in it holds percentages, else fractions */
    o.asr_column = "asr_share";
    o.orr_column = "refused_pct";
    ck_assert(load_with(&set, "name,asr_share,refused_pct\na,0.25,3\n", &o, &d) == 0);
    ck_assert(fabs(set.items[0].asr - 0.25) < 1e-12 && fabs(set.items[0].orr - 0.03) < 1e-12);
    pointset_free(&set);
    /* --rates percent for every rate column; --complement orr: answered */
    o.rates = INPUT_RATES_PERCENT;
    o.complement = INPUT_COMPLEMENT_ORR;
    ck_assert(load_with(&set, "name,asr_share,refused_pct\na,0.25,97\n", &o, &d) == 0);
    ck_assert(fabs(set.items[0].asr - 0.0025) < 1e-12 && fabs(set.items[0].orr - 0.03) < 1e-12);
    pointset_free(&set);
    /* --rates fraction on an accepted _pct name; a % sign is a percentage */
    o = (input_opts_t)INPUT_OPTS_INIT;
    o.rates = INPUT_RATES_FRACTION;
    ck_assert(load_with(&set, "name,attack_success_pct,over_refusal_pct\na,0.5,4%\n", &o, &d) == 0);
    ck_assert(fabs(set.items[0].asr - 0.5) < 1e-12 && fabs(set.items[0].orr - 0.04) < 1e-12);
    pointset_free(&set);
    /* a complement's count is fitted to the complement: 99.5% caught of 200
     * is 1 attack success */
    o = (input_opts_t)INPUT_OPTS_INIT;
    o.asr_column = "caught_pct";
    o.complement = INPUT_COMPLEMENT_ASR;
    o.n_adversarial = 200;
    ck_assert(load_with(&set, "name,caught_pct\na,99.5\n", &o, &d) == 0);
    ck_assert_int_eq(set.items[0].attack_successes, 1);
    ck_assert(set.items[0].adv_note.derived);
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(typo_names_the_column_and_the_accepted_names)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert(load_with(&set, "model,attack_success_pct,overrefusal\na,1,5\nb,2,3\n", NULL, &d) == 0);
    ck_assert_uint_eq(set.len, 2);
    ck_assert(isnan(set.items[0].orr));
    ck_assert_uint_eq(d.nwarnings, 2);
    ck_assert_str_eq(d.warnings[0], "t.csv: column 'overrefusal' is not used; did you mean over_refusal_pct? "
                                    "(accepted: over_refusal_pct, orr_pct, over_refusal_rate, orr_rate or "
                                    "not_overrefuse (or the counts n_benign and benign_refused); or --orr-column "
                                    "overrefusal)");
    ck_assert(has_warning(&d, "t.csv: no over-refusal column: the points have ASR only"));
    /* and no line list for a side with no column */
    ck_assert(!has_warning(&d, "lines"));
    diag_free(&d);
    pointset_free(&set);

    /* case, '-' and a letter or two away; unrelated columns are quiet */
    ck_assert(load_with(&set, "name,Attack-Sucess-Rate,orr_pct,notes,engagement,n_benigns\na,0.1,5,x,3,4\n", NULL,
                        &d) == 0);
    ck_assert(has_warning(&d, "column 'Attack-Sucess-Rate' is not used; did you mean attack_success_rate?"));
    ck_assert(has_warning(&d, "column 'n_benigns' is not used; did you mean n_benign?"));
    ck_assert(!has_warning(&d, "'notes'"));
    ck_assert(!has_warning(&d, "'engagement'"));
    diag_free(&d);
    pointset_free(&set);
}
END_TEST

START_TEST(where_filters_and_counts)
{
    const char *text = "name,score,src\na,0.50,X lab\nb,0.5,y LAB\nc,2,z\nd,1,X\n";
    static const struct {
        const char *expr;
        const char *kept;
    } cases[] = {
        {"score=0.5", "ab"},    /* numbers as numbers */
        {"score != 0.5", "cd"}, /* blanks around the operator */
        {"src~lab", "ab"},      /* contains, any case */
        {"src!~LAB", "cd"},
        {"src=X", "d"},         /* text exactly, trimmed */
        {"score=", ""},         /* no cell is empty */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *where[] = {cases[i].expr};
        input_opts_t o = INPUT_OPTS_INIT;
        o.asr_column = "score";
        o.rates = INPUT_RATES_PERCENT;
        o.where = where;
        o.nwhere = 1;
        pointset_t set = POINTSET_INIT;
        diag_t d = DIAG_INIT;
        int rc = load_with(&set, text, &o, &d);
        if (!*cases[i].kept) {
            ck_assert_int_eq(rc, -1);
            ck_assert_msg(strstr(d.error, "--where left out every row (4)"), "%s", d.error);
        } else {
            ck_assert_msg(rc == 0, "case %zu: %s", i, d.error);
            char got[8] = "";
            for (size_t k = 0; k < set.len && k < 7; k++)
                got[k] = set.items[k].name[0];
            ck_assert_msg(strcmp(got, cases[i].kept) == 0, "case %zu: kept %s", i, got);
            ck_assert_int_eq(set.rows_filtered, 4 - (long long)strlen(cases[i].kept));
        }
        diag_free(&d);
        pointset_free(&set);
    }
    /* several filters: AND; the set says which */
    const char *both[] = {"src~lab", "name!=b"};
    input_opts_t o = INPUT_OPTS_INIT;
    o.where = both;
    o.nwhere = 2;
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert(load_with(&set, "name,attack_success_pct,src\na,1,lab\nb,2,lab\nc,3,x\n", &o, &d) == 0);
    ck_assert_uint_eq(set.len, 1);
    ck_assert_int_eq(set.rows_filtered, 2);
    sb_t s = SB_INIT;
    pointset_filtered_describe(&s, &set);
    ck_assert_str_eq(sb_str(&s), "2 rows left out by --where src~lab and name!=b");
    sb_free(&s);
    diag_free(&d);
    pointset_free(&set);

    /* expressions that are not filters */
    rowfilter_t f;
    ck_assert_ptr_nonnull(rowfilter_parse("name", &f));
    ck_assert_ptr_nonnull(rowfilter_parse("=x", &f));
    ck_assert_ptr_null(rowfilter_parse("a!~b", &f));
    ck_assert_int_eq(f.op, ROWFILTER_LACKS);
    ck_assert_str_eq(f.column, "a");
    rowfilter_free(&f);
}
END_TEST

/* Warnings keep their parts: a line list condenses to ranges, the same
 * warning of several files is said once. */
START_TEST(warnings_condense)
{
    diag_t d = DIAG_INIT;
    long lines[1935];
    for (long i = 0; i < 1935; i++)
        lines[i] = i + 2;
    diag_warn_lines(&d, "big.csv", "point", lines, 1935, "without a rate: listed");
    for (int f = 0; f < 18; f++) {
        char name[32];
        snprintf(name, sizeof name, "jbb%02d.csv", f);
        diag_warn_file(&d, name, "jailbroken: no benign prompts");
    }
    for (long l = 10; l < 20; l++)
        diag_warn_at(&d, "c.csv", l == 15 ? 30 : l, 4, l, "asr: no whole count");
    diag_warn(&d, "free text");
    /* two judges of one file may say the same: once (no lines to join) */
    diag_warn_file(&d, "x.csv", "no benign prompts");
    diag_warn_file(&d, "x.csv", "no benign prompts");
    ck_assert_uint_eq(d.nwarnings, 1935 / 1935 + 18 + 10 + 1 + 2);
    ck_assert(strlen(d.warnings[0]) > 9000); /* in full: every line */
    size_t n;
    char **c = diag_condense(&d, &n);
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(c[0], "big.csv: 1,935 points (lines 2\xe2\x80\x93" "1,936) without a rate: listed");
    ck_assert_str_eq(c[1], "18 files (jbb00.csv, jbb01.csv and 16 more): jailbroken: no benign prompts");
    ck_assert_str_eq(c[2], "c.csv: 10 rows (lines 10\xe2\x80\x93" "14, 16\xe2\x80\x93" "19, 30): asr: no whole count");
    ck_assert_str_eq(c[3], "free text");
    ck_assert_str_eq(c[4], "x.csv: no benign prompts");
    diag_condensed_free(c, n);
    /* a point's details find the warnings about it */
    ck_assert(diag_warning_about(&d, 0, "big.csv", 500));
    ck_assert(!diag_warning_about(&d, 0, "big.csv", 5000));
    ck_assert(diag_warning_about(&d, 3, "jbb02.csv", 0)); /* the file's every point */
    ck_assert(diag_warning_about(&d, 19 + 5, "c.csv", 15)); /* the cell at line 30 is the point of line 15's */
    ck_assert(!diag_warning_about(&d, 19 + 5, "c.csv", 30));
    diag_free(&d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("mapping");
    TCase *t = tcase_create("mapping");
    tcase_add_test(t, classifier_table_loads_with_flags_only);
    tcase_add_test(t, sorry_bench_loads_as_long_table);
    tcase_add_test(t, long_table_means);
    tcase_add_test(t, mapping_flags_name_columns_that_exist);
    tcase_add_test(t, mapping_flags_refused_for_per_prompt_files);
    tcase_add_test(t, rates_units_and_complements);
    tcase_add_test(t, typo_names_the_column_and_the_accepted_names);
    tcase_add_test(t, where_filters_and_counts);
    tcase_add_test(t, inputopts_read_back_as_given);
    tcase_add_test(t, inputopts_judge_given_twice_adds_up);
    tcase_add_test(t, inputopts_refuse_as_the_command_line);
    tcase_add_test(t, warnings_condense);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(suite)
