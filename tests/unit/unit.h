/* unit.h: the main() of every Check test program.
 * Results go out as TAP (CK_TAP_LOG_FILE_NAME=-, set by `make check`), so
 * automake's TAP driver counts each test case. */
#ifndef TRADEOFF_CHECK_MAIN_H
#define TRADEOFF_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

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
