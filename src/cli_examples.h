/* cli_examples: --list-examples and --example NAME on the command line. */
#ifndef TRADEOFF_CLI_EXAMPLES_H
#define TRADEOFF_CLI_EXAMPLES_H

#include "cli.h"

#include <stdbool.h>

/* Prints the examples and where they were found to stdout. */
void cli_examples_list(void);
/* When --example was given, puts the example's file before the operands
 * (c->files); prints an error and returns false when it cannot be found. */
bool cli_examples_apply(cli_t *c);

#endif
