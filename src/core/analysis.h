/* analysis: the frontier analytics of one set of points at one scenario,
 * computed once; every report format and view shows it
 * (render/analysis_report.h writes its text and JSON sections).
 *
 * It gathers dominance and the hull within each measurement group and
 * within each series (a knob sweep inside one group) (groups.h,
 * frontier.h), the cost-optimal point of each group (optimal.h), confidence
 * intervals and the policy check with confidence (stats.h) and the per
 * category rates (categories.h). No frontier, mix, target or optimum ever
 * joins two groups (NUMBERS.md, rule 1). */
#ifndef TRADEOFF_ANALYSIS_H
#define TRADEOFF_ANALYSIS_H

#include "core/categories.h"
#include "core/frontier.h"
#include "core/groups.h"
#include "core/model.h"
#include "core/optimal.h"
#include "core/point.h"
#include "core/stats.h"
#include "base/strbuf.h"

#include <stdbool.h>

typedef struct {
    stats_method_t interval; /* --interval: wilson (default) or clopper-pearson */
    bool have_shares;        /* --category-shares was given */
    catshares_t shares;
    bool have_target_asr, have_target_orr; /* --target-asr, --target-orr */
    double target_asr, target_orr;         /* fractions */
    double confidence;       /* the level of every interval and claim (STATS_CONFIDENCE) */
} analysis_opts_t;

#define ANALYSIS_OPTS_INIT {STATS_WILSON, false, {{{{0}, 0}}, 0}, false, false, 0.0, 0.0, STATS_CONFIDENCE}

typedef struct {
    const pointset_t *set;
    const scenario_t *scenario;
    analysis_opts_t opts;
    groups_t groups;       /* the groups, each with its frontier; every point's
                            * marks within its group (groups.marks) */
    bool *series_pareto;   /* per point: Pareto-optimal within its series */
    bool *series_hull;     /* per point: on its series' hull */
    optimal_t *optimal;    /* per group: its cheapest point or mix */
    /* The group whose optimum costs least per day when two or more groups
     * have one, else -1: a comparison of different measurements, never a
     * mix (routing traffic between groups means nothing). */
    long cheapest;
} analysis_t;

/* `opts` may be NULL for the defaults. */
void analysis_compute(analysis_t *a, const pointset_t *set, const scenario_t *s,
                      const analysis_opts_t *opts);
void analysis_free(analysis_t *a);

/* Compact frontier marks for a table cell, within the point's group: "P"
 * Pareto-optimal, "H" on the achievable curve (hull), "-" dominated, "?" a
 * rate unknown. */
const char *analysis_marks(const analysis_t *a, size_t i);
/* The group `focus` names (its exact name, as resolved by groups_find), or
 * the default one (groups_default) when `focus` is NULL or names none. */
size_t analysis_focus(const analysis_t *a, const char *focus);

#endif
