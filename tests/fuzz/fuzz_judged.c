/* fuzz_judged: per-prompt judgements (judged.c through load_buffer). The
 * first byte picks a preset (0: none, the verdict column found from the
 * header; 1: xstest; 2: jailbreakbench), the rest is the file. */
#include "config.h"

#include "fuzz.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const presets[] = {NULL, "xstest", "jailbreakbench"};
    if (size < 1)
        return 0;
    input_opts_t opts = INPUT_OPTS_INIT;
    opts.kind = INPUT_JUDGED;
    opts.preset = presets[data[0] % 3];
    fuzz_load_and_check(data + 1, size - 1, &opts, true);
    return 0;
}
