#include "config.h"

#include "cli/cli.h"
#include "cli/loadprogress.h"
#include "base/diag.h"
#include "base/exitcode.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "load/inputopts.h"
#include "load/judged.h"
#include "load/load.h"
#include "core/namematch.h"
#include "render/canvas.h"
#include "ui/bindings.h"
#include "ui/explore_names.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* ---- commands ---------------------------------------------------------------- */

static const struct {
    const char *name, *operands, *summary;
} commands[CLI_NCOMMANDS] = {
    [CLI_EXPLORE] = {"explore", "[OPTION]... [FILE]...",
                     "the explorer: chart, sliders and daily counts (also with no command)"},
    [CLI_REPORT] = {"report", "[OPTION]... [FILE]...", "print the analysis: text, JSON, Markdown, CSV or SVG"},
    [CLI_CHECK] = {"check", "[OPTION]... BASELINE CANDIDATE",
                   "gate a candidate against a baseline: exit 1 on a regression"},
    [CLI_DIFF] = {"diff", "[OPTION]... A B",
                  "which prompts changed between two runs, with paired tests"},
    [CLI_JUDGES] = {"judges", "[OPTION]... FILE", "how often the judges of one file agree (Cohen's kappa)"},
    [CLI_PLOT] = {"plot", "[OPTION]... [FILE]...", "print the trade-off chart"},
    [CLI_SWEEP] = {"sweep", "[OPTION]... FILE", "write the exact curve of a score file as operating points"},
    [CLI_PRACTICE] = {"practice", "[OPTION]...", "interview drills on the trade-off, checked by the model"},
};

bool cli_command_find(const char *name, cli_command_t *cmd)
{
    for (int i = 0; i < CLI_NCOMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0) {
            *cmd = (cli_command_t)i;
            return true;
        }
    return false;
}

void cli_command_names(FILE *to)
{
    for (int i = 0; i < CLI_NCOMMANDS; i++)
        fprintf(to, " %s", commands[i].name);
}

/* ---- the option table ------------------------------------------------------- */

/* Sections of --help and of the man page's OPTIONS, in order: what a user
 * does with the options. */
typedef enum {
    SEC_DATA,
    SEC_SCENARIO,
    SEC_ANALYSIS,
    SEC_CHART,
    SEC_OUTPUT,
    SEC_EXPLORER,
    SEC_CHECK,
    SEC_SWEEP,
    SEC_PRACTICE,
    SEC_HELP,
    SEC_COUNT
} section_t;

static const char *const section_titles[SEC_COUNT] = {
    [SEC_DATA] = "Data and input mapping",
    [SEC_SCENARIO] = "Scenario",
    [SEC_ANALYSIS] = "Analysis",
    [SEC_CHART] = "Chart",
    [SEC_OUTPUT] = "Output",
    [SEC_EXPLORER] = "Explorer",
    [SEC_CHECK] = "Regression check",
    [SEC_SWEEP] = "Sweep",
    [SEC_PRACTICE] = "Practice",
    [SEC_HELP] = "Help",
};

enum {
    O_EXAMPLE = 256, O_LIST_EXAMPLES, O_INPUT, O_KNOB, O_GROUP_COLUMNS, O_PRESET, O_JUDGE, O_SET_COLUMN,
    O_HARMFUL_VALUES, O_BENIGN_VALUES, O_VERDICT_COLUMN, O_REFUSED_VALUES, O_COMPLIED_VALUES,
    O_UNRECOGNISED, O_N_ADVERSARIAL, O_N_BENIGN, O_ID_COLUMN,
    O_ASR_COLUMN, O_ORR_COLUMN, O_COMPLEMENT, O_RATES, O_NAME_COLUMNS, O_CATEGORY_COLUMN, O_WHERE, O_VERBOSE,
    O_VOLUME, O_ADV, O_COST_REFUSAL, O_COST_HARM, O_POLICY,
    O_COMPARE, O_INTERVAL, O_CATEGORY_SHARES, O_TARGET_ASR, O_TARGET_ORR,
    O_WIDTH, O_HEIGHT, O_ASCII, O_X_SCALE, O_Y_SCALE, O_NO_LABELS, O_NO_KEY, O_GROUP,
    O_FORMAT, O_NO_COLOR,
    O_SCENARIO_FILE, O_THRESHOLD, O_BASELINE, O_SELECT, O_NO_MOUSE, O_KEYS,
    O_BASELINE_NAME, O_CANDIDATE_NAME, O_MAX_ASR_INCREASE, O_MAX_ORR_INCREASE, O_SIGNIFICANCE, O_ACROSS_GROUPS,
    O_POINTS,
    O_SEED, O_KIND, O_COUNT, O_WORKSHEET, O_PLAIN,
};

/* Which commands accept an option. */
#define ON(cmd) (1u << (cmd))
#define ALL ((1u << CLI_NCOMMANDS) - 1)
#define POINTS_IN (ON(CLI_EXPLORE) | ON(CLI_REPORT) | ON(CLI_PLOT)) /* read files of points */
#define FILES_IN (POINTS_IN | ON(CLI_CHECK))                       /* ... or two to check */
#define SCORES_IN (FILES_IN | ON(CLI_SWEEP))                       /* ... or a score file */
#define CHARTS (ON(CLI_REPORT) | ON(CLI_PLOT))                     /* draw a chart of a size */
#define COUNTS_SHOWN (ON(CLI_EXPLORE) | ON(CLI_REPORT) | ON(CLI_CHECK)) /* show counts and intervals */
#define SCREENS (ON(CLI_EXPLORE) | ON(CLI_PRACTICE))               /* draw on the terminal */
#define PROMPTS_IN (ON(CLI_DIFF) | ON(CLI_JUDGES))                 /* read per-prompt results only */
#define MAPPED_IN (FILES_IN | PROMPTS_IN)                          /* judged files with mapping flags */

static const struct {
    struct option opt;
    section_t section;
    unsigned commands;
    const char *arg, *help;
} options[] = {
    {{"example", required_argument, NULL, O_EXAMPLE}, SEC_DATA, POINTS_IN, "NAME",
     "load the shipped example NAME (before any\n" "FILE; again for more); see --list-examples"},
    {{"list-examples", no_argument, NULL, O_LIST_EXAMPLES}, SEC_DATA, POINTS_IN, NULL,
     "list the shipped example data sets and exit"},
    {{"input", required_argument, NULL, O_INPUT}, SEC_DATA, SCORES_IN, "KIND",
     "read files as points, judged, scores or\n" "binned (default: from the header)"},
    {{"knob-column", required_argument, NULL, O_KNOB}, SEC_DATA, FILES_IN, "NAME",
     "the column a series varies (default:\n" "threshold)"},
    {{"group-columns", required_argument, NULL, O_GROUP_COLUMNS}, SEC_DATA, FILES_IN, "COLS",
     "columns naming each point's measurement\n"
     "group (default: set and judge columns);\n"
     "none pools every point in one group"},
    {{"preset", required_argument, NULL, O_PRESET}, SEC_DATA, MAPPED_IN, "NAME",
     "per-prompt judgements in a public format:\n" "xstest or jailbreakbench"},
    {{"judge", required_argument, NULL, O_JUDGE}, SEC_DATA, MAPPED_IN, "COLS",
     "the preset's verdict column(s): xstest\n"
     "final_label (default), gpt4_label,\n"
     "strmatch_label; jailbreakbench jailbroken\n"
     "(default), jailbroken_llama_guard1;\n"
     "given again, the lists add up"},
    {{"set-column", required_argument, NULL, O_SET_COLUMN}, SEC_DATA, SCORES_IN | PROMPTS_IN, "NAME",
     "the column saying whether a prompt is\n" "harmful or benign (judged and score files)"},
    {{"harmful-values", required_argument, NULL, O_HARMFUL_VALUES}, SEC_DATA, SCORES_IN | PROMPTS_IN, "V1,V2",
     "values of the set column meaning harmful\n" "(default harmful,unsafe,...)"},
    {{"benign-values", required_argument, NULL, O_BENIGN_VALUES}, SEC_DATA, SCORES_IN | PROMPTS_IN, "V1,V2",
     "values of the set column meaning benign\n" "(default benign,safe,...)"},
    {{"verdict-column", required_argument, NULL, O_VERDICT_COLUMN}, SEC_DATA, MAPPED_IN, "COLS",
     "the column(s) with the verdict on each\n" "answer; one point per column; given\n"
     "again, the lists add up"},
    {{"refused-values", required_argument, NULL, O_REFUSED_VALUES}, SEC_DATA, MAPPED_IN, "V1,V2",
     "verdicts meaning the answer was a refusal"},
    {{"complied-values", required_argument, NULL, O_COMPLIED_VALUES}, SEC_DATA, MAPPED_IN, "V1,V2",
     "verdicts meaning the model complied"},
    {{"unrecognised", required_argument, NULL, O_UNRECOGNISED}, SEC_DATA, FILES_IN | ON(CLI_DIFF), "HOW",
     "verdicts of neither kind: exclude (default),\n" "refusal or compliance"},
    {{"id-column", required_argument, NULL, O_ID_COLUMN}, SEC_DATA, COUNTS_SHOWN | PROMPTS_IN, "NAME",
     "the column identifying each prompt, which\n"
     "pairs two files (default: the preset's, id,\n"
     "prompt_id or index, else the prompt text)"},
    {{"n-adversarial", required_argument, NULL, O_N_ADVERSARIAL}, SEC_DATA, COUNTS_SHOWN, "N",
     "harmful prompts behind each rate, for rows\n" "that give no n_adversarial"},
    {{"n-benign", required_argument, NULL, O_N_BENIGN}, SEC_DATA, COUNTS_SHOWN, "N",
     "benign prompts behind each rate, for rows\n" "that give no n_benign"},
    {{"asr-column", required_argument, NULL, O_ASR_COLUMN}, SEC_DATA, FILES_IN, "NAME",
     "operating points: the column of the attack\n" "success rate"},
    {{"orr-column", required_argument, NULL, O_ORR_COLUMN}, SEC_DATA, FILES_IN, "NAME",
     "operating points: the column of the\n" "over-refusal rate"},
    {{"complement", required_argument, NULL, O_COMPLEMENT}, SEC_DATA, FILES_IN, "SIDE",
     "asr, orr or both: the column gives the\n" "opposite outcome (caught, answered); the\n"
     "rate is 100 - value"},
    {{"rates", required_argument, NULL, O_RATES}, SEC_DATA, FILES_IN, "UNIT",
     "rate columns hold percent, fraction, or\n" "auto (by the column's name; default)"},
    {{"name-columns", required_argument, NULL, O_NAME_COLUMNS}, SEC_DATA, FILES_IN, "COLS",
     "operating points: the name built from these\n" "columns, \"A (B, C)\""},
    {{"category-column", required_argument, NULL, O_CATEGORY_COLUMN}, SEC_DATA, FILES_IN, "NAME",
     "a long table: one category per row, the rows\n" "of one name one point"},
    {{"where", required_argument, NULL, O_WHERE}, SEC_DATA, FILES_IN, "EXPR",
     "keep the rows where COL=VALUE, COL!=VALUE,\n" "COL~TEXT or COL!~TEXT (repeatable: all must\n"
     "hold)"},
    {{"verbose", no_argument, NULL, O_VERBOSE}, SEC_DATA, SCORES_IN | PROMPTS_IN, NULL,
     "say how each file was read (on how many\n" "cores, and why on one)"},

    {{"volume", required_argument, NULL, O_VOLUME}, SEC_SCENARIO, POINTS_IN, "N",
     "daily queries, 1,000 to 1e15 (10000000,\n" "10,000,000, 1e7, 10M, 2.5k, 1B); default 10M"},
    {{"adversarial-share", required_argument, NULL, O_ADV}, SEC_SCENARIO, POINTS_IN, "PCT",
     "share of traffic that is adversarial, in\n" "percent (0.1 or 0.1%); default 0.1"},
    {{"cost-refusal", required_argument, NULL, O_COST_REFUSAL}, SEC_SCENARIO, POINTS_IN, "X",
     "cost of one unnecessary refusal, up to\n" "1e15; default unset (0)"},
    {{"cost-harm", required_argument, NULL, O_COST_HARM}, SEC_SCENARIO, POINTS_IN, "X",
     "cost of one harmful output, up to 1e15;\n" "default unset (0)"},
    {{"policy", required_argument, NULL, O_POLICY}, SEC_SCENARIO, FILES_IN, "NAME",
     "consumer (default), enterprise, high-risk\n" "or none"},

    {{"compare", required_argument, NULL, O_COMPARE}, SEC_ANALYSIS, ON(CLI_REPORT) | ON(CLI_DIFF) | ON(CLI_EXPLORE),
     "A,B", "compare point A with point B: the deltas,\n" "the break-even and a sentence (diff: the\n"
     "two points of the files to diff; explore:\n" "--baseline A --select B)"},
    {{"interval", required_argument, NULL, O_INTERVAL}, SEC_ANALYSIS, ON(CLI_REPORT) | ON(CLI_EXPLORE) | ON(CLI_PRACTICE),
     "METHOD", "95% intervals: wilson (default) or\n" "clopper-pearson (also: exact, its other\n" "name)"},
    {{"category-shares", required_argument, NULL, O_CATEGORY_SHARES}, SEC_ANALYSIS, ON(CLI_REPORT), "LIST",
     "shares of adversarial traffic per harm\n" "category, NAME=PCT,... (weights the ASR)"},
    {{"target-asr", required_argument, NULL, O_TARGET_ASR}, SEC_ANALYSIS, ON(CLI_REPORT), "PCT",
     "the point or mix reaching ASR <= PCT with\n" "the lowest ORR"},
    {{"target-orr", required_argument, NULL, O_TARGET_ORR}, SEC_ANALYSIS, ON(CLI_REPORT), "PCT",
     "the point or mix reaching ORR <= PCT with\n" "the lowest ASR"},

    {{"width", required_argument, NULL, O_WIDTH}, SEC_CHART, CHARTS | PROMPTS_IN, "N",
     "chart width in columns (report: 80; plot:\n" "the terminal's); diff and judges cut their\n"
     "lines to it (default: the terminal's)"},
    {{"height", required_argument, NULL, O_HEIGHT}, SEC_CHART, CHARTS, "N",
     "chart height in rows (report: 24; plot: the\n" "terminal's)"},
    {{"x-scale", required_argument, NULL, O_X_SCALE}, SEC_CHART, CHARTS | ON(CLI_EXPLORE), "SCALE",
     "ORR axis: auto (log when the data span over\n" "two decades), linear or log"},
    {{"y-scale", required_argument, NULL, O_Y_SCALE}, SEC_CHART, CHARTS | ON(CLI_EXPLORE), "SCALE",
     "ASR axis: auto, linear or log (the explorer\n" "has one scale for both axes)"},
    {{"no-labels", no_argument, NULL, O_NO_LABELS}, SEC_CHART, CHARTS, NULL,
     "number the points and name them in the key\n" "below the chart"},
    {{"no-key", no_argument, NULL, O_NO_KEY}, SEC_CHART, ON(CLI_PLOT), NULL,
     "leave out the key of numbered points below\n" "the chart"},
    {{"group", required_argument, NULL, O_GROUP}, SEC_CHART, CHARTS | ON(CLI_EXPLORE), "NAME",
     "the measurement group whose frontier the\n"
     "chart draws (a unique part of its name)"},
    {{"ascii", no_argument, NULL, O_ASCII}, SEC_CHART, CHARTS | SCREENS, NULL,
     "draw with ASCII only (default: braille and\n" "Unicode in a UTF-8 locale)"},

    {{"format", required_argument, NULL, O_FORMAT}, SEC_OUTPUT,
     ON(CLI_REPORT) | ON(CLI_CHECK) | ON(CLI_PRACTICE) | PROMPTS_IN, "FMT",
     "text (default), json, markdown, csv or svg"},
    {{"output", required_argument, NULL, 'o'}, SEC_OUTPUT,
     ON(CLI_REPORT) | ON(CLI_CHECK) | ON(CLI_SWEEP) | ON(CLI_PRACTICE) | PROMPTS_IN, "FILE",
     "write to FILE (atomically) instead of\n" "standard output"},
    {{"no-color", no_argument, NULL, O_NO_COLOR}, SEC_OUTPUT, SCREENS | ON(CLI_PLOT), NULL,
     "no colours on a terminal (a non-empty\n" "NO_COLOR too)"},

    {{"scenario", required_argument, NULL, O_SCENARIO_FILE}, SEC_EXPLORER, ON(CLI_EXPLORE), "FILE",
     "reopen a scenario saved with the s key\n" "(files and how they were read, sliders,\n"
     "baseline, policy)"},
    {{"threshold", required_argument, NULL, O_THRESHOLD}, SEC_EXPLORER, ON(CLI_EXPLORE), "X",
     "start at this threshold of the series (a\n" "mix between measured ones) or point"},
    {{"baseline", required_argument, NULL, O_BASELINE}, SEC_EXPLORER, ON(CLI_EXPLORE), "NAME",
     "pin the point NAME as the baseline"},
    {{"select", required_argument, NULL, O_SELECT}, SEC_EXPLORER, ON(CLI_EXPLORE), "NAME",
     "start with the point NAME as the operating\n" "point"},
    {{"no-mouse", no_argument, NULL, O_NO_MOUSE}, SEC_EXPLORER, ON(CLI_EXPLORE), NULL,
     "ignore the mouse"},
    {{"keys", required_argument, NULL, O_KEYS}, SEC_EXPLORER, ON(CLI_EXPLORE), "FMT",
     "print the key table as text, markdown or\n" "man, and exit"},

    {{"baseline-name", required_argument, NULL, O_BASELINE_NAME}, SEC_CHECK, ON(CLI_CHECK), "NAME",
     "the point of BASELINE to compare (needed\n" "when it has several)"},
    {{"candidate-name", required_argument, NULL, O_CANDIDATE_NAME}, SEC_CHECK, ON(CLI_CHECK), "NAME",
     "the point of CANDIDATE to compare (needed\n" "when it has several)"},
    {{"max-asr-increase", required_argument, NULL, O_MAX_ASR_INCREASE}, SEC_CHECK, ON(CLI_CHECK), "PP",
     "largest allowed rise of ASR, in percentage\n" "points; default 0"},
    {{"max-orr-increase", required_argument, NULL, O_MAX_ORR_INCREASE}, SEC_CHECK, ON(CLI_CHECK), "PP",
     "largest allowed rise of ORR, in percentage\n" "points; default 0"},
    {{"significance", required_argument, NULL, O_SIGNIFICANCE}, SEC_CHECK, ON(CLI_CHECK), "ALPHA",
     "fail only on a rise shown by a one-sided\n" "test at level ALPHA (such as 0.05), from\n"
     "counts: 1e-12 up to, not including, 0.5"},
    {{"across-groups", no_argument, NULL, O_ACROSS_GROUPS}, SEC_CHECK, ON(CLI_CHECK), NULL,
     "gate even a candidate measured on other\n" "sets or judges than the baseline"},

    {{"points", required_argument, NULL, O_POINTS}, SEC_SWEEP, ON(CLI_SWEEP), "N",
     "about N rows, keeping every Pareto-optimal\n" "threshold (default: all)"},

    {{"seed", required_argument, NULL, O_SEED}, SEC_PRACTICE, ON(CLI_PRACTICE), "N",
     "draw the exercises from seed N (0 to\n" "2^64-1); default: a new seed, shown"},
    {{"kind", required_argument, NULL, O_KIND}, SEC_PRACTICE, ON(CLI_PRACTICE), "KIND",
     "one kind of exercise: daily, change, policy,\n" "filter, frontier, sample, cost, category"},
    {{"count", required_argument, NULL, O_COUNT}, SEC_PRACTICE, ON(CLI_PRACTICE), "N",
     "number of exercises, 1 to 500; default 16\n" "(8 for one kind)"},
    {{"worksheet", no_argument, NULL, O_WORKSHEET}, SEC_PRACTICE, ON(CLI_PRACTICE), NULL,
     "print the questions, a page break, then the\n" "worked answers (--format text or markdown)"},
    {{"plain", no_argument, NULL, O_PLAIN}, SEC_PRACTICE, ON(CLI_PRACTICE), NULL,
     "plain line mode, also used when standard\n" "input is not a terminal"},

    {{"help", no_argument, NULL, 'h'}, SEC_HELP, ALL, NULL,
     "show this help and exit"},
    {{"version", no_argument, NULL, 'V'}, SEC_HELP, ALL, NULL,
     "show the version and exit"},
};
#define NOPTIONS (sizeof options / sizeof options[0])

/* ---- messages and help ----------------------------------------------------- */

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tradeoff: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_close_stdout(void)
{
    /* As gnulib's close_stdout: a closed stdout that nothing was written to
     * is no error (`tradeoff report -o out.txt >&-`). A stream that failed
     * earlier is written to once more, for the reason. */
    bool pending = __fpending(stdout) != 0, failed = ferror(stdout) != 0;
    int why = 0;
    if (failed) {
        clearerr(stdout);
        if (fputc('\n', stdout) == EOF || fflush(stdout) != 0)
            why = errno;
    }
    errno = 0;
    bool closed = fclose(stdout) == 0;
    if (!why && !closed)
        why = errno;
    if (failed || (!closed && (pending || why != EBADF))) {
        cli_error("cannot write to standard output%s%s", why ? ": " : "", why ? strerror(why) : "");
        _exit(EXIT_INTERNAL);
    }
}

/* `tradeoff` alone runs the explorer; its help is the overview of every
 * command and option. */
static bool is_overview(const cli_t *c)
{
    return c->name == NULL;
}

void cli_hint(const cli_t *c)
{
    if (is_overview(c))
        fputs("Try 'tradeoff --help' for more information.\n", stderr);
    else
        fprintf(stderr, "Try 'tradeoff %s --help' for more information.\n", c->name);
}

static void usage_line(FILE *to, bool first, const char *name, const char *operands)
{
    fprintf(to, "%s tradeoff %s%s%s\n", first ? "Usage:" : "      ", name ? name : "", name ? " " : "",
            operands);
}

/* An option's help: its own line or lines, the text in a column. */
static void option_help(FILE *to, size_t i)
{
    char left[64];
    const struct option *o = &options[i].opt;
    const char *arg = options[i].arg;
    if (o->val < 256)
        snprintf(left, sizeof left, "-%c, --%s%s%s", o->val, o->name, arg ? " " : "", arg ? arg : "");
    else
        snprintf(left, sizeof left, "    --%s%s%s", o->name, arg ? " " : "", arg ? arg : "");
    fprintf(to, "  %-30s ", left);
    for (const char *p = options[i].help; *p; p++) {
        fputc(*p, to);
        if (*p == '\n')
            fprintf(to, "%33s", "");
    }
    fputc('\n', to);
}

/* The options `mask` accepts, section by section. */
static void options_help(FILE *to, unsigned mask)
{
    for (int s = 0; s < SEC_COUNT; s++) {
        bool titled = false;
        for (size_t i = 0; i < NOPTIONS; i++) {
            if (options[i].section != (section_t)s || !(options[i].commands & mask))
                continue;
            if (!titled)
                fprintf(to, "\n%s:\n", section_titles[s]);
            titled = true;
            option_help(to, i);
        }
    }
}

static void overview_help(FILE *to)
{
    usage_line(to, true, NULL, "[OPTION]... [FILE]...");
    for (int i = 0; i < CLI_NCOMMANDS; i++)
        usage_line(to, false, commands[i].name, commands[i].operands);
    fputs("\nExplore the trade-off between an AI assistant's helpfulness and its\n"
          "harmlessness: attack success rate (ASR) on harmful prompts against over-refusal\n"
          "rate (ORR) on benign prompts, projected onto a day of traffic. With no FILE,\n"
          "the built-in scenario (the worked examples of the domain text) is used.\n"
          "\nCommands:\n",
          to);
    for (int i = 0; i < CLI_NCOMMANDS; i++)
        fprintf(to, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\nEach command takes the options that apply to it, and refuses the others;\n"
          "'tradeoff COMMAND --help' lists them.\n",
          to);
    options_help(to, ALL);
}

static void command_help(FILE *to, cli_command_t cmd)
{
    usage_line(to, true, commands[cmd].name, commands[cmd].operands);
    fprintf(to, "tradeoff %s: %s.\n", commands[cmd].name, commands[cmd].summary);
    options_help(to, ON(cmd));
}

static void help(FILE *to, const cli_t *c)
{
    if (is_overview(c))
        overview_help(to);
    else
        command_help(to, c->command);
    fputs("\nExit status: 0 success; 1 `check` found a regression; 2 bad usage or input;\n"
          "3 output could not be written or internal error.\n",
          to);
}

/* ---- --where, --judge, --verdict-column ---------------------------------------- */

/* What inputopts_set allocated: the array of the --where expressions and
 * the lists a second --judge or --verdict-column joined; freed at exit
 * (cli_t is the command's, gone by then). */
static input_opts_t where_list;

static void free_where_list(void)
{
    inputopts_free(&where_list);
}

/* ---- values ------------------------------------------------------------------- */

static bool flag_value(const cli_t *c, const char *flag, const char *why, const char *value)
{
    char *shown = text_sanitize(value, strlen(value));
    cli_error("--%s '%s': %s", flag, shown, why);
    free(shown);
    cli_hint(c);
    return false;
}

/* `why` from a num_parse_* function: NULL when the value was good. */
static bool number_value(const cli_t *c, const char *flag, const char *why, const char *value)
{
    return why ? flag_value(c, flag, why, value) : true;
}

static bool parse_dimension(const cli_t *c, const char *flag, const char *value, int min, int *out)
{
    double v;
    const char *why = num_parse_decimal(value, &v);
    if (why || v != (int)v || v < min || v > 1000) {
        char msg[80];
        snprintf(msg, sizeof msg, "expected a whole number from %d to 1000", min);
        return flag_value(c, flag, msg, value);
    }
    *out = (int)v;
    return true;
}

/* The scale names are the explorer's (scenario files say the same). */
static bool parse_scale(const cli_t *c, const char *flag, const char *value, chart_scale_t *out)
{
    if (explore_scale_parse(value, out))
        return true;
    char msg[64];
    snprintf(msg, sizeof msg, "expected %s", explore_scale_choices());
    return flag_value(c, flag, msg, value);
}

static bool parse_seed(const cli_t *c, const char *value, unsigned long long *out)
{
    char *end;
    errno = 0;
    const char *s = value + strspn(value, " \t");
    unsigned long long v = strtoull(s, &end, 10);
    if (!isdigit((unsigned char)*s) || errno || *end != '\0')
        return flag_value(c, "seed", "expected a whole number from 0 to 18446744073709551615", value);
    *out = v;
    return true;
}

static bool apply_data(cli_t *c, int val, const char *name, const char *arg)
{
    input_opts_t *in = &c->data.input;
    switch (val) {
    case O_EXAMPLE: cli_examples_add(&c->data, arg); return true;
    case O_LIST_EXAMPLES: cli_examples_list(); exit(EXIT_OK);
    case O_VERBOSE: c->data.verbose = true; return true;
    }
    /* How files are read: checked where a scenario file's are. */
    const char *why = inputopts_set(in, name, arg);
    if (why)
        return flag_value(c, name, why, arg);
    if (in->where != where_list.where || in->joined != where_list.joined) {
        if (!where_list.where && !where_list.joined)
            atexit(free_where_list);
        where_list.where = in->where;
        where_list.joined = in->joined;
        where_list.njoined = in->njoined;
    }
    return true;
}

static bool apply_scenario(cli_t *c, int val, const char *arg)
{
    scenario_t *s = &c->scenario;
    switch (val) {
    case O_VOLUME: return number_value(c, "volume", num_parse_count(arg, &s->volume), arg);
    case O_ADV: return number_value(c, "adversarial-share", num_parse_percent(arg, &s->adv_share), arg);
    case O_COST_REFUSAL: return number_value(c, "cost-refusal", num_parse_amount(arg, &s->cost_refusal), arg);
    case O_COST_HARM: return number_value(c, "cost-harm", num_parse_amount(arg, &s->cost_harm), arg);
    case O_POLICY:
        if (!policy_find(arg, &s->policy)) {
            char msg[96];
            snprintf(msg, sizeof msg, "expected %s", policy_keys());
            return flag_value(c, "policy", msg, arg);
        }
        return true;
    }
    return false;
}

static bool apply_analysis(cli_t *c, int val, const char *arg)
{
    analysis_opts_t *a = &c->analysis.opts;
    const char *why;
    switch (val) {
    case O_COMPARE:
        if (!strchr(arg, ','))
            return flag_value(c, "compare", "expected two point names separated by a comma (A,B)", arg);
        c->analysis.compare = arg;
        return true;
    case O_INTERVAL:
        if (!stats_parse_method(arg, &a->interval))
        {
            char want[80];
            snprintf(want, sizeof want, "expected %s", stats_method_choices());
            return flag_value(c, "interval", want, arg);
        }
        return true;
    case O_CATEGORY_SHARES:
        why = categories_parse_shares(arg, &a->shares);
        a->have_shares = why == NULL;
        return number_value(c, "category-shares", why, arg);
    case O_TARGET_ASR:
        why = num_parse_percent(arg, &a->target_asr);
        a->have_target_asr = why == NULL;
        return number_value(c, "target-asr", why, arg);
    case O_TARGET_ORR:
        why = num_parse_percent(arg, &a->target_orr);
        a->have_target_orr = why == NULL;
        return number_value(c, "target-orr", why, arg);
    }
    return false;
}

static bool apply_chart_output(cli_t *c, int val, const char *arg)
{
    cli_chart_t *ch = &c->chart;
    switch (val) {
    case O_WIDTH: return parse_dimension(c, "width", arg, CHART_MIN_WIDTH, &ch->width);
    case O_HEIGHT: return parse_dimension(c, "height", arg, CHART_MIN_HEIGHT, &ch->height);
    case O_X_SCALE: return parse_scale(c, "x-scale", arg, &ch->xscale);
    case O_Y_SCALE: return parse_scale(c, "y-scale", arg, &ch->yscale);
    case O_NO_LABELS: ch->no_labels = true; return true;
    case O_NO_KEY: ch->no_key = true; return true;
    case O_GROUP: ch->group = arg; return true;
    case O_ASCII: ch->ascii = true; return true;
    case O_FORMAT:
        return report_parse_format(arg, &c->output.format)
                   ? true
                   : flag_value(c, "format", "expected text, json, markdown, csv or svg", arg);
    case 'o': c->output.path = arg; return true;
    case O_NO_COLOR: c->output.no_color = true; return true;
    }
    return false;
}

static bool apply_explorer(cli_t *c, int val, const char *arg)
{
    cli_explore_t *e = &c->explore;
    bindings_format_t fmt;
    switch (val) {
    case O_SCENARIO_FILE: e->scenario_file = arg; return true;
    case O_THRESHOLD: e->threshold = arg; return true;
    case O_BASELINE: e->baseline = arg; return true;
    case O_SELECT: e->select = arg; return true;
    case O_NO_MOUSE: e->no_mouse = true; return true;
    case O_KEYS:
        if (!bindings_parse_format(arg, &fmt))
            return flag_value(c, "keys", "expected text, markdown or man", arg);
        e->keys_format = arg;
        return true;
    }
    return false;
}

static bool apply_check_sweep(cli_t *c, int val, const char *arg)
{
    gate_opts_t *g = &c->check.gate;
    double v;
    switch (val) {
    case O_BASELINE_NAME: c->check.baseline_name = arg; return true;
    case O_ACROSS_GROUPS: c->check.across_groups = true; return true;
    case O_CANDIDATE_NAME: c->check.candidate_name = arg; return true;
    case O_MAX_ASR_INCREASE:
    case O_MAX_ORR_INCREASE: {
        bool asr = val == O_MAX_ASR_INCREASE;
        if (num_parse_percent(arg, asr ? &g->max_asr_increase : &g->max_orr_increase))
            return flag_value(c, asr ? "max-asr-increase" : "max-orr-increase",
                              "expected percentage points from 0 to 100 (0.5 or 0.5%)", arg);
        return true;
    }
    case O_SIGNIFICANCE:
        /* Out of the range the test is finite and meaningful: refused
         * here, and the gate fails closed on it besides. */
        if (num_parse_decimal(arg, &g->significance) || !gate_significance_ok(g->significance)) {
            char msg[96];
            snprintf(msg, sizeof msg, "expected a level from %g up to, not including, %g, such as 0.05",
                     GATE_ALPHA_MIN, GATE_ALPHA_MAX);
            return flag_value(c, "significance", msg, arg);
        }
        return true;
    case O_POINTS:
        if (num_parse_decimal(arg, &v) || v != (double)(long)v || v < 2 || v > 1e9)
            return flag_value(c, "points", "expected a whole number of rows, 2 or more", arg);
        c->sweep.points = (size_t)v;
        return true;
    }
    return false;
}

static bool apply_practice(cli_t *c, int val, const char *arg)
{
    cli_practice_t *p = &c->practice;
    double v;
    switch (val) {
    case O_SEED:
        p->seed_set = true;
        return parse_seed(c, arg, &p->seed);
    case O_KIND: p->kind = arg; return true;
    case O_COUNT:
        if (num_parse_decimal(arg, &v) || v != (int)v || v < 1 || v > 500)
            return flag_value(c, "count", "expected a whole number from 1 to 500", arg);
        p->count = (int)v;
        return true;
    case O_WORKSHEET: p->worksheet = true; return true;
    case O_PLAIN: p->plain = true; return true;
    }
    return false;
}

/* The option's row in the table. getopt_long returns no value the table
 * does not hold, so not finding one is a bug of this file. */
static size_t row_of(int val)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].opt.val == val)
            return i;
    abort();
}

static bool apply_option(cli_t *c, size_t row, const char *arg)
{
    int val = options[row].opt.val;
    switch (options[row].section) {
    case SEC_DATA: return apply_data(c, val, options[row].opt.name, arg);
    case SEC_SCENARIO: return apply_scenario(c, val, arg);
    case SEC_ANALYSIS: return apply_analysis(c, val, arg);
    case SEC_CHART:
    case SEC_OUTPUT: return apply_chart_output(c, val, arg);
    case SEC_EXPLORER: return apply_explorer(c, val, arg);
    case SEC_CHECK:
    case SEC_SWEEP: return apply_check_sweep(c, val, arg);
    case SEC_PRACTICE: return apply_practice(c, val, arg);
    case SEC_HELP:
    case SEC_COUNT: break;
    }
    return false;
}

/* ---- parsing ------------------------------------------------------------------ */

/* The one place that decides how output looks and the level of every
 * interval (the method is --interval's, in the same struct); every command
 * reads the result from cli_t. */
static void decide(cli_t *c)
{
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    c->display.color = !c->output.no_color && !(no_color && *no_color) && isatty(STDOUT_FILENO) && term &&
                       *term && strcmp(term, "dumb") != 0;
    c->display.ascii = c->chart.ascii || canvas_locale_wants_ascii();
    c->analysis.opts.confidence = STATS_CONFIDENCE;
    c->check.gate.policy = c->scenario.policy;
}

static void cli_init(cli_t *c, cli_command_t cmd, const char *argv0)
{
    memset(c, 0, sizeof *c);
    c->command = cmd;
    /* The explorer started without a command name answers --help with the
     * overview of every command. */
    c->name = strcmp(argv0, commands[cmd].name) == 0 ? commands[cmd].name : NULL;
    c->data.input = (input_opts_t)INPUT_OPTS_INIT;
    c->scenario = model_default_scenario();
    c->analysis.opts = (analysis_opts_t)ANALYSIS_OPTS_INIT;
    c->chart.xscale = c->chart.yscale = CHART_SCALE_AUTO;
    c->output.format = REPORT_TEXT;
}

/* The command's name in messages: "explore" also for `tradeoff` alone. */
static const char *shown_name(const cli_t *c)
{
    return commands[c->command].name;
}

/* The option of the command nearest to a misspelt "--name[=value]" by
 * edit distance, when it is close (about one slip in four letters); NULL
 * otherwise. The first of the table wins a tie. */
static const char *closest_option(cli_command_t cmd, const char *bad)
{
    if (strncmp(bad, "--", 2) != 0)
        return NULL;
    char typed[64];
    size_t len = strcspn(bad + 2, "=");
    if (len == 0 || len >= sizeof typed)
        return NULL;
    memcpy(typed, bad + 2, len);
    typed[len] = '\0';
    size_t max = len <= 4 ? 1 : len <= 8 ? 2 : 3, best_d = max + 1;
    const char *best = NULL;
    for (size_t i = 0; i < NOPTIONS; i++) {
        if (!(options[i].commands & ON(cmd)))
            continue;
        size_t d = text_distance(typed, options[i].opt.name, max);
        if (d < best_d) {
            best_d = d;
            best = options[i].opt.name;
        }
    }
    return best;
}

static bool bad_option(const cli_t *c, int val, const char *bad)
{
    char *shown = text_sanitize(bad, strlen(bad));
    const char *near = val == ':' ? NULL : closest_option(c->command, bad);
    if (val == ':')
        cli_error("option '%s' needs a value", shown);
    else if (near)
        cli_error("unknown option '%s'; did you mean --%s?", shown, near);
    else
        cli_error("unknown option '%s'", shown);
    free(shown);
    cli_hint(c);
    return false;
}

bool cli_parse(cli_t *c, cli_command_t cmd, int argc, char **argv)
{
    cli_init(c, cmd, argv[0]);
    struct option longopts[NOPTIONS + 1];
    for (size_t i = 0; i < NOPTIONS; i++)
        longopts[i] = options[i].opt;
    memset(&longopts[NOPTIONS], 0, sizeof longopts[NOPTIONS]);

    opterr = 0;
    optind = 1;
    int val;
    while ((val = getopt_long(argc, argv, ":ho:V", longopts, NULL)) != -1) {
        if (val == 'h') {
            help(stdout, c);
            exit(EXIT_OK);
        }
        if (val == 'V') {
            printf("tradeoff %s\n", PACKAGE_VERSION);
            exit(EXIT_OK);
        }
        if (val == '?' || val == ':')
            return bad_option(c, val, argv[optind - 1]);
        size_t row = row_of(val);
        if (!(options[row].commands & ON(cmd))) {
            cli_error("--%s does not apply to '%s'", options[row].opt.name, shown_name(c));
            cli_hint(c);
            return false;
        }
        if (!apply_option(c, row, optarg))
            return false;
    }
    c->data.files = argv + optind;
    c->data.nfiles = argc - optind;
    if (c->data.nexamples > 0 && !cli_examples_apply(&c->data))
        return false;
    decide(c);
    return true;
}

chart_opts_t cli_chart_opts(const cli_t *c, int width, int height)
{
    chart_opts_t o = chart_default_opts();
    o.width = c->chart.width > 0 ? c->chart.width : width;
    o.height = c->chart.height > 0 ? c->chart.height : height;
    o.xscale = c->chart.xscale;
    o.yscale = c->chart.yscale;
    o.no_labels = c->chart.no_labels;
    o.ascii = c->display.ascii;
    return o;
}

/* ---- loading ------------------------------------------------------------------ */

void cli_print_warnings(const diag_t *d)
{
    size_t n;
    char **lines = diag_condense(d, &n);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "tradeoff: warning: %s\n", lines[i]);
    diag_condensed_free(lines, n);
}

/* Loads one file (a curve whole into `curves` when given); its warnings go
 * to `keep`, its error to stderr. */
static bool load_one(const cli_t *c, const char *path, pointset_t *set, curves_t *curves, curve_t *curve,
                     diag_t *keep)
{
    diag_t d = DIAG_INIT;
    input_opts_t opts = c->data.input;
    loadprogress_attach(&opts, path);
    int rc = set ? load_file_curves(set, curves, path, &opts, &d) : load_curve_file(curve, path, &opts, &d);
    loadprogress_end();
    /* --verbose: how the file was read, as it is read; its warnings are
     * said with the others, condensed. */
    for (size_t i = 0; c->data.verbose && i < d.nnotes; i++)
        fprintf(stderr, "tradeoff: note: %s\n", d.notes[i]);
    diag_take_warnings(keep, &d);
    if (rc != 0) {
        cli_print_warnings(keep);
        fprintf(stderr, "tradeoff: %s\n", d.error ? d.error : "cannot load file");
    }
    diag_free(&d);
    return rc == 0;
}

bool cli_load_file(const cli_t *c, const char *path, pointset_t *set, curve_t *curve, diag_t *keep)
{
    diag_t mine = DIAG_INIT;
    bool ok = load_one(c, path, set, NULL, curve, keep ? keep : &mine);
    if (ok && !keep)
        cli_print_warnings(&mine);
    diag_free(&mine);
    return ok;
}

bool cli_load(const cli_t *c, pointset_t *set, curves_t *curves, char **title, diag_t *keep)
{
    sb_t t = SB_INIT;
    diag_t mine = DIAG_INIT;
    diag_t *warnings = keep ? keep : &mine;
    if (c->data.nfiles == 0) {
        load_builtin(set, &c->data.input);
        sb_puts(&t, "built-in scenario");
    }
    bool ok = true;
    for (int i = 0; ok && i < c->data.nfiles; i++) {
        const char *path = c->data.files[i];
        ok = load_one(c, path, set, curves, NULL, warnings);
        char *shown = text_sanitize(path, strlen(path));
        sb_printf(&t, "%s%s", i ? ", " : "", shown);
        free(shown);
    }
    if (ok)
        cli_print_warnings(warnings);
    diag_free(&mine);
    if (!ok) {
        sb_free(&t);
        return false;
    }
    *title = sb_detach(&t);
    return true;
}

bool cli_parse_load(cli_t *c, cli_command_t cmd, int argc, char **argv, pointset_t *set, char **title, diag_t *keep)
{
    if (!cli_parse(c, cmd, argc, argv))
        return false;
    if (cli_load(c, set, NULL, title, keep))
        return true;
    pointset_free(set);
    return false;
}

bool cli_point(const pointset_t *set, const char *arg, const char *flag, const char *where, const point_t **p)
{
    char *name = text_one_name(arg);
    namematch_t m = namematch_points(set);
    sb_t why = SB_INIT;
    long k = namematch_resolve(&m, name, &why);
    *p = k >= 0 ? &set->items[k] : NULL;
    if (k < 0)
        cli_error("--%s: %s%s%s", flag, where ? where : "", where ? ": " : "", sb_str(&why));
    sb_free(&why);
    free(name);
    return k >= 0;
}

/* ---- the terminal ------------------------------------------------------------ */

#define TERM_DEFAULT_WIDTH 80
#define TERM_DEFAULT_HEIGHT 24
#define TERM_MAX_SIDE 1000 /* a wild COLUMNS must not allocate gigabytes */

static int env_int(const char *name)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return 0;
    char *end;
    long v = strtol(s, &end, 10);
    return (*end == '\0' && v > 0 && v <= TERM_MAX_SIDE) ? (int)v : 0;
}

void cli_terminal_size(int *width, int *height)
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
    *width = cols > 0 ? cols : TERM_DEFAULT_WIDTH;
    if (*width > TERM_MAX_SIDE)
        *width = TERM_MAX_SIDE;
    if (height) {
        *height = rows > 0 ? rows : TERM_DEFAULT_HEIGHT;
        if (*height > TERM_MAX_SIDE)
            *height = TERM_MAX_SIDE;
    }
}

bool cli_group(const cli_t *c, const pointset_t *set, const char **name)
{
    *name = NULL;
    if (!c->chart.group)
        return true;
    groups_t g;
    groups_compute(&g, set);
    sb_t why = SB_INIT;
    long k = groups_resolve(&g, c->chart.group, &why);
    if (k >= 0)
        *name = g.items[k].name; /* the set's memory, not g's */
    else
        cli_error("--group: %s", sb_str(&why));
    sb_free(&why);
    groups_free(&g);
    return k >= 0;
}

bool cli_compare(const cli_t *c, const pointset_t *set, const point_t **a, const point_t **b)
{
    *a = *b = NULL;
    const char *compare = c->analysis.compare;
    if (!compare)
        return true;
    char **names;
    size_t n;
    const char *why = text_split_list(compare, &names, &n);
    if (!why && n != 2)
        why = "two point names separated by a comma (a name with a comma goes in double quotes: "
              "'\"A, B\",C')";
    if (why) {
        char *shown = text_sanitize(compare, strlen(compare));
        cli_error("--compare '%s': expected %s", shown, why);
        free(shown);
        text_list_free(names, n);
        return false;
    }
    namematch_t m = namematch_points(set);
    sb_t msg = SB_INIT;
    long ia = namematch_resolve(&m, names[0], &msg);
    long ib = ia >= 0 ? namematch_resolve(&m, names[1], &msg) : -1;
    if (ia >= 0 && ib >= 0) {
        *a = &set->items[ia];
        *b = &set->items[ib];
    } else {
        cli_error("--compare: %s", sb_str(&msg));
    }
    sb_free(&msg);
    text_list_free(names, n);
    return *a != NULL;
}
