/* practice_answer: reading what a person typed and judging it.
 *
 * Numbers are read the way people type them ("6,660", "6660", "6.66k",
 * "$599,500", "~30", "55.6%") and are right within the answer's stated
 * tolerance: |typed - exact| <= max(rel_tol * |exact|, abs_tol). Letter sets
 * take "D,G", "d g", "D and G" or "none"; a policy bound takes ASR, ORR, both
 * or none. Something that cannot be read is neither right nor wrong: the
 * person is told what was expected and may type again. */
#ifndef TRADEOFF_PRACTICE_ANSWER_H
#define TRADEOFF_PRACTICE_ANSWER_H

#include "core/practice.h"
#include "base/strbuf.h"

#include <stdbool.h>

typedef enum { PRACTICE_RIGHT, PRACTICE_WRONG, PRACTICE_UNREADABLE } practice_verdict_t;

/* Judges `typed` against `a`. Appends to `why` one line: for a wrong answer
 * what was typed and what is right, for an unreadable one what was expected. */
practice_verdict_t practice_check(const practice_answer_t *a, const char *typed, sb_t *why);

/* A session's score, per kind. */
typedef struct {
    int asked[PRACTICE_NKINDS];
    int right[PRACTICE_NKINDS];
} practice_score_t;

void practice_score_add(practice_score_t *s, practice_kind_t k, bool right);
int practice_score_right(const practice_score_t *s);
int practice_score_asked(const practice_score_t *s);
/* "Score: 5 of 8 right." then one line per kind that was asked:
 * "  daily      1 of 1". */
void practice_score_summary(sb_t *out, const practice_score_t *s);

#endif
