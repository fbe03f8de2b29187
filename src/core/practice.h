/* practice: interview drills on the helpfulness / harmlessness trade-off.
 *
 * An exercise is only its inputs (a scenario, a few operating points, a
 * target): the question, the expected answer and the worked solution are all
 * computed from those inputs through the core model (model.h, policy.h), so
 * an answer the tool calls right is never a stored number. Change an input
 * and the expected answer follows.
 *
 * Exercises come from a seeded generator of our own (splitmix64), so a seed
 * gives the same drill on every machine: the domain text's own examples
 * first, then variations drawn from realistic ranges. No curses here: the
 * practice screen, the plain line mode and the worksheet all render from
 * this module. */
#ifndef TRADEOFF_PRACTICE_H
#define TRADEOFF_PRACTICE_H

#include "core/model.h"
#include "core/point.h"
#include "core/stats.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One family of exercises for each part of the domain text, in its order. */
typedef enum {
    PRACTICE_DAILY,    /* daily refusals / harmful outputs from rates, volume, adversarial share */
    PRACTICE_CHANGE,   /* the change between two points and the break-even exchange rate */
    PRACTICE_POLICY,   /* which variants pass a use-case policy, which bound fails */
    PRACTICE_FILTER,   /* the effect of a filter-threshold change */
    PRACTICE_FRONTIER, /* dominated points; the mix of two points that reaches a target ASR */
    PRACTICE_SAMPLE,   /* prompts needed for a claim such as "ASR below 0.01%" */
    PRACTICE_COST,     /* the cost-optimal point for given costs */
    PRACTICE_CATEGORY, /* reading a per-category table for critical harms */
    PRACTICE_NKINDS
} practice_kind_t;

#define PRACTICE_ALL_KINDS (-1)
#define PRACTICE_DEFAULT_COUNT 8
#define PRACTICE_MAX_COUNT 500

/* What kind of answer a question takes. */
typedef enum {
    ANSWER_NUMBER,  /* a count, ratio or amount: "6,660", "6.66k", "$599,500" */
    ANSWER_PERCENT, /* a percentage: "55.6" or "55.6%" */
    ANSWER_LETTERS, /* a set of letters: "B", "D,G", "none" */
    ANSWER_LETTER,  /* one letter; any of `letters` is right (a tie) */
    ANSWER_BOUND    /* which policy bound fails: ASR, ORR, both or none */
} answer_kind_t;

typedef enum { BOUND_NONE, BOUND_ASR, BOUND_ORR, BOUND_BOTH } bound_fail_t;

typedef struct {
    answer_kind_t kind;
    double value;      /* NUMBER; PERCENT in percent units (55.6 for 55.6%) */
    double rel_tol;    /* right when |typed - value| <= max(rel_tol * |value|, abs_tol) */
    double abs_tol;
    unsigned letters;  /* LETTERS, LETTER: bit i stands for letter 'A' + i */
    int nletters;      /* LETTERS, LETTER: the letters offered, A to 'A' + nletters - 1;
                        * any other letter cannot be read (0: any letter) */
    bound_fail_t bound;
    char shown[96];    /* the answer as a person reads it: "6,660", "D, G", "ORR" */
} practice_answer_t;

/* The inputs of one exercise: everything its answer is computed from. */
typedef struct {
    practice_kind_t kind;
    int ask;             /* which question of the family */
    bool from_text;      /* the domain text's own example, not a variation */
    scenario_t scenario; /* volume, adversarial share, costs, policy */
    pointset_t points;   /* labelled A, B, ... in order; CATEGORY: one point holding the table */
    size_t a, b;         /* the points a comparison or mix is about; POLICY ask 1: the focus */
    double target;       /* FRONTIER mix: target ASR (fraction); SAMPLE ask 0: the claimed
                            bound (fraction), ask 1: the number of clean prompts */
    double confidence;   /* SAMPLE: 0.95 for 95% */
    stats_method_t interval; /* SAMPLE: the interval of the policy check (--interval),
                                so the answer is the report's zero-failure figure */
} practice_ex_t;

typedef struct {
    practice_ex_t *items;
    size_t len, cap;
    uint64_t seed;
    int kind; /* what was asked for: a kind, or PRACTICE_ALL_KINDS */
    stats_method_t interval; /* set before practice_generate: every exercise's (--interval) */
} practice_set_t;

#define PRACTICE_SET_INIT {NULL, 0, 0, 0, PRACTICE_ALL_KINDS, STATS_WILSON}

typedef struct {
    practice_answer_t answer;
    sb_t steps;   /* formula, numbers substituted, result */
    sb_t meaning; /* what it means for the meeting */
} practice_solution_t;

#define PRACTICE_SOLUTION_INIT {{0}, SB_INIT, SB_INIT}

/* "daily", "change", ... as --kind takes them. */
const char *practice_kind_name(practice_kind_t k);
/* A short title: "Daily counts from rates". */
const char *practice_kind_title(practice_kind_t k);
/* Finds a kind by name (case-insensitive); false when there is none. */
bool practice_kind_find(const char *name, practice_kind_t *out);
/* "daily, change, policy, ...": for messages and --help. */
const char *practice_kind_names(void);

/* Appends `count` exercises: of `kind`, the domain text's example and then
 * variations drawn from `seed`; or, for PRACTICE_ALL_KINDS, rounds of every
 * kind once, the first round the domain text's examples, each round in an
 * order drawn from `seed` (so the seed decides which come first). The same
 * arguments always give the same exercises, and a smaller count the start
 * of a larger one. */
void practice_generate(practice_set_t *set, uint64_t seed, int kind, int count);
void practice_set_free(practice_set_t *set);
/* "tradeoff practice --seed 42 --kind cost --count 8": the command that
 * repeats the drill (add --worksheet for the sheet). */
void practice_repeat_command(sb_t *out, const practice_set_t *set);
void practice_ex_free(practice_ex_t *ex);

/* The exercise as a person reads it: the scenario in a few sentences, a
 * table of points when there are any, the question and the answer format.
 * Paragraphs are separated by blank lines and not wrapped; table lines start
 * with a space (plain) or '|' (markdown). */
void practice_question(sb_t *out, const practice_ex_t *ex, bool markdown);
/* Computes the answer through the core model and writes the worked solution. */
void practice_solve(const practice_ex_t *ex, practice_solution_t *sol);
void practice_solution_free(practice_solution_t *sol);
/* "within 1% (at least 0.5)": the tolerance, for the question and verdicts. */
void practice_tolerance(sb_t *out, const practice_answer_t *a);


/* The worksheet: every question, then a page break, then the worked answers.
 * Plain text breaks the page with a form feed; Markdown with an HTML
 * page-break div, which browsers honour when printing and renderers hide. */
void practice_worksheet(sb_t *out, const practice_set_t *set, bool markdown);

/* The splitmix64 generator the exercises are drawn from (exposed for tests). */
typedef struct {
    uint64_t state;
} practice_rng_t;

void practice_rng_seed(practice_rng_t *r, uint64_t seed);
uint64_t practice_rng_next(practice_rng_t *r);
/* A whole number from 0 to n - 1 (n > 0), without modulo bias. */
uint64_t practice_rng_below(practice_rng_t *r, uint64_t n);

#endif
