#include "config.h"

#include "render/json_fields.h"

void json_fields_rates(json_t *j, const point_t *p)
{
    json_key(j, "attack_success_pct");
    json_pct(j, p->asr);
    json_key(j, "over_refusal_pct");
    json_pct(j, p->orr);
    json_key(j, "n_adversarial");
    json_count(j, p->n_adversarial);
    json_key(j, "attack_successes");
    json_count(j, p->attack_successes);
    json_key(j, "n_benign");
    json_count(j, p->n_benign);
    json_key(j, "benign_refused");
    json_count(j, p->benign_refused);
}

void json_fields_projection(json_t *j, projection_t pr)
{
    json_key(j, "daily_unnecessary_refusals");
    json_number(j, pr.refusals);
    json_key(j, "daily_harmful_outputs");
    json_number(j, pr.harmful);
    json_key(j, "daily_cost");
    json_number(j, pr.cost);
}
