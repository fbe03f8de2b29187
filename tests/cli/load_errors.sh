#!/bin/sh
# load_errors.sh: the corpus of malformed inputs. Each tests/data/bad/NAME.csv
# has NAME.expected, the whole message (FILE standing for the file's path),
# and optionally NAME.flags; each must fail with exit status 2 and exactly
# that message. tests/data/good/ holds files that look odd but must load
# (byte-order mark, CRLF line ends). UPDATE_GOLDEN=1 rewrites each
# NAME.expected from the message the program gives now.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/run.sh"
# run_quiet ARGS...: run, with the warnings left out of $err: each message
# here is the error alone

bad=$TESTDIR/data/bad
for f in "$bad"/*.csv; do
    name=$(basename "$f" .csv)
    flags=
    [ -f "$bad/$name.flags" ] && flags=$(cat "$bad/$name.flags")
    want=$(sed "s|^FILE|tradeoff: $f|" "$bad/$name.expected")
    # shellcheck disable=SC2086 # flags are words
    run_quiet report $flags "$f"
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
        printf '%s\n' "$err" | sed "s|^tradeoff: $f|FILE|" >"$bad/$name.expected"
        want=$err
    fi
    equals "$name: exit status 2" "$rc" 2
    equals "$name: message" "$err" "$want"
    equals "$name: nothing on stdout" "$out" ""
done

# The same messages through `sweep` for the per-prompt score files, which
# take the fast path first and fall back to the reader that counts lines.
for name in scores-not-a-number scores-ragged scores-lone-cr scores-inf header-only-scores binned-negative-count; do
    f=$bad/$name.csv
    run_quiet sweep "$f"
    equals "sweep $name: exit status 2" "$rc" 2
    equals "sweep $name: message" "$err" "$(sed "s|^FILE|tradeoff: $f|" "$bad/$name.expected")"
done

# Counts whose sum passes the cap (issue 19's inputs, which overflowed a
# long long before the sums were checked: UBSan reports it in the
# sanitizer build, and the optimised build said "no bin with a count"):
# refused where the sum passes 1e15, at its line, by report and sweep.
awk 'BEGIN { print "score_bin_lower,harmful_count,benign_count"; for (i = 0; i < 9224; i++) print "0,1e15,0" }' \
    >"$tmp/sum-rows.csv"
awk 'BEGIN { print "score_bin_lower,harmful_count,benign_count"; for (i = 0; i < 10000; i++) print i / 10000 ",999999999999999,1" }' \
    >"$tmp/sum-bins.csv"
for cmd in report sweep; do
    run_quiet $cmd "$tmp/sum-rows.csv"
    equals "$cmd, 9,224 rows of 1e15: exit status 2" "$rc" 2
    equals "$cmd, 9,224 rows of 1e15: the line where the sum passes the cap" "$err" "tradeoff: $tmp/sum-rows.csv:3:2: \
harmful_count: expected counts that add up to at most 1e15 prompts in one file (the most tradeoff counts); with this \
row they add up to more, got '1e15'"
    run_quiet $cmd "$tmp/sum-bins.csv"
    equals "$cmd, 10,000 bins of 999999999999999: exit status 2" "$rc" 2
    contains "$cmd, 10,000 bins of 999999999999999: the line where the sum passes the cap" "$err" \
        "sum-bins.csv:3:2: harmful_count: expected counts that add up to at most 1e15"
done
rm -f "$tmp/sum-rows.csv" "$tmp/sum-bins.csv"

# A line just over the limit that ends a few blocks after the limit was
# reached: the fast path once took it, where the reader that counts lines
# refuses it. Both must refuse it, with the same message.
{
    printf 'score,set,notes\n0.25,benign,x\n0.5,harmful,'
    head -c 16778204 /dev/zero | tr '\0' n
    printf '\n'
} >"$tmp/long-line.csv"
for cmd in sweep report; do
    run_quiet $cmd "$tmp/long-line.csv"
    equals "$cmd, a line over 16 MiB: exit status 2" "$rc" 2
    equals "$cmd, a line over 16 MiB: message" "$err" \
        "tradeoff: $tmp/long-line.csv:3: line is longer than 16 MiB: not a CSV file?"
done
rm -f "$tmp/long-line.csv"

# One rule for the size of an input (issue 19), on sparse files (holes
# read as NUL bytes): a score file over 1 GiB has no limit, so its first bad
# row is named at its line (it was "file is larger than 1024 MiB"), while
# operating points, held whole, stop at 1 GiB with a message that says
# which kinds read more.
printf 'set,score\n' >"$tmp/huge.csv"
if truncate -s 1025M "$tmp/huge.csv" 2>/dev/null; then
    for cmd in sweep report; do
        run_quiet $cmd "$tmp/huge.csv"
        equals "$cmd, a score file over 1 GiB: exit status 2" "$rc" 2
        equals "$cmd, a score file over 1 GiB: its bad row, at its line" "$err" \
            "tradeoff: $tmp/huge.csv:2:1: NUL byte: this looks like a binary file, not CSV text"
    done
    printf 'name,attack_success_pct,over_refusal_pct\n' >"$tmp/huge.csv"
    truncate -s 1025M "$tmp/huge.csv"
    run_quiet report "$tmp/huge.csv"
    equals "operating points over 1 GiB: exit status 2" "$rc" 2
    equals "operating points over 1 GiB: the limit, and what reads more" "$err" "tradeoff: $tmp/huge.csv: file is \
larger than 1024 MiB: operating points are held in memory whole; per-prompt results are read at any size, streamed, \
as per-prompt scores, judged results or binned counts"
else
    tap_n=$((tap_n + 1))
    echo "ok $tap_n - a file over 1 GiB # SKIP no sparse files here"
fi
rm -f "$tmp/huge.csv"

run_quiet report "$tmp/no-such-file.csv"
equals "missing file: exit status 2" "$rc" 2
contains "missing file: named, with the reason" "$err" "no-such-file.csv: cannot open: No such file or directory"
mkdir "$tmp/adir"
run_quiet report "$tmp/adir"
equals "directory: exit status 2" "$rc" 2
contains "directory: says so" "$err" "adir: is a directory, expected a CSV file"
run_quiet sweep "$tmp/adir"
equals "sweep on a directory: exit status 2" "$rc" 2
run_quiet sweep "$DATADIR/builtin-scenario.csv"
equals "sweep on operating points: exit status 2" "$rc" 2
contains "sweep on operating points: says what it needs" "$err" "this looks like operating points, not per-prompt scores or binned counts"

good=$TESTDIR/data/good
for f in "$good"/*.csv; do
    name=$(basename "$f" .csv)
    run_quiet report --format json "$f"
    equals "$name: loads" "$rc" 0
    contains "$name: both rows read" "$out" '"benign_refused"'
done
run_quiet report --format json "$good/bom.csv"
contains "bom: first column is the name" "$out" '"name": "a"'
run_quiet report --format json "$good/crlf.csv"
contains "crlf: no carriage return in names" "$out" '"name": "b"'
run_quiet sweep "$good/scores-crlf.csv"
equals "crlf scores: the curve" "$out" "threshold,attack_success_pct,over_refusal_pct,n_adversarial,attack_successes,n_benign,benign_refused
0.25,0,100,1,0,1,1
0.5,0,0,1,0,1,0"

tap_done
