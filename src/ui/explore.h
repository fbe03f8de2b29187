/* explore: the explorer's state and everything it does, without curses.
 *
 * The explorer is a model (explore.c: series, the operating point, the
 * controls, keys), a view that lays the model out into a uigrid and returns
 * where it put things (explore_view.c: explore_render and an
 * explore_layout_t), its files (explore_file.c: the saved scenario, the
 * Markdown export) and one table of actions (explore_keys.c). A front end
 * drives it through explore_screen: the curses loop (term/tui.c) or the
 * key-script hook (ui/keyscript.c). Because none of it knows the terminal,
 * the unit tests, the key scripts and the benchmark drive exactly the code a
 * person drives.
 *
 * The action table (explore_bindings) names every action with its keys and
 * description: key handling, the help screen, the status line's hints,
 * README's and the man page's key lists are all generated from it. */
#ifndef TRADEOFF_EXPLORE_H
#define TRADEOFF_EXPLORE_H

#include "base/diag.h"
#include "base/strbuf.h"
#include "core/analysis.h"
#include "core/curve.h"
#include "core/frontier.h"
#include "core/groups.h"
#include "core/model.h"
#include "core/pairing.h"
#include "core/point.h"
#include "core/shortname.h"
#include "load/prompttext.h"
#include "render/chart.h"
#include "render/uigrid.h"
#include "ui/bindings.h"
#include "ui/draw.h"
#include "ui/explore_names.h"
#include "ui/keys.h"
#include "ui/lineedit.h"
#include "ui/scenario_file.h"
#include "ui/screen.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* explore_t.row_of of a point the list does not show. */
#define EXPLORE_NOT_LISTED ((size_t)-1)

/* The controls of the controls panel, in Tab order. */
typedef enum {
    EX_CTL_THRESHOLD, /* the operating point along the selected series */
    EX_CTL_VOLUME,
    EX_CTL_ADV_SHARE,
    EX_CTL_COST_REFUSAL,
    EX_CTL_COST_HARM,
    EX_CTL_POLICY,
    EX_CTL_ASR_BOUND,
    EX_CTL_ORR_BOUND,
    EX_CTL_LIST,      /* the point list: PgUp/PgDn page it */
    EX_NCONTROLS
} explore_control_t;

/* The controls with a slider (all but the list). */
#define EX_NSLIDERS EX_CTL_LIST

typedef enum {
    EXA_NONE,
    EXA_QUIT,
    EXA_HELP,
    EXA_FOCUS_NEXT,
    EXA_FOCUS_PREV,
    EXA_DECREASE,
    EXA_INCREASE,
    EXA_DECREASE_COARSE,
    EXA_INCREASE_COARSE,
    EXA_LIST_UP,
    EXA_LIST_DOWN,
    EXA_LIST_FIRST,
    EXA_LIST_LAST,
    EXA_PAGE_UP,
    EXA_PAGE_DOWN,
    EXA_ENTER_VALUE,
    EXA_BASELINE,
    EXA_UNPIN,
    EXA_OPTIMAL,
    EXA_SERIES_NEXT,
    EXA_SERIES_PREV,
    EXA_GROUP_NEXT,
    EXA_GROUP_PREV,
    EXA_GROUP_FILTER,
    EXA_GROUP_HIDE,
    EXA_FIND,
    EXA_FIND_NEXT,
    EXA_FIND_PREV,
    EXA_FILTER,
    EXA_LOG_SCALES,
    EXA_SORT,
    EXA_SORT_REVERSE,
    EXA_DETAILS,
    EXA_WARNINGS,
    EXA_FLIPS,
    EXA_SAVE,
    EXA_EXPORT,
    EXA_REDRAW,
    EXA_COUNT
} explore_action_t;

/* The one action table: key handling, help, hints and the man page. */
const bindings_t *explore_bindings(void);

typedef enum { EX_MODE_NORMAL, EX_MODE_HELP, EX_MODE_DETAILS, EX_MODE_INPUT, EX_MODE_FLIPS,
               EX_MODE_WARNINGS } explore_mode_t;

/* The flipped-prompts view (p; explore_flips.c): the pinned baseline and
 * the operating point, two measured points of the same prompts, paired
 * prompt by prompt (core/pairing.h); the prompts that flipped, shown by
 * kind and category, one category or all (<- ->), scrolled (Up, Down). */
typedef struct {
    pairing_t pr;                 /* run with lists */
    size_t a, b;                  /* the baseline and the operating point */
    prompttext_t *texts[2][2];    /* [set][dir], parallel to the pairing's lists */
    long category;                /* the baseline file's category shown; -1: all */
    char **lines;                 /* what the view shows, rebuilt on a new category */
    uint8_t *roles;
    size_t nlines;
    int scroll;
} explore_flips_t;
/* What the input line is for; EX_INPUT_REPLACE asks before an export
 * replaces a file. */
typedef enum { EX_INPUT_VALUE, EX_INPUT_FIND, EX_INPUT_FILTER, EX_INPUT_SAVE, EX_INPUT_EXPORT,
               EX_INPUT_REPLACE } explore_input_t;

/* A series: the points that vary one knob within one measurement group, in
 * knob order (ORR order when the knob is unknown); a series whose points
 * fall in two groups is two series. Only points with both rates take part. */
typedef struct {
    char *name;       /* sanitised; "(no series)" for points without one */
    bool unnamed;     /* the points had no series */
    size_t group;     /* its measurement group (explore_t.groups) */
    size_t *members;  /* indices into the set */
    size_t len;
    long curve;       /* an exact curve (explore_t.curves) whose one point is
                       * the only member: positions are its steps; -1 otherwise */
} explore_series_t;

/* Where the operating point sits: a position along a series, whole numbers
 * being its measured points and fractions a mix of two neighbours (only
 * in a named series of operating-point rows: the points without a series
 * are not one sweep, and the thresholds of an exact curve are each
 * measured, so there positions are whole). On an exact curve a position
 * is a step of the curve, which its point then holds. A mix the positions
 * cannot express (two points not neighbours in the series, as the cost
 * optimum may be) is held in `op` while `at_op` is set; `pos` then shows
 * it on the slider, and any move along the series clears it. */
typedef struct {
    size_t series;
    double pos;
    bool at_op;
    frontier_op_t op;
} explore_place_t;

typedef struct {
    /* What was loaded (owned). */
    pointset_t set;
    char *title;
    char **files;   /* operands as given, for saving the scenario */
    int nfiles;
    const input_opts_t *input; /* how the files were read (saved with the scenario); NULL: the defaults */
    /* The measurement groups: every point's marks within its group, and
     * each group's frontier. The current group is the operating point's
     * (it follows it from series to series): the chart draws its frontier
     * and hull, the cost optimum (o) is found in it, and the other groups'
     * points are dimmed, or hidden (x), or left out of the list too (f). */
    groups_t groups;
    size_t group;
    bool *in_group;  /* per point: in the current group */
    bool only_group; /* f: the list and the chart show the current group only */
    bool hide_others; /* x: the chart leaves out the other groups' points */
    explore_series_t *series;
    size_t nseries;
    /* Score files and binned counts, kept whole: each is one point of the
     * set (one row of the list) holding the step the curve is at, and a
     * line on the chart drawn from its rates (chart_curves, one each). */
    curves_t curves;
    chart_curve_t *chart_curves;
    bool *chart_include; /* per point: drawn as a point (not a curve's, not hidden) */

    scenario_t scenario;
    analysis_opts_t analysis; /* the interval method of every interval shown */
    explore_place_t place;
    /* The baseline: a copy of its points (a curve's point moves on), the
     * operating point over that copy, where it was pinned (for the saved
     * scenario), the point of the set it is when it is one measured point
     * of the list (-1 otherwise), and its rates for the chart's marker. */
    bool has_baseline;
    pointset_t pinned;
    frontier_op_t baseline;
    bool baseline_placed;
    explore_place_t baseline_place;
    long baseline_point;
    char baseline_name[200];

    explore_control_t focus;
    size_t *order;  /* the point list, sorted; its first nlisted rows are shown */
    size_t nlisted; /* every point, or the current group's (only_group), that
                     * the filter lets through */
    char filter[128];    /* \: the list and the chart show the points whose name,
                          * series or group (set, judge) contains it; "" none */
    char find_text[128]; /* the last text found with /, for n and N */
    bool sort_reverse;   /* I: the list in the reverse order of its sort */
    shortnames_t names;  /* what tells the points apart, for the list */
    int names_width;     /* the widest of them, in columns (found once) */
    size_t *row_of; /* per point: its row in order, EXPLORE_NOT_LISTED when not shown */
    explore_place_t *home; /* per point: where it sits on its series (series
                            * nseries: on none, a rate is unknown) */
    size_t cursor;  /* index into order, below nlisted */
    explore_sort_t sort;
    chart_scale_t scale; /* both axes of the chart */
    explore_mode_t mode;
    int help_scroll;  /* first line of the help shown */
    int details_scroll; /* first line of the details view shown */
    int warn_scroll;  /* first line of the warnings shown (w) */

    /* Every warning of loading (and of reopening a scenario), kept whole:
     * the status line counts them, w lists them, a point's details show
     * those about it (diag_warning_about). */
    diag_t warnings;
    explore_flips_t flips; /* the flipped-prompts view, while mode is EX_MODE_FLIPS */

    explore_input_t input_kind;
    lineedit_t line;  /* the value, name or file name being typed */
    char prompt[160];
    char *replace_path; /* the export waiting for "replace it?" (EX_INPUT_REPLACE) */

    char message[640];
    bool message_is_error;
    screen_flags_t flags; /* quit, redraw (for the front end) */

    /* Drawing options. */
    bool ascii;
} explore_t;

/* Where the last render put things: the front end keeps it and hands it
 * back with keys and clicks (the model never stores screen positions). */
typedef struct {
    chart_t chart;        /* the chart as drawn, when have_chart */
    bool have_chart;
    chart_cache_t *chart_cache; /* what the chart keeps of the points from one frame
                                 * to the next (made by the first frame) */
    int chart_x, chart_y; /* the chart's top-left cell */
    bool numbers_in_list; /* the list shows the chart's point numbers (no key under the chart) */
    int list_x, list_y, list_w, list_rows; /* the point list's rows (list_rows 0: not shown) */
    size_t list_scroll;   /* the list's first row shown, kept from one frame to the next */
    int help_max_scroll;  /* the help's last useful scroll position */
    int details_max_scroll; /* the details view's */
    int warn_max_scroll;  /* the warnings view's */
    int warn_rows;        /* the warnings view's rows of text (a page) */
} explore_layout_t;

#define EXPLORE_LAYOUT_INIT {.have_chart = false}
/* Frees what the layout holds (the chart and its cache). */
void explore_layout_free(explore_layout_t *lay);

/* The smallest screen the explorer lays out; below it, a clear message. */
#define EXPLORE_MIN_WIDTH 70
#define EXPLORE_MIN_HEIGHT 20

/* Takes ownership of `set` and `title`; `files` are borrowed (argv).
 * `analysis` gives the interval method (NULL: the defaults). The operating
 * point starts on the first point of the file with both rates (the first
 * step of a curve), and the status line says so. */
void explore_init(explore_t *ex, pointset_t *set, char *title, char **files, int nfiles,
                  const scenario_t *scenario, const analysis_opts_t *analysis);
/* The same with the exact curves of the score files among the files
 * (load_file_curves), taken too (`curves` is emptied; NULL: none). */
void explore_init_whole(explore_t *ex, pointset_t *set, curves_t *curves, char *title, char **files, int nfiles,
                        const scenario_t *scenario, const analysis_opts_t *analysis);
void explore_free(explore_t *ex);

/* Handles one key against the last layout (NULL: none yet); returns true
 * when anything changed. */
bool explore_key(explore_t *ex, const explore_layout_t *lay, int key);
/* True when `key` only moves, in the explorer's present mode: the list
 * cursor or its page, a control's slider (the operating point along its
 * series included) or the help's or details' scroll (screen.h: `moves`). */
bool explore_key_moves(const explore_t *ex, int key);
/* Runs one action as if its key was pressed. */
bool explore_do(explore_t *ex, explore_action_t a);
/* A mouse click at a screen cell of the last layout. */
bool explore_click(explore_t *ex, const explore_layout_t *lay, int x, int y);
/* The status line's message (an error when `error`). */
void explore_say(explore_t *ex, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Takes the warnings of loading (moved out of `d`): the status line counts
 * them, w lists them. */
void explore_keep_warnings(explore_t *ex, diag_t *d);
/* Puts the operating point on the point `name` means (core/namematch.h;
 * double quotes for CSV quoting), selecting it; false (and a message in
 * `why`) when there is none, several, or it has no rates. */
bool explore_select(explore_t *ex, const char *name, sb_t *why);
/* Pins the point `name` means as the baseline. */
bool explore_pin(explore_t *ex, const char *name, sb_t *why);
/* Moves the operating point to a knob value (threshold) of the current
 * series: on an exact curve, the measured step at or above it (the status
 * line names the exact threshold it landed on); in a named series of rows,
 * between measured values, the mix of the neighbours. */
bool explore_set_threshold(explore_t *ex, const char *text, sb_t *why);
/* Puts the operating point at a place (clamped to its series) and the
 * list cursor on the nearest measured point. */
void explore_set_place(explore_t *ex, explore_place_t pl);
/* The place that position `pos` of series `s` was in scenario files of
 * version 1: the points without a series were then in order of ORR (of
 * the knob when every one had one), and are now in the file's. */
explore_place_t explore_place_v1(const explore_t *ex, size_t s, double pos);
/* Pins the current operating point as the baseline. */
void explore_pin_current(explore_t *ex);
/* Pins `op` (a measured point or a mix) as the baseline. */
void explore_pin_op(explore_t *ex, frontier_op_t op);
/* Puts the operating point on `op` (a measured point or a mix); false
 * when its points are on no series (a rate unknown). */
bool explore_place_op(explore_t *ex, const frontier_op_t *op);

/* The positions along series s: its points, or its curve's steps. */
size_t explore_series_len(const explore_t *ex, size_t s);
/* How many series share series s's measurement group (a series whose
 * points fall in two groups is two series: one to the reader in each), and
 * s's place among them from 0 in *index. 0 when s is no series. */
size_t explore_series_in_group(const explore_t *ex, size_t s, size_t *index);
/* Point i's name as an operating point: a curve's point with the
 * threshold it holds ("chatbot-scores @ 0.501"). */
void explore_point_name(const explore_t *ex, size_t i, char *buf, size_t n);

/* What was loaded, counted: "67 points", "a curve of 3,063 thresholds",
 * "8 points, 1 curve" (the title, the export). */
void explore_data_summary(const explore_t *ex, char *buf, size_t n);

/* The operating point as rates, possibly a mix. */
frontier_op_t explore_current(const explore_t *ex);
/* A name for an operating point: the point's name ("curve @ 0.501" for a
 * curve's step), or "70% A + 30% B". */
void explore_op_name(const explore_t *ex, const frontier_op_t *op, char *buf, size_t n);
/* The pinned baseline against the operating point `op` (measured points
 * and mixes, with their intervals: model_compare_blend). Only with a
 * baseline. */
comparison_t explore_compare(const explore_t *ex, const frontier_op_t *op);
/* The point whose row the list cursor is on, or -1 when the list is empty. */
long explore_selected(const explore_t *ex);
/* Shows only the points whose name, series or group contains `text`
 * (case-insensitively) in the list and on the chart; "" shows them all. */
void explore_set_filter(explore_t *ex, const char *text);
/* Makes the group `query` names (groups_find) the current one, its first
 * series the operating point's, and the status line names the point it
 * starts at; false with the reason (the groups it could mean) in `why`. */
bool explore_set_group(explore_t *ex, const char *query, sb_t *why);

/* "daily queries"... for messages, and where its slider's knob sits (0..1). */
const char *explore_control_name(explore_control_t c);
double explore_control_fraction(const explore_t *ex, explore_control_t c);

/* Shared by explore.c and explore_controls.c, not for other callers. */
/* Moves the operating point to `pl` as given (a curve's place to its
 * nearest whole step), the current group and the list cursor following. */
void explore_go(explore_t *ex, explore_place_t pl);
/* One slider step of the focused control, up (dir > 0) or down; coarse:
 * a factor of ten, or a curve's next stop. */
void explore_adjust(explore_t *ex, int dir, bool coarse);
/* How many thresholds a coarse step moves along a curve of len thresholds:
 * a twentieth of them, rounded up, never less than one. */
size_t explore_curve_coarse_stride(size_t len);
/* Sets the focused control from typed text; NULL when done, else the
 * reason (written into `why`, or a constant). */
const char *explore_apply_value(explore_t *ex, const char *text, char *why, size_t n);
/* Control c's value as it would be typed ("" when none); the controls
 * panel shows the same text for the policy and its bounds. */
void explore_control_text(const explore_t *ex, explore_control_t c, char *buf, size_t n);

/* Everything known of point i (explore_details.c), one paragraph a line,
 * in full: the details view (d) and the summary under the controls wrap
 * it to their width. */
void explore_details_text(const explore_t *ex, size_t i, sb_t *out);

/* Lays the whole screen out into `g` (its size is the screen's) and says
 * where it put things in `lay` (which keeps the list's scroll position
 * between frames). Changes nothing in the model. */
void explore_render(const explore_t *ex, uigrid_t *g, explore_layout_t *lay);
/* The panels beside the chart (explore_panels.c), drawn into `r` of `g` by
 * explore_render: the controls, and the projection of the operating point. */
void explore_draw_controls(const explore_t *ex, uigrid_t *g, rect_t r);
/* The control rows that give way on a short screen, the first to go
 * first ("Adversarial, Queries/day, ..."), for the help. */
void explore_controls_give_way(sb_t *out);
void explore_draw_projection(const explore_t *ex, uigrid_t *g, rect_t r);
/* The explorer as a screen for a front end; `lay` is the layout it keeps. */
screen_t explore_screen(explore_t *ex, explore_layout_t *lay);

/* The flipped-prompts view (explore_flips.c). Opens it for the pinned
 * baseline and the operating point; false with the reason in `why` when
 * they are not two measured points of paired per-prompt results. */
bool explore_flips_open(explore_t *ex, sb_t *why);
void explore_flips_close(explore_t *ex);
/* An action while the view is open: Up and Down scroll, <- and -> pick
 * the previous or next category (or all), any other closes the view. */
bool explore_flips_key(explore_t *ex, explore_action_t a);
/* Draws the view into `r`. */
void explore_flips_render(const explore_t *ex, uigrid_t *g, int x, int y, int w, int h);

/* Files (explore_file.c). A Markdown report of the current state (the
 * projections, the comparison with the baseline and the full analysis). */
void explore_markdown(const explore_t *ex, sb_t *out);
/* Saves the scenario (reopened with --scenario) or exports the Markdown
 * report to `path`, never over an input file; the status line says how it
 * went, with the full path written. */
bool explore_save(explore_t *ex, const char *path);
bool explore_export(explore_t *ex, const char *path);
/* The name `e` proposes: EXPLORE_EXPORT_NAME where no such file exists,
 * else the first free of tradeoff-report-2.md, -3... (allocated). */
#define EXPLORE_EXPORT_NAME "tradeoff-report.md"
char *explore_export_name(void);
/* Exports to `path` when no file is there; otherwise asks first (the
 * status line: "replace FILE? y/n"). */
void explore_export_asking(explore_t *ex, const char *path);
/* Puts the state a saved scenario file describes (operating point,
 * baseline, sort, scales, focus) on the explorer. Points are found by
 * name, exactly: a name no longer in the data pins nothing and says so;
 * when a data file's SHA-256 differs from the one saved, one warning says
 * the data changed. A scenario of positions (saved before names were) is
 * read as positions, with a note. False with the reason in `why` when it
 * names a series that was not loaded. Notes go to the warnings and the
 * status line. */
bool explore_apply_scenario_file(explore_t *ex, const scenario_file_t *sf, sb_t *why);

#endif
