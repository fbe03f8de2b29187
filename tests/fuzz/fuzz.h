/* fuzz.h: what every fuzz target shares.
 *
 * A target is one function, LLVMFuzzerTestOneInput, linked either with
 * libFuzzer (clang, tests/fuzz/build.sh) to search for crashes, or with
 * tests/fuzz/replay.c (gcc, `make check`) to replay the seed corpus and every
 * input that once crashed. Besides memory errors, a target checks the
 * promises its parser makes and calls fuzz_fail() when one is broken, so a
 * broken promise is a finding too. */
#ifndef TRADEOFF_FUZZ_H
#define TRADEOFF_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "load/load.h"
#include "core/point.h"
#include "base/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints what went wrong and aborts, which both libFuzzer and the replay
 * driver count as a failure. */
void fuzz_fail(const char *what, const char *detail) __attribute__((noreturn));

/* The promises every loader makes about the points it returns: unique,
 * clean names (no control characters, valid UTF-8), rates that are NAN or
 * fractions from 0 to 1, counts that are unknown or consistent. */
void fuzz_check_points(const pointset_t *set);
/* Renders every batch report format and checks that no output holds a
 * control character other than a newline (an escape sequence from a cell
 * would otherwise reach the terminal). */
void fuzz_check_reports(const pointset_t *set);
/* Messages reach a terminal too: they must be clean text, and a failure
 * must say why. */
void fuzz_check_diag(const diag_t *d, int rc);
/* Loads `data` with load_buffer and `opts`, then checks every promise above:
 * a clean message, clean points and (with `reports`) clean reports on
 * success, and nothing kept on failure. What each CSV target does once it
 * has chosen its options. */
void fuzz_load_and_check(const uint8_t *data, size_t size, const input_opts_t *opts, bool reports);

#endif
