# bench/lib.sh: what the benchmark runners share (sourced, not run): each
# runs its commands under GNU time into BENCH_DIR and reads the medians
# back.

# now: nanoseconds (GNU date), or empty where date cannot say.
now() { case $(date +%N) in *[!0-9]*) ;; *) date +%s%N ;; esac; }

# one NAME COMMAND...: runs it once (standard output dropped); appends
# "wall cpu rss_kb" to BENCH_DIR/NAME.times, the wall clock to the
# millisecond where date gives nanoseconds (GNU time's hundredths else).
one() {
    name=$1; shift
    t0=$(now)
    /usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/$name.one" "$@" >/dev/null
    t1=$(now)
    awk -v t0="$t0" -v t1="$t1" '{ w = t0 != "" ? (t1 - t0) / 1e9 : $1
        printf "%.3f %.2f %s\n", w, $2 + $3, $4 }' "$BENCH_DIR/$name.one" >>"$BENCH_DIR/$name.times"
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
