/* input: the kinds of input file and the options that say how to read them. */
#include "config.h"

#include "load/input.h"
#include "load/csvheader.h"

#include <stddef.h>
#include <strings.h>

/* The index of `s` among `n` words (any case), or -1. */
static int word_index(const char *s, const char *const *words, int n)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(s, words[i]) == 0)
            return i;
    return -1;
}

bool input_parse_kind(const char *s, input_kind_t *kind)
{
    static const char *const words[] = {"auto", "points", "judged", "scores", "binned"};
    static const input_kind_t kinds[] = {INPUT_AUTO, INPUT_POINTS, INPUT_JUDGED, INPUT_SCORES, INPUT_BINNED};
    int i = word_index(s, words, 5);
    if (i >= 0)
        *kind = kinds[i];
    return i >= 0;
}

bool input_parse_unrecognised(const char *s, point_unrec_t *how)
{
    static const char *const words[] = {"exclude", "refusal", "compliance"};
    static const point_unrec_t hows[] = {POINT_UNREC_EXCLUDE, POINT_UNREC_REFUSAL, POINT_UNREC_COMPLIANCE};
    int i = word_index(s, words, 3);
    if (i >= 0)
        *how = hows[i];
    return i >= 0;
}

bool input_parse_rates(const char *s, input_rates_t *rates)
{
    static const char *const words[] = {"auto", "percent", "fraction"};
    static const input_rates_t units[] = {INPUT_RATES_AUTO, INPUT_RATES_PERCENT, INPUT_RATES_FRACTION};
    int i = word_index(s, words, 3);
    if (i >= 0)
        *rates = units[i];
    return i >= 0;
}

bool input_parse_complement(const char *s, unsigned *sides)
{
    static const char *const words[] = {"asr", "orr", "both"};
    static const unsigned bits[] = {INPUT_COMPLEMENT_ASR, INPUT_COMPLEMENT_ORR,
                                    INPUT_COMPLEMENT_ASR | INPUT_COMPLEMENT_ORR};
    int i = word_index(s, words, 3);
    if (i >= 0)
        *sides = bits[i];
    return i >= 0;
}

const char *input_points_flag(const input_opts_t *opts)
{
    if (opts->asr_column)
        return "--asr-column";
    if (opts->orr_column)
        return "--orr-column";
    if (opts->complement)
        return "--complement";
    if (opts->rates != INPUT_RATES_AUTO)
        return "--rates";
    if (opts->name_columns)
        return "--name-columns";
    if (opts->category_column)
        return "--category-column";
    if (opts->nwhere)
        return "--where";
    return NULL;
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
