#!/bin/sh
# bench/run.sh: how fast `tradeoff sweep` turns a per-prompt score file into
# its exact curve, against the floor the required parser sets (libcsv over
# the same file, doing nothing else) and against pandas read_csv + sklearn
# roc_curve where those are installed (Debian: python3-pandas python3-sklearn).
#
#   bench/run.sh [ROWS] [REPEATS]        defaults: 10000000 rows, 3 repeats
#
# Environment: TRADEOFF (the built program; default src/tradeoff from the
# current directory), BENCH_DIR (scratch files; default /tmp/tradeoff-bench),
# PYTHON (default /usr/bin/python3), CC. Generated files stay in BENCH_DIR,
# never in the source tree; the score file is reused when it exists with the
# same row count. Prints the median wall time, CPU time (user+sys) and peak
# memory of each, their ratios, and whether sweep's curve is sklearn's.
set -eu
ROWS=${1:-10000000}
REPEATS=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
TRADEOFF=${TRADEOFF:-$(pwd)/src/tradeoff}
BENCH_DIR=${BENCH_DIR:-/tmp/tradeoff-bench}
PYTHON=${PYTHON:-/usr/bin/python3}
CC=${CC:-cc}
mkdir -p "$BENCH_DIR"
[ -x "$TRADEOFF" ] || { echo "bench: no program at $TRADEOFF (set TRADEOFF)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 2; }

$CC -O2 -o "$BENCH_DIR/gen_scores" "$here/gen_scores.c" -lm
$CC -O2 -o "$BENCH_DIR/parse_floor" "$here/parse_floor.c" -lcsv
data=$BENCH_DIR/scores-$ROWS.csv
if [ ! -s "$data" ]; then
    echo "generating $ROWS rows into $data"
    "$BENCH_DIR/gen_scores" "$ROWS" >"$data.tmp" && mv "$data.tmp" "$data"
fi
echo "file: $data ($(wc -c <"$data") bytes, $ROWS rows); $REPEATS runs each, medians"

. "$here/lib.sh" # measure, median, ratio

measure floor "$BENCH_DIR/parse_floor" "$data"
measure sweep "$TRADEOFF" sweep "$data"
"$TRADEOFF" sweep "$data" -o "$BENCH_DIR/curve-$ROWS.csv"
have_py=no
if "$PYTHON" -c 'import pandas, sklearn' 2>/dev/null; then
    have_py=yes
    measure sklearn "$PYTHON" "$here/sklearn_curve.py" "$data"
fi

row() { # NAME LABEL
    printf '%-28s %8ss %8ss %8d MiB\n' "$2" "$(median "$1" 1)" "$(median "$1" 2)" $(($(median "$1" 3) / 1024))
}
echo
printf '%-28s %9s %9s %12s\n' "" "wall" "cpu" "peak RSS"
row floor "libcsv parse-only floor"
row sweep "tradeoff sweep"
[ "$have_py" = yes ] && row sklearn "pandas + sklearn roc_curve"
echo
echo "sweep / floor: $(ratio "$(median sweep 1)" "$(median floor 1)")x wall, $(ratio "$(median sweep 2)" "$(median floor 2)")x cpu (target 1.5x)"
echo "sweep peak RSS: $(($(median sweep 3) / 1024)) MiB (target 170 MiB)"
if [ "$have_py" = yes ]; then
    echo "pandas+sklearn / sweep: $(ratio "$(median sklearn 1)" "$(median sweep 1)")x wall, $(ratio "$(median sklearn 3)" "$(median sweep 3)")x memory"
    "$PYTHON" "$here/sklearn_curve.py" "$data" --compare "$BENCH_DIR/curve-$ROWS.csv"
else
    echo "pandas + sklearn: not installed (apt-get install python3-pandas python3-sklearn); skipped"
fi
