/* cmd: the subcommands. Each takes its own argv (argv[0] is its name) and
 * returns the process exit status (exitcode.h). */
#ifndef TRADEOFF_CMD_H
#define TRADEOFF_CMD_H

#include "cli/cli.h"
#include "base/strbuf.h"

int cmd_explore(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_judges(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_practice(int argc, char **argv);

/* Writes `text` to -o FILE (atomically, never over an input) or standard
 * output. */
int cmd_emit(const cli_t *c, const sb_t *text);

#endif
