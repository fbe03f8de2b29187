#!/bin/sh
# explore_e2e.sh: the explorer in a real terminal, through tmux (as tmux's own
# regress tests do): send keys, read the pane with capture-pane, and wait for
# a marker on screen with a bounded poll rather than sleeping.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmux_session=e2e
. "$TESTDIR/lib/tmux.sh"
# expect NAME TEXT: one TAP line, waiting for TEXT
expect() {
    if wait_for "$2"; then tap_ok "$1"; else tap_fail "$1" "did not see: $2" "$(screen | head -40)"; fi
}

# A shell in a 100x30 pane; each run records the terminal settings before
# and after, so we can tell whether the explorer put them back.
tm new-session -d -s e2e -x 100 -y 30 -c "$work" "env -u TMUX PS1='$ ' LANG=C.UTF-8 sh" || tap_skip_all "tmux cannot start a session here"
tm set-option -t e2e status off >/dev/null 2>&1
# run ARGS...: starts the explorer in the pane with its pid in a file (exec
# keeps the pid), so that the test waits for and signals only the process it
# started, not another test's.
run() {
    rm -f "$work/pid"
    keys -l "stty -g >before.stty; sh -c 'echo \$\$ >pid; exec \"\$0\" \"\$@\"' '$T' $*; echo \"EXIT=\$?\""
    keys Enter
}
# finish: waits (bounded) for the explorer to end, then records the terminal
# settings in a separate command, as a signal may end the whole command line.
finish() {
    i=0
    pid=$(cat "$work/pid" 2>/dev/null)
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    keys -l "stty -g >after.stty; echo DONE\"\"-MARK"
    keys Enter
}

run
expect "the explorer opens on the built-in scenario" "Queries/day"
keys j
expect "safety-tuned: 799,200 unnecessary refusals a day" "799,200"
keys Tab L
expect "ten times the volume gives ten times the refusals" "7,992,000"
keys H b k
expect "a pinned baseline gives the meeting sentence" "Moving from safety-tuned to baseline"

tm resize-window -t e2e -x 30 -y 8
expect "a 30x8 terminal gets the too-small screen" "terminal too small"
tm resize-window -t e2e -x 100 -y 30
expect "resizing back lays the screen out again" "Queries/day"

keys s
expect "s asks where to save" "save scenario to:"
keys Enter
expect "the scenario is saved, its full path said" "scenario saved to $(cd "$work" && pwd -P)/tradeoff-scenario.txt"
saved=$(screen | head -n 29)  # all but the status line
keys q
finish
expect "q quits" "DONE-MARK"
contains "q exits 0" "$(screen)" "EXIT=0"
lacks "the explorer's screen is gone after q" "$(screen)" "Queries/day"
equals "q leaves the terminal settings as they were" "$(cat "$work/after.stty")" "$(cat "$work/before.stty")"

keys -l clear
keys Enter
run --scenario tradeoff-scenario.txt
expect "--scenario reopens the saved state" "Moving from safety-tuned to baseline"
again=$(screen | head -n 29)
equals "the reopened screen is the saved one" "$again" "$saved"
keys q
finish
expect "q quits again" "DONE-MARK"

# NO_COLOR: attributes only, no colour escape sequences on the screen.
esc=$(printf '\033')
colours() { tm capture-pane -e -p -t e2e | grep -cE "$esc\[[0-9;]*(3[0-7]|4[0-7])m"; }
keys -l clear
keys Enter
run
expect "the explorer opens in colour" "Queries/day"
check "with colours by default" test "$(colours)" -gt 0
keys q
finish
expect "q quits (colour)" "DONE-MARK"
keys -l clear
keys Enter
keys -l "export NO_COLOR=1"
keys Enter
run
expect "the explorer opens with NO_COLOR" "Queries/day"
equals "NO_COLOR: no colour on screen" "$(colours)" 0
keys q
finish
expect "q quits (NO_COLOR)" "DONE-MARK"
keys -l "unset NO_COLOR"
keys Enter

# Keys typed faster than frames: fifty j queued at once on 20,000 points
# are all applied (the explorer draws once for the run, src/term/tui.c) and
# the cursor ends on the 51st row. The over-refusal rate grows with the row,
# so the operating point starts on the first.
awk 'BEGIN { print "name,attack_success_pct,over_refusal_pct"
             for (i = 0; i < 20000; i++) printf "p%05d,%.3f,%.4f\n", i, (i * 7919) % 3000 / 100, i / 500 }' \
    >"$work/many.csv"
keys -l clear
keys Enter
run many.csv
expect "the explorer opens on 20,000 points" "20,000 points"
fifty=$(awk 'BEGIN { for (i = 0; i < 50; i++) printf "j " }')
# shellcheck disable=SC2086 # fifty words, one key each
keys $fifty
expect "fifty queued j end on the 51st row (p00050)" "Per day at p00050"
lacks "and not one row short" "$(screen)" "Per day at p00049"
keys q
finish
expect "q quits (20,000 points)" "DONE-MARK"

# Signals restore the terminal too.
for sig in TERM INT HUP; do
    keys -l clear
    keys Enter
    run
    expect "the explorer opens (for SIG$sig)" "Queries/day"
    pid=$(cat "$work/pid" 2>/dev/null)
    if [ -n "$pid" ]; then
        kill -$sig "$pid"
        finish
        expect "SIG$sig ends the explorer" "DONE-MARK"
        equals "SIG$sig leaves the terminal settings as they were" "$(cat "$work/after.stty")" "$(cat "$work/before.stty")"
        lacks "SIG$sig leaves no explorer screen behind" "$(screen)" "Queries/day"
    else
        tap_fail "SIG$sig: the explorer's pid was recorded"
    fi
done

tap_done
