/* input: the kinds of input file and the options that say how to read them. */
#include "config.h"

#include "load/input.h"
#include "load/csvheader.h"

#include <stddef.h>
#include <strings.h>

bool input_parse_kind(const char *s, input_kind_t *kind)
{
    static const struct {
        const char *name;
        input_kind_t kind;
    } kinds[] = {{"auto", INPUT_AUTO}, {"points", INPUT_POINTS}, {"judged", INPUT_JUDGED},
                 {"scores", INPUT_SCORES}, {"binned", INPUT_BINNED}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcasecmp(s, kinds[i].name) == 0) {
            *kind = kinds[i].kind;
            return true;
        }
    }
    return false;
}

bool input_parse_unrecognised(const char *s, point_unrec_t *how)
{
    if (strcasecmp(s, "exclude") == 0)
        *how = POINT_UNREC_EXCLUDE;
    else if (strcasecmp(s, "refusal") == 0)
        *how = POINT_UNREC_REFUSAL;
    else if (strcasecmp(s, "compliance") == 0)
        *how = POINT_UNREC_COMPLIANCE;
    else
        return false;
    return true;
}

const char *input_kind_name(input_kind_t kind)
{
    switch (kind) {
    case INPUT_POINTS:
        return "points";
    case INPUT_JUDGED:
        return "judged";
    case INPUT_SCORES:
        return "scores";
    case INPUT_BINNED:
        return "binned";
    default:
        return "auto";
    }
}

unsigned long long input_max_bytes(input_kind_t kind)
{
    return kind == INPUT_POINTS ? INPUT_HELD_MAX_BYTES : 0;
}

const char *input_size_advice(input_kind_t kind)
{
    (void)kind; /* only operating points are held whole */
    return "operating points are held in memory whole; per-prompt results are read at any size, "
           "streamed, as per-prompt scores, judged results or binned counts";
}

input_kind_t input_detect(char *const *header, size_t ncols, const input_opts_t *opts)
{
    static const input_opts_t defaults = INPUT_OPTS_INIT;
    if (!opts)
        opts = &defaults;
    if (opts->kind != INPUT_AUTO)
        return opts->kind;
    if (opts->preset || opts->judge || opts->verdict_column || opts->refused_values || opts->complied_values)
        return INPUT_JUDGED;
    if (csvheader_find(header, ncols, INPUT_BIN_COLUMNS) >= 0)
        return INPUT_BINNED;
    /* A score column alone may be an attribute of operating points (a
     * benchmark's score); per-prompt scores also say which set each prompt
     * is in. */
    if (csvheader_find(header, ncols, INPUT_SCORE_COLUMNS) >= 0 &&
        csvheader_find(header, ncols, opts->set_column ? opts->set_column : INPUT_SET_COLUMNS) >= 0)
        return INPUT_SCORES;
    if ((csvheader_find(header, ncols, "prompt_label") >= 0 && csvheader_find(header, ncols, "final_label") >= 0) ||
        csvheader_find(header, ncols, "verdict,judgement,judgment,jailbroken") >= 0)
        return INPUT_JUDGED;
    return INPUT_POINTS;
}
