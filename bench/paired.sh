#!/bin/sh
# bench/paired.sh: how fast `tradeoff diff` pairs two per-prompt files of
# the same prompts (in different orders) and lists the prompts that
# flipped, against reading the same two files in the same run (`tradeoff
# report --format csv A B`: the loader alone, counts per file, no pairing).
#
#   bench/paired.sh [ROWS] [REPEATS]        defaults: 1000000 rows a file, 3 repeats
#
# Environment: TRADEOFF (the built program; default src/tradeoff from the
# current directory), BENCH_DIR (scratch files; default
# /tmp/tradeoff-bench), CC. The files (bench/gen_paired.c: 5% of the
# verdicts flipped, so about 50,000 prompts listed for a million) stay in
# BENCH_DIR and are reused. Prints the median wall time, CPU time and peak
# memory of each, and their ratios.
set -eu
ROWS=${1:-1000000}
REPEATS=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
TRADEOFF=${TRADEOFF:-$(pwd)/src/tradeoff}
BENCH_DIR=${BENCH_DIR:-/tmp/tradeoff-bench}
CC=${CC:-cc}
mkdir -p "$BENCH_DIR"
[ -x "$TRADEOFF" ] || { echo "bench: no program at $TRADEOFF (set TRADEOFF)" >&2; exit 2; }

$CC -O2 -o "$BENCH_DIR/gen_paired" "$here/gen_paired.c"
a=$BENCH_DIR/paired-a-$ROWS.csv b=$BENCH_DIR/paired-b-$ROWS.csv
if [ ! -s "$a" ] || [ ! -s "$b" ]; then
    echo "generating $ROWS prompts into $a and $b"
    "$BENCH_DIR/gen_paired" "$ROWS" "$a.tmp" "$b.tmp" && mv "$a.tmp" "$a" && mv "$b.tmp" "$b"
fi
echo "files: $a, $b ($(wc -c <"$a") bytes each); $REPEATS runs each, medians"

. "$here/lib.sh" # measure, median, ratio

measure read "$TRADEOFF" report --policy none --format csv "$a" "$b"
measure diff "$TRADEOFF" diff --format json "$a" "$b"
measure text "$TRADEOFF" diff --width 100 "$a" "$b"
flipped=$("$TRADEOFF" diff --format csv "$a" "$b" | awk 'END { print NR - 1 }')

row() { printf '%-36s %8ss %8ss %8d MiB\n' "$2" "$(median "$1" 1)" "$(median "$1" 2)" $(($(median "$1" 3) / 1024)); }
echo
printf '%-36s %9s %9s %12s\n' "" "wall" "cpu" "peak RSS"
row read "reading both files (report)"
row diff "diff --format json"
row text "diff (text)"
echo
echo "prompts listed as flipped: $flipped"
echo "diff json / reading: $(ratio "$(median diff 1)" "$(median read 1)")x wall, $(ratio "$(median diff 3)" "$(median read 3)")x memory"
echo "diff text / reading: $(ratio "$(median text 1)" "$(median read 1)")x wall, $(ratio "$(median text 3)" "$(median read 3)")x memory"
