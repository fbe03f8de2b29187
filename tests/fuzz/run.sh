#!/bin/sh
# run.sh: runs each libFuzzer target built by build.sh for FUZZ_SECONDS
# seconds (or, with FUZZ_RUNS, for that many executions: a campaign),
# one target after the other, starting from its seed corpus (tests/fuzz/corpus/T) and its
# regression inputs (tests/fuzz/regressions/T). New interesting inputs go to
# FUZZ_OUT/work/T (never into the source tree); anything that crashes, leaks,
# hangs (FUZZ_TIMEOUT seconds per input) or trips a sanitizer is saved as
# FUZZ_OUT/findings/T-* and fails the run.
#
# Prints one TAP line per target with the number of executions, the time,
# the rate and libFuzzer's coverage (cov: edges, ft: features), e.g.
#   ok 1 - fuzz points: 812345 executions in 25 s (32493/s), cov 1670, ft 5849, no finding
set -u
: "${FUZZ_SRCDIR:?}" "${FUZZ_OUT:?}"
seconds=${FUZZ_SECONDS:-25}
runs=${FUZZ_RUNS:-}
timeout=${FUZZ_TIMEOUT:-10}
targets=${FUZZ_TARGETS:-$(cat "$FUZZ_OUT/targets" 2>/dev/null)}
fuzzdir=$FUZZ_SRCDIR/tests/fuzz
mkdir -p "$FUZZ_OUT/work" "$FUZZ_OUT/findings"
# Any UBSan report is fatal, but the known bugs listed in ubsan.supp.
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$fuzzdir/ubsan.supp"
export UBSAN_OPTIONS

n=0 failed=0
for t in $targets; do
    n=$((n + 1))
    bin=$FUZZ_OUT/fuzz-$t
    log=$FUZZ_OUT/fuzz-$t.log
    if [ ! -x "$bin" ]; then
        echo "not ok $n - fuzz $t: $bin not built (make fuzz-build)"
        failed=$((failed + 1))
        continue
    fi
    mkdir -p "$FUZZ_OUT/work/$t"
    dirs="$FUZZ_OUT/work/$t"
    [ -d "$fuzzdir/corpus/$t" ] && dirs="$dirs $fuzzdir/corpus/$t"
    # Regression inputs seed the run too, but not the known, unfixed bugs
    # (todo-*: see regressions/T/README), which would stop it at once.
    for f in "$fuzzdir/regressions/$t"/*; do
        case $(basename "$f") in todo-* | README | \*) ;; *) cp "$f" "$FUZZ_OUT/work/$t/" ;; esac
    done
    dict=""
    [ -f "$fuzzdir/$t.dict" ] && dict="-dict=$fuzzdir/$t.dict"
    limit="-max_total_time=$seconds"
    [ -n "$runs" ] && limit="-runs=$runs"
    start=$(date +%s)
    # shellcheck disable=SC2086
    "$bin" $limit -timeout="$timeout" -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$FUZZ_OUT/findings/$t-" $dict $dirs >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) .*/cov \1, ft \2/p' "$log" | tail -n 1)
    rate=$(awk -v e="${execs:-0}" -v s="$took" 'BEGIN { printf "%d", (s > 0 ? e / s : e) }')
    if [ "$rc" -eq 0 ]; then
        echo "ok $n - fuzz $t: ${execs:-?} executions in $took s ($rate/s), ${cov:-cov ?}, no finding"
    else
        failed=$((failed + 1))
        echo "not ok $n - fuzz $t: finding after ${execs:-?} executions (exit $rc); log: $log"
        grep -E 'ERROR:|SUMMARY:|runtime error|broken promise|Test unit written' "$log" | head -n 10 | sed 's/^/#   /'
        # The input itself, so a finding in a CI log can be reproduced:
        #   sed -n 's/^#   input: //p' LOG | xxd -r -p >input
        for f in $(sed -n 's/.*Test unit written to //p' "$log"); do
            [ -f "$f" ] && echo "#   input: $(head -c 2048 "$f" | od -An -v -tx1 | tr -d ' \n')"
        done
    fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
