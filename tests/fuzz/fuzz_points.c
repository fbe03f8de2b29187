/* fuzz_points: the operating-point CSV loader (load_buffer) and the reports
 * rendered from what it accepts. */
#include "config.h"

#include "fuzz.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input_opts_t opts = INPUT_OPTS_INIT;
    opts.kind = INPUT_POINTS;
    fuzz_load_and_check(data, size, &opts, true);
    return 0;
}
