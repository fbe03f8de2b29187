/* fatalsig: the signals whose default action ends the process.
 *
 * Whoever leaves something behind when the process dies (the terminal
 * taken over by term/tui.c, the hidden temporary file of outfile.c) cleans
 * up on every one of them, so the set is kept here, once. Two kinds:
 * signals sent from outside (SIGINT from ^C, SIGQUIT from ^\, SIGTERM,
 * SIGHUP, SIGPIPE, SIGALRM, SIGUSR1...), which a program may handle when it
 * is ready, and faults raised by the instruction that failed (SIGSEGV,
 * SIGABRT...), after which only async-signal-safe cleanup is possible.
 * SIGXFSZ, raised by a write past `ulimit -f`, is a fault that the program
 * ignores (fatalsig_ignore_file_size): the write then fails with EFBIG and
 * takes the ordinary error path (a message, exit 3) instead of killing the
 * process. A signal that is ignored stays ignored: the cleanups only take
 * the place of a default action. */
#ifndef TRADEOFF_FATALSIG_H
#define TRADEOFF_FATALSIG_H

#include <signal.h>
#include <stdbool.h>

/* Room for every signal of either kind (the real-time ones included). */
#define FATALSIG_MAX 96

typedef enum {
    FATALSIG_SENT,  /* sent to the process: SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE,
                     * SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF, SIGIO,
                     * SIGPWR, SIGSTKFLT and the real-time signals */
    FATALSIG_FAULT  /* raised by a fault: SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL,
                     * SIGSYS, SIGTRAP, SIGXFSZ */
} fatalsig_kind_t;

/* Fills `out` with the signals of `kind` this system has; returns how many. */
int fatalsig_list(fatalsig_kind_t kind, int out[FATALSIG_MAX]);

/* The actions a cleanup took the place of, to give back. */
typedef struct {
    int sig[FATALSIG_MAX];
    struct sigaction before[FATALSIG_MAX];
    int n;
} fatalsig_saved_t;

/* Installs `handler` (sa_flags `flags`, nothing blocked) for the signals of
 * `kind`, saving their actions in `saved` (which it fills). An ignored
 * signal stays ignored; with `only_default`, so does one the program
 * handles itself. */
void fatalsig_catch(fatalsig_kind_t kind, void (*handler)(int), int flags, bool only_default,
                    fatalsig_saved_t *saved);
/* Gives back the actions fatalsig_catch took (saved->n becomes 0). */
void fatalsig_restore(fatalsig_saved_t *saved);
/* Ignores SIGXFSZ for the rest of the process (see above). */
void fatalsig_ignore_file_size(void);

#endif
