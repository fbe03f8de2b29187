/* replay: runs one fuzz target over its seed corpus and its regression
 * inputs (every input that once made it fail), printing TAP, so that `make
 * check` (and its sanitizer build in CI) keeps old findings fixed without
 * clang or libFuzzer.
 *
 * Inputs come from $TOP_SRCDIR/tests/fuzz/{corpus,regressions}/FUZZ_TARGET/,
 * or from the files and directories given as arguments. Each input runs in
 * a child process, so that one that aborts (the target's own checks, or a
 * sanitizer) is reported by name and the others still run.
 *
 * An input whose name starts with "todo-" is a known bug in a file the
 * hardening work does not own: its failure is reported as TAP "# TODO"
 * (an expected failure), and its passing as an unexpected pass, which fails
 * the suite until the prefix is dropped together with the fix. */
#include "config.h"

#include "fuzz.h"
#include "base/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef FUZZ_TARGET
#error "compile with -DFUZZ_TARGET='\"name\"'"
#endif

#define REPLAY_MAX_INPUT (64u * 1024u * 1024u)

static int ntests;

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap && cap < REPLAY_MAX_INPUT)
            buf = xgrow(buf, &cap, cap * 2, 1);
        else if (n == cap)
            break;
    }
    fclose(f);
    *len = n;
    return buf;
}

static bool is_todo(const char *path)
{
    const char *base = strrchr(path, '/');
    return strncmp(base ? base + 1 : path, "todo-", 5) == 0;
}

/* Runs the target on `data` in a child; true when it returned normally. */
static bool run_isolated(const char *data, size_t len, int *status)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) { /* no fork: run in place, a crash then ends the run */
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        *status = 0;
        return true;
    }
    if (pid == 0) {
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        _exit(0);
    }
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
}

static void replay_file(const char *path, const char *shown)
{
    size_t len;
    char *data = read_whole(path, &len);
    if (!data) {
        printf("not ok %d - %s: cannot read: %s\n", ++ntests, shown, strerror(errno));
        return;
    }
    int status;
    bool ok = run_isolated(data, len, &status);
    const char *todo = is_todo(path) ? " # TODO known bug, see the regressions README" : "";
    if (ok)
        printf("ok %d - %s%s\n", ++ntests, shown, todo);
    else if (WIFSIGNALED(status))
        printf("not ok %d - %s (%zu bytes): killed by signal %d%s\n", ++ntests, shown, len, WTERMSIG(status), todo);
    else
        printf("not ok %d - %s (%zu bytes): exit %d%s\n", ++ntests, shown, len, WEXITSTATUS(status), todo);
    fflush(stdout);
    free(data);
}

/* Every regular file of `dir` in name order; a missing directory is fine. */
static void replay_dir(const char *dir, const char *label)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README") == 0)
            continue;
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(dp);
    if (n)
        qsort(names, n, sizeof *names, by_string);
    for (size_t i = 0; i < n; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2, slen = strlen(label) + strlen(names[i]) + 2;
        char *path = xmalloc(plen), *shown = xmalloc(slen);
        snprintf(path, plen, "%s/%s", dir, names[i]);
        snprintf(shown, slen, "%s/%s", label, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            replay_file(path, shown);
        free(path);
        free(shown);
        free(names[i]);
    }
    free(names);
}

static void replay_arg(const char *arg)
{
    struct stat st;
    if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
        replay_dir(arg, arg);
    else
        replay_file(arg, arg);
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            replay_arg(argv[i]);
    } else {
        const char *top = getenv("TOP_SRCDIR");
        static const char *const kinds[] = {"corpus", "regressions"};
        for (size_t k = 0; k < 2; k++) {
            char dir[4096], label[256];
            snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", top ? top : ".", kinds[k], FUZZ_TARGET);
            snprintf(label, sizeof label, "%s/%s", kinds[k], FUZZ_TARGET);
            replay_dir(dir, label);
        }
    }
    if (ntests == 0) /* a corpus that went missing (from a tarball...) must not pass silently */
        printf("not ok %d - no inputs found for %s (is TOP_SRCDIR set?)\n", ++ntests, FUZZ_TARGET);
    printf("1..%d\n", ntests);
    return 0;
}
