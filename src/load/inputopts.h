/* inputopts: the options that say how files are read (input_opts_t), by
 * their long names, set from text and written back as text. The command
 * line (--preset xstest) and a scenario file (preset = xstest) both set
 * them here, so that a value is checked one way and reads back the same:
 *
 *   input knob-column group-columns preset judge set-column harmful-values
 *   benign-values verdict-column refused-values complied-values
 *   unrecognised id-column n-adversarial n-benign asr-column orr-column
 *   complement rates name-columns category-column where
 *
 * A value set is kept by pointer (it must live as long as the options);
 * "where" may be given again and appends, to an array of its own; "judge"
 * and "verdict-column" may be given again and append to their list of
 * columns (a text of their own), as --example given twice loads both. */
#ifndef TRADEOFF_INPUTOPTS_H
#define TRADEOFF_INPUTOPTS_H

#include "base/strbuf.h"
#include "load/input.h"

#include <stdbool.h>

/* The names above, in that order (the order a scenario file writes them);
 * NULL-terminated. */
extern const char *const inputopts_names[];

/* Whether `name` is one of inputopts_names. */
bool inputopts_known(const char *name);
/* Sets the option `name` to `value`, checked as the command line checks
 * it: NULL, or what was expected ("expected xstest or jailbreakbench").
 * Nothing is changed on an error. */
const char *inputopts_set(input_opts_t *opts, const char *name, const char *value);
/* Frees the array "where" values were appended to and the joined lists,
 * and empties them. */
void inputopts_free(input_opts_t *opts);

/* Calls `fn` for each option of `opts` that is not at its default, in the
 * order of inputopts_names, with its value as inputopts_set takes it back
 * (once per "where" expression). */
typedef void (*inputopts_fn)(const char *name, const char *value, void *ctx);
void inputopts_each(const input_opts_t *opts, inputopts_fn fn, void *ctx);
/* Whether the option `name` of `opts` is not at its default. */
bool inputopts_given(const input_opts_t *opts, const char *name);
/* Whether the option `name` has the same value in `a` and in `b`. */
bool inputopts_same(const input_opts_t *a, const input_opts_t *b, const char *name);
/* Copies the option `name` from `from` (its pointers, not what they point
 * at: `from` must outlive `to`'s use of them). */
void inputopts_take(input_opts_t *to, const input_opts_t *from, const char *name);
/* The value of the option `name` of `opts` as one text, the "where"
 * expressions joined with " AND "; "" at its default. Appended to `out`. */
void inputopts_describe(sb_t *out, const input_opts_t *opts, const char *name);

#endif
