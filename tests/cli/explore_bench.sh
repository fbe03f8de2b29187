#!/bin/sh
# explore_bench.sh: bench/explore_bench still runs, at small sizes (issue 17:
# the benchmark in CI's reach). It measures nothing here: no timing is ever
# checked by a test; only that every row of the report is printed.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
bench=$(dirname "$T")/../bench/explore_bench
[ -x "$bench" ] || tap_skip_all "bench/explore_bench is not built"
out=$("$bench" 64 12 2000 2>&1)
equals "explore_bench exits 0" "$?" 0
for row in "built-in scenario" "score curve, 10k prompts" "score curve, 100k prompts" \
           "curve, 2000 thresholds" "curve size ratio" "64 points, 8 series" "64 points, no series"; do
    contains "it measures: $row" "$out" "$row"
done
contains "the big curve is kept whole: its thresholds counted" "$out" "curve, 2000 thresholds     slider <-/->       2000"
"$bench" 4 >/dev/null 2>&1
equals "a size below its minimum is refused" "$?" 2
tap_done
