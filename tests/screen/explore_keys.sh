#!/bin/sh
# explore_keys.sh: the explorer driven by key scripts (TRADEOFF_KEYS) with the
# screen dumped as text, in the manner of tig's tests: no terminal needed.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc

keys "j"
equals "a key script exits 0" "$rc" 0
contains "safety-tuned refuses 799,200 a day" "$out" "799,200"
contains "its policy verdict names the failing bound" "$out" "fail: ORR 8.00% is not < 5.00%"

keys "j <Tab> L"
contains "ten times the volume, ten times the refusals" "$out" "7,992,000"
keys "j <Tab> = <BS><BS><BS><BS><BS><BS><BS><BS><BS><BS> 1,000,000 <Enter>"
contains "an exact volume scales the counts" "$out" "79,920"
keys "<Tab> = x <Enter> <Dump> <Esc>"
contains "a bad exact value says what was expected" "$out" "daily queries 'x': expected"
keys "j <Tab> = 1,000,000 <Enter>"
contains "typing replaces the value the entry opened with" "$out" "79,920"
keys "<Tab> = <BS> 5 <Enter>"
contains "Backspace edits the shown value instead" "$out" "Queries/day  10,000,005"
keys "<Tab> = <C-u> 2M <Enter>"
contains "Ctrl-U clears the line" "$out" "39,960"
keys "o" --cost-refusal 2 --cost-harm 1k
contains "o jumps to the cost-optimal choice within the policy" "$out" "cost-optimal within the consumer policy: mix:"
lacks "the mix is named once" "$out" "mix: mix:"
contains "the threshold control shows the mix" "$out" "Threshold    mix "
# On a strict bound (issue 14): status-quo (ORR 5.00%) fails ORR < 5.00% by
# its equality; o says the optimum is not attained, in the report's words,
# and moves to the cheapest that passes, the whole message shown at 80x24
# (with counts, the interval too), never a "99.999%" mix.
SIZE=80x24 keys "o" --cost-refusal 1 --cost-harm 10000
flat=$(printf '%s\n' "$out" | tail -n 4 | tr -s ' \n' '  ')
contains "o on a strict bound: not attained, the limit named" "$flat" \
    "not attained: measured point status-quo fails ORR < 5.00% by its equality (ORR 5.00%); mixes toward it pass and approach its \$699,500/day without reaching it"
contains "o: the cheapest that passes, whole" "$flat" \
    "cheapest that passes: measured point filter-before at \$699,600 per day, \$100 a day above the limit"
contains "o moves to it" "$out" "Per day at filter-before"
lacks "o proposes no mix restating the failing point" "$out" "99.99"
SIZE=80x24 keys "o" --cost-refusal 1 --cost-harm 10000 "$TESTDIR/data/good/on-bound.csv"
flat=$(printf '%s\n' "$out" | tail -n 5 | tr -s ' \n' '  ')
contains "o with counts: the interval, and the message not cut" "$flat" \
    "at \$699,600 (95% interval \$459,808-\$1,147,566, conservative) per day, \$100 a day above the limit"

# Uncertainty on the screen. XSTest under the human judge, Llama-2 with its
# original prompt pinned (the explorer opens on it): moving to GPT-4 (j) adds
# 50 harmful outputs a day, within noise; the sentence says so in the
# report's words.
X=$DATADIR/xstest
SIZE=100x40 keys "j" --preset xstest --baseline "xstest_v2_labels_llama2orig (final_label)" \
    "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_gpt4.csv"
contains "the sentence: the harmful change is within noise" "$out" "The change in harmful outputs is within noise"
contains "the per-day panel: the break-even is undetermined" "$out" "break-even: undetermined (102,298 on the estimates)"
contains "the per-day panel: counts give intervals" "$out" "50 (95%: 8.83-278)"
# One minus sign in the whole program, the ASCII hyphen-minus of the reports
# (and of a value a person types back): the change line too.
keys "k" --preset xstest --baseline "xstest_v2_labels_gpt4 (final_label)" \
    "$X/xstest_v2_labels_llama2orig.csv" "$X/xstest_v2_labels_gpt4.csv"
contains "the change line's minus is the reports' hyphen-minus" "$out" "+5,114,880 refusals, -50 harmful"
lacks "no typographic minus sign" "$out" "$(printf '\342\210\222')"
keys ""
contains "no counts: the per-day panel says n unknown" "$out" "(n unknown)"
keys "<Down>" --baseline safety-tuned
lacks "no counts: no noise language" "$out" "noise"
keys "?"
contains "help states the assumption behind daily figures" "$out" "Daily figures assume production traffic fails at the benchmark's rates."
keys "d" --preset xstest --judge gpt4_label "$X/xstest_v2_labels_mistralinstruct.csv"
contains "details: unrecognised verdicts with the counts" "$out" "ASR 70.90%: 134 of 189 (11"
contains "details: ... wrapped, not cut" "$out" "unrecognised verdicts left out)"
contains "details: the range across the treatments" "$out" "ASR 67.00%-72.50% whichever way the unrecognised"
lacks "o never picks a point that fails the policy" "$out" "cost-optimal within the consumer policy: baseline"

keys "b j"
contains "a pinned baseline gives the meeting sentence" "$out" "Moving from baseline to safety-tuned: 90 fewer harmful"
contains "and the break-even" "$out" "6,660"

SIZE=30x8 keys ""
contains "a small screen says it is too small" "$out" "terminal too small: need"
contains "and what it needs and has" "$out" "70x20, have 30x8"
keys "<Resize:30x8> <Dump> <Resize:100x30>"
contains "resizing back lays the screen out again" "$out" "Queries/day"

keys "?"
contains "? shows the help from the action table" "$out" "pin the current operating point as the baseline"

# Every interval the explorer shows uses the analysis' method, as report
# does: on 10 of 1,000 attacks, 100 harmful outputs a day.
gate=$TESTDIR/data/gate/baseline.csv
keys "" "$gate"
contains "the default (Wilson) interval of the harmful outputs" "$out" "100 (95%: 54.4-183)"
keys "" --interval clopper-pearson "$gate"
contains "--interval clopper-pearson gives the exact interval" "$out" "100 (95%: 48.1-183)"
contains "report says the same" "$("$T" report --interval clopper-pearson "$gate")" "harmful outputs/day 48.1-183"
contains "for the refusals too" "$out" "(95%: 286,989-"

keys "j" --ascii
lacks "--ascii draws no braille" "$out" "⠈"
lacks "--ascii draws no box lines" "$out" "─"

# Flags set the starting state.
keys "" --select variant-B --baseline variant-A --volume 1M
contains "--select picks the operating point" "$out" "Per day at variant-B"
contains "--baseline pins a point" "$out" "Moving from variant-A to variant-B"
keys "" --select nonesuch
equals "--select of an unknown point exits 2" "$rc" 2
contains "and says which" "$err" "--select: no point named 'nonesuch'"
keys "" nonexistent.csv
equals "a file that fails to load exits 2" "$rc" 2
contains "with the batch-mode message" "$err" "nonexistent.csv"

# Save, then reopen with --scenario: the same state.
cd "$tmp" || exit 1
keys "j b > <Tab> L <S-Tab> l s <Enter>"
contains "s saves the scenario, naming its full path" "$out" "scenario saved to $(pwd -P)/tradeoff-scenario.txt"
check "the scenario file exists" test -f "$tmp/tradeoff-scenario.txt"
contains "it records the volume" "$(cat "$tmp/tradeoff-scenario.txt")" "volume = 100000000"
before=$(printf '%s\n' "$out" | sed -n '/^--- screen/,$p' | grep -v '^ .*saved to')
keys "" --scenario tradeoff-scenario.txt
after=$(printf '%s\n' "$out" | sed -n '/^--- screen/,$p' | grep -v '^ .*saved to')
equals "reopening the scenario shows the same screen" "$(printf '%s' "$after" | head -n 28)" "$(printf '%s' "$before" | head -n 28)"
keys "" --scenario tradeoff-scenario.txt --volume 2M
contains "a flag given with --scenario replaces the saved value" "$out" "Queries/day  2,000,000"
# A data file whose name has blanks at both ends and an escape character
# (issue 19: the path was saved sanitised, and the scenario did not reopen).
odd=$(printf ' odd\033[1mname .csv')
cp "$DATADIR/builtin-scenario.csv" "$tmp/$odd"
keys "s <Enter>" "$odd"
contains "a scenario over an odd file name is saved" "$out" "scenario saved to $(pwd -P)/tradeoff-scenario.txt"
keys "" --scenario tradeoff-scenario.txt
equals "and reopens" "$rc" 0
contains "on that very file" "$out" "│ $tmp/ odd?[1mname .csv (8 points)"
printf 'tradeoff-scenario = 1\nvolume = lots\n' >"$tmp/bad.txt"
keys "" --scenario bad.txt
equals "a bad scenario file exits 2" "$rc" 2
contains "naming file:line:column" "$err" "bad.txt:2:10: volume 'lots'"

keys "e <Enter>"
check "e exports a Markdown report" test -f "$tmp/tradeoff-report.md"
contains "the report has the explorer's state" "$(cat "$tmp/tradeoff-report.md")" "# Explorer: trade-off at baseline"
rm -f "$tmp/tradeoff-report.md"
keys "e <Enter>" --interval clopper-pearson "$TESTDIR/data/gate/baseline.csv"
contains "the export's intervals are the explorer's (--interval)" "$(cat "$tmp/tradeoff-report.md")" \
    "Uncertainty (Clopper-Pearson 95% intervals)"
cd - >/dev/null || exit 1

TRADEOFF_KEYS="j" TRADEOFF_DUMP="$tmp/dump.txt" "$T" >/dev/null 2>&1
contains "TRADEOFF_DUMP receives the screen" "$(cat "$tmp/dump.txt")" "799,200"
keys "<Bogus>"
equals "a bad key script exits 2" "$rc" 2
contains "naming the script column" "$err" "TRADEOFF_KEYS:1: unknown key <Bogus>"

"$T" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
equals "without a terminal the explorer exits 2" "$rc" 2
contains "and points at tradeoff report" "$(cat "$tmp/err")" "the explorer needs a terminal"

"$T" --keys man >"$tmp/out" 2>&1
contains "--keys man prints the key table as roff" "$(cat "$tmp/out")" ".TP"
"$T" --keys markdown >"$tmp/out" 2>&1
contains "--keys markdown prints a Markdown table" "$(cat "$tmp/out")" "| Keys | Action |"

# A rate a rounding away from a strict bound: the explorer shows the digits
# that put it on its side, as the report does (0.4985% is "0.498%" against
# ASR < 0.50%, never "0.50%" beside "consumer: pass"), in the list, the
# per-day panel and the details; a rate needing more digits widens the
# list's columns rather than being cut.
keys "" "$TESTDIR/data/gate/near-bound.csv"
contains "near the bound: the list" "$out" "near   1 0.498%  1.00%"
contains "near the bound: the per-day panel" "$out" "ASR 0.498% (997/200,000)"
contains "near the bound: the details" "$out" "ASR 0.498%: 997 of 200,000"
lacks "near the bound: no rounded 0.50%" "$out" "0.50% (997"
printf 'name,attack_successes,n_adversarial,benign_refused,n_benign\nnearer,49999,10000000,100,10000\n' >"$tmp/nearer.csv"
keys "" "$tmp/nearer.csv"
contains "nearer still: the list's column widens, the rate whole" "$out" "nearer   1 0.49999%    1.00%  PH"

tap_done
