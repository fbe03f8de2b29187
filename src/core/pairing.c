/* pairing: prompt-by-prompt tables of two measurements. */
#include "config.h"

#include "core/pairing.h"
#include "base/num.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pairing_side_t pairing_side(const point_t *p)
{
    pairing_side_t s = {p->prompts, p->prompts_judge, (int)p->unrecognised_as};
    return s;
}

static const char *set_name(int set) { return set == PROMPTLOG_BENIGN ? "benign" : "harmful"; }

static bool fail(pairing_t *pr, sb_t *why)
{
    pr->ok = false;
    pr->why = sb_detach(why);
    return false;
}

/* Why a side's file cannot take part, or false when it can. */
static bool side_unfit(const promptlog_t *log, sb_t *why)
{
    if (!log->key_name) {
        sb_printf(why, "%s: no column identifies its prompts: expected %s; prompts are never paired by row order",
                  log->shown, log->key_expected ? log->key_expected : "an id column or a prompt text column");
        return true;
    }
    if (log->dup_text) {
        sb_printf(why, "%s:%ld: the %s '%s' is also on line %ld: expected each prompt once (a file with a "
                       "repeated %s cannot be paired)",
                  log->shown, log->dup_line_b, log->key_name, log->dup_text, log->dup_line_a, log->key_name);
        return true;
    }
    return false;
}

/* Appends to a list that grows as it fills (most prompts flip in no
 * list, so none is sized for every prompt). */
static void push_pair(pairing_pair_t **list, size_t *cap, long long n, pairing_pair_t pp)
{
    *list = xgrow(*list, cap, (size_t)n + 1, sizeof **list);
    (*list)[n] = pp;
}

static void push_index(size_t **list, size_t *cap, long long n, size_t i)
{
    *list = xgrow(*list, cap, (size_t)n + 1, sizeof **list);
    (*list)[n] = i;
}

/* Counts one matched prompt into its set's table (and list). */
static void tally(pairing_t *pr, pairing_side_t a, pairing_side_t b, size_t i, size_t k, bool lists)
{
    pairing_set_t *s = &pr->set[a.log->set[i] == PROMPTLOG_BENIGN];
    promptlog_outcome_t oa = promptlog_outcome(a.log, i, a.judge, a.unrec);
    promptlog_outcome_t ob = promptlog_outcome(b.log, k, b.judge, b.unrec);
    if (oa == PROMPTLOG_OUT_EXCLUDED || ob == PROMPTLOG_OUT_EXCLUDED) {
        *(oa != ob ? (oa == PROMPTLOG_OUT_EXCLUDED ? &s->excluded_a : &s->excluded_b) : &s->excluded_both) += 1;
        return;
    }
    pairing_pair_t pp = {i, k};
    if (oa == ob) {
        *(oa == PROMPTLOG_OUT_REFUSED ? &s->both_refused : &s->both_complied) += 1;
    } else if (oa == PROMPTLOG_OUT_REFUSED) {
        if (lists)
            push_pair(&s->r2c, &s->r2c_cap, s->refused_then_complied, pp);
        s->refused_then_complied++;
    } else {
        if (lists)
            push_pair(&s->c2r, &s->c2r_cap, s->complied_then_refused, pp);
        s->complied_then_refused++;
    }
}

/* A's prompts in A's category order (first appearance; none last), each
 * category in file order: a stable bucket pass. */
static void by_category(const promptlog_t *log, pairing_pair_t *list, size_t n)
{
    if (n < 2 || log->ncategories == 0)
        return;
    size_t nc = log->ncategories + 1, *start = xcalloc(nc + 1, sizeof *start);
    for (size_t k = 0; k < n; k++) {
        uint32_t c = log->category[list[k].a];
        start[(c == PROMPTLOG_NO_CATEGORY ? nc - 1 : c) + 1]++;
    }
    for (size_t c = 1; c <= nc; c++)
        start[c] += start[c - 1];
    pairing_pair_t *out = xmalloc(n * sizeof *out);
    for (size_t k = 0; k < n; k++) {
        uint32_t c = log->category[list[k].a];
        out[start[c == PROMPTLOG_NO_CATEGORY ? nc - 1 : c]++] = list[k];
    }
    memcpy(list, out, n * sizeof *out);
    free(out);
    free(start);
}

/* The prompts of B no prompt of A matched, in file order. */
static void b_leftovers(pairing_t *pr, const promptlog_t *b, const uint8_t *seen, bool lists)
{
    for (size_t k = 0; k < b->len; k++) {
        if (seen[k])
            continue;
        if (lists)
            push_index(&pr->b_only_idx, &pr->b_only_cap, pr->b_only, k);
        pr->b_only++;
    }
}

static bool set_conflict(pairing_t *pr, pairing_side_t a, pairing_side_t b, size_t i, size_t k)
{
    sb_t why = SB_INIT;
    sb_printf(&why, "%s:%u and %s:%u hold the same prompt (by %s) in different sets, %s in %s and %s in %s: "
                    "expected the same set for the same prompt",
              a.log->shown, a.log->line[i], b.log->shown, b.log->line[k], a.log->key_name, set_name(a.log->set[i]),
              a.log->shown, set_name(b.log->set[k]), b.log->shown);
    return fail(pr, &why);
}

bool pairing_run(pairing_t *pr, pairing_side_t a, pairing_side_t b, bool lists)
{
    memset(pr, 0, sizeof *pr);
    sb_t why = SB_INIT;
    if (!a.log || !b.log) {
        sb_puts(&why, "per-prompt results are needed on both sides: a table of operating points has no prompts");
        return fail(pr, &why);
    }
    if (side_unfit(a.log, &why) || side_unfit(b.log, &why))
        return fail(pr, &why);
    uint8_t *seen = xcalloc(b.log->len ? b.log->len : 1, 1);
    for (size_t i = 0; i < a.log->len; i++) {
        long k = promptlog_find(b.log, a.log->key[i]);
        if (k < 0) {
            if (lists)
                push_index(&pr->a_only_idx, &pr->a_only_cap, pr->a_only, i);
            pr->a_only++;
            continue;
        }
        if (a.log->set[i] != b.log->set[k]) {
            free(seen);
            return set_conflict(pr, a, b, i, (size_t)k);
        }
        seen[k] = 1;
        pr->matched++;
        tally(pr, a, b, i, (size_t)k, lists);
    }
    b_leftovers(pr, b.log, seen, lists);
    free(seen);
    if (pr->matched == 0) {
        sb_printf(&why, "no prompt of %s is in %s (by %s and %s): expected the same prompts", a.log->shown,
                  b.log->shown, a.log->key_name, b.log->key_name);
        return fail(pr, &why);
    }
    for (int s = 0; lists && s < 2; s++) {
        by_category(a.log, pr->set[s].r2c, (size_t)pr->set[s].refused_then_complied);
        by_category(a.log, pr->set[s].c2r, (size_t)pr->set[s].complied_then_refused);
    }
    pr->ok = true;
    return true;
}

void pairing_free(pairing_t *pr)
{
    for (int s = 0; s < 2; s++) {
        free(pr->set[s].r2c);
        free(pr->set[s].c2r);
    }
    free(pr->a_only_idx);
    free(pr->b_only_idx);
    free(pr->why);
    memset(pr, 0, sizeof *pr);
}

long long pairing_counted(const pairing_set_t *s)
{
    return s->both_refused + s->both_complied + s->refused_then_complied + s->complied_then_refused;
}

stats_paired_t pairing_table(const pairing_set_t *s, int set)
{
    stats_paired_t t;
    if (set == PROMPTLOG_BENIGN)
        t = (stats_paired_t){s->both_refused, s->refused_then_complied, s->complied_then_refused, s->both_complied};
    else
        t = (stats_paired_t){s->both_complied, s->complied_then_refused, s->refused_then_complied, s->both_refused};
    return t;
}

const pairing_flip_t pairing_flips[PAIRING_NFLIPS] = {
    {PROMPTLOG_HARMFUL, 0, "refused_then_complied", "Attacks that now succeed (refused in A, complied in B)"},
    {PROMPTLOG_BENIGN, 1, "complied_then_refused", "Benign prompts now refused (complied in A, refused in B)"},
    {PROMPTLOG_HARMFUL, 1, "complied_then_refused", "Attacks now refused: fixed (complied in A, refused in B)"},
    {PROMPTLOG_BENIGN, 0, "refused_then_complied", "Benign prompts now answered: fixed (refused in A, complied in B)"},
};

const pairing_pair_t *pairing_flip_list(const pairing_t *pr, const pairing_flip_t *f, long long *n)
{
    const pairing_set_t *s = &pr->set[f->set];
    *n = f->dir == 0 ? s->refused_then_complied : s->complied_then_refused;
    return f->dir == 0 ? s->r2c : s->c2r;
}

pairing_stats_t pairing_stats(const pairing_set_t *s, int set, double confidence)
{
    stats_paired_t t = pairing_table(s, set);
    pairing_stats_t st = {pairing_counted(s), NAN, NAN, NAN, {false, NAN, NAN}, NAN};
    if (st.n <= 0)
        return st;
    double n = (double)st.n;
    st.rate_a = (double)(t.both + t.a_only) / n;
    st.rate_b = (double)(t.both + t.b_only) / n;
    st.delta = (double)(t.b_only - t.a_only) / n;
    st.ci = stats_paired_diff_interval(t, confidence);
    st.mcnemar_p = stats_mcnemar_exact_p(t.a_only, t.b_only);
    return st;
}

/* ---- comparisons ---------------------------------------------------------------- */

static long long left_out_one_side(const pairing_set_t *s) { return s->excluded_a + s->excluded_b; }

/* Paired, or `why` not. */
static void summarise(const point_t *a, const point_t *b, pairing_summary_t *s)
{
    pairing_t pr;
    pairing_run(&pr, pairing_side(a), pairing_side(b), false);
    if (!pr.ok) {
        snprintf(s->why, sizeof s->why, "%s", pr.why);
    } else if (pr.a_only || pr.b_only) {
        snprintf(s->why, sizeof s->why, "%lld prompt%s of %s not in %s and %lld of %s not in %s", pr.a_only,
                 pr.a_only == 1 ? "" : "s", a->prompts->shown, b->prompts->shown, pr.b_only, b->prompts->shown,
                 a->prompts->shown);
    } else if (left_out_one_side(&pr.set[0]) || left_out_one_side(&pr.set[1])) {
        long long n = left_out_one_side(&pr.set[0]) + left_out_one_side(&pr.set[1]);
        snprintf(s->why, sizeof s->why,
                 "%lld prompt%s counted on one side only (an unrecognised or empty verdict on the other)", n,
                 n == 1 ? "" : "s");
    } else {
        s->paired = true;
        s->n_harmful = pairing_counted(&pr.set[PROMPTLOG_HARMFUL]);
        s->n_benign = pairing_counted(&pr.set[PROMPTLOG_BENIGN]);
        s->asr = pairing_table(&pr.set[PROMPTLOG_HARMFUL], PROMPTLOG_HARMFUL);
        s->orr = pairing_table(&pr.set[PROMPTLOG_BENIGN], PROMPTLOG_BENIGN);
    }
    pairing_free(&pr);
}

/* Each count the table gives a rate is the point's own (they come from one
 * log, so a difference is a bug, and then the comparison is not paired). */
static bool counts_agree(const point_t *a, const point_t *b, const pairing_summary_t *s)
{
    long long na = stats_paired_n(s->asr), no = stats_paired_n(s->orr);
    bool ok = true;
    for (int k = 0; k < 2; k++) {
        const point_t *p = k ? b : a;
        long long adv = na > 0 ? na : POINT_COUNT_UNKNOWN, ben = no > 0 ? no : POINT_COUNT_UNKNOWN;
        long long succ = k ? s->asr.both + s->asr.b_only : s->asr.both + s->asr.a_only;
        long long ref = k ? s->orr.both + s->orr.b_only : s->orr.both + s->orr.a_only;
        ok = ok && p->n_adversarial == adv && p->n_benign == ben && (na == 0 || p->attack_successes == succ) &&
             (no == 0 || p->benign_refused == ref);
    }
    return ok;
}

/* ---- two thresholds of one curve ------------------------------------------------ */

static bool same_text(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* Two steps of one curve: its own group (pooled points no longer know
 * it), source and series, each at a threshold. */
static bool one_curve(const point_t *a, const point_t *b)
{
    return a->group_basis == POINT_GROUP_CURVE && b->group_basis == POINT_GROUP_CURVE && same_text(a->group, b->group) &&
           same_text(a->source, b->source) && same_text(a->series, b->series) && isfinite(a->knob) &&
           isfinite(b->knob);
}

/* One rate's table from the counts: the event happened on ka of A's
 * prompts and kb of B's, nested in the direction `sign` (the sign kb - ka
 * must have; 0: equal). A set neither side measured has no prompts. False
 * when the counts cannot be the same prompts nested that way. */
static bool nested_table(long long ka, long long na, long long kb, long long nb, int sign, stats_paired_t *t,
                         long long *n)
{
    *t = (stats_paired_t){0, 0, 0, 0};
    *n = 0;
    if (na == POINT_COUNT_UNKNOWN && nb == POINT_COUNT_UNKNOWN)
        return true;
    if (na != nb || na <= 0 || ka < 0 || kb < 0 || ka > na || kb > nb)
        return false;
    long long d = kb - ka;
    if ((d > 0 ? 1 : d < 0 ? -1 : 0) * sign < 0 || (sign == 0 && d != 0))
        return false;
    long long lo = d > 0 ? ka : kb, hi = d > 0 ? kb : ka;
    *t = (stats_paired_t){lo, ka - lo, kb - lo, na - hi};
    *n = na;
    return true;
}

/* Fills `s` when A and B are two thresholds of one curve; false when
 * they are not. */
static bool curve_summarise(const point_t *a, const point_t *b, pairing_summary_t *s)
{
    if (!one_curve(a, b))
        return false;
    int order = (b->knob > a->knob) - (b->knob < a->knob);
    bool nested = nested_table(a->attack_successes, a->n_adversarial, b->attack_successes, b->n_adversarial, order,
                               &s->asr, &s->n_harmful) &&
                  nested_table(a->benign_refused, a->n_benign, b->benign_refused, b->n_benign, -order, &s->orr,
                               &s->n_benign);
    if (nested && s->n_harmful + s->n_benign > 0) {
        s->paired = s->by_threshold = true;
        s->order = order;
        return true;
    }
    memset(s, 0, sizeof *s);
    if (!nested)
        snprintf(s->why, sizeof s->why,
                 "the counts at thresholds %.6g and %.6g of one curve do not nest: expected the same n, attacks that "
                 "succeed no fewer and refusals no more at the higher threshold",
                 a->knob, b->knob);
    return true;
}

stats_interval_t pairing_interval_z(const pairing_summary_t *s, stats_rate_t r, double z)
{
    stats_interval_t ci = {false, NAN, NAN};
    if (!s->paired || (r == STATS_ASR ? s->n_harmful : s->n_benign) <= 0)
        return ci;
    stats_paired_t t = r == STATS_ASR ? s->asr : s->orr;
    /* Two thresholds of one curve: nested sets, the change one proportion;
     * at the same threshold nothing can change at all. */
    if (s->by_threshold && s->order == 0) {
        stats_interval_t none = {true, 0, 0};
        return none;
    }
    /* ASR rises with the threshold (order > 0: B's is the higher), ORR falls. */
    if (s->by_threshold)
        return stats_nested_diff_interval_z(t, r == STATS_ASR ? s->order : -s->order, z);
    return stats_paired_diff_interval_z(t, z);
}

const char *pairing_method_phrase(const pairing_summary_t *s)
{
    return s->by_threshold ? "the Wilson interval of the prompts between the two thresholds"
                           : "Newcombe's method 10 for paired data";
}

stats_interval_t pairing_interval(const pairing_summary_t *s, stats_rate_t r, double confidence)
{
    return pairing_interval_z(s, r, stats_z(confidence));
}

void pairing_summarise(const point_t *a, const point_t *b, pairing_summary_t *s)
{
    static struct {
        bool valid;
        uint64_t sa, sb;
        int ja, jb, ua, ub;
        pairing_summary_t s;
    } last;
    memset(s, 0, sizeof *s);
    if (!a->prompts && !b->prompts && curve_summarise(a, b, s))
        return;
    if (!a->prompts || !b->prompts)
        return;
    if (last.valid && last.sa == a->prompts->serial && last.sb == b->prompts->serial &&
        last.ja == a->prompts_judge && last.jb == b->prompts_judge && last.ua == (int)a->unrecognised_as &&
        last.ub == (int)b->unrecognised_as) {
        *s = last.s;
        return;
    }
    summarise(a, b, s);
    if (s->paired && !counts_agree(a, b, s)) {
        memset(s, 0, sizeof *s);
        snprintf(s->why, sizeof s->why, "the per-prompt tables do not give the points' counts");
    }
    last.valid = true;
    last.sa = a->prompts->serial;
    last.sb = b->prompts->serial;
    last.ja = a->prompts_judge;
    last.jb = b->prompts_judge;
    last.ua = (int)a->unrecognised_as;
    last.ub = (int)b->unrecognised_as;
    last.s = *s;
}

void pairing_phrase(sb_t *sb, const pairing_summary_t *s, bool capital)
{
    char all[48], h[48], b[48];
    const char *how = s->by_threshold ? "the same prompts at two thresholds" : NULL;
    num_format_int((double)(s->n_harmful + s->n_benign), all, sizeof all);
    sb_putc(sb, capital ? 'P' : 'p');
    if (s->n_harmful && s->n_benign)
        sb_printf(sb, "aired on %s prompts (%s harmful, %s benign%s%s)", all,
                  num_format_int((double)s->n_harmful, h, sizeof h), num_format_int((double)s->n_benign, b, sizeof b),
                  how ? "; " : "", how ? how : "");
    else
        sb_printf(sb, "aired on %s %s prompts%s%s%s", all, s->n_harmful ? "harmful" : "benign", how ? " (" : "",
                  how ? how : "", how ? ")" : "");
}
