#!/bin/sh
# explore_newcomer.sh: what a newcomer's first hour with the explorer found,
# one section a defect, each driven by a key script (TRADEOFF_KEYS).
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc

# --compare A,B is --baseline A --select B, its names resolved as report's.
keys "" --example builtin --compare status-quo,product-ask
equals "explore takes --compare" "$rc" 0
contains "A is the baseline, B the operating point" "$out" "Moving from status-quo to product-ask"
keys "" --example builtin --compare A,B
equals "an ambiguous name is a usage error" "$rc" 2
report_err=$("$T" report --example builtin --compare A,B 2>&1 >/dev/null)
equals "with report's message" "$err" "$report_err"
keys "" --example builtin --compare status-quo,product-ask --select baseline
equals "--compare with --select is refused" "$rc" 2
contains "and says why" "$err" "give either --compare or --select"

# The axes follow the data and the scale alone: moving a policy bound or
# a cost leaves the ticks where they were.
axes() { # the y tick labels and the x tick row of $out's chart
    printf '%s\n' "$out" | sed -n 3,14p | cut -c1-4
    printf '%s\n' "$out" | grep -A1 "0% $(printf '\342\224\224')" | tail -1 | cut -c1-54
}
keys "" --example builtin
before=$(axes)
keys "<Tab> <Tab> <Tab> <Tab> <Tab> <Tab> l l" --example builtin
contains "the ASR bound moved" "$out" "ASR bound    < 2%"
equals "an ASR bound near the data leaves the axes" "$(axes)" "$before"
keys "<Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> L" --example builtin
contains "the ORR bound moved" "$out" "ORR bound    < 50%"
equals "an ORR bound leaves the axes" "$(axes)" "$before"
keys "<Tab> <Tab> <Tab> <Tab> <Tab> l" --example builtin
equals "so does another policy" "$(axes)" "$before"
keys "g" --example builtin
lacks "a new scale rescales them" "$(axes)" "$before"

# The daily cost stays on the per-day panel at 100x30 after o, a baseline
# pinned and the optimum a mix (whose description takes rows of its own).
keys "b o" --example chatbot-sweep --cost-refusal 1 --cost-harm 100
contains "o went to a mix" "$out" "cost-optimal within the consumer policy: mix"
contains "the daily cost is still shown" "$out" "Daily cost"
keys "j b o" --example builtin --cost-refusal 1 --cost-harm 1k
contains "with the builtin example too" "$out" "Daily cost "

# A mix held just inside a strict bound can be 99.999% of one point: with
# the ORR bound at 4.99999% the hull meets it a hair before status-quo
# (at 5% itself status-quo fails the bound and the optimum is not attained:
# explore_keys.sh). Its shares are said to the digit that keeps them off
# 100 and 0.
bound="<Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> = <C-u> 4.99999 <Enter>"
keys "$bound o" --example builtin --cost-refusal 1 --cost-harm 10k
contains "o went to a mix" "$out" "cost-optimal within the custom policy: mix"
lacks "the threshold control never says mix 100/0" "$out" "mix 100/0"
contains "it gives the shares" "$out" "Threshold    99.999/0.001"
SIZE=120x30 keys "$bound o" --example builtin --cost-refusal 1 --cost-harm 10k
contains "where there is room, the word mix too" "$out" "Threshold    mix 99.999/0.001"
SIZE=100x30 keys "$bound o" --example builtin --cost-refusal 1 --cost-harm 10k
lacks "the panel's heading never says 0%" "$out" " + 0% "
contains "a heading too narrow for the shares says the mix" "$out" "Per day at the mix "
SIZE=130x30 keys "$bound o" --example builtin --cost-refusal 1 --cost-harm 10k
contains "a wide one names it with its shares" "$out" "Per day at 99.999% status-quo + 0.001% filter-before"
SIZE=100x30

# The legend's line about numbers shows only while a number is drawn.
keys "" --example xstest-judges
lacks "no number on the chart: no line about numbers" "$out" "numbers: list's #"
keys "" --example chatbot-sweep
contains "numbers on the chart: the line explains them" "$out" "numbers: list's #"

# --group G: the start message names the point the explorer stands on,
# the first of group G, not the first of the file.
keys "" --example xstest-judges --group gpt4
contains "the operating point is group 2's" "$out" "Per day at GPT-4 (GPT-4 judge)"
contains "and the message names it" "$out" "starting at GPT-4 (GPT-4 judge), the first point of group 2 (gpt4_label)"
lacks "not the file's first point" "$out" "starting at GPT-4 (human judge)"

# JailbreakBench measures attacks only: a point with ASR alone projects
# its harmful outputs and says plainly that refusals are unknown.
keys "" --example jailbreakbench
lacks "not 'nothing to project'" "$out" "nothing to project"
contains "the harmful outputs a day, with their interval" "$out" "9,400 (95%: 8,752-9,722)"
contains "the rates row says ORR was not measured" "$out" "ASR 94.00% (94/100); ORR not measured"
contains "and what that leaves unknown" "$out" "ORR was not measured, so unnecessary"
contains "the policy's verdict on the measured side" "$out" "consumer: fail: ASR 94.00% is not < 0.50%"
keys "j j" --example jailbreakbench
contains "the panel follows the selected point" "$out" "4,700 (95%:"
contains "moving says what is missing, not ASR and ORR" "$out" "has no measured ORR: the per-day"
keys "" --example jailbreakbench --select "GCG_transfer on gpt-3.5-turbo-1106"
contains "--select names the missing rate" "$err" "has no measured ORR, so it cannot be the operating point"

# \ filters by name, series or measurement group, whose name is the file's
# where the file names no set or judge: the prompt, the help, the man page
# and README say so, all from the one action table.
keys "\\ builtin-scenario <Enter>" --example builtin
contains "the file's name matches every point of it" "$out" "filter 'builtin-scenario': 8 of 8 points"
keys "\\ <Dump> <Esc>" --example builtin
contains "the prompt says what it matches" "$out" "filter by name, series or group (set, judge or file); empty shows all:"
SIZE=100x60 keys "?" --example builtin
contains "the help says the group may be the file" "$(printf '%s' "$out" | tr -s ' \n' '  ')" "or its file when the file names neither"
man_block=$(sed -n '/keys-begin/,/keys-end/p' "$TOP_SRCDIR/tradeoff.1")
contains "the man page's key list too" "$man_block" "or its file when the file names neither"
missing=$("$T" --keys markdown | while IFS= read -r row; do grep -qF -- "$row" "$TOP_SRCDIR/README" || echo "$row"; done)
equals "README's key table is the action table's" "$missing" ""
SIZE=100x30

# A chart's key wider than the chart wraps at a space, under its text,
# never inside a word or a number.
legend=$("$T" plot --example builtin --width 40 --height 24 2>&1)
lacks "the policy's line is not cut inside its bound" "$legend" "ORR < 5
"
contains "it goes on under its text" "$legend" "$(printf 'ORR <\n   5.00%%')"

# The details under the controls show whole lines of the point's details,
# never a bracket opened and left: what does not fit is left for d.
keys "" --example xstest-judges
contains "the ASR line is whole, its bracket wrapped at a space" "$out" "0.09%-2.78%)"
lacks "the ORR line, which does not fit whole, is left for d" "$out" "ORR 8.40%: 21 of 250 (95% interval"
contains "and d is offered" "$out" "(more: d shows every detail)"
# A first line taller than the panel is cut at a word, before a bracket it
# would leave open, and ends in an ellipsis.
SIZE=100x27 keys "" --preset xstest --judge gpt4_label "$DATADIR"/xstest/xstest_v2_labels_mistralinstruct.csv
contains "the cut line ends after a closed bracket, with an ellipsis" "$out" "verdicts left out) …"
lacks "never inside an opened one" "$out" "(95% interval …"
SIZE=100x30

# A filter that hides the operating point moves it to the first match (as
# htop's filter moves the selection), and says so: the panels describe a
# point the list shows.
keys "\\ variant <Enter>" --example builtin
contains "the per-day panel is at the first match" "$out" "Per day at variant-A"
contains "the list's cursor is on it" "$out" "$(printf '\342\226\266') variant-A"
contains "the status line says why" "$out" "the operating point baseline is filtered out: moved to variant-A"
keys "\\ base <Enter>" --example builtin
contains "a filter that keeps the operating point leaves it" "$out" "Per day at baseline"
lacks "and says nothing of moving" "$out" "filtered out"
keys "\\ zzz <Enter>" --example builtin
contains "no match: it stays, and the status line says the filter hides it" "$out" "no point matches: the operating point stays at baseline"

# One glyph, one meaning: the chart's series marker ◆ is not the baseline's
# mark; the list and the per-day panel mark the baseline with the chart's
# baseline marker, which the legend names, in UTF-8 and in ASCII.
diamond=$(printf '\342\227\206')
oplus=$(printf '\342\212\225')
SIZE=100x40 keys "b j" --example builtin
contains "the legend: the diamond is series 4's" "$out" "$diamond product vs safety"
contains "the legend: the baseline's marker" "$out" "current   $oplus baseline"
contains "the per-day panel marks the baseline with it" "$out" "vs baseline $oplus baseline"
contains "so does the list" "$out" "${oplus}baseline        1"
lacks "the diamond never marks the baseline" "$out" "vs baseline $diamond"
SIZE=100x40 keys "b j" --example builtin --ascii
contains "ASCII: the legend's baseline is B" "$out" "current   B baseline"
contains "and so is the panel's" "$out" "vs baseline B baseline"
lacks "never the series' *" "$out" "vs baseline * baseline"
SIZE=100x30

# One file under three judges is three groups whose points share names
# within their groups ("llama2new"): where the longer name does not fit,
# the list shows the name within its group and a G column with its group.
SIZE=70x24 keys "" --preset xstest --judge final_label,gpt4_label,strmatch_label "$DATADIR"/xstest/*.csv
lacks "no two rows read the same cut name" "$out" "llama2new (…"
contains "the G column is there" "$out" "#▴ G"
contains "llama2new of group 1" "$out" "llama2new   4  1 "
contains "llama2new of group 2" "$out" "llama2new   5  2 "
contains "llama2new of group 3" "$out" "llama2new   6  3 "
SIZE=100x30 keys "" --preset xstest --judge final_label,gpt4_label,strmatch_label "$DATADIR"/xstest/*.csv
contains "where it fits, the name keeps the judge" "$out" "llama2new (gpt4_label)          5  2 "
keys "" --example builtin
lacks "no shared name, no G column" "$out" "#▴ G"

tap_done
