#!/bin/sh
# load_progress.sh: a long file shows a progress line on stderr when stderr
# is a terminal (through script(1)'s pseudo-terminal), and none otherwise.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
command -v script >/dev/null 2>&1 || tap_skip_all "script(1) is not installed"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# 19 MB: above the size below which loading is too quick to need a progress line
{ echo "set,score"; echo "harmful,0.75"; yes 'benign,0.5' | head -n 1700000; } >"$tmp/big.csv"
script -qec "'$T' sweep '$tmp/big.csv' -o '$tmp/curve.csv'" /dev/null >"$tmp/tty.out" 2>&1
equals "sweep on a terminal succeeds" "$?" 0
contains "a progress line on a terminal" "$(cat "$tmp/tty.out")" "loading $tmp/big.csv: 100%"
"$T" sweep "$tmp/big.csv" -o "$tmp/curve2.csv" 2>"$tmp/err"
equals "sweep to a pipe succeeds" "$?" 0
equals "no progress line when stderr is not a terminal" "$(cat "$tmp/err")" ""
script -qec "'$T' report '$tmp/big.csv'" /dev/null >"$tmp/tty2.out" 2>&1
contains "report shows it too" "$(cat "$tmp/tty2.out")" "loading $tmp/big.csv:"
tap_done
