/* json_fields: the JSON fields of a point's rates and of a daily projection,
 * which the JSON report, its analysis sections and `check` all write, so
 * that they are written one way. */
#ifndef TRADEOFF_JSON_FIELDS_H
#define TRADEOFF_JSON_FIELDS_H

#include "base/json.h"
#include "core/model.h"
#include "core/point.h"
#include "core/stats.h"

/* attack_success_pct, over_refusal_pct, n_adversarial, attack_successes,
 * n_benign, benign_refused (null where unknown); where the counts came from:
 * counts_derived (any count from rate x n), derived_counts and
 * inexact_counts (the count fields concerned); unrecognised_verdicts (null,
 * or per set with their treatment and each rate's range across the three
 * treatments). */
void json_fields_rates(json_t *j, const point_t *p);
/* [low, high] in percent, or null when unknown. */
void json_fields_interval_pct(json_t *j, stats_interval_t ci);
/* [low, high] as they are, or null when unknown. */
void json_fields_interval(json_t *j, stats_interval_t ci);
/* How a comparison's (or check's) intervals were made: paired (true when
 * the two points were paired), paired_by ("prompts": prompt by prompt;
 * "thresholds": two thresholds of one curve; null unless paired), n_paired, n_paired_harmful
 * and n_paired_benign (null unless paired), interval_method
 * ("newcombe_paired" or "newcombe") and unpaired_reason (why points with
 * per-prompt data were not paired; else null). */
void json_fields_pairing(json_t *j, const pairing_summary_t *ps);
/* daily_unnecessary_refusals, daily_harmful_outputs, daily_cost. */
void json_fields_projection(json_t *j, projection_t pr);

#endif
