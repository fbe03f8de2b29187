#include "config.h"

#include "cmd.h"
#include "exitcode.h"

/* The explorer is not built yet: until it is, `tradeoff` with no subcommand
 * prints the same analysis as `tradeoff report`. */
int cmd_explore(int argc, char **argv)
{
    return cmd_report(argc, argv);
}
