#include "config.h"

#include "cli.h"
#include "diag.h"
#include "exitcode.h"
#include "num.h"
#include "seed.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

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
    {{"format", required_argument, NULL, O_FORMAT}, OPT_FORMAT, "FMT", "text (default) or json"},
    {{"output", required_argument, NULL, 'o'}, OPT_FORMAT, "FILE",
     "write to FILE (atomically) instead of standard output"},
    {{"width", required_argument, NULL, O_WIDTH}, OPT_CHART, "N", "chart width in columns"},
    {{"height", required_argument, NULL, O_HEIGHT}, OPT_CHART, "N", "chart height in rows"},
    {{"ascii", no_argument, NULL, O_ASCII}, OPT_CHART, NULL, "draw with ASCII only"},
    {{"no-color", no_argument, NULL, O_NO_COLOR}, OPT_CHART, NULL, "no colours (NO_COLOR is honoured too)"},
    /* --- options of later capabilities: each area adds its rows here --- */
    /* data loading */
    /* analytics and check */
    /* chart */
    /* explorer */
    /* reports and examples */
    /* practice */
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
          "       tradeoff report [OPTION]... [FILE]...   print the analysis (text or JSON)\n"
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
        return load_parse_kind(arg, &c->load.kind)
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
        return report_parse_format(arg, &c->format) ? true : flag_value("format", "expected text or json", arg);
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
        /* analytics and check */
        /* chart */
        /* explorer */
        /* reports and examples */
        /* practice */
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
    c->load = (load_opts_t)LOAD_OPTS_INIT;
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
    return true;
}

bool cli_load(const cli_t *c, pointset_t *set, char **title)
{
    sb_t t = SB_INIT;
    if (c->nfiles == 0) {
        seed_load(set);
        sb_puts(&t, "built-in scenario");
    }
    for (int i = 0; i < c->nfiles; i++) {
        diag_t d = DIAG_INIT;
        int rc = load_file(set, c->files[i], &c->load, &d);
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
    char *first = xstrndup(c->compare, (size_t)(comma - c->compare));
    const char *second = comma + 1;
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
