/* agreement: confusion tables and kappa of pairs of judges. */
#include "config.h"

#include "core/agreement.h"
#include "base/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

const char *agreement_set_name(int set)
{
    return set == AGREEMENT_HARMFUL ? "harmful" : set == AGREEMENT_BENIGN ? "benign" : "all";
}

static promptlog_verdict_t verdict(const promptlog_t *log, size_t i, int j)
{
    return (promptlog_verdict_t)log->verdict[i * log->njudges + (size_t)j];
}

static bool in_set(const promptlog_t *log, size_t i, int set)
{
    return set == AGREEMENT_ALL || log->set[i] == set;
}

static void one_pair(agreement_pair_t *p, const promptlog_t *log, double confidence)
{
    size_t cap = 0;
    for (size_t i = 0; i < log->len; i++) {
        if (!in_set(log, i, p->set))
            continue;
        promptlog_verdict_t v1 = verdict(log, i, p->j1), v2 = verdict(log, i, p->j2);
        if (v1 == PROMPTLOG_UNRECOGNISED || v2 == PROMPTLOG_UNRECOGNISED) {
            p->unrecognised++;
            continue;
        }
        if (v1 == PROMPTLOG_EMPTY || v2 == PROMPTLOG_EMPTY) {
            p->empty++;
            continue;
        }
        int c1 = v1 == PROMPTLOG_COMPLIED, c2 = v2 == PROMPTLOG_COMPLIED;
        p->table[c1][c2]++;
        if (c1 != c2) {
            p->disagree = xgrow(p->disagree, &cap, p->ndisagree + 1, sizeof *p->disagree);
            p->disagree[p->ndisagree++] = i;
        }
    }
    p->kappa = stats_kappa((const long long(*)[2])p->table, confidence);
}

/* Prompts of each set in the log. */
static void set_sizes(const promptlog_t *log, long long n[2])
{
    n[0] = n[1] = 0;
    for (size_t i = 0; i < log->len; i++)
        n[log->set[i] == PROMPTLOG_BENIGN]++;
}

void agreement_compute(agreement_t *ag, const promptlog_t *log, const int *judges, size_t njudges, double confidence)
{
    memset(ag, 0, sizeof *ag);
    long long n[2];
    set_sizes(log, n);
    size_t cap = 0;
    for (size_t x = 0; x < njudges; x++)
        for (size_t y = x + 1; y < njudges; y++)
            for (int set = AGREEMENT_HARMFUL; set <= AGREEMENT_ALL; set++) {
                if (set == AGREEMENT_ALL ? !(n[0] && n[1]) : n[set] == 0)
                    continue;
                ag->items = xgrow(ag->items, &cap, ag->len + 1, sizeof *ag->items);
                agreement_pair_t *p = &ag->items[ag->len++];
                memset(p, 0, sizeof *p);
                p->j1 = judges[x];
                p->j2 = judges[y];
                p->set = set;
                one_pair(p, log, confidence);
            }
}

void agreement_free(agreement_t *ag)
{
    for (size_t k = 0; k < ag->len; k++)
        free(ag->items[k].disagree);
    free(ag->items);
    memset(ag, 0, sizeof *ag);
}
