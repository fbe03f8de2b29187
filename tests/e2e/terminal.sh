#!/bin/sh
# terminal.sh: whatever ends the explorer or the practice screen, the
# terminal must come back as it was: echo and line editing (icanon) on, the
# same settings as before, the alternate screen left, the cursor shown,
# mouse reporting off (as tmux itself sees the pane), no screen left, and a
# shell prompt that answers. Driven through a real terminal (tmux): q, ^C
# and ^\ typed at the keyboard, every signal whose default action ends a
# process sent by kill (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM,
# SIGUSR1...), and crashes (SIGSEGV, SIGABRT, SIGBUS...: a fatal error
# inside drawing). Both screens run on the one terminal layer
# (src/term/tui.c), so both get every check.
# Skips cleanly when tmux is missing or the explorer is not interactive.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmux_session=term
. "$TESTDIR/lib/tmux.sh"
type_line() { keys -l "$1"; keys Enter; }

# new_session: a fresh shell in a 100x30 pane (a crash may leave the old
# one's terminal unusable, which is what the crash tests look for). The new
# session starts before the old one is killed: killing the server's last
# session makes the server exit, and a session started at that moment races
# with its shutdown.
sessions=0
new_session() {
    old=$tmux_session
    sessions=$((sessions + 1))
    tmux_session=term$sessions
    tm new-session -d -s "$tmux_session" -x 100 -y 30 -c "$work" "env -u TMUX PS1='$ ' LANG=C.UTF-8 TERM=screen sh" &&
        tm set-option -t "$tmux_session" status off >/dev/null 2>&1 || return 1
    [ "$old" = "$tmux_session" ] || tm kill-session -t "=$old" >/dev/null 2>&1 # "=": exactly, not a prefix
    wait_for '$'
}
new_session || tap_skip_all "tmux cannot start a session with a shell here"

# What runs: the explorer (its marker: a control's label) and then the
# practice screen (its answer line). WHAT names it in the test names.
WHAT=explorer
MARK="Queries/day"
ARGS=""
RUNNING_MOUSE=1

# start [ENV]: records the settings, then runs the program with its pid in
# a file (exec keeps the pid), so the test signals only the process it
# started. ENV (assignments) goes before the command.
start() {
    rm -f "$work/pid" "$work/before" "$work/after" "$work/after-a"
    type_line "clear; ulimit -c 0; stty -g >before; ${1:-} sh -c 'echo \$\$ >pid; exec \"\$0\" \"\$@\"' '$T' $ARGS; echo EXIT=\$?"
    wait_for "$MARK"
}
# modes: what the terminal (tmux) says of the pane: alternate screen,
# cursor shown, and the mouse reporting modes, as "alt=A cursor=C mouse=M".
modes() {
    tm display-message -p -t term \
        'alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}#{mouse_all_flag}'
}
# ended: waits (bounded) for the program's pid to go away.
ended() {
    i=0
    pid=$(cat "$work/pid" 2>/dev/null)
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null
}
# result NAME STATUS DETAIL: a TAP line; with $TODO set, a failure is a
# known bug (TAP "# TODO": an expected failure), named by $TODO.
TODO=""
result() {
    if [ "$2" -eq 0 ]; then tap_ok "$1"
    elif [ -n "$TODO" ]; then
        tap_n=$((tap_n + 1))
        echo "not ok $tap_n - $1 # TODO $TODO"
        printf '#   %s\n' "$3"
    else tap_fail "$1" "$3"; fi
}
# after NAME: the checks after the program ended one way or another.
after() {
    type_line "stty -g >after; stty -a >after-a; echo ALIVE-\$((6*7))"
    wait_for "ALIVE-42" 50
    alive=$?
    result "$1: the shell prompt answers" $alive "$(screen | tail -n 8)"
    i=0
    while [ ! -s "$work/after-a" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    a=$(tr '\n' ' ' <"$work/after-a" 2>/dev/null)
    case " $a " in
    *" -echo "* | *" -icanon "*) st=1 ;;
    *" echo "*) case " $a " in *" icanon "*) st=0 ;; *) st=1 ;; esac ;;
    *) st=1 ;;
    esac
    result "$1: echo and icanon are on" $st "stty -a: $a"
    [ "$(cat "$work/after" 2>/dev/null)" = "$(cat "$work/before" 2>/dev/null)" ]
    result "$1: terminal settings as before" $? "before: $(cat "$work/before" 2>/dev/null) after: $(cat "$work/after" 2>/dev/null)"
    case $(screen) in *"$MARK"*) st=1 ;; *) st=0 ;; esac
    result "$1: no $WHAT screen left behind" $st "$(screen | head -n 5)"
    m=$(modes)
    [ "$m" = "alt=0 cursor=1 mouse=0000" ]
    result "$1: alternate screen left, cursor shown, mouse reporting off" $? "tmux says: $m"
    # A terminal left broken would fail every later check too: the next
    # one gets a fresh shell.
    [ $alive -eq 0 ] || new_session || tap_fail "$1: a new shell after a broken terminal"
}

# by_q: ends the running program with q; first, that the terminal checks
# can fail: while the screen runs, the pane is on the alternate screen with
# the cursor hidden (and mouse reporting on, for the explorer).
by_q() {
    m=$(modes)
    case $m in "alt=1 cursor=0 mouse=$RUNNING_MOUSE"*) st=0 ;; *) st=1 ;; esac
    result "while the $WHAT runs: alternate screen, cursor hidden, mouse reporting as the screen wants" $st "tmux says: $m"
    keys q
    ended && tap_ok "q: the $WHAT ends" || tap_fail "q: the $WHAT ends"
    after "q"
}

# every_other_way: ends the program every other way there is, and checks
# the terminal after each.
every_other_way() {
    # ^C typed at the keyboard: SIGINT through the terminal driver.
    start || tap_fail "^C: the $WHAT opens"
    keys C-c
    ended && tap_ok "^C: the $WHAT ends" || tap_fail "^C: the $WHAT ends"
    after "^C"

    # ^\ typed at the keyboard: SIGQUIT through the terminal driver.
    start || tap_fail "^\\: the $WHAT opens"
    keys 'C-\'
    ended && tap_ok "^\\: the $WHAT ends" || tap_fail "^\\: the $WHAT ends"
    after "^\\"

    # Every signal sent from outside whose default action ends the process
    # (src/base/fatalsig.c): the program restores the terminal, then dies
    # of the signal.
    for sig in TERM HUP INT QUIT PIPE ALRM USR1 USR2 XCPU VTALRM PROF IO PWR RTMIN; do
        start || tap_fail "SIG$sig: the $WHAT opens"
        kill -"$sig" "$(cat "$work/pid")"
        ended && tap_ok "SIG$sig: the $WHAT ends" || tap_fail "SIG$sig: the $WHAT ends"
        after "SIG$sig"
    done

    # A crash inside drawing: the terminal must still be restored (htop and
    # tig restore it from their crash handler before dying). Under
    # AddressSanitizer a SIGSEGV is a sanitizer report, which is not what
    # this test is about: let the signal through as it would be without it.
    for sig in SEGV ABRT BUS FPE ILL SYS TRAP; do
        start "ASAN_OPTIONS=\${ASAN_OPTIONS:-}:handle_segv=0:handle_abort=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0" ||
            tap_fail "SIG$sig: the $WHAT opens"
        kill -"$sig" "$(cat "$work/pid")"
        ended && tap_ok "SIG$sig: the $WHAT ends" || tap_fail "SIG$sig: the $WHAT ends"
        after "SIG$sig (crash)"
        new_session || tap_fail "SIG$sig: a new shell after the crash"
    done
}

if ! start; then
    tap_skip_all "the explorer is not interactive yet (no '$MARK' on screen)"
fi
by_q
every_other_way

# The practice screen runs on the same terminal layer: the same checks.
WHAT="practice screen"
MARK="Answer>"
ARGS="practice --seed 5"
RUNNING_MOUSE=0000
start || tap_fail "q: the $WHAT opens"
by_q
every_other_way

tap_done
