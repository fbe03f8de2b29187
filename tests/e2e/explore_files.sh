#!/bin/sh
# explore_files.sh: real files in a real terminal, through tmux (issue 15):
# the warnings of loading stay on screen (their count on the status line,
# w lists them), and a scenario saved and reopened after rows were removed
# keeps its baseline by name. Waits for markers on screen (a bounded poll),
# never sleeps.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
P=$DATADIR/published-operating-points.csv
tmux_session=files
. "$TESTDIR/lib/tmux.sh"
expect() {
    if wait_for "$2"; then tap_ok "$1"; else tap_fail "$1" "did not see: $2" "$(screen | head -40)"; fi
}
tm new-session -d -s files -x 100 -y 30 -c "$work" "env -u TMUX PS1='$ ' LANG=C.UTF-8 sh" ||
    tap_skip_all "tmux cannot start a session here"
tm set-option -t files status off >/dev/null 2>&1
# run ARGS...: the explorer in the pane, its exit status shown after it.
run() {
    keys -l "'$T' $*; echo \"EXIT=\$?\""
    keys Enter
}
quit() {
    keys q
    expect "$1" "EXIT=0"
    keys -l clear
    keys Enter
}

# Warnings: a typo'd header and rows without a rate.
printf 'model,attack_success_pct,overrefusal\na,1,5\nb,2,3\n' >"$work/typo.csv"
run typo.csv "'$P'"
expect "the explorer opens on files with warnings" "Queries/day"
expect "the status line counts them" "3 warnings (w shows them)"
keys w
expect "w lists them" "Warnings of loading: 3"
expect "in full: the ignored column and the name it looks like" "column 'overrefusal' is not used; did you mean"
expect "the rows without a rate, every line" "(lines 21, 22, 23, 24)"
keys x
expect "a key closes the list" "3 warnings (w shows them)"
quit "q quits"

# A scenario saved with a baseline, reopened after rows were removed.
printf 'name,attack_success_pct,over_refusal_pct\nalpha,1.0,9.0\nbeta,2.0,6.0\ngamma,3.0,4.0\ndelta,4.0,2.0\n' >"$work/pts.csv"
run --baseline gamma --select beta pts.csv
expect "the explorer opens with gamma pinned" "vs baseline ⊕ gamma"
keys s
expect "s asks where to save" "save scenario to:"
keys Enter
expect "the scenario is saved" "scenario saved to "
quit "q quits after saving"
contains "the baseline is saved by name" "$(cat "$work/tradeoff-scenario.txt")" 'baseline = "gamma"'
printf 'name,attack_success_pct,over_refusal_pct\nalpha,1.0,9.0\nbeta,2.0,6.0\ngamma,3.0,4.0\n' >"$work/pts.csv"
run --scenario tradeoff-scenario.txt
expect "reopened after a row was removed" "Queries/day"
expect "the baseline is still gamma" "vs baseline ⊕ gamma"
expect "and the change in the data is said" "changed since the scenario was saved"
quit "q quits the reopened scenario"

tap_done
