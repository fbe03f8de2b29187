/* modeljson: the JSON fields of the model that several outputs share, so
 * that `report`, `check` and the analytics write them the same way. */
#ifndef TRADEOFF_MODELJSON_H
#define TRADEOFF_MODELJSON_H

#include "json.h"
#include "model.h"
#include "point.h"

/* attack_success_pct, over_refusal_pct, n_adversarial, attack_successes,
 * n_benign, benign_refused (null where unknown). */
void modeljson_rates(json_t *j, const point_t *p);
/* daily_unnecessary_refusals, daily_harmful_outputs, daily_cost. */
void modeljson_projection(json_t *j, projection_t pr);

#endif
