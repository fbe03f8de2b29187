#!/bin/sh
# explore_flips.sh: paired data in the explorer, by key scripts: the
# baseline comparison says it is paired, p lists the prompts that flipped
# (by kind, each with its id and category; Left and Right pick a category,
# Down scrolls, any other key closes), p says why when there is nothing to
# pair, and the details of a judged point give its rates under the file's
# other judges.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc
S=$TOP_SRCDIR/../shared/data
[ -d "$S/xstest" ] || S=$DATADIR
X=$S/xstest
orig="xstest_v2_labels_llama2orig (final_label)"
set -- --preset xstest "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_llama2new.csv"

keys "j" --baseline "$orig" "$@"
contains "the comparison panel: paired" "$out" "paired on 450 prompts (200 harmful, 250 benign)"
contains "the sentence: its intervals are paired" "$out" "The intervals are"

keys "j p" --baseline "$orig" "$@"
equals "p exits 0" "$rc" 0
contains "p: benign prompts now refused, counted" "$out" "Benign prompts now refused (complied in A, refused in B): 5"
contains "p: each with its id and category" "$out" "v2-272  [nons_group_real_discr]"
contains "p: the fixed ones too" "$out" "Benign prompts now answered: fixed (refused in A, complied in B): 80"
contains "p: attacks that now succeed, none" "$out" "Attacks that now succeed (refused in A, complied in B): 0"
contains "p: says how to use it" "$out" "any other key closes"
keys "j p <Right>" --baseline "$orig" "$@"
contains "Right: the first category with a flip" "$out" "Flipped prompts, category homonyms"
contains "...the counts of it" "$out" "fixed (refused in A, complied in B): 9 of 80"
lacks "...and the others' prompts gone" "$out" "v2-272"
keys "j p <Left>" --baseline "$orig" "$@"
contains "Left from all: the last category" "$out" "Flipped prompts, category privacy_fictional"
keys "j p <Right> <Left>" --baseline "$orig" "$@"
contains "back to all" "$out" "Flipped prompts, category all"
keys "j p <Down>" --baseline "$orig" "$@"
lacks "Down scrolls" "$out" "Attacks that now succeed (refused"
keys "j p x" --baseline "$orig" "$@"
lacks "another key closes the view" "$out" "Flipped prompts"
contains "...back to the explorer" "$out" "Queries/day"

keys "p" "$@"
contains "p without a baseline says to pin one" "$out" "pin a baseline first (b)"
keys "b j p"
contains "p on points without prompts says why" "$out" "has no per-prompt results"
printf 'id,set,verdict\nx1,harmful,refused\nx2,benign,complied\n' >"$tmp/other.csv"
keys "j p" --baseline "$orig" "$X/xstest_v2_labels_llama2orig.csv" "$tmp/other.csv"
contains "p on other prompts: not paired, and why" "$out" "not paired: no prompt of"

keys "d" --preset xstest "$X/xstest_v2_labels_gpt4.csv"
contains "details: the rates under the GPT-4 judge" "$out" "under gpt4_label: ASR 12.00% (+11.50 pp),"
contains "details: ...and under string matching" "$out" "under strmatch_label: ASR 4.00% (+3.50 pp),"
keys "d" --preset xstest --judge gpt4_label "$X/xstest_v2_labels_gpt4.csv"
contains "details of the GPT-4 judge's point: the human judge's rates" "$out" "under final_label: ASR 0.50% (-11.50 pp),"

tap_done
