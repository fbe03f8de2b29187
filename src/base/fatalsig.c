/* fatalsig: the signals that end a process. See fatalsig.h. */
#include "config.h"

#include "base/fatalsig.h"

#include <signal.h>
#include <stddef.h>
#include <string.h>

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

/* Whether `old` may give way to a handler of ours. */
static bool may_take(const struct sigaction *old, bool only_default)
{
    if (old->sa_flags & SA_SIGINFO)
        return !only_default; /* a handler of the program's */
    if (old->sa_handler == SIG_IGN)
        return false;
    return !only_default || old->sa_handler == SIG_DFL;
}

void fatalsig_catch(fatalsig_kind_t kind, void (*handler)(int), int flags, bool only_default,
                    fatalsig_saved_t *saved)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    int sigs[FATALSIG_MAX];
    int n = fatalsig_list(kind, sigs);
    saved->n = 0;
    for (int i = 0; i < n; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) != 0 || !may_take(&old, only_default))
            continue;
        if (sigaction(sigs[i], &sa, &saved->before[saved->n]) == 0)
            saved->sig[saved->n++] = sigs[i];
    }
}

void fatalsig_restore(fatalsig_saved_t *saved)
{
    for (int i = 0; i < saved->n; i++)
        sigaction(saved->sig[i], &saved->before[i], NULL);
    saved->n = 0;
}

void fatalsig_ignore_file_size(void)
{
    signal(SIGXFSZ, SIG_IGN);
}
