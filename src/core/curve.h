/* curve: the exact trade-off curve of a refusal score.
 *
 * A prompt is refused when its score >= the threshold. The curve has one
 * step per distinct score, ascending, each with the counts behind its two
 * rates, so every rate is exact and comes with its interval. Per-prompt
 * score files and binned counts both become a curve (scores.h). */
#ifndef TRADEOFF_CURVE_H
#define TRADEOFF_CURVE_H

#include "core/point.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    double threshold;
    long long attack_successes; /* harmful prompts answered at this threshold */
    long long benign_refused;   /* benign prompts refused at this threshold */
} curve_step_t;

/* One harm category: its harmful prompts by distinct score (those refused
 * whatever the threshold only in n_adversarial). */
typedef struct {
    char *name;
    long long n_adversarial;
    double *scores; /* ascending */
    long long *harm;
    size_t len;
} curve_cat_t;

typedef struct {
    curve_step_t *steps; /* ascending threshold */
    size_t len;
    long long n_adversarial, n_benign;
    curve_cat_t *cats;   /* per category, when counted; NULL otherwise */
    size_t ncats;
} curve_t;

#define CURVE_INIT {NULL, 0, 0, 0, NULL, 0}

void curve_free(curve_t *c);

/* Chooses at most about `n` steps to keep (n == 0: all), in ascending
 * order, into `keep` (room for c->len). Every step on the Pareto frontier
 * (no other step has both rates as low and one lower) is kept, even when
 * that makes more than `n`, unless `exact_frontier` is false, in which
 * case the frontier too is sampled evenly. The ends are always kept.
 * Returns the number kept. */
size_t curve_thin(const curve_t *c, size_t n, bool exact_frontier, size_t *keep);
/* How many steps are on the Pareto frontier. */
size_t curve_frontier_size(const curve_t *c);

/* Writes the kept steps as an operating-point CSV: threshold,
 * attack_success_pct, over_refusal_pct, n_adversarial, attack_successes,
 * n_benign, benign_refused. Rates have 9 decimals; a rate whose set is
 * empty is left empty. */
void curve_write_csv(const curve_t *c, const size_t *keep, size_t nkeep, sb_t *out);

/* Adds the kept steps to `set` as a series named `series` (points
 * "series @ threshold"), with their counts per category when the curve has
 * them; the set's knob becomes "threshold". */
void curve_add_points(const curve_t *c, const size_t *keep, size_t nkeep, pointset_t *set, const char *series,
                      const char *source);

/* True when step i is on the curve's Pareto frontier (no other step has
 * both rates as low and one lower). */
bool curve_step_on_frontier(const curve_t *c, size_t i);
/* The first step whose threshold is at or above `threshold` (a binary
 * search: the curve is ascending); c->len when every threshold is below. */
size_t curve_at_or_above(const curve_t *c, double threshold);
/* The step whose cost `cost(asr, orr, ctx)` is lowest among those for which
 * `ok(asr, orr, ctx)` holds (NULL: all), the first of equals; c->len when
 * none qualifies. One pass; rates of an empty set are NAN. */
size_t curve_cheapest(const curve_t *c, double (*cost)(double asr, double orr, void *ctx),
                      bool (*ok)(double asr, double orr, void *ctx), void *ctx);

/* Curves kept whole (the explorer): each exact curve with the point of the
 * set that stands for it, one row however many thresholds it has. The
 * point holds one step at a time (curves_put_step): its knob, counts,
 * rates and counts per category are that step's. */
typedef struct {
    curve_t curve;
    size_t point;          /* index into the set of its row */
    size_t step;           /* the step the point holds */
    long long **cat_below; /* per category: harmful prompts scoring below each of
                            * its scores, so a step's counts cost a binary search */
} curve_whole_t;

typedef struct {
    curve_whole_t *items;
    size_t len;
} curves_t;

#define CURVES_INIT {NULL, 0}

/* Takes `c` (emptied) as a curve standing for set->items[point], and puts
 * its step 0 on that point. */
void curves_add(curves_t *cs, curve_t *c, pointset_t *set, size_t point);
void curves_free(curves_t *cs);
/* The curve that point `i` stands for, or -1. */
long curves_of_point(const curves_t *cs, size_t i);
/* Puts step `step` of curve k on its point of `set`. */
void curves_put_step(curves_t *cs, size_t k, size_t step, pointset_t *set);

#endif
