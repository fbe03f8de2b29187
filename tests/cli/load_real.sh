#!/bin/sh
# load_real.sh: every file in data/ loads (with its preset or flags) or fails
# with a precise message, and the published figures come out exactly.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/run.sh"

# json_field NAME FIELD: the value of FIELD in the point named NAME
json_field() {
    printf '%s\n' "$out" | awk -v name="\"name\": \"$1\"," -v field="\"$2\":" '
        index($0, name) { inside = 1 }
        inside && index($0, field) { sub(/.*: /, ""); sub(/,$/, ""); print; exit }'
}

# near NAME GOT WANT: equal within 1e-9 (a percentage computed from a fraction)
near() {
    if awk -v a="$2" -v b="$3" 'BEGIN { d = a - b; exit !(a != "" && d < 1e-9 && d > -1e-9) }'; then
        tap_ok "$1"
    else
        tap_fail "$1" "got:  $2" "want: $3"
    fi
}

run report --format json "$DATADIR/published-operating-points.csv"
equals "published points load" "$rc" 0
contains "published points: one warning names the rows without a rate" "$err" "4 points (lines 21–24) without an attack success or over-refusal rate"

# XSTest (data/SOURCES.md): GPT-4 refuses 21 of 250 safe prompts and fully
# complies with 1 of 200 unsafe ones; Llama-2 (original prompt) refuses 149.
x=$DATADIR/xstest
run report --format json --preset xstest "$x/xstest_v2_labels_gpt4.csv"
equals "xstest gpt4 loads" "$rc" 0
p="xstest_v2_labels_gpt4 (final_label)"
equals "xstest gpt4: benign refused" "$(json_field "$p" benign_refused)" 21
equals "xstest gpt4: benign set" "$(json_field "$p" n_benign)" 250
equals "xstest gpt4: attack successes" "$(json_field "$p" attack_successes)" 1
equals "xstest gpt4: harmful set" "$(json_field "$p" n_adversarial)" 200
near "xstest gpt4: ORR 8.4%" "$(json_field "$p" over_refusal_pct)" 8.4
near "xstest gpt4: ASR 0.5%" "$(json_field "$p" attack_success_pct)" 0.5
run report --format json "$x/xstest_v2_labels_llama2orig.csv"
p="xstest_v2_labels_llama2orig (final_label)"
equals "xstest llama2orig (preset detected): benign refused" "$(json_field "$p" benign_refused)" 149
near "xstest llama2orig: ORR 59.6%" "$(json_field "$p" over_refusal_pct)" 59.6

for f in "$x"/*.csv; do
    run report --preset xstest --judge final_label,gpt4_label,strmatch_label "$f"
    equals "$(basename "$f"): loads with all three judges" "$rc" 0
done
run report --judge gpt4_label "$x/xstest_v2_labels_mistralinstruct.csv"
contains "free-text verdicts are counted and reported" "$err" \
    "gpt4_label: 11 rows with an unrecognised verdict, first at line 39: 'I'm truly sorry"

for f in "$DATADIR"/jailbreakbench/*.csv; do
    run report --format json --preset jailbreakbench --judge jailbroken,jailbroken_llama_guard1 "$f"
    equals "$(basename "$f"): loads" "$rc" 0
    contains "$(basename "$f"): 100 harmful behaviours" "$out" '"n_adversarial": 100,'
done

run report "$DATADIR/sorry_bench_2024_06_category_fulfillment.csv"
equals "sorry-bench (per-category rates only): exit status 2" "$rc" 2
contains "sorry-bench: lists the columns found" "$err" "found: model, category, fulfillment_rate"

# Flags that do not apply, and bad values.
run report --preset helm "$x/xstest_v2_labels_gpt4.csv"
equals "unknown preset: exit status 2" "$rc" 2
contains "unknown preset: lists the presets" "$err" "--preset 'helm': expected xstest or jailbreakbench"
run report --points 10 "$x/xstest_v2_labels_gpt4.csv"
equals "--points is for sweep only" "$rc" 2
run report --judge gpt5_label "$x/xstest_v2_labels_gpt4.csv"
contains "unknown judge: lists the judges" "$err" "expected one of final_label,gpt4_label,strmatch_label"
# --judge given twice: the lists add up (as --example given twice loads
# both), never the last alone; the same for --verdict-column.
run report --format csv --judge final_label --judge gpt4_label,strmatch_label "$x/xstest_v2_labels_gpt4.csv"
names=$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ';')
equals "--judge twice: every judge given, in order" "$names" \
    "xstest_v2_labels_gpt4 (final_label);xstest_v2_labels_gpt4 (gpt4_label);xstest_v2_labels_gpt4 (strmatch_label);"
run report --format csv --verdict-column final_label --verdict-column gpt4_label \
    --refused-values 2_full_refusal,3_partial_refusal --complied-values 1_full_compliance \
    --set-column prompt_label --harmful-values unsafe --benign-values safe "$x/xstest_v2_labels_gpt4.csv"
equals "--verdict-column twice: a point per column" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 2
run report --judge final_label --judge gpt5_label "$x/xstest_v2_labels_gpt4.csv"
contains "--judge twice, one unknown: named" "$err" "no verdict column 'gpt5_label' (--judge)"

# sweep: a per-prompt score file into a curve that loads back as a series.
awk 'BEGIN { print "set,score,refused_anyway"; s = 7
    for (i = 0; i < 3000; i++) { s = (s * 69069 + 1) % 4294967296
        h = (s % 10 == 0); v = (int(s / 65536) % 10000) / 10000; if (h) v = 1 - v * v
        print (h ? "harmful" : "benign") "," v "," (s % 97 == 0 ? "true" : "") } }' >"$tmp/scores.csv"
run sweep "$tmp/scores.csv" -o "$tmp/curve.csv"
equals "sweep writes the curve" "$rc" 0
contains "sweep: the header" "$(head -1 "$tmp/curve.csv")" "threshold,attack_success_pct,over_refusal_pct,n_adversarial,attack_successes,n_benign,benign_refused"
sorted=$(tail -n +2 "$tmp/curve.csv" | cut -d, -f1 | sort -g | tr '\n' ' ')
equals "sweep: thresholds ascending" "$(tail -n +2 "$tmp/curve.csv" | cut -d, -f1 | tr '\n' ' ')" "$sorted"
equals "sweep: one row per distinct score" "$(tail -n +2 "$tmp/curve.csv" | wc -l)" \
    "$(awk -F, 'NR > 1 && $3 != "true" { print $2 }' "$tmp/scores.csv" | sort -u | wc -l)"
run report --format json "$tmp/curve.csv"
equals "the curve loads back" "$rc" 0
contains "as a series named after the file" "$out" '"series": "curve"'
run sweep --points 12 "$tmp/scores.csv"
equals "--points thins" "$rc" 0
rows=$(printf '%s\n' "$out" | tail -n +2 | wc -l)
check "--points 12 keeps at least 12 rows" [ "$rows" -ge 12 ]
run report --format json "$tmp/scores.csv"
equals "a score file loads as points" "$rc" 0
contains "loaded as a thinned series" "$err" "shown as"
run sweep "$tmp/scores.csv" "$tmp/scores.csv"
equals "sweep takes one file" "$rc" 2

tap_done
