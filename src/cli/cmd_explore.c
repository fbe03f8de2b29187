/* cmd_explore: `tradeoff [FILE...]` and `tradeoff explore`: the explorer.
 *
 * Everything that can fail (flags, files, the scenario file, --select...)
 * is checked and reported exactly as in batch mode before the screen is
 * taken over. With TRADEOFF_KEYS set, a key script runs without a terminal
 * and the screens go to TRADEOFF_DUMP (or standard output): the hook the
 * tests use, in the manner of tig. Without a terminal and without a script
 * the explorer says so and exits 2, pointing at `tradeoff report`. */
#include "config.h"

#include "cli/cmd.h"
#include "base/exitcode.h"
#include "ui/explore.h"
#include "base/outfile.h"
#include "ui/scenario_file.h"
#include "base/text.h"
#include "term/tui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Puts the operating point or the baseline on a saved series position. */
static bool place_from_file(explore_t *ex, const char *series, double pos, bool baseline, const char *path)
{
    for (size_t s = 0; s < ex->nseries; s++) {
        if (strcmp(ex->series[s].name, series) != 0)
            continue;
        explore_place_t keep = ex->place;
        explore_set_place(ex, (explore_place_t){s, pos});
        if (baseline) {
            explore_pin_current(ex);
            explore_set_place(ex, keep);
        }
        return true;
    }
    char *shown = text_sanitize(series, strlen(series));
    cli_error("%s: no series named '%s' in the loaded files", path, shown);
    free(shown);
    return false;
}

static bool apply_scenario_file(explore_t *ex, const scenario_file_t *sf, const char *path)
{
    if (sf->series && !isnan(sf->position) && !place_from_file(ex, sf->series, sf->position, false, path))
        return false;
    if (sf->baseline_series && !isnan(sf->baseline_position) &&
        !place_from_file(ex, sf->baseline_series, sf->baseline_position, true, path))
        return false;
    static const char *const sorts[] = {"input", "name", "asr", "orr", "frontier"};
    static const char *const scales[] = {"auto", "log", "linear"};
    for (int i = 0; sf->sort && i < EX_NSORTS; i++)
        if (strcmp(sf->sort, sorts[i]) == 0)
            while (ex->sort != (explore_sort_t)i)
                explore_do(ex, EXA_SORT);
    for (int i = 0; sf->scales && i < 3; i++)
        if (strcmp(sf->scales, scales[i]) == 0)
            ex->scale = (explore_scale_t)i;
    for (int i = 0; sf->focus && i < EX_NCONTROLS; i++)
        if (strcmp(sf->focus, scenario_focus_names[i]) == 0)
            ex->focus = (explore_control_t)i;
    ex->message[0] = '\0';
    return true;
}

static bool apply_flags(explore_t *ex, const cli_t *c)
{
    sb_t why = SB_INIT;
    bool ok = true;
    if (ok && c->explore.select && !explore_select(ex, c->explore.select, &why)) {
        cli_error("--select: %s", sb_str(&why));
        ok = false;
    }
    if (ok && c->explore.threshold && !explore_set_threshold(ex, c->explore.threshold, &why)) {
        cli_error("--threshold: %s", sb_str(&why));
        ok = false;
    }
    if (ok && c->explore.baseline && !explore_pin(ex, c->explore.baseline, &why)) {
        cli_error("--baseline: %s", sb_str(&why));
        ok = false;
    }
    sb_free(&why);
    return ok;
}

/* The explorer draws both axes on one scale: --x-scale or --y-scale sets
 * it, and the two may not disagree. */
static bool scale_of_flags(const cli_t *c, explore_scale_t *scale)
{
    chart_scale_t x = c->chart.xscale, y = c->chart.yscale;
    if (x != CHART_SCALE_AUTO && y != CHART_SCALE_AUTO && x != y) {
        cli_error("--x-scale and --y-scale: the explorer draws both axes on one scale; give one of them");
        return false;
    }
    chart_scale_t both = x != CHART_SCALE_AUTO ? x : y;
    *scale = both == CHART_SCALE_LOG ? EX_SCALE_LOG : both == CHART_SCALE_LINEAR ? EX_SCALE_LINEAR : EX_SCALE_AUTO;
    return true;
}

/* TRADEOFF_KEYS: run the script, write the screens. */
static int run_script(explore_t *ex, const char *script)
{
    int w = 100, h = 30;
    const char *size = getenv("TRADEOFF_SIZE");
    if (size && (sscanf(size, "%dx%d", &w, &h) != 2 || w < 1 || h < 1 || w > 1000 || h > 1000)) {
        cli_error("TRADEOFF_SIZE '%s': expected WIDTHxHEIGHT such as 100x30", size);
        return EXIT_USAGE;
    }
    sb_t dumps = SB_INIT, err = SB_INIT;
    int rc = EXIT_OK;
    if (!explore_script_run(ex, script, w, h, &dumps, &err)) {
        cli_error("%s", sb_str(&err));
        rc = EXIT_USAGE;
    }
    const char *to = getenv("TRADEOFF_DUMP");
    if (to && *to) {
        diag_t d = DIAG_INIT;
        if (outfile_write(to, sb_str(&dumps), dumps.len, ex->files, ex->nfiles, &d) != 0) {
            cli_error("TRADEOFF_DUMP: %s", d.error);
            rc = EXIT_INTERNAL;
        }
        diag_free(&d);
    } else {
        fwrite(sb_str(&dumps), 1, dumps.len, stdout);
    }
    sb_free(&dumps);
    sb_free(&err);
    return rc;
}

int cmd_explore(int argc, char **argv)
{
    cli_t c;
    explore_scale_t scale;
    if (!cli_parse(&c, CLI_EXPLORE, argc, argv) || !scale_of_flags(&c, &scale))
        return EXIT_USAGE;
    if (c.explore.keys_format) {
        explore_keys_format_t fmt;
        explore_keys_parse_format(c.explore.keys_format, &fmt);
        sb_t out = SB_INIT;
        explore_keys_render(&out, fmt);
        int rc = cmd_emit(&c, &out);
        sb_free(&out);
        return rc;
    }

    scenario_file_t sf;
    scenario_file_init(&sf);
    if (c.explore.scenario_file) {
        diag_t d = DIAG_INIT;
        if (scenario_file_read(c.explore.scenario_file, &sf, &d) != 0) {
            cli_error("%s", d.error);
            diag_free(&d);
            scenario_file_free(&sf);
            return EXIT_USAGE;
        }
        diag_free(&d);
        /* The saved scenario replaces the defaults, and a scenario flag
         * given with a value other than its default replaces the saved
         * value; FILE operands, when given, replace the saved files. */
        scenario_t def = model_default_scenario(), flags = c.scenario;
        c.scenario = sf.scenario;
        if (flags.volume != def.volume)
            c.scenario.volume = flags.volume;
        if (flags.adv_share != def.adv_share)
            c.scenario.adv_share = flags.adv_share;
        if (flags.cost_refusal != def.cost_refusal)
            c.scenario.cost_refusal = flags.cost_refusal;
        if (flags.cost_harm != def.cost_harm)
            c.scenario.cost_harm = flags.cost_harm;
        if (strcmp(flags.policy.key, def.policy.key) != 0)
            c.scenario.policy = flags.policy;
        if (c.data.nfiles == 0) {
            c.data.files = sf.files;
            c.data.nfiles = sf.nfiles;
        }
    }

    pointset_t set = POINTSET_INIT;
    char *title = NULL;
    if (!cli_load(&c, &set, &title)) {
        pointset_free(&set);
        scenario_file_free(&sf);
        return EXIT_USAGE;
    }
    explore_t ex;
    explore_init(&ex, &set, title, c.data.files, c.data.nfiles, &c.scenario);
    ex.ascii = c.display.ascii;
    ex.no_mouse = c.explore.no_mouse;
    if (scale != EX_SCALE_AUTO)
        ex.scale = scale;

    int rc = EXIT_OK;
    if ((c.explore.scenario_file && !apply_scenario_file(&ex, &sf, c.explore.scenario_file)) || !apply_flags(&ex, &c)) {
        rc = EXIT_USAGE;
    } else if (getenv("TRADEOFF_KEYS")) {
        rc = run_script(&ex, getenv("TRADEOFF_KEYS"));
    } else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_error("the explorer needs a terminal (standard input and output are not both terminals); "
                  "for text or JSON use 'tradeoff report'");
        rc = EXIT_USAGE;
    } else {
        tui_opts_t o = {.no_color = !c.display.color, .no_mouse = c.explore.no_mouse, .ascii = ex.ascii};
        rc = tui_run(&ex, &o);
    }
    explore_free(&ex);
    scenario_file_free(&sf);
    return rc;
}
