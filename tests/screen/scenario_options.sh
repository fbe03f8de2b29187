#!/bin/sh
# scenario_options.sh: a scenario saved in the explorer keeps how its files
# were read (--preset, --judge, --where, the column mapping, --group-columns,
# --n-adversarial, --interval...): reopened with --scenario, the screen is
# the one that saved it, number for number. A flag that disagrees with the
# saved reading is refused; FILE operands bring their own; bad values in
# the file name file:line:column and the key; an older scenario still opens.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc
cd "$tmp" || exit 1
here=$(pwd -P)
XS=$DATADIR/xstest/xstest_v2_labels_gpt4.csv
P=$DATADIR/published-operating-points.csv
OR=$DATADIR/or-bench-32-models.csv
M=$TESTDIR/data/mapping/classifiers.csv
MAP="--asr-column harmful_caught_pct_or_asr --complement asr --orr-column benign_flagged_pct --name-columns classifier,threshold"

# A screen without its last three rows, where the status line says what
# just happened ("starting at ...", "scenario saved"): the rest must agree.
body() { printf '%s\n' "$1" | head -n 28; }

# roundtrip WHAT FILE FLAGS...: the explorer on FILE read with FLAGS, saved
# with s and reopened with --scenario alone, shows the same screen; FILE
# read without FLAGS shows another (or does not load): the flags matter.
roundtrip() {
    what=$1; file=$2; shift 2
    rm -f tradeoff-scenario.txt
    keys "" "$@" "$file"
    before=$(body "$out")
    keys "" "$file"
    if [ "$rc" -eq 0 ] && [ "$(body "$out")" = "$before" ]; then
        tap_fail "$what: the flags change the screen" "the same screen without them"
    else
        tap_ok "$what: the flags change the screen"
    fi
    keys "s <Enter>" "$@" "$file"
    contains "$what: s saves the scenario" "$out" "scenario saved to $here/tradeoff-scenario.txt"
    saved=$(cat tradeoff-scenario.txt)
    keys "" --scenario tradeoff-scenario.txt
    equals "$what: reopened, exit 0" "$rc" 0
    equals "$what: reopened, the same screen" "$(body "$out")" "$before"
}

roundtrip "--preset --judge --interval" "$XS" --preset xstest --judge gpt4_label --interval clopper-pearson
contains "the scenario says the preset" "$saved" 'preset = "xstest"'
contains "and the judge" "$saved" 'judge = "gpt4_label"'
contains "and the interval" "$saved" 'interval = clopper-pearson'
contains "in version 3" "$saved" 'tradeoff-scenario = 3'
roundtrip "--where" "$P" --where 'model~Claude' --where 'variant!=launch'
contains "the scenario says each --where, in order" "$saved" 'where = "model~Claude"
where = "variant!=launch"'
# shellcheck disable=SC2086
roundtrip "--asr-column --orr-column --complement" "$M" $MAP --where 'notes!~RELATIVE'
contains "the scenario says the complement" "$saved" 'complement = "asr"'
contains "and the columns" "$saved" 'asr-column = "harmful_caught_pct_or_asr"'
roundtrip "--group-columns --n-adversarial" "$OR" --group-columns series --n-adversarial 1319 --n-benign 1000
contains "the scenario says --n-adversarial" "$saved" 'n-adversarial = "1319"'
contains "and --group-columns" "$saved" 'group-columns = "series"'
# The chart's --group: the measurement group the chart draws is the
# operating point's, which the scenario saves by name, so the group comes
# back with it: the title and the chart (the list below them scrolls with
# the length of the status message, which differs) as --group drew them.
chart_part() { printf '%s\n' "$1" | head -n 17; }
rm -f tradeoff-scenario.txt
keys "" "$P"
other=$(chart_part "$out")
keys "s <Enter>" --group StrongREJECT "$P"
saved=$(cat tradeoff-scenario.txt)
keys "" --group StrongREJECT "$P"
before=$(chart_part "$out")
if [ "$before" = "$other" ]; then tap_fail "--group: the flag changes the chart" "the same chart without it"
else tap_ok "--group: the flag changes the chart"; fi
keys "" --scenario tradeoff-scenario.txt
equals "--group: reopened, exit 0" "$rc" 0
contains "--group: reopened, the title names the group" "$out" "group 4/6: StrongREJECT (goodness@0.1)"
equals "--group: reopened, the same title and chart" "$(chart_part "$out")" "$before"

# ---- the command line with a scenario ----------------------------------------------------
keys "s <Enter>" --preset xstest --judge gpt4_label "$XS"
keys "" --scenario tradeoff-scenario.txt --judge strmatch_label
equals "a flag that disagrees with the saved reading exits 2" "$rc" 2
contains "naming the flag, the file's line and the saved value" "$err" \
    "--judge 'strmatch_label': tradeoff-scenario.txt:6: the scenario reads its files with judge = 'gpt4_label'"
keys "" --scenario tradeoff-scenario.txt --verdict-column final_label
equals "a reading flag the scenario was saved without exits 2" "$rc" 2
contains "saying so" "$err" "the scenario was saved reading its files without --verdict-column"
keys "" --scenario tradeoff-scenario.txt --interval clopper-pearson
equals "so does another --interval" "$rc" 2
contains "naming the scenario's" "$err" "the scenario's intervals are wilson"
keys "" --preset xstest --judge gpt4_label "$XS"
before=$(body "$out")
keys "" --scenario tradeoff-scenario.txt --preset xstest --judge gpt4_label
equals "the same flags again are no conflict" "$(body "$out")" "$before"
keys "" --scenario tradeoff-scenario.txt --judge strmatch_label --preset xstest "$XS"
equals "with FILE operands, the command line says how they are read" "$rc" 0
keys "" --preset xstest --judge strmatch_label "$XS"
before=$(body "$out")
keys "" --scenario tradeoff-scenario.txt --judge strmatch_label --preset xstest "$XS"
equals "(the screen of those flags)" "$(body "$out")" "$before"

# ---- bad values in the file ----------------------------------------------------------------
bad() { # bad NAME LINE WANT: a scenario with LINE exits 2 saying WANT
    printf 'tradeoff-scenario = 3\nfile = "%s"\n%s\n' "$XS" "$2" >bad.txt
    keys "" --scenario bad.txt
    equals "$1: exit 2" "$rc" 2
    contains "$1: file:line:column, the key and what was expected" "$err" "$3"
}
bad "an unknown preset" 'preset = "xs"' "bad.txt:3:10: preset 'xs': expected xstest or jailbreakbench"
bad "a bad complement" 'complement = sideways' "bad.txt:3:14: complement 'sideways': expected asr, orr or both"
bad "a bad --where" 'where = "model"' "bad.txt:3:9: where 'model': expected"
bad "a count of prompts that is not one" 'n-adversarial = 0.5' \
    "bad.txt:3:17: n-adversarial '0.5': expected a whole number of prompts from 1 to 1e15"
bad "a blank column" 'asr-column = " , "' "bad.txt:3:14: asr-column ' , ': expected a column name"
bad "a bad interval" 'interval = bayes' "bad.txt:3:12: interval 'bayes': expected wilson or clopper-pearson (also: exact)"
# "exact", Clopper-Pearson's other name, reads as it does on the command line
printf 'tradeoff-scenario = 3\nfile = "%s"\ninterval = exact\n' "$XS" >exact.txt
keys "" --scenario exact.txt
equals "interval = exact: exit 0" "$rc" 0
shown=$(body "$out")
keys "" --interval clopper-pearson "$XS"
equals "interval = exact: the screen of --interval clopper-pearson" "$shown" "$(body "$out")"
bad "a reading option twice" 'judge = a
judge = b' "bad.txt:4:1: 'judge' is given twice"
bad "a control character, shown harmless" "$(printf 'preset = x\033[31m')" \
    "bad.txt:3:10: preset 'x?[31m': expected xstest or jailbreakbench"
lacks "(no escape reaches the terminal)" "$err" "$(printf '\033')"
printf 'tradeoff-scenario = 4\n' >bad.txt
keys "" --scenario bad.txt
equals "a version to come: exit 2" "$rc" 2
contains "saying which it reads" "$err" "bad.txt:1:21: version '4' is not supported; expected 1, 2 or 3"

# ---- older versions ----------------------------------------------------------------------
# Version 2 recorded --group-columns alone; a flag replaced it, and still does.
printf 'tradeoff-scenario = 2\nfile = "%s"\ngroup-columns = "series"\n' "$OR" >v2.txt
keys "" --group-columns series "$OR"
before=$(body "$out")
keys "" --scenario v2.txt
equals "a version 2 scenario opens, its group-columns applied" "$(body "$out")" "$before"
keys "" --group-columns none "$OR"
before=$(body "$out")
keys "" --scenario v2.txt --group-columns none
equals "and a flag replaces it, as before" "$(body "$out")" "$before"
# It recorded no other reading: a flag adds one, as before.
printf 'tradeoff-scenario = 2\nfile = "%s"\n' "$XS" >v2x.txt
keys "" --preset xstest --judge gpt4_label "$XS"
before=$(body "$out")
keys "" --scenario v2x.txt --preset xstest --judge gpt4_label
equals "a version 2 scenario takes the reading flags of the command line" "$(body "$out")" "$before"

tap_done
