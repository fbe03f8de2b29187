/* tradeoff: explore the trade-off between an AI assistant's helpfulness and
 * its harmlessness. This file only picks the subcommand. */
#include "config.h"

#include "cmd.h"
#include "exitcode.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"report", cmd_report},
    {"explore", cmd_explore},
    /* later capabilities add their subcommands here: sweep, check, plot, practice */
    {"plot", cmd_plot},
    {"check", cmd_check},
    {"sweep", cmd_sweep},
    {"practice", cmd_practice},
};

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Numbers in files and flags are always read and written with a decimal
     * point, whatever the user's locale says. */
    setlocale(LC_NUMERIC, "C");
    if (argc > 1) {
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (strcmp(argv[1], commands[i].name) == 0)
                return commands[i].run(argc - 1, argv + 1);
    }
    /* No subcommand: the explorer, with argv[0] standing as its name. */
    return cmd_explore(argc, argv);
}
