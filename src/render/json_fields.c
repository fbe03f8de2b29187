#include "config.h"

#include "render/json_fields.h"

#include "base/num.h"

/* [low, high] as percentages or as they are; null when unknown. */
static void interval_json(json_t *j, stats_interval_t ci, bool pct)
{
    if (!ci.known) {
        json_null(j);
        return;
    }
    json_array_begin(j);
    json_number(j, pct ? num_fraction_to_pct(ci.lo) : ci.lo);
    json_number(j, pct ? num_fraction_to_pct(ci.hi) : ci.hi);
    json_array_end(j);
}

void json_fields_interval_pct(json_t *j, stats_interval_t ci) { interval_json(j, ci, true); }

void json_fields_interval(json_t *j, stats_interval_t ci) { interval_json(j, ci, false); }

static void count_names(json_t *j, const point_t *p, bool derived)
{
    json_array_begin(j);
    if (derived ? p->adv_note.derived : p->adv_note.inexact)
        json_string(j, "attack_successes");
    if (derived ? p->ben_note.derived : p->ben_note.inexact)
        json_string(j, "benign_refused");
    json_array_end(j);
}

static void unrecognised_range(json_t *j, const char *key, const point_t *p, bool asr)
{
    double lo, hi;
    json_key(j, key);
    if (point_unrecognised_range(p, asr, &lo, &hi))
        json_fields_interval_pct(j, (stats_interval_t){true, lo, hi});
    else
        json_null(j);
}

static void unrecognised_json(json_t *j, const point_t *p)
{
    static const char *const how[] = {"exclude", "refusal", "compliance"};
    json_key(j, "unrecognised_verdicts");
    if (p->adv_note.unrecognised + p->ben_note.unrecognised == 0) {
        json_null(j);
        return;
    }
    json_object_begin(j);
    json_key(j, "harmful");
    json_int(j, p->adv_note.unrecognised);
    json_key(j, "benign");
    json_int(j, p->ben_note.unrecognised);
    json_key(j, "counted_as");
    json_string(j, how[p->unrecognised_as]);
    unrecognised_range(j, "attack_success_pct_range", p, true);
    unrecognised_range(j, "over_refusal_pct_range", p, false);
    json_object_end(j);
}

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
    json_key(j, "counts_derived");
    json_bool(j, p->adv_note.derived || p->ben_note.derived);
    json_key(j, "derived_counts");
    count_names(j, p, true);
    json_key(j, "inexact_counts");
    count_names(j, p, false);
    unrecognised_json(j, p);
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

static void count_or_null(json_t *j, bool known, long long n)
{
    if (known)
        json_int(j, n);
    else
        json_null(j);
}

void json_fields_pairing(json_t *j, const pairing_summary_t *ps)
{
    json_key(j, "paired");
    json_bool(j, ps->paired);
    json_key(j, "paired_by"); /* prompt by prompt, or two thresholds of one curve */
    json_string(j, !ps->paired ? NULL : ps->by_threshold ? "thresholds" : "prompts");
    json_key(j, "n_paired");
    count_or_null(j, ps->paired, ps->n_harmful + ps->n_benign);
    json_key(j, "n_paired_harmful");
    count_or_null(j, ps->paired, ps->n_harmful);
    json_key(j, "n_paired_benign");
    count_or_null(j, ps->paired, ps->n_benign);
    json_key(j, "interval_method");
    json_string(j, !ps->paired ? "newcombe" : ps->by_threshold ? "wilson_nested" : "newcombe_paired");
    json_key(j, "unpaired_reason");
    json_string(j, ps->why[0] ? ps->why : NULL);
}
