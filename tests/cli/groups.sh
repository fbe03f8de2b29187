#!/bin/sh
# groups.sh: measurement groups through the program, as a user meets them.
# On the published operating points (data/published-operating-points.csv, a
# copy of ../shared/data's): every group's marks against the definitions; no
# point or mix, in any format or in the explorer, joins two groups, for every
# pair of groups, with targets and costs; comparisons across groups labelled;
# check refusing them; XSTest grouped by judge and prompts; --group and
# --group-columns; the note on groups the data does not name.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/run.sh" # run ARGS...: sets $out, $err and $rc
P=$DATADIR/published-operating-points.csv
checks=$TESTDIR/lib/group_checks.py
# flat TEXT: the words of a report, whatever its format: tags and
# Markdown's backslashes gone, lines joined, runs of blanks one
flat() { printf '%s' "$1" | sed 's/<[^>]*>/ /g' | tr -d '\\' | tr '\n' ' ' | sed 's/  */ /g'; }
have_python=false
command -v python3 >/dev/null 2>&1 && have_python=true
# py NAME ARGS...: a check by group_checks.py (its output in $said).
py() {
    name=$1
    shift
    if ! $have_python; then
        tap_ok "$name # SKIP python3 not installed"
        said=
        return
    fi
    if said=$(python3 "$checks" "$@" 2>&1); then tap_ok "$name"; else tap_fail "$name" "$said"; fi
}

# ---- the published file: groups and marks from the definitions ---------------

"$T" report --format json "$P" >"$tmp/p.json" 2>/dev/null
py "published: groups, Pareto marks and dominators are the definitions' within groups" published "$P" "$tmp/p.json"
"$T" report --format csv "$P" >"$tmp/p.csv" 2>/dev/null
py "published: the CSV's groups and marks are the JSON's" csv "$tmp/p.csv" "$tmp/p.json"
run report "$P"
contains "the text report lists the six groups" "$out" "  6  OR-Bench-Toxic / OR-Bench-Hard-1K  (32 points)"
contains "and a frontier per group" "$out" "Group 6: OR-Bench-Toxic / OR-Bench-Hard-1K"
lacks "and no note that points are assumed comparable: the file names its sets" "$out" "treated as comparable"

# ---- no mix joins two groups: every pair of groups, every format -----------------

if $have_python; then
    python3 - "$P" "$tmp" <<'EOF'
import csv, itertools, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
key = lambda r: (r["adversarial_set"], r["benign_set"])
groups = []
for r in rows:
    if key(r) not in groups:
        groups.append(key(r))
for n, (a, b) in enumerate(itertools.combinations(groups, 2)):
    with open("%s/pair%02d.csv" % (sys.argv[2], n), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=rows[0].keys())
        w.writeheader()
        w.writerows(r for r in rows if key(r) in (a, b))
EOF
fi
pairs=0 mixes=0 bad=
for pair in "$tmp"/pair*.csv; do
    [ -f "$pair" ] || continue
    pairs=$((pairs + 1))
    for flags in "--target-asr 1 --target-orr 10 --cost-refusal 1 --cost-harm 1000 --policy enterprise" \
                 "--target-asr 15 --target-orr 5 --cost-refusal 1 --cost-harm 10 --policy high-risk"; do
        # shellcheck disable=SC2086
        for fmt in json text markdown csv svg; do
            "$T" report --format $fmt $flags "$pair" >"$tmp/r.$fmt" 2>/dev/null || bad="$bad $pair:$fmt"
        done
        # the explorer's o in each group of the pair: its status line
        for keys in "o" "] o"; do
            # shellcheck disable=SC2086
            TRADEOFF_KEYS="$keys" TRADEOFF_SIZE=400x40 "$T" $flags "$pair" 2>/dev/null | tail -n 1 >"$tmp/o$keys"
        done
        n=$(python3 "$checks" all "$pair" "$tmp/r" "$tmp/oo" "$tmp/o] o") || bad="$bad $pair:($n)"
        mixes=$((mixes + $(printf '%s\n' "$n" | head -n 1)))
    done
done
if $have_python; then
    equals "the published file has 15 pairs of groups" "$pairs" 15
    equals "no output proposes a mix of two groups (text, JSON, Markdown, CSV, SVG, explorer o)" "$bad" ""
    check "the pairs did propose mixes, within groups ($mixes seen)" test "$mixes" -gt 100
    # the checker sees a mix of two groups where one is: pooled on purpose
    "$T" report --format json --group-columns none --target-asr 5 "$tmp/pair00.csv" >"$tmp/pooled.json" 2>/dev/null
    "$T" report --group-columns none --target-asr 5 "$tmp/pair00.csv" >"$tmp/pooled.txt" 2>/dev/null
    if python3 "$checks" mixes "$tmp/pair00.csv" "$tmp/pooled.json" "$tmp/pooled.txt" >/dev/null; then
        tap_fail "the check finds a mix of two benchmarks when they are pooled" "it found none"
    else
        tap_ok "the check finds a mix of two benchmarks when they are pooled"
    fi
    contains "pooled on purpose, the report says so" "$(cat "$tmp/pooled.txt")" \
        "--group-columns none: 20 points are pooled in one group (\"all points (pooled)\") on purpose"
else
    tap_ok "every pair of groups # SKIP python3 not installed"
fi

# ---- the cost optimum: one per group, the cheapest named as a comparison ----------------

run report --cost-refusal 1 --cost-harm 1000 --policy none "$P"
contains "each group has its optimum" "$out" "  Group 6: OR-Bench-Toxic / OR-Bench-Hard-1K
    measured point GPT-4-turbo-2024-04-09* (as released)"
# 7% ORR x 9,990,000 benign queries x \$1, no harmful output: the least of the groups' optima
contains "the cheapest across groups is named only as a comparison" "$(flat "$out")" \
    "Cheapest across groups: group 1 (OpenAI Standard Refusal Eval (harmful part) / OpenAI Standard Refusal Eval (benign part)), \$699,300 per day. The groups measure different sets or judges, so this compares different measurements; no traffic can be routed between groups."
run report --format json --cost-refusal 1 --cost-harm 1000 --policy none "$P"
contains "JSON: cheapest_group" "$out" '"cheapest_group": "OpenAI Standard Refusal Eval (harmful part) / OpenAI Standard Refusal Eval (benign part)"'

# ---- comparisons across groups ----------------------------------------------------

std="o1 (launch) [OpenAI Standard Refusal Eval (harmful part)]"
chal="o1 (launch) [OpenAI Challenging Refusal Eval]"
run report --format json --compare "Claude-2.1 (as released),Llama-2-7b (as released)" "$P"
contains "within a group: comparable" "$out" '"comparable": true'
contains "and today's sentence" "$out" '"sentence": "Moving from Claude-2.1 (as released) to Llama-2-7b'
run report --format json --compare "$std,$chal" "$P"
contains "across groups: comparable false" "$out" '"comparable": false'
contains "the two groups named" "$out" '"groups": [
      "OpenAI Standard Refusal Eval (harmful part) / OpenAI Standard Refusal Eval (benign part)",
      "OpenAI Challenging Refusal Eval / XSTest (benign prompts)"'
contains "the sentence says first that it compares different measurements" "$out" \
    "\"sentence\": \"$std and $chal were measured on different sets or judges (OpenAI Standard Refusal Eval (harmful part) / OpenAI Standard Refusal Eval (benign part); OpenAI Challenging Refusal Eval / XSTest (benign prompts)): this compares different measurements. Moving from"
for fmt in text markdown svg; do
    run report --format $fmt --compare "$std,$chal" "$P"
    contains "$fmt: the comparison says it compares different measurements" "$(flat "$out")" \
        "$std and $chal were measured on different sets or judges"
done

# ---- check across groups -----------------------------------------------------------

printf 'name,adversarial_set,benign_set,attack_successes,n_adversarial,benign_refused,n_benign\nbase,HarmBench,XSTest,10,1000,40,1000\n' >"$tmp/base.csv"
printf 'name,adversarial_set,benign_set,attack_successes,n_adversarial,benign_refused,n_benign\ncand,StrongREJECT,XSTest,10,1000,40,1000\n' >"$tmp/cand.csv"
printf 'name,adversarial_set,benign_set,attack_successes,n_adversarial,benign_refused,n_benign\nsame,HarmBench,XSTest,10,1000,40,1000\n' >"$tmp/same.csv"
run check --policy none "$tmp/base.csv" "$tmp/cand.csv"
equals "check across groups exits 2" "$rc" 2
contains "naming both groups" "$err" "the baseline was measured on 'HarmBench / XSTest' and the candidate on 'StrongREJECT / XSTest'"
contains "and the way to gate anyway" "$err" "--across-groups"
lacks "and gives no verdict" "$out" "PASS"
run check --policy none --across-groups "$tmp/base.csv" "$tmp/cand.csv"
equals "with --across-groups it gates (exit 0: nothing rose)" "$rc" 0
contains "and says so" "$out" "were measured on different sets or judges (HarmBench / XSTest; StrongREJECT / XSTest): this compares different measurements. Gated anyway (--across-groups)."
run check --policy none --across-groups --format json "$tmp/base.csv" "$tmp/cand.csv"
contains "JSON: across_groups" "$out" '"across_groups": true'
contains "JSON: comparable false" "$out" '"comparable": false'
run check --policy none "$tmp/base.csv" "$tmp/same.csv"
equals "check within a group exits 0" "$rc" 0
lacks "and says nothing of groups" "$out" "different"
run check --policy none --group-columns none "$tmp/base.csv" "$tmp/cand.csv"
equals "pooled on purpose, check gates" "$rc" 0

# ---- XSTest: one group per judge and prompt set ---------------------------------------

groups_of() { python3 -c 'import json,sys; [print(g["name"], g["points"]) for g in json.load(sys.stdin)["frontier"]["groups"]]'; }
if $have_python; then
    out=$("$T" report --format json --preset xstest "$DATADIR"/xstest/*.csv 2>/dev/null | groups_of)
    equals "the five XSTest files judged by final_label share one group" "$(printf '%s\n' "$out" | wc -l)" 1
    contains "of five points" "$out" "xstest judged by final_label: 200 harmful + 250 benign prompts [ids "
    contains "five" "$out" "] 5"
    out=$("$T" report --format json --preset xstest --judge final_label,gpt4_label "$DATADIR"/xstest/*.csv 2>/dev/null | groups_of)
    equals "--judge final_label,gpt4_label gives two groups" "$(printf '%s\n' "$out" | wc -l)" 2
    contains "one per judge" "$out" "xstest judged by gpt4_label: 200 harmful + 250 benign prompts [ids "
    head -n 101 "$DATADIR/xstest/xstest_v2_labels_gpt4.csv" >"$tmp/xstest-first-100.csv"
    out=$("$T" report --format json --preset xstest "$DATADIR/xstest/xstest_v2_labels_gpt4.csv" "$tmp/xstest-first-100.csv" 2>/dev/null | groups_of)
    equals "other prompts, with the same preset and judge, are another group" "$(printf '%s\n' "$out" | wc -l)" 2
else
    tap_ok "XSTest groups # SKIP python3 not installed"
fi

# ---- --group, --group-columns --------------------------------------------------------

# (the key's note wraps within the chart's width: read with its blanks folded)
folded() { printf '%s' "$out" | tr '\n' ' ' | tr -s ' '; }
run report --group or-bench "$P"
contains "--group picks the chart's group by a part of its name" "$(folded)" \
    "frontier and hull of group OR-Bench-Toxic / OR-Bench-Hard-1K; 31 points of other groups dimmed"
run report --format markdown --group or-bench "$P"
contains "Markdown: the chart's group, the others dimmed" "$(folded)" \
    "frontier and hull of group OR-Bench-Toxic / OR-Bench-Hard-1K; 31 points of other groups dimmed"
"$T" report --format svg --group or-bench "$P" >"$tmp/g.svg" 2>/dev/null
contains "SVG: the chart's group named" "$(cat "$tmp/g.svg")" \
    "Frontier and hull of group 6 of 6: OR-Bench-Toxic / OR-Bench-Hard-1K (other groups dimmed: not comparable)"
if $have_python; then
    said=$(python3 - "$tmp/g.svg" "$tmp/p.json" <<'PY'
import json, sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
pts = json.load(open(sys.argv[2]))["points"]
group = {p["name"]: p["group"] for p in pts}
rated = [p for p in pts if p["attack_success_pct"] is not None and p["over_refusal_pct"] is not None]
bad, n = [], 0
for c in ET.parse(sys.argv[1]).getroot().iter(ns + "circle"):
    t = c.find(ns + "title")
    if t is None or "point" not in c.get("class", "").split():
        continue
    n += 1
    name = t.text.rsplit(": ASR", 1)[0]
    other = "other-group" in c.get("class").split()
    if other != (group[name] != "OR-Bench-Toxic / OR-Bench-Hard-1K"):
        bad.append(name)
print(n, bad)
sys.exit(1 if bad or n != len(rated) else 0)
PY
)
    if [ $? -eq 0 ]; then tap_ok "SVG: exactly the other groups' points are dimmed ($said)"
    else tap_fail "SVG: exactly the other groups' points are dimmed" "$said"; fi
fi
run plot --width 100 --height 80 --group StrongREJECT "$P"
contains "plot draws the group --group names" "$(folded)" "frontier and hull of group StrongREJECT (goodness@0.1) / XSTest"
run report --group XSTest "$P"
equals "an ambiguous --group exits 2" "$rc" 2
contains "listing the groups it could mean" "$err" \
    "--group: 'XSTest' could be any of 2 groups: 'OpenAI Challenging Refusal Eval / XSTest (benign prompts)', 'StrongREJECT (goodness@0.1) / XSTest (benign prompts)'; type more of the name"
run plot --group HarmBench "$P"
equals "an unknown --group exits 2" "$rc" 2
contains "offering the closest groups" "$err" "--group: no group named 'HarmBench'; did you mean 'OR-Bench-Toxic / OR-Bench-Hard-1K', "
run report --group-columns benchmark "$P"
equals "--group-columns of a missing column exits 2" "$rc" 2
contains "listing the columns found" "$err" "--group-columns: no column 'benchmark'; found: source, model, variant, adversarial_set"
run report --format json --group-columns benign_set "$P"
contains "--group-columns benign_set: points of one benign set share a group" "$out" \
    '"name": "XSTest (benign prompts)",
        "basis": "columns",
        "points": 16'

# ---- a table that names no set: said once in every format -------------------------------

note='a table that names no harmful set, benign set or judge, so its points are treated as comparable'
for fmt in text markdown json csv svg; do
    run report --format $fmt
    n=$(flat "$out" | grep -o "$note" | wc -l)
    equals "$fmt: the built-in scenario's points are said to be treated as comparable, once" "$n" 1
    contains "$fmt: and how to say otherwise" "$(flat "$out")" "--group-columns COL"
done

# ---- every alias of a set or judge column groups the rows (issue 13) ------------------
# Two points of X dominate nothing across the column: with the column read,
# b (of Y) is Pareto-optimal in its own group though a (of X) beats it.
for col in adversarial_set harmful_set attack_set benchmark dataset eval evaluation benign_set \
           overrefusal_set over_refusal_set judge judge_model grader evaluator; do
    printf 'name,%s,attack_success_pct,over_refusal_pct\na,X,1,1\nb,Y,2,2\n' "$col" >"$tmp/alias.csv"
    run report --format csv "$tmp/alias.csv"
    b=$(printf '%s\n' "$out" | grep '^b,')
    contains "column $col names the group" "$b" ",Y,,Y"
    contains "...and b is not dominated across it" "$b" ",fails,true,true,,,,"
done

tap_done
