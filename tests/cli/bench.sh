#!/bin/sh
# bench.sh: bench/run.sh and bench/paired.sh still work, run at tiny sizes
# (never timed: their figures are printed, not judged); run.sh leaves no
# file behind.
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

# bench/paired.sh (issue 18) at a small size: it still runs and reports its
# ratios. Its files are kept for reuse, here in the test's own directory.
out=$(BENCH_DIR="$tmp/paired" TRADEOFF="$T" sh "$TOP_SRCDIR/bench/paired.sh" 2000 1 2>&1)
equals "bench/paired.sh 2000 1: exit 0" "$?" 0
contains "it lists the flipped prompts" "$out" "prompts listed as flipped: "
check "about 5% of 2,000 prompts flipped" test "$(printf '%s\n' "$out" | sed -n 's/^prompts listed as flipped: //p')" -gt 0
contains "it reports the ratio to reading the files" "$out" "diff json / reading: "
contains "and for the text" "$out" "diff text / reading: "
tap_done
