#!/bin/sh
# readme.sh: every example command of README runs as shown. The command
# lines are taken from README itself (tests/lib/readme-commands.awk: code
# lines and inline `tradeoff ...` spans), run in order in a scratch
# directory where data/ is the shipped data and the files README names as
# the reader's own (classifiers.csv, scores.csv, bins.csv, base.csv,
# cand.csv) are stand-ins; each must exit 0 or 1, never 2 or more. The
# explorer's commands run on a key script that quits (TRADEOFF_KEYS, the
# hook of tests/screen). Templates are not commands: a line with
# [OPTION]..., an upper-case placeholder (FILE, COMMAND, BASELINE.csv) or a
# choice (man|markdown|text), and a bare mention of a command that needs
# files (`tradeoff check`) are skipped, and counted.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
readme=$TESTDIR/../README

awk -f "$TESTDIR/lib/readme-commands.awk" "$readme" >"$tmp/commands"
total=$(wc -l <"$tmp/commands")
check "README has example commands" test "$total" -gt 30

mkdir "$tmp/run"
ln -s "$DATADIR" "$tmp/run/data"
cp "$TESTDIR/data/mapping/classifiers.csv" "$tmp/run/classifiers.csv"
cp "$DATADIR/chatbot-scores.csv" "$tmp/run/scores.csv"
cp "$TESTDIR/data/gate/baseline.csv" "$tmp/run/base.csv"
cp "$TESTDIR/data/gate/candidate-noise.csv" "$tmp/run/cand.csv"
printf 'score_bin_lower,harmful_count,benign_count\n0,40,1200\n0.5,300,150\n0.9,1260,50\n' >"$tmp/run/bins.csv"

skipped=0
ran=0
while IFS= read -r line <&3; do
    case $line in
        *'[OPTION]'* | *'...'* | *[a-z]'|'[a-z]*) skipped=$((skipped + 1)); continue ;;
    esac
    if printf '%s\n' "$line" | grep -Eq ' [A-Z][A-Z_]*(\.csv)?( |$)'; then
        skipped=$((skipped + 1))
        continue
    fi
    case $line in
        'tradeoff sweep' | 'tradeoff check' | 'tradeoff diff' | 'tradeoff judges')
            skipped=$((skipped + 1)); continue ;;
    esac
    cmd=${line%% | *} # "... | lpr": the program's part
    args=${cmd#tradeoff}
    first=$(printf '%s\n' "$args" | awk '{ print $1 }')
    case $first in
        report | check | diff | judges | sweep | plot | practice) keys= ;;
        *) keys=q ;; # the explorer: quit at once
    esac
    ran=$((ran + 1))
    # shellcheck disable=SC2086 # the README's words, quoting and all
    (
        cd "$tmp/run" || exit 99
        if [ -n "$keys" ]; then
            TRADEOFF_KEYS=$keys TRADEOFF_SIZE=100x30
            export TRADEOFF_KEYS TRADEOFF_SIZE
        fi
        eval "\"\$T\" $args"
    ) </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -lt 2 ]; then
        tap_ok "README: $line"
    else
        tap_fail "README: $line" "exit $rc" "$(head -c 600 "$tmp/err")"
    fi
done 3<"$tmp/commands"
echo "# $ran README commands run, $skipped templates skipped"
check "most of README's commands run" test "$ran" -gt "$skipped"

# Every Markdown table in README is whole: a row that does not follow
# another row starts a table, so a |---| line must come under it (a
# paragraph between two rows cut the formats table in two).
broken=$(awk '/^\| / { if (!inrow && getline nxt > 0) { if (nxt !~ /^\|[-| :]+\|$/) print NR ": " substr($0, 1, 40); inrow = (nxt ~ /^\|/); next } inrow = 1; next } { inrow = 0 }' "$TOP_SRCDIR/README")
equals "README's tables are whole (a row outside a table: line)" "$broken" ""

tap_done
