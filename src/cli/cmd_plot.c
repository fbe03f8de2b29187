/* tradeoff plot: the trade-off chart on standard output, at the terminal's
 * size (or --width/--height), in colour when standard output is a terminal
 * that wants it. */
#include "config.h"

#include "render/chart.h"
#include "cli/cmd.h"
#include "base/exitcode.h"
#include "core/frontier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define PLOT_DEFAULT_WIDTH 80
#define PLOT_DEFAULT_HEIGHT 24
#define PLOT_MAX_SIDE 1000 /* a wild COLUMNS must not allocate gigabytes */

static int env_int(const char *name)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return 0;
    char *end;
    long v = strtol(s, &end, 10);
    return (*end == '\0' && v > 0 && v <= PLOT_MAX_SIDE) ? (int)v : 0;
}

/* The chart's size where no flag gives it: the terminal on standard
 * output, else COLUMNS/LINES, else 80x24. The height leaves the rows of the
 * command and of the next prompt. */
static void plot_size(int *width, int *height)
{
    int cols = 0, rows = 0;
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) {
        cols = ws.ws_col;
        rows = ws.ws_row > 2 ? ws.ws_row - 2 : 0; /* the command line and the prompt stay */
    }
    if (cols <= 0)
        cols = env_int("COLUMNS");
    if (rows <= 0)
        rows = env_int("LINES") > 1 ? env_int("LINES") - 1 : 0;
    *width = cols > 0 ? cols : PLOT_DEFAULT_WIDTH;
    *height = rows > 0 ? rows : PLOT_DEFAULT_HEIGHT;
    if (*width > PLOT_MAX_SIDE)
        *width = PLOT_MAX_SIDE;
    if (*height > PLOT_MAX_SIDE)
        *height = PLOT_MAX_SIDE;
}

/* SGR parameters per style: the terminal's own palette, so that it follows
 * the user's theme. Empty: the default colours. */
static const char *style_sgr(canvas_style_t s)
{
    static const char *const series[CANVAS_NSERIES] = {"34", "35", "36", "33", "32", "94", "95", "96"};
    switch (s) {
    case CANVAS_STYLE_AXIS: return "";
    case CANVAS_STYLE_TITLE: return "1";
    case CANVAS_STYLE_GRID: return "2";
    case CANVAS_STYLE_FRONTIER: return "32";
    case CANVAS_STYLE_HULL: return "2;32";
    case CANVAS_STYLE_POLICY: return "33";
    case CANVAS_STYLE_ISOCOST: return "2;36";
    case CANVAS_STYLE_CURVE: return "34";
    case CANVAS_STYLE_DIMMED: return "2";
    case CANVAS_STYLE_CURRENT: return "1;31";
    case CANVAS_STYLE_BASELINE: return "1;35";
    case CANVAS_STYLE_SELECTED: return "7";
    case CANVAS_STYLE_LABEL: return "";
    case CANVAS_STYLE_FLOOR: return "33";
    default:
        if (s >= CANVAS_STYLE_SERIES0 && s <= CANVAS_STYLE_SERIES_LAST)
            return series[s - CANVAS_STYLE_SERIES0];
        return "";
    }
}

/* The canvas with colour changes between cells; trailing blanks trimmed as
 * in canvas_to_text, so only the colour differs from the plain output. */
static void canvas_to_ansi(const canvas_t *cv, sb_t *out, bool ascii)
{
    char buf[8];
    for (int row = 0; row < cv->height; row++) {
        int last = cv->width - 1;
        while (last >= 0 && strcmp(canvas_cell_text(cv, last, row, ascii, buf), " ") == 0)
            last--;
        const char *cur = "";
        for (int col = 0; col <= last; col++) {
            const char *sgr = style_sgr((canvas_style_t)canvas_cell(cv, col, row)->style);
            if (strcmp(sgr, cur) != 0) {
                sb_printf(out, "\033[0%s%sm", *sgr ? ";" : "", sgr);
                cur = sgr;
            }
            sb_puts(out, canvas_cell_text(cv, col, row, ascii, buf));
        }
        if (*cur)
            sb_puts(out, "\033[0m");
        sb_putc(out, '\n');
    }
}

int cmd_plot(int argc, char **argv)
{
    cli_t c;
    if (!cli_parse(&c, CLI_PLOT, argc, argv))
        return EXIT_USAGE;
    pointset_t set = POINTSET_INIT;
    char *title = NULL;
    if (!cli_load(&c, &set, &title)) {
        pointset_free(&set);
        return EXIT_USAGE;
    }
    frontier_t f;
    frontier_compute(&f, &set, NULL);
    int width, height;
    plot_size(&width, &height);
    chart_opts_t o = cli_chart_opts(&c, width, height);
    o.points = &set;
    o.frontier = &f;
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
        canvas_to_ansi(&ch.canvas, &out, o.ascii);
        for (size_t i = 0; i < ch.nkey; i++)
            sb_printf(&out, "%s\n", ch.key[i]);
    } else {
        chart_to_text(&ch, &out, o.ascii);
    }
    int rc = cmd_emit(&c, &out);
    sb_free(&out);
    chart_free(&ch);
    frontier_free(&f);
    free(title);
    pointset_free(&set);
    return rc;
}
