/* exitcode: the program's documented exit statuses (see README, "Exit codes"). */
#ifndef TRADEOFF_EXITCODE_H
#define TRADEOFF_EXITCODE_H

enum {
    EXIT_OK = 0,         /* success; for `check`: no regression */
    EXIT_REGRESSION = 1, /* `check` found a regression or a policy failure */
    EXIT_USAGE = 2,      /* bad flag or value, or an input file that cannot be used */
    EXIT_INTERNAL = 3    /* could not write output, out of memory, internal error */
};

#endif
