#!/bin/sh
# paired.sh: paired comparisons and judge agreement on the public data.
#   diff: XSTest's Llama-2 with its original and its new system prompt
#     lists exactly the prompts whose human verdict (refused or complied)
#     changed, counted here with awk, sort and join, not with tradeoff; two
#     JailbreakBench runs of one attack on two models pair on their 100
#     behaviours; every format carries the same prompts.
#   judges: each pair of XSTest judges gives the confusion table counted
#     here, and the Mistral file's free-text GPT-4 cells are unrecognised,
#     left out, never disagreements.
#   report --compare and check pair two files of the same prompts and say
#     so; files without per-prompt results stay unpaired (Newcombe).
#   Files that cannot be paired (no id, an id twice, no id in common, one
#   prompt in two sets) are refused naming the file, the line and what was
#   expected; nothing is paired by row order.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/run.sh" # run ARGS...: sets $out, $err and $rc
LC_ALL=C
export LC_ALL
S=$TOP_SRCDIR/../shared/data
[ -d "$S/xstest" ] || S=$DATADIR # the tree ships the same files
X=$S/xstest J=$S/jailbreakbench

# ---- diff on XSTest --------------------------------------------------------------

# human FILE: "id verdict set" per prompt, sorted by id: the human judge
# (final_label, column 7) as R (2_full_refusal, 3_partial_refusal) or C.
human() {
    awk -F, '{ sub(/\r$/, "") } NR > 1 { print $1, ($7 == "1_full_compliance" ? "C" : "R"), ($3 == "unsafe" ? "harmful" : "benign") }' \
        "$1" | sort
}
human "$X/xstest_v2_labels_llama2orig.csv" >"$tmp/orig"
human "$X/xstest_v2_labels_llama2new.csv" >"$tmp/new"
join "$tmp/orig" "$tmp/new" |
    awk '$2 != $4 { print $3, ($2 == "R" ? "refused_then_complied" : "complied_then_refused"), $1 }' |
    sort >"$tmp/want"
equals "awk and join pair every XSTest prompt" "$(join "$tmp/orig" "$tmp/new" | wc -l | tr -d ' ')" 450

run diff --format csv "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"
equals "diff exits 0" "$rc" 0
printf '%s\n' "$out" | awk -F, 'NR > 1 { print $1, $2, $3 }' | sort >"$tmp/got"
check "diff lists some prompts" test -s "$tmp/want"
if cmp -s "$tmp/got" "$tmp/want"; then
    tap_ok "diff lists exactly the prompts whose human verdict changed ($(wc -l <"$tmp/want" | tr -d ' '))"
else
    tap_fail "diff lists exactly the prompts whose human verdict changed" "$(diff "$tmp/got" "$tmp/want" | head -n 10)"
fi

run diff "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"
contains "text: paired by id on the 450 prompts" "$out" "Paired on 450 prompts (200 harmful, 250 benign) by id; every prompt"
contains "text: the benign prompts now refused, counted" "$out" \
    "Benign prompts now refused (complied in A, refused in B): $(grep -c '^benign complied_then_refused' "$tmp/want")"
contains "text: the benign prompts now answered, counted" "$out" \
    "Benign prompts now answered: fixed (refused in A, complied in B): $(grep -c '^benign refused_then_complied' "$tmp/want")"
contains "text: McNemar's exact test" "$out" "McNemar exact p = "
contains "text: the paired interval" "$out" "(95% paired"
contains "text: listed by category (XSTest's type)" "$out" "    homonyms ("
first=$(awk '$1 == "benign" && $2 == "complied_then_refused" { print $3; exit }' "$tmp/want")
contains "text: with their ids" "$out" "$first"
# widest FILE: the widest line in columns (the ellipsis of a cut line is
# three bytes and one column).
widest() { sed 's/\xe2\x80\xa6/./g' "$1" | awk 'length > w { w = length } END { print w + 0 }'; }
check "text: no line wider than 80 columns" test "$(widest "$tmp/out")" -le 80
run diff --width 60 "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"
check "text: --width 60 cuts every line to 60" test "$(widest "$tmp/out")" -le 60

run diff --format json "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"
contains "json: paired, the prompts matched" "$out" '"paired": 450'
contains "json: unmatched, [in A only, in B only]" "$(printf '%s' "$out" | tr -d ' \n')" '"unmatched":[0,0]'
for field in both_refused both_complied refused_then_complied complied_then_refused mcnemar_p delta_pp_ci95; do
    n=$(printf '%s\n' "$out" | grep -c "\"$field\": ")
    equals "json: $field in harmful and in benign" "$n" 2
done
if command -v python3 >/dev/null 2>&1; then
    printf '%s' "$out" >"$tmp/diff.json"
    got=$(python3 - "$tmp/diff.json" "$tmp/want" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
rows = sorted("%s %s %s" % (s, k, i) for s in ("harmful", "benign")
              for k in ("refused_then_complied", "complied_then_refused") for i in d[s][k])
want = [l.strip() for l in open(sys.argv[2])]
b = d["benign"]
n = b["n"]
# B - A in points, from the table the JSON itself gives
delta = 100.0 * (len(b["complied_then_refused"]) - len(b["refused_then_complied"])) / n
lo, hi = b["delta_pp_ci95"]
print("same" if sorted(want) == rows else "differ",
      "inside" if lo <= delta <= hi and abs(b["delta_pp"] - delta) < 1e-9 else "outside",
      b["both_refused"] + b["both_complied"] + len(b["refused_then_complied"]) + len(b["complied_then_refused"]))
EOF
)
    equals "json: the same prompts, the delta inside its interval, 250 benign" "$got" "same inside 250"
else
    tap_ok "json: the same prompts # SKIP python3 not installed"
fi
run diff --format markdown "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"
contains "markdown: a table per set" "$out" "| A refused |"
contains "markdown: the ids" "$out" "\`$first\`"

# Two judges of one file (two groups): allowed, since the prompts pair, and
# said.
run diff --judge final_label,gpt4_label --compare \
    "xstest_v2_labels_gpt4 (final_label),xstest_v2_labels_gpt4 (gpt4_label)" "$X/xstest_v2_labels_gpt4.csv"
equals "diff of two judges of one file exits 0" "$rc" 0
contains "...and says the judges differ" "$out" "The judges differ: A is judged by final_label, B by gpt4_label"

# ---- diff on JailbreakBench --------------------------------------------------------

jbb() { awk -F, '{ sub(/\r$/, "") } NR > 1 { print $1, $4 }' "$1" | sort; }
a=$J/jbb_PAIR_black_box_gpt-4-0125-preview.csv b=$J/jbb_PAIR_black_box_vicuna-13b-v1.5.csv
jbb "$a" >"$tmp/ja"
jbb "$b" >"$tmp/jb"
flips=$(join "$tmp/ja" "$tmp/jb" | awk '$2 != $3' | wc -l | tr -d ' ')
run diff "$a" "$b"
contains "JailbreakBench: two models under one attack pair on the 100 behaviours" "$out" \
    "Paired on 100 harmful prompts by index; every prompt is in both files."
run diff --format csv "$a" "$b"
equals "JailbreakBench: the behaviours whose verdict changed ($flips)" "$(printf '%s\n' "$out" | awk 'NR > 1' | wc -l | tr -d ' ')" "$flips"
contains "JailbreakBench: the behaviour beside its index" "$out" "Body shaming"

# ---- judges ------------------------------------------------------------------------

# agreement FILE: "J1 J2 SET RR RC CR CC UNRECOGNISED" per pair and set,
# counted from the file: the human judge is column 7, GPT-4's column 8
# (unless a quoted free-text cell shifted the columns: unrecognised then)
# and string matching the last.
agreement() {
    awk -F, '
        function cls(v) { return v == "1_full_compliance" ? "C" : v == "2_full_refusal" || v == "3_partial_refusal" ? "R" : "U" }
        function add(a, b, s) { if (v[a] == "U" || v[b] == "U") u[a " " b " " s]++; else t[a " " b " " s " " v[a] v[b]]++ }
        { sub(/\r$/, "") }
        NR > 1 {
            v["final_label"] = cls($7); v["gpt4_label"] = cls(NF == 9 ? $8 : "?"); v["strmatch_label"] = cls($NF)
            s = $3 == "unsafe" ? "harmful" : "benign"
            for (k = 1; k <= 3; k++) {
                add(p1[k], p2[k], s); add(p1[k], p2[k], "all")
            }
        }
        BEGIN { p1[1] = "final_label"; p2[1] = "gpt4_label"; p1[2] = "final_label"; p2[2] = "strmatch_label"
                p1[3] = "gpt4_label"; p2[3] = "strmatch_label" }
        END {
            for (k = 1; k <= 3; k++) {
                split("harmful benign all", sets, " ")
                for (i = 1; i <= 3; i++) {
                    key = p1[k] " " p2[k] " " sets[i]
                    print key, t[key " RR"] + 0, t[key " RC"] + 0, t[key " CR"] + 0, t[key " CC"] + 0, u[key] + 0
                }
            }
        }' "$1" | sort
}
for f in gpt4 llama2orig llama2new mistralguard mistralinstruct; do
    file=$X/xstest_v2_labels_$f.csv
    agreement "$file" >"$tmp/want"
    run judges --format csv "$file"
    printf '%s\n' "$out" | awk -F, 'NR > 1 { print $1, $2, $3, $9, $10, $11, $12, $13 }' | sort >"$tmp/got"
    if [ "$rc" = 0 ] && cmp -s "$tmp/got" "$tmp/want"; then
        tap_ok "judges $f: each pair's table and unrecognised verdicts as counted here"
    else
        tap_fail "judges $f: each pair's table and unrecognised verdicts as counted here" "exit $rc" \
            "$(diff "$tmp/got" "$tmp/want" | head -n 8)"
    fi
done
run judges --format csv "$X/xstest_v2_labels_mistralinstruct.csv"
row=$(printf '%s\n' "$out" | awk -F, '$1 == "final_label" && $2 == "gpt4_label" && $3 == "harmful"')
equals "Mistral: 11 free-text GPT-4 cells are unrecognised and left out (189 judged)" \
    "$(printf '%s' "$row" | awk -F, '{ print $13, $4 }')" "11 189"
equals "...and are no disagreement: the disagreements are the off-diagonal cells" \
    "$(printf '%s' "$row" | awk -F, '{ print $10 + $11 }')" \
    "$(printf '%s' "$row" | awk -F, '{ gsub(/"/, "", $15); print split($15, ids, " ") }')"
run judges "$X/xstest_v2_labels_gpt4.csv"
contains "text: percent agreement and kappa with its interval" "$out" "agree   kappa 95% CI"
contains "text: the prompts two judges disagree on" "$out" "Disagree on"
run judges --format json "$X/xstest_v2_labels_gpt4.csv"
for field in pairs judges set n agreement_pct kappa kappa_ci95 disagree; do
    contains "json: $field" "$out" "\"$field\": "
done
# JailbreakBench's two judges on 100 behaviours: the table and kappa as
# computed here from the file (True: jailbroken, the model complied).
JP=$DATADIR/jailbreakbench/jbb_PAIR_black_box_gpt-4-0125-preview.csv
run judges --format csv "$JP"
if command -v python3 >/dev/null 2>&1; then
    got=$(printf '%s\n' "$out" | python3 -c '
import csv, sys
t = {}
for r in csv.DictReader(open(sys.argv[1])):
    k = ("C" if r["jailbroken"] == "True" else "R") + ("C" if r["jailbroken_llama_guard1"] == "True" else "R")
    t[k] = t.get(k, 0) + 1
n = sum(t.values())
po = (t.get("RR", 0) + t.get("CC", 0)) / n
a_r = (t.get("RR", 0) + t.get("RC", 0)) / n
b_r = (t.get("RR", 0) + t.get("CR", 0)) / n
pe = a_r * b_r + (1 - a_r) * (1 - b_r)
want = (n, t.get("RR", 0), t.get("RC", 0), t.get("CR", 0), t.get("CC", 0), (po - pe) / (1 - pe))
row = [r for r in csv.DictReader(sys.stdin) if r["set"] == "harmful"][0]
have = (int(row["n"]), int(row["both_refused"]), int(row["refused_complied"]), int(row["complied_refused"]),
        int(row["both_complied"]), float(row["kappa"]))
print("same" if have[:5] == want[:5] and abs(have[5] - want[5]) < 1e-12 else "%r != %r" % (have, want))
' "$JP")
    equals "judges on JailbreakBench: the two judges' table and kappa on the 100 behaviours" "$got" same
else
    tap_ok "judges on JailbreakBench # SKIP python3 not installed"
fi
run judges --preset xstest --judge final_label "$X/xstest_v2_labels_gpt4.csv"
equals "one judge: nothing to compare (exit 2)" "$rc" 2
contains "...and says what was expected" "$err" "expected two or more"
run judges "$TESTDIR/data/gate/baseline.csv"
equals "a table of points: exit 2" "$rc" 2
contains "...is not per-prompt results" "$err" "is not per-prompt results: expected a judged file"

# ---- paired where possible: report --compare and check ---------------------------

orig="xstest_v2_labels_llama2orig (final_label)" new="xstest_v2_labels_llama2new (final_label)"
run report --compare "$orig,$new" "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"
contains "report --compare: paired, and says on how many prompts" "$out" \
    "Paired on 450 prompts (200 harmful, 250 benign): intervals for paired data"
contains "...the sentence too" "$out" "The intervals are paired on 450 prompts (200 harmful, 250 benign)."
run report --format json --compare "$orig,$new" "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"
contains "report json: paired" "$out" '"paired": true'
contains "report json: n_paired" "$out" '"n_paired": 450'
run report --format json --compare status-quo,product-ask
contains "points without prompts: unpaired" "$out" '"paired": false'
contains "...Newcombe's interval" "$out" '"interval_method": "newcombe"'

run check --policy none --significance 0.05 "$X/xstest_v2_labels_llama2new.csv" "$X/xstest_v2_labels_llama2orig.csv"
equals "check on paired files: the ORR rise is a regression (exit 1)" "$rc" 1
contains "check: says it is paired" "$out" "Paired on 450 prompts (200 harmful, 250 benign): the same prompts in both files"
contains "check: the test reads the paired interval" "$out" "The paired interval is Newcombe's method 10 for paired data."
paired_ci=$(printf '%s\n' "$out" | sed -n 's/.*ORR .*interval of the rise \([^)]*\)).*/\1/p')
run check --policy none --significance 0.05 --format json "$X/xstest_v2_labels_llama2new.csv" "$X/xstest_v2_labels_llama2orig.csv"
contains "check json: paired" "$out" '"paired": true'
contains "check json: n_paired" "$out" '"n_paired": 450'
# The same counts without prompts: 74/250 -> 149/250 as points, unpaired.
printf 'name,attack_successes,n_adversarial,benign_refused,n_benign\nnew,0,200,74,250\n' >"$tmp/new.csv"
printf 'name,attack_successes,n_adversarial,benign_refused,n_benign\norig,0,200,149,250\n' >"$tmp/orig.csv"
run check --policy none --significance 0.05 "$tmp/new.csv" "$tmp/orig.csv"
lacks "check on points: not paired" "$out" "Paired on"
contains "...Newcombe's interval as before" "$out" "two-sided 90% Newcombe interval"
unpaired_ci=$(printf '%s\n' "$out" | sed -n 's/.*ORR .*interval of the rise \([^)]*\)).*/\1/p')
check "the paired interval is not the unpaired one ($paired_ci; $unpaired_ci)" test "$paired_ci" != "$unpaired_ci"
run check --policy none --format json "$tmp/new.csv" "$tmp/orig.csv"
contains "check json on points: paired false" "$out" '"paired": false'

# ---- refusals ------------------------------------------------------------------------

printf 'id,set,verdict\n1,harmful,refused\n2,benign,complied\n' >"$tmp/a.csv"
printf 'set,verdict\nharmful,complied\nbenign,complied\n' >"$tmp/noid.csv"
printf 'id,set,verdict\n1,harmful,refused\n2,benign,complied\n1,harmful,complied\n' >"$tmp/dup.csv"
printf 'id,set,verdict\nx,harmful,complied\ny,benign,complied\n' >"$tmp/other.csv"
printf 'id,set,verdict\n2,benign,refused\n1,benign,complied\n' >"$tmp/sets.csv"
run diff "$tmp/a.csv" "$tmp/noid.csv"
equals "no id: exit 2" "$rc" 2
contains "...names the file and what was expected" "$err" "noid.csv: no column identifies its prompts: expected an id column"
contains "...never by row order" "$err" "prompts are never paired by row order"
run diff "$tmp/a.csv" "$tmp/dup.csv"
equals "an id twice: exit 2" "$rc" 2
contains "...names the file and both lines" "$err" "dup.csv:4: the id '1' is also on line 2: expected each prompt once"
run diff "$tmp/a.csv" "$tmp/other.csv"
equals "no id in common: exit 2" "$rc" 2
contains "...says what was expected" "$err" "no prompt of $tmp/a.csv is in $tmp/other.csv (by id and id): expected the same prompts"
run diff "$tmp/a.csv" "$tmp/sets.csv"
equals "one prompt in two sets: exit 2" "$rc" 2
contains "...names both lines" "$err" "a.csv:2 and $tmp/sets.csv:3 hold the same prompt"
run diff --id-column nope "$tmp/a.csv" "$tmp/a.csv"
equals "--id-column naming no column: exit 2" "$rc" 2
contains "...names the file, the line and the flag" "$err" "a.csv:1: no column 'nope' (--id-column)"
# Mismatched ids: the matched prompts are paired, and the unmatched ones
# counted and listed on each side, in every format.
printf 'id,set,verdict\n1,harmful,refused\n2,harmful,complied\n3,benign,complied\n4,benign,refused\n' >"$tmp/m1.csv"
printf 'id,set,verdict\n1,harmful,complied\n2,harmful,complied\n3,benign,refused\n5,benign,refused\n' >"$tmp/m2.csv"
run diff "$tmp/m1.csv" "$tmp/m2.csv"
equals "some ids in one file only: exit 0" "$rc" 0
contains "...text: how many matched, how many on each side" "$(printf '%s' "$out" | tr '\n' ' ')" \
    "Paired on 3 prompts (2 harmful, 1 benign) by id; 1 only in A, 1 only in B (not compared)"
contains "...text: the ones only in A, listed" "$out" "Only in A (1): 4"
contains "...text: the ones only in B, listed" "$out" "Only in B (1): 5"
run diff --format json "$tmp/m1.csv" "$tmp/m2.csv"
contains "...json: unmatched [1, 1]" "$(printf '%s' "$out" | tr -d ' \n')" '"paired":3,"unmatched":[1,1],"only_in_a":["4"],"only_in_b":["5"]'
run diff --format csv "$tmp/m1.csv" "$tmp/m2.csv"
contains "...csv: a row for each" "$out" "benign,only_in_a,4,,,5,
benign,only_in_b,5,,,,5"
# By id, not by row: the same verdicts in another order flip nothing.
printf 'id,set,verdict\n2,benign,complied\n1,harmful,refused\n' >"$tmp/swapped.csv"
run diff --format json "$tmp/a.csv" "$tmp/swapped.csv"
equals "rows in another order: nothing flipped" "$(printf '%s' "$out" | tr -d ' \n' | grep -o '"refused_then_complied":\[\]' | wc -l | tr -d ' ')" 2
# Ids and texts from a stranger's file reach the terminal sanitised.
printf 'id,set,prompt,verdict\n\033[31mred,harmful,"\033]0;title\007ring",refused\n2,benign,ok,complied\n' >"$tmp/h1.csv"
printf 'id,set,prompt,verdict\n\033[31mred,harmful,"\033]0;title\007ring",complied\n2,benign,ok,complied\n' >"$tmp/h2.csv"
for fmt in text markdown csv json; do
    run diff --format "$fmt" "$tmp/h1.csv" "$tmp/h2.csv"
    if [ "$rc" = 0 ] && ! printf '%s' "$out" | grep -q "$(printf '\033')"; then
        tap_ok "diff --format $fmt: no escape character from the file reaches the output"
    else
        tap_fail "diff --format $fmt: no escape character from the file reaches the output" "exit $rc"
    fi
done
contains "...the flipped prompt is still listed" "$(run diff "$tmp/h1.csv" "$tmp/h2.csv"; printf '%s' "$out")" "?[31mred"

run diff "$tmp/a.csv"
equals "one file: exit 2" "$rc" 2
run diff --format svg "$tmp/a.csv" "$tmp/a.csv"
equals "--format svg: exit 2" "$rc" 2
run diff "$TESTDIR/data/gate/baseline.csv" "$TESTDIR/data/gate/candidate-noise.csv"
equals "tables of points: exit 2" "$rc" 2
contains "...they have no per-prompt results" "$err" "has no per-prompt results"

tap_done
