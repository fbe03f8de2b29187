#include "config.h"

#include "cli/cli.h"
#include "load/examples.h"
#include "base/diag.h"
#include "base/exitcode.h"
#include "load/judged.h"
#include "cli/loadprogress.h"
#include "base/num.h"
#include "core/builtin.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    O_VOLUME = 256, O_ADV, O_COST_REFUSAL, O_COST_HARM, O_POLICY, O_COMPARE, O_FORMAT,
    O_INPUT, O_KNOB, O_WIDTH, O_HEIGHT, O_ASCII, O_NO_COLOR,
    /* Each later capability numbers its options in its own range, so that
     * they can be added independently:
     *   data loading 300-349, analytics/check 350-399, chart 400-449,
     *   explorer 450-499, reports/examples 500-549, practice 550-599. */
};
enum { O_LIST_EXAMPLES = 500, O_EXAMPLE }; /* reports and examples */
enum { O_SEED = 550, O_KIND, O_COUNT, O_WORKSHEET, O_PLAIN }; /* practice */
enum { O_X_SCALE = 400, O_Y_SCALE, O_NO_LABELS }; /* chart */
enum { O_SCENARIO_FILE = 450, O_THRESHOLD, O_BASELINE, O_SELECT, O_NO_MOUSE, O_KEYS }; /* explorer */
enum { /* data loading */
    O_PRESET = 300, O_JUDGE, O_SET_COLUMN, O_HARMFUL_VALUES, O_BENIGN_VALUES,
    O_VERDICT_COLUMN, O_REFUSED_VALUES, O_COMPLIED_VALUES, O_POINTS,
};
enum { /* analytics and check */
    O_INTERVAL = 350, O_CATEGORY_SHARES, O_BASELINE_NAME, O_CANDIDATE_NAME,
    O_MAX_ASR_INCREASE, O_MAX_ORR_INCREASE, O_SIGNIFICANCE, O_TARGET_ASR, O_TARGET_ORR,
};

static const struct {
    struct option opt;
    unsigned group;
    const char *arg, *help;
} options[] = {
    {{"volume", required_argument, NULL, O_VOLUME}, OPT_SCENARIO, "N",
     "daily queries (10000000, 10,000,000, 1e7, 10M, 2.5k, 1B); default 10M"},
    {{"adversarial-share", required_argument, NULL, O_ADV}, OPT_SCENARIO, "PCT",
     "share of traffic that is adversarial, in percent (0.1 or 0.1%); default 0.1"},
    {{"cost-refusal", required_argument, NULL, O_COST_REFUSAL}, OPT_SCENARIO, "X",
     "cost of one unnecessary refusal; default unset (0)"},
    {{"cost-harm", required_argument, NULL, O_COST_HARM}, OPT_SCENARIO, "X",
     "cost of one harmful output; default unset (0)"},
    {{"policy", required_argument, NULL, O_POLICY}, OPT_SCENARIO, "NAME",
     "consumer (default), enterprise, high-risk or none"},
    {{"input", required_argument, NULL, O_INPUT}, OPT_LOAD, "KIND",
     "read files as points, judged, scores or binned (default: from the header)"},
    {{"knob-column", required_argument, NULL, O_KNOB}, OPT_LOAD, "NAME",
     "column that a series varies (default: threshold)"},
    {{"compare", required_argument, NULL, O_COMPARE}, OPT_COMPARE, "A,B",
     "compare point A with point B: deltas, break-even and a sentence"},
    {{"format", required_argument, NULL, O_FORMAT}, OPT_FORMAT, "FMT",
     "text (default), json, markdown, csv or svg"},
    {{"output", required_argument, NULL, 'o'}, OPT_FORMAT, "FILE",
     "write to FILE (atomically) instead of standard output"},
    {{"width", required_argument, NULL, O_WIDTH}, OPT_CHART, "N", "chart width in columns"},
    {{"height", required_argument, NULL, O_HEIGHT}, OPT_CHART, "N", "chart height in rows"},
    {{"ascii", no_argument, NULL, O_ASCII}, OPT_CHART, NULL, "draw with ASCII only"},
    {{"no-color", no_argument, NULL, O_NO_COLOR}, OPT_CHART, NULL, "no colours (NO_COLOR is honoured too)"},
    /* --- options of later capabilities: each area adds its rows here --- */
    /* data loading */
    {{"preset", required_argument, NULL, O_PRESET}, OPT_JUDGED, "NAME",
     "per-prompt judgements in a public format: xstest or jailbreakbench"},
    {{"judge", required_argument, NULL, O_JUDGE}, OPT_JUDGED, "COLS",
     "the preset's verdict column(s): xstest final_label (default), gpt4_label, strmatch_label; "
     "jailbreakbench jailbroken (default), jailbroken_llama_guard1"},
    {{"set-column", required_argument, NULL, O_SET_COLUMN}, OPT_JUDGED, "NAME",
     "column saying whether a prompt is harmful or benign (judged and scores files)"},
    {{"harmful-values", required_argument, NULL, O_HARMFUL_VALUES}, OPT_JUDGED, "V1,V2",
     "values of the set column that mean harmful (default harmful,unsafe,...)"},
    {{"benign-values", required_argument, NULL, O_BENIGN_VALUES}, OPT_JUDGED, "V1,V2",
     "values of the set column that mean benign (default benign,safe,...)"},
    {{"verdict-column", required_argument, NULL, O_VERDICT_COLUMN}, OPT_JUDGED, "COLS",
     "column(s) with the verdict on each answer; one point per column"},
    {{"refused-values", required_argument, NULL, O_REFUSED_VALUES}, OPT_JUDGED, "V1,V2",
     "verdicts that mean the answer was a refusal"},
    {{"complied-values", required_argument, NULL, O_COMPLIED_VALUES}, OPT_JUDGED, "V1,V2",
     "verdicts that mean the model complied"},
    {{"points", required_argument, NULL, O_POINTS}, OPT_SWEEP, "N",
     "sweep: about N rows, keeping every Pareto-optimal threshold (default: all)"},
    /* analytics and check */
    {{"interval", required_argument, NULL, O_INTERVAL}, OPT_ANALYSIS, "METHOD",
     "95% intervals: wilson (default) or clopper-pearson"},
    {{"category-shares", required_argument, NULL, O_CATEGORY_SHARES}, OPT_ANALYSIS, "LIST",
     "shares of adversarial traffic per harm category, NAME=PCT,... (weights the ASR)"},
    {{"target-asr", required_argument, NULL, O_TARGET_ASR}, OPT_ANALYSIS, "PCT",
     "the point or mix reaching ASR <= PCT with the lowest ORR"},
    {{"target-orr", required_argument, NULL, O_TARGET_ORR}, OPT_ANALYSIS, "PCT",
     "the point or mix reaching ORR <= PCT with the lowest ASR"},
    {{"baseline-name", required_argument, NULL, O_BASELINE_NAME}, OPT_CHECK, "NAME",
     "check: the point of BASELINE.csv to compare (needed when it has several)"},
    {{"candidate-name", required_argument, NULL, O_CANDIDATE_NAME}, OPT_CHECK, "NAME",
     "check: the point of CANDIDATE.csv to compare (needed when it has several)"},
    {{"max-asr-increase", required_argument, NULL, O_MAX_ASR_INCREASE}, OPT_CHECK, "PP",
     "check: largest allowed rise of ASR, in percentage points; default 0"},
    {{"max-orr-increase", required_argument, NULL, O_MAX_ORR_INCREASE}, OPT_CHECK, "PP",
     "check: largest allowed rise of ORR, in percentage points; default 0"},
    {{"significance", required_argument, NULL, O_SIGNIFICANCE}, OPT_CHECK, "ALPHA",
     "check: fail only on a rise beyond chance at level ALPHA (0.05), from counts"},
    /* chart */
    {{"x-scale", required_argument, NULL, O_X_SCALE}, OPT_CHART, "SCALE",
     "chart: ORR axis auto (log when the data span over two decades), linear or log"},
    {{"y-scale", required_argument, NULL, O_Y_SCALE}, OPT_CHART, "SCALE", "chart: ASR axis auto, linear or log"},
    {{"no-labels", no_argument, NULL, O_NO_LABELS}, OPT_CHART, NULL,
     "chart: number the points and name them in the key below"},
    /* explorer */
    {{"scenario", required_argument, NULL, O_SCENARIO_FILE}, OPT_EXPLORE, "FILE",
     "explorer: reopen a scenario saved with the s key (files, sliders, baseline, policy)"},
    {{"threshold", required_argument, NULL, O_THRESHOLD}, OPT_EXPLORE, "X",
     "explorer: start at this threshold of the series (a mix between measured ones) or point"},
    {{"baseline", required_argument, NULL, O_BASELINE}, OPT_EXPLORE, "NAME",
     "explorer: pin the point NAME as the baseline"},
    {{"select", required_argument, NULL, O_SELECT}, OPT_EXPLORE, "NAME",
     "explorer: start with the point NAME as the operating point"},
    {{"no-mouse", no_argument, NULL, O_NO_MOUSE}, OPT_EXPLORE, NULL, "explorer: ignore the mouse"},
    {{"keys", required_argument, NULL, O_KEYS}, OPT_EXPLORE, "FMT",
     "explorer: print its key table as text, markdown or man, and exit"},
    /* reports and examples */
    {{"list-examples", no_argument, NULL, O_LIST_EXAMPLES}, OPT_EXAMPLES, NULL,
     "list the example data sets shipped with tradeoff and exit"},
    {{"example", required_argument, NULL, O_EXAMPLE}, OPT_EXAMPLES, "NAME",
     "load the shipped example NAME (before any FILE); see --list-examples"},
    /* practice */
    {{"seed", required_argument, NULL, O_SEED}, OPT_PRACTICE, "N",
     "practice: draw the exercises from seed N (0 to 2^64-1); default: a new seed, shown"},
    {{"kind", required_argument, NULL, O_KIND}, OPT_PRACTICE, "KIND",
     "practice: one kind of exercise: daily, change, policy, filter, frontier, sample, cost, category"},
    {{"count", required_argument, NULL, O_COUNT}, OPT_PRACTICE, "N",
     "practice: number of exercises, 1 to 500; default 16 (8 for one kind)"},
    {{"worksheet", no_argument, NULL, O_WORKSHEET}, OPT_PRACTICE, NULL,
     "practice: print questions, a page break, then worked answers (--format text or markdown)"},
    {{"plain", no_argument, NULL, O_PLAIN}, OPT_PRACTICE, NULL,
     "practice: plain line mode, also used when standard input is not a terminal"},
    {{"help", no_argument, NULL, 'h'}, 0, NULL, "show this help and exit"},
    {{"version", no_argument, NULL, 'V'}, 0, NULL, "show the version and exit"},
};
#define NOPTIONS (sizeof options / sizeof options[0])

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tradeoff: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_usage(FILE *to)
{
    fputs("Usage: tradeoff [OPTION]... [FILE]...          open the explorer\n"
          "       tradeoff report [OPTION]... [FILE]...   print the analysis (text, JSON, Markdown, CSV, SVG)\n"
          "       tradeoff check [OPTION]... BASELINE CANDIDATE   gate a candidate: exit 1 on a regression\n"
          "       tradeoff plot [OPTION]... [FILE]...     print the trade-off chart\n"
          "       tradeoff sweep [OPTION]... FILE         the exact curve of a score file, as CSV\n"
          "       tradeoff practice [OPTION]...           interview drills, checked by the model\n"
          "\n"
          "Explore the trade-off between an AI assistant's helpfulness and its harmlessness:\n"
          "attack success rate (ASR) on harmful prompts against over-refusal rate (ORR) on\n"
          "benign prompts, projected onto a day of traffic. With no FILE, the built-in\n"
          "scenario (the worked examples of the domain text) is used.\n"
          "\nOptions:\n",
          to);
    for (size_t i = 0; i < NOPTIONS; i++) {
        char left[64];
        const struct option *o = &options[i].opt;
        if (o->val == 'o' || o->val == 'h' || o->val == 'V')
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->val, o->name, options[i].arg ? " " : "",
                     options[i].arg ? options[i].arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, options[i].arg ? " " : "",
                     options[i].arg ? options[i].arg : "");
        fprintf(to, "  %-30s %s\n", left, options[i].help);
    }
    fputs("\nExit status: 0 success; 1 `check` found a regression; 2 bad usage or input;\n"
          "3 output could not be written or internal error.\n",
          to);
}

/* ---- --example and --list-examples ---------------------------------------- */

/* The operand list with the example's file in front; kept until exit. */
static char **example_files;

static void free_example_files(void)
{
    if (example_files)
        free(example_files[0]);
    free(example_files);
    example_files = NULL;
}

static void examples_list(void)
{
    sb_t out = SB_INIT;
    examples_describe(&out);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
}

static bool examples_apply(const char *name, char ***files, int *nfiles)
{
    const example_t *e = examples_find(name);
    if (!e) {
        char *shown = text_sanitize(name, strlen(name));
        sb_t names = SB_INIT;
        examples_names(&names);
        cli_error("--example '%s': expected %s (see --list-examples)", shown, sb_str(&names));
        sb_free(&names);
        free(shown);
        return false;
    }
    diag_t d = DIAG_INIT;
    char *path = examples_path(e, &d);
    if (!path) {
        cli_error("--example %s: %s", e->name, d.error);
        diag_free(&d);
        return false;
    }
    diag_free(&d);
    free_example_files();
    example_files = xcalloc((size_t)*nfiles + 2, sizeof *example_files);
    example_files[0] = path;
    for (int i = 0; i < *nfiles; i++)
        example_files[i + 1] = (*files)[i];
    *files = example_files;
    (*nfiles)++;
    static bool registered;
    if (!registered)
        atexit(free_example_files);
    registered = true;
    return true;
}

static bool flag_value(const char *flag, const char *why, const char *value)
{
    char *shown = text_sanitize(value, strlen(value));
    cli_error("--%s '%s': %s", flag, shown, why);
    free(shown);
    fprintf(stderr, "Try 'tradeoff --help' for more information.\n");
    return false;
}

static bool parse_dimension(const char *flag, const char *value, int min, int *out)
{
    double v;
    const char *why = num_parse_decimal(value, &v);
    if (why || v != (int)v || v < min || v > 1000) {
        char msg[80];
        snprintf(msg, sizeof msg, "expected a whole number from %d to 1000", min);
        return flag_value(flag, msg, value);
    }
    *out = (int)v;
    return true;
}

static bool apply_option(cli_t *c, int val, const char *arg)
{
    const char *why = NULL;
    switch (val) {
    case O_VOLUME:
        why = num_parse_count(arg, &c->scenario.volume);
        return why ? flag_value("volume", why, arg) : true;
    case O_ADV:
        why = num_parse_percent(arg, &c->scenario.adv_share);
        return why ? flag_value("adversarial-share", why, arg) : true;
    case O_COST_REFUSAL:
        why = num_parse_amount(arg, &c->scenario.cost_refusal);
        return why ? flag_value("cost-refusal", why, arg) : true;
    case O_COST_HARM:
        why = num_parse_amount(arg, &c->scenario.cost_harm);
        return why ? flag_value("cost-harm", why, arg) : true;
    case O_POLICY:
        if (!policy_find(arg, &c->scenario.policy)) {
            char msg[96];
            snprintf(msg, sizeof msg, "expected %s", policy_keys());
            return flag_value("policy", msg, arg);
        }
        return true;
    case O_INPUT:
        return input_parse_kind(arg, &c->load.kind)
                   ? true
                   : flag_value("input", "expected points, judged, scores or binned", arg);
    case O_KNOB:
        c->load.knob_column = arg;
        return true;
    case O_COMPARE:
        if (!strchr(arg, ','))
            return flag_value("compare", "expected two point names separated by a comma (A,B)", arg);
        c->compare = arg;
        return true;
    case O_FORMAT:
        return report_parse_format(arg, &c->format) ? true : flag_value("format", "expected text, json, markdown, csv or svg", arg);
    case 'o':
        c->output = arg;
        return true;
    case O_WIDTH:
        return parse_dimension("width", arg, 20, &c->width);
    case O_HEIGHT:
        return parse_dimension("height", arg, 8, &c->height);
    case O_ASCII:
        c->ascii = true;
        return true;
    case O_NO_COLOR:
        c->no_color = true;
        return true;
        /* --- cases of later capabilities: each area adds its own below --- */
        /* data loading */
    case O_PRESET:
        if (!judged_preset_known(arg))
            return flag_value("preset", "expected xstest or jailbreakbench", arg);
        c->load.preset = arg;
        return true;
    case O_JUDGE:
        c->load.judge = arg;
        return true;
    case O_SET_COLUMN:
        c->load.set_column = arg;
        return true;
    case O_HARMFUL_VALUES:
        c->load.harmful_values = arg;
        return true;
    case O_BENIGN_VALUES:
        c->load.benign_values = arg;
        return true;
    case O_VERDICT_COLUMN:
        c->load.verdict_column = arg;
        return true;
    case O_REFUSED_VALUES:
        c->load.refused_values = arg;
        return true;
    case O_COMPLIED_VALUES:
        c->load.complied_values = arg;
        return true;
    case O_POINTS: {
        double v;
        why = num_parse_decimal(arg, &v);
        if (why || v != (double)(long)v || v < 2 || v > 1e9)
            return flag_value("points", "expected a whole number of rows, 2 or more", arg);
        c->sweep_points = (size_t)v;
        return true;
    }
        /* analytics and check */
    case O_INTERVAL:
        return stats_parse_method(arg, &c->analysis.interval)
                   ? true
                   : flag_value("interval", "expected wilson or clopper-pearson", arg);
    case O_CATEGORY_SHARES:
        why = categories_parse_shares(arg, &c->analysis.shares);
        c->analysis.have_shares = why == NULL;
        return why ? flag_value("category-shares", why, arg) : true;
    case O_TARGET_ASR:
        why = num_parse_percent(arg, &c->analysis.target_asr);
        c->analysis.have_target_asr = why == NULL;
        return why ? flag_value("target-asr", why, arg) : true;
    case O_TARGET_ORR:
        why = num_parse_percent(arg, &c->analysis.target_orr);
        c->analysis.have_target_orr = why == NULL;
        return why ? flag_value("target-orr", why, arg) : true;
    case O_BASELINE_NAME:
        c->baseline_name = arg;
        return true;
    case O_CANDIDATE_NAME:
        c->candidate_name = arg;
        return true;
    case O_MAX_ASR_INCREASE:
    case O_MAX_ORR_INCREASE: {
        const char *flag = val == O_MAX_ASR_INCREASE ? "max-asr-increase" : "max-orr-increase";
        double *to = val == O_MAX_ASR_INCREASE ? &c->max_asr_increase : &c->max_orr_increase;
        why = num_parse_percent(arg, to);
        return why ? flag_value(flag, "expected percentage points from 0 to 100 (0.5 or 0.5%)", arg) : true;
    }
    case O_SIGNIFICANCE:
        why = num_parse_decimal(arg, &c->significance);
        if (why || !(c->significance > 0 && c->significance < 0.5))
            return flag_value("significance", "expected a level above 0 and below 0.5, such as 0.05", arg);
        return true;
        /* chart */
    case O_X_SCALE:
    case O_Y_SCALE: {
        static const char *const scales[] = {"auto", "linear", "log"}; /* chart_scale_t order */
        int *to = val == O_X_SCALE ? &c->x_scale : &c->y_scale;
        for (int i = 0; i < 3; i++)
            if (strcmp(arg, scales[i]) == 0) {
                *to = i;
                return true;
            }
        return flag_value(val == O_X_SCALE ? "x-scale" : "y-scale", "expected auto, linear or log", arg);
    }
    case O_NO_LABELS:
        c->no_labels = true;
        return true;
        /* explorer */
    case O_SCENARIO_FILE:
        c->scenario_file = arg;
        return true;
    case O_THRESHOLD:
        c->threshold = arg;
        return true;
    case O_BASELINE:
        c->baseline = arg;
        return true;
    case O_SELECT:
        c->select = arg;
        return true;
    case O_NO_MOUSE:
        c->no_mouse = true;
        return true;
    case O_KEYS:
        if (strcmp(arg, "text") != 0 && strcmp(arg, "markdown") != 0 && strcmp(arg, "man") != 0)
            return flag_value("keys", "expected text, markdown or man", arg);
        c->keys_format = arg;
        return true;
        /* reports and examples */
    case O_LIST_EXAMPLES:
        examples_list();
        exit(EXIT_OK);
    case O_EXAMPLE:
        c->example = arg;
        return true;
        /* practice */
    case O_SEED: {
        char *end;
        errno = 0;
        const char *s = arg + strspn(arg, " \t");
        unsigned long long v = strtoull(s, &end, 10);
        if (!isdigit((unsigned char)*s) || errno || *end != '\0')
            return flag_value("seed", "expected a whole number from 0 to 18446744073709551615", arg);
        c->practice_seed = v;
        c->practice_seed_set = true;
        return true;
    }
    case O_KIND:
        c->practice_kind = arg;
        return true;
    case O_COUNT: {
        double v;
        why = num_parse_decimal(arg, &v);
        if (why || v != (int)v || v < 1 || v > 500)
            return flag_value("count", "expected a whole number from 1 to 500", arg);
        c->practice_count = (int)v;
        return true;
    }
    case O_WORKSHEET:
        c->practice_worksheet = true;
        return true;
    case O_PLAIN:
        c->practice_plain = true;
        return true;
    }
    return false;
}

static unsigned group_of(int val)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].opt.val == val)
            return options[i].group;
    return 0;
}

static const char *name_of(int val)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].opt.val == val)
            return options[i].opt.name;
    return "?";
}

bool cli_parse(cli_t *c, int argc, char **argv, unsigned groups)
{
    struct option longopts[NOPTIONS + 1];
    for (size_t i = 0; i < NOPTIONS; i++)
        longopts[i] = options[i].opt;
    memset(&longopts[NOPTIONS], 0, sizeof longopts[NOPTIONS]);

    c->scenario = model_default_scenario();
    c->load = (input_opts_t)INPUT_OPTS_INIT;
    c->format = REPORT_TEXT;
    opterr = 0;
    optind = 1;
    int val;
    while ((val = getopt_long(argc, argv, ":ho:V", longopts, NULL)) != -1) {
        if (val == 'h') {
            cli_usage(stdout);
            exit(EXIT_OK);
        }
        if (val == 'V') {
            printf("tradeoff %s\n", PACKAGE_VERSION);
            exit(EXIT_OK);
        }
        if (val == '?' || val == ':') {
            const char *bad = argv[optind - 1];
            char *shown = text_sanitize(bad, strlen(bad));
            if (val == ':')
                cli_error("option '%s' needs a value", shown);
            else
                cli_error("unknown option '%s'", shown);
            free(shown);
            fprintf(stderr, "Try 'tradeoff --help' for more information.\n");
            return false;
        }
        unsigned g = group_of(val);
        if (g && !(g & groups)) {
            cli_error("--%s does not apply to '%s'", name_of(val), c->command);
            return false;
        }
        if (!apply_option(c, val, optarg))
            return false;
    }
    c->files = argv + optind;
    c->nfiles = argc - optind;
    if (c->example && !examples_apply(c->example, &c->files, &c->nfiles))
        return false;
    return true;
}

bool cli_load(const cli_t *c, pointset_t *set, char **title)
{
    sb_t t = SB_INIT;
    if (c->nfiles == 0) {
        builtin_load(set);
        sb_puts(&t, "built-in scenario");
    }
    for (int i = 0; i < c->nfiles; i++) {
        diag_t d = DIAG_INIT;
        input_opts_t opts = c->load; /* data loading: a progress line on a terminal */
        loadprogress_attach(&opts, c->files[i]);
        int rc = load_file(set, c->files[i], &opts, &d);
        loadprogress_end();
        for (size_t w = 0; w < d.nwarnings; w++)
            fprintf(stderr, "tradeoff: warning: %s\n", d.warnings[w]);
        if (rc != 0) {
            fprintf(stderr, "tradeoff: %s\n", d.error ? d.error : "cannot load file");
            diag_free(&d);
            sb_free(&t);
            return false;
        }
        diag_free(&d);
        char *shown = text_sanitize(c->files[i], strlen(c->files[i]));
        sb_printf(&t, "%s%s", i ? ", " : "", shown);
        free(shown);
    }
    *title = sb_detach(&t);
    return true;
}

bool cli_compare(const cli_t *c, const pointset_t *set, const point_t **a, const point_t **b)
{
    *a = *b = NULL;
    if (!c->compare)
        return true;
    const char *comma = strchr(c->compare, ',');
    /* "A, B" is as good as "A,B": blanks around the comma are not part of
     * a name. */
    const char *start = c->compare;
    while (*start == ' ')
        start++;
    size_t len = (size_t)(comma - start);
    while (len > 0 && start[len - 1] == ' ')
        len--;
    char *first = xstrndup(start, len);
    const char *second = comma + 1;
    while (*second == ' ')
        second++;
    *a = pointset_find(set, first);
    *b = pointset_find(set, second);
    bool ok = *a && *b;
    if (!ok) {
        const char *missing = !*a ? first : second;
        char *shown = text_sanitize(missing, strlen(missing));
        sb_t names = SB_INIT;
        for (size_t i = 0; i < set->len && i < 12; i++)
            sb_printf(&names, "%s%s", i ? ", " : "", set->items[i].name);
        if (set->len > 12)
            sb_puts(&names, ", ...");
        cli_error("--compare: no point named '%s'; points are: %s", shown, sb_str(&names));
        free(shown);
        sb_free(&names);
    }
    free(first);
    return ok;
}
