#include "config.h"

#include "base/outfile.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    int fd = mkstemp(tmpname);
    if (fd < 0) {
        diag_error(d, "%s: cannot create a temporary file in %s: %s", shown, dir, strerror(errno));
        goto out;
    }
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        diag_error(d, "%s: write failed: %s; %s", shown, strerror(errno), kept);
        close(fd);
        unlink(tmpname);
        goto out;
    }
    if (fchmod(fd, mode) != 0) { /* mkstemp makes 0600; outputs are documents to share */
        /* not fatal: the file is still correct */
    }
    if (close(fd) != 0) {
        diag_error(d, "%s: write failed: %s; %s", shown, strerror(errno), kept);
        unlink(tmpname);
        goto out;
    }
    if (rename(tmpname, path) != 0) {
        diag_error(d, "%s: cannot replace the file: %s; %s", shown, strerror(errno), kept);
        unlink(tmpname);
        goto out;
    }
    sync_dir(dir);
    rc = 0;
out:
    free(tmpname);
    free(dir);
    free(shown);
    return rc;
}
