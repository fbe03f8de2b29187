#!/bin/sh
# practice_e2e.sh: the practice screen through a real terminal (tmux):
# answer one exercise right and one wrong, read both verdicts and the worked
# solution, finish the drill, and see the terminal restored with the score.
# Waits for markers on the screen (bounded polls), never for fixed times.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmux_session=practice
. "$TESTDIR/lib/tmux.sh"

# Each run gets its own tmux server (socket), so a server that is still
# shutting down can never be mistaken for the next one.
runs=0
sock="tradeoff-practice-$$-0"
tmp=$(mktemp -d) || exit 1
cleanup() {
    i=1
    while [ $i -le $runs ]; do
        tmux -L "tradeoff-practice-$$-$i" kill-server >/dev/null 2>&1
        i=$((i + 1))
    done
    rm -rf "$tmp" "$work"
}
trap cleanup EXIT

# shows NAME TEXT: a TAP check that TEXT appears on the screen (at most 30 s).
shows() {
    if wait_for "$2" 300; then tap_ok "$1"; else tap_fail "$1" "not on screen: $2" "$(screen)"; fi
}

# start ARGS...: the program in a 100x30 pane; the shell around it reports its
# exit status (it traps SIGINT, so Ctrl-C ends only the program).
start() {
    open_pane 100 30 "$*"
}

open_pane() { # open_pane COLS ROWS ARGS
    tmux -L "$sock" kill-server >/dev/null 2>&1
    runs=$((runs + 1))
    sock="tradeoff-practice-$$-$runs"
    tmux -L "$sock" -f /dev/null new-session -d -s practice -x "$1" -y "$2" \
        "trap : INT; \"$T\" practice $3; echo \"EXITED rc=\$?\"; sleep 120"
}

# The right answer of the first exercise, from the tool's own worksheet.
# Seed 67 starts with the daily counts, then the break-even (the domain
# text's examples, in an order the seed decides).
"$T" practice --worksheet --seed 67 --count 2 >"$tmp/sheet"
right=$(sed -n 's/^Answer: \([^ ]*\).*/\1/p' "$tmp/sheet" | sed -n 1p)
[ -n "$right" ] || tap_fail "the worksheet gives the first answer" "$(head -n 40 "$tmp/sheet")"

start --seed 67 --count 2
shows "the first exercise and the answer line appear" "Answer>"
shows "the header shows progress and the seed" "1 of 2"
keys "$right" Enter
shows "a right answer is called RIGHT" "RIGHT"
shows "the worked solution follows the verdict" "Worked solution:"
shows "the steps substitute the numbers" "10,000,000 x (1 - 0.10%) x 8.00%"
shows "the score counts it" "score 1/1"
keys Enter
shows "Enter moves to the next exercise" "2 of 2"
shows "the second exercise asks for the break-even" "break-even exchange rate"
keys "five" Enter
shows "an unreadable answer is explained, not scored" "could not read 'five'"
keys C-u "5000" Enter
shows "a wrong answer is called WRONG" "WRONG"
shows "the verdict gives the right answer" "wrong: you said 5000, the answer is 6,660"
shows "the wrong answer gets the worked solution too" "Break-even = |change in refusals|"
keys Enter
shows "the drill ends with the score" "Score: 1 of 2 right."
shows "and a per-kind summary" "(drill again: --kind change)"
keys q
shows "q leaves with exit status 0" "EXITED rc=0"
shows "the score is printed on the restored terminal" "Score: 1 of 2 right."
lacks "the practice screen is gone after q" "$(screen)" "Drill finished."

# q on an empty answer line quits at once; Ctrl-C restores the terminal too.
start --seed 5
shows "a second drill starts" "Answer>"
keys q
shows "q on the answer line quits with status 0" "EXITED rc=0"
start --seed 5
shows "a third drill starts" "Answer>"
keys C-c
shows "Ctrl-C ends the drill (SIGINT)" "EXITED rc=130"
lacks "the practice screen is gone after Ctrl-C" "$(screen)" "Answer>"

# A terminal that is too small gets a message instead of a broken layout.
open_pane 50 12 "--seed 5"
shows "a small terminal is told what is needed" "terminal too small: need 60x16, have 50x12"
keys q
shows "q leaves the small-terminal message" "EXITED rc=0"

tap_done
