/* tradeoff check: the regression gate for training pipelines.
 *
 *   tradeoff check [OPTION]... BASELINE.csv CANDIDATE.csv
 *
 * Exit 0 when the candidate passes, 1 on any failing verdict (a regression:
 * a rise beyond the allowance; out of policy: the candidate leaves the
 * policy's bounds; or both), 2 on bad usage or data. The verdict line is
 * printed from the same result as the exit status, so they agree. The files
 * are read as `report` reads them (cli_load_file, the same input flags). */
#include "config.h"

#include "cli/cmd.h"
#include "base/exitcode.h"
#include "core/gate.h"
#include "base/json.h"
#include "render/analysis_report.h"
#include "render/json_fields.h"
#include "base/num.h"
#include "base/text.h"
#include "core/namematch.h"
#include "load/points.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *role;     /* "baseline", "candidate" */
    const char *flag;     /* "baseline-name" */
    const char *path;
    char *shown_path;     /* sanitised */
    pointset_t set;
    const point_t *point;
} side_t;

static bool pick_point(side_t *s, const char *name)
{
    if (name)
        return cli_point(&s->set, name, s->flag, s->shown_path, &s->point);
    if (s->set.len == 1) {
        s->point = &s->set.items[0];
        return true;
    }
    sb_t names = SB_INIT;
    namematch_t m = namematch_points(&s->set);
    namematch_list(&names, &m, NAMEMATCH_LIST_MAX);
    cli_error("%s: the %s file has %zu points; pick one with --%s NAME (points are: %s)", s->shown_path, s->role,
              s->set.len, s->flag, sb_str(&names));
    sb_free(&names);
    return false;
}

/* What the output says of a rate neither file measured. */
#define NOT_MEASURED "not measured in either file: not gated"

/* The words beside an interval of the rise that spans zero; without a
 * level, how to gate on what the data shows. */
#define WITHIN_NOISE "within noise"
#define WITHIN_NOISE_HINT "; --significance ALPHA gates only on a rise the data shows"

static void rate_text(sb_t *out, const char *what, const gate_rate_t *r, const gate_result_t *g,
                      const gate_opts_t *o, const point_t *base, const point_t *cand, bool asr)
{
    char a[32], b[32];
    bound_t bound = asr ? o->policy.asr : o->policy.orr;
    if (!r->measured) {
        sb_printf(out, "  %s  " NOT_MEASURED "\n", what);
        return;
    }
    sb_printf(out, "  %s  %8s -> %-8s  ", what, num_format_pct_beside(r->base, bound.max, a, sizeof a),
              num_format_pct_beside(r->cand, bound.max, b, sizeof b));
    analysis_report_pp(out, r->delta);
    sb_puts(out, " (allowed ");
    analysis_report_pp(out, r->allowed);
    if (r->ci.known) {
        sb_printf(out, "; %.12g%% interval of the rise ", g->level * 100);
        analysis_report_pp(out, r->ci.lo);
        sb_puts(out, " to ");
        analysis_report_pp(out, r->ci.hi);
        if (r->within_noise)
            sb_printf(out, ": " WITHIN_NOISE "%s", o->significance != 0 ? "" : WITHIN_NOISE_HINT);
    }
    sb_printf(out, ")  %s\n", r->undecided ? "REGRESSION (no finite interval: the gate fails closed)"
                              : r->regressed ? "REGRESSION"
                                             : "ok");
    sb_puts(out, "        ");
    point_counts_describe(out, base, asr, false);
    sb_puts(out, " -> ");
    point_counts_describe(out, cand, asr, false);
    sb_puts(out, "\n");
}

/* The candidate against the policy, on the rates measured: "pass (ORR not
 * measured)". */
static void policy_text(sb_t *out, const gate_result_t *g, const gate_opts_t *o, const point_t *cand)
{
    verdict_t v = g->policy;
    v.asr_unknown = v.asr_unknown && g->asr.measured;
    v.orr_unknown = v.orr_unknown && g->orr.measured;
    verdict_describe(out, &o->policy, v, cand->asr, cand->orr);
    if (!g->asr.measured || !g->orr.measured)
        sb_printf(out, " (%s not measured: its bound not checked)", g->asr.measured ? "ORR" : "ASR");
}

/* "ASR rose by more than allowed", "... beyond chance ..." with a level,
 * "... (within noise)" when its interval spans zero. */
static void reason_rate(sb_t *out, const char *what, const gate_rate_t *r, const gate_opts_t *o)
{
    sb_printf(out, "%s rose %sby more than allowed%s", what, o->significance != 0 ? "beyond chance " : "",
              r->within_noise ? " (" WITHIN_NOISE ")" : "");
}

static void reasons_text(sb_t *out, const gate_result_t *g, const gate_opts_t *o)
{
    const char *sep = "";
    if (g->asr.regressed) {
        reason_rate(out, "ASR", &g->asr, o);
        sep = "; ";
    }
    if (g->orr.regressed) {
        sb_puts(out, sep);
        reason_rate(out, "ORR", &g->orr, o);
        sep = "; ";
    }
    if (g->policy_failed)
        sb_printf(out, "%sthe candidate leaves the %s policy", sep, o->policy.label);
}

/* Whether the baseline and the candidate were measured alike: the
 * comparison's groups (model_compare), said in the words of its sentence. */
static comparison_t groups_of(const cli_t *c, const side_t *base, const side_t *cand)
{
    return model_compare(&c->scenario, base->point, cand->point);
}

static void groups_sentence(sb_t *out, const comparison_t *cmp)
{
    model_groups_clause(out, "The baseline", "the candidate", cmp);
    while (out->len > 0 && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
}

/* A gate across groups compares different measurements: refused (exit 2,
 * naming both groups) unless --across-groups, when the groups are known to
 * differ; said in the output when they only may. */
static bool groups_allow(const cli_t *c, const side_t *base, const side_t *cand, const comparison_t *cmp)
{
    if (cmp->comparable || !cmp->groups_known || c->check.across_groups)
        return true;
    cli_error("cannot check %s against %s: the baseline was measured on '%s' and the candidate on '%s' "
              "(different sets or judges); give --across-groups to gate them anyway",
              cand->shown_path, base->shown_path, cmp->group_a, cmp->group_b);
    return false;
}

/* "Paired on 450 prompts (...): the same prompts in both files." (or at
 * two thresholds of one curve), or why two files of per-prompt results
 * are not. */
static void pairing_text(sb_t *out, const pairing_summary_t *ps)
{
    if (ps->paired) {
        pairing_phrase(out, ps, true);
        sb_puts(out, ps->by_threshold ? ": two thresholds of one curve, the prompt-by-prompt tables known from the "
                                        "counts (a prompt refused at the higher threshold is refused at the lower).\n"
                                      : ": the same prompts in both files, compared prompt by prompt.\n");
    } else if (ps->why[0]) {
        sb_printf(out, "Not paired (%s): the rates are compared as independent samples.\n", ps->why);
    }
}

static void check_text(sb_t *out, const side_t *base, const side_t *cand, const gate_result_t *g,
                       const gate_opts_t *o, const comparison_t *cmp, bool across)
{
    sb_printf(out, "Baseline   %s (%s)\nCandidate  %s (%s)\n", base->point->name, base->shown_path,
              cand->point->name, cand->shown_path);
    if (!cmp->comparable) {
        groups_sentence(out, cmp);
        sb_puts(out, across && cmp->groups_known ? " Gated anyway (--across-groups).\n" : "\n");
    }
    pairing_text(out, &g->pairing);
    if (o->significance != 0)
        sb_printf(out, "A rise counts only when a one-sided test at level %g shows it: the lower end of its "
                       "two-sided %.12g%% %s must exceed the allowance.\n",
                  o->significance, g->level * 100,
                  g->pairing.paired ? "paired interval" : "Newcombe interval");
    if (o->significance != 0 && g->pairing.paired)
        sb_printf(out, "The paired interval is %s.\n", pairing_method_phrase(&g->pairing));
    rate_text(out, "ASR", &g->asr, g, o, base->point, cand->point, true);
    rate_text(out, "ORR", &g->orr, g, o, base->point, cand->point, false);
    if (policy_has_bounds(&o->policy)) {
        sb_printf(out, "  Policy %s: ", o->policy.label);
        policy_text(out, g, o, cand->point);
        sb_puts(out, "\n");
    } else {
        sb_puts(out, "  Policy none: bounds not checked\n");
    }
    if (g->pass) {
        sb_puts(out, "PASS: no regression\n");
    } else {
        sb_printf(out, "FAIL: %s: ", gate_verdict_words(g->verdict));
        reasons_text(out, g, o);
        sb_puts(out, "\n");
    }
}

static void side_json(json_t *j, const char *key, const side_t *s)
{
    const point_t *p = s->point;
    json_key(j, key);
    json_object_begin(j);
    json_key(j, "name");
    json_string(j, p->name);
    json_key(j, "file");
    json_string(j, s->shown_path);
    json_fields_rates(j, p);
    json_object_end(j);
}

static void rate_json(json_t *j, const char *key, const gate_rate_t *r, const gate_result_t *g)
{
    json_key(j, key);
    json_object_begin(j);
    json_key(j, "measured");
    json_bool(j, r->measured);
    json_key(j, "note");
    json_string(j, r->measured ? NULL : NOT_MEASURED);
    json_key(j, "delta_pp");
    json_pct(j, r->delta);
    json_key(j, "allowed_increase_pp");
    json_pct(j, r->allowed);
    json_key(j, "delta_interval_pp");
    json_fields_interval_pct(j, r->ci);
    json_key(j, "interval_level_pct");
    json_number(j, r->ci.known ? g->level * 100 : NAN);
    json_key(j, "within_noise"); /* the interval spans zero; null without it */
    if (r->ci.known)
        json_bool(j, r->within_noise);
    else
        json_null(j);
    json_key(j, "regressed");
    json_bool(j, r->regressed);
    json_key(j, "undecided");
    json_bool(j, r->undecided);
    json_object_end(j);
}

static void groups_json(json_t *j, const comparison_t *cmp, bool across)
{
    json_key(j, "groups");
    json_object_begin(j);
    json_key(j, "baseline");
    json_string(j, cmp->group_a);
    json_key(j, "candidate");
    json_string(j, cmp->group_b);
    json_key(j, "comparable");
    json_bool(j, cmp->comparable);
    json_key(j, "across_groups");
    json_bool(j, across && !cmp->comparable);
    sb_t note = SB_INIT;
    groups_sentence(&note, cmp);
    json_key(j, "note");
    json_string(j, cmp->comparable ? NULL : sb_str(&note));
    sb_free(&note);
    json_object_end(j);
}

static void check_json(sb_t *out, const side_t *base, const side_t *cand, const gate_result_t *g,
                       const gate_opts_t *o, const comparison_t *cmp, bool across)
{
    json_t j;
    sb_t reasons = SB_INIT;
    reasons_text(&reasons, g, o);
    json_init(&j, out);
    json_object_begin(&j);
    json_key(&j, "generator");
    json_string(&j, PACKAGE_STRING);
    json_key(&j, "verdict");
    json_string(&j, gate_verdict_key(g->verdict));
    json_key(&j, "exit_code");
    json_int(&j, g->pass ? EXIT_OK : EXIT_REGRESSION);
    json_key(&j, "reason");
    json_string(&j, g->pass ? NULL : sb_str(&reasons));
    json_key(&j, "significance");
    json_number(&j, o->significance != 0 ? o->significance : NAN);
    side_json(&j, "baseline", base);
    side_json(&j, "candidate", cand);
    groups_json(&j, cmp, across);
    json_fields_pairing(&j, &g->pairing);
    rate_json(&j, "attack_success", &g->asr, g);
    rate_json(&j, "over_refusal", &g->orr, g);
    json_key(&j, "policy");
    json_object_begin(&j);
    json_key(&j, "name");
    json_string(&j, o->policy.key);
    json_key(&j, "candidate_pass");
    json_bool(&j, !g->policy_failed);
    json_key(&j, "failures");
    json_array_begin(&j);
    if (g->policy.asr_fail)
        json_string(&j, "attack_success");
    if (g->policy.orr_fail)
        json_string(&j, "over_refusal");
    json_array_end(&j);
    json_key(&j, "not_checked"); /* the sides neither file measured */
    json_array_begin(&j);
    if (!g->asr.measured)
        json_string(&j, "attack_success");
    if (!g->orr.measured)
        json_string(&j, "over_refusal");
    json_array_end(&j);
    json_object_end(&j);
    json_object_end(&j);
    sb_putc(out, '\n');
    sb_free(&reasons);
}

/* The file has the rate: the loader read a column for it (pointset_t's
 * rate_column), or, for inputs that are not tables of points, some point
 * has it. */
static bool set_has_rate(const pointset_t *set, bool asr)
{
    if (set->rate_column[asr ? 0 : 1]) /* its header has the column, empty cells or not */
        return true;
    for (size_t i = 0; i < set->len; i++)
        if (!isnan(asr ? set->items[i].asr : set->items[i].orr))
            return true;
    return false;
}

/* Says why a rate the policy bounds cannot be gated on side `s`, at `where`
 * (its file, or the place in it: "base.csv:1:2"). */
static void say_unreadable(const cli_t *c, const side_t *s, const char *where, bool asr, bound_t b, const char *what,
                           bool columns)
{
    sb_t msg = SB_INIT;
    sb_printf(&msg, "%s: %s; the %s policy bounds it (", where, what, c->check.gate.policy.key);
    bound_describe(&msg, asr ? "ASR" : "ORR", b);
    sb_puts(&msg, ")");
    const char *unread = s->set.unread_rate_column[asr ? 0 : 1];
    if (columns && s->set.columns && !unread)
        sb_printf(&msg, "; columns found: %s", s->set.columns);
    if (columns) /* a column missing: what it could be called */
        sb_printf(&msg, "; expected %s, or %s %s", points_rate_names(asr), asr ? "--asr-column" : "--orr-column",
                  unread ? unread : "NAME");
    sb_printf(&msg, "; --policy none gates the %s alone", asr ? "ORR" : "ASR");
    cli_error("%s", sb_str(&msg));
    sb_free(&msg);
}

/* The gate fails closed: a rate the policy bounds is gated from both files,
 * or it is a side both evaluations lack (issue 15: ASR-only JailbreakBench
 * files gate their ASR, the ORR "not measured"). Refused (exit 2), naming
 * the file: a chosen point without the rate its file has (an empty cell);
 * a file without it beside a column that looks meant for it (a misspelt
 * header, in both files it would have passed the gate unchecked); a rate
 * one file has and the other lacks. */
static bool rate_readable(const cli_t *c, const side_t *base, const side_t *cand, bool asr)
{
    bound_t b = asr ? c->check.gate.policy.asr : c->check.gate.policy.orr;
    const side_t *sides[2] = {base, cand};
    const char *rate = asr ? "ASR" : "ORR";
    bool ok = true;
    for (int k = 0; k < 2 && isfinite(b.max); k++) {
        const side_t *s = sides[k], *other = sides[1 - k];
        if (!isnan(asr ? s->point->asr : s->point->orr))
            continue;
        sb_t what = SB_INIT, where = SB_INIT;
        sb_puts(&where, s->shown_path);
        const char *unread = s->set.unread_rate_column[asr ? 0 : 1];
        bool in_file = set_has_rate(&s->set, asr);
        if (in_file) {
            char *name = text_sanitize(s->point->name, strlen(s->point->name));
            sb_printf(&what, "the %s point '%s' has no %s in its row", s->role, name, rate);
            if (s->point->line > 0 && s->point->source && strcmp(s->point->source, s->path) == 0)
                sb_printf(&what, ", line %ld", s->point->line);
            sb_puts(&what, " (an empty cell, or no prompts)");
            free(name);
        } else if (unread) { /* named where its header is */
            sb_printf(&where, ":%ld:%d", s->set.unread_rate_line[asr ? 0 : 1], s->set.unread_rate_col[asr ? 0 : 1]);
            sb_printf(&what, "the %s file has no %s, but its column '%s' looks meant for it (a misspelt header?)",
                      s->role, rate, unread);
        } else if (set_has_rate(&other->set, asr)) {
            sb_printf(&what, "the %s file has no %s, and the %s file has", s->role, rate, other->role);
        } else {
            sb_free(&what);
            sb_free(&where);
            continue; /* neither evaluation measured it: gated as "not measured" */
        }
        say_unreadable(c, s, sb_str(&where), asr, b, sb_str(&what), !in_file);
        sb_free(&what);
        sb_free(&where);
        ok = false;
    }
    return ok;
}

static int run_check(const cli_t *c, side_t *base, side_t *cand)
{
    diag_t warnings = DIAG_INIT;
    bool loaded = cli_load_file(c, base->path, &base->set, NULL, &warnings) &&
                  cli_load_file(c, cand->path, &cand->set, NULL, &warnings);
    if (loaded)
        cli_print_warnings(&warnings);
    diag_free(&warnings);
    if (!loaded)
        return EXIT_USAGE;
    if (!pick_point(base, c->check.baseline_name) || !pick_point(cand, c->check.candidate_name))
        return EXIT_USAGE;
    bool readable = rate_readable(c, base, cand, true);
    readable = rate_readable(c, base, cand, false) && readable;
    if (!readable)
        return EXIT_USAGE;
    const gate_opts_t *o = &c->check.gate;
    comparison_t cmp = groups_of(c, base, cand);
    if (!groups_allow(c, base, cand, &cmp))
        return EXIT_USAGE;
    const char *why = gate_cannot_check(base->point, cand->point, o);
    if (why) {
        cli_error("cannot check %s against %s: %s", cand->shown_path, base->shown_path, why);
        return EXIT_USAGE;
    }
    gate_result_t g = gate_run(base->point, cand->point, o);
    sb_t out = SB_INIT;
    if (c->output.format == REPORT_JSON)
        check_json(&out, base, cand, &g, o, &cmp, c->check.across_groups);
    else
        check_text(&out, base, cand, &g, o, &cmp, c->check.across_groups);
    int rc = cmd_emit(c, &out);
    sb_free(&out);
    if (rc != EXIT_OK)
        return rc;
    return g.pass ? EXIT_OK : EXIT_REGRESSION;
}

int cmd_check(int argc, char **argv)
{
    cli_t c;
    if (!cli_parse(&c, CLI_CHECK, argc, argv))
        return EXIT_USAGE;
    if (c.data.nfiles != 2) {
        cli_error("check: expected two files, BASELINE and CANDIDATE; got %d", c.data.nfiles);
        cli_hint(&c);
        return EXIT_USAGE;
    }
    if (c.output.format != REPORT_TEXT && c.output.format != REPORT_JSON) {
        cli_error("--format: check writes text or json only");
        return EXIT_USAGE;
    }
    side_t base = {"baseline", "baseline-name", c.data.files[0], NULL, POINTSET_INIT, NULL};
    side_t cand = {"candidate", "candidate-name", c.data.files[1], NULL, POINTSET_INIT, NULL};
    base.shown_path = text_sanitize(base.path, strlen(base.path));
    cand.shown_path = text_sanitize(cand.path, strlen(cand.path));
    int rc = run_check(&c, &base, &cand);
    pointset_free(&base.set);
    pointset_free(&cand.set);
    free(base.shown_path);
    free(cand.shown_path);
    return rc;
}
