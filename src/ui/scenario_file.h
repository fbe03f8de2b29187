/* scenario_file: the explorer's saved state, as a text file people can read
 * and edit.
 *
 *   # tradeoff scenario (saved by the explorer; `tradeoff --scenario FILE`)
 *   tradeoff-scenario = 3             (1: points saved as positions; 2: of
 *                                      how files were read, group-columns
 *                                      alone)
 *   file = "/data/points.csv"         (one line per file; none: built-in)
 *   sha256 = 9f86d0...                (optional, after its file: the data as
 *                                      saved, to tell when it changed)
 *   preset = "xstest"                 (how the files were read: a line per
 *   where = "judge=gpt4"               option of load/inputopts.h given, by
 *   n-adversarial = "520"              its long name, the value as on the
 *                                      command line; "where" may repeat.
 *                                      Version 3: an option not written was
 *                                      at its default)
 *   interval = wilson                 (--interval: wilson, clopper-pearson)
 *   volume = 10000000
 *   adversarial-share = 0.1%
 *   cost-refusal = 0
 *   cost-harm = 0
 *   policy = consumer
 *   asr-bound = < 0.5%                (or "<=", or "none")
 *   orr-bound = < 5%
 *   point = "safety-tuned"            (the operating point, by name; a mix:
 *   point-mix = "filter-after"         the second point and the share of
 *   point-share = 70%                  traffic through the first)
 *   baseline = "baseline"             (optional; baseline-mix and
 *                                      baseline-share as for the point)
 *   series = "safety tuning"          (version 1, still read: the operating
 *   position = 1                       point as a series and a position
 *   group = "built-in scenario"        along it, 1.3 a mix; the series'
 *   baseline-series = ...              group; the baseline likewise)
 *   baseline-position = 0
 *   baseline-group = "built-in scenario"
 *   sort = input                      (input, name, asr, orr, frontier)
 *   scales = auto                     (auto, log, linear)
 *   focus = threshold                 (the focused control: threshold,
 *                                      volume, adversarial-share, cost-refusal,
 *                                      cost-harm, policy, asr-bound, orr-bound)
 *
 * Blank lines and lines starting with '#' are ignored; unknown keys, bad
 * values, repeated keys and NUL bytes are errors naming file:line:column.
 * Relative file paths are taken from the scenario file's directory. A
 * value may be written in double quotes, with backslash escapes
 * (text_quote): the explorer writes paths and series names that way, so
 * that any byte of them reads back. */
#ifndef TRADEOFF_SCENARIO_FILE_H
#define TRADEOFF_SCENARIO_FILE_H

#include "base/diag.h"
#include "base/strbuf.h"
#include "core/model.h"
#include "core/stats.h"
#include "load/input.h"

#include <stdbool.h>

#define SCENARIO_FILE_VERSION 3

/* A point or a mix of two, by name. */
typedef struct {
    char *name;         /* NULL: not given */
    char *mix;          /* the second point of a mix; NULL: a measured point */
    double share;       /* of traffic through `name` in a mix, 0..1 */
} scenario_point_t;

typedef struct {
    int version;        /* as read (SCENARIO_FILE_VERSION when made) */
    char **files;       /* as resolved (relative to the scenario's directory) */
    char **sha256;      /* per file: its SHA-256 as saved (hex), or NULL */
    int nfiles;
    scenario_point_t point, baseline; /* by name (version 2) */
    scenario_t scenario;
    /* How the files were read: each option's value (owned here) and the
     * line it was read from (0: not read from a file); `input` points at
     * the values. */
    input_opts_t input;
    struct scenario_option {
        char *name, *value;
        long line;
    } *options;
    size_t noptions;
    bool has_interval;  /* an interval line was read, or the explorer's saved */
    stats_method_t interval;
    long interval_line;
    char *series;       /* NULL: the first series */
    double position;    /* NAN: not given */
    char *group;        /* the series' group; NULL: any */
    char *baseline_series; /* NULL: no baseline */
    double baseline_position;
    char *baseline_group;
    char *sort;         /* NULL: default; else a name of explore_names.h */
    char *scales;
    char *focus;
} scenario_file_t;

/* The focus names, in the explorer's Tab order; NULL-terminated. */
extern const char *const scenario_focus_names[];

/* Defaults: no files, the default scenario, nothing placed. */
void scenario_file_init(scenario_file_t *sf);
void scenario_file_free(scenario_file_t *sf);
/* Records the reading option `name` (load/inputopts.h) as `value`, read
 * from `line` (0: not from a file), checked as the command line checks
 * it: NULL, or what was expected. */
const char *scenario_file_set_option(scenario_file_t *sf, const char *name, const char *value, long line);
/* The line the option `name` (or "interval") was read from; 0: none. */
long scenario_file_option_line(const scenario_file_t *sf, const char *name);
/* Reads `path`; returns 0, or -1 with "path:line:col: what was expected" in d. */
int scenario_file_read(const char *path, scenario_file_t *sf, diag_t *d);
/* Parses text already read (`name` is used in messages; `dir` resolves
 * relative file paths and may be NULL). */
int scenario_file_parse(const char *name, const char *dir, const char *text, size_t len,
                        scenario_file_t *sf, diag_t *d);
/* Appends the file's text. */
void scenario_file_format(sb_t *out, const scenario_file_t *sf);
/* Appends the text of `sf` to be saved as `path`, checked to read back
 * from there (relative paths taken from its directory) as the very same
 * scenario: 0, or -1 with why it would not in `d`, for the explorer to say
 * instead of "saved". */
int scenario_file_save_text(const char *path, const scenario_file_t *sf, sb_t *out, diag_t *d);
/* Parses a policy bound as written in the file or typed in the explorer:
 * "< 0.5%", "<= 2", "0.5" (strict) or "none". NULL or what was expected. */
const char *scenario_parse_bound(const char *s, bound_t *out);
/* "< 0.5%", "<= 15%" or "none". */
void scenario_format_bound(sb_t *out, bound_t b);

#endif
