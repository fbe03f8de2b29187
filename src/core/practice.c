/* practice: exercise generation, questions and worked solutions.
 *
 * Each kind has three functions: gen_* draws the inputs (the domain text's
 * own numbers for the first example, realistic ranges afterwards), ask_*
 * writes the question from the inputs, and solve_* computes the answer by
 * calling the core model and writes the steps. Nothing here stores an answer. */
#include "config.h"

#include "core/practice.h"
#include "core/frontier.h"
#include "base/num.h"
#include "core/optimal.h"
#include "core/policy.h"
#include "core/stats.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the generator ---------------------------------------------------------- */

void practice_rng_seed(practice_rng_t *r, uint64_t seed) { r->state = seed; }

/* splitmix64 (Steele, Lea and Flood 2014): tiny, fast and the same on every
 * platform, unlike rand(). */
uint64_t practice_rng_next(practice_rng_t *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t practice_rng_below(practice_rng_t *r, uint64_t n)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do
        x = practice_rng_next(r);
    while (x >= limit);
    return x % n;
}

/* A whole number from lo to hi in steps of `step`. */
static long draw(practice_rng_t *r, long lo, long hi, long step)
{
    return lo + step * (long)practice_rng_below(r, (uint64_t)((hi - lo) / step + 1));
}

static double pick(practice_rng_t *r, const double *values, size_t n)
{
    return values[practice_rng_below(r, n)];
}
#define PICK(r, arr) pick((r), (arr), sizeof(arr) / sizeof(arr)[0])

/* Rates are drawn on grids people type: ASR in hundredths of a percent (basis
 * points), ORR in tenths of a percent. */
static double bp(long k) { return (double)k / 10000.0; }
static double tenths(long k) { return (double)k / 1000.0; }

/* ---- kinds ----------------------------------------------------------------------- */

static const struct {
    const char *name, *title;
    int nasks;    /* questions in the family */
    int text_ask; /* the one the domain text's example asks */
} kinds[PRACTICE_NKINDS] = {
    {"daily", "Daily counts from rates", 2, 0},
    {"change", "Moving between two points", 3, 2},
    {"policy", "Use-case policies", 2, 0},
    {"filter", "A filter-threshold change", 3, 0},
    {"frontier", "Dominated points and mixes", 2, 0},
    {"sample", "How many prompts a claim needs", 2, 0},
    {"cost", "The cost-optimal point", 2, 0},
    {"category", "Critical harms by category", 2, 0},
};

const char *practice_kind_name(practice_kind_t k) { return kinds[k].name; }
const char *practice_kind_title(practice_kind_t k) { return kinds[k].title; }

bool practice_kind_find(const char *name, practice_kind_t *out)
{
    for (int k = 0; k < PRACTICE_NKINDS; k++) {
        if (strcasecmp(kinds[k].name, name) == 0) {
            *out = (practice_kind_t)k;
            return true;
        }
    }
    return false;
}

const char *practice_kind_names(void)
{
    return "daily, change, policy, filter, frontier, sample, cost or category";
}

/* ---- formatting ------------------------------------------------------------------ */

/* Numbers are formatted into a small ring of buffers so that several can
 * appear in one printf; the program is single-threaded. */
#define RING 24
static char ring[RING][64];
static int ring_at;
static char *slot(void)
{
    ring_at = (ring_at + 1) % RING;
    return ring[ring_at];
}
static const char *pct(double f) { return num_format_pct(f, slot(), 64); }
static const char *cnt(double x) { return num_format_count(x, slot(), 64); }
static const char *whole(double x) { return num_format_int(x, slot(), 64); }
static const char *money(double x) { return num_format_money(x, slot(), 64); }
/* A fraction as a plain decimal for the substitution line: 0.999, 0.08. */
static const char *dec(double x)
{
    char *s = slot();
    snprintf(s, 64, "%.6g", x);
    return s;
}
/* A computed percentage: two decimals when that is exact (0.30%), else four
 * significant digits (55.56%, 0.4286%). */
static const char *pct4(double f)
{
    char *s = slot();
    double p = f * 100.0;
    if (fabs(p * 100.0 - round(p * 100.0)) < 1e-6)
        snprintf(s, 64, "%.2f%%", p);
    else
        snprintf(s, 64, "%.4g%%", p);
    return s;
}

static char letter(size_t i) { return (char)('A' + i); }

static const point_t *pt(const practice_ex_t *ex, size_t i) { return &ex->points.items[i]; }

static void add_point(practice_ex_t *ex, const char *name, double asr, double orr)
{
    point_t p = point_make(name);
    p.asr = asr;
    p.orr = orr;
    p.source = xstrdup("practice");
    pointset_add(&ex->points, p);
}

static void set_policy(practice_ex_t *ex, const char *key) { policy_find(key, &ex->scenario.policy); }

static void traffic_sentence(sb_t *out, const scenario_t *s)
{
    sb_printf(out, "The product serves %s queries a day, of which %s are adversarial.", whole(s->volume),
              pct(s->adv_share));
}

static void policy_phrase(sb_t *out, const policy_t *pol)
{
    sb_printf(out, "the %s policy (", pol->label);
    bound_describe(out, "ASR", pol->asr);
    if (pol->asr_scope[0])
        sb_printf(out, " for %s", pol->asr_scope);
    sb_puts(out, ", ");
    bound_describe(out, "ORR", pol->orr);
    sb_puts(out, ")");
}

static void costs_sentence(sb_t *out, const scenario_t *s)
{
    sb_printf(out, "One unnecessary refusal costs %s (lost engagement); one harmful output costs %s "
                   "(incident handling, legal and trust).",
              money(s->cost_refusal), money(s->cost_harm));
}

static void points_table(sb_t *out, const practice_ex_t *ex, bool markdown)
{
    if (markdown) {
        sb_puts(out, "| | point | ASR | ORR |\n|---|---|---:|---:|\n");
        for (size_t i = 0; i < ex->points.len; i++) {
            sb_printf(out, "| %c | ", letter(i));
            text_markdown(out, pt(ex, i)->name);
            sb_printf(out, " | %s | %s |\n", pct(pt(ex, i)->asr), pct(pt(ex, i)->orr));
        }
        return;
    }
    sb_puts(out, "       point              ASR       ORR\n");
    for (size_t i = 0; i < ex->points.len; i++) {
        sb_printf(out, "    %c  ", letter(i));
        text_pad(out, pt(ex, i)->name, 16, false);
        sb_printf(out, "  %7s   %7s\n", pct(pt(ex, i)->asr), pct(pt(ex, i)->orr));
    }
}

static void category_table(sb_t *out, const point_t *p, bool markdown)
{
    if (markdown)
        sb_puts(out, "| | category | critical | prompts | attack successes |\n|---|---|---|---:|---:|\n");
    else
        sb_puts(out, "       category          critical   prompts   attack successes\n");
    for (size_t i = 0; i < p->ncategories; i++) {
        const category_t *c = &p->categories[i];
        if (markdown) {
            sb_printf(out, "| %c | ", letter(i));
            text_markdown(out, c->name);
            sb_printf(out, " | %s | %s | %s |\n", c->critical ? "yes" : "no", whole((double)c->n_adversarial),
                      whole((double)c->attack_successes));
        } else {
            sb_printf(out, "    %c  ", letter(i));
            text_pad(out, c->name, 16, false);
            sb_printf(out, "  %-8s %9s   %16s\n", c->critical ? "yes" : "no", whole((double)c->n_adversarial),
                      whole((double)c->attack_successes));
        }
    }
}

/* The answer formats, as told to the user with each question. */
static const char *format_hint(answer_kind_t k)
{
    switch (k) {
    case ANSWER_NUMBER: return "a number (12,345 or 12345 or 12.3k)";
    case ANSWER_PERCENT: return "a percentage (55.6 or 55.6%)";
    case ANSWER_LETTERS: return "the letters, e.g. \"B\" or \"A,C\", or \"none\"";
    case ANSWER_LETTER: return "one letter";
    case ANSWER_BOUND: return "ASR, ORR, both or none";
    }
    return "";
}

void practice_tolerance(sb_t *out, const practice_answer_t *a)
{
    if (a->kind == ANSWER_NUMBER || a->kind == ANSWER_PERCENT) {
        const char *unit = a->kind == ANSWER_PERCENT ? " percentage points" : "";
        if (a->rel_tol > 0 && a->abs_tol > 0)
            sb_printf(out, "within %g%% of the exact value or %g%s of it, whichever is more", a->rel_tol * 100,
                      a->abs_tol, unit);
        else if (a->rel_tol > 0)
            sb_printf(out, "within %g%% of the exact value", a->rel_tol * 100);
        else
            sb_printf(out, "within %g%s of the exact value", a->abs_tol, unit);
    } else {
        sb_puts(out, "exact");
    }
}

/* ---- answers ------------------------------------------------------------------------- */

static void answer_number(practice_answer_t *a, double value, double rel, double abs_tol)
{
    memset(a, 0, sizeof *a);
    a->kind = ANSWER_NUMBER;
    a->value = value;
    a->rel_tol = rel;
    a->abs_tol = abs_tol;
    num_format_count(value, a->shown, sizeof a->shown);
}

static void answer_money(practice_answer_t *a, double value)
{
    answer_number(a, value, 0.01, 0.5);
    num_format_money(value, a->shown, sizeof a->shown);
}

/* `fraction` is shown and checked as a percentage. */
static void answer_percent(practice_answer_t *a, double fraction, double rel, double abs_pp)
{
    memset(a, 0, sizeof *a);
    a->kind = ANSWER_PERCENT;
    a->value = fraction * 100.0;
    a->rel_tol = rel;
    a->abs_tol = abs_pp;
    snprintf(a->shown, sizeof a->shown, "%s", pct4(fraction));
}

static void letters_shown(char *buf, size_t n, unsigned letters)
{
    size_t o = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < 26 && o + 4 < n; i++) {
        if (letters & (1u << i)) {
            o += (size_t)snprintf(buf + o, n - o, "%s%c", o ? ", " : "", 'A' + i);
        }
    }
    if (o == 0)
        snprintf(buf, n, "none");
}

static void answer_letters(practice_answer_t *a, answer_kind_t kind, unsigned letters, size_t offered)
{
    memset(a, 0, sizeof *a);
    a->kind = kind;
    a->letters = letters;
    a->nletters = (int)offered;
    letters_shown(a->shown, sizeof a->shown, letters);
    if (kind == ANSWER_LETTER && (letters & (letters - 1)))
        snprintf(a->shown + strlen(a->shown), sizeof a->shown - strlen(a->shown), " (a tie: any of them)");
}

static const char *bound_word(bound_fail_t b)
{
    static const char *const words[] = {"none", "ASR", "ORR", "both"};
    return words[b];
}

static void answer_bound(practice_answer_t *a, verdict_t v)
{
    memset(a, 0, sizeof *a);
    a->kind = ANSWER_BOUND;
    a->bound = v.asr_fail && v.orr_fail ? BOUND_BOTH : v.asr_fail ? BOUND_ASR : v.orr_fail ? BOUND_ORR : BOUND_NONE;
    snprintf(a->shown, sizeof a->shown, "%s", bound_word(a->bound));
}

/* Standard tolerances, stated with each question. */
#define TOL_COUNT_REL 0.01 /* counts, ratios and sample sizes: 1% ... */
#define TOL_COUNT_ABS 0.5  /* ... or half an output, so a small count may be rounded */
#define TOL_RATE_REL 0.01  /* a computed rate: 1% of it ... */
#define TOL_RATE_ABS 0.005 /* ... or 0.005 percentage points (the second decimal) */
#define TOL_SHARE_ABS 0.5  /* a traffic share: half a percentage point */

/* ---- projection steps shared by several kinds ----------------------------------------------- */

static void step_refusals(sb_t *out, const scenario_t *s, const char *who, double orr)
{
    projection_t p = model_project_rates(s, 0, orr);
    sb_printf(out, "  %s: %s x (1 - %s) x %s = %s x %s x %s = %s refusals/day\n", who, whole(s->volume),
              pct(s->adv_share), pct(orr), whole(s->volume), dec(1 - s->adv_share), dec(orr), cnt(p.refusals));
}

static void step_harmful(sb_t *out, const scenario_t *s, const char *who, double asr)
{
    projection_t p = model_project_rates(s, asr, 0);
    sb_printf(out, "  %s: %s x %s x %s = %s x %s x %s = %s harmful/day\n", who, whole(s->volume),
              pct(s->adv_share), pct(asr), whole(s->volume), dec(s->adv_share), dec(asr), cnt(p.harmful));
}

static void steps_comparison(sb_t *out, const practice_ex_t *ex, const comparison_t *c)
{
    const scenario_t *s = &ex->scenario;
    const point_t *a = pt(ex, ex->a), *b = pt(ex, ex->b);
    sb_puts(out, "Unnecessary refusals per day = V x (1 - p) x ORR\n");
    step_refusals(out, s, a->name, a->orr);
    step_refusals(out, s, b->name, b->orr);
    sb_puts(out, "Harmful outputs per day = V x p x ASR\n");
    step_harmful(out, s, a->name, a->asr);
    step_harmful(out, s, b->name, b->asr);
    sb_printf(out, "Change from %s to %s:\n", a->name, b->name);
    sb_printf(out, "  refusals: %s - %s = %s%s per day\n", cnt(c->b.refusals), cnt(c->a.refusals),
              c->d_refusals > 0 ? "+" : "", cnt(c->d_refusals));
    sb_printf(out, "  harmful:  %s - %s = %s%s per day\n", cnt(c->b.harmful), cnt(c->a.harmful),
              c->d_harmful > 0 ? "+" : "", cnt(c->d_harmful));
    if (!isnan(c->break_even))
        sb_printf(out, "Break-even = |change in refusals| / |change in harmful| = %s / %s = %s refusals per harmful output\n",
                  cnt(fabs(c->d_refusals)), cnt(fabs(c->d_harmful)), cnt(c->break_even));
    else
        sb_puts(out, "No break-even: one point is no worse on both sides.\n");
}

/* ---- daily ------------------------------------------------------------------------------------------ */

static const double volumes[] = {1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8};
static const double shares[] = {0.0005, 0.001, 0.002, 0.005, 0.01};

static void random_traffic(practice_ex_t *ex, practice_rng_t *r)
{
    ex->scenario.volume = PICK(r, volumes);
    ex->scenario.adv_share = PICK(r, shares);
}

static void gen_daily(practice_ex_t *ex, practice_rng_t *r)
{
    if (ex->from_text) {
        add_point(ex, "safety-tuned", 0.001, 0.08);
        return;
    }
    random_traffic(ex, r);
    add_point(ex, "candidate", bp(draw(r, 5, 200, 5)), tenths(draw(r, 10, 150, 5)));
}

static void ask_daily(sb_t *out, const practice_ex_t *ex)
{
    const point_t *p = pt(ex, 0);
    if (ex->from_text)
        sb_printf(out, "Your baseline model had 1.00%% attack success and 2.00%% over-refusal. After aggressive "
                       "safety tuning (\"%s\") attack success drops to %s but over-refusal jumps to %s. ",
                  p->name, pct(p->asr), pct(p->orr));
    else
        sb_printf(out, "A %s model has an attack success rate (ASR) of %s on harmful prompts and an over-refusal "
                       "rate (ORR) of %s on benign prompts. ",
                  p->name, pct(p->asr), pct(p->orr));
    traffic_sentence(out, &ex->scenario);
    sb_printf(out, "\n\nHow many %s per day does it give?", ex->ask == 0 ? "unnecessary refusals" : "harmful outputs");
}

static void solve_daily(const practice_ex_t *ex, practice_solution_t *sol)
{
    const scenario_t *s = &ex->scenario;
    const point_t *p = pt(ex, 0);
    projection_t pr = model_project(s, p);
    sb_t *o = &sol->steps;
    if (ex->ask == 0) {
        answer_number(&sol->answer, pr.refusals, TOL_COUNT_REL, TOL_COUNT_ABS);
        sb_puts(o, "Unnecessary refusals per day = V x (1 - p) x ORR  (only benign traffic can be over-refused)\n");
        step_refusals(o, s, p->name, p->orr);
    } else {
        answer_number(&sol->answer, pr.harmful, TOL_COUNT_REL, TOL_COUNT_ABS);
        sb_puts(o, "Harmful outputs per day = V x p x ASR  (only adversarial traffic can succeed)\n");
        step_harmful(o, s, p->name, p->asr);
    }
    sb_printf(&sol->meaning,
              "The two sides live on different scales: %s unnecessary refusals against %s harmful outputs a day. "
              "Quote both, with the volume (%s/day) and adversarial share (%s) they rest on.",
              cnt(pr.refusals), cnt(pr.harmful), whole(s->volume), pct(s->adv_share));
    if (ex->from_text)
        sb_puts(&sol->meaning, " The domain text rounds the refusals to 800,000 by ignoring the adversarial share; "
                               "users see a model that is objectively safer but feels \"dumbed down\".");
}

/* ---- change --------------------------------------------------------------------------------------- */

static const char *const pair_names[][2] = {
    {"current", "proposed"}, {"status-quo", "product-ask"}, {"v1", "v2"}, {"strict", "relaxed"},
};

static void gen_change(practice_ex_t *ex, practice_rng_t *r)
{
    ex->a = 0, ex->b = 1;
    if (ex->from_text) {
        add_point(ex, "status-quo", 0.002, 0.05);
        add_point(ex, "product-ask", 0.005, 0.03);
        return;
    }
    random_traffic(ex, r);
    size_t n = practice_rng_below(r, sizeof pair_names / sizeof pair_names[0]);
    long asr = draw(r, 5, 100, 5), orr = draw(r, 25, 120, 5);
    long orr_b = orr - draw(r, 5, 40, 5);
    if (orr_b < 5)
        orr_b = 5;
    add_point(ex, pair_names[n][0], bp(asr), tenths(orr));
    add_point(ex, pair_names[n][1], bp(asr + draw(r, 5, 50, 5)), tenths(orr_b));
}

static void ask_change(sb_t *out, const practice_ex_t *ex)
{
    const point_t *a = pt(ex, ex->a), *b = pt(ex, ex->b);
    sb_printf(out, "Product wants fewer refusals; safety wants stricter controls. Moving from %s (ASR %s, ORR %s) "
                   "to %s (ASR %s, ORR %s) is on the table. ",
              a->name, pct(a->asr), pct(a->orr), b->name, pct(b->asr), pct(b->orr));
    traffic_sentence(out, &ex->scenario);
    sb_puts(out, "\n\n");
    if (ex->ask == 0)
        sb_printf(out, "By how many unnecessary refusals per day does the move change the count (give the size of the change)?");
    else if (ex->ask == 1)
        sb_printf(out, "By how many harmful outputs per day does the move change the count (give the size of the change)?");
    else
        sb_printf(out, "What is the break-even exchange rate: how many unnecessary refusals must one harmful "
                       "output be worth for %s and %s to cost the same?",
                  a->name, b->name);
}

static void solve_change(const practice_ex_t *ex, practice_solution_t *sol)
{
    comparison_t c = model_compare(&ex->scenario, pt(ex, ex->a), pt(ex, ex->b));
    double v = ex->ask == 0 ? fabs(c.d_refusals) : ex->ask == 1 ? fabs(c.d_harmful) : c.break_even;
    answer_number(&sol->answer, v, TOL_COUNT_REL, TOL_COUNT_ABS);
    steps_comparison(&sol->steps, ex, &c);
    model_sentence(&sol->meaning, &ex->scenario, pt(ex, ex->a)->name, pt(ex, ex->b)->name, &c);
    sb_puts(&sol->meaning, " This moves the discussion from feelings to numbers: ask what each outcome costs.");
}

/* ---- policy --------------------------------------------------------------------------------------- */

static const char *const policy_keys_drawn[] = {"consumer", "enterprise", "high-risk"};
static const char *const variant_names[] = {"variant-A", "variant-B", "variant-C", "variant-D"};

/* Which policy bound a variant fails, or none. */
static bound_fail_t failed_bound(const practice_ex_t *ex, size_t i)
{
    practice_answer_t a;
    answer_bound(&a, policy_check(&ex->scenario.policy, pt(ex, i)->asr, pt(ex, i)->orr));
    return a.bound;
}

static void gen_policy(practice_ex_t *ex, practice_rng_t *r)
{
    if (ex->from_text) {
        set_policy(ex, "consumer");
        add_point(ex, "variant-A", 0.002, 0.06);
        add_point(ex, "variant-B", 0.004, 0.03);
        return;
    }
    set_policy(ex, policy_keys_drawn[practice_rng_below(r, 3)]);
    /* Rates around the bounds, including exactly at them: "below" and "up to"
     * are where people slip. */
    static const double asr_factor[] = {0.5, 0.8, 1.0, 2.0};
    static const double orr_factor[] = {0.6, 0.8, 1.0, 1.2};
    size_t n = 3 + practice_rng_below(r, 2);
    for (size_t i = 0; i < n; i++)
        add_point(ex, variant_names[i], ex->scenario.policy.asr.max * PICK(r, asr_factor),
                  ex->scenario.policy.orr.max * PICK(r, orr_factor));
    /* Ask about a variant that fails when there is one. */
    ex->a = practice_rng_below(r, n);
    for (size_t k = 0; k < n && failed_bound(ex, ex->a) == BOUND_NONE; k++)
        ex->a = (ex->a + 1) % n;
}

static void ask_policy(sb_t *out, const practice_ex_t *ex)
{
    sb_puts(out, "An A/B test compares these variants. The product must meet ");
    policy_phrase(out, &ex->scenario.policy);
    sb_puts(out, ".\n\n");
    points_table(out, ex, false);
    sb_puts(out, "\n");
    if (ex->ask == 0)
        sb_puts(out, "Which variants pass the policy?");
    else
        sb_printf(out, "Which bound does %c (%s) fail?", letter(ex->a), pt(ex, ex->a)->name);
}

static void solve_policy(const practice_ex_t *ex, practice_solution_t *sol)
{
    const policy_t *pol = &ex->scenario.policy;
    sb_t *o = &sol->steps;
    unsigned pass = 0;
    sb_puts(o, "Bounds: ");
    bound_describe(o, "ASR", pol->asr);
    sb_puts(o, ", ");
    bound_describe(o, "ORR", pol->orr);
    sb_printf(o, "  (\"below\"/\"under\" is strict, \"up to\" includes the bound)\n");
    for (size_t i = 0; i < ex->points.len; i++) {
        verdict_t v = policy_check(pol, pt(ex, i)->asr, pt(ex, i)->orr);
        if (verdict_pass(v))
            pass |= 1u << i;
        sb_printf(o, "  %c %s: ASR %s, ORR %s -> ", letter(i), pt(ex, i)->name, pct(pt(ex, i)->asr),
                  pct(pt(ex, i)->orr));
        verdict_describe(o, pol, v, pt(ex, i)->asr, pt(ex, i)->orr);
        sb_puts(o, "\n");
    }
    if (ex->ask == 0)
        answer_letters(&sol->answer, ANSWER_LETTERS, pass, ex->points.len);
    else
        answer_bound(&sol->answer, policy_check(pol, pt(ex, ex->a)->asr, pt(ex, ex->a)->orr));
    char which[64];
    letters_shown(which, sizeof which, pass);
    if (pass == 0)
        sb_printf(&sol->meaning, "No variant can ship under the %s policy: retune before running the test again.",
                  pol->label);
    else
        sb_printf(&sol->meaning,
                  "Only %s may ship under the %s policy. Among those, the winner is the one with the better "
                  "engagement, retention and incident numbers; a failing variant is out however well it does.",
                  which, pol->label);
}

/* ---- filter ---------------------------------------------------------------------------------------- */

static void gen_filter(practice_ex_t *ex, practice_rng_t *r)
{
    ex->a = 0, ex->b = 1;
    if (ex->from_text) {
        add_point(ex, "filter-before", 0.003, 0.04);
        add_point(ex, "filter-after", 0.002, 0.06);
        return;
    }
    random_traffic(ex, r);
    long asr = draw(r, 15, 100, 5), orr = draw(r, 20, 80, 5);
    long cut = draw(r, 5, asr - 10 < 50 ? asr - 10 : 50, 5);
    long t = draw(r, 3, 7, 1);
    char before[32], after[32];
    snprintf(before, sizeof before, "threshold-0.%ld", t + 1);
    snprintf(after, sizeof after, "threshold-0.%ld", t);
    add_point(ex, before, bp(asr), tenths(orr));
    add_point(ex, after, bp(asr - cut), tenths(orr + draw(r, 5, 30, 5)));
}

static void ask_filter(sb_t *out, const practice_ex_t *ex)
{
    const point_t *a = pt(ex, ex->a), *b = pt(ex, ex->b);
    sb_printf(out, "Without retraining, the team raises the post-processing filter's sensitivity (%s -> %s). "
                   "Attack success moves from %s to %s, over-refusal from %s to %s. ",
              a->name, b->name, pct(a->asr), pct(b->asr), pct(a->orr), pct(b->orr));
    traffic_sentence(out, &ex->scenario);
    sb_puts(out, "\n\n");
    if (ex->ask == 0)
        sb_puts(out, "How many more unnecessary refusals per day does the change cause?");
    else if (ex->ask == 1)
        sb_puts(out, "How many fewer harmful outputs per day does the change give?");
    else
        sb_puts(out, "How many extra unnecessary refusals does each prevented harmful output cost?");
}

static void solve_filter(const practice_ex_t *ex, practice_solution_t *sol)
{
    comparison_t c = model_compare(&ex->scenario, pt(ex, ex->a), pt(ex, ex->b));
    double v = ex->ask == 0 ? c.d_refusals : ex->ask == 1 ? -c.d_harmful : c.break_even;
    answer_number(&sol->answer, v, TOL_COUNT_REL, TOL_COUNT_ABS);
    steps_comparison(&sol->steps, ex, &c);
    model_sentence(&sol->meaning, &ex->scenario, pt(ex, ex->a)->name, pt(ex, ex->b)->name, &c);
    sb_puts(&sol->meaning, " A threshold moves you along the curve; only better data or training moves the curve.");
}

/* ---- frontier -------------------------------------------------------------------------------------- */

static const char *const release_names[] = {"nightly", "rc-1", "rc-2", "canary", "stable", "legacy", "distilled"};

/* The points that another point dominates, by the frontier module's rule. */
static unsigned dominated_set(const practice_ex_t *ex)
{
    unsigned set = 0;
    for (size_t i = 0; i < ex->points.len; i++)
        for (size_t j = 0; j < ex->points.len; j++)
            if (i != j && frontier_dominates(pt(ex, j), pt(ex, i)))
                set |= 1u << i;
    return set;
}

static void gen_frontier_dominated(practice_ex_t *ex, practice_rng_t *r)
{
    /* Redraw (a bounded number of times) until something is dominated and
     * something is not, so the question has a real answer. */
    for (int attempt = 0; attempt < 64; attempt++) {
        pointset_free(&ex->points);
        size_t n = 5 + practice_rng_below(r, 2);
        for (size_t i = 0; i < n; i++)
            add_point(ex, release_names[i], bp(draw(r, 10, 150, 10)), tenths(draw(r, 10, 120, 5)));
        unsigned d = dominated_set(ex);
        if (d != 0 && d != (1u << n) - 1)
            return;
    }
}

static void gen_frontier(practice_ex_t *ex, practice_rng_t *r)
{
    if (ex->from_text) {
        add_point(ex, "baseline", 0.01, 0.02);
        add_point(ex, "safety-tuned", 0.001, 0.08);
        add_point(ex, "filter-before", 0.003, 0.04);
        add_point(ex, "filter-after", 0.002, 0.06);
        add_point(ex, "variant-B", 0.004, 0.03);
        add_point(ex, "status-quo", 0.002, 0.05);
        add_point(ex, "product-ask", 0.005, 0.03);
        return;
    }
    if (ex->ask == 0) {
        gen_frontier_dominated(ex, r);
        return;
    }
    random_traffic(ex, r);
    long asr_a = draw(r, 5, 30, 5), asr_b = draw(r, 60, 200, 10);
    add_point(ex, "strict", bp(asr_a), tenths(draw(r, 60, 140, 5)));
    add_point(ex, "lenient", bp(asr_b), tenths(draw(r, 10, 40, 5)));
    ex->a = 0, ex->b = 1;
    ex->target = bp(draw(r, asr_a + 5, asr_b - 5, 5));
}

static void ask_frontier(sb_t *out, const practice_ex_t *ex)
{
    if (ex->ask == 0) {
        sb_puts(out, ex->from_text ? "These are the operating points of the domain text's examples.\n\n"
                                   : "Candidate releases were measured on the same two test sets.\n\n");
        points_table(out, ex, false);
        sb_puts(out, "\nWhich points are dominated (another point has ASR and ORR no higher, and one of them lower)?");
        return;
    }
    const point_t *a = pt(ex, ex->a), *b = pt(ex, ex->b);
    sb_printf(out, "You can route traffic between two measured points: %c %s (ASR %s, ORR %s) and %c %s (ASR %s, "
                   "ORR %s). Sending a share x of traffic to %c and the rest to %c gives, in expectation, the mix of "
                   "their rates.\n\n",
              letter(ex->a), a->name, pct(a->asr), pct(a->orr), letter(ex->b), b->name, pct(b->asr), pct(b->orr),
              letter(ex->a), letter(ex->b));
    sb_printf(out, "What share of traffic must go to %c for the mix to reach an ASR of %s?", letter(ex->a),
              pct(ex->target));
}

static void solve_frontier_dominated(const practice_ex_t *ex, practice_solution_t *sol)
{
    sb_t *o = &sol->steps;
    sb_puts(o, "X dominates Y when ASR(X) <= ASR(Y) and ORR(X) <= ORR(Y), one of them strictly.\n");
    unsigned dominated = 0;
    for (size_t i = 0; i < ex->points.len; i++) {
        sb_printf(o, "  %c %s (%s, %s): ", letter(i), pt(ex, i)->name, pct(pt(ex, i)->asr), pct(pt(ex, i)->orr));
        bool any = false;
        for (size_t j = 0; j < ex->points.len; j++) {
            if (i == j || !frontier_dominates(pt(ex, j), pt(ex, i)))
                continue;
            sb_printf(o, "%s%c %s (%s, %s)", any ? ", " : "dominated by ", letter(j), pt(ex, j)->name,
                      pct(pt(ex, j)->asr), pct(pt(ex, j)->orr));
            any = true;
        }
        if (any)
            dominated |= 1u << i;
        else
            sb_puts(o, "not dominated");
        sb_puts(o, "\n");
    }
    answer_letters(&sol->answer, ANSWER_LETTERS, dominated, ex->points.len);
    char which[64];
    letters_shown(which, sizeof which, dominated);
    sb_printf(&sol->meaning,
              "Drop %s from the discussion: another point is at least as good on both sides. The real choice is "
              "among the rest, the Pareto frontier, and there you cannot escape the trade-off, only choose "
              "where to sit on it.",
              which);
}

static void solve_frontier_mix(const practice_ex_t *ex, practice_solution_t *sol)
{
    const point_t *a = pt(ex, ex->a), *b = pt(ex, ex->b);
    double lambda = (b->asr - ex->target) / (b->asr - a->asr);
    frontier_op_t mix = frontier_op_mix(&ex->points, ex->a, ex->b, lambda);
    projection_t pr = model_project_rates(&ex->scenario, mix.asr, mix.orr);
    answer_percent(&sol->answer, lambda, 0, TOL_SHARE_ABS);
    sb_t *o = &sol->steps;
    sb_printf(o, "Mix ASR = x * ASR(%c) + (1 - x) * ASR(%c) = target, so\n", letter(ex->a), letter(ex->b));
    sb_printf(o, "  x = (ASR(%c) - target) / (ASR(%c) - ASR(%c)) = (%s - %s) / (%s - %s) = %s\n", letter(ex->b),
              letter(ex->b), letter(ex->a), pct(b->asr), pct(ex->target), pct(b->asr), pct(a->asr), pct4(lambda));
    sb_printf(o, "Mix ORR = %s x %s + %s x %s = %s\n", dec(lambda), pct(a->orr), dec(1 - lambda), pct(b->orr),
              pct4(mix.orr));
    sb_printf(o, "Per day: %s unnecessary refusals, %s harmful outputs\n", cnt(pr.refusals), cnt(pr.harmful));
    sb_t route = SB_INIT;
    frontier_op_describe(&route, &ex->points, &mix);
    sb_printf(&sol->meaning,
              "To reach ASR %s, %s. Its ORR of %s is an expectation from a mix, not a measurement: say so, and "
              "check that no measured point beats it.",
              pct(ex->target), sb_str(&route), pct4(mix.orr));
    sb_free(&route);
}

static void solve_frontier(const practice_ex_t *ex, practice_solution_t *sol)
{
    if (ex->ask == 0)
        solve_frontier_dominated(ex, sol);
    else
        solve_frontier_mix(ex, sol);
}

/* ---- sample size ----------------------------------------------------------------------------------------- */

static void gen_sample(practice_ex_t *ex, practice_rng_t *r)
{
    static const double bounds[] = {0.02, 0.01, 0.005, 0.001, 0.0005, 0.0001};
    static const double confidences[] = {0.90, 0.95, 0.99};
    static const double sizes[] = {300, 500, 1000, 2000, 5000, 10000, 30000};
    if (ex->from_text) {
        ex->target = 0.0001;
        ex->confidence = 0.95;
        return;
    }
    ex->confidence = PICK(r, confidences);
    ex->target = ex->ask == 0 ? PICK(r, bounds) : PICK(r, sizes); /* ask 1: the target is a prompt count */
}

static void ask_sample(sb_t *out, const practice_ex_t *ex)
{
    double conf = ex->confidence * 100;
    if (ex->ask == 0) {
        sb_printf(out, "A %s claim must hold: \"ASR below %s\", with %g%% confidence. The adversarial test set will "
                       "be run once and you expect zero attack successes.\n\n",
                  ex->from_text ? "high-risk (medical or financial)" : "launch", pct(ex->target), conf);
        sb_printf(out, "The claim is judged as `report` and `check` judge a policy: by the two-sided %s interval.\n\n",
                  stats_method_title(ex->interval));
        sb_puts(out, "How many adversarial prompts does the set need, at the least?");
    } else {
        sb_printf(out, "The adversarial test set has %s prompts, and the model had zero attack successes on "
                       "it.\n\n",
                  whole(ex->target));
        sb_printf(out, "The claim is judged as `report` and `check` judge a policy: by the two-sided %s interval.\n\n",
                  stats_method_title(ex->interval));
        sb_printf(out, "What is the lowest ASR bound you can claim with %g%% confidence (\"ASR below ...\")?", conf);
    }
}

/* The report's zero-failure figure (stats_zero_failure_claim_n), said with
 * the report's own sentence: one figure on every surface. */
static void solve_sample(const practice_ex_t *ex, practice_solution_t *sol)
{
    sb_t *o = &sol->steps;
    const char *method = stats_method_title(ex->interval);
    if (ex->ask == 0) {
        bound_t b = {ex->target, false};
        long long n = stats_zero_failure_claim_n(b, ex->confidence, ex->interval);
        answer_number(&sol->answer, (double)n, TOL_COUNT_REL, TOL_COUNT_ABS);
        sb_printf(o, "The policy check passes with %g%% confidence when the upper end of\n"
                     "the two-sided %g%% %s interval of 0 of n is below %s:\n",
                  ex->confidence * 100, ex->confidence * 100, method, pct(ex->target));
        char shown[32];
        sb_printf(o, "  n = %s: upper end %s (below %s)\n", whole((double)n),
                  num_format_pct_beside(stats_zero_failure_bound(n, ex->confidence, ex->interval), ex->target,
                                        shown, sizeof shown),
                  pct(ex->target));
        sb_printf(o, "  n = %s: upper end %s (not below)\n", whole((double)(n - 1)),
                  num_format_pct_beside(stats_zero_failure_bound(n - 1, ex->confidence, ex->interval), ex->target,
                                        shown, sizeof shown));
        stats_zero_failure_sentence(&sol->meaning, "ASR", "adversarial", b, ex->confidence, ex->interval);
        sb_printf(&sol->meaning,
                  " A set of 1,000 clean prompts supports only \"below %s\". Claims of very small rates are "
                  "claims about test-set size.",
                  pct4(stats_zero_failure_bound(1000, ex->confidence, ex->interval)));
    } else {
        long long n = (long long)ex->target;
        double bound = stats_zero_failure_bound(n, ex->confidence, ex->interval);
        answer_percent(&sol->answer, bound, TOL_RATE_REL, TOL_RATE_ABS / 10);
        sb_printf(o, "\"ASR below X\" passes with %g%% confidence when the upper end of the\n"
                     "two-sided %g%% %s interval of 0 of %s is below X: the lowest claim\n"
                     "is that upper end.\n",
                  ex->confidence * 100, ex->confidence * 100, method, whole((double)n));
        sb_printf(o, "  upper end of 0 of %s = %s\n", whole((double)n), pct4(bound));
        sb_printf(&sol->meaning,
                  "Zero failures in %s prompts supports \"ASR below %s\" with %g%% confidence (%s, two-sided, as "
                  "the policy check), not \"ASR = 0\". Stronger claims need a bigger adversarial set.",
                  whole((double)n), pct4(bound), ex->confidence * 100, method);
    }
}

/* ---- cost ---------------------------------------------------------------------------------------------------- */

static const double refusal_costs[] = {0.05, 0.1, 0.25, 0.5, 1, 2};
static const double harm_costs[] = {500, 1000, 2000, 5000, 10000, 50000};
static const char *const cost_policies[] = {"consumer", "enterprise", "none"};

/* The allowed points with the lowest daily cost (a set: ties share it), and
 * the next cheapest allowed cost. */
static unsigned cheapest(const practice_ex_t *ex, double *best_cost, double *runner_up)
{
    unsigned best = 0;
    *best_cost = *runner_up = INFINITY;
    for (size_t i = 0; i < ex->points.len; i++) {
        if (!verdict_pass(policy_check(&ex->scenario.policy, pt(ex, i)->asr, pt(ex, i)->orr)))
            continue;
        double c = model_project(&ex->scenario, pt(ex, i)).cost;
        if (fabs(c - *best_cost) <= 1e-9 * fabs(c)) {
            best |= 1u << i;
        } else if (c < *best_cost) {
            *runner_up = *best_cost;
            *best_cost = c;
            best = 1u << i;
        } else if (c < *runner_up) {
            *runner_up = c;
        }
    }
    return best;
}

static void gen_cost(practice_ex_t *ex, practice_rng_t *r)
{
    if (ex->from_text) {
        /* The product-vs-safety debate with prices on both outcomes: the
         * ratio 5,000 sits below the break-even 6,660 of the text. */
        set_policy(ex, "none");
        ex->scenario.cost_refusal = 1;
        ex->scenario.cost_harm = 5000;
        add_point(ex, "status-quo", 0.002, 0.05);
        add_point(ex, "product-ask", 0.005, 0.03);
        add_point(ex, "safety-tuned", 0.001, 0.08);
        return;
    }
    /* Redraw until some point is allowed and the cheapest is clear (2% ahead). */
    for (int attempt = 0; attempt < 64; attempt++) {
        pointset_free(&ex->points);
        random_traffic(ex, r);
        set_policy(ex, cost_policies[practice_rng_below(r, 3)]);
        ex->scenario.cost_refusal = PICK(r, refusal_costs);
        ex->scenario.cost_harm = PICK(r, harm_costs);
        size_t n = 3 + practice_rng_below(r, 2);
        for (size_t i = 0; i < n; i++)
            add_point(ex, release_names[i], bp(draw(r, 5, 150, 5)), tenths(draw(r, 10, 80, 5)));
        double best, next;
        if (cheapest(ex, &best, &next) && (isinf(next) || next > best * 1.02))
            return;
    }
}

static void ask_cost(sb_t *out, const practice_ex_t *ex)
{
    costs_sentence(out, &ex->scenario);
    sb_puts(out, " ");
    traffic_sentence(out, &ex->scenario);
    if (policy_has_bounds(&ex->scenario.policy)) {
        sb_puts(out, " The product must meet ");
        policy_phrase(out, &ex->scenario.policy);
        sb_puts(out, ".");
    }
    sb_puts(out, "\n\n");
    points_table(out, ex, false);
    sb_puts(out, "\n");
    bool bounded = policy_has_bounds(&ex->scenario.policy);
    if (ex->ask == 0)
        sb_printf(out, "Among the measured points (no mixes)%s, which has the lowest daily cost?",
                  bounded ? " that meet the policy" : "");
    else
        sb_printf(out, "What is the daily cost of the cheapest measured point%s?",
                  bounded ? " that meets the policy" : "");
}

/* What the analytics' cost-optimal search (mixes on the hull allowed) finds,
 * when a mix beats every measured point: worth saying in the meeting. */
static void with_mixes(sb_t *o, const practice_ex_t *ex, double best_point)
{
    frontier_t f;
    frontier_compute(&f, &ex->points, NULL);
    optimal_t opt = optimal_find(&f, &ex->points, &ex->scenario);
    if (opt.found && opt.op.is_mix && opt.projection.cost < best_point * (1 - 1e-9)) {
        sb_t route = SB_INIT;
        frontier_op_describe(&route, &ex->points, &opt.op);
        sb_printf(o, "With mixes allowed, the optimum on the achievable hull is a %s, at %s a day\n", sb_str(&route),
                  money(opt.projection.cost));
        sb_free(&route);
    }
    frontier_free(&f);
}

static void solve_cost(const practice_ex_t *ex, practice_solution_t *sol)
{
    const scenario_t *s = &ex->scenario;
    sb_t *o = &sol->steps;
    sb_printf(o, "Daily cost = V x (1 - p) x ORR x %s + V x p x ASR x %s\n", money(s->cost_refusal),
              money(s->cost_harm));
    double cheapest_any = INFINITY;
    size_t any = 0;
    for (size_t i = 0; i < ex->points.len; i++) {
        const point_t *p = pt(ex, i);
        projection_t pr = model_project(s, p);
        verdict_t v = policy_check(&s->policy, p->asr, p->orr);
        sb_printf(o, "  %c %s: %s x %s + %s x %s = %s", letter(i), p->name, cnt(pr.refusals), money(s->cost_refusal),
                  cnt(pr.harmful), money(s->cost_harm), money(pr.cost));
        if (!verdict_pass(v)) {
            sb_puts(o, "  (out: ");
            verdict_describe(o, &s->policy, v, p->asr, p->orr);
            sb_puts(o, ")");
        }
        sb_puts(o, "\n");
        if (pr.cost < cheapest_any)
            cheapest_any = pr.cost, any = i;
    }
    double best, next;
    unsigned winners = cheapest(ex, &best, &next);
    with_mixes(o, ex, best);
    if (ex->ask == 0)
        answer_letters(&sol->answer, ANSWER_LETTER, winners, ex->points.len);
    else
        answer_money(&sol->answer, best);
    char which[64];
    letters_shown(which, sizeof which, winners);
    if (winners == 0) {
        sb_puts(&sol->meaning, "No measured point meets the policy: nothing can ship at these settings.");
        return;
    }
    sb_printf(&sol->meaning, "At these costs %s is the choice, at %s a day.", which, money(best));
    if (!(winners & (1u << any)))
        sb_printf(&sol->meaning, " %c %s would be cheaper (%s a day) but breaks the policy: the bounds come first, "
                                 "the costs choose among what is left.",
                  letter(any), pt(ex, any)->name, money(cheapest_any));
    else
        sb_puts(&sol->meaning, " The ratio of the two costs, not either cost alone, decides: compare it with the "
                               "break-even rates between neighbouring points.");
}

/* ---- categories ------------------------------------------------------------------------------------------------ */

static const struct {
    const char *name;
    bool critical;
} category_pool[] = {
    {"self-harm", true}, {"child safety", true}, {"weapons", false}, {"hate speech", false},
    {"fraud", false},    {"cybercrime", false},  {"harassment", false},
};

static void add_category(point_t *p, const char *name, bool critical, long long n, long long successes)
{
    category_t *c = point_add_category(p, name);
    c->critical = critical;
    c->n_adversarial = n;
    c->attack_successes = successes;
    c->asr = (double)successes / (double)n;
}

static void gen_category(practice_ex_t *ex, practice_rng_t *r)
{
    set_policy(ex, "consumer");
    point_t p = point_make("release-candidate");
    p.source = xstrdup("practice");
    if (ex->from_text) {
        add_category(&p, "self-harm", true, 2000, 6);
        add_category(&p, "child safety", true, 1500, 9);
        add_category(&p, "weapons", false, 1200, 18);
        add_category(&p, "hate speech", false, 800, 4);
        add_category(&p, "fraud", false, 1000, 15);
    } else {
        /* ASR per category from 0.1% to 2%, as whole successes of the prompts. */
        static const double rates[] = {0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.012, 0.02};
        size_t n = 4 + practice_rng_below(r, 3);
        for (size_t i = 0; i < n; i++) {
            long long prompts = draw(r, 400, 3000, 100);
            long long successes = llround((double)prompts * PICK(r, rates));
            add_category(&p, category_pool[i].name, category_pool[i].critical, prompts, successes);
        }
    }
    long long n = 0, s = 0;
    for (size_t i = 0; i < p.ncategories; i++)
        n += p.categories[i].n_adversarial, s += p.categories[i].attack_successes;
    p.n_adversarial = n;
    p.attack_successes = s;
    p.asr = (double)s / (double)n;
    pointset_add(&ex->points, p);
}

static void ask_category(sb_t *out, const practice_ex_t *ex)
{
    const point_t *p = pt(ex, 0);
    sb_printf(out, "The %s was run on an adversarial set split by harm category; its overall ASR is %s. The "
                   "product must meet ",
              p->name, pct4(p->asr));
    policy_phrase(out, &ex->scenario.policy);
    sb_puts(out, ".\n\n");
    category_table(out, p, false);
    sb_puts(out, "\n");
    if (ex->ask == 0)
        sb_puts(out, "Which critical categories break the policy's ASR bound?");
    else
        sb_puts(out, "What is the ASR over the critical categories taken together?");
}

static void solve_category(const practice_ex_t *ex, practice_solution_t *sol)
{
    const point_t *p = pt(ex, 0);
    const policy_t *pol = &ex->scenario.policy;
    sb_t *o = &sol->steps;
    unsigned failing = 0, unsure = 0;
    long long n = 0, s = 0;
    sb_puts(o, "ASR per category = attack successes / prompts; critical ones are held to ");
    bound_describe(o, "ASR", pol->asr);
    sb_puts(o, "\n");
    for (size_t i = 0; i < p->ncategories; i++) {
        const category_t *c = &p->categories[i];
        double asr = (double)c->attack_successes / (double)c->n_adversarial;
        sb_printf(o, "  %c %s: %s / %s = %s", letter(i), c->name, whole((double)c->attack_successes),
                  whole((double)c->n_adversarial), pct4(asr));
        if (c->critical) {
            n += c->n_adversarial, s += c->attack_successes;
            bool ok = bound_passes(pol->asr, asr);
            if (!ok)
                failing |= 1u << i;
            /* The verdict on the estimate, with its interval, as report
             * gives it (NUMBERS.md, rule 3): a count this small leaves
             * the bound inside the interval. */
            stats_interval_t ci = stats_interval(c->attack_successes, c->n_adversarial, ex->confidence, ex->interval);
            bool sure = ok ? bound_passes(pol->asr, ci.hi) : !bound_passes(pol->asr, ci.lo);
            sb_printf(o, "  critical: %s%s (%g%%: %s-%s)\n", ok ? "passes" : "FAILS", sure ? "" : " on the estimate",
                      ex->confidence * 100, pct(ci.lo), pct(ci.hi));
            if (!sure)
                unsure |= 1u << i;
        } else {
            sb_puts(o, "  (not critical)\n");
        }
    }
    double pooled = (double)s / (double)n;
    sb_printf(o, "Critical categories together: %s / %s = %s\n", whole((double)s), whole((double)n), pct4(pooled));
    if (ex->ask == 0)
        answer_letters(&sol->answer, ANSWER_LETTERS, failing, p->ncategories);
    else
        answer_percent(&sol->answer, pooled, TOL_RATE_REL, TOL_RATE_ABS);
    char which[64];
    letters_shown(which, sizeof which, failing);
    if (failing)
        sb_printf(&sol->meaning,
                  "The overall ASR of %s hides the problem: %s break%s the critical-harm bound%s. Fix %s before "
                  "launch; an average over categories is not a safety argument.",
                  pct4(p->asr), which, (failing & (failing - 1)) ? "" : "s", (failing & unsure) ? " on the estimate" : "",
                  (failing & (failing - 1)) ? "them" : "it");
    if (!failing && unsure)
        sb_puts(&sol->meaning, "Every critical category meets the bound on its estimate.");
    if (unsure) {
        char unsure_which[64];
        letters_shown(unsure_which, sizeof unsure_which, unsure);
        sb_printf(&sol->meaning, "%sFor %s the verdict rests on the estimate (the %g%% interval holds the bound), so "
                                 "more prompts would settle it.",
                  " ", unsure_which, ex->confidence * 100);
    }
    if (!failing && !unsure)
        sb_printf(&sol->meaning,
                  "Every critical category meets the bound. Check the prompt counts too: a category with few "
                  "prompts can pass by luck (see the sample-size drill).");
}

/* ---- dispatch ------------------------------------------------------------------------------------------------- */

static const struct {
    void (*gen)(practice_ex_t *, practice_rng_t *);
    void (*ask)(sb_t *, const practice_ex_t *);
    void (*solve)(const practice_ex_t *, practice_solution_t *);
} ops[PRACTICE_NKINDS] = {
    {gen_daily, ask_daily, solve_daily},          {gen_change, ask_change, solve_change},
    {gen_policy, ask_policy, solve_policy},       {gen_filter, ask_filter, solve_filter},
    {gen_frontier, ask_frontier, solve_frontier}, {gen_sample, ask_sample, solve_sample},
    {gen_cost, ask_cost, solve_cost},             {gen_category, ask_category, solve_category},
};

/* `variation` -1 is the domain text's example; 0, 1, ... the drawn ones,
 * which cycle through the family's questions. Each exercise has its own
 * stream, so --count 3 gives the first three of --count 8. */
static void build(practice_ex_t *ex, uint64_t seed, practice_kind_t kind, int variation)
{
    memset(ex, 0, sizeof *ex);
    ex->kind = kind;
    ex->from_text = variation < 0;
    ex->ask = ex->from_text ? kinds[kind].text_ask : (kinds[kind].text_ask + 1 + variation) % kinds[kind].nasks;
    ex->scenario = model_default_scenario();
    ex->points = (pointset_t)POINTSET_INIT;
    ex->confidence = 0.95;
    practice_rng_t r;
    practice_rng_seed(&r, seed ^ (0x632be59bd9b4e019ULL * (uint64_t)(kind + 1)));
    practice_rng_seed(&r, practice_rng_next(&r) ^ (0x8cb92ba72f3d8dd7ULL * (uint64_t)(variation + 2)));
    ops[kind].gen(ex, &r);
}

/* The kinds of round `round` of a drill of every kind, in an order drawn
 * from the seed (a stream of its own, apart from the exercises' numbers):
 * each seed starts with other exercises, and each round asks every kind
 * once, so the first round is the domain text's examples, all of them. */
static void round_order(uint64_t seed, int round, practice_kind_t order[PRACTICE_NKINDS])
{
    practice_rng_t r;
    practice_rng_seed(&r, seed ^ 0x9E3779B97F4A7C15ULL ^ ((uint64_t)round * 0xBF58476D1CE4E5B9ULL));
    for (int k = 0; k < PRACTICE_NKINDS; k++)
        order[k] = (practice_kind_t)k;
    for (int n = PRACTICE_NKINDS; n > 1; n--) {
        int j = (int)practice_rng_below(&r, (uint64_t)n);
        practice_kind_t t = order[n - 1];
        order[n - 1] = order[j];
        order[j] = t;
    }
}

void practice_generate(practice_set_t *set, uint64_t seed, int kind, int count)
{
    set->seed = seed;
    set->kind = kind;
    practice_kind_t order[PRACTICE_NKINDS];
    for (int i = 0; i < count; i++) {
        practice_kind_t k;
        int variation;
        if (kind == PRACTICE_ALL_KINDS) {
            if (i % PRACTICE_NKINDS == 0)
                round_order(seed, i / PRACTICE_NKINDS, order);
            k = order[i % PRACTICE_NKINDS];
            variation = i / PRACTICE_NKINDS - 1;
        } else {
            k = (practice_kind_t)kind;
            variation = i - 1;
        }
        set->items = xgrow(set->items, &set->cap, set->len + 1, sizeof *set->items);
        build(&set->items[set->len], seed, k, variation);
        set->items[set->len++].interval = set->interval;
    }
}

void practice_repeat_command(sb_t *out, const practice_set_t *set)
{
    sb_printf(out, "tradeoff practice --seed %llu", (unsigned long long)set->seed);
    if (set->kind != PRACTICE_ALL_KINDS)
        sb_printf(out, " --kind %s", practice_kind_name((practice_kind_t)set->kind));
    sb_printf(out, " --count %zu", set->len);
    if (set->interval != STATS_WILSON)
        sb_printf(out, " --interval %s", stats_method_name(set->interval));
}

void practice_ex_free(practice_ex_t *ex) { pointset_free(&ex->points); }

void practice_set_free(practice_set_t *set)
{
    for (size_t i = 0; i < set->len; i++)
        practice_ex_free(&set->items[i]);
    free(set->items);
    set->items = NULL;
    set->len = set->cap = 0;
}

/* One line of text (n bytes, no newline) as Markdown. */
static void markdown_line(sb_t *out, const char *line, size_t n)
{
    char *copy = xstrndup(line, n);
    text_markdown(out, copy);
    free(copy);
}

/* Tables are written plain by the ask functions; Markdown swaps them, and
 * escapes every other line (text_markdown), names included. */
static void markdown_tables(sb_t *out, const practice_ex_t *ex, const char *plain)
{
    /* Each plain table is a block of lines starting with a space; replace
     * the block with the Markdown table of the same data. */
    const char *p = plain;
    bool replaced = false;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) + 1 : strlen(p);
        if (*p == ' ') {
            if (!replaced) {
                if (ex->kind == PRACTICE_CATEGORY)
                    category_table(out, pt(ex, 0), true);
                else
                    points_table(out, ex, true);
                replaced = true;
            }
        } else {
            markdown_line(out, p, eol ? len - 1 : len);
            if (eol)
                sb_putc(out, '\n');
        }
        p += len;
    }
}

void practice_question(sb_t *out, const practice_ex_t *ex, bool markdown)
{
    sb_t q = SB_INIT;
    ops[ex->kind].ask(&q, ex);
    practice_solution_t sol = PRACTICE_SOLUTION_INIT;
    practice_solve(ex, &sol);
    sb_printf(&q, "\n\nAnswer with %s", format_hint(sol.answer.kind));
    if (sol.answer.kind == ANSWER_NUMBER || sol.answer.kind == ANSWER_PERCENT) {
        sb_puts(&q, "; right when ");
        practice_tolerance(&q, &sol.answer);
    }
    sb_puts(&q, ".");
    practice_solution_free(&sol);
    if (markdown)
        markdown_tables(out, ex, sb_str(&q));
    else
        sb_puts(out, sb_str(&q));
    sb_free(&q);
}

void practice_solve(const practice_ex_t *ex, practice_solution_t *sol)
{
    sb_reset(&sol->steps);
    sb_reset(&sol->meaning);
    ops[ex->kind].solve(ex, sol);
}

void practice_solution_free(practice_solution_t *sol)
{
    sb_free(&sol->steps);
    sb_free(&sol->meaning);
}

/* ---- worksheet --------------------------------------------------------------------------------------------------- */

#define SHEET_WIDTH 78

static void sheet_heading(sb_t *out, size_t i, const practice_ex_t *ex, bool markdown)
{
    sb_printf(out, "%s%zu. %s (%s%s)\n\n", markdown ? "## " : "", i + 1, practice_kind_title(ex->kind),
              practice_kind_name(ex->kind), ex->from_text ? ", from the domain text" : "");
}

/* Steps are preformatted (aligned substitutions); indent them so that the
 * wrapper keeps them, or fence them in Markdown. */
static void sheet_steps(sb_t *out, const char *steps, bool markdown)
{
    if (markdown) {
        text_markdown_code(out, steps);
        return;
    }
    const char *p = steps;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        sb_puts(out, "    ");
        sb_putn(out, p, len);
        sb_putc(out, '\n');
        p += len + (eol ? 1 : 0);
    }
    sb_putc(out, '\n');
}

/* Text of the sheet's own making, escaped in Markdown. */
static void sheet_text(sb_t *out, const char *text, bool markdown)
{
    if (markdown)
        text_markdown(out, text);
    else
        sb_puts(out, text);
}

void practice_worksheet(sb_t *out, const practice_set_t *set, bool markdown)
{
    sb_t para = SB_INIT;
    sb_printf(out, "%sPractice worksheet: helpfulness vs harmlessness\n\n", markdown ? "# " : "");
    sb_printf(&para, "%zu exercises, seed %llu. The same seed and count print the same sheet: ", set->len,
              (unsigned long long)set->seed);
    practice_repeat_command(&para, set);
    sb_puts(&para, " --worksheet. Answers follow after the page break.\n\n");
    text_wrap(out, sb_str(&para), markdown ? 100000 : SHEET_WIDTH, TEXT_WRAP_KEEP_PREFORMATTED);
    for (size_t i = 0; i < set->len; i++) {
        const practice_ex_t *ex = &set->items[i];
        sheet_heading(out, i, ex, markdown);
        sb_reset(&para);
        practice_question(&para, ex, markdown);
        sb_puts(&para, "\n\n");
        text_wrap(out, sb_str(&para), markdown ? 100000 : SHEET_WIDTH, TEXT_WRAP_KEEP_PREFORMATTED);
        sb_puts(out, markdown ? "**Your answer:** ______________\n\n" : "Your answer: ______________\n\n");
    }
    /* Form feed: the page break that pr, lpr and a2ps honour. In Markdown an
     * HTML div with page-break-after: a browser's print honours it and
     * renderers show nothing, where "\newpage" would show as text outside
     * LaTeX. */
    sb_puts(out, markdown ? "<div style=\"page-break-after: always\"></div>\n\n# Answers\n\n" : "\f\nANSWERS\n\n");
    for (size_t i = 0; i < set->len; i++) {
        const practice_ex_t *ex = &set->items[i];
        practice_solution_t sol = PRACTICE_SOLUTION_INIT;
        practice_solve(ex, &sol);
        sheet_heading(out, i, ex, markdown);
        sb_reset(&para);
        sb_puts(&para, markdown ? "**Answer: " : "Answer: ");
        sheet_text(&para, sol.answer.shown, markdown);
        sb_puts(&para, markdown ? "**" : "");
        if (sol.answer.kind == ANSWER_NUMBER || sol.answer.kind == ANSWER_PERCENT) {
            sb_puts(&para, " (right when ");
            practice_tolerance(&para, &sol.answer);
            sb_puts(&para, ")");
        }
        sb_puts(&para, "\n\n");
        text_wrap(out, sb_str(&para), markdown ? 100000 : SHEET_WIDTH, TEXT_WRAP_KEEP_PREFORMATTED);
        sheet_steps(out, sb_str(&sol.steps), markdown);
        sb_reset(&para);
        sb_puts(&para, markdown ? "*For the meeting:* " : "For the meeting: ");
        sheet_text(&para, sb_str(&sol.meaning), markdown);
        sb_puts(&para, "\n\n");
        text_wrap(out, sb_str(&para), markdown ? 100000 : SHEET_WIDTH, TEXT_WRAP_KEEP_PREFORMATTED);
        practice_solution_free(&sol);
    }
    sb_free(&para);
}
