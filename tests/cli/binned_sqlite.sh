#!/bin/sh
# binned_sqlite.sh: the SQL recipe of README ("Binned counts") run by
# sqlite3 over a per-prompt table gives bins whose curve is the per-prompt
# file's own curve (the scores sit on bin bounds, so nothing is lost).
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
command -v sqlite3 >/dev/null 2>&1 || tap_skip_all "sqlite3 is not installed"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# recipe N: the Nth SQL block of README between "-- binned recipe" markers
recipe() {
    awk -v want="$1" '/-- binned recipe: begin/ { n++; on = (n == want); next }
        /-- binned recipe: end/ { on = 0 } on' "$TOP_SRCDIR/README" | sed 's/^    //'
}
check "README has the recipe" [ -n "$(recipe 1)" ]
check "README has the per-category recipe" [ -n "$(recipe 2)" ]

awk 'BEGIN { print "prompt_set,score,category"; s = 11
    for (i = 0; i < 5000; i++) { s = (s * 69069 + 1) % 4294967296; r = int(s / 65536)
        h = (r % 20 == 0); v = (r % 100) / 100; if (h) v = (99 - (r % 100) * (r % 100) / 100) / 100
        printf "%s,%.2f,%s\n", (h ? "harmful" : "benign"), v, (r % 3 ? "cyber" : "weapons") } }' >"$tmp/prompts.csv"

for n in 1 2; do
    {
        printf '.bail on\nCREATE TABLE prompts (prompt_set TEXT, score REAL, category TEXT);\n'
        printf '.import --csv --skip 1 %s prompts\n.headers on\n.mode csv\n' "$tmp/prompts.csv"
        recipe "$n"
    } >"$tmp/query$n.sql"
    sqlite3 :memory: <"$tmp/query$n.sql" >"$tmp/bins$n.csv" 2>"$tmp/sqlite.err"
    equals "recipe $n runs in sqlite3" "$?" 0
    contains "recipe $n: bins header" "$(head -1 "$tmp/bins$n.csv" | tr -d '\r')" "score_bin_lower,"
    "$T" sweep "$tmp/bins$n.csv" >"$tmp/from_bins$n.csv" 2>"$tmp/err"
    equals "recipe $n: bins load" "$?" 0
done
"$T" sweep "$tmp/prompts.csv" >"$tmp/from_prompts.csv"
equals "per-prompt file sweeps" "$?" 0
equals "bins give the per-prompt curve" "$(cat "$tmp/from_bins1.csv")" "$(cat "$tmp/from_prompts.csv")"
equals "per-category bins give it too" "$(cat "$tmp/from_bins2.csv")" "$(cat "$tmp/from_prompts.csv")"
check "the curve has rows" [ "$(wc -l <"$tmp/from_prompts.csv")" -gt 10 ]

tap_done
