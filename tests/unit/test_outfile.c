/* Unit tests of outfile_write: nothing is ever lost. A failed write (full
 * disk, read-only directory) or a signal during the write leaves the
 * previous file intact (and the failure says why);
 * inputs, symbolic links, directories and devices are never replaced; no
 * temporary file is left behind. Tests that need a privilege this machine
 * does not grant (mounting a tmpfs) pass with a note on stderr instead of
 * failing, as they cannot tell anything there. */
#include "config.h"

#include "unit.h"
#include "base/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/check_outfile.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void remove_dir(void)
{
    DIR *dp = opendir(dir);
    if (dp) {
        struct dirent *e;
        while ((e = readdir(dp)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char p[512];
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
        closedir(dp);
    }
    rmdir(dir);
}

static char *path_in(const char *name)
{
    static char buf[4][512];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", dir, name);
    return p;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* The whole file as a string (static buffer). */
static const char *get(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Files in the test directory whose name starts with ".tradeoff-". */
static int leftover_temps(void)
{
    int n = 0;
    DIR *dp = opendir(dir);
    ck_assert_ptr_nonnull(dp);
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        if (strncmp(e->d_name, ".tradeoff-", 10) == 0)
            n++;
    closedir(dp);
    return n;
}

static void expect_refusal(const char *path, char *const *inputs, int ninputs, const char *want)
{
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(outfile_write(path, "new\n", 4, inputs, ninputs, &d), -1);
    ck_assert_ptr_nonnull(d.error);
    ck_assert_msg(strstr(d.error, want) != NULL, "error '%s' lacks '%s'", d.error, want);
    diag_free(&d);
    ck_assert_int_eq(leftover_temps(), 0);
}

START_TEST(test_writes_and_replaces)
{
    make_dir();
    diag_t d = DIAG_INIT;
    char *out = path_in("out.txt");
    ck_assert_int_eq(outfile_write(out, "first\n", 6, NULL, 0, &d), 0);
    ck_assert_str_eq(get(out), "first\n");
    ck_assert_int_eq(outfile_write(out, "second\n", 7, NULL, 0, &d), 0);
    ck_assert_str_eq(get(out), "second\n");
    ck_assert_ptr_null(d.error);
    ck_assert_int_eq(leftover_temps(), 0);
    remove_dir();
}
END_TEST

START_TEST(test_keeps_a_private_file_private)
{
    make_dir();
    char *out = path_in("private.txt");
    put(out, "old\n");
    ck_assert_int_eq(chmod(out, 0600), 0);
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(outfile_write(out, "new\n", 4, NULL, 0, &d), 0);
    struct stat st;
    ck_assert_int_eq(stat(out, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    remove_dir();
}
END_TEST

START_TEST(test_refuses_an_input)
{
    make_dir();
    char *in = path_in("in.csv"), *hard = path_in("hard.csv");
    put(in, "precious\n");
    ck_assert_int_eq(link(in, hard), 0);
    char *inputs[] = {in};
    expect_refusal(in, inputs, 1, "is an input file");
    expect_refusal(hard, inputs, 1, "is an input file"); /* the same file by another name */
    ck_assert_str_eq(get(in), "precious\n");
    remove_dir();
}
END_TEST

START_TEST(test_refuses_a_symlink)
{
    make_dir();
    char *target = path_in("target.txt"), *link_path = path_in("link.txt"), *dangling = path_in("dangling");
    put(target, "kept\n");
    ck_assert_int_eq(symlink(target, link_path), 0);
    ck_assert_int_eq(symlink(path_in("nowhere"), dangling), 0);
    expect_refusal(link_path, NULL, 0, "is a symbolic link");
    expect_refusal(dangling, NULL, 0, "is a symbolic link");
    ck_assert_str_eq(get(target), "kept\n");
    struct stat st;
    ck_assert_int_eq(lstat(link_path, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    remove_dir();
}
END_TEST

START_TEST(test_refuses_a_directory_and_a_fifo)
{
    make_dir();
    char *sub = path_in("sub"), *fifo = path_in("fifo");
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    expect_refusal(sub, NULL, 0, "is a directory");
    expect_refusal(fifo, NULL, 0, "is not a regular file");
    struct stat st;
    ck_assert_int_eq(lstat(fifo, &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    rmdir(sub);
    remove_dir();
}
END_TEST

/* Renaming over a device would replace it with a regular file: as root,
 * `-o /dev/null` once turned /dev/null into a report. */
START_TEST(test_refuses_a_device)
{
    diag_t d = DIAG_INIT;
    struct stat before, after;
    ck_assert_int_eq(stat("/dev/null", &before), 0);
    ck_assert_int_eq(outfile_write("/dev/null", "x\n", 2, NULL, 0, &d), -1);
    ck_assert_ptr_nonnull(d.error);
    ck_assert_msg(strstr(d.error, "is not a regular file") != NULL, "error: %s", d.error);
    ck_assert_int_eq(stat("/dev/null", &after), 0);
    ck_assert(S_ISCHR(after.st_mode));
    ck_assert(before.st_ino == after.st_ino);
    diag_free(&d);
}
END_TEST

START_TEST(test_missing_directory_is_named)
{
    make_dir();
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(outfile_write(path_in("no/such/dir/out.txt"), "x", 1, NULL, 0, &d), -1);
    ck_assert_msg(strstr(d.error, "cannot create a temporary file") != NULL, "error: %s", d.error);
    ck_assert_msg(strstr(d.error, "No such file or directory") != NULL, "error: %s", d.error);
    diag_free(&d);
    remove_dir();
}
END_TEST

/* A big write over `path` that must fail; checks the message and that the
 * previous contents and the directory are as they were. */
static void expect_failed_write(const char *path, const char *previous, const char *want)
{
    static char big[256 * 1024];
    memset(big, 'x', sizeof big);
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(outfile_write(path, big, sizeof big, NULL, 0, &d), -1);
    ck_assert_ptr_nonnull(d.error);
    ck_assert_msg(strstr(d.error, want) != NULL, "error '%s' lacks '%s'", d.error, want);
    diag_free(&d);
    ck_assert_str_eq(get(path), previous);
    ck_assert_int_eq(leftover_temps(), 0);
}

/* Runs body(path) in a child whose files may not grow past 16 KiB, with
 * `xfsz` as SIGXFSZ's action (the limit ends with the child); returns its
 * wait status (exit 0 when body returns). */
static int with_file_size_limit(void (*xfsz)(int), void (*body)(const char *path), const char *path)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        struct rlimit rl = {16 * 1024, 16 * 1024};
        signal(SIGXFSZ, xfsz);
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(2);
        body(path);
        _exit(0);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return status;
}

static void failed_big_write(const char *path)
{
    expect_failed_write(path, "previous report\n", "the previous file is unchanged");
}

/* A full disk, portably: a file size limit makes write() fail with EFBIG
 * once SIGXFSZ is ignored. */
START_TEST(test_full_disk_keeps_the_previous_file)
{
    make_dir();
    char *out = path_in("report.txt");
    put(out, "previous report\n");
    int status = with_file_size_limit(SIG_IGN, failed_big_write, out);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child failed (status %d)", status);
    ck_assert_str_eq(get(out), "previous report\n");
    remove_dir();
}
END_TEST

static void big_write(const char *path)
{
    static char big[256 * 1024];
    diag_t d = DIAG_INIT;
    outfile_write(path, big, sizeof big, NULL, 0, &d);
    diag_free(&d);
}

/* A signal that ends the process during the write (here SIGXFSZ, which a
 * file size limit raises inside write() when it is not ignored: a signal
 * at a known moment) removes the temporary file before the process dies of
 * it; the previous file survives. */
START_TEST(test_a_signal_during_the_write_leaves_no_temporary_file)
{
    make_dir();
    char *out = path_in("report.txt");
    put(out, "previous report\n");
    int status = with_file_size_limit(SIG_DFL, big_write, out);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ, "child not killed by SIGXFSZ (status %d)",
                  status);
    ck_assert_int_eq(leftover_temps(), 0);
    ck_assert_str_eq(get(out), "previous report\n");
    remove_dir();
}
END_TEST

/* The write takes the place of default actions only while it lasts: the
 * handlers the program had are back afterwards, and an ignored signal was
 * never touched. */
START_TEST(test_the_signal_handlers_are_given_back)
{
    make_dir();
    struct sigaction before_int, before_pipe, after;
    sigaction(SIGINT, NULL, &before_int);
    sigaction(SIGPIPE, NULL, &before_pipe);
    signal(SIGPIPE, SIG_IGN);
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(outfile_write(path_in("out.txt"), "x\n", 2, NULL, 0, &d), 0);
    sigaction(SIGINT, NULL, &after);
    ck_assert(after.sa_handler == before_int.sa_handler);
    sigaction(SIGPIPE, NULL, &after);
    ck_assert(after.sa_handler == SIG_IGN);
    sigaction(SIGPIPE, &before_pipe, NULL);
    remove_dir();
}
END_TEST

/* With no previous file, the message does not speak of one (issue 19). */
START_TEST(test_full_disk_without_a_previous_file_says_so)
{
    make_dir();
    char *out = path_in("new-report.txt");
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        static char big[256 * 1024];
        struct rlimit rl = {16 * 1024, 16 * 1024};
        signal(SIGXFSZ, SIG_IGN);
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(2);
        diag_t d = DIAG_INIT;
        if (outfile_write(out, big, sizeof big, NULL, 0, &d) != -1 || !d.error)
            _exit(3);
        if (strcmp(strchr(d.error, ' '), " write failed: File too large; no file was created") != 0) {
            fprintf(stderr, "error: %s\n", d.error);
            _exit(4);
        }
        _exit(access(out, F_OK) == 0 ? 5 : leftover_temps() != 0 ? 6 : 0);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child failed (status %d)", status);
    remove_dir();
}
END_TEST

/* Mounts a tmpfs of `size` on the test directory (options "size=...,mode=0755"
 * plus `extra`); false when this machine does not allow it. */
static bool mount_tmpfs(const char *size, unsigned long flags)
{
    char opts[64];
    snprintf(opts, sizeof opts, "size=%s,mode=0755", size);
    if (mount("tradeoff-test", dir, "tmpfs", 0, opts) != 0)
        return false;
    if (flags && mount(NULL, dir, NULL, MS_REMOUNT | flags, opts) != 0) {
        umount(dir);
        return false;
    }
    return true;
}

START_TEST(test_tiny_tmpfs_keeps_the_previous_file)
{
    make_dir();
    if (!mount_tmpfs("64k", 0)) {
        fprintf(stderr, "# tiny tmpfs: cannot mount here (%s); covered by the file size limit test\n",
                strerror(errno));
        remove_dir();
        return;
    }
    char *out = path_in("report.txt");
    put(out, "previous report\n");
    expect_failed_write(out, "previous report\n", "the previous file is unchanged");
    unlink(out);
    ck_assert_int_eq(umount(dir), 0);
    remove_dir();
}
END_TEST

/* A read-only directory: chmod when not root (root ignores modes), a
 * read-only tmpfs when root and allowed to mount. */
START_TEST(test_read_only_directory_keeps_the_previous_file)
{
    make_dir();
    char *out = path_in("report.txt");
    bool mounted = false;
    if (geteuid() == 0) {
        if (!mount_tmpfs("64k", 0)) {
            fprintf(stderr, "# read-only directory: root and cannot mount here (%s); not tested\n",
                    strerror(errno));
            remove_dir();
            return;
        }
        put(out, "previous report\n");
        ck_assert_int_eq(mount(NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, "size=64k"), 0);
        mounted = true;
    } else {
        put(out, "previous report\n");
        ck_assert_int_eq(chmod(dir, 0555), 0);
    }
    expect_failed_write(out, "previous report\n", "cannot create a temporary file");
    if (mounted) {
        ck_assert_int_eq(umount(dir), 0);
    } else {
        chmod(dir, 0755);
        unlink(out);
    }
    remove_dir();
}
END_TEST

static Suite *outfile_suite(void)
{
    Suite *s = suite_create("outfile");
    TCase *tc = tcase_create("outfile");
    tcase_add_test(tc, test_writes_and_replaces);
    tcase_add_test(tc, test_keeps_a_private_file_private);
    tcase_add_test(tc, test_refuses_an_input);
    tcase_add_test(tc, test_refuses_a_symlink);
    tcase_add_test(tc, test_refuses_a_directory_and_a_fifo);
    tcase_add_test(tc, test_refuses_a_device);
    tcase_add_test(tc, test_missing_directory_is_named);
    tcase_add_test(tc, test_full_disk_keeps_the_previous_file);
    tcase_add_test(tc, test_a_signal_during_the_write_leaves_no_temporary_file);
    tcase_add_test(tc, test_the_signal_handlers_are_given_back);
    tcase_add_test(tc, test_full_disk_without_a_previous_file_says_so);
    tcase_add_test(tc, test_tiny_tmpfs_keeps_the_previous_file);
    tcase_add_test(tc, test_read_only_directory_keeps_the_previous_file);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(outfile_suite)
