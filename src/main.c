/* tradeoff: explore the trade-off between an AI assistant's helpfulness and
 * its harmlessness. This file only picks the subcommand. */
#include "config.h"

#include "cli/cmd.h"
#include "base/exitcode.h"
#include "base/fatalsig.h"
#include "base/text.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int (*const commands[CLI_NCOMMANDS])(int argc, char **argv) = {
    [CLI_EXPLORE] = cmd_explore,
    [CLI_REPORT] = cmd_report,
    [CLI_CHECK] = cmd_check,
    [CLI_DIFF] = cmd_diff,
    [CLI_JUDGES] = cmd_judges,
    [CLI_PLOT] = cmd_plot,
    [CLI_SWEEP] = cmd_sweep,
    [CLI_PRACTICE] = cmd_practice,
};

/* A first word that is no file and has no '.' or '/' was surely meant as a
 * subcommand ("tradeoff reprot"): say so instead of "cannot open". */
static bool looks_like_mistyped_command(const char *word)
{
    if (word[0] == '-' || strpbrk(word, "./") || access(word, F_OK) == 0)
        return false;
    char *shown = text_sanitize(word, strlen(word));
    fprintf(stderr, "tradeoff: '%s' is neither a subcommand nor a file; subcommands are:", shown);
    cli_command_names(stderr);
    fputs("\nTry 'tradeoff --help' for more information.\n", stderr);
    free(shown);
    return true;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Numbers in files and flags are always read and written with a decimal
     * point, whatever the user's locale says. */
    setlocale(LC_NUMERIC, "C");
    /* A write past `ulimit -f` fails with a message, never kills us. */
    fatalsig_ignore_file_size();
    atexit(cli_close_stdout);
    if (argc > 1) {
        cli_command_t cmd;
        if (cli_command_find(argv[1], &cmd))
            return commands[cmd](argc - 1, argv + 1);
        if (looks_like_mistyped_command(argv[1]))
            return EXIT_USAGE;
    }
    /* No subcommand: the explorer, with argv[0] standing as its name. */
    return cmd_explore(argc, argv);
}
