/* csvsplit: a regular file read in pieces on several cores (csvsplit.h). */
#include "config.h"

#include "load/csvsplit.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t csvsplit_cores(unsigned long long *min_piece)
{
    *min_piece = CSVSPLIT_MIN_PIECE;
    const char *forced = getenv("TRADEOFF_THREADS");
    if (forced && *forced) {
        char *end;
        long n = strtol(forced, &end, 10);
        if (*end == '\0' && n >= 1 && n <= CSVSPLIT_MAX_PIECES) {
            *min_piece = 1;
            return (size_t)n;
        }
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
#ifdef CPU_COUNT
    /* The cores this process may run on (taskset, a container's cpuset). */
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) < n)
        n = CPU_COUNT(&set);
#endif
    return n < 1 ? 1 : n > CSVSPLIT_MAX_PIECES ? CSVSPLIT_MAX_PIECES : (size_t)n;
}

/* Where the first line starting after byte `at` starts: just after the
 * first '\n' at or after it, looked for as far as the longest line
 * csvread takes. False when there is none before the file's end. */
static bool line_start(const csvsource_t *src, unsigned long long at, unsigned long long *start)
{
    char buf[64 * 1024];
    for (unsigned long long looked = 0; looked <= CSVREAD_MAX_LINE && at < src->size;) {
        ssize_t n = csvread_at(src, buf, sizeof buf, at);
        if (n <= 0)
            return false;
        const char *nl = memchr(buf, '\n', (size_t)n);
        if (nl) {
            *start = at + (unsigned long long)(nl - buf) + 1;
            return true;
        }
        at += (unsigned long long)n;
        looked += (unsigned long long)n;
    }
    return false;
}

size_t csvsplit_cut(const csvsource_t *src, unsigned long long from, size_t n, unsigned long long min_piece,
                    unsigned long long *cuts)
{
    size_t k = 0;
    cuts[k++] = from;
    unsigned long long span = src->size > from ? src->size - from : 0;
    if (min_piece && span / min_piece < n)
        n = (size_t)(span / min_piece);
    for (size_t i = 1; i < n; i++) {
        unsigned long long at = from + span / n * i, cut;
        if (at < cuts[k - 1])
            at = cuts[k - 1];
        if (!line_start(src, at, &cut) || cut >= src->size)
            break;
        if (cut > cuts[k - 1])
            cuts[k++] = cut;
    }
    cuts[k] = src->size > from ? src->size : from;
    return k;
}

typedef struct {
    const csvsource_t *src;
    csvread_piece_t *piece;
    csvread_end_t how;
    atomic_bool *halt;  /* every piece's flag */
    size_t index, n;
    pthread_t thread;
    bool threaded;
} job_t;

/* Reads one piece; when it is not read clean, the pieces after it are
 * stopped: they cannot decide anything now. */
static void job_run(job_t *j)
{
    j->how = csvread_piece(j->src, j->piece);
    if (j->how != CSVREAD_CLEAN)
        for (size_t i = j->index + 1; i < j->n; i++)
            atomic_store(&j->halt[i], true);
}

static void *job_thread(void *arg)
{
    job_run(arg);
    return NULL;
}

csvsplit_how_t csvsplit_read(csvsource_t *src, const unsigned long long *cuts, size_t n, csvread_piece_t *pieces,
                             size_t *which)
{
    job_t jobs[CSVSPLIT_MAX_PIECES];
    atomic_bool halt[CSVSPLIT_MAX_PIECES];
    atomic_ullong done = cuts[0];
    for (size_t i = 0; i < n; i++) {
        atomic_init(&halt[i], false);
        csvread_piece_t *pc = &pieces[i];
        pc->from = cuts[i];
        pc->to = cuts[i + 1];
        pc->last = i + 1 == n;
        pc->halt = &halt[i];
        pc->done = &done;
        pc->report = i == 0;
        jobs[i] = (job_t){src, pc, CSVREAD_GAVE_UP, halt, i, n, 0, false};
    }
    for (size_t i = 1; i < n; i++)
        jobs[i].threaded = pthread_create(&jobs[i].thread, NULL, job_thread, &jobs[i]) == 0;
    job_run(&jobs[0]);
    for (size_t i = 1; i < n; i++) {
        if (jobs[i].threaded)
            pthread_join(jobs[i].thread, NULL);
        else
            job_run(&jobs[i]);
    }
    src->done = atomic_load(&done);
    if (src->progress)
        src->progress(src->done, src->size, src->progress_ctx);
    for (size_t i = 0; i < n; i++) {
        if (jobs[i].how != CSVREAD_CLEAN) {
            *which = i;
            return jobs[i].how == CSVREAD_OPEN ? CSVSPLIT_OPEN : CSVSPLIT_GAVE_UP;
        }
    }
    return CSVSPLIT_READ;
}
