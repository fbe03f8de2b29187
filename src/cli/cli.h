/* cli: the command line shared by every subcommand.
 *
 * One table of long options (cli.c) gives each option its section of --help
 * (what a user does with it: data, scenario, analysis, chart, output, ...)
 * and the commands that accept it. cli_parse fills one struct per option
 * group, and a command passes each group whole to the code that uses it. An
 * option the command does not accept is refused: one line on stderr naming
 * the flag and the command, and EXIT_USAGE. A bad value names the flag and
 * what it accepts, also with EXIT_USAGE.
 *
 * Colour, ASCII drawing, the interval method and the confidence level are
 * decided once, in cli_parse, from the flags and the environment; every
 * command reads them from cli_t (display, analysis) and decides nothing of
 * its own. */
#ifndef TRADEOFF_CLI_H
#define TRADEOFF_CLI_H

#include "base/diag.h"
#include "core/analysis.h"
#include "core/curve.h"
#include "core/gate.h"
#include "core/model.h"
#include "core/point.h"
#include "load/input.h"
#include "render/chart.h"
#include "render/report.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The commands, in the order --help lists them. */
typedef enum {
    CLI_EXPLORE, /* also `tradeoff` with no command */
    CLI_REPORT,
    CLI_CHECK,
    CLI_DIFF,
    CLI_JUDGES,
    CLI_PLOT,
    CLI_SWEEP,
    CLI_PRACTICE,
    CLI_NCOMMANDS
} cli_command_t;

/* The files to read and how: the operands, --example, --input and the
 * column mapping flags. */
typedef struct {
    char **files;        /* the operands, --example's files first */
    int nfiles;
    const char **examples; /* --example NAME, each time given, in order: each
                              loaded as a file would be (kept until exit) */
    int nexamples;
    bool verbose;        /* --verbose: how each file was read, on stderr */
    input_opts_t input;
} cli_data_t;

typedef struct {
    analysis_opts_t opts; /* --interval, --category-shares, --target-*, the level */
    const char *compare;  /* --compare "A,B" as given */
} cli_analysis_t;

/* The chart flags as given; cli_chart_opts turns them into chart options. */
typedef struct {
    int width, height;    /* --width, --height; 0: the command's own size */
    chart_scale_t xscale, yscale;
    bool no_labels;
    bool no_key;      /* plot: no key below the chart */
    bool ascii;           /* --ascii as given; display.ascii is the decision */
    const char *group;    /* --group NAME as given: the group whose frontier is drawn */
} cli_chart_t;

typedef struct {
    report_format_t format; /* --format; REPORT_TEXT when not given */
    const char *path;       /* -o FILE; NULL: standard output */
    bool no_color;          /* --no-color as given; display.color is the decision */
} cli_output_t;

/* How the output looks, decided once by cli_parse. */
typedef struct {
    /* Colour escapes or curses colours: no --no-color, NO_COLOR unset or
     * empty, standard output a terminal and TERM set and not "dumb". */
    bool color;
    /* ASCII glyphs only: --ascii, or a locale that cannot show UTF-8
     * (canvas_locale_wants_ascii). */
    bool ascii;
} cli_display_t;

typedef struct {
    const char *scenario_file; /* --scenario FILE */
    const char *threshold;     /* --threshold X as given */
    const char *baseline;      /* --baseline NAME */
    const char *select;        /* --select NAME */
    bool no_mouse;             /* --no-mouse */
    const char *keys_format;   /* --keys FMT: print the key table and exit */
} cli_explore_t;

typedef struct {
    gate_opts_t gate;          /* allowed rises, --significance; the policy of --policy */
    const char *baseline_name, *candidate_name; /* which point of each file */
    bool across_groups;        /* --across-groups: gate points measured on different sets */
} cli_check_t;

typedef struct {
    size_t points; /* --points N; 0: every threshold */
} cli_sweep_t;

typedef struct {
    unsigned long long seed; /* --seed N */
    bool seed_set;
    const char *kind;        /* --kind KIND as given; NULL: every kind */
    int count;               /* --count N; 0: the default */
    bool worksheet;          /* --worksheet */
    bool plain;              /* --plain */
} cli_practice_t;

typedef struct {
    cli_command_t command;
    const char *name;        /* "report", ... for messages */
    cli_data_t data;
    scenario_t scenario;
    cli_analysis_t analysis;
    cli_chart_t chart;
    cli_output_t output;
    cli_display_t display;
    cli_explore_t explore;
    cli_check_t check;
    cli_sweep_t sweep;
    cli_practice_t practice;
} cli_t;

/* The command called `name`; false when there is none. */
bool cli_command_find(const char *name, cli_command_t *cmd);
/* Appends the command names, each after a blank: " report check ...". */
void cli_command_names(FILE *to);

/* Parses argv (argv[0] being the command's name, or the program's when the
 * explorer runs without one). Prints --help or --version and exits 0 when
 * asked; prints an error and returns false on a flag the command does not
 * accept or a bad value. */
bool cli_parse(cli_t *c, cli_command_t cmd, int argc, char **argv);
/* The chart options of the flags and the display decisions, `width` x
 * `height` where --width or --height was not given. The data fields (points,
 * frontier, scenario...) are left for the command to fill. */
chart_opts_t cli_chart_opts(const cli_t *c, int width, int height);

/* Loads the operands (or the built-in scenario when there are none) into
 * `set`. The warnings go to stderr condensed (diag_condense), and whole to
 * `keep` when it is given (the explorer lists them); an error goes to
 * stderr. Returns false on failure. With `curves`, score files and binned
 * counts are kept whole there, one point each (load_file_curves); NULL
 * thins them to points. */
bool cli_load(const cli_t *c, pointset_t *set, curves_t *curves, char **title, diag_t *keep);
/* cli_parse, then cli_load of the operands as points (warnings condensed
 * to stderr, and whole to `keep` when given): the start of every command
 * that reads points and nothing else. False when either fails, `set` then
 * empty. */
bool cli_parse_load(cli_t *c, cli_command_t cmd, int argc, char **argv, pointset_t *set, char **title, diag_t *keep);
/* Loads one file as points (into `set`) or as a curve (into `curve`; the
 * other is NULL), with a progress line on a terminal. Its warnings go to
 * `keep` when given, else to stderr condensed; its error to stderr.
 * Returns false on failure. */
bool cli_load_file(const cli_t *c, const char *path, pointset_t *set, curve_t *curve, diag_t *keep);
/* Warnings to stderr, condensed: "tradeoff: warning: ..." a line each. */
void cli_print_warnings(const diag_t *d);
/* Resolves --group against the measurement groups of `set`: the group's
 * exact name in `name` (valid while `set` is), NULL without --group; false
 * with an error naming the groups it could mean when none or several match. */
bool cli_group(const cli_t *c, const pointset_t *set, const char **name);
/* The terminal's size for output that fits it, where no flag gives one:
 * the terminal on standard output, else COLUMNS and LINES, else 80x24
 * (each at most 1000). The height leaves the rows of the command and of
 * the next prompt. `height` may be NULL. */
void cli_terminal_size(int *width, int *height);
/* Resolves --compare "A,B" (CSV quoting for a name with a comma) against
 * the set, each name as core/namematch.h resolves it; prints an error when
 * a name is unknown or ambiguous. Both are NULL when no comparison was
 * asked for. */
bool cli_compare(const cli_t *c, const pointset_t *set, const point_t **a, const point_t **b);
/* The point a flag's value names in `set` (double quotes for CSV quoting,
 * then namematch): false with "--FLAG: WHERE: no point named ..." on
 * stderr (`where`, such as a file, may be NULL). */
bool cli_point(const pointset_t *set, const char *arg, const char *flag, const char *where, const point_t **p);
/* "tradeoff: " + message, to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --example and --list-examples (cli_examples.c), for cli_parse: */
/* Notes --example NAME (kept until exit). */
void cli_examples_add(cli_data_t *data, const char *name);
/* Prints the shipped examples, one a line, to stdout. */
void cli_examples_list(void);
/* Puts every --example's file, in the order given, before the operands
 * (two examples load as two files would); false after a message. */
bool cli_examples_apply(cli_data_t *data);

/* "Try 'tradeoff COMMAND --help' for more information.", to stderr. */
void cli_hint(const cli_t *c);
/* Registered with atexit by main: flushes and closes standard output, and
 * when anything written to it was lost (a full disk, a closed pipe, /dev/full)
 * says so and ends the process with status 3, whatever wrote it: --help,
 * --version, a report, the practice session, a key script's screens. The
 * commands need not check each write; cmd_emit only stops early. */
void cli_close_stdout(void);

#endif
