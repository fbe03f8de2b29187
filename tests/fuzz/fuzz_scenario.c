/* fuzz_scenario: the explorer's scenario file (scenario_file_parse).
 *
 * Whatever it accepts must be a sane scenario, and must survive a round
 * trip: formatted again and parsed again, it gives the same text. */
#include "config.h"

#include "fuzz.h"
#include "scenario_file.h"
#include "text.h"

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
}

/* Known bug (regressions/scenario/todo-long-value-cut-mid-character.scenario,
 * in src/scenario_file.c, not ours to fix): a long value is cut mid-character
 * in the 256-byte message buffer. The libFuzzer run tolerates exactly that
 * (invalid UTF-8 in the last 3 bytes of a message that filled the buffer)
 * so that it can look for other bugs; the replay in `make check` is built
 * with FUZZ_STRICT and keeps reporting it as a TODO until it is fixed. */
static void forgive_known_truncation(diag_t *d)
{
#ifndef FUZZ_STRICT
    if (!d->error || text_is_clean(d->error))
        return;
    size_t n = strlen(d->error);
    for (size_t cut = 1; cut <= 3 && cut < n && n > 240; cut++) {
        char saved = d->error[n - cut];
        d->error[n - cut] = '\0';
        bool clean = text_is_clean(d->error);
        d->error[n - cut] = saved;
        if (clean) {
            d->error[n - cut] = '\0';
            return;
        }
    }
#else
    (void)d;
#endif
}

#ifndef FUZZ_STRICT
/* A control character other than a tab or a line end (CR LF counts). */
static bool has_stray_control(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        bool line_end = data[i] == '\n' || (data[i] == '\r' && i + 1 < size && data[i + 1] == '\n');
        if ((data[i] < 0x20 || data[i] == 0x7F) && data[i] != '\t' && !line_end)
            return true;
    }
    return false;
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    scenario_file_t sf;
    diag_t d = DIAG_INIT;
    scenario_file_init(&sf);
    int rc = scenario_file_parse("fuzz.scenario", "/nonexistent", (const char *)data, size, &sf, &d);
    forgive_known_truncation(&d);
    fuzz_check_diag(&d, rc);
#ifndef FUZZ_STRICT
    /* Known bugs: a missing position is written back as "null"
     * (todo-series-without-position.scenario); a control character in a
     * value is read raw but written sanitised
     * (todo-control-character-in-series.scenario). Skip the round trip. */
    bool known_nan_position = (sf.series && isnan(sf.position)) ||
                              (sf.baseline_series && isnan(sf.baseline_position)) ||
                              has_stray_control(data, size);
#else
    bool known_nan_position = false;
#endif
    if (rc == 0)
        check_scenario(&sf);
    if (rc == 0 && !known_nan_position) {
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
