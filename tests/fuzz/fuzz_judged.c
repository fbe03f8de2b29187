/* fuzz_judged: per-prompt judgements (judged.c through load_buffer). The
 * first byte picks a preset (0: none, the verdict column found from the
 * header; 1: xstest; 2: jailbreakbench), the rest is the file. */
#include "config.h"

#include "fuzz.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const presets[] = {NULL, "xstest", "jailbreakbench"};
    if (size < 1)
        return 0;
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    load_opts_t opts = LOAD_OPTS_INIT;
    opts.kind = INPUT_JUDGED;
    opts.preset = presets[data[0] % 3];
    int rc = load_buffer(&set, "fuzz.csv", (const char *)data + 1, size - 1, &opts, &d);
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
