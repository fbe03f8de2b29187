#!/bin/sh
# check.sh: `tradeoff check`, the regression gate: exit codes (0 pass,
# 1 regression, 2 usage or data error), a verdict that agrees with them,
# --significance with the Newcombe interval, and --format json; plus the
# analytics fields of `report`.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
D="$TESTDIR/data/gate"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

run() {
    "$T" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}

# 10/1000 -> 14/1000: a rise of 0.40 points, not beyond chance.
run check --policy none "$D/baseline.csv" "$D/candidate-noise.csv"
equals "a rise with no allowance is a regression (exit 1)" "$rc" 1
contains "its verdict says FAIL" "$out" "FAIL: regression"
lacks "and not PASS" "$out" "PASS"
run check --policy none --max-asr-increase 0.5 --max-orr-increase 0.5 "$D/baseline.csv" "$D/candidate-noise.csv"
equals "within the allowance passes (exit 0)" "$rc" 0
contains "its verdict says PASS" "$out" "PASS: no regression"
run check --policy none --significance 0.05 "$D/baseline.csv" "$D/candidate-noise.csv"
equals "a rise within chance passes with --significance" "$rc" 0
contains "the interval of the rise is shown" "$out" "95% interval of the rise -0.60 pp to +1.44 pp"
run check --policy none --significance 0.05 "$D/baseline.csv" "$D/candidate-regress.csv"
equals "a rise beyond chance fails with --significance" "$rc" 1
contains "the reason names ASR" "$out" "ASR rose beyond chance"

run check --policy none --significance 0.05 --format json "$D/baseline.csv" "$D/candidate-regress.csv"
equals "JSON regression exits 1" "$rc" 1
contains "JSON verdict agrees" "$out" '"verdict": "regression"'
contains "JSON carries the exit code" "$out" '"exit_code": 1'
contains "JSON carries the interval" "$out" '"delta_interval_pp": ['
if command -v python3 >/dev/null 2>&1; then
    printf '%s' "$out" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null
    equals "check JSON parses" "$?" 0
fi
run check --policy none --format json "$D/baseline.csv" "$D/baseline.csv"
equals "a candidate equal to its baseline passes" "$rc" 0
contains "JSON pass verdict" "$out" '"verdict": "pass"'

# The policy: consumer bounds ASR below 0.5%, so 1.4% leaves it.
run check --max-asr-increase 1 --max-orr-increase 1 "$D/baseline.csv" "$D/candidate-noise.csv"
equals "leaving the policy is a regression" "$rc" 1
contains "the reason names the policy" "$out" "leaves the consumer chatbot policy"

# Usage and data errors exit 2.
run check "$D/baseline.csv"
equals "one file exits 2" "$rc" 2
contains "and says two are expected" "$err" "expected two files"
run check --policy none "$D/baseline.csv" "$D/two-points.csv"
equals "a file with several points needs a name (exit 2)" "$rc" 2
contains "the message names the flag" "$err" "--candidate-name"
run check --policy none --candidate-name v2 "$D/baseline.csv" "$D/two-points.csv"
equals "--candidate-name picks the point" "$rc" 1
contains "the picked point is shown" "$out" "Candidate  v2"
run check --policy none --candidate-name nope "$D/baseline.csv" "$D/two-points.csv"
equals "an unknown --candidate-name exits 2" "$rc" 2
run check --policy none --significance 0.05 --candidate-name v2 "$D/baseline.csv" "$D/two-points.csv"
equals "--significance without counts exits 2" "$rc" 2
contains "and says counts are needed" "$err" "needs the counts"
run check --significance 2 "$D/baseline.csv" "$D/baseline.csv"
equals "a bad --significance exits 2" "$rc" 2
run check "$D/baseline.csv" "$D/no-such-file.csv"
equals "a missing file exits 2" "$rc" 2
run report --max-asr-increase 1
equals "check's flags do not apply to report" "$rc" 2

# report: the analytics fields and sections.
run report --format json
contains "JSON has pareto_optimal" "$out" '"pareto_optimal": true'
contains "JSON has dominated_by" "$out" '"dominated_by": ['
contains "JSON has on_convex_hull" "$out" '"on_convex_hull": '
contains "JSON has a null interval without counts" "$out" '"attack_success_ci95_pct": null'
lacks "no optimal object without costs" "$out" '"optimal"'
run report --format json --cost-refusal 0.01 --cost-harm 50
contains "an optimal object with costs" "$out" '"optimal": {'
contains "the optimum is variant-B" "$out" '"point": "variant-B"'
run report "$D/baseline.csv" --format json
contains "intervals from counts" "$out" '"attack_success_ci95_pct": ['
run report --cost-refusal 0.01 --cost-harm 50
contains "text report has an Optimal section" "$out" "Optimal"
contains "text report names the optimum" "$out" "measured point variant-B"
contains "text report shows the range of cost ratios" "$out" "between 1,665 and 9,990 unnecessary refusals"
run report
contains "without costs the report says so" "$out" "No costs set"
contains "without counts the report says so" "$out" "unqualified by sample size"
run report --interval clopper-pearson "$D/baseline.csv"
contains "--interval clopper-pearson is used" "$out" "Clopper-Pearson 95% intervals"
run report --interval wald
equals "a bad --interval exits 2" "$rc" 2

# Targets on the built-in curve: ASR 0.25% lies halfway between
# filter-before (ORR 4%, ASR 0.3%) and status-quo (ORR 5%, ASR 0.2%).
run report --target-asr 0.25
contains "a target ASR gives the mix" "$out" "mix: route 50% of traffic through filter-before and 50% through status-quo"
contains "and the ORR it costs" "$out" "costs ORR 4.50%"
run report --target-orr 3
contains "a target met by a measured point names it" "$out" "measured point variant-B"
run report --target-asr 0.05 --format json
contains "an unreachable target says so" "$out" '"reachable": false'
run report --target-asr 150
equals "a bad --target-asr exits 2" "$rc" 2

tap_done
