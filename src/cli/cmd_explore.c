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
#include "base/text.h"
#include "load/inputopts.h"
#include "ui/explore.h"
#include "ui/scenario_file.h"
#include "term/headless.h"
#include "term/tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool apply_flags(explore_t *ex, const cli_t *c)
{
    sb_t why = SB_INIT;
    bool ok = true;
    if (ok && c->chart.group && !explore_set_group(ex, c->chart.group, &why)) {
        cli_error("--group: %s", sb_str(&why));
        ok = false;
    }
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
    /* Without --select or --threshold the explorer opens on the baseline,
     * and says so. */
    if (ok && c->explore.baseline && !c->explore.select && !c->explore.threshold &&
        explore_select(ex, c->explore.baseline, &why))
        explore_say(ex, false, "starting at the baseline, %s: move to compare (b pins another)", ex->baseline_name);
    sb_free(&why);
    return ok;
}

/* The explorer draws both axes on one scale: --x-scale or --y-scale sets
 * it, and the two may not disagree. */
static bool scale_of_flags(const cli_t *c, chart_scale_t *scale)
{
    chart_scale_t x = c->chart.xscale, y = c->chart.yscale;
    if (x != CHART_SCALE_AUTO && y != CHART_SCALE_AUTO && x != y) {
        cli_error("--x-scale and --y-scale: the explorer draws both axes on one scale; give one of them");
        return false;
    }
    *scale = x != CHART_SCALE_AUTO ? x : y;
    return true;
}

/* The explorer on the terminal, or on a key script (TRADEOFF_KEYS). */
static int run_screen(explore_t *ex, const cli_t *c)
{
    explore_layout_t lay = EXPLORE_LAYOUT_INIT;
    screen_t scr = explore_screen(ex, &lay);
    int rc;
    if (headless_requested()) {
        sb_t err = SB_INIT;
        rc = headless_run(&scr, ex->files, ex->nfiles, &err);
        if (rc != EXIT_OK)
            cli_error("%s", sb_str(&err));
        sb_free(&err);
    } else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_error("the explorer needs a terminal (standard input and output are not both terminals); "
                  "for text or JSON use 'tradeoff report'");
        rc = EXIT_USAGE;
    } else {
        tui_opts_t o = {.color = c->display.color, .mouse = !c->explore.no_mouse};
        rc = tui_run(&scr, &o);
    }
    explore_layout_free(&lay);
    return rc;
}

/* Puts a saved scenario's state on the explorer. */
static bool apply_scenario_file(explore_t *ex, const scenario_file_t *sf, const char *path)
{
    sb_t why = SB_INIT;
    bool ok = explore_apply_scenario_file(ex, sf, &why);
    if (!ok)
        cli_error("%s: %s", path, sb_str(&why));
    sb_free(&why);
    return ok;
}

/* A reading option of the command line that disagrees with a scenario
 * of version 3: refused, naming both. */
static bool reading_conflict(const cli_t *c, const scenario_file_t *sf, const char *path, const char *name)
{
    sb_t given = SB_INIT, saved = SB_INIT;
    inputopts_describe(&given, &c->data.input, name);
    inputopts_describe(&saved, &sf->input, name);
    char *shown_given = text_sanitize(sb_str(&given), given.len);
    char *shown_saved = text_sanitize(sb_str(&saved), saved.len);
    char *shown_path = text_sanitize(path, strlen(path));
    long line = scenario_file_option_line(sf, name);
    if (line > 0)
        cli_error("--%s '%s': %s:%ld: the scenario reads its files with %s = '%s'; leave the flag out, "
                  "or give the files to read otherwise as operands",
                  name, shown_given, shown_path, line, name, shown_saved);
    else
        cli_error("--%s '%s': %s: the scenario was saved reading its files without --%s; leave the flag "
                  "out, or give the files to read otherwise as operands",
                  name, shown_given, shown_path, name);
    free(shown_given);
    free(shown_saved);
    free(shown_path);
    sb_free(&given);
    sb_free(&saved);
    return false;
}

/* The files of a scenario and how they were read, with the command line.
 * FILE operands replace the saved files and, from version 3, the saved
 * way of reading them: the command line's options alone apply. Without
 * operands a version 3 scenario reads its files as they were read when
 * it was saved, every option (one not written was at its default): a
 * flag that says otherwise is refused. Older scenarios recorded at most
 * --group-columns, which a flag replaces, as it did. --interval is held
 * to a version 3 scenario's as a reading option is, with operands too:
 * it is not the files' but the screen's. */
static bool reading_of_scenario(cli_t *c, const scenario_file_t *sf, const char *path)
{
    bool strict = sf->version >= 3, operands = c->data.nfiles > 0;
    if (!operands) {
        c->data.files = sf->files;
        c->data.nfiles = sf->nfiles;
    }
    for (size_t i = 0; inputopts_names[i] && !(strict && operands); i++) {
        const char *name = inputopts_names[i];
        if (!inputopts_given(&c->data.input, name))
            inputopts_take(&c->data.input, &sf->input, name);
        else if (strict && !inputopts_same(&c->data.input, &sf->input, name))
            return reading_conflict(c, sf, path, name);
    }
    stats_method_t *given = &c->analysis.opts.interval;
    if (!sf->has_interval || (*given != STATS_WILSON && !strict))
        return true;
    if (*given != STATS_WILSON && *given != sf->interval) {
        char *shown_path = text_sanitize(path, strlen(path));
        cli_error("--interval %s: %s:%ld: the scenario's intervals are %s; leave the flag out",
                  stats_method_name(*given), shown_path, sf->interval_line, stats_method_name(sf->interval));
        free(shown_path);
        return false;
    }
    *given = sf->interval;
    return true;
}

int cmd_explore(int argc, char **argv)
{
    cli_t c;
    chart_scale_t scale;
    if (!cli_parse(&c, CLI_EXPLORE, argc, argv) || !scale_of_flags(&c, &scale))
        return EXIT_USAGE;
    if (c.explore.keys_format) {
        bindings_format_t fmt = BINDINGS_TEXT;
        bindings_parse_format(c.explore.keys_format, &fmt);
        sb_t out = SB_INIT;
        bindings_render(&out, explore_bindings(), fmt);
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
        if (!reading_of_scenario(&c, &sf, c.explore.scenario_file)) {
            scenario_file_free(&sf);
            return EXIT_USAGE;
        }
    }

    pointset_t set = POINTSET_INIT;
    curves_t curves = CURVES_INIT;
    char *title = NULL;
    diag_t warnings = DIAG_INIT;
    if (!cli_load(&c, &set, &curves, &title, &warnings)) {
        pointset_free(&set);
        curves_free(&curves);
        diag_free(&warnings);
        scenario_file_free(&sf);
        return EXIT_USAGE;
    }
    explore_t ex;
    explore_init_whole(&ex, &set, &curves, title, c.data.files, c.data.nfiles, &c.scenario, &c.analysis.opts);
    explore_keep_warnings(&ex, &warnings);
    diag_free(&warnings);
    ex.ascii = c.display.ascii;
    ex.scale = scale;
    ex.input = &c.data.input;

    int rc = EXIT_OK;
    if ((c.explore.scenario_file && !apply_scenario_file(&ex, &sf, c.explore.scenario_file)) ||
        !apply_flags(&ex, &c))
        rc = EXIT_USAGE;
    else
        rc = run_screen(&ex, &c);
    explore_free(&ex);
    scenario_file_free(&sf);
    return rc;
}
