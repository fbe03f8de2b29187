/* tradeoff judges: how often the verdict columns of one per-prompt file
 * agree.
 *
 *   tradeoff judges [OPTION]... FILE
 *
 * The file is read as `report` reads it; every verdict column it has is
 * compared with every other (a preset's columns, all of them whatever
 * --judge picks for the points; or those --judge or --verdict-column
 * name), per set (core/agreement.h). Exit 0, 2 when the file has fewer
 * than two verdict columns or no per-prompt results, 3 when the output
 * cannot be written. */
#include "config.h"

#include "cli/cmd.h"
#include "base/diag.h"
#include "base/exitcode.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/agreement.h"
#include "load/prompttext.h"
#include "render/agreement_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The log of the file's points, or an error. */
static const point_t *judged_point(const pointset_t *set, const char *file)
{
    for (size_t i = 0; i < set->len; i++)
        if (set->items[i].prompts)
            return &set->items[i];
    char *shown = text_sanitize(file, strlen(file));
    cli_error("judges: %s is not per-prompt results: expected a judged file (one row per prompt, with its set and "
              "one verdict column per judge)",
              shown);
    free(shown);
    return NULL;
}

/* The judges to compare: those --judge names (a preset), else every
 * verdict column the log has. Returns how many. */
static size_t pick_judges(const cli_t *c, const promptlog_t *log, int *out)
{
    size_t n = 0;
    if (!c->data.input.judge) {
        for (size_t j = 0; j < log->njudges; j++)
            out[n++] = (int)j;
        return n;
    }
    for (size_t j = 0; j < log->njudges; j++) {
        /* --judge's names are columns the loader found (it refuses others) */
        char *list = xstrdup(c->data.input.judge);
        for (char *name = strtok(list, ","); name; name = strtok(NULL, ","))
            if (strcmp(name + strspn(name, " "), log->judges[j]) == 0 && (n == 0 || out[n - 1] != (int)j))
                out[n++] = (int)j;
        free(list);
    }
    return n;
}

/* The ids of every prompt each pair disagrees on, read in one pass. */
static prompttext_t **fetch_disagree(const promptlog_t *log, const agreement_t *ag, prompttext_t **all, size_t *nall)
{
    size_t total = 0;
    for (size_t k = 0; k < ag->len; k++)
        total += ag->items[k].ndisagree;
    size_t *idx = xcalloc(total ? total : 1, sizeof *idx);
    prompttext_t **per = xcalloc(ag->len ? ag->len : 1, sizeof *per);
    size_t at = 0;
    for (size_t k = 0; k < ag->len; k++) {
        memcpy(idx + at, ag->items[k].disagree, ag->items[k].ndisagree * sizeof *idx);
        at += ag->items[k].ndisagree;
    }
    *all = xcalloc(total ? total : 1, sizeof **all);
    diag_t d = DIAG_INIT;
    prompttext_fetch(log, idx, total, *all, &d);
    cli_print_warnings(&d);
    diag_free(&d);
    at = 0;
    for (size_t k = 0; k < ag->len; k++) {
        per[k] = *all + at;
        at += ag->items[k].ndisagree;
    }
    free(idx);
    *nall = total;
    return per;
}

static int render(const cli_t *c, const point_t *p, const agreement_t *ag)
{
    const promptlog_t *log = p->prompts;
    prompttext_t *all;
    size_t nall;
    prompttext_t **per = fetch_disagree(log, ag, &all, &nall);
    int width = c->chart.width;
    if (width <= 0)
        cli_terminal_size(&width, NULL);
    agreement_report_t r = {log, log->shown, point_attr(p, "preset"), ag, (const prompttext_t *const *)per,
                            c->analysis.opts.confidence, width};
    sb_t out = SB_INIT;
    agreement_report_render(&out, &r, c->output.format);
    int rc = cmd_emit(c, &out);
    sb_free(&out);
    prompttext_free(all, nall);
    free(all);
    free(per);
    return rc;
}

static int run_judges(const cli_t *c, const pointset_t *set)
{
    const point_t *p = judged_point(set, c->data.files[0]);
    if (!p)
        return EXIT_USAGE;
    const promptlog_t *log = p->prompts;
    int *judges = xcalloc(log->njudges ? log->njudges : 1, sizeof *judges);
    size_t n = pick_judges(c, log, judges);
    int rc = EXIT_USAGE;
    if (n < 2) {
        cli_error("judges: %s has %s verdict column%s to compare (%s): expected two or more; a preset's are "
                  "found by themselves, other files name them with --verdict-column A,B",
                  log->shown, n ? "one" : "no", n == 1 ? "" : "s", n ? log->judges[judges[0]] : "none");
    } else {
        agreement_t ag;
        agreement_compute(&ag, log, judges, n, c->analysis.opts.confidence);
        rc = render(c, p, &ag);
        agreement_free(&ag);
    }
    free(judges);
    return rc;
}

int cmd_judges(int argc, char **argv)
{
    cli_t c;
    if (!cli_parse(&c, CLI_JUDGES, argc, argv))
        return EXIT_USAGE;
    if (c.output.format == REPORT_SVG) {
        cli_error("--format: judges writes text, json, markdown or csv");
        return EXIT_USAGE;
    }
    if (c.data.nfiles != 1) {
        cli_error("judges: expected one file; got %d", c.data.nfiles);
        cli_hint(&c);
        return EXIT_USAGE;
    }
    pointset_t set = POINTSET_INIT;
    int rc = cli_load_file(&c, c.data.files[0], &set, NULL, NULL) ? run_judges(&c, &set) : EXIT_USAGE;
    pointset_free(&set);
    return rc;
}
