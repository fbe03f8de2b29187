/* pairing: two measurements of the same prompts, prompt by prompt.
 *
 * A side is a point with per-prompt outcomes (point.h: prompts): its log,
 * its judge and how it counts unrecognised verdicts. Prompts are matched by
 * key (promptlog.h) through the other side's index, never by row order. A
 * file without a key, a key seen twice in one file, or a prompt whose set
 * differs between the two files cannot be paired: the reason names the
 * file, the lines and what was expected.
 *
 * For each set the matched prompts counted on both sides form a 2x2 table
 * of refused and complied under A against B; a matched prompt left out on
 * either side (an unrecognised or empty verdict) is counted apart. With
 * lists, the prompts that flipped and those in one file only are listed as
 * indices into the logs, by A's category (in order of first appearance,
 * uncategorised last), then in file order.
 *
 * For a comparison (pairing_summarise) two points are paired only when
 * every prompt of each is in the other and both count the same prompts, so
 * that each rate's n is the paired n and the delta of the rates is the
 * delta of the table: then the comparison takes the paired interval
 * (pairing_interval: stats_paired_diff_interval) and McNemar's test, else
 * the unpaired one.
 *
 * Two thresholds of one curve (points of one score file or binned counts:
 * group basis POINT_GROUP_CURVE, the same group, source and series, the
 * same n) are paired too, without per-prompt data: a prompt is refused when
 * its score >= t, so for t1 < t2 the prompts refused at t2 are a subset of
 * those refused at t1, and each table follows from the counts alone
 * (harmful, with s(t) the attacks that succeed: both s(t1), t2 only
 * s(t2) - s(t1), t1 only 0, neither n - s(t2); benign likewise with the
 * refusals). The change then has a known sign (ASR cannot fall and ORR
 * cannot rise as the threshold rises), and the interval is clipped to it:
 * the true change always lies on that side, so the clipped interval keeps
 * the coverage of the paired one and shows no impossible value. Points of
 * a pooled group (--group-columns none) no longer know their curve and are
 * compared as independent samples. */
#ifndef TRADEOFF_PAIRING_H
#define TRADEOFF_PAIRING_H

#include "core/point.h"
#include "core/promptlog.h"
#include "core/stats.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const promptlog_t *log; /* NULL: no per-prompt data */
    int judge;
    int unrec;              /* PROMPTLOG_UNREC_... */
} pairing_side_t;

/* A point's side: its log (NULL for a point from any other input). */
pairing_side_t pairing_side(const point_t *p);

/* A matched prompt: its index in A's log and in B's. */
typedef struct {
    size_t a, b;
} pairing_pair_t;

typedef struct {
    long long both_refused, both_complied;
    long long refused_then_complied, complied_then_refused;
    long long excluded_a, excluded_b, excluded_both; /* left out on A's side only, B's only, both */
    pairing_pair_t *r2c, *c2r; /* with lists: the flipped prompts */
    size_t r2c_cap, c2r_cap;
} pairing_set_t;

typedef struct {
    bool ok;
    char *why;                  /* !ok: why the two cannot be paired */
    long long matched;          /* prompts in both files */
    long long a_only, b_only;   /* prompts in one file only */
    pairing_set_t set[2];       /* by PROMPTLOG_HARMFUL, PROMPTLOG_BENIGN */
    size_t *a_only_idx, *b_only_idx; /* with lists: indices into A's, B's log */
    size_t a_only_cap, b_only_cap;
} pairing_t;

/* Pairs B's prompts with A's. Returns pr->ok; free with pairing_free
 * either way. */
bool pairing_run(pairing_t *pr, pairing_side_t a, pairing_side_t b, bool lists);
void pairing_free(pairing_t *pr);
/* Matched prompts of a set counted on both sides. */
long long pairing_counted(const pairing_set_t *s);
/* The event the set's rate counts as a paired table: an attack succeeding
 * (complied) on the harmful set, a refusal on the benign set. */
stats_paired_t pairing_table(const pairing_set_t *s, int set);

/* The four ways a prompt flips, in the order every listing gives them:
 * what got worse first (attacks that now succeed, benign prompts now
 * refused), then what was fixed. `dir` 0: refused in A, complied in B
 * (the set's r2c list); 1: complied, then refused (c2r). */
typedef struct {
    int set, dir;
    const char *key;   /* "refused_then_complied", "complied_then_refused" */
    const char *title; /* "Attacks that now succeed (refused in A, complied in B)" */
} pairing_flip_t;

#define PAIRING_NFLIPS 4
extern const pairing_flip_t pairing_flips[PAIRING_NFLIPS];
/* The list of one kind of flip (needs a pairing run with lists), its
 * length in *n. */
const pairing_pair_t *pairing_flip_list(const pairing_t *pr, const pairing_flip_t *f, long long *n);

/* A set's figures: its rate under A and under B (ASR on the harmful set,
 * ORR on the benign one) over the prompts counted on both sides, the
 * change B - A with its paired interval at `confidence`, and McNemar's
 * exact p. Rates NAN and the interval unknown when no prompt counts. */
typedef struct {
    long long n;
    double rate_a, rate_b, delta;
    stats_interval_t ci;
    double mcnemar_p;
} pairing_stats_t;

pairing_stats_t pairing_stats(const pairing_set_t *s, int set, double confidence);

/* What a comparison of two points needs: whether they are paired (see
 * above), on how many prompts, and the tables of both rates. */
typedef struct {
    bool paired;
    /* Paired as two thresholds of one curve (the tables from the counts),
     * not prompt by prompt; `order` is the sign of B's threshold minus A's:
     * the sign ASR's change cannot leave (ORR's the opposite one), 0 for
     * the same threshold (no change at all). */
    bool by_threshold;
    int order;
    long long n_harmful, n_benign;
    stats_paired_t asr, orr;
    /* Two points with per-prompt data that are not paired: why (""
     * otherwise, and when either point has none). */
    char why[320];
} pairing_summary_t;

/* Fills `s` for A and B. The last answer is kept (by the logs' serials,
 * judges and treatments): a screen asks again for every frame. */
void pairing_summarise(const point_t *a, const point_t *b, pairing_summary_t *s);
/* "paired on 450 prompts (200 harmful, 250 benign)", or "paired on 100
 * harmful prompts" when one set has none; two thresholds of one curve add
 * that: "paired on 4,000 prompts (1,600 harmful, 2,400 benign; the same
 * prompts at two thresholds)". The words every surface uses ("Paired ..."
 * to start a sentence). */
void pairing_phrase(sb_t *sb, const pairing_summary_t *s, bool capital);
/* The paired interval of rate `r`'s change B - A at the normal quantile z:
 * Newcombe's method 10 of its table; for two thresholds of one curve, the
 * Wilson interval of the prompts between them (nested sets: the change is
 * one proportion, stats_nested_diff_interval_z). Only for a paired summary
 * whose set of that rate has prompts; unknown otherwise. Every comparison
 * (model_compare, the gate) takes its paired interval here. */
stats_interval_t pairing_interval_z(const pairing_summary_t *s, stats_rate_t r, double z);
/* The same at a two-sided `confidence`. */
stats_interval_t pairing_interval(const pairing_summary_t *s, stats_rate_t r, double confidence);
/* How pairing_interval makes its interval, in the words every surface
 * uses: "Newcombe's method 10 for paired data", or, for two thresholds,
 * "the Wilson interval of the prompts between the two thresholds". */
const char *pairing_method_phrase(const pairing_summary_t *s);

#endif
