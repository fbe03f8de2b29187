#!/bin/sh
# bench/run.sh: reading at scale, each figure a ratio to a reference timed
# in the same run, the two runs alternating (a shared machine is noisy:
# medians of REPEATS runs each):
#
#   1. `tradeoff sweep` on ROWS per-prompt scores (default 10,000,000) against
#      the floor its parser sets: libcsv over the same file doing nothing else
#      (bench/parse_floor.c). Targets: at most 1.0x the floor's wall time (0.6x
#      the goal on two cores), peak memory at most 100 MiB; and the same on
#      one core (TRADEOFF_THREADS=1), whose curve must be the same bytes.
#   2. sweep on BENCH_BIG_ROWS rows (default 5 x ROWS) against the ROWS run:
#      at most 5.5x its wall time, at most 100 MiB.
#   3. sweep once on a file just over BENCH_HUGE_BYTES (default 4 GiB + 1):
#      the ROWS file's rows k times over, whose curve must count each of the
#      ROWS curve's counts exactly k times (64-bit offsets and counts).
#      Skipped when the scratch directory has no room (df) or BENCH_HUGE=no.
#   4. `tradeoff report --format json` on BENCH_POINTS operating points
#      (default 100,000) in four measurement groups, against a tenth as many:
#      at most 15x (n log n), for points at random and all on the frontier.
#   5. the explorer opening on the same files (TRADEOFF_KEYS: loading, and the
#      first frame drawn and dumped), BENCH_POINTS against a tenth.
#   6. pandas read_csv + sklearn roc_curve on the ROWS file, when installed
#      (Debian: python3-pandas python3-sklearn), and whether its curve is
#      sweep's.
#
#   bench/run.sh [ROWS] [REPEATS]        defaults: 10000000 rows, 5 repeats
#
# Environment: TRADEOFF (the built program; default src/tradeoff from the
# current directory), BENCH_DIR (scratch files; default /tmp/tradeoff-bench),
# BENCH_BIG_ROWS, BENCH_HUGE, BENCH_HUGE_BYTES, BENCH_POINTS (above), PYTHON
# (default /usr/bin/python3), CC. Every file generated is deleted at the end
# (and on an interrupt); BENCH_DIR is removed when this made it. No figure is
# a pass or a fail: the targets are printed beside them.
set -eu
ROWS=${1:-10000000}
REPEATS=${2:-5}
BIG_ROWS=${BENCH_BIG_ROWS:-$((ROWS * 5))}
HUGE=${BENCH_HUGE:-yes}
HUGE_BYTES=${BENCH_HUGE_BYTES:-4294967297}
POINTS=${BENCH_POINTS:-100000}
here=$(cd "$(dirname "$0")" && pwd)
TRADEOFF=${TRADEOFF:-$(pwd)/src/tradeoff}
BENCH_DIR=${BENCH_DIR:-/tmp/tradeoff-bench}
PYTHON=${PYTHON:-/usr/bin/python3}
CC=${CC:-cc}
[ -x "$TRADEOFF" ] || { echo "bench: no program at $TRADEOFF (set TRADEOFF)" >&2; exit 2; }

scratch=$BENCH_DIR
made_dir=no
[ -d "$scratch" ] || made_dir=yes
mkdir -p "$scratch"
work=$(mktemp -d "$scratch/run.XXXXXX")
cleanup() {
    rm -rf "$work"
    [ "$made_dir" = no ] || rmdir "$scratch" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

$CC -O2 -o "$work/gen_scores" "$here/gen_scores.c" -lm
$CC -O2 -o "$work/parse_floor" "$here/parse_floor.c" -lcsv

. "$here/lib.sh" # one, alternate, median, ratio (in BENCH_DIR: this run's own)
BENCH_DIR=$work

mib() { echo $(($(median "$1" 3) / 1024)); }
row() { # NAME LABEL
    printf '  %-36s %8.3fs %8.3fs %8d MiB\n' "$2" "$(median "$1" 1)" "$(median "$1" 2)" "$(mib "$1")"
}
header() { printf '\n%s\n  %-36s %9s %9s %12s\n' "$1" "" "wall" "cpu" "peak RSS"; }

# ---- 1. sweep against the libcsv floor --------------------------------------------

data=$work/scores-$ROWS.csv
"$work/gen_scores" "$ROWS" >"$data"
size=$(wc -c <"$data")
echo "tradeoff sweep: $ROWS rows, $size bytes ($data); $REPEATS alternating runs each, medians"
alternate floor '"$work/parse_floor" "$data"' sweep '"$TRADEOFF" sweep "$data"' \
    sweep1 'env TRADEOFF_THREADS=1 "$TRADEOFF" sweep "$data"'
"$TRADEOFF" sweep "$data" -o "$work/curve.csv"
TRADEOFF_THREADS=1 "$TRADEOFF" sweep "$data" -o "$work/curve-1.csv"
pieces=$("$TRADEOFF" sweep --verbose "$data" 2>&1 >/dev/null | sed -n 's/.*: \(.*\)$/\1/p')
header "1. sweep, $ROWS rows ($pieces)"
row floor "libcsv parse-only floor"
row sweep "tradeoff sweep"
row sweep1 "tradeoff sweep on one core"
echo "  sweep / floor: $(ratio "$(median sweep 1)" "$(median floor 1)")x wall (target 1.0x, goal 0.6x)," \
    "$(ratio "$(median sweep 2)" "$(median floor 2)")x cpu; peak $(mib sweep) MiB (target 100 MiB)"
echo "  on one core / floor: $(ratio "$(median sweep1 1)" "$(median floor 1)")x wall," \
    "$(ratio "$(median sweep1 2)" "$(median floor 2)")x cpu"
if cmp -s "$work/curve.csv" "$work/curve-1.csv"; then
    echo "  the curve read on one core: the same bytes"
else
    echo "  the curve read on one core: DIFFERENT bytes"
fi

# ---- 2. five times the rows -----------------------------------------------------------

big=$work/scores-$BIG_ROWS.csv
"$work/gen_scores" "$BIG_ROWS" 7 >"$big"
alternate sweep_ref '"$TRADEOFF" sweep "$data"' sweep_big '"$TRADEOFF" sweep "$big"'
rm -f "$big"
header "2. sweep, $BIG_ROWS rows against $ROWS (the larger file deleted)"
row sweep_ref "tradeoff sweep, $ROWS rows"
row sweep_big "tradeoff sweep, $BIG_ROWS rows"
echo "  $BIG_ROWS / $ROWS rows: $(ratio "$(median sweep_big 1)" "$(median sweep_ref 1)")x wall (target 5.5x)," \
    "$(ratio "$(median sweep_big 2)" "$(median sweep_ref 2)")x cpu; peak $(mib sweep_big) MiB (target 100 MiB)"

# ---- 3. past 4 GiB ------------------------------------------------------------------------

# columns 1 and 4 to 7 of a curve: the threshold and the counts
counts() { cut -d, -f1,4-7 "$1"; }
body=$((size - $(head -n 1 "$data" | wc -c)))
copies=$(((HUGE_BYTES - (size - body) + body - 1) / body))
need_kb=$(((size - body + copies * body) / 1024 + 524288))
free_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
if [ "$HUGE" = no ]; then
    echo
    echo "3. past 4 GiB: skipped (BENCH_HUGE=no)"
elif [ "$free_kb" -lt "$need_kb" ]; then
    echo
    echo "3. past 4 GiB: skipped: $((free_kb / 1024)) MiB free in $scratch, $((need_kb / 1024)) MiB needed (set BENCH_DIR)"
else
    huge=$work/huge.csv
    head -n 1 "$data" >"$huge"
    i=0
    while [ "$i" -lt "$copies" ]; do
        tail -n +2 "$data" >>"$huge"
        i=$((i + 1))
    done
    huge_size=$(wc -c <"$huge")
    one huge_floor "$work/parse_floor" "$huge"
    one huge "$TRADEOFF" sweep "$huge" -o "$work/curve-huge.csv"
    rm -f "$huge"
    header "3. sweep once, $huge_size bytes: the $ROWS rows $copies times (deleted)"
    row huge_floor "libcsv parse-only floor"
    row huge "tradeoff sweep"
    scaled=$(counts "$work/curve.csv" | awk -F, -v k="$copies" -v OFS=, 'NR == 1 { print; next }
        { printf "%s,%.0f,%.0f,%.0f,%.0f\n", $1, $2 * k, $3 * k, $4 * k, $5 * k }')
    if [ "$scaled" = "$(counts "$work/curve-huge.csv")" ]; then
        echo "  every threshold and count: exactly $copies times the $ROWS-row curve's"
    else
        echo "  the counts are NOT $copies times the $ROWS-row curve's"
    fi
fi

# ---- 4, 5. operating points at scale -------------------------------------------------------

# points N SHAPE: N operating points in four groups (a benchmark column);
# random: anywhere; frontier: every point of a group on its frontier.
points() {
    awk -v n="$1" -v shape="$2" 'BEGIN {
        srand(7); m = int(n / 4) + 1
        print "name,benchmark,n_adversarial,attack_successes,n_benign,benign_refused"
        for (i = 0; i < n; i++) {
            k = int(i / 4)
            if (shape == "random") { a = int(rand() * 500); b = int(rand() * 600); na = 1000; nb = 2000 }
            else { a = k; b = m - k - 1; na = m; nb = m }
            printf "p%d,bench%d,%d,%d,%d,%d\n", i, i % 4, na, a, nb, b
        }
    }'
}
small=$((POINTS / 10))
for shape in random frontier; do
    points "$small" "$shape" >"$work/points-$shape-$small.csv"
    points "$POINTS" "$shape" >"$work/points-$shape-$POINTS.csv"
done
nlogn=$(awk -v n="$POINTS" -v m="$small" 'BEGIN { printf "%.1f", n * log(n) / (m * log(m)) }')

# scaling KEY TITLE TARGET COMMAND: COMMAND (a string for eval, FILE in it
# the file) on BENCH_POINTS points against a tenth, for each shape of
# points.
scaling() {
    for shape in random frontier; do
        s=$work/points-$shape-$small.csv b=$work/points-$shape-$POINTS.csv
        alternate "$1_s_$shape" "${4%%FILE*}\"\$s\"${4#*FILE}" "$1_b_$shape" "${4%%FILE*}\"\$b\"${4#*FILE}"
    done
    header "$2, $POINTS points in 4 groups against $small"
    for shape in random frontier; do
        row "$1_s_$shape" "$small points, $shape"
        row "$1_b_$shape" "$POINTS points, $shape"
        echo "  $shape: $(ratio "$(median "$1_b_$shape" 1)" "$(median "$1_s_$shape" 1)")x wall$3," \
            "$(ratio "$(median "$1_b_$shape" 2)" "$(median "$1_s_$shape" 2)")x cpu (n log n: ${nlogn}x)"
    done
}
scaling json "4. report --format json" " (target 15x)" '"$TRADEOFF" report --format json FILE'
scaling open "5. the explorer opening (load and first frame)" "" \
    'env TRADEOFF_KEYS= TRADEOFF_SIZE=120x40 "$TRADEOFF" explore FILE'

# ---- 6. pandas + scikit-learn -----------------------------------------------------------------

echo
if "$PYTHON" -c 'import pandas, sklearn' 2>/dev/null; then
    alternate sweep_py '"$TRADEOFF" sweep "$data"' sklearn '"$PYTHON" "$here/sklearn_curve.py" "$data"'
    echo "6. pandas + sklearn roc_curve, $ROWS rows"
    row sweep_py "tradeoff sweep"
    row sklearn "pandas + sklearn roc_curve"
    echo "  pandas+sklearn / sweep: $(ratio "$(median sklearn 1)" "$(median sweep_py 1)")x wall," \
        "$(ratio "$(median sklearn 3)" "$(median sweep_py 3)")x memory"
    "$PYTHON" "$here/sklearn_curve.py" "$data" --compare "$work/curve.csv"
else
    echo "6. pandas + sklearn: not installed (apt-get install python3-pandas python3-sklearn); skipped"
fi
