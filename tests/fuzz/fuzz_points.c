/* fuzz_points: the operating-point CSV loader (load_buffer) and the reports
 * rendered from what it accepts. */
#include "config.h"

#include "fuzz.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    load_opts_t opts = LOAD_OPTS_INIT;
    opts.kind = INPUT_POINTS;
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
