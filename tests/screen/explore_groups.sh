#!/bin/sh
# explore_groups.sh: the explorer's measurement groups, driven by key
# scripts (TRADEOFF_KEYS) on the published operating points: the header names
# the current group, [ and ] move between groups and redraw that group's
# frontier, f keeps the list and chart to the group, x hides the other
# groups' dots, o stays within the group, and the comparison with a baseline
# of another group says first that it compares different measurements.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh"
P=$DATADIR/published-operating-points.csv
SIZE=120x40
standard="group 1/6: OpenAI Standard Refusal Eval (harmful part) / "
orbench="group 6/6: OR-Bench-Toxic / OR-Bench-Hard-1K"
# title: the screen's first line (of the last screen dumped)
title() { printf '%s\n' "$out" | grep '^ tradeoff ' | tail -n 1; }
# list: the point list's rows (right of the chart, below its heading)
list() { printf '%s\n' "$out" | sed -n '/S sorts:/,$p'; }

keys "" "$P"
contains "the header names the group of the first point with both rates" "$(title)" "$standard"
lacks "its one Pareto-optimal point draws no frontier line" "$out" "Pareto frontier"
contains "the other groups' points are drawn, dimmed" "$out" "· other groups"

keys "[" "$P"
contains "[ moves to the previous group (wrapping to the last)" "$(title)" "$orbench"
contains "which says so on the status line" "$out" "group 6 of 6: OR-Bench-Toxic / OR-Bench-Hard-1K (32 points)"
contains "and the chart draws that group's frontier" "$out" "Pareto frontier"
contains "and its achievable curve" "$out" "reachable by mixing"
contains "labelled with that group's points" "$out" "Gemma-7b"
keys "] ]" "$P"
contains "] ] moves two groups on" "$(title)" "group 3/6: OpenAI Multimodal Refusal Eval (harmful part)"

keys "[ f" "$P"
contains "f keeps the list to the current group" "$out" "32 of 67 points of this group"
contains "whose points it shows" "$(list)" "Claude-3-opus"
lacks "and no point of another group" "$(list)" "[OpenAI"
lacks "the chart shows no other group's dots" "$out" "· other groups"
keys "[ f f" "$P"
contains "f again shows every group" "$out" "67 points, S sorts"
keys "[ f ]" "$P"
contains "moving on with the list filtered shows the next group's points" "$out" "10 of 67 points of this group"
contains "...the first group's" "$(list)" "[OpenAI Standard"

keys "[ x" "$P"
lacks "x hides the other groups' dots" "$out" "· other groups"
contains "and says so" "$out" "chart: the other groups' points hidden (x shows them)"
contains "the list still shows every group" "$out" "67 points, S sorts"

keys "b ]" "$P"
contains "a baseline of another group: the panel says so first" "$out" "different sets: OpenAI Standard Refusal"
contains "and so does the sentence" "$out" "were measured on different sets or judges"
keys "f b j" "$P"
lacks "within a group the sentence is as ever" "$out" "different sets"
contains "...the sentence" "$out" "Moving from GPT-4o (launch) [OpenAI Standard Refusal Eval (harmful part)] to o1 (launch)"

keys "[ o" --cost-refusal 1 --cost-harm 1000 --policy none "$P"
contains "o finds the optimum of the current group" "$out" \
    "in group 6 (OR-Bench-Toxic / OR-Bench-Hard-1K), cost-optimal within the none policy:"
keys "" --group or-bench "$P"
contains "--group starts in the group it names" "$(title)" "$orbench"
keys "" --group XSTest "$P"
equals "an ambiguous --group exits 2" "$rc" 2
contains "naming the groups it could mean" "$err" "--group: 'XSTest' could be any of 2 groups"

# The saved scenario keeps the group: series of one name in two groups
# reopen where they were, and --group-columns with them.
cd "$tmp" || exit 1
keys "[ s <Enter>" --group-columns adversarial_set "$P"
contains "s saves the scenario, naming its full path" "$out" "scenario saved to $(pwd -P)/tradeoff-scenario.txt"
saved=$(cat "$tmp/tradeoff-scenario.txt")
contains "with the operating point by name" "$saved" "point = \""
contains "and --group-columns" "$saved" "group-columns = \"adversarial_set\""
keys "" --scenario tradeoff-scenario.txt
contains "reopening it returns to that group" "$(title)" "group 6/6: OR-Bench-Toxic │"
cd - >/dev/null || exit 1

keys "]"
contains "one group: ] says so" "$out" "one measurement group: built-in scenario"
lacks "a single group takes no room in the header" "$(title)" "group 1/1"
keys "?"
contains "the help lists the group keys" "$out" "move to the next measurement group"

tap_done
