#!/bin/sh
# explore_second_look.sh: what a second newcomer found in the explorer, one
# section a defect, each driven by a key script (TRADEOFF_KEYS).
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc
P=$DATADIR/published-operating-points.csv

# L and H move a curve by the same count of thresholds on every press: a
# twentieth of them, rounded up (3,062 steps apart: 154), and H undoes L.
steps() { printf '%s\n' "$out" | grep -o 'step [0-9,]* of 3,063' | tr '\n' ';'; }
keys "L <Dump> L <Dump> L <Dump> L <Dump> H <Dump> H" "$DATADIR"/chatbot-scores.csv
equals "each L and H moves 154 thresholds" "$(steps)" \
    "step 155 of 3,063;step 309 of 3,063;step 463 of 3,063;step 617 of 3,063;step 463 of 3,063;step 309 of 3,063;"

# The key says what the numbers drawn mean, and nothing of numbers not
# drawn: the builtin chart shows "4,5" (two in one place), no "8+2".
SIZE=120x45 keys "" --example builtin
contains "the chart shows 4,5" "$out" "4,5"
contains "the legend explains N,M" "$out" "numbers: list's #; N,M two in one place"
lacks "and no point 8 and 2 more" "$out" "8+2"
plot=$("$T" plot --example builtin --ascii --width 80 --height 24)
contains "the plot's key explains N,M" "$plot" "  #  on the chart: N,M two in one place"
lacks "and nothing it does not draw" "$plot" "N+k"

# The per-day panel's rows that carry the decision (change, break-even,
# daily cost) outlast its decorations, and a number never parts from its
# label: after o at 100x30 with costs $1 and $5,000...
keys "b o" --example builtin --cost-refusal 1 --cost-harm 5000
contains "the sentence quotes the break-even" "$out" "costs more than 1,665 unnecessary"
contains "so the panel keeps its row" "$out" "break-even: 1 harmful = 1,665 refusals"
contains "the cost change stays with its label" "$out" "cost -\$200,100"
contains "the daily cost stays" "$out" "Daily cost"
# ...and across groups a one-row warning leaves them their room.
SIZE=120x40 keys "b ]" --cost-refusal 1 --cost-harm 5000 "$P"
contains "across groups the panel says so" "$out" "different sets: OpenAI Standard Refusal"
contains "the change is shown" "$out" " change: -139,860 refusals,"
contains "with the break-even" "$out" "break-even: 1 harmful = 50.5 refusals"
contains "and the daily cost" "$out" "Daily cost                    \$15,109,240"

# One series measured under three judges is one series in each of three
# groups: the title counts the series of the group, and l on its one point
# says so rather than "already at the last point".
keys "l" --example xstest-judges
lacks "no series 1/3 for one series" "$out" "series 1/3"
contains "the group is counted" "$out" "group 1/3: final_label"
contains "l says the series has one point here" "$out" "XSTest GPT-4 has one point in group final_label"
lacks "not that it is at the last of several" "$out" "already at the last point of XSTest GPT-4"
keys ">" --example xstest-judges
contains "> counts within the group" "$out" "series 1 of 1 in group gpt4_label: XSTest GPT-4 (1 point)"
keys ">" --example builtin
contains "one group: the series of the file" "$out" "series 2/4: filter threshold"

# At 80x24: the title cuts the path from the left and keeps the file's
# name; the threshold shows the point's name as the list does; a short
# controls panel drops the adversarial share before the policy's bounds,
# shows the focused control whatever it is, and the help says the order.
SIZE=80x24 keys "" "$P"
contains "the title keeps the file name" "$out" "…/published-operating-points.csv (67 points)"
SIZE=80x24 keys "j j" --example builtin
contains "the threshold names the point whole" "$out" "Threshold    filter-before "
SIZE=80x24 keys "b j" "$P"
contains "the ORR bound stays on a short panel" "$out" "ORR bound    < 5%"
lacks "the adversarial share gives way first" "$out" "Adversarial"
SIZE=80x24 keys "b j <Tab> <Tab>" "$P"
contains "focused, it shows" "$out" "▶Adversarial  0.10%"
contains "with the ORR bound still there" "$out" "ORR bound    < 5%"
keys "? $(printf '<Down> %.0s' $(seq 40))" --example builtin
help=$(printf '%s' "$out" | tr '\n' ' ' | tr -s ' ')
contains "the help gives the order" "$help" "the control rows give way in this order"

# At 160x45 the rows the panels below cannot use go to the chart: no more
# blank rows under the point list than a comparison's rows of the per-day
# panel would fill (two), and a chart of more than half the screen.
SIZE=160x45 keys "" --example builtin
blank=$(printf '%s\n' "$out" | sed 1d | grep -c '^ *$')
check "at most two blank rows ($blank)" test "$blank" -le 2
axis=$(printf '%s\n' "$out" | sed 1d | grep -n '0% └' | cut -d: -f1)
check "the chart reaches row 23 or further ($axis)" test "${axis:-0}" -ge 23

# The Markdown export signs the change as the panel does: "+199,800".
keys "b j" --example builtin
contains "the panel says +599,400" "$out" "change: +599,400 refusals, -90 harmful"
(cd "$tmp" && keys "b j e <Enter>" --example builtin)
md=$(cat "$tmp/tradeoff-report.md")
contains "the export's refusals change is signed" "$md" "| 199,800 | 799,200 | +599,400 |"
contains "and so is its harmful change" "$md" "| 100 | 10 | -90 |"

tap_done
