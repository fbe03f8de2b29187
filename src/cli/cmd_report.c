/* tradeoff report: the analysis of the points at the scenario, in one of
 * the report formats, its chart sized and shaped by the chart flags. */
#include "config.h"

#include "cli/cmd.h"
#include "base/exitcode.h"
#include "base/outfile.h"
#include "render/report.h"

#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>

/* The report's chart when no --width or --height says otherwise. */
#define REPORT_CHART_WIDTH 80
#define REPORT_CHART_HEIGHT 24

int cmd_emit(const cli_t *c, const sb_t *text)
{
    if (c->output.path) {
        diag_t d = DIAG_INIT;
        int rc = outfile_write(c->output.path, sb_str(text), text->len, c->data.files, c->data.nfiles, &d);
        if (rc != 0)
            cli_error("%s", d.error);
        diag_free(&d);
        return rc == 0 ? EXIT_OK : EXIT_INTERNAL;
    }
    /* A failed write is reported once, by cli_close_stdout at exit. */
    if (fwrite(sb_str(text), 1, text->len, stdout) != text->len || fflush(stdout) != 0)
        return EXIT_INTERNAL;
    return EXIT_OK;
}

/* The text report's page: --width, else the terminal's on standard output
 * (written there, not to -o), else 80. */
static int page_width(const cli_t *c)
{
    int width = 80;
    if (c->chart.width > 0)
        return c->chart.width;
    if (!c->output.path && isatty(STDOUT_FILENO))
        cli_terminal_size(&width, NULL);
    return width;
}

int cmd_report(int argc, char **argv)
{
    cli_t c;
    pointset_t set = POINTSET_INIT;
    char *title = NULL;
    diag_t warnings = DIAG_INIT;
    if (!cli_parse_load(&c, CLI_REPORT, argc, argv, &set, &title, &warnings)) {
        diag_free(&warnings);
        return EXIT_USAGE;
    }
    const point_t *a, *b;
    int rc = EXIT_USAGE;
    const char *group;
    if (cli_compare(&c, &set, &a, &b) && cli_group(&c, &set, &group)) {
        chart_opts_t chart = cli_chart_opts(&c, REPORT_CHART_WIDTH, REPORT_CHART_HEIGHT);
        report_t r = {.scenario = &c.scenario, .points = &set, .title = title, .compare_a = a, .compare_b = b,
                      .analysis = &c.analysis.opts, .chart = &chart, .group = group, .width = page_width(&c),
                      .warnings = &warnings};
        sb_t out = SB_INIT;
        report_render(&out, &r, c.output.format);
        rc = cmd_emit(&c, &out);
        sb_free(&out);
    }
    free(title);
    diag_free(&warnings);
    pointset_free(&set);
    return rc;
}
