/* fatalsig: the signals that end a process. See fatalsig.h. */
#include "config.h"

#include "base/fatalsig.h"

#include <signal.h>
#include <stddef.h>

static const int sent[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF,
#ifdef SIGIO
    SIGIO,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};

static const int faults[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSYS, SIGTRAP, SIGXFSZ};

int fatalsig_list(fatalsig_kind_t kind, int out[FATALSIG_MAX])
{
    const int *from = kind == FATALSIG_SENT ? sent : faults;
    size_t n = kind == FATALSIG_SENT ? sizeof sent / sizeof sent[0] : sizeof faults / sizeof faults[0];
    int k = 0;
    for (size_t i = 0; i < n; i++)
        out[k++] = from[i];
#if defined(SIGRTMIN) && defined(SIGRTMAX)
    /* Real-time signals end the process too; their numbers are known only
     * at run time. */
    for (int s = SIGRTMIN; kind == FATALSIG_SENT && s <= SIGRTMAX && k < FATALSIG_MAX; s++)
        out[k++] = s;
#endif
    return k;
}

void fatalsig_ignore_file_size(void)
{
    signal(SIGXFSZ, SIG_IGN);
}
