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

static const char *const kind_words[] = {"auto", "points", "judged", "scores", "binned"};
static const input_kind_t kinds[] = {INPUT_AUTO, INPUT_POINTS, INPUT_JUDGED, INPUT_SCORES, INPUT_BINNED};
static const char *const unrec_words[] = {"exclude", "refusal", "compliance"};
static const point_unrec_t unrecs[] = {POINT_UNREC_EXCLUDE, POINT_UNREC_REFUSAL, POINT_UNREC_COMPLIANCE};
static const char *const rates_words[] = {"auto", "percent", "fraction"};
static const input_rates_t units[] = {INPUT_RATES_AUTO, INPUT_RATES_PERCENT, INPUT_RATES_FRACTION};
static const char *const complement_words[] = {"asr", "orr", "both"};
static const unsigned complement_bits[] = {INPUT_COMPLEMENT_ASR, INPUT_COMPLEMENT_ORR,
                                           INPUT_COMPLEMENT_ASR | INPUT_COMPLEMENT_ORR};

bool input_parse_kind(const char *s, input_kind_t *kind)
{
    int i = word_index(s, kind_words, 5);
    if (i >= 0)
        *kind = kinds[i];
    return i >= 0;
}

bool input_parse_unrecognised(const char *s, point_unrec_t *how)
{
    int i = word_index(s, unrec_words, 3);
    if (i >= 0)
        *how = unrecs[i];
    return i >= 0;
}

const char *input_unrecognised_name(point_unrec_t how)
{
    for (int i = 0; i < 3; i++)
        if (unrecs[i] == how)
            return unrec_words[i];
    return unrec_words[0];
}

bool input_parse_rates(const char *s, input_rates_t *rates)
{
    int i = word_index(s, rates_words, 3);
    if (i >= 0)
        *rates = units[i];
    return i >= 0;
}

const char *input_rates_name(input_rates_t rates)
{
    for (int i = 0; i < 3; i++)
        if (units[i] == rates)
            return rates_words[i];
    return rates_words[0];
}

bool input_parse_complement(const char *s, unsigned *sides)
{
    int i = word_index(s, complement_words, 3);
    if (i >= 0)
        *sides = complement_bits[i];
    return i >= 0;
}

const char *input_complement_name(unsigned sides)
{
    for (int i = 0; i < 3; i++)
        if (complement_bits[i] == sides)
            return complement_words[i];
    return "";
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
    for (int i = 0; i < 5; i++)
        if (kinds[i] == kind)
            return kind_words[i];
    return kind_words[0];
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
