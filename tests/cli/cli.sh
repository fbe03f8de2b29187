#!/bin/sh
# cli.sh: the command line as a script or CI job uses it: exit codes,
# messages on stderr, and the report in text and JSON.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/run.sh" # run ARGS...: sets $out, $err and $rc

run --help
equals "--help exits 0" "$rc" 0
contains "--help shows usage on stdout" "$out" "Usage: tradeoff"
run --version
equals "--version exits 0" "$rc" 0
contains "--version prints the version" "$out" "tradeoff "

run report --volume ten
equals "bad --volume exits 2" "$rc" 2
contains "bad --volume names the flag and what is accepted" "$err" "--volume 'ten': expected a number"
equals "bad --volume prints nothing on stdout" "$out" ""
# Messages talk about the command being run: no explorer sliders or keys
# from report or plot, no plotting from check, diff or judges.
for cmd in report plot; do
    run $cmd --volume 12
    equals "$cmd --volume 12 exits 2" "$rc" 2
    contains "$cmd --volume 12 says the range" "$err" "expected at least 1,000 queries per day"
    lacks "$cmd --volume 12: no explorer slider" "$err" "slider"
    lacks "$cmd --volume 12: no explorer" "$err" "explorer"
done
printf 'name,atack_success_pct,over_refusal_pct\nbase,1,4\n' >"$tmp/asr-misspelt.csv"
run check --policy none "$tmp/asr-misspelt.csv" "$tmp/asr-misspelt.csv"
contains "check warns of the missing ASR" "$err" "no attack success column"
lacks "check's warnings do not talk of plotting" "$err" "plot"
JBB=$DATADIR/jailbreakbench/jbb_PAIR_black_box_gpt-4-0125-preview.csv
JBB2=$DATADIR/jailbreakbench/jbb_PAIR_black_box_gpt-3.5-turbo-1106.csv
run diff --preset jailbreakbench "$JBB" "$JBB2"
equals "diff of two JailbreakBench files exits 0" "$rc" 0
lacks "diff prints no 'not plotted' warning" "$err" "plotted"
run judges --preset jailbreakbench "$JBB"
lacks "judges prints no 'not plotted' warning" "$err" "plotted"
run check --preset jailbreakbench --policy none "$JBB" "$JBB2"
lacks "check prints no 'not plotted' warning" "$err" "plotted"

run report --adversarial-share 150
equals "--adversarial-share 150 exits 2" "$rc" 2
contains "--adversarial-share 150 says the range" "$err" "expected a percentage from 0 to 100"
run report --bogus
equals "unknown option exits 2" "$rc" 2
contains "unknown option is named" "$err" "unknown option '--bogus'"
lacks "a name close to none gets no suggestion" "$err" "did you mean"
# A slip gets the closest option of that command, and still exits 2.
run report --intervl wilson
equals "--intervl exits 2" "$rc" 2
contains "--intervl: did you mean --interval?" "$err" "unknown option '--intervl'; did you mean --interval?"
run check --baseline-nmae x a b
contains "check --baseline-nmae: did you mean --baseline-name?" "$err" "did you mean --baseline-name?"
run report --polcy=none
contains "--polcy=none: the name before '=' is matched" "$err" "did you mean --policy?"
run practice --seeed 3
contains "practice --seeed: its own options" "$err" "did you mean --seed?"
run report --seeed 3
lacks "report --seeed: no option of another command is offered" "$err" "did you mean --seed"
run report --policy lenient
equals "unknown policy exits 2" "$rc" 2
contains "unknown policy lists the choices" "$err" "consumer, enterprise, high-risk or none"
run report --compare nosuch,baseline
equals "unknown --compare name exits 2" "$rc" 2
contains "unknown --compare name is named" "$err" "no point named 'nosuch'"
run reprot
equals "a mistyped subcommand exits 2" "$rc" 2
contains "a mistyped subcommand is called one, with the list" "$err" "'reprot' is neither a subcommand nor a file; subcommands are: explore report check diff judges plot sweep practice"
run report --compare 'status-quo, product-ask'
contains "--compare takes blanks after the comma" "$out" "Moving from status-quo to product-ask"
run report --format yaml
equals "unknown --format exits 2" "$rc" 2
run report "$tmp/missing.csv"
equals "missing file exits 2" "$rc" 2
contains "missing file is named" "$err" "missing.csv: cannot open"

# Volume spellings all mean the same.
for v in 10000000 10,000,000 1e7 10M; do
    run report --format json --volume "$v"
    contains "--volume $v is ten million" "$out" '"daily_queries": 10000000,'
done
run report --format json --volume 2.5k
contains "--volume 2.5k" "$out" '"daily_queries": 2500,'
run report --format json --adversarial-share 0.1%
contains "--adversarial-share 0.1% is 0.1 percent" "$out" '"adversarial_share_pct": 0.1,'

# The domain text's numbers through the whole program.
run report
equals "report on the built-in scenario exits 0" "$rc" 0
contains "text report shows the after-tuning refusals" "$out" "799,200"
run report --compare status-quo,product-ask
contains "text report has the meeting sentence" "$out" "Moving from status-quo to product-ask: 199,800 fewer unnecessary refusals and 30 more harmful outputs per day. product-ask is better only if one harmful output costs less than 6,660 unnecessary refusals."
run report --format json --compare status-quo,product-ask
contains "json delta refusals" "$out" '"delta_unnecessary_refusals": -199800'
contains "json delta harmful" "$out" '"delta_harmful_outputs": 30'
contains "json break-even" "$out" '"break_even_refusals_per_harmful": 6660'
builtin=$out
run report --format json --compare status-quo,product-ask "$DATADIR/builtin-scenario.csv"
# Only the title and the source of each point may differ, and the group
# (the built-in scenario's, the file's) that each is named after.
strip() {
    printf '%s\n' "$1" | sed "s|$DATADIR/builtin-scenario.csv|built-in scenario|g" |
        grep -v -e '"title"' -e '"source"' -e '"line"'
}
equals "built-in scenario and data/builtin-scenario.csv give the same numbers" "$(strip "$out")" "$(strip "$builtin")"

run report --cost-refusal 0.5 --cost-harm 1000 --compare status-quo,product-ask
contains "costs appear in the sentence" "$out" "At the costs set, product-ask costs"

# Output files are written whole, and never over an input.
run report --format json -o "$tmp/r.json"
equals "-o writes a file" "$rc" 0
contains "-o file has the report" "$(cat "$tmp/r.json")" '"schema_version": 2'
cp "$DATADIR/builtin-scenario.csv" "$tmp/in.csv"
run report -o "$tmp/in.csv" "$tmp/in.csv"
equals "refuses to overwrite an input" "$rc" 3
contains "says it is an input" "$err" "is an input file; refusing to overwrite it"
check "the input is intact" cmp "$tmp/in.csv" "$DATADIR/builtin-scenario.csv"

# Every write to standard output is checked, --help and --version too
# (issue 19: `tradeoff --help > /dev/full` exited 0): exit 3, with a message.
if [ -w /dev/full ]; then
    for args in "--help" "--version" "report --help" "report" "report --format json" "plot --width 60" \
        "--list-examples" "practice --worksheet" "sweep $DATADIR/chatbot-scores.csv" \
        "check $TESTDIR/data/gate/baseline.csv $TESTDIR/data/gate/baseline.csv"; do
        # shellcheck disable=SC2086 # args are words
        "$T" $args >/dev/full 2>"$tmp/err"
        rc=$?
        equals "$args > /dev/full: exit status 3" "$rc" 3
        equals "$args > /dev/full: says why" "$(cat "$tmp/err")" \
            "tradeoff: cannot write to standard output: No space left on device"
    done
else
    tap_n=$((tap_n + 1))
    echo "ok $tap_n - writes to /dev/full # SKIP no /dev/full here"
fi
# A closed standard output that nothing is written to is no error.
"$T" report -o "$tmp/closed.txt" >&- 2>"$tmp/err"
equals "report -o with stdout closed: exit status 0" "$?" 0
equals "report -o with stdout closed: no message" "$(cat "$tmp/err")" ""
"$T" --version >&- 2>/dev/null
equals "--version with stdout closed: exit status 3" "$?" 3

tap_done
