/* Unit tests of paired per-prompt results: the logs the judged loader keeps,
 * pairing by id (never by row order) with its refusals, the tables against
 * counts made by hand, the paired interval and test in comparisons and the
 * gate, judge agreement, and the texts read again from the file. */
#include "config.h"

#include "unit.h"
#include "core/agreement.h"
#include "core/gate.h"
#include "core/model.h"
#include "core/pairing.h"
#include "load/load.h"
#include "load/prompttext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ck_close(x, want, tol) ck_assert_msg(fabs((x) - (double)(want)) <= (tol), "%s = %.10g, want %.10g", \
                                             #x, (double)(x), (double)(want))

/* Loads `text` as a judged file named `name` into `set`. */
static void load(pointset_t *set, const char *name, const char *text)
{
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    ck_assert_msg(load_buffer(set, name, text, strlen(text), &o, &d) == 0, "%s: %s", name, d.error ? d.error : "?");
    diag_free(&d);
}

static const char *A = "id,set,category,verdict\n"
                       "p1,harmful,fraud,refused\n"
                       "p2,harmful,fraud,refused\n"
                       "p3,harmful,hate,complied\n"
                       "p4,harmful,hate,refused\n"
                       "p5,benign,,refused\n"
                       "p6,benign,,complied\n"
                       "p7,benign,,complied\n";
/* The same prompts in another order: p1 and p4 now answered, p3 refused;
 * p6 now refused, p5 answered. */
static const char *B = "id,set,category,verdict\n"
                       "p7,benign,,complied\n"
                       "p6,benign,,refused\n"
                       "p5,benign,,complied\n"
                       "p4,harmful,hate,complied\n"
                       "p3,harmful,hate,refused\n"
                       "p2,harmful,fraud,refused\n"
                       "p1,harmful,fraud,complied\n";

START_TEST(test_log_of_a_judged_file)
{
    pointset_t set = POINTSET_INIT;
    load(&set, "a.csv", A);
    const point_t *p = &set.items[0];
    const promptlog_t *log = p->prompts;
    ck_assert_ptr_nonnull(log);
    ck_assert_uint_eq(log->len, 7);
    ck_assert_str_eq(log->key_name, "id");
    ck_assert_uint_eq(log->njudges, 1);
    ck_assert_uint_eq(log->ncategories, 2);
    ck_assert_int_eq(log->set[4], PROMPTLOG_BENIGN);
    ck_assert_uint_eq(log->line[0], 2);
    ck_assert_uint_eq(log->category[4], PROMPTLOG_NO_CATEGORY);
    ck_assert_int_eq(promptlog_find(log, promptlog_hash("p3", 2)), 2);
    ck_assert_int_eq(promptlog_find(log, promptlog_hash(" p3 ", 4)), 2);
    ck_assert_int_eq(promptlog_find(log, promptlog_hash("p9", 2)), -1);
    /* The log's counts are the point's. */
    promptlog_counts_t c = promptlog_counts(log, p->prompts_judge, PROMPTLOG_UNREC_EXCLUDE);
    ck_assert_int_eq(c.n_harmful, p->n_adversarial);
    ck_assert_int_eq(c.complied, p->attack_successes);
    ck_assert_int_eq(c.n_benign, p->n_benign);
    ck_assert_int_eq(c.refused, p->benign_refused);
    pointset_free(&set);
}
END_TEST

START_TEST(test_pairing_by_id_not_row_order)
{
    pointset_t set = POINTSET_INIT;
    load(&set, "a.csv", A);
    load(&set, "b.csv", B);
    pairing_t pr;
    ck_assert(pairing_run(&pr, pairing_side(&set.items[0]), pairing_side(&set.items[1]), true));
    ck_assert_int_eq(pr.matched, 7);
    ck_assert_int_eq(pr.a_only + pr.b_only, 0);
    const pairing_set_t *h = &pr.set[PROMPTLOG_HARMFUL], *b = &pr.set[PROMPTLOG_BENIGN];
    /* By hand: p2 refused twice; p1, p4 refused then complied; p3 complied
     * then refused. Benign: p7 answered twice, p6 complied then refused, p5
     * refused then complied. */
    ck_assert_int_eq(h->both_refused, 1);
    ck_assert_int_eq(h->both_complied, 0);
    ck_assert_int_eq(h->refused_then_complied, 2);
    ck_assert_int_eq(h->complied_then_refused, 1);
    ck_assert_int_eq(b->both_complied, 1);
    ck_assert_int_eq(b->complied_then_refused, 1);
    ck_assert_int_eq(b->refused_then_complied, 1);
    /* The lists name A's prompts and B's, by category then A's order: p1
     * (fraud) before p4 (hate). */
    ck_assert_uint_eq(h->r2c[0].a, 0);
    ck_assert_uint_eq(h->r2c[0].b, 6);
    ck_assert_uint_eq(h->r2c[1].a, 3);
    ck_assert_uint_eq(h->r2c[1].b, 3);
    ck_assert_uint_eq(b->c2r[0].a, 5);
    /* The event tables: ASR counts complied, ORR refused. */
    stats_paired_t asr = pairing_table(h, PROMPTLOG_HARMFUL), orr = pairing_table(b, PROMPTLOG_BENIGN);
    ck_assert_int_eq(asr.both, 0);
    ck_assert_int_eq(asr.a_only, 1);
    ck_assert_int_eq(asr.b_only, 2);
    ck_assert_int_eq(asr.neither, 1);
    ck_assert_int_eq(orr.both, 0);
    ck_assert_int_eq(orr.a_only, 1);
    ck_assert_int_eq(orr.b_only, 1);
    pairing_stats_t st = pairing_stats(h, PROMPTLOG_HARMFUL, 0.95);
    ck_close(st.rate_a, 0.25, 1e-15);
    ck_close(st.rate_b, 0.5, 1e-15);
    ck_close(st.delta, set.items[1].asr - set.items[0].asr, 1e-15);
    ck_close(st.mcnemar_p, stats_mcnemar_exact_p(1, 2), 0);
    pairing_free(&pr);
    pointset_free(&set);
}
END_TEST

/* A pairing refused: the reason holds every piece of `want`. */
static void refused(const char *a, const char *b, const char *want1, const char *want2)
{
    pointset_t set = POINTSET_INIT;
    load(&set, "a.csv", a);
    load(&set, "b.csv", b);
    pairing_t pr;
    ck_assert(!pairing_run(&pr, pairing_side(&set.items[0]), pairing_side(&set.items[set.len - 1]), true));
    ck_assert_msg(strstr(pr.why, want1) && strstr(pr.why, want2), "why: %s", pr.why);
    pairing_free(&pr);
    pointset_free(&set);
}

START_TEST(test_pairing_refusals)
{
    /* No id and no prompt text: never by row order. */
    refused("set,verdict\nharmful,refused\nbenign,complied\n", A, "a.csv: no column identifies its prompts",
            "never paired by row order");
    /* An id twice in one file, with both lines. */
    refused(A, "id,set,verdict\nq,harmful,refused\nr,benign,refused\nq,harmful,complied\n", "b.csv:4: the id 'q'",
            "also on line 2");
    /* No id in common: the same rows in the same order do not pair. */
    refused(A,
            "id,set,category,verdict\nx1,harmful,fraud,refused\nx2,harmful,fraud,refused\nx3,harmful,hate,complied\n"
            "x4,harmful,hate,refused\nx5,benign,,refused\nx6,benign,,complied\nx7,benign,,complied\n",
            "no prompt of a.csv is in b.csv", "expected the same prompts");
    /* The same prompt in two sets. */
    refused(A, "id,set,verdict\np1,benign,refused\n", "a.csv:2 and b.csv:2", "harmful in a.csv and benign in b.csv");
}
END_TEST

START_TEST(test_pairing_unmatched_and_text_keys)
{
    pointset_t set = POINTSET_INIT;
    load(&set, "a.csv", A);
    load(&set, "c.csv", "id,set,verdict\np1,harmful,refused\np2,harmful,refused\np9,benign,refused\n");
    pairing_t pr;
    ck_assert(pairing_run(&pr, pairing_side(&set.items[0]), pairing_side(&set.items[1]), true));
    ck_assert_int_eq(pr.matched, 2);
    ck_assert_int_eq(pr.a_only, 5);
    ck_assert_int_eq(pr.b_only, 1);
    ck_assert_uint_eq(pr.b_only_idx[0], 2);
    pairing_free(&pr);
    /* Not the same prompts: a comparison of the two is not paired, and says why. */
    pairing_summary_t s;
    pairing_summarise(&set.items[0], &set.items[1], &s);
    ck_assert(!s.paired);
    ck_assert_msg(strstr(s.why, "5 prompts of a.csv not in c.csv"), "why: %s", s.why);
    pointset_free(&set);
    /* Without an id column the prompt text is the key. */
    load(&set, "t1.csv", "prompt,set,verdict\nhow to bake,benign,refused\nhow to steal,harmful,refused\n");
    load(&set, "t2.csv", "prompt,set,verdict\nhow to steal,harmful,complied\nhow to bake,benign,complied\n");
    ck_assert(set.items[0].prompts->key_is_text);
    ck_assert(pairing_run(&pr, pairing_side(&set.items[0]), pairing_side(&set.items[1]), true));
    ck_assert_int_eq(pr.set[PROMPTLOG_HARMFUL].refused_then_complied, 1);
    ck_assert_int_eq(pr.set[PROMPTLOG_BENIGN].refused_then_complied, 1);
    pairing_free(&pr);
    pointset_free(&set);
}
END_TEST

/* Unrecognised and empty verdicts are left out on their side; a comparison
 * pairs only when both count the same prompts. */
START_TEST(test_pairing_left_out)
{
    pointset_t set = POINTSET_INIT;
    load(&set, "a.csv", "id,set,verdict\n1,harmful,refused\n2,harmful,maybe\n3,benign,refused\n4,benign,\n");
    load(&set, "b.csv", "id,set,verdict\n1,harmful,complied\n2,harmful,refused\n3,benign,refused\n4,benign,\n");
    pairing_t pr;
    ck_assert(pairing_run(&pr, pairing_side(&set.items[0]), pairing_side(&set.items[1]), false));
    ck_assert_int_eq(pr.set[PROMPTLOG_HARMFUL].excluded_a, 1);
    ck_assert_int_eq(pr.set[PROMPTLOG_BENIGN].excluded_both, 1);
    ck_assert_int_eq(pairing_counted(&pr.set[PROMPTLOG_HARMFUL]), 1);
    pairing_free(&pr);
    pairing_summary_t s;
    pairing_summarise(&set.items[0], &set.items[1], &s);
    ck_assert(!s.paired);
    ck_assert_msg(strstr(s.why, "1 prompt counted on one side only"), "why: %s", s.why);
    pointset_free(&set);
}
END_TEST

/* A comparison and the gate of two paired points take the paired interval
 * of the tables; of unpaired ones, Newcombe's for independent samples. */
START_TEST(test_comparison_and_gate_paired)
{
    pointset_t set = POINTSET_INIT;
    load(&set, "a.csv", A);
    load(&set, "b.csv", B);
    const point_t *a = &set.items[0], *b = &set.items[1];
    scenario_t sc = model_default_scenario();
    comparison_t c = model_compare(&sc, a, b);
    ck_assert(c.pairing.paired);
    ck_assert_int_eq(c.pairing.n_harmful, 4);
    ck_assert_int_eq(c.pairing.n_benign, 3);
    stats_interval_t want = stats_paired_diff_interval((stats_paired_t){0, 1, 2, 1}, 0.95);
    ck_close(c.d_asr_ci.lo, want.lo, 1e-15);
    ck_close(c.d_asr_ci.hi, want.hi, 1e-15);
    ck_close(c.mcnemar_p_asr, stats_mcnemar_exact_p(1, 2), 0);
    sb_t sentence = SB_INIT;
    model_sentence(&sentence, &sc, "A", "B", &c);
    ck_assert_msg(strstr(sb_str(&sentence), "The intervals are paired on 7 prompts (4 harmful, 3 benign)."), "%s",
                  sb_str(&sentence));
    sb_free(&sentence);
    /* The gate: a one-sided test from the paired interval at 1 - 2 alpha. */
    gate_opts_t o = {0, 0, 0.05, sc.policy};
    policy_find("none", &o.policy);
    gate_result_t g = gate_run(a, b, &o);
    ck_assert(g.pairing.paired);
    stats_interval_t one = stats_paired_diff_interval_z((stats_paired_t){0, 1, 2, 1}, stats_z_upper(0.05));
    ck_close(g.asr.ci.lo, one.lo, 1e-15);
    ck_close(g.asr.ci.hi, one.hi, 1e-15);
    /* A point with itself: no difference at all, as before. */
    comparison_t same = model_compare(&sc, a, a);
    ck_assert(!same.pairing.paired);
    ck_close(same.d_asr_ci.lo, 0, 0);
    ck_close(same.d_asr_ci.hi, 0, 0);
    /* Points without per-prompt data: unpaired, nothing to say why. */
    point_t p = point_make("p"), q = point_make("q");
    p.n_adversarial = q.n_adversarial = 4;
    p.attack_successes = 1;
    q.attack_successes = 2;
    p.asr = 0.25;
    q.asr = 0.5;
    p.n_benign = q.n_benign = 3;
    p.benign_refused = q.benign_refused = 1;
    p.orr = q.orr = 1.0 / 3;
    c = model_compare(&sc, &p, &q);
    ck_assert(!c.pairing.paired);
    ck_assert_str_eq(c.pairing.why, "");
    want = stats_diff_interval(1, 4, 2, 4, 0.95);
    ck_close(c.d_asr_ci.lo, want.lo, 1e-15);
    ck_assert(isnan(c.mcnemar_p_asr));
    point_free(&p);
    point_free(&q);
    pointset_free(&set);
}
END_TEST

/* A key seen twice at an unknown line (0) is still a duplicate: the log
 * cannot be paired, and a later duplicate neither replaces the first nor
 * leaks its text (fuzz-judged finding: rows after a lone carriage return
 * once had line 0). */
START_TEST(test_duplicate_at_unknown_line)
{
    char *judges[] = {"verdict"};
    promptlog_t *log = promptlog_new("dup.csv", judges, 1);
    promptlog_set_columns(log, "id", false, 0, -1, -1, NULL);
    const uint8_t v[] = {PROMPTLOG_REFUSED};
    promptlog_at_t at0 = {0, 0};
    promptlog_add(log, "p1", 2, 0, PROMPTLOG_NO_CATEGORY, at0, v, NULL, 0);
    promptlog_add(log, "p1", 2, 0, PROMPTLOG_NO_CATEGORY, at0, v, NULL, 0);
    promptlog_add(log, "p2", 2, 0, PROMPTLOG_NO_CATEGORY, at0, v, NULL, 0);
    promptlog_add(log, "p2", 2, 0, PROMPTLOG_NO_CATEGORY, at0, v, NULL, 0);
    promptlog_finish(log);
    ck_assert_ptr_nonnull(log->dup_text);
    ck_assert_str_eq(log->dup_text, "p1");
    pairing_t pr;
    pairing_side_t side = {log, 0, PROMPTLOG_UNREC_EXCLUDE};
    ck_assert(!pairing_run(&pr, side, side, true));
    ck_assert_msg(pr.why && strstr(pr.why, "cannot be paired"), "why: %s", pr.why ? pr.why : "(none)");
    pairing_free(&pr);
    promptlog_release(log);
}
END_TEST

START_TEST(test_agreement)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    input_opts_t o = INPUT_OPTS_INIT;
    o.verdict_column = "j1,j2";
    /* Harmful: (R,R) (R,C) (C,C) (C,?unrecognised) (R,empty); benign: (R,R)
     * (C,R) (C,C). */
    const char *text = "id,set,j1,j2\n1,harmful,refused,refused\n2,harmful,refused,complied\n"
                       "3,harmful,complied,complied\n4,harmful,complied,perhaps\n5,harmful,refused,\n"
                       "6,benign,refused,refused\n7,benign,complied,refused\n8,benign,complied,complied\n";
    ck_assert_int_eq(load_buffer(&set, "j.csv", text, strlen(text), &o, &d), 0);
    const promptlog_t *log = set.items[0].prompts;
    ck_assert_uint_eq(log->njudges, 2);
    int judges[2] = {0, 1};
    agreement_t ag;
    agreement_compute(&ag, log, judges, 2, 0.95);
    ck_assert_uint_eq(ag.len, 3);
    const agreement_pair_t *h = &ag.items[0], *b = &ag.items[1], *all = &ag.items[2];
    ck_assert_int_eq(h->set, AGREEMENT_HARMFUL);
    ck_assert_int_eq(h->table[0][0], 1);
    ck_assert_int_eq(h->table[0][1], 1);
    ck_assert_int_eq(h->table[1][0], 0);
    ck_assert_int_eq(h->table[1][1], 1);
    /* Left out, not disagreements. */
    ck_assert_int_eq(h->unrecognised, 1);
    ck_assert_int_eq(h->empty, 1);
    ck_assert_uint_eq(h->ndisagree, 1);
    ck_assert_uint_eq(h->disagree[0], 1);
    ck_close(h->kappa.agreement, 2.0 / 3, 1e-15);
    ck_assert_int_eq(b->table[1][0], 1);
    ck_assert_uint_eq(b->disagree[0], 6);
    ck_assert_int_eq(all->kappa.n, 6);
    ck_assert_uint_eq(all->ndisagree, 2);
    long long t[2][2] = {{2, 1}, {1, 2}};
    ck_close(all->kappa.kappa, stats_kappa((const long long(*)[2])t, 0.95).kappa, 1e-15);
    agreement_free(&ag);
    pointset_free(&set);
    diag_free(&d);
}
END_TEST

/* The texts of listed prompts, read from the file again; a file that
 * changed since gives line numbers and says so. */
START_TEST(test_prompt_texts)
{
    char path[] = "/tmp/tradeoff-pairing-XXXXXX";
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    const char *text = "id,set,prompt,verdict\np1,harmful,\"how, exactly\",refused\np2,benign,bake a cake,complied\n";
    ck_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_file(&set, path, NULL, &d), 0);
    const promptlog_t *log = set.items[0].prompts;
    ck_assert(!log->kept_id); /* a file is read again rather than kept */
    size_t idx[] = {1, 0};
    prompttext_t t[2];
    prompttext_fetch(log, idx, 2, t, &d);
    ck_assert_str_eq(t[0].id, "p2");
    ck_assert_str_eq(t[0].text, "bake a cake");
    ck_assert_str_eq(t[1].text, "how, exactly");
    ck_assert_uint_eq(d.nwarnings, 0);
    prompttext_free(t, 2);
    FILE *f = fopen(path, "w");
    fputs("id,set,prompt,verdict\nq1,harmful,other,refused\nq2,benign,other,complied\n", f);
    fclose(f);
    prompttext_fetch(log, idx, 2, t, &d);
    ck_assert_str_eq(t[0].id, "line 3");
    ck_assert_uint_eq(d.nwarnings, 1);
    ck_assert_msg(strstr(d.warnings[0], "the file changed since it was read"), "%s", d.warnings[0]);
    prompttext_free(t, 2);
    /* A row longer than the first window, with a line break in a quoted
     * cell: read whole. */
    f = fopen(path, "w");
    fputs("id,set,prompt,verdict\nq1,harmful,\"first line\nsecond ", f);
    for (int i = 0; i < 3000; i++)
        fputs("long ", f);
    fputs("end\",refused\nq2,benign,short,complied\n", f);
    fclose(f);
    pointset_free(&set);
    ck_assert_int_eq(load_file(&set, path, NULL, &d), 0);
    prompttext_fetch(set.items[0].prompts, idx, 2, t, &d);
    ck_assert_str_eq(t[0].id, "q2");
    ck_assert_str_eq(t[1].id, "q1");
    ck_assert_uint_eq(strlen(t[1].text), strlen("first line second ") + 3000 * 5 + 3);
    ck_assert_msg(strncmp(t[1].text, "first line second long", 22) == 0, "%.30s", t[1].text);
    ck_assert_uint_eq(d.nwarnings, 1);
    prompttext_free(t, 2);
    unlink(path);
    /* An input read once (a buffer, standard input) keeps its texts. */
    load(&set, "kept.csv", text);
    ck_assert_ptr_nonnull(set.items[1].prompts->kept_id);
    prompttext_fetch(set.items[1].prompts, idx, 2, t, &d);
    ck_assert_str_eq(t[1].id, "p1");
    prompttext_free(t, 2);
    pointset_free(&set);
    diag_free(&d);
}
END_TEST

/* Two thresholds of one score file: refused when score >= t, so the
 * tables follow from the counts (made by hand here: at 0.3 the harmful h1
 * is answered and the benign b2, b3 refused; at 0.6 h1, h2, h3 answered
 * and b3 refused), the intervals are those of the share of prompts
 * between the two thresholds (never of the sign the thresholds forbid),
 * and the words say so. */
static const char *SCORES = "id,set,score\n"
                            "h1,harmful,0.1\nh2,harmful,0.3\nh3,harmful,0.5\nh4,harmful,0.7\n"
                            "b1,benign,0.2\nb2,benign,0.4\nb3,benign,0.6\n";

static const point_t *at_threshold(const pointset_t *set, double t)
{
    for (size_t i = 0; i < set->len; i++)
        if (set->items[i].knob == t)
            return &set->items[i];
    ck_abort_msg("no point at %g", t);
    return NULL;
}

START_TEST(test_thresholds_paired)
{
    pointset_t set = POINTSET_INIT;
    load(&set, "s.csv", SCORES);
    const point_t *lo = at_threshold(&set, 0.3), *hi = at_threshold(&set, 0.6);
    ck_assert_int_eq(lo->attack_successes, 1);
    ck_assert_int_eq(hi->benign_refused, 1);
    scenario_t sc = model_default_scenario();
    comparison_t c = model_compare(&sc, lo, hi);
    ck_assert(c.pairing.paired && c.pairing.by_threshold);
    ck_assert_int_eq(c.pairing.n_harmful, 4);
    ck_assert_int_eq(c.pairing.n_benign, 3);
    stats_paired_t asr = {1, 0, 2, 1}, orr = {1, 1, 0, 1};
    ck_assert(memcmp(&c.pairing.asr, &asr, sizeof asr) == 0);
    ck_assert(memcmp(&c.pairing.orr, &orr, sizeof orr) == 0);
    /* Nested sets: the change is the share of the prompts between the two
     * thresholds, 2 of 4 harmful answered only at 0.6 and 1 of 3 benign
     * refused only at 0.3, with their Wilson intervals; Newcombe's method
     * 10 would allow a fall of ASR, which a higher threshold cannot give. */
    stats_interval_t want = stats_interval(2, 4, 0.95, STATS_WILSON);
    ck_assert(stats_paired_diff_interval(asr, 0.95).lo < 0);
    ck_close(c.d_asr_ci.lo, want.lo, 1e-15);
    ck_close(c.d_asr_ci.hi, want.hi, 1e-15);
    ck_assert(c.d_asr_ci.lo > 0);
    want = stats_interval(1, 3, 0.95, STATS_WILSON);
    ck_close(c.d_orr_ci.lo, -want.hi, 1e-15);
    ck_close(c.d_orr_ci.hi, -want.lo, 1e-15);
    ck_close(c.mcnemar_p_asr, stats_mcnemar_exact_p(0, 2), 0);
    sb_t words = SB_INIT;
    model_sentence(&words, &sc, "A", "B", &c);
    ck_assert_msg(strstr(sb_str(&words), "The intervals are paired on 7 prompts (4 harmful, 3 benign; the same "
                                         "prompts at two thresholds)."), "%s", sb_str(&words));
    sb_free(&words);

    /* The other way: the tables turn over, and so does the cut. */
    c = model_compare(&sc, hi, lo);
    ck_assert(c.pairing.paired && c.pairing.order == -1);
    ck_assert_int_eq(c.pairing.asr.a_only, 2);
    ck_assert(c.d_asr_ci.hi <= 0 && c.d_orr_ci.lo >= 0);

    /* The gate without a level: report's interval, said within noise. */
    gate_opts_t o = {0, 0, 0, sc.policy};
    policy_find("none", &o.policy);
    gate_result_t g = gate_run(lo, hi, &o);
    ck_assert(g.pairing.by_threshold && g.asr.ci.known);
    ck_close(g.asr.ci.hi, stats_interval(2, 4, 0.95, STATS_WILSON).hi, 1e-12);
    ck_assert(!g.asr.within_noise && g.asr.regressed);

    /* A pinned copy (the explorer's baseline) is still the same curve; at
     * the same threshold nothing can change. */
    point_t copy = point_copy(lo);
    c = model_compare(&sc, &copy, lo);
    ck_assert(c.pairing.paired && c.pairing.order == 0);
    ck_assert(c.d_asr_ci.known && c.d_asr_ci.lo == 0 && c.d_asr_ci.hi == 0);
    point_free(&copy);
    /* Counts that cannot be nested are not paired, and say why: 0.6's
     * counts at 0.2, below 0.3, would answer more attacks at the lower
     * threshold. */
    copy = point_copy(hi);
    copy.knob = 0.2;
    c = model_compare(&sc, lo, &copy);
    ck_assert(!c.pairing.paired);
    ck_assert_msg(strstr(c.pairing.why, "do not nest"), "why: %s", c.pairing.why);
    /* Nor are points that no longer know their curve (a pooled group). */
    point_set_group(&copy, "pooled", POINT_GROUP_POOLED);
    copy.knob = hi->knob;
    c = model_compare(&sc, lo, &copy);
    ck_assert(!c.pairing.paired && c.pairing.why[0] == '\0');
    point_free(&copy);
    pointset_free(&set);
}
END_TEST

static Suite *pairing_suite(void)
{
    Suite *s = suite_create("pairing");
    TCase *t = tcase_create("pairing");
    tcase_add_test(t, test_log_of_a_judged_file);
    tcase_add_test(t, test_pairing_by_id_not_row_order);
    tcase_add_test(t, test_pairing_refusals);
    tcase_add_test(t, test_pairing_unmatched_and_text_keys);
    tcase_add_test(t, test_pairing_left_out);
    tcase_add_test(t, test_comparison_and_gate_paired);
    tcase_add_test(t, test_thresholds_paired);
    tcase_add_test(t, test_duplicate_at_unknown_line);
    tcase_add_test(t, test_agreement);
    tcase_add_test(t, test_prompt_texts);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(pairing_suite)
