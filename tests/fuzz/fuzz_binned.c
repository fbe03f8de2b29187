/* fuzz_binned: binned counts (scores.c, INPUT_BINNED, through load_buffer),
 * loaded as a thinned curve of points. */
#include "config.h"

#include "fuzz.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    load_opts_t opts = LOAD_OPTS_INIT;
    opts.kind = INPUT_BINNED;
    int rc = load_buffer(&set, "fuzz.csv", (const char *)data, size, &opts, &d);
    fuzz_check_diag(&d, rc);
    if (rc == 0) {
        fuzz_check_points(&set);
        fuzz_check_reports(&set);
    } else if (set.len != 0) {
        fuzz_fail("load_buffer failed", "but kept points");
    }
    diag_free(&d);
    pointset_free(&set);
    return 0;
}
