#!/bin/sh
# explore_files.sh: the explorer on real files as they are (issue 15),
# through key scripts: the warnings of loading on screen (the count on the
# status line, w lists them in full and scrolls, a point's details show
# its own), points named on the command line, scenarios saved by name and
# reopened after the data changed, and an export that never overwrites.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc
P=$DATADIR/published-operating-points.csv
cd "$tmp" || exit 1
here=$(pwd -P)
# the last screen of a dump (a script may <Dump> before it)
last() { printf '%s\n' "$out" | awk '/^--- screen/ { s = "" } { s = s $0 "\n" } END { printf "%s", s }'; }
# The last screen's lines joined, so that a message the status line wraps reads whole.
unwrapped() { last | sed 's/^ *//; s/ *$//' | tr '\n' ' '; }

# ---- warnings ------------------------------------------------------------------------
printf 'model,attack_success_pct,overrefusal\na,1,5\nb,2,3\n' >typo.csv
keys "" typo.csv "$P"
contains "the status line counts the warnings" "$out" "3 warnings (w shows them)"
keys "w" typo.csv "$P"
contains "w lists them" "$out" "Warnings of loading: 3"
contains "in full: the typo and the names accepted" "$out" "1. typo.csv: column 'overrefusal' is not used; did you mean"
contains "in full: every line, not a range" "$out" "(lines 21, 22, 23, 24)"
keys "w q" typo.csv "$P"
lacks "any other key closes the list" "$out" "Warnings of loading"
equals "(and q there only closes it)" "$rc" 0
keys "<Home> d" typo.csv "$P"
contains "a point's details show the warnings about it" "$out" "warning: typo.csv: column 'overrefusal' is"
keys "d" "$P"
lacks "and not those of another file" "$out" "warning: typo.csv"
keys "" "$P"
contains "one warning, one count" "$out" "1 warning (w shows them)"
keys ""
lacks "no warnings: no count" "$out" "warnings (w shows them)"
# A long list scrolls by line and by page.
awk '{ sub(/\r$/, "") } NR == 1 { print $0 ",over_refusal_pct"; next } { print $0 "," }' \
    "$DATADIR/sorry_bench_2024_06_category_fulfillment.csv" >sorry-orr.csv
keys "w" --asr-column fulfillment_rate --rates fraction sorry-orr.csv
first=$(last | sed -n 4p)
contains "a warning of 1,935 lines is listed whole" "$first" "1,935 points (lines 2, 3, 4, 5"
contains "with a sign that more is below" "$out" "more)"
keys "w <PgDn>" --asr-column fulfillment_rate --rates fraction sorry-orr.csv
lacks "PgDn shows the next page" "$(last | sed -n 4p)" "1,935 points (lines 2, 3"
keys "w <PgDn> <PgDn> <Down> <Home>" --asr-column fulfillment_rate --rates fraction sorry-orr.csv
equals "Home returns to the top" "$(last | sed -n 4p)" "$first"
keys "w <End>" --asr-column fulfillment_rate --rates fraction sorry-orr.csv
contains "End shows the last lines" "$out" "1936) without an attack success or over-refusal rate"

# ---- points named on the command line ---------------------------------------------------
keys "" --select 'claude-3-op' "$P"
contains "--select takes a unique prefix" "$out" "Per day at Claude-3-opus (as released)"
keys "" --select 'GPT-4o' "$P"
equals "an ambiguous --select exits 2" "$rc" 2
contains "listing the candidates" "$err" "--select: 'GPT-4o' could be any of "
keys "" --baseline 'Claude-3-opsu' "$P"
equals "an unknown --baseline exits 2" "$rc" 2
contains "offering the closest names" "$err" "--baseline: no point named 'Claude-3-opsu'; did you mean 'Claude-3-opus"

# ---- scenarios by name ---------------------------------------------------------------------
printf 'name,attack_success_pct,over_refusal_pct\nalpha,1.0,9.0\nbeta,2.0,6.0\ngamma,3.0,4.0\ndelta,4.0,2.0\n' >pts.csv
keys "s <C-u> sc.txt <Enter>" --baseline gamma --select beta pts.csv
contains "s saves the scenario, its full path said" "$out" "scenario saved to $here/sc.txt"
saved=$(cat sc.txt)
contains "the operating point by name" "$saved" 'point = "beta"'
contains "the baseline by name" "$saved" 'baseline = "gamma"'
contains "the data file's SHA-256" "$saved" "sha256 = $(sha256sum pts.csv | cut -c1-64)"
# delta, the first point of the series by ORR, goes: every position shifts.
printf 'name,attack_success_pct,over_refusal_pct\nalpha,1.0,9.0\nbeta,2.0,6.0\ngamma,3.0,4.0\n' >pts.csv
keys "" --scenario sc.txt
equals "reopened after a row was removed" "$rc" 0
contains "the baseline is still gamma" "$out" "vs baseline ⊕ gamma"
contains "the operating point still beta" "$out" "Per day at beta"
contains "it says once that the data changed" "$(unwrapped)" "pts.csv changed since the scenario was saved (its SHA-256 differs)"
keys "w" --scenario sc.txt
contains "and keeps the note with the warnings" "$out" "1. $here/pts.csv changed since the scenario was saved"
# gamma goes too: nothing pinned in its stead.
printf 'name,attack_success_pct,over_refusal_pct\nalpha,1.0,9.0\nbeta,2.0,6.0\n' >pts.csv
keys "" --scenario sc.txt
contains "a saved name gone: said" "$(unwrapped)" "the saved baseline 'gamma' is not in the data now: no baseline pinned"
contains "and no other point pinned" "$out" "No baseline yet"
# A scenario of positions (version 1) still opens, with a note.
printf 'tradeoff-scenario = 1\nfile = pts.csv\nseries = "(no series)"\nposition = 1\nbaseline-series = "(no series)"\nbaseline-position = 0\n' >old.txt
keys "" --scenario old.txt
equals "an old scenario of positions opens" "$rc" 0
contains "with a note" "$out" "an older scenario: its points were saved as positions"
contains "its baseline where the position is" "$out" "vs baseline ⊕ beta"

# ---- rows left out, said where the points are -------------------------------------------------
SIZE=200x30 keys "" --where 'name!=alpha' pts.csv
contains "the title line counts the rows --where left out" "$(last | sed -n 2p)" "(1 point; 1 row left out by --where name!=alpha)"
SIZE=200x30 keys "e <Enter>" --where 'name!=alpha' pts.csv
contains "and so does the export" "$(cat tradeoff-report.md)" "1 operating point (1 row left out by --where name!=alpha)"
rm -f tradeoff-report.md

# ---- exports never overwrite ------------------------------------------------------------------
keys "e <Enter>"
contains "e writes tradeoff-report.md, its full path said" "$out" "Markdown report saved to $here/tradeoff-report.md"
keys "e <Dump> <Esc>"
contains "then e proposes a name no file has" "$out" "export Markdown report to: tradeoff-report-2.md"
keys "e <Enter>"
check "and writes it" test -s tradeoff-report-2.md
keys "e <Dump> <Esc>"
contains "then the next" "$out" "export Markdown report to: tradeoff-report-3.md"
printf 'keep me\n' >tradeoff-report.md
keys "e <C-u> tradeoff-report.md <Enter> <Dump> n"
contains "e asks before replacing a file" "$out" "tradeoff-report.md exists: replace it? (y replaces, any other key keeps it)"
contains "any other key keeps it" "$out" "not exported: tradeoff-report.md kept as it was"
equals "untouched" "$(cat tradeoff-report.md)" "keep me"
keys "e <C-u> tradeoff-report.md <Enter> y"
contains "y replaces it" "$out" "Markdown report saved to $here/tradeoff-report.md"
contains "with the report" "$(head -n 1 tradeoff-report.md)" "# Explorer: trade-off at"

tap_done
