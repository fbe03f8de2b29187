/* fuzz_scenario: the explorer's scenario file (scenario_file_parse).
 *
 * Whatever it accepts must be a sane scenario, and must survive a round
 * trip: formatted again and parsed again, it gives the same text. The
 * reading options (load/inputopts.h) it accepts are ones the command line
 * would accept. */
#include "config.h"

#include "fuzz.h"
#include "load/inputopts.h"
#include "ui/scenario_file.h"

#include <math.h>
#include <string.h>

static void check_scenario(const scenario_file_t *sf)
{
    const scenario_t *s = &sf->scenario;
    if (!(s->volume > 0) || !isfinite(s->volume))
        fuzz_fail("scenario", "volume is not a positive number");
    if (!(s->adv_share >= 0 && s->adv_share <= 1))
        fuzz_fail("scenario", "adversarial share is not a fraction");
    if (!(s->cost_refusal >= 0) || !(s->cost_harm >= 0))
        fuzz_fail("scenario", "a cost is negative or not a number");
    for (int i = 0; i < sf->nfiles; i++)
        if (!sf->files[i] || !sf->files[i][0])
            fuzz_fail("scenario", "an empty file name");
    /* Each option kept is one the command line would take, with the same
     * result. */
    input_opts_t again = INPUT_OPTS_INIT;
    for (size_t i = 0; i < sf->noptions; i++)
        if (inputopts_set(&again, sf->options[i].name, sf->options[i].value) != NULL)
            fuzz_fail("scenario", "a reading option the command line would refuse");
    for (size_t i = 0; inputopts_names[i]; i++)
        if (!inputopts_same(&again, &sf->input, inputopts_names[i]))
            fuzz_fail("scenario", "a reading option read otherwise than the command line reads it");
    inputopts_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    scenario_file_t sf;
    diag_t d = DIAG_INIT;
    scenario_file_init(&sf);
    int rc = scenario_file_parse("fuzz.scenario", "/nonexistent", (const char *)data, size, &sf, &d);
    fuzz_check_diag(&d, rc);
    if (rc == 0) {
        check_scenario(&sf);
        sb_t once = SB_INIT, twice = SB_INIT;
        scenario_file_format(&once, &sf);
        scenario_file_t again;
        diag_t d2 = DIAG_INIT;
        scenario_file_init(&again);
        if (scenario_file_parse("again.scenario", NULL, sb_str(&once), once.len, &again, &d2) != 0)
            fuzz_fail("a formatted scenario does not parse again", d2.error);
        scenario_file_format(&twice, &again);
        if (strcmp(sb_str(&once), sb_str(&twice)) != 0)
            fuzz_fail("a scenario changes when formatted and parsed again", NULL);
        scenario_file_free(&again);
        diag_free(&d2);
        sb_free(&once);
        sb_free(&twice);
    }
    scenario_file_free(&sf);
    diag_free(&d);
    return 0;
}
