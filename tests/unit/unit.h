/* unit.h: the main() of every Check test program.
 * Results go out as TAP (CK_TAP_LOG_FILE_NAME=-, set by `make check`), so
 * automake's TAP driver counts each test case. */
#ifndef TRADEOFF_CHECK_MAIN_H
#define TRADEOFF_CHECK_MAIN_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A new file in /tmp holding data[0..len); its path lasts until the next
 * call. The test unlinks it. */
static inline char *unit_temp_file(const char *data, size_t len)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/check_unit_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

#define CHECK_MAIN(make_suite)                                                 \
    int main(void)                                                             \
    {                                                                          \
        SRunner *sr = srunner_create(make_suite());                           \
        srunner_run_all(sr, getenv("CK_TAP_LOG_FILE_NAME") ? CK_SILENT : CK_NORMAL); \
        int failed = srunner_ntests_failed(sr);                                \
        srunner_free(sr);                                                      \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                      \
    }

#endif
