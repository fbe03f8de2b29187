/* analysis_report: the analysis (core/analysis.h) as report sections. */
#ifndef TRADEOFF_ANALYSIS_REPORT_H
#define TRADEOFF_ANALYSIS_REPORT_H

#include "base/json.h"
#include "base/strbuf.h"
#include "core/analysis.h"

/* The fields added to each point of the JSON report (inside its object). */
void analysis_report_point_json(json_t *j, const analysis_t *a, size_t i);
/* Top-level JSON fields: "frontier" (its "groups", each with its lists,
 * and "group_note"), "uncertainty", "targets" when a target was given (one
 * per group), and "optimal" when costs are set (one per group, and the
 * cheapest named as a comparison). */
void analysis_report_json(json_t *j, const analysis_t *a);
/* Text sections: Frontier, Targets (when given), Uncertainty, Categories
 * (when any), Optimal; with several measurement groups, each frontier,
 * target and optimum within its group. */
void analysis_report_text(sb_t *out, const analysis_t *a);
/* The "Groups" section: each group numbered (the tables' group column)
 * with its points, and what the groups rest on where the data does not say
 * (groups_basis_note). */
void analysis_report_groups_text(sb_t *out, const analysis_t *a);

/* A comparison's figures as the text and Markdown reports list them. A
 * daily delta with its interval: "+50 (95% interval -143 to +278: within
 * noise)"; `money` formats dollars. */
void analysis_report_delta(sb_t *out, double d, stats_interval_t ci, double confidence, bool money);
/* A change of rate in percentage points: "+0.20 pp", "-1.50 pp". */
void analysis_report_pp(sb_t *out, double fraction);
/* How the comparison's intervals were made, when A and B have per-prompt
 * data: "Paired on 450 prompts (200 harmful, 250 benign): intervals for
 * paired data (Newcombe's method 10); McNemar exact p = 1.000 (ASR),
 * 3.7e-05 (ORR)", or "Not paired (why): intervals for independent samples
 * (Newcombe)". Nothing (and false) for points without per-prompt data. */
bool analysis_report_pairing(sb_t *out, const comparison_t *c);
/* "102,298 unnecessary refusals per harmful output (95% range 90,000 to
 * 120,000)", or "... (undetermined: a change is within noise)". */
void analysis_report_break_even(sb_t *out, const comparison_t *c);

#endif
