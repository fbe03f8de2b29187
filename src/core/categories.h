/* categories: attack success per harm category.
 *
 * A category is critical when the loader marked it so (a `critical` column)
 * or its name says self-harm or child safety. Critical categories are held
 * to the policy's ASR bound whatever its scope; the others only when the
 * policy's ASR bound is not limited to critical harms (consumer's is).
 *
 * Category shares say what part of adversarial traffic each category is:
 * `NAME=PCT,NAME=PCT,...` (percent; names compared case-insensitively).
 * The overall ASR is then sum(share * category ASR) / sum(share). */
#ifndef TRADEOFF_CATEGORIES_H
#define TRADEOFF_CATEGORIES_H

#include "core/point.h"
#include "core/policy.h"

#include <stdbool.h>
#include <stddef.h>

#define CATEGORIES_MAX_SHARES 64

typedef struct {
    char name[96];
    double share; /* fraction of adversarial traffic */
} catshare_t;

typedef struct {
    catshare_t items[CATEGORIES_MAX_SHARES];
    size_t len;
} catshares_t;

/* Parses "NAME=PCT,..." into `out`; NULL on success or what was expected. */
const char *categories_parse_shares(const char *s, catshares_t *out);
bool categories_is_critical(const category_t *c);
/* Whether the policy's ASR bound applies to this category. */
bool categories_bounded(const policy_t *pol, const category_t *c);
/* The traffic-weighted ASR of `p` over `shares`; NAN when a category with a
 * share is missing from p (its name is then put in *missing) or has no rate. */
double categories_weighted_asr(const point_t *p, const catshares_t *shares, const char **missing);

#endif
