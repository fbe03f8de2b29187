/* explore: the explorer's state and everything it does, without curses.
 *
 * The explorer is a model (this module), a view that lays the model out into
 * a uigrid (explore_render), and a thin curses front end (tui.c) that copies
 * the grid to the terminal and turns keys into explore_key calls. Because
 * the model and the view know nothing of the terminal, the unit tests, the
 * key-script hook (TRADEOFF_KEYS) and the benchmark drive exactly the code a
 * person drives.
 *
 * One table of actions (explore_bindings) names every action with its keys
 * and description: key handling, the help screen, README's and the man
 * page's key lists are all generated from it. */
#ifndef TRADEOFF_EXPLORE_H
#define TRADEOFF_EXPLORE_H

#include "render/chart.h"
#include "core/frontier.h"
#include "core/model.h"
#include "core/point.h"
#include "base/strbuf.h"
#include "render/uigrid.h"

#include <stdbool.h>
#include <stddef.h>

/* Keys as the core sees them: a Unicode code point for a printable key, or
 * one of these for the rest (the front end translates curses' codes). */
enum {
    EK_TAB = 9,
    EK_ENTER = 13,
    EK_ESC = 27,
    EK_BACKSPACE = 127,
    EK_SPECIAL = 0x110000, /* above every code point */
    EK_LEFT = EK_SPECIAL,
    EK_RIGHT,
    EK_UP,
    EK_DOWN,
    EK_SLEFT,  /* Shift+Left */
    EK_SRIGHT, /* Shift+Right */
    EK_PGUP,
    EK_PGDN,
    EK_HOME,
    EK_END,
    EK_BTAB, /* Shift+Tab */
    EK_F1,
    EK_CTRL_L,
    EK_LAST
};

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
    EX_NCONTROLS
} explore_control_t;

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
    EXA_ENTER_VALUE,
    EXA_BASELINE,
    EXA_UNPIN,
    EXA_OPTIMAL,
    EXA_SERIES_NEXT,
    EXA_SERIES_PREV,
    EXA_FIND,
    EXA_LOG_SCALES,
    EXA_SORT,
    EXA_DETAILS,
    EXA_SAVE,
    EXA_EXPORT,
    EXA_REDRAW,
    EXA_COUNT
} explore_action_t;

#define EXPLORE_MAX_KEYS 3

typedef struct {
    explore_action_t action;
    const char *name;              /* "baseline", for scripts and docs */
    int keys[EXPLORE_MAX_KEYS];    /* 0-terminated when fewer */
    const char *description;
} explore_binding_t;

/* The one action table. */
const explore_binding_t *explore_bindings(size_t *count);
/* The action bound to `key`, EXA_NONE when none. */
explore_action_t explore_action_for_key(int key);
/* "Left", "S-Tab", "PgUp", "F1", "q"...; buf holds at least 16 bytes. */
const char *explore_key_name(int key, char *buf, size_t n);
/* Parses a key name (as explore_key_name writes it, without <>); -1 if unknown. */
int explore_key_parse(const char *name);

typedef enum { EX_KEYS_TEXT, EX_KEYS_MARKDOWN, EX_KEYS_MAN } explore_keys_format_t;
/* The key table as text (the help screen), a Markdown table or man-page
 * roff (.TP entries). */
void explore_keys_render(sb_t *out, explore_keys_format_t fmt);
bool explore_keys_parse_format(const char *s, explore_keys_format_t *fmt);

typedef enum { EX_SORT_INPUT, EX_SORT_NAME, EX_SORT_ASR, EX_SORT_ORR, EX_SORT_FRONTIER, EX_NSORTS } explore_sort_t;
typedef enum { EX_SCALE_AUTO, EX_SCALE_LOG, EX_SCALE_LINEAR } explore_scale_t;
typedef enum { EX_MODE_NORMAL, EX_MODE_HELP, EX_MODE_DETAILS, EX_MODE_INPUT } explore_mode_t;
typedef enum { EX_INPUT_VALUE, EX_INPUT_FIND, EX_INPUT_SAVE, EX_INPUT_EXPORT } explore_input_t;

/* A series: the points that vary one knob, in knob order (ORR order when
 * the knob is unknown). Only points with both rates take part. */
typedef struct {
    char *name;       /* sanitised; "(no series)" for points without one */
    bool unnamed;     /* the points had no series */
    size_t *members;  /* indices into the set */
    size_t len;
} explore_series_t;

/* Where the operating point sits: a position along a series, whole numbers
 * being its measured points and fractions a mix of two neighbours. */
typedef struct {
    size_t series;
    double pos;
} explore_place_t;

typedef struct {
    /* What was loaded (owned). */
    pointset_t set;
    char *title;
    char **files;   /* operands as given, for saving the scenario */
    int nfiles;
    frontier_t frontier;
    explore_series_t *series;
    size_t nseries;

    scenario_t scenario;
    explore_place_t place;
    bool has_baseline;
    frontier_op_t baseline;
    char baseline_name[160];

    explore_control_t focus;
    size_t *order;  /* the point list, sorted */
    size_t cursor;  /* index into order */
    size_t scroll;  /* first row of the list shown */
    explore_sort_t sort;
    explore_scale_t scale;
    explore_mode_t mode;
    int help_scroll;  /* first line of the help shown */

    explore_input_t input_kind;
    char input[256];
    bool input_prefilled; /* input still holds the value it opened with: typing replaces it */
    char prompt[96];

    char message[320];
    bool message_is_error;
    bool quit;
    bool redraw;    /* the front end should repaint everything (^L) */

    /* Drawing options. */
    bool ascii;
    bool no_mouse;

    /* The last layout, for mouse clicks. */
    chart_t chart;
    bool have_chart;
    int chart_x, chart_y;
    int list_x, list_y, list_rows, list_w;
    /* Per point, the number the chart labelled it with when its name did
     * not fit (0: named on the chart, or the key is shown under it); the
     * point list shows these so a small chart stays readable. */
    int *chart_numbers;
} explore_t;

/* The smallest screen the explorer lays out; below it, a clear message. */
#define EXPLORE_MIN_WIDTH 70
#define EXPLORE_MIN_HEIGHT 20

/* Takes ownership of `set` and `title`; `files` are borrowed (argv). The
 * operating point starts at the first series' first point. */
void explore_init(explore_t *ex, pointset_t *set, char *title, char **files, int nfiles,
                  const scenario_t *scenario);
void explore_free(explore_t *ex);

/* Handles one key; returns true when anything changed. */
bool explore_key(explore_t *ex, int key);
/* Runs one action as if its key was pressed. */
bool explore_do(explore_t *ex, explore_action_t a);
/* A mouse click at a screen cell (of the last render). */
bool explore_click(explore_t *ex, int x, int y);

/* Puts the operating point on the point called `name` (selecting it);
 * false (and a message in `why`) when there is none or it has no rates. */
bool explore_select(explore_t *ex, const char *name, sb_t *why);
/* Pins the point called `name` as the baseline. */
bool explore_pin(explore_t *ex, const char *name, sb_t *why);
/* Moves the operating point to a knob value (threshold) of the current
 * series; between measured values it becomes the mix of the neighbours. */
bool explore_set_threshold(explore_t *ex, const char *text, sb_t *why);
/* Puts the operating point at a place (clamped to its series) and the
 * list cursor on the nearest measured point. */
void explore_set_place(explore_t *ex, explore_place_t pl);
/* Pins the current operating point as the baseline. */
void explore_pin_current(explore_t *ex);

/* The operating point as rates, possibly a mix. */
frontier_op_t explore_current(const explore_t *ex);
/* A name for an operating point: the point's name, or "70% A + 30% B". */
void explore_op_name(const explore_t *ex, const frontier_op_t *op, char *buf, size_t n);
/* The point whose row the list cursor is on, or -1 when the list is empty. */
long explore_selected(const explore_t *ex);

/* "daily queries"... for messages, and where its slider's knob sits (0..1). */
const char *explore_control_name(explore_control_t c);
double explore_control_fraction(const explore_t *ex, explore_control_t c);

/* Lays the whole screen out into `g` (its size is the screen's). */
void explore_render(explore_t *ex, uigrid_t *g);
/* Writes a Markdown report of the current state (chart, table,
 * projections, sentence) into `out`. */
void explore_markdown(explore_t *ex, sb_t *out);

/* The key-script hook (TRADEOFF_KEYS), in the manner of tig: runs a script
 * of keys against the state on a screen of width x height, without a
 * terminal, appending the screen as text to `dumps` at each <Dump> and at
 * the end. Keys are characters; whitespace is ignored; <Name> is a named
 * key (<Tab>, <S-Tab>, <Enter>, <Esc>, <Left>, <PgUp>, <Space>, <lt>...,
 * as explore_key_name writes them), <Resize:WxH> changes the screen size,
 * <Click:X,Y> clicks a cell, <Dump> dumps the screen. Returns false with a
 * message naming the script's column on a bad token. */
bool explore_script_run(explore_t *ex, const char *script, int width, int height, sb_t *dumps, sb_t *err);

/* Roles of grid cells; the front end's theme gives each a look. Chart cells
 * use EXR_CHART + their canvas style. */
enum {
    EXR_PLAIN = 0,
    EXR_TITLE,      /* the top line */
    EXR_FRAME,      /* panel borders */
    EXR_HEADING,    /* panel titles, column headers */
    EXR_LABEL,      /* names of values */
    EXR_VALUE,      /* numbers a person reads */
    EXR_FOCUS,      /* the focused control's line */
    EXR_BAR,        /* the filled part of a slider */
    EXR_TRACK,      /* the empty part of a slider */
    EXR_KNOB,       /* the slider's knob */
    EXR_GOOD,       /* a bound that passes, a decrease in harm */
    EXR_BAD,        /* a bound that fails */
    EXR_NOTE,       /* a mix label, hints */
    EXR_CURSOR,     /* the list row of the selected point */
    EXR_BASELINE,   /* the baseline's mark and name */
    EXR_SENTENCE,
    EXR_STATUS,     /* the status line */
    EXR_STATUS_KEY, /* a key in the status line's hints */
    EXR_ERROR,      /* a message that something went wrong */
    EXR_INPUT,      /* the line being typed */
    EXR_CHART,      /* + canvas_style_t */
    EXR_COUNT = EXR_CHART + CANVAS_STYLE_COUNT
};

#endif
