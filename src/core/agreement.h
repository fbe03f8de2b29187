/* agreement: how often two judges of the same answers agree.
 *
 * For a file with several verdict columns (XSTest's final_label,
 * gpt4_label and strmatch_label), each pair of judges and each set (the
 * harmful prompts, the benign ones, and all of them when the file has
 * both) gives the confusion table on refused and complied, the percent
 * agreement, Cohen's kappa with its interval (stats_kappa: the large-sample
 * variance of Fleiss, Cohen and Everitt 1969) and the prompts they
 * disagree on. A prompt whose verdict is unrecognised or empty under
 * either judge is left out of the pair's table and counted: such a verdict
 * is no verdict, so it is neither agreement nor disagreement. */
#ifndef TRADEOFF_AGREEMENT_H
#define TRADEOFF_AGREEMENT_H

#include "core/promptlog.h"
#include "core/stats.h"

#include <stddef.h>

enum { AGREEMENT_HARMFUL = PROMPTLOG_HARMFUL, AGREEMENT_BENIGN = PROMPTLOG_BENIGN, AGREEMENT_ALL };

typedef struct {
    int j1, j2;                /* the judges (columns of the log) */
    int set;                   /* AGREEMENT_HARMFUL, _BENIGN or _ALL */
    long long table[2][2];     /* [j1][j2]: 0 refused, 1 complied */
    long long unrecognised;    /* prompts left out: unrecognised under j1 or j2 */
    long long empty;           /* ... empty under j1 or j2 (and not unrecognised) */
    stats_kappa_t kappa;       /* n, agreement, kappa, its interval */
    size_t *disagree;          /* indices into the log, in file order */
    size_t ndisagree;
} agreement_pair_t;

typedef struct {
    agreement_pair_t *items;   /* by pair of judges (in column order), then set */
    size_t len;
} agreement_t;

/* Every pair of the `njudges` judges listed (indices into the log's
 * judges), for each set that has prompts, and for all of them when both
 * sets have some, at `confidence`. */
void agreement_compute(agreement_t *ag, const promptlog_t *log, const int *judges, size_t njudges, double confidence);
void agreement_free(agreement_t *ag);
/* "harmful", "benign", "all". */
const char *agreement_set_name(int set);

#endif
