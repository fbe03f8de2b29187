/* fuzz_points: the operating-point CSV loader (load_buffer) and the reports
 * rendered from what it accepts; then the same bytes read with the mapping
 * flags (a long table of categories, mapped and complemented rates, a name
 * built of columns, a row filter), which the seeds of corpus/points/ with
 * those columns reach. */
#include "config.h"

#include "fuzz.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input_opts_t opts = INPUT_OPTS_INIT;
    opts.kind = INPUT_POINTS;
    fuzz_load_and_check(data, size, &opts, true);

    static const char *const where[] = {"notes!~relative", "keep!=0"};
    input_opts_t mapped = INPUT_OPTS_INIT;
    mapped.kind = INPUT_POINTS;
    mapped.asr_column = "caught";
    mapped.orr_column = "flagged";
    mapped.complement = INPUT_COMPLEMENT_ASR;
    mapped.name_columns = "model,\"vari,ant\"";
    mapped.category_column = "category";
    mapped.knob_column = "threshold";
    mapped.where = where;
    mapped.nwhere = 2;
    mapped.n_adversarial = 10;
    fuzz_load_and_check(data, size, &mapped, false);
    return 0;
}
