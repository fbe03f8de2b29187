#!/bin/sh
# mapping.sh: real files as they are (issue 15), through the command line:
# a classifier table mapped with flags only, SORRY-Bench as a long table,
# a typo'd header, names with commas and parts of names, condensed
# warnings, and check on ASR-only JailbreakBench files. Expected values
# are computed from the files themselves (python3), never copied from the
# program's output.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/run.sh" # run ARGS...: sets $out, $err and $rc
C=$TESTDIR/data/mapping/classifiers.csv
S=$DATADIR/sorry_bench_2024_06_category_fulfillment.csv
J=$DATADIR/jailbreakbench
export LC_ALL=C
py=
command -v python3 >/dev/null 2>&1 && py=python3

# ---- the classifier table of the issue -------------------------------------------
MAP="--asr-column harmful_caught_pct_or_asr --complement asr --orr-column benign_flagged_pct --name-columns classifier,threshold"
# (the RELATIVE rows hold reductions, negative percentages: left out)
KEEP='notes!~RELATIVE'
run report $MAP --where 'notes!~RELATIVE' "$C"
equals "the classifier table loads with flags only" "$rc" 0
equals "with no warning" "$err" ""
contains "the report's first line counts the rows --where left out" "$out" \
    "(6 points; 2 rows left out by --where notes!~RELATIVE)"
contains "a name with a comma, from two columns" "$out" "Keyword filter, v2 (any match)"
run report --format json $MAP --where 'notes!~RELATIVE' "$C"
if [ -n "$py" ]; then
    verdict=$(printf '%s\n' "$out" | $py -c '
import csv, json, sys
report = json.load(sys.stdin)
points = {p["name"]: p for p in report["points"]}
bad, n = [], 0
for row in csv.DictReader(open(sys.argv[1])):
    if "relative" in row["notes"].lower():
        continue
    n += 1
    p = points.get("%s (%s)" % (row["classifier"], row["threshold"]))
    want_asr = 100 - float(row["harmful_caught_pct_or_asr"])
    if p is None or abs(p["attack_success_pct"] - want_asr) > 1e-9 or \
            abs(p["over_refusal_pct"] - float(row["benign_flagged_pct"])) > 1e-9:
        bad.append(row["classifier"])
ok = not bad and n == len(points) == 6 and report["rows_filtered_out"] == 2
print("ok" if ok else "bad: %s, %d rows, %d points, %s filtered" % (bad, n, len(points), report["rows_filtered_out"]))
' "$C")
    equals "every point's ASR is 100 - caught, its ORR the flagged rate; JSON rows_filtered_out 2" "$verdict" ok
else
    tap_ok "every point's ASR is 100 - caught # SKIP no python3"
fi
contains "JSON names the filters" "$out" '"row_filters": "notes!~RELATIVE"'
run report $MAP --where 'notes!~RELATIVE' --format markdown "$C"
contains "Markdown says which rows were left out" "$out" "6 operating points (2 rows left out by --where notes!\\~RELATIVE)"
run report $MAP --where 'notes!~RELATIVE' --format csv "$C"
contains "CSV too, in a column of its own" "$out" "2 rows left out by --where notes!~RELATIVE"
# Without --complement the catch rate would be read as ASR: the flag matters.
run report --format json --asr-column harmful_caught_pct_or_asr --orr-column benign_flagged_pct \
    --name-columns classifier,threshold --where 'notes!~RELATIVE' "$C"
contains "without --complement, the column is read as it is" "$out" '"attack_success_pct": 88.5'
run report $MAP --where 'colour=red' "$C"
equals "--where on a column that is not there exits 2" "$rc" 2
contains "listing the columns found" "$err" \
    "--where 'colour=red': no column 'colour'; found: source, classifier, threshold, harmful_caught_pct_or_asr"
run report --where 'no operator' "$C"
equals "--where without an operator exits 2" "$rc" 2
contains "saying what it takes" "$err" "--where 'no operator': expected COL=VALUE, COL!=VALUE, COL~TEXT or COL!~TEXT"
run report --asr-column caught "$C"
contains "a mapping flag names a column that must exist" "$err" \
    "--asr-column: no column 'caught'; found: source, classifier"

# ---- SORRY-Bench: 43 models, 45 categories of 10 prompts ------------------------
run report --asr-column fulfillment_rate --rates fraction --category-column category --n-adversarial 10 "$S"
equals "SORRY-Bench loads as a long table" "$rc" 0
contains "as 43 points" "$out" "(43 points)"
equals "one warning: no over-refusal column" "$(printf '%s\n' "$err" | wc -l)" 1
contains "naming the accepted names" "$err" "no over-refusal column: the points have ASR only"
run report --format json --asr-column fulfillment_rate --rates fraction --category-column category --n-adversarial 10 "$S"
if [ -n "$py" ]; then
    verdict=$(printf '%s\n' "$out" | $py -c '
import csv, json, sys
report = json.load(sys.stdin)
want = {}
for row in csv.DictReader(open(sys.argv[1])):
    want.setdefault(row["model"], []).append(round(float(row["fulfillment_rate"]) * 10))
bad = []
for p in report["points"]:
    ks = want.get(p["name"], [])
    lo, hi = p["attack_success_ci95_pct"] or (None, None)
    if len(ks) != 45 or len(p["categories"]) != 45 or p["n_adversarial"] != 450 or \
            p["attack_successes"] != sum(ks) or lo is None or not lo < p["attack_success_pct"] < hi:
        bad.append(p["name"])
print("ok" if not bad and len(report["points"]) == len(want) == 43 else "bad: %s" % bad[:3])
' "$S")
    equals "each point: 45 categories, 450 prompts, the sum of its categories' counts, an interval" "$verdict" ok
else
    tap_ok "each point: 45 categories # SKIP no python3"
fi
contains "README shows the SORRY-Bench command" "$(cat "$TOP_SRCDIR/README")" \
    "tradeoff report --asr-column fulfillment_rate --rates fraction --category-column category --n-adversarial 10"

# ---- warnings of SORRY-Bench's size, condensed ----------------------------------
awk '{ sub(/\r$/, "") } NR == 1 { print $0 ",over_refusal_pct"; next } { print $0 "," }' "$S" >"$tmp/sorry-orr.csv"
run report --asr-column fulfillment_rate --rates fraction "$tmp/sorry-orr.csv"
equals "1,935 points without ORR load" "$rc" 0
equals "report prints their warning on one line" "$(printf '%s\n' "$err" | wc -l)" 1
contains "as a count and a range of lines" "$err" "1,935 points (lines 2–1,936) without an attack success or over-refusal rate"
check "of a few hundred bytes, not 10 KB" test "$(printf '%s' "$err" | wc -c)" -lt 400
run report --preset jailbreakbench "$J"/*.csv
equals "18 JailbreakBench files load" "$rc" 0
equals "their 18 alike warnings are said once" "$(printf '%s\n' "$err" | wc -l)" 1
contains "with the count of files" "$err" "18 files ("

# ---- a typo'd header --------------------------------------------------------------
printf 'model,attack_success_pct,overrefusal\na,1,5\nb,2,3\n' >"$tmp/typo.csv"
run report "$tmp/typo.csv"
equals "a typo'd header still loads (ASR only)" "$rc" 0
contains "naming the ignored column and what it looks like" "$err" \
    "column 'overrefusal' is not used; did you mean over_refusal_pct? (accepted: over_refusal_pct, orr_pct"
contains "and the side it leaves without a column" "$err" "no over-refusal column: the points have ASR only"

# ---- names on the command line -----------------------------------------------------
run report $MAP --where "$KEEP" "$C" --compare '"Keyword filter, v2 (any match)",OpenAI moderation (default)'
equals "--compare takes a quoted name with a comma" "$rc" 0
contains "and compares the two" "$out" "Comparison: Keyword filter, v2 (any match) -> OpenAI moderation (default)"
run report $MAP --where "$KEEP" "$C" --compare 'keyword,shieldgemma-2b (0.8'
contains "--compare takes a unique prefix, any case" "$out" "Comparison: Keyword filter, v2 (any match) -> ShieldGemma-2B (0.8)"
run report $MAP --where "$KEEP" "$C" --compare 'moderation,Guard 2 (0.2)'
contains "--compare takes a unique part of a name" "$out" "Comparison: OpenAI moderation (default) -> Llama Guard 2 (0.2)"
run report $MAP --where "$KEEP" "$C" --compare 'Llama,OpenAI'
equals "an ambiguous name exits 2" "$rc" 2
equals "listing the candidates" "$err" \
    "tradeoff: --compare: 'Llama' could be any of 2 points: 'Llama Guard 2 (0.5 (P(first token = unsafe)))', 'Llama Guard 2 (0.2)'; type more of the name"
run report $MAP --where "$KEEP" "$C" --compare 'OpenAI,Sheild Gemma-2B (0.5)'
equals "an unknown name exits 2" "$rc" 2
contains "offering the closest three" "$err" \
    "tradeoff: --compare: no point named 'Sheild Gemma-2B (0.5)'; did you mean 'ShieldGemma-2B (0.5)', 'ShieldGemma-2B (0.8)' or "
run report $MAP --where "$KEEP" "$C" --compare 'Keyword filter, v2 (any match),OpenAI'
equals "an unquoted comma in a name exits 2" "$rc" 2
contains "saying to quote it" "$err" "a name with a comma goes in double quotes"
run check $MAP --where "$KEEP" --baseline-name 'guard 2 (0.2' --candidate-name '"Keyword filter, v2 (any match)"' --policy none "$C" "$C"
equals "check names points the same way" "$rc" 1
contains "a prefix and a quoted name" "$out" "Baseline   Llama Guard 2 (0.2)"
run check $MAP --where "$KEEP" --baseline-name Gemma --policy none "$C" "$C"
contains "check says an ambiguous name with the same words" "$err" \
    "--baseline-name: $C: 'Gemma' could be any of 2 points: 'ShieldGemma-2B (0.5)', 'ShieldGemma-2B (0.8)'"

# ---- check on ASR-only evaluations ---------------------------------------------------
A=$J/jbb_PAIR_black_box_gpt-4-0125-preview.csv
B=$J/jbb_PAIR_black_box_gpt-3.5-turbo-1106.csv
# Neither file measures ORR (the JailbreakBench preset has no benign
# prompts): the gate checks ASR and says the ORR side was not measured, under
# the default policy too (issue 15); `check` refuses only a rate one file has
# and the other lacks, or one whose column looks misspelt (tests/cli/gate.sh).
run check --preset jailbreakbench "$A" "$B"
equals "check gates two JailbreakBench files: a regression exits 1" "$rc" 1
contains "ASR gated on its counts" "$out" "34 of 100 -> 71 of 100"
contains "ORR not measured" "$out" "ORR  not measured in either file: not gated"
contains "the policy's ORR bound said unchecked" "$out" "(ORR not measured: its bound not checked)"
run check --preset jailbreakbench --policy none "$A" "$B"
equals "--policy none: the same regression" "$rc" 1
run check --preset jailbreakbench --policy none "$B" "$A"
equals "a fall passes (exit 0)" "$rc" 0
run check --preset jailbreakbench --policy none --format json --significance 0.05 "$A" "$B"
contains "JSON: ORR not measured" "$out" '"measured": false,
    "note": "not measured in either file: not gated"'
contains "JSON: the ORR bound not checked" "$out" '"not_checked": [
      "over_refusal"
    ]'
printf 'name,attack_success_pct,over_refusal_pct\nbase,10,\n' >"$tmp/asr-only.csv"
printf 'name,attack_success_pct,over_refusal_pct\ncand,10,5\n' >"$tmp/both.csv"
run check --policy none "$tmp/asr-only.csv" "$tmp/both.csv"
equals "one file with ORR and the other without exits 2" "$rc" 2
contains "saying which lacks it" "$err" "the baseline has no ORR and the candidate has one"

# ---- mapping flags and per-prompt files ------------------------------------------------
run report --asr-column jailbroken "$A"
equals "a mapping flag with a judged file exits 2" "$rc" 2
contains "naming the flags such files take" "$err" \
    "--asr-column applies to operating-point tables; this file is judged per-prompt results, which take --preset"

tap_done
