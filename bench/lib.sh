# bench/lib.sh: what the benchmark runners share (sourced, not run; the
# runner sets `here`, its directory, and CC): each runs its commands under
# bench/timed.c, built into BENCH_DIR when first needed, and reads the
# medians back.

# one NAME COMMAND...: runs it once (standard output dropped); appends
# "wall cpu rss_kb" to BENCH_DIR/NAME.times (seconds to the millisecond,
# the peak resident set in KiB).
one() {
    name=$1; shift
    [ -x "$BENCH_DIR/timed" ] || ${CC:-cc} -O2 -o "$BENCH_DIR/timed" "$here/timed.c"
    "$BENCH_DIR/timed" "$BENCH_DIR/$name.one" "$@" >/dev/null
    cat "$BENCH_DIR/$name.one" >>"$BENCH_DIR/$name.times"
}

# measure NAME COMMAND...: runs it REPEATS times, the times of NAME anew.
measure() {
    name=$1; shift
    : >"$BENCH_DIR/$name.times"
    i=0
    while [ "$i" -lt "$REPEATS" ]; do
        one "$name" "$@"
        i=$((i + 1))
    done
}

# alternate NAME COMMAND [NAME COMMAND]...: REPEATS rounds of the commands
# (each a string for eval), one after the other in every round, so that a
# ratio of two compares runs made at the same time on a noisy machine; the
# times of each NAME anew.
alternate() {
    k=1
    while [ "$k" -lt "$#" ]; do
        eval "alt_name=\${$k}"
        : >"$BENCH_DIR/$alt_name.times"
        k=$((k + 2))
    done
    i=0
    while [ "$i" -lt "$REPEATS" ]; do
        k=1
        while [ "$k" -lt "$#" ]; do
            eval "alt_name=\${$k} alt_cmd=\${$((k + 1))}"
            eval "one $alt_name $alt_cmd"
            k=$((k + 2))
        done
        i=$((i + 1))
    done
}

# median NAME FIELD: median of column FIELD (1 wall, 2 cpu, 3 rss KB)
median() {
    sort -n -k"$2" "$BENCH_DIR/$1.times" | awk -v f="$2" '{ v[NR] = $f } END { print v[int((NR + 1) / 2)] }'
}

# ratio A B: A / B with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
