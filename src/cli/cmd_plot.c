/* tradeoff plot: the trade-off chart on standard output, at the terminal's
 * size (or --width/--height), in colour when standard output is a terminal
 * that wants it. */
#include "config.h"

#include "render/chart.h"
#include "cli/cmd.h"
#include "base/exitcode.h"
#include "core/groups.h"
#include "term/theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_plot(int argc, char **argv)
{
    cli_t c;
    if (!cli_parse(&c, CLI_PLOT, argc, argv))
        return EXIT_USAGE;
    pointset_t set = POINTSET_INIT;
    char *title = NULL;
    if (!cli_load(&c, &set, &title, NULL)) {
        pointset_free(&set);
        return EXIT_USAGE;
    }
    const char *focus;
    if (!cli_group(&c, &set, &focus)) {
        free(title);
        pointset_free(&set);
        return EXIT_USAGE;
    }
    /* The frontier and hull of one group; the others' points dimmed. */
    groups_t g;
    groups_compute(&g, &set);
    long k = focus ? groups_find(&g, focus) : -1;
    chart_focus_t cf;
    chart_focus_init(&cf, &g, k >= 0 ? (size_t)k : groups_default(&g));
    int width, height;
    cli_terminal_size(&width, &height);
    chart_opts_t o = cli_chart_opts(&c, width, height);
    o.points = &set;
    chart_focus_apply(&cf, &o);
    o.scenario = &c.scenario;

    chart_t ch;
    chart_render(&ch, &o);
    /* On a terminal the key below the chart should not push its top off
     * the screen: give the key its rows when the chart stays readable. */
    if (c.chart.height == 0 && isatty(STDOUT_FILENO) && ch.nkey > 0 && o.height - (int)ch.nkey >= 16) {
        o.height -= (int)ch.nkey;
        chart_free(&ch);
        chart_render(&ch, &o);
    }
    sb_t out = SB_INIT;
    if (c.display.color) {
        theme_canvas_ansi(&out, &ch.canvas, o.ascii);
        for (size_t i = 0; i < ch.nkey; i++)
            sb_printf(&out, "%s\n", ch.key[i]);
    } else {
        chart_to_text(&ch, &out, o.ascii);
    }
    int rc = cmd_emit(&c, &out);
    sb_free(&out);
    chart_free(&ch);
    chart_focus_free(&cf);
    groups_free(&g);
    free(title);
    pointset_free(&set);
    return rc;
}
