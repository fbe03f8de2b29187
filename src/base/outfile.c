#include "config.h"

#include "base/fatalsig.h"
#include "base/outfile.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------------
 * A signal during the write.
 *
 * While the temporary file exists, every signal whose default action would
 * end the process (fatalsig.h) removes it first and then ends the process
 * as it would have, so a ^C or a kill during a long write leaves neither a
 * hidden partial file nor a changed target. A signal the program handles
 * itself (the terminal screens set a flag and quit when the write is done)
 * keeps its handler, and one it ignores stays ignored. */

static const char *volatile temp_path; /* the temporary file being written, if any */
static fatalsig_saved_t guarded_sent, guarded_faults;

void outfile_remove_temp(void)
{
    const char *p = temp_path;
    if (p) {
        temp_path = NULL;
        unlink(p); /* async-signal-safe */
    }
}

static void on_fatal_signal(int sig)
{
    outfile_remove_temp();
    /* SA_RESETHAND put the default action back: the signal, blocked while
     * this handler runs, is delivered as it returns and ends the process. */
    raise(sig);
}

static void guard_signals(void)
{
    fatalsig_catch(FATALSIG_SENT, on_fatal_signal, SA_RESETHAND, true, &guarded_sent);
    fatalsig_catch(FATALSIG_FAULT, on_fatal_signal, SA_RESETHAND, true, &guarded_faults);
}

static void unguard_signals(void)
{
    fatalsig_restore(&guarded_sent);
    fatalsig_restore(&guarded_faults);
}

/* Signals wait while the temporary file is made or given up, so that it is
 * never there without temp_path naming it. */
static void hold_signals(sigset_t *before)
{
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, before);
}

static void release_signals(const sigset_t *before)
{
    sigprocmask(SIG_SETMASK, before, NULL);
}

/* mkstemp on `tmpname`, the file then named by temp_path. */
static int temp_create(char *tmpname)
{
    sigset_t before;
    hold_signals(&before);
    int fd = mkstemp(tmpname);
    int err = errno;
    if (fd >= 0)
        temp_path = tmpname;
    release_signals(&before);
    errno = err;
    return fd;
}

/* Removes the temporary file (a failed write). */
static void temp_remove(void)
{
    sigset_t before;
    hold_signals(&before);
    outfile_remove_temp();
    release_signals(&before);
}

/* Renames the temporary file over `path`; it is removed when that fails. */
static int temp_commit(const char *path)
{
    sigset_t before;
    hold_signals(&before);
    int rc = rename(temp_path, path);
    int err = errno;
    if (rc == 0)
        temp_path = NULL;
    else
        outfile_remove_temp();
    release_signals(&before);
    errno = err;
    return rc;
}

/* ------------------------------------------------------------------------
 * Writing. */

static bool same_file(const struct stat *a, const char *other)
{
    struct stat b;
    return stat(other, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Makes the rename itself durable; failure only weakens that guarantee. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Checks that `path` may be replaced; *mode gets the permissions the new
 * file should have (the old file's, else 0666 less the umask), *kept what a
 * failure leaves behind, for its message. */
static int check_target(const char *path, const char *shown, char *const *inputs, int ninputs, diag_t *d,
                        mode_t *mode, const char **kept)
{
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    *mode = 0666 & ~mask;
    *kept = "no file was created";
    if (lstat(path, &st) != 0)
        return 0; /* does not exist yet: nothing to protect */
    *kept = "the previous file is unchanged";
    if (S_ISLNK(st.st_mode)) {
        diag_error(d, "%s: is a symbolic link; refusing to write through it (give the real path)", shown);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_error(d, "%s: is a directory, expected a file name", shown);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        /* Renaming over a device or FIFO would replace it (as root, /dev/null
         * itself) with a regular file. */
        diag_error(d, "%s: is not a regular file (a device, FIFO or socket); refusing to replace it "
                      "(choose a file name)", shown);
        return -1;
    }
    *mode = st.st_mode & 07777; /* a private file stays private */
    for (int i = 0; i < ninputs; i++) {
        if (same_file(&st, inputs[i])) {
            diag_error(d, "%s: is an input file; refusing to overwrite it (choose another name)", shown);
            return -1;
        }
    }
    return 0;
}

int outfile_write(const char *path, const char *data, size_t len, char *const *inputs, int ninputs, diag_t *d)
{
    char *shown = text_sanitize(path, strlen(path));
    int rc = -1;
    mode_t mode;
    const char *kept;
    if (check_target(path, shown, inputs, ninputs, d, &mode, &kept) != 0) {
        free(shown);
        return -1;
    }
    char *dir = dir_of(path);
    sb_t tmp = SB_INIT;
    sb_printf(&tmp, "%s/.tradeoff-XXXXXX", dir);
    char *tmpname = sb_detach(&tmp);
    guard_signals();
    int fd = temp_create(tmpname);
    if (fd < 0) {
        diag_error(d, "%s: cannot create a temporary file in %s: %s", shown, dir, strerror(errno));
        goto out;
    }
    /* A write past `ulimit -f` fails here with EFBIG: SIGXFSZ is ignored
     * (fatalsig_ignore_file_size). */
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        diag_error(d, "%s: write failed: %s; %s", shown, strerror(errno), kept);
        close(fd);
        temp_remove();
        goto out;
    }
    if (fchmod(fd, mode) != 0) { /* mkstemp makes 0600; outputs are documents to share */
        /* not fatal: the file is still correct */
    }
    if (close(fd) != 0) {
        diag_error(d, "%s: write failed: %s; %s", shown, strerror(errno), kept);
        temp_remove();
        goto out;
    }
    if (temp_commit(path) != 0) {
        diag_error(d, "%s: cannot replace the file: %s; %s", shown, strerror(errno), kept);
        goto out;
    }
    sync_dir(dir);
    rc = 0;
out:
    unguard_signals();
    free(tmpname);
    free(dir);
    free(shown);
    return rc;
}
