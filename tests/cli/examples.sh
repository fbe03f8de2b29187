#!/bin/sh
# examples.sh: the shipped examples: reproducible from their sources, exact
# where the source states a figure, and found by --list-examples / --example.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Every derived file comes out of data/make-examples.sh byte for byte.
sh "$DATADIR/make-examples.sh" "$tmp/gen" >"$tmp/err" 2>&1
equals "make-examples.sh runs" "$?" 0
for f in chatbot-scores.csv chatbot-threshold-sweep.csv or-bench-32-models.csv \
         xstest-gpt4-judges.csv jailbreakbench-attacks.csv; do
    check "$f is reproduced exactly by make-examples.sh" cmp "$tmp/gen/$f" "$DATADIR/$f"
done

# The figures data/SOURCES.md states for XSTest GPT-4 with the human labels.
row=$(grep '^GPT-4 (human judge),' "$DATADIR/xstest-gpt4-judges.csv")
contains "XSTest GPT-4, human judge: 1 of 200 unsafe complied, 21 of 250 safe refused" "$row" ",200,1,250,21,0.5,8.4,"
equals "XSTest: three judges, three points" "$(grep -c '^GPT-4 (' "$DATADIR/xstest-gpt4-judges.csv")" 3
equals "OR-Bench: 32 models" "$(($(wc -l <"$DATADIR/or-bench-32-models.csv") - 1))" 32
equals "JailbreakBench: one point per artifact" \
    "$(($(wc -l <"$DATADIR/jailbreakbench-attacks.csv") - 1))" "$(ls "$DATADIR"/jailbreakbench/jbb_*.csv | wc -l)"
n=$(($(wc -l <"$DATADIR/chatbot-scores.csv") - 1))
check "the per-prompt score file is small enough to ship (a few thousand rows)" test "$n" -ge 1000 -a "$n" -le 10000

# The loader's own presets count the raw files to the same numbers.
counts() { cut -d, -f8-11 | tail -n +2; }
want=$(grep '^GPT-4 (' "$DATADIR/xstest-gpt4-judges.csv" | cut -d, -f4-7)
got=$("$T" report --format csv --preset xstest --judge final_label,gpt4_label,strmatch_label \
    "$DATADIR/xstest/xstest_v2_labels_gpt4.csv" 2>/dev/null | counts)
equals "--preset xstest counts the three judges as xstest-gpt4-judges.csv does" "$got" "$want"
for f in "$DATADIR"/jailbreakbench/jbb_PAIR_*.csv; do
    b=$(basename "$f" .csv)
    want=$(grep "$b.csv\$" "$DATADIR/jailbreakbench-attacks.csv" | cut -d, -f4-5)
    got=$("$T" report --format csv --preset jailbreakbench "$f" 2>/dev/null | cut -d, -f8-9 | tail -n +2)
    equals "--preset jailbreakbench agrees with jailbreakbench-attacks.csv on $b" "$got" "$want"
done

# `tradeoff sweep` on the score file gives the sweep's counts at each of its
# thresholds (the first distinct score at or above it refuses the same prompts).
"$T" sweep "$DATADIR/chatbot-scores.csv" >"$tmp/curve.csv" 2>/dev/null
equals "tradeoff sweep reads chatbot-scores.csv" "$?" 0
mismatch=$(awk -F, '
    NR == FNR { if (FNR > 1) { n++; t[n] = $1 + 0; row[n] = $4 "," $5 "," $6 "," $7 } next }
    FNR > 1 {
        for (i = 1; i <= n && t[i] < $3 + 0; i++) ;
        want = $4 "," $5 "," $6 "," $7
        if (i > n || row[i] != want) print $1 ": sweep " row[i] ", file " want
    }' "$tmp/curve.csv" "$DATADIR/chatbot-threshold-sweep.csv")
equals "chatbot-threshold-sweep.csv agrees with tradeoff sweep at every threshold" "$mismatch" ""

# --list-examples and --example, with the data directory given.
TRADEOFF_DATADIR=$DATADIR
export TRADEOFF_DATADIR
out=$("$T" --list-examples)
equals "--list-examples exits 0" "$?" 0
for name in builtin chatbot-sweep or-bench xstest-judges jailbreakbench chatbot-scores; do
    contains "--list-examples lists $name" "$out" "  $name "
done
lacks "--list-examples finds every file" "$out" "(not found)"
a=$("$T" report --format json --example builtin --compare status-quo,product-ask | grep -v '"source"\|"title"')
b=$("$T" report --format json --compare status-quo,product-ask "$DATADIR/builtin-scenario.csv" | grep -v '"source"\|"title"')
equals "--example builtin is data/builtin-scenario.csv" "$a" "$b"
out=$("$T" report --example xstest-judges --compare "GPT-4 (human judge),GPT-4 (string-match judge)")
contains "--example xstest-judges compares the judges" "$out" "Moving from GPT-4 (human judge) to GPT-4 (string-match judge)"
names=$("$T" report --format csv --example builtin "$DATADIR/or-bench-32-models.csv" | tail -n +2 | cut -d, -f1)
equals "--example and a file: 8 + 32 points" "$(printf '%s\n' "$names" | wc -l)" 40
equals "--example loads before the files given" "$(printf '%s\n' "$names" | head -n 1)" baseline

# --example twice loads both, in order, as two files would (not the last alone).
names=$("$T" report --format csv --example builtin --example or-bench | tail -n +2 | cut -d, -f1)
equals "--example twice: both, 8 + 32 points" "$(printf '%s\n' "$names" | wc -l)" 40
equals "--example twice: the first given first" "$(printf '%s\n' "$names" | head -n 1)" baseline
"$T" report --example builtin --example nosuch >/dev/null 2>"$tmp/err"
equals "--example twice, one unknown: exit 2" "$?" 2
contains "--example twice, one unknown: named" "$(cat "$tmp/err")" "--example 'nosuch'"

# Example paths are shown canonical: no "src/../data" (issue: "…/src/../data/…").
mkdir -p "$tmp/sub"
cp "$DATADIR/builtin-scenario.csv" "$tmp/builtin-scenario.csv"
out=$(TRADEOFF_DATADIR=$tmp/sub/../../$(basename "$tmp")/sub/.. "$T" --list-examples 2>&1)
lacks "--list-examples: no '..' in the paths" "$out" "/../"
contains "--list-examples: the real directory" "$out" "file: $(cd "$tmp" && pwd -P)/builtin-scenario.csv"
out=$(TRADEOFF_DATADIR=$tmp/sub/.. "$T" report --example builtin 2>&1 | head -n 1)
equals "report's title shows the example's real path" "$out" \
    "tradeoff $("$T" --version | cut -d' ' -f2): $(cd "$tmp" && pwd -P)/builtin-scenario.csv (8 points)"

"$T" report --example nosuch >/dev/null 2>"$tmp/err"
equals "an unknown example exits 2" "$?" 2
contains "an unknown example lists the names" "$(cat "$tmp/err")" "expected builtin, chatbot-sweep"
TRADEOFF_DATADIR=$tmp/empty "$T" report --example builtin >/dev/null 2>"$tmp/err"
equals "a missing example file exits 2" "$?" 2
contains "a missing example file says where it looked" "$(cat "$tmp/err")" "$tmp/empty"

tap_done
