/* fuzz_binned: binned counts (scores.c, INPUT_BINNED, through load_buffer),
 * loaded as a thinned curve of points. */
#include "config.h"

#include "fuzz.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input_opts_t opts = INPUT_OPTS_INIT;
    opts.kind = INPUT_BINNED;
    fuzz_load_and_check(data, size, &opts, true);
    return 0;
}
