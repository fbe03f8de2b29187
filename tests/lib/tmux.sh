# tmux.sh: the harness of the end-to-end tests that drive a program in a
# real terminal through tmux, as tmux's own regress tests do (sourced after
# tap.sh). Set tmux_session to the session's name first. Each test gets its
# own tmux server (socket), killed on exit with the scratch directory $work.
command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
work=$(mktemp -d) || exit 1
sock="tradeoff-${tmux_session:?}-$$"
tm() { tmux -L "$sock" "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT

# start_session COLS ROWS: the test's session, a plain shell in $work with
# no status line; skips every test when tmux cannot start one.
start_session() {
    tm new-session -d -s "$tmux_session" -x "$1" -y "$2" -c "$work" "env -u TMUX PS1='$ ' LANG=C.UTF-8 sh" ||
        tap_skip_all "tmux cannot start a session here"
    tm set-option -t "$tmux_session" status off >/dev/null 2>&1
}

# screen: the pane as text
screen() { tm capture-pane -p -t "$tmux_session" 2>/dev/null; }
keys() { tm send-keys -t "$tmux_session" "$@"; }

# wait_for TEXT [POLLS]: polls the pane until TEXT shows, at most POLLS times
# 0.1 s (default 300: 30 s, generous for a loaded CI machine): a bound, not a
# speed test; never a bare sleep.
wait_for() {
    i=0
    while [ $i -lt "${2:-300}" ]; do
        case $(screen) in *"$1"*) return 0 ;; esac
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
