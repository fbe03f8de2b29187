/* explore_file: what the explorer writes and reads back: the scenario it
 * saves (s) and reopens (--scenario), and the Markdown report it exports
 * (e). See explore.h. */
#include "config.h"

#include "base/num.h"
#include "base/outfile.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/model.h"
#include "load/input.h"
#include "render/analysis_report.h"
#include "render/report.h"
#include "ui/explore.h"
#include "ui/scenario_file.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Saving the scenario, exporting the report. */

static void fill_scenario_file(const explore_t *ex, scenario_file_t *sf)
{
    scenario_file_init(sf);
    sf->scenario = ex->scenario;
    sf->nfiles = ex->nfiles;
    sf->files = xcalloc((size_t)(ex->nfiles ? ex->nfiles : 1), sizeof *sf->files);
    for (int i = 0; i < ex->nfiles; i++) {
        char *abs = realpath(ex->files[i], NULL);
        sf->files[i] = abs ? abs : xstrdup(ex->files[i]);
    }
    if (ex->group_columns)
        sf->group_columns = xstrdup(ex->group_columns);
    if (ex->place.series < ex->nseries) {
        sf->series = xstrdup(ex->series[ex->place.series].name);
        sf->position = ex->place.pos;
        sf->group = xstrdup(ex->groups.items[ex->series[ex->place.series].group].name);
    }
    if (ex->has_baseline && ex->baseline_placed && !ex->baseline_place.at_op &&
        ex->baseline_place.series < ex->nseries) {
        /* The baseline is saved as the place where it was pinned. */
        const explore_series_t *se = &ex->series[ex->baseline_place.series];
        sf->baseline_series = xstrdup(se->name);
        sf->baseline_position = ex->baseline_place.pos;
        sf->baseline_group = xstrdup(ex->groups.items[se->group].name);
    }
    sf->sort = xstrdup(explore_sort_key(ex->sort));
    sf->scales = xstrdup(explore_scale_key(ex->scale));
    sf->focus = xstrdup(scenario_focus_names[ex->focus]);
}

static bool write_file(explore_t *ex, const char *path, const sb_t *text, const char *what)
{
    diag_t d = DIAG_INIT;
    int rc = outfile_write(path, sb_str(text), text->len, ex->files, ex->nfiles, &d);
    char *shown = text_sanitize(path, strlen(path));
    if (rc != 0)
        explore_say(ex, true, "%s", d.error ? d.error : "cannot write the file");
    else
        explore_say(ex, false, "%s saved to %s", what, shown);
    free(shown);
    diag_free(&d);
    return rc == 0;
}

bool explore_save(explore_t *ex, const char *path)
{
    scenario_file_t sf;
    fill_scenario_file(ex, &sf);
    sb_t text = SB_INIT;
    scenario_file_format(&text, &sf);
    bool ok = write_file(ex, path, &text, "scenario");
    sb_free(&text);
    scenario_file_free(&sf);
    return ok;
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

/* Puts the operating point, or the baseline, on a saved series position:
 * the series of that name in `group` (NULL: in any group). */
static bool place_from_file(explore_t *ex, const char *series, const char *group, double pos, bool baseline,
                            sb_t *why)
{
    for (size_t s = 0; s < ex->nseries; s++) {
        if (strcmp(ex->series[s].name, series) != 0 ||
            (group && strcmp(ex->groups.items[ex->series[s].group].name, group) != 0))
            continue;
        explore_place_t keep = ex->place;
        explore_set_place(ex, (explore_place_t){s, pos, false, {0}});
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

bool explore_apply_scenario_file(explore_t *ex, const scenario_file_t *sf, sb_t *why)
{
    if (sf->series && !isnan(sf->position) && !place_from_file(ex, sf->series, sf->group, sf->position, false, why))
        return false;
    if (sf->baseline_series && !isnan(sf->baseline_position) &&
        !place_from_file(ex, sf->baseline_series, sf->baseline_group, sf->baseline_position, true, why))
        return false;
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
        sb_printf(out, "ASR %s, ORR %s.\n\n", num_format_pct(op.asr, a, sizeof a), num_format_pct(op.orr, b, sizeof b));
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
            sb_printf(out, "| Unnecessary refusals/day | %s | %s | %s |\n", num_format_count(cmp.a.refusals, a, sizeof a),
                      num_format_count(cmp.b.refusals, b, sizeof b), num_format_count(cmp.d_refusals, c, sizeof c));
            sb_printf(out, "| Harmful outputs/day | %s | %s | %s |\n", num_format_count(cmp.a.harmful, a, sizeof a),
                      num_format_count(cmp.b.harmful, b, sizeof b), num_format_count(cmp.d_harmful, c, sizeof c));
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
