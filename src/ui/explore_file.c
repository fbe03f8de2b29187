/* explore_file: what the explorer writes and reads back: the scenario it
 * saves (s) and reopens (--scenario), and the Markdown report it exports
 * (e). See explore.h. */
#include "config.h"

#include "base/digest.h"
#include "base/num.h"
#include "base/outfile.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/model.h"
#include "load/inputopts.h"
#include "render/analysis_report.h"
#include "render/report.h"
#include "ui/explore.h"
#include "ui/scenario_file.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* ------------------------------------------------------------------------
 * Saving the scenario, exporting the report. */

/* A point or a mix (of `set`) as the scenario file saves it: by name; a
 * threshold of a curve (`curve`) as "NAME @ T", the exact threshold. */
static void save_op(const pointset_t *set, const frontier_op_t *op, bool curve, scenario_point_t *to)
{
    if (!op->valid)
        return;
    const point_t *a = &set->items[op->a];
    if (curve) {
        char t[40];
        sb_t name = SB_INIT;
        sb_printf(&name, "%s @ %s", a->name, num_format_json(a->knob, t, sizeof t));
        to->name = sb_detach(&name);
        return;
    }
    to->name = xstrdup(a->name);
    if (op->is_mix) {
        to->mix = xstrdup(set->items[op->b].name);
        to->share = op->lambda;
    }
}

/* A reading option as the explorer was given it (inputopts_fn): checked
 * then, it is taken as it is. */
static void save_option(const char *name, const char *value, void *sf)
{
    scenario_file_set_option(sf, name, value, 0);
}

static void fill_scenario_file(const explore_t *ex, scenario_file_t *sf)
{
    scenario_file_init(sf);
    sf->scenario = ex->scenario;
    sf->nfiles = ex->nfiles;
    sf->files = xcalloc((size_t)(ex->nfiles ? ex->nfiles : 1), sizeof *sf->files);
    sf->sha256 = xcalloc((size_t)(ex->nfiles ? ex->nfiles : 1), sizeof *sf->sha256);
    for (int i = 0; i < ex->nfiles; i++) {
        char *abs = realpath(ex->files[i], NULL);
        sf->files[i] = abs ? abs : xstrdup(ex->files[i]);
        char hex[DIGEST_HEX_LEN];
        if (digest_file(ex->files[i], hex) == 0)
            sf->sha256[i] = xstrdup(hex);
    }
    if (ex->input)
        inputopts_each(ex->input, save_option, sf);
    sf->has_interval = true;
    sf->interval = ex->analysis.interval;
    frontier_op_t op = explore_current(ex);
    long c = op.valid && !op.is_mix ? curves_of_point(&ex->curves, op.a) : -1;
    save_op(&ex->set, &op, c >= 0, &sf->point);
    if (ex->has_baseline) {
        /* the pinned copy: a curve's threshold when it was pinned */
        c = ex->baseline_point >= 0 ? curves_of_point(&ex->curves, (size_t)ex->baseline_point) : -1;
        save_op(&ex->pinned, &ex->baseline, c >= 0, &sf->baseline);
    }
    sf->sort = xstrdup(explore_sort_key(ex->sort));
    sf->scales = xstrdup(explore_scale_key(ex->scale));
    sf->focus = xstrdup(scenario_focus_names[ex->focus]);
}

static bool write_file(explore_t *ex, const char *path, const sb_t *text, const char *what)
{
    diag_t d = DIAG_INIT;
    int rc = outfile_write(path, sb_str(text), text->len, ex->files, ex->nfiles, &d);
    /* The full path written: where to look for it is never a guess. */
    char *abs = rc == 0 ? realpath(path, NULL) : NULL;
    char *shown = abs ? text_sanitize(abs, strlen(abs)) : text_sanitize(path, strlen(path));
    if (rc != 0)
        explore_say(ex, true, "%s", d.error ? d.error : "cannot write the file");
    else
        explore_say(ex, false, "%s saved to %s", what, shown);
    free(shown);
    free(abs);
    diag_free(&d);
    return rc == 0;
}

bool explore_save(explore_t *ex, const char *path)
{
    scenario_file_t sf;
    fill_scenario_file(ex, &sf);
    sb_t text = SB_INIT;
    diag_t d = DIAG_INIT;
    bool ok = scenario_file_save_text(path, &sf, &text, &d) == 0;
    if (ok)
        ok = write_file(ex, path, &text, "scenario");
    else
        explore_say(ex, true, "%s", d.error);
    diag_free(&d);
    sb_free(&text);
    scenario_file_free(&sf);
    return ok;
}

char *explore_export_name(void)
{
    if (access(EXPLORE_EXPORT_NAME, F_OK) != 0)
        return xstrdup(EXPLORE_EXPORT_NAME);
    sb_t name = SB_INIT;
    for (unsigned k = 2;; k++) {
        sb_reset(&name);
        sb_printf(&name, "tradeoff-report-%u.md", k);
        if (access(sb_str(&name), F_OK) != 0)
            return sb_detach(&name);
    }
}

void explore_export_asking(explore_t *ex, const char *path)
{
    if (access(path, F_OK) != 0) {
        explore_export(ex, path);
        return;
    }
    char *shown = text_sanitize(path, strlen(path));
    char prompt[sizeof ex->prompt];
    snprintf(prompt, sizeof prompt, "%s exists: replace it? (y replaces, any other key keeps it) ", shown);
    free(shown);
    free(ex->replace_path);
    ex->replace_path = xstrdup(path);
    ex->mode = EX_MODE_INPUT;
    ex->input_kind = EX_INPUT_REPLACE;
    snprintf(ex->prompt, sizeof ex->prompt, "%s", prompt);
    lineedit_set(&ex->line, "");
    ex->message[0] = '\0';
}

bool explore_export(explore_t *ex, const char *path)
{
    sb_t text = SB_INIT;
    explore_markdown(ex, &text);
    bool ok = write_file(ex, path, &text, "Markdown report");
    sb_free(&text);
    return ok;
}

/* ------------------------------------------------------------------------
 * Reopening a saved scenario. */

/* Puts the operating point, or the baseline, on a saved series position
 * (a scenario of version 1): the series of that name in `group` (NULL: in
 * any group). */
static bool place_from_file(explore_t *ex, const char *series, const char *group, double pos, bool baseline,
                            sb_t *why)
{
    for (size_t s = 0; s < ex->nseries; s++) {
        if (strcmp(ex->series[s].name, series) != 0 ||
            (group && strcmp(ex->groups.items[ex->series[s].group].name, group) != 0))
            continue;
        explore_place_t keep = ex->place;
        explore_set_place(ex, explore_place_v1(ex, s, pos));
        if (baseline) {
            explore_pin_current(ex);
            explore_set_place(ex, keep);
        }
        return true;
    }
    char *shown = text_sanitize(series, strlen(series));
    sb_printf(why, "no series named '%s' in the loaded files", shown);
    free(shown);
    if (group) {
        shown = text_sanitize(group, strlen(group));
        sb_printf(why, " in group '%s'", shown);
        free(shown);
    }
    return false;
}

/* A note of reopening: kept with the warnings (w) and said on the status
 * line, the last one shown. */
static void note(explore_t *ex, sb_t *notes, const char *text)
{
    diag_warn(&ex->warnings, "%s", text);
    sb_printf(notes, "%s%s", notes->len ? "; " : "", text);
}

/* The saved point or mix by its names, exactly: a name not in the data is
 * said and nothing is placed (never another point in its stead). */
static bool op_by_name(explore_t *ex, const scenario_point_t *sp, const char *what, frontier_op_t *op, sb_t *notes)
{
    long a = pointset_index(&ex->set, sp->name);
    long b = sp->mix ? pointset_index(&ex->set, sp->mix) : a;
    const char *missing = a < 0 ? sp->name : b < 0 ? sp->mix : NULL;
    sb_t t = SB_INIT;
    if (missing) {
        char *shown = text_sanitize(missing, strlen(missing));
        sb_printf(&t, "the saved %s '%s' is not in the data now: %s", what, shown,
                  strcmp(what, "baseline") == 0 ? "no baseline pinned" : "the operating point stays at the start");
        free(shown);
    } else if (!point_has_rates(&ex->set.items[a]) || !point_has_rates(&ex->set.items[b])) {
        sb_printf(&t, "the saved %s '%s' has no measured ASR and ORR now: not placed", what,
                  ex->set.items[a].name);
    } else {
        *op = sp->mix ? frontier_op_mix(&ex->set, (size_t)a, (size_t)b, isnan(sp->share) ? 1 : sp->share)
                      : frontier_op_point(&ex->set, (size_t)a);
    }
    bool placed = t.len == 0;
    if (!placed)
        note(ex, notes, sb_str(&t));
    sb_free(&t);
    return placed;
}

/* A saved threshold of a curve, "NAME @ T" with NAME a curve of the data:
 * put on the curve's threshold at or above T (the operating point, or
 * the baseline), or said in the notes. False when the name is no such. */
static bool curve_by_name(explore_t *ex, const scenario_point_t *sp, bool baseline, sb_t *notes)
{
    const char *at = NULL;
    for (const char *p = strstr(sp->name, " @ "); p; p = strstr(p + 1, " @ "))
        at = p;
    if (sp->mix || !at || pointset_index(&ex->set, sp->name) >= 0)
        return false;
    char *base = xstrndup(sp->name, (size_t)(at - sp->name));
    long b = pointset_index(&ex->set, base);
    free(base);
    if (b < 0 || curves_of_point(&ex->curves, (size_t)b) < 0)
        return false;
    sb_t why = SB_INIT, t = SB_INIT;
    if (!(baseline ? explore_pin(ex, sp->name, &why) : explore_select(ex, sp->name, &why))) {
        sb_printf(&t, "the saved %s '%s': %s", baseline ? "baseline" : "operating point", sp->name, sb_str(&why));
        note(ex, notes, sb_str(&t));
    }
    sb_free(&why);
    sb_free(&t);
    return true;
}

/* One note when a data file is not what it was when the scenario was
 * saved (its SHA-256 differs): the points are then found by name. */
static void check_data(explore_t *ex, const scenario_file_t *sf, sb_t *notes)
{
    for (int i = 0; sf->sha256 && i < sf->nfiles && i < ex->nfiles; i++) {
        char hex[DIGEST_HEX_LEN];
        if (!sf->sha256[i] || strcmp(ex->files[i], sf->files[i]) != 0 || digest_file(ex->files[i], hex) != 0 ||
            strcasecmp(hex, sf->sha256[i]) == 0)
            continue;
        char *shown = text_sanitize(ex->files[i], strlen(ex->files[i]));
        sb_t t = SB_INIT;
        sb_printf(&t, "%s changed since the scenario was saved (its SHA-256 differs): the saved points are found "
                      "by name",
                  shown);
        note(ex, notes, sb_str(&t));
        sb_free(&t);
        free(shown);
        return;
    }
}

/* Version 1 saved places along series: read as they were, with a note. */
static bool apply_positions(explore_t *ex, const scenario_file_t *sf, sb_t *why, sb_t *notes)
{
    if (sf->series && !isnan(sf->position) && !place_from_file(ex, sf->series, sf->group, sf->position, false, why))
        return false;
    if (sf->baseline_series && !isnan(sf->baseline_position) &&
        !place_from_file(ex, sf->baseline_series, sf->baseline_group, sf->baseline_position, true, why))
        return false;
    if (sf->series || sf->baseline_series)
        note(ex, notes, "an older scenario: its points were saved as positions along their series, which stand "
                        "for other points when the data changes; s saves them by name");
    return true;
}

bool explore_apply_scenario_file(explore_t *ex, const scenario_file_t *sf, sb_t *why)
{
    sb_t notes = SB_INIT;
    check_data(ex, sf, &notes);
    frontier_op_t op;
    if (sf->point.name && !curve_by_name(ex, &sf->point, false, &notes) &&
        op_by_name(ex, &sf->point, "operating point", &op, &notes))
        explore_place_op(ex, &op);
    if (sf->baseline.name && !curve_by_name(ex, &sf->baseline, true, &notes) &&
        op_by_name(ex, &sf->baseline, "baseline", &op, &notes))
        explore_pin_op(ex, op);
    if (!sf->point.name && !sf->baseline.name && !apply_positions(ex, sf, why, &notes)) {
        sb_free(&notes);
        return false;
    }
    explore_sort_t sort;
    if (sf->sort && explore_sort_parse(sf->sort, &sort))
        while (ex->sort != sort)
            explore_do(ex, EXA_SORT);
    if (sf->scales)
        explore_scale_parse(sf->scales, &ex->scale);
    for (int i = 0; sf->focus && i < EX_NCONTROLS; i++)
        if (strcmp(sf->focus, scenario_focus_names[i]) == 0)
            ex->focus = (explore_control_t)i;
    ex->message[0] = '\0';
    if (notes.len)
        explore_say(ex, true, "%s", sb_str(&notes));
    sb_free(&notes);
    return true;
}

/* ------------------------------------------------------------------------
 * The Markdown report. Every name, the title and the sentences built from
 * them go through text_markdown, as in report --format markdown: shown,
 * never rendered or run. */

/* The points as `tradeoff report` loads the same files: a curve kept
 * whole by the explorer becomes the INPUT_CURVE_POINTS points a report
 * shows of it, so the export and the report cannot disagree. */
static void report_points(const explore_t *ex, pointset_t *out)
{
    if (ex->set.knob_name)
        out->knob_name = xstrdup(ex->set.knob_name);
    out->rows_filtered = ex->set.rows_filtered;
    if (ex->set.filtered_by)
        out->filtered_by = xstrdup(ex->set.filtered_by);
    for (size_t i = 0; i < ex->set.len; i++) {
        const point_t *p = &ex->set.items[i];
        long k = curves_of_point(&ex->curves, i);
        if (k < 0) {
            pointset_add(out, point_copy(p));
            continue;
        }
        const curve_t *c = &ex->curves.items[k].curve;
        size_t *keep = xmalloc((c->len + 1) * sizeof *keep);
        size_t n = curve_thin(c, INPUT_CURVE_POINTS, false, keep), first = out->len;
        curve_add_points(c, keep, n, out, p->series ? p->series : p->name, p->source ? p->source : "?");
        for (size_t j = first; j < out->len; j++)
            point_set_group(&out->items[j], point_group(p), p->group_basis);
        free(keep);
    }
}

void explore_markdown(const explore_t *ex, sb_t *out)
{
    const scenario_t *s = &ex->scenario;
    frontier_op_t op = explore_current(ex);
    char name[200], a[64], b[64], c[64];
    explore_op_name(ex, &op, name, sizeof name);
    sb_puts(out, "# Explorer: trade-off at ");
    text_markdown(out, name);
    char what[120];
    explore_data_summary(ex, what, sizeof what);
    sb_puts(out, "\n\nData: ");
    text_markdown(out, ex->title);
    sb_printf(out, " (%s). Policy: ", what);
    text_markdown(out, s->policy.label);
    sb_puts(out, ".\n\n");

    sb_puts(out, "| Setting | Value |\n|---|---|\n");
    sb_printf(out, "| Daily queries | %s |\n", num_format_int(s->volume, a, sizeof a));
    sb_printf(out, "| Adversarial share | %s |\n", num_format_pct_exact(s->adv_share, a, sizeof a));
    sb_printf(out, "| Cost per unnecessary refusal | %s |\n",
              s->cost_refusal > 0 ? num_format_money(s->cost_refusal, a, sizeof a) : "unset");
    sb_printf(out, "| Cost per harmful output | %s |\n",
              s->cost_harm > 0 ? num_format_money(s->cost_harm, a, sizeof a) : "unset");
    sb_t bd = SB_INIT;
    bound_describe(&bd, "ASR", s->policy.asr);
    sb_puts(&bd, "; ");
    bound_describe(&bd, "ORR", s->policy.orr);
    sb_puts(out, "| Policy bounds | ");
    text_markdown(out, sb_str(&bd));
    sb_puts(out, " |\n\n");
    sb_free(&bd);

    if (op.valid) {
        projection_t p = model_project_rates(s, op.asr, op.orr);
        sb_puts(out, "## Projection\n\n");
        if (op.is_mix) {
            sb_t d = SB_INIT;
            frontier_op_describe(&d, &ex->set, &op);
            sb_puts(out, "A mix, not a measurement: ");
            text_markdown(out, sb_str(&d));
            sb_puts(out, ".\n\n");
            sb_free(&d);
        }
        /* beside the policy's bounds and its verdict below: the digits that
         * put each rate on its side, as the report shows them */
        sb_printf(out, "ASR %s, ORR %s.\n\n", num_format_pct_beside(op.asr, s->policy.asr.max, a, sizeof a),
                  num_format_pct_beside(op.orr, s->policy.orr.max, b, sizeof b));
        sb_puts(out, "| | per day | per year |\n|---|---:|---:|\n");
        sb_printf(out, "| Unnecessary refusals | %s | %s |\n", num_format_count(p.refusals, a, sizeof a),
                  num_format_count(p.refusals * MODEL_DAYS_PER_YEAR, b, sizeof b));
        sb_printf(out, "| Harmful outputs | %s | %s |\n", num_format_count(p.harmful, a, sizeof a),
                  num_format_count(p.harmful * MODEL_DAYS_PER_YEAR, b, sizeof b));
        if (model_costs_set(s))
            sb_printf(out, "| Cost | %s | %s |\n", num_format_money(p.cost, a, sizeof a),
                      num_format_money(p.cost * MODEL_DAYS_PER_YEAR, b, sizeof b));
        sb_t v = SB_INIT;
        verdict_describe(&v, &s->policy, policy_check(&s->policy, op.asr, op.orr), op.asr, op.orr);
        sb_printf(out, "\nPolicy (%s): ", s->policy.key);
        text_markdown(out, sb_str(&v));
        sb_puts(out, ".\n\n");
        sb_free(&v);
        if (ex->has_baseline) {
            comparison_t cmp = explore_compare(ex, &op);
            sb_puts(out, "## Against the baseline\n\n| | ");
            text_markdown(out, ex->baseline_name);
            sb_puts(out, " | ");
            text_markdown(out, name);
            sb_puts(out, " | change |\n|---|---:|---:|---:|\n");
            /* the change signed as the panel signs it (num_format_change) */
            sb_printf(out, "| Unnecessary refusals/day | %s | %s | %s |\n", num_format_count(cmp.a.refusals, a, sizeof a),
                      num_format_count(cmp.b.refusals, b, sizeof b),
                      num_format_change(cmp.d_refusals, num_format_count, c, sizeof c));
            sb_printf(out, "| Harmful outputs/day | %s | %s | %s |\n", num_format_count(cmp.a.harmful, a, sizeof a),
                      num_format_count(cmp.b.harmful, b, sizeof b),
                      num_format_change(cmp.d_harmful, num_format_count, c, sizeof c));
            if (isfinite(cmp.break_even)) {
                sb_t be = SB_INIT;
                analysis_report_break_even(&be, &cmp);
                sb_printf(out, "\nBreak-even: %s.\n", sb_str(&be));
                sb_free(&be);
            }
            sb_t sen = SB_INIT;
            model_sentence(&sen, s, ex->baseline_name, name, &cmp);
            sb_puts(out, "\n> ");
            text_markdown(out, sb_str(&sen));
            sb_puts(out, "\n\n");
            sb_free(&sen);
        }
    }

    /* The full analysis (chart, table, verdicts, assumptions with file
     * checksums) comes from the reports' Markdown renderer, so the export and
     * `tradeoff report --format markdown` cannot disagree. */
    point_t ca = {0}, cb = {0};
    bool compare = ex->has_baseline && !ex->baseline.is_mix && op.valid && !op.is_mix &&
                   strcmp(ex->baseline_name, name) != 0;
    if (compare) {
        /* named as on screen: a curve's point by its threshold too */
        ca = point_copy(&ex->pinned.items[ex->baseline.a]);
        cb = point_copy(&ex->set.items[op.a]);
        free(ca.name);
        free(cb.name);
        ca.name = xstrdup(ex->baseline_name);
        cb.name = xstrdup(name);
    }
    pointset_t points = POINTSET_INIT;
    report_points(ex, &points);
    report_t r = {.scenario = s, .points = &points, .title = ex->title, .compare_a = compare ? &ca : NULL,
                  .compare_b = compare ? &cb : NULL, .analysis = &ex->analysis,
                  .group = ex->groups.len ? ex->groups.items[ex->group].name : NULL}; /* the chart on screen's */
    sb_puts(out, "---\n\n");
    report_markdown(out, &r);
    pointset_free(&points);
    if (compare) {
        point_free(&ca);
        point_free(&cb);
    }
}
