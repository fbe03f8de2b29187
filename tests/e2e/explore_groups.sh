#!/bin/sh
# explore_groups.sh: the explorer's measurement groups in a real terminal,
# through tmux, on the published operating points: the header names the
# group, ] and [ move between groups and redraw that group's frontier, f
# shows only that group's points. Waits for markers on screen (a bounded
# poll), never sleeps.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
P=$DATADIR/published-operating-points.csv
tmux_session=groups
. "$TESTDIR/lib/tmux.sh"
expect() {
    if wait_for "$2"; then tap_ok "$1"; else tap_fail "$1" "did not see: $2" "$(screen | head -40)"; fi
}
# the pane's first line, and the point list's rows (below its heading)
title() { screen | head -n 1; }
list() { screen | sed -n '/S sorts:/,$p'; }

tm new-session -d -s groups -x 120 -y 40 -c "$work" "env -u TMUX PS1='$ ' LANG=C.UTF-8 sh" ||
    tap_skip_all "tmux cannot start a session here"
tm set-option -t groups status off >/dev/null 2>&1
keys -l "sh -c 'echo \$\$ >pid; exec \"\$0\" \"\$@\"' '$T' '$P'; echo \"EXIT=\$?\""
keys Enter

expect "the explorer opens on the published points" "Queries/day"
contains "the header names the group" "$(title)" "group 1/6: OpenAI Standard Refusal Eval (harmful part)"
lacks "whose one Pareto-optimal point draws no frontier line" "$(screen)" "Pareto frontier"
keys ]
expect "] moves to the next group, named in the header" "group 2/6: OpenAI Challenging Refusal Eval"
keys [ [
expect "[ [ moves back past the first to the last group" "group 6/6: OR-Bench-Toxic / OR-Bench-Hard-1K"
expect "and the chart redraws that group's frontier" "Pareto frontier"
expect "with its achievable curve" "reachable by mixing"
keys f
expect "f keeps the list to the group" "32 of 67 points of this group"
lacks "f: no point of another group in the list" "$(list)" "[OpenAI"
contains "f: the group's points are" "$(list)" "(as released)"
lacks "f: nor on the chart" "$(screen)" "other groups"
keys f
expect "f again shows every group" "67 points, S sorts"
keys q
expect "q quits" "EXIT=0"
pid=$(cat "$work/pid" 2>/dev/null)
i=0
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
lacks "the explorer's screen is gone after q" "$(screen)" "Queries/day"

tap_done
