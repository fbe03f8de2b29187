/* cli: the command line shared by every subcommand.
 *
 * One table of long options serves all subcommands; each subcommand says
 * which option groups it accepts, so a flag that does not apply is an error
 * that says so rather than being silently ignored. Errors print one line to
 * stderr naming the flag and what it accepts, and exit with EXIT_USAGE. */
#ifndef TRADEOFF_CLI_H
#define TRADEOFF_CLI_H

#include "core/analysis.h"
#include "load/load.h"
#include "core/model.h"
#include "core/point.h"
#include "render/report.h"

#include <stdbool.h>
#include <stdio.h>

/* Option groups a subcommand may accept. */
enum {
    OPT_SCENARIO = 1 << 0, /* --volume --adversarial-share --cost-* --policy */
    OPT_LOAD = 1 << 1,     /* --input --knob-column */
    OPT_COMPARE = 1 << 2,  /* --compare */
    OPT_FORMAT = 1 << 3,   /* --format --output */
    OPT_CHART = 1 << 4,    /* --width --height --ascii --no-color */
    /* Groups of later capabilities; each owns its bit. */
    OPT_JUDGED = 1 << 5,   /* data loading: --preset --judge --set-column ... */
    OPT_SWEEP = 1 << 6,    /* tradeoff sweep: --points ... */
    OPT_CHECK = 1 << 7,    /* tradeoff check: --max-asr-increase ... */
    OPT_ANALYSIS = 1 << 8, /* frontier analytics options shared by report/plot/explore */
    OPT_EXPLORE = 1 << 9,  /* explorer: --scenario --threshold --baseline --select --no-mouse */
    OPT_PRACTICE = 1 << 10,/* practice: --seed --kind --count --worksheet */
    OPT_EXAMPLES = 1 << 11,/* --list-examples --example */
};

typedef struct {
    const char *command;     /* "report", "explore", ... for messages */
    scenario_t scenario;
    input_opts_t load;
    const char *compare;     /* "A,B" as given */
    report_format_t format;
    const char *output;      /* NULL: standard output */
    int width, height;       /* 0: from the terminal */
    bool ascii, no_color;
    char **files;            /* operands */
    int nfiles;

    /* --- fields of later capabilities: each area adds its own below --- */
    /* data loading (judged / scores / binned / sweep) */
    size_t sweep_points;     /* sweep --points N; 0: every threshold */
    /* analytics and check */
    analysis_opts_t analysis;    /* --interval, --category-shares */
    const char *baseline_name, *candidate_name; /* check: which point of each file */
    double max_asr_increase, max_orr_increase;  /* check: allowed rises, fractions (default 0) */
    double significance;         /* check: alpha of the Newcombe interval; 0: not used */
    /* chart */
    int x_scale, y_scale;    /* chart_scale_t: --x-scale, --y-scale (0: auto) */
    bool no_labels;          /* --no-labels: number every point, names in the key */
    /* explorer */
    const char *scenario_file; /* --scenario FILE */
    const char *threshold;   /* --threshold X as given */
    const char *baseline;    /* --baseline NAME */
    const char *select;      /* --select NAME */
    bool no_mouse;           /* --no-mouse */
    const char *keys_format; /* --keys FMT: print the key table and exit */
    /* practice */
    unsigned long long practice_seed; /* --seed N */
    bool practice_seed_set;
    const char *practice_kind;   /* --kind KIND as given (checked by cmd_practice); NULL: all */
    int practice_count;          /* --count N; 0: the default */
    bool practice_worksheet;     /* --worksheet: print questions and answers */
    bool practice_plain;         /* --plain: line mode even on a terminal */
    /* examples and install */
    const char *example;     /* --example NAME: its file goes before the operands */
} cli_t;

/* Parses argv (argv[0] being the subcommand or the program). Prints --help
 * or --version and exits 0 when asked; prints an error and returns false on
 * a bad flag or value. */
bool cli_parse(cli_t *c, int argc, char **argv, unsigned groups);
/* Loads the operands (or the built-in scenario when there are none) into
 * `set`; prints errors and warnings to stderr. Returns false on failure. */
bool cli_load(const cli_t *c, pointset_t *set, char **title);
/* Resolves --compare "A,B" against the set; prints an error when a name is
 * unknown. Both are NULL when no comparison was asked for. */
bool cli_compare(const cli_t *c, const pointset_t *set, const point_t **a, const point_t **b);
/* "tradeoff: " + message, to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_usage(FILE *to);

#endif
