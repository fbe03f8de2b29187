/* explore_keys: the explorer's one table of actions. Its order is the order
 * of the help screen, README's key table and the man page's KEYS section
 * (`tradeoff --keys man`; tests/cli/manpage.sh keeps the page in step). */
#include "config.h"

#include "ui/explore.h"

static const binding_t rows[] = {
    {EXA_QUIT, "quit", {'q'}, "quit (the terminal is restored)", NULL},
    {EXA_HELP, "help", {'?', EK_F1}, "show this help; any key closes it", NULL},
    {EXA_FOCUS_NEXT, "focus-next", {EK_TAB}, "move focus to the next control (the point list after the last)", NULL},
    {EXA_FOCUS_PREV, "focus-prev", {EK_BTAB}, "move focus to the previous control", NULL},
    {EXA_DECREASE, "decrease", {EK_LEFT, 'h'}, "decrease the focused control (threshold: a curve's previous measured threshold, the previous point without a series, or in a named series 10% of traffic toward its previous point)", NULL},
    {EXA_INCREASE, "increase", {EK_RIGHT, 'l'}, "increase the focused control", NULL},
    {EXA_DECREASE_COARSE, "decrease-coarse", {EK_SLEFT, 'H'}, "decrease in a coarse step (x10; threshold: the previous measured point, or on a curve a twentieth of its thresholds, rounded up: the same count on every press)", NULL},
    {EXA_INCREASE_COARSE, "increase-coarse", {EK_SRIGHT, 'L'}, "increase in a coarse step", NULL},
    {EXA_LIST_UP, "up", {EK_UP, 'k'}, "select the previous point in the list", NULL},
    {EXA_LIST_DOWN, "down", {EK_DOWN, 'j'}, "select the next point in the list", NULL},
    {EXA_PAGE_UP, "page-up", {EK_PGUP}, "the point list focused (Tab): a page up; a control focused: a coarse step up", NULL},
    {EXA_PAGE_DOWN, "page-down", {EK_PGDN}, "the point list focused: a page down; a control focused: a coarse step down", NULL},
    {EXA_LIST_FIRST, "first", {EK_HOME}, "select the first point in the list", NULL},
    {EXA_LIST_LAST, "last", {EK_END}, "select the last point in the list", NULL},
    {EXA_ENTER_VALUE, "enter-value", {'=', EK_ENTER}, "type an exact value for the focused control", NULL},
    {EXA_BASELINE, "baseline", {'b'}, "pin the current operating point as the baseline", NULL},
    {EXA_UNPIN, "unpin", {'B'}, "remove the baseline", NULL},
    {EXA_OPTIMAL, "cost-optimal", {'o'}, "jump to the point with the lowest daily cost (on a curve, its cheapest threshold)", NULL},
    {EXA_SERIES_NEXT, "series-next", {'>'}, "move the operating point to the next series", NULL},
    {EXA_SERIES_PREV, "series-prev", {'<'}, "move the operating point to the previous series", NULL},
    {EXA_GROUP_NEXT, "group-next", {']'}, "move to the next measurement group (its frontier on the chart)", NULL},
    {EXA_GROUP_PREV, "group-prev", {'['}, "move to the previous measurement group", NULL},
    {EXA_GROUP_FILTER, "group-filter", {'f'}, "show only the current group in the list and chart, or all groups", NULL},
    {EXA_GROUP_HIDE, "group-hide", {'x'}, "hide or show the other groups' dimmed points on the chart", NULL},
    {EXA_FILTER, "filter", {'\\'}, "show only the points whose name, series or measurement group contains a text (any case; the group names its set and judge, or its file when the file names neither), in the list and chart; an empty text shows all", "filter by name, series or group (set, judge or file)"},
    {EXA_FIND, "find", {'/'}, "find a point by name", NULL},
    {EXA_FIND_NEXT, "find-next", {'n'}, "find the next point matching the last search", NULL},
    {EXA_FIND_PREV, "find-prev", {'N'}, "find the previous point matching the last search", NULL},
    {EXA_LOG_SCALES, "scales", {'g'}, "chart scales: automatic, logarithmic, linear", NULL},
    {EXA_SORT, "sort", {'S'}, "sort the point list: input, name, ASR, ORR, frontier", NULL},
    {EXA_SORT_REVERSE, "sort-reverse", {'I'}, "reverse the point list's order (the heading's arrow shows it)", NULL},
    {EXA_DETAILS, "details", {'d'}, "show every attribute of the selected point, in full (Up/Down scroll; any other key closes)", NULL},
    {EXA_WARNINGS, "warnings", {'w'}, "list every warning of loading, in full (Up/Down, PgUp/PgDn scroll)", NULL},
    {EXA_FLIPS, "flips", {'p'}, "list the prompts that flipped between the baseline and the operating point (per-prompt results; Left and Right pick a category)", NULL},
    {EXA_SAVE, "save", {'s'}, "save the scenario to a file (reopen with --scenario FILE)", NULL},
    {EXA_EXPORT, "export", {'e'}, "export a Markdown report of what is on screen", NULL},
    {EXA_REDRAW, "redraw", {EK_CTRL_L}, "redraw the screen", NULL},
};

const bindings_t *explore_bindings(void)
{
    static const bindings_t table = {rows, sizeof rows / sizeof rows[0]};
    return &table;
}
