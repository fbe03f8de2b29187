#!/bin/sh
# split.sh: `tradeoff sweep` reads a score file in pieces on several cores
# (TRADEOFF_THREADS forces their number) and writes the same bytes as on
# one; --verbose says how the file was read, and nothing is said without it.
# (tests/unit/test_split.c moves the cut over every byte of a file.)
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# rows FIRST COUNT: per-prompt scores, each row as long as the others.
rows() {
    awk -v first="$1" -v n="$2" 'BEGIN {
        for (i = first; i < first + n; i++)
            printf "p%06d,%s,%s,0.%06d\n", i, i % 3 ? "benign" : "harmful", i % 2 ? "fraud" : "hate", (i * 7919) % 1000000
    }'
}
{ echo "id,set,category,score"; rows 0 5000; } >"$tmp/plain.csv"
# CRLF line ends and quoted cells, the rows of plain.csv.
{ echo "id,set,category,score"; rows 0 5000; } | sed 's/,\(fraud\|hate\),/,"\1",/; s/$/\r/' >"$tmp/crlf.csv"
# A quoted cell whose newline is the first after the middle of the rows:
# the cut of two pieces falls just after it.
{
    echo "id,set,category,score"
    rows 0 2000
    printf 'q,harmful,"xxxx\n'
    printf 'p999999,benign,fraud,0.5\nyyyy",0.75\n'
    rows 2000 2000
} >"$tmp/straddle.csv"

for f in plain crlf straddle; do
    TRADEOFF_THREADS=1 "$T" sweep "$tmp/$f.csv" >"$tmp/$f.1" 2>"$tmp/err"
    equals "$f.csv on one core: exit 0" "$?" 0
    for n in 2 3 4 8; do
        TRADEOFF_THREADS=$n "$T" sweep "$tmp/$f.csv" >"$tmp/$f.$n" 2>"$tmp/err"
        check "$f.csv in $n pieces: the same bytes as on one core" cmp "$tmp/$f.1" "$tmp/$f.$n"
        equals "$f.csv in $n pieces: nothing said without --verbose" "$(cat "$tmp/err")" ""
    done
done
cmp_crlf=$(cmp "$tmp/plain.1" "$tmp/crlf.1" >/dev/null 2>&1 && echo same)
equals "CRLF and quoted cells: the curve of the plain file" "$cmp_crlf" same

err=$(TRADEOFF_THREADS=3 "$T" sweep --verbose "$tmp/plain.csv" 2>&1 >/dev/null)
equals "--verbose: the pieces" "$err" "tradeoff: note: $tmp/plain.csv: 5,000 rows read in 3 pieces at once (3 cores)"
err=$(TRADEOFF_THREADS=2 "$T" sweep --verbose "$tmp/straddle.csv" 2>&1 >/dev/null)
contains "--verbose: a quoted field across the cut, read again on one core" "$err" \
    "straddle.csv: read again on one core: a quoted field runs across a line where a piece was cut"
err=$(TRADEOFF_THREADS=4 "$T" report --verbose "$tmp/crlf.csv" 2>&1 >/dev/null)
contains "report --verbose says it too" "$err" "5,000 rows read in 4 pieces at once"
{ echo "id,set,category,score"; rows 0 3000; echo "p3000,harmful,fraud,high"; rows 3001 10; } >"$tmp/bad.csv"
err=$(TRADEOFF_THREADS=2 "$T" sweep --verbose "$tmp/bad.csv" 2>&1 >/dev/null)
equals "a bad row in the second piece: named at its line" "$(printf '%s\n' "$err" | sed 's/ expected.*//')" \
    "tradeoff: $tmp/bad.csv:3002:4: score:"
rm "$tmp/bad.csv"
{ echo "id,set,category,score"; rows 0 3000; echo "p3000,neutral,fraud,0.5"; } >"$tmp/neither.csv"
err=$(TRADEOFF_THREADS=2 "$T" sweep --verbose "$tmp/neither.csv" 2>&1 >/dev/null)
contains "a row in neither set: read row by row, and said" "$err" "neither.csv: 3,001 rows read row by row, on one core"
tap_done
