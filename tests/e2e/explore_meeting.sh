#!/bin/sh
# explore_meeting.sh: the explorer in a real terminal (tmux) as a meeting
# uses it (issue 16): a typed threshold lands on the exact measured point,
# names that tell the points apart, no number cut at 80x24 or 70x20, axes
# that stay put, point numbers that stay put, and the list's filter,
# find-next, paging and reverse sort.
# Waits for markers on screen (a bounded poll), never sleeps.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
S=$DATADIR/chatbot-scores.csv
P=$DATADIR/published-operating-points.csv
X=$DATADIR/xstest
tmux_session=meeting
. "$TESTDIR/lib/tmux.sh"
expect() {
    if wait_for "$2"; then tap_ok "$1"; else tap_fail "$1" "did not see: $2" "$(screen | head -40)"; fi
}
# cursor: the list row the cursor is on
cursor() { screen | grep '▶ ' | grep -v 'Threshold\|Queries\|Adversarial\|Cost\|Policy\|bound' | tail -n 1; }
# ticks: the chart's y-axis labels and its x-axis label row
ticks() {
    pane=$(screen)
    w=$(printf '%s\n' "$pane" | sed -n 2p | awk '{ print index($0, "─ Controls") - 1 }')
    { printf '%s\n' "$pane" | sed -n 's/^\([^┤└│≈]*\)[┤└].*/\1/p'
      printf '%s\n' "$pane" | sed -n '/└/{n;p;}' | cut -c1-"$w"; } | sed 's/ *$//'
}

start_session 100 30
# run ARGS...: the explorer in the pane, its pid in a file; quit: q, then
# wait (bounded) for the shell's marker
run() {
    keys -l "sh -c 'echo \$\$ >pid; exec \"\$0\" \"\$@\"' '$T' $*; echo \"EXIT=\$?\""
    keys Enter
}
quit() {
    keys q
    wait_for "EXIT=0" >/dev/null || tap_fail "the explorer quits" "$(screen | tail -5)"
    keys -l "clear"
    keys Enter
}

# An exact threshold: --threshold 0.5 lands on 0.501, ORR 78/2,400, ASR 0/1,600.
run --threshold 0.5 "'$S'"
expect "the explorer opens on the score file" "a curve of 3,063 thresholds"
expect "the exact measured point: ORR 3.25% with its counts" "ORR 3.25% (78/2,400)"
expect "ASR 0 of 1,600" "ASR 0.00% (0/1,600)"
expect "and the interval of its daily figures" "(95%: 260,931-403,346)"
expect "the threshold it landed on is named" "exact threshold 0.501"
before=$(ticks)
keys l
expect "l steps to the next measured threshold" "step 1,755 of 3,063"
equals "the axes' ticks are unchanged after l" "$(ticks)" "$before"
quit

# XSTest, three judges: the list's names tell the fifteen points apart.
run --preset xstest --judge final_label,gpt4_label,strmatch_label "'$X'"/*.csv
expect "XSTest with three judges opens" "15 points, S sorts"
names=$(screen | awk '/ Name .*#/ { a = index($0, "Name"); b = index($0, "#"); on = 1; next }
                     on && length($0) >= b { s = substr($0, a, b - a); sub(/ *[0-9]* *$/, "", s); print s }')
rows=$(printf '%s\n' "$names" | grep -c .)
check "the list shows its rows" test "$rows" -ge 8
equals "distinct visible names on every row" "$(printf '%s\n' "$names" | sort -u | grep -c .)" "$rows"
lacks "without the prefix every name shares" "$names" "xstest_v2_labels_"

# Navigation: filter, find-next, PgDn on the focused list, reverse sort.
keys '\'
expect "\\ asks for a filter" "filter by name, series or group (set, judge or file)"
keys -l "llama2orig"
keys Enter
expect "the filter keeps three points" "3 of 15 points (filter: llama2orig)"
keys '\' C-u Enter
expect "an empty filter shows them all again" "15 points, S sorts"
keys / 
keys -l "mistral"
keys Enter
expect "/ finds the first match" "'mistral': row 10 of 15"
keys n
expect "n finds the next" "'mistral': row 11 of 15"
keys N
expect "N the previous" "'mistral': row 10 of 15"
keys Home BTab
wait_for "gpt4 (final_label)" >/dev/null
keys PPage NPage
expect "PgDn pages the focused list" "mistralguard (gpt4_label)"
contains "the cursor is on the row a page down" "$(cursor)" "mistralguard (gpt4_label)"
keys S S I
expect "I reverses the sort, and the heading says so" "S sorts: ASR, reversed"
contains "with the arrow pointing down" "$(screen)" "ASR▾"
quit

# Point numbers are the points' places in the input: moving the selection
# renumbers nothing, so a number shown before and after a move stands where
# it stood (the same point's).
# settled OLD: waits (bounded) until the pane differs from OLD and two
# captures in a row agree (a frame drawn whole), then prints it.
settled() {
    i=0 prev=$1
    while [ $i -lt 300 ]; do
        now=$(screen)
        [ "$now" != "$1" ] && [ "$now" = "$prev" ] && { printf '%s\n' "$now"; return 0; }
        prev=$now
        sleep 0.1
        i=$((i + 1))
    done
    printf '%s\n' "$now"
}
# numbers: "ROW:COL:N" for every number the chart's plot shows (right of
# the y axis, above the x axis; a digit inside a name is no number)
numbers() {
    sed -n '3,/└/p' | sed '$d' | cut -c7-66 |
        awk '{ s = " " $0 " "; c = 0
               while (match(s, /[^A-Za-z0-9.%*-][0-9][0-9+,-]*[^A-Za-z0-9.%*-]/)) {
                   print NR ":" c + RSTART ":" substr(s, RSTART + 1, RLENGTH - 2)
                   c += RSTART; s = substr(s, RSTART + 1) } }' | sort -u
}
tm resize-window -t meeting -x 120 -y 40
run "'$P'"
expect "the published points open at 120x40" "Queries/day"
keys [
s1=$(settled "$(screen)")
keys j
s2=$(settled "$s1")
keys j j
s3=$(settled "$s2")
printf '%s\n' "$s1" | numbers >"$work/n1"
printf '%s\n' "$s3" | numbers >"$work/n3"
check "the chart shows numbers" test -s "$work/n1"
check "the selection moved (another point's details)" \
    test "$(printf '%s\n' "$s1" | grep -o 'Details: .*')" != "$(printf '%s\n' "$s3" | grep -o 'Details: .*')"
moved=$(awk -F: 'NR == FNR { at[$3] = $1 ":" $2; next } ($3 in at) && at[$3] != $1 ":" $2 { print $3 }' \
    "$work/n1" "$work/n3")
equals "point numbers unchanged after moving the selection (tmux)" "$moved" ""
quit
tm resize-window -t meeting -x 100 -y 30

# Nothing cut after a number at 80x24 and 70x20.
for size in 80x24 70x20; do
    tm resize-window -t meeting -x "${size%x*}" -y "${size#*x}"
    run --cost-refusal 0.1 --cost-harm 1000
    expect "$size: the built-in scenario opens" "Queries/day"
    keys b j o
    expect "$size: o moves to the optimum" "cost-optimal"
    equals "$size: no number on screen is followed by ... (built-in)" "$(screen | grep -E '[0-9][%,.$]?…')" ""
    quit
    run "'$P'"
    expect "$size: the published points open" "Queries/day"
    keys b j j
    expect "$size: a baseline gives the sentence" "Moving from"
    equals "$size: no number on screen is followed by ... (published)" "$(screen | grep -E '[0-9][%,.$]?…')" ""
    quit
done

tap_done
