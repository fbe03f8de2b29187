#!/bin/sh
# bench.sh: bench/run.sh still works, run at tiny sizes (never timed: its
# figures are printed, not judged), and leaves no file behind.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
command -v "${CC:-cc}" >/dev/null 2>&1 || tap_skip_all "bench/run.sh needs a C compiler"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

out=$(BENCH_DIR="$tmp/bench" BENCH_BIG_ROWS=6000 BENCH_HUGE_BYTES=150000 BENCH_POINTS=400 PYTHON=/nonexistent \
    TRADEOFF="$T" sh "$TOP_SRCDIR/bench/run.sh" 2000 2 2>&1)
equals "bench/run.sh 2000 2: exit 0" "$?" 0
for section in "1. sweep, 2000 rows" "2. sweep, 6000 rows against 2000" "3. sweep once" \
    "4. report --format json, 400 points in 4 groups against 40" "5. the explorer opening"; do
    contains "it reports: $section" "$out" "$section"
done
contains "the curve read on one core is the same" "$out" "the curve read on one core: the same bytes"
contains "the file past the size (here 150,000 bytes) counts every row" "$out" \
    "every threshold and count: exactly 3 times the 2000-row curve's"
contains "a ratio for each shape of points" "$out" "frontier: "
equals "nothing is left in its scratch directory" "$(ls -A "$tmp")" ""
tap_done
