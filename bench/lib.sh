# bench/lib.sh: what the benchmark runners share (sourced, not run): each
# runs its commands REPEATS times under GNU time into BENCH_DIR and reads
# the medians back.

# measure NAME COMMAND...: runs it REPEATS times; appends "wall cpu rss_kb"
# lines to BENCH_DIR/NAME.times (standard output dropped).
measure() {
    name=$1; shift
    : >"$BENCH_DIR/$name.times"
    i=0
    while [ "$i" -lt "$REPEATS" ]; do
        /usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/$name.one" "$@" >/dev/null
        awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$BENCH_DIR/$name.one" >>"$BENCH_DIR/$name.times"
        i=$((i + 1))
    done
}

# median NAME FIELD: median of column FIELD (1 wall, 2 cpu, 3 rss KB)
median() {
    sort -n -k"$2" "$BENCH_DIR/$1.times" | awk -v f="$2" '{ v[NR] = $f } END { print v[int((NR + 1) / 2)] }'
}

# ratio A B: A / B with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
