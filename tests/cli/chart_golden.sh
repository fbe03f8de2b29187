# chart_golden.sh: `tradeoff plot` output compared byte for byte with the
# expected charts in tests/golden/chart/, in ASCII and in braille.
#
# After a deliberate change to the chart, regenerate the expected files and
# review the difference with git before committing:
#   UPDATE_GOLDEN=1 make check TESTS=tests/cli/chart_golden.sh
# (from the build directory; the files are written into the source tree).
. "$TESTDIR/lib/tap.sh"

golden="$TESTDIR/golden/chart"
utf8_locale=
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
    if locale -a 2>/dev/null | grep -qix "$l"; then utf8_locale=$l; break; fi
done

# golden NAME ARGS...: plots in ASCII (C locale) and in braille (a UTF-8
# locale) and compares each with NAME.ascii.txt / NAME.braille.txt.
golden() {
    name=$1; shift
    for mode in ascii braille; do
        want="$golden/$name.$mode.txt"
        if [ "$mode" = braille ] && [ -z "$utf8_locale" ]; then
            tap_ok "$name ($mode) # SKIP no UTF-8 locale"
            continue
        fi
        if [ "$mode" = ascii ]; then
            got=$(LC_ALL=C "$TRADEOFF" plot "$@" 2>/dev/null; echo "exit $?")
        else
            got=$(LC_ALL=$utf8_locale "$TRADEOFF" plot "$@" 2>/dev/null; echo "exit $?")
        fi
        if [ -n "${UPDATE_GOLDEN:-}" ]; then
            printf '%s\n' "$got" >"$want"
            tap_ok "$name ($mode) # regenerated"
            continue
        fi
        if [ ! -f "$want" ]; then
            tap_fail "$name ($mode)" "missing $want (see the top of this file to create it)"
        elif printf '%s\n' "$got" | cmp -s - "$want"; then
            tap_ok "$name ($mode)"
        else
            tap_fail "$name ($mode)" "differs from $want:" \
                "$(printf '%s\n' "$got" | diff "$want" - | head -40)"
        fi
    done
}

golden builtin --width 80 --height 24
golden single --width 60 --height 16 "$golden/single.csv"
golden flat --width 60 --height 16 "$golden/flat.csv"
golden zeros --width 60 --height 16 "$golden/zeros.csv"
golden logscale --width 72 --height 22 "$golden/logscale.csv"
golden tiny --width 20 --height 8
golden wide --width 200 --height 60 "$DATADIR/published-operating-points.csv"
golden costs --width 80 --height 24 --cost-refusal 0.01 --cost-harm 100

# The same chart in both modes: one glyph per column, so equal widths.
# (wc -m counts characters; some awks count bytes)
widths() {
    while IFS= read -r line; do printf '%s' "$line" | wc -m; done
}
a=$(LC_ALL=C "$TRADEOFF" plot --width 50 --height 12 | head -12 | LC_ALL=C widths)
if [ -n "$utf8_locale" ]; then
    b=$(LC_ALL=$utf8_locale "$TRADEOFF" plot --width 50 --height 12 | head -12 | LC_ALL=$utf8_locale widths)
    equals "braille and ASCII lines have the same widths" "$b" "$a"
    out=$(LC_ALL=$utf8_locale "$TRADEOFF" plot --width 80 --height 24)
    lacks "no blank braille glyph" "$out" "⠀"
    out=$(LC_ALL=$utf8_locale "$TRADEOFF" plot --ascii --width 80 --height 24)
    equals "--ascii forces ASCII in a UTF-8 locale" "$(printf '%s' "$out" | LC_ALL=C tr -d '\040-\176\n' | wc -c)" "0"
fi
out=$(LC_ALL=C "$TRADEOFF" plot --width 80 --height 24)
equals "a non-UTF-8 locale gets ASCII" "$(printf '%s' "$out" | LC_ALL=C tr -d '\040-\176\n' | wc -c)" "0"
out=$(LC_ALL=C COLUMNS=64 "$TRADEOFF" plot --height 12 | head -12 | awk '{ if (length($0) > m) m = length($0) } END { print m }')
equals "COLUMNS sets the width when not on a terminal" "$out" "64"
out=$(LC_ALL=C "$TRADEOFF" plot --x-scale log --y-scale linear --width 80 --height 24)
contains "--x-scale log" "$out" "ORR: over-refusal rate (%), log scale"
out=$(LC_ALL=C "$TRADEOFF" plot --x-scale sideways 2>&1)
contains "a bad --x-scale names the flag" "$out" "x-scale"
out=$(LC_ALL=C "$TRADEOFF" plot --no-labels --width 80 --height 24)
contains "--no-labels numbers every point" "$out" "  8  product-ask"
out=$(LC_ALL=C "$TRADEOFF" report)
contains "report includes the chart" "$out" "ORR: over-refusal rate (%)"

tap_done
