#!/bin/sh
# plot_size.sh: `tradeoff plot --width W --height H` keeps its whole output,
# chart and key, within W columns and H lines, on every shipped example
# (and the published operating points): the key wraps within the width and,
# when it does not fit, ends with a line saying how many more there are;
# --no-key leaves it out.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
LANG=C.UTF-8; export LANG
unset LC_ALL

# width FILE: the widest line in columns (characters, not bytes)
width() { wc -L <"$1" | tr -d ' '; }
lines() { wc -l <"$1" | tr -d ' '; }

set -- $("$T" --list-examples | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
[ $# -ge 5 ] || tap_fail "--list-examples lists the shipped examples" "$("$T" --list-examples)"
for example in "$@" published; do
    for size in 80x24 20x8 40x12; do
        w=${size%x*}
        h=${size#*x}
        if [ "$example" = published ]; then
            "$T" plot --width "$w" --height "$h" "$DATADIR/published-operating-points.csv" >"$tmp/out" 2>/dev/null
        else
            "$T" plot --width "$w" --height "$h" --example "$example" >"$tmp/out" 2>/dev/null
        fi
        check "$example at $size: exit 0" test $? -eq 0
        check "$example at $size: at most $w columns ($(width "$tmp/out"))" test "$(width "$tmp/out")" -le "$w"
        check "$example at $size: at most $h lines ($(lines "$tmp/out"))" test "$(lines "$tmp/out")" -le "$h"
    done
done

# A key too long for the height ends with a note; the whole key at a size
# where it fits; --no-key none at all.
"$T" plot --width 80 --height 24 "$DATADIR/published-operating-points.csv" >"$tmp/short" 2>/dev/null
contains "a key cut short says how many lines more" "$(cat "$tmp/short")" "more lines of the key: \`tradeoff report\` lists every point)"
"$T" plot --width 100 --height 200 "$DATADIR/published-operating-points.csv" >"$tmp/long" 2>/dev/null
lacks "with room, the whole key and no note" "$(cat "$tmp/long")" "more lines of the key"
contains "the key names the numbered points in full" "$(cat "$tmp/long")" \
    "GPT-4o (launch) [OpenAI Standard Refusal Eval (harmful part)]"
check "wrapped within 100 columns" test "$(width "$tmp/long")" -le 100
"$T" plot --width 80 --height 24 --no-key "$DATADIR/published-operating-points.csv" >"$tmp/nokey" 2>/dev/null
lacks "--no-key: no key" "$(cat "$tmp/nokey")" "(ORR "
equals "--no-key: the chart takes the whole height" "$(lines "$tmp/nokey")" 24
"$T" plot --width 80 --height 24 --no-key --example builtin >"$tmp/b1" 2>/dev/null
"$T" plot --width 80 --height 24 --example builtin >"$tmp/b2" 2>/dev/null
check "--no-key changes what the builtin's plot prints" test "$(cat "$tmp/b1")" != "$(cat "$tmp/b2")"

tap_done
