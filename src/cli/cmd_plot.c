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
    pointset_t set = POINTSET_INIT;
    char *title = NULL;
    if (!cli_parse_load(&c, CLI_PLOT, argc, argv, &set, &title, NULL))
        return EXIT_USAGE;
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

    /* The whole output, chart and key, within the width and height: the
     * key gets the rows below a chart that stays readable (at least half
     * the height), wrapped to the width, and ends with a note when it has
     * to be shortened; --no-key leaves it out. */
    chart_t ch;
    int total = o.height;
    chart_render(&ch, &o);
    int chart_min = total / 2 > CHART_MIN_HEIGHT ? total / 2 : CHART_MIN_HEIGHT;
    int key_rows = 0;
    if (!c.chart.no_key && ch.nkey > 0) {
        sb_t probe = SB_INIT;
        key_rows = chart_key_text(&ch, &probe, o.width, -1);
        sb_free(&probe);
        if (key_rows > total - chart_min)
            key_rows = total - chart_min;
        if (key_rows < 1 && total > CHART_MIN_HEIGHT)
            key_rows = 1; /* at least the row that says a key was left out */
        if (key_rows < 0)
            key_rows = 0;
        if (key_rows > 0) {
            o.height = total - key_rows;
            chart_free(&ch);
            chart_render(&ch, &o);
        }
    }
    sb_t out = SB_INIT;
    if (c.display.color)
        theme_canvas_ansi(&out, &ch.canvas, o.ascii);
    else
        canvas_to_text(&ch.canvas, &out, o.ascii);
    if (key_rows > 0)
        chart_key_text(&ch, &out, o.width, key_rows);
    int rc = cmd_emit(&c, &out);
    sb_free(&out);
    chart_free(&ch);
    chart_focus_free(&cf);
    groups_free(&g);
    free(title);
    pointset_free(&set);
    return rc;
}
