#!/bin/sh
# hostile.sh: files from strangers. Each hostile input must give either a
# clean result or a clear message naming the file (exit 2) -- never a
# crash, a hang, unbounded memory, or bytes that drive the terminal.
# Every run is under `timeout` (a hang guard, not a speed test) and a memory
# limit (ulimit -v), so a regression fails instead of stalling the suite.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
LIMIT=${HOSTILE_TIMEOUT:-60}
ESC=$(printf '\033')
BEL=$(printf '\007')

# Sanitizer builds reserve terabytes of address space: no -v limit there.
mem_limit() {
    if nm "$T" 2>/dev/null | grep -q __asan_init; then echo unlimited; else echo 4000000; fi
}
VMEM=$(mem_limit)

# run ARGS...: sets $out, $err and $rc (124: timed out).
run() {
    (ulimit -v "$VMEM" 2>/dev/null; exec timeout "$LIMIT" "$T" "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}

# no_terminal_controls NAME FILE: no ESC, BEL, other C0 control (but
# newline) nor C1 control (raw or as UTF-8) in FILE.
no_terminal_controls() {
    if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$2" ||
        LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$2"; then
        tap_fail "$1" "control bytes: $(LC_ALL=C grep -n "$(printf '[\001-\011\013-\037\177]')" "$2" | head -n 3 | od -c | head -n 5)"
    else
        tap_ok "$1"
    fi
}

valid_utf8() {
    if iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then tap_ok "$1"; else tap_fail "$1" "not valid UTF-8"; fi
}

# --- names holding terminal escape sequences ---------------------------------
{
    printf 'name,series,attack_success_pct,over_refusal_pct,notes%s\n' "$ESC[2J"
    printf '%s[2J%s]0;pwned%sclear,s%s[31m,1,2,"note %s[?1049h"\n' "$ESC" "$ESC" "$BEL" "$ESC" "$ESC"
    printf 'c1\302\233 31m,s,0.5,4,\302\2330m\n'
    printf 'bidi\342\200\256txet,s,0.2,6,ok\n'
} >"$tmp/esc.csv"
for fmt in text json; do
    run report --format $fmt "$tmp/esc.csv"
    equals "escape names: report --format $fmt exits 0" "$rc" 0
    no_terminal_controls "escape names: $fmt output has no control characters" "$tmp/out"
    valid_utf8 "escape names: $fmt output is valid UTF-8" "$tmp/out"
done
contains "escape names: the name is kept, made harmless" "$out" '?[2J?]0;pwned?clear'
if "$T" --help 2>/dev/null | grep -q 'tradeoff plot '; then
    run plot "$tmp/esc.csv"
    equals "escape names: plot exits 0" "$rc" 0
    no_terminal_controls "escape names: plot output has no control characters" "$tmp/out"
fi
# ...and in a bad cell, whose text is quoted in the error message.
printf 'name,attack_success_pct,over_refusal_pct\nx,%s[31m5,2\n' "$ESC" >"$tmp/esc-cell.csv"
run report "$tmp/esc-cell.csv"
equals "escape in a bad cell: exits 2" "$rc" 2
contains "escape in a bad cell: file:line:col" "$err" "esc-cell.csv:2:2:"
no_terminal_controls "escape in a bad cell: message has no control characters" "$tmp/err"
# ...and in the file's own name.
evil="$tmp/$(printf 'evil\033[31m.csv')"
printf 'name\n' >"$evil"
run report "$evil"
equals "escape in a file name: exits 2" "$rc" 2
no_terminal_controls "escape in a file name: message has no control characters" "$tmp/err"
contains "escape in a file name: named harmlessly" "$err" "evil?[31m.csv"

# --- invalid UTF-8 -------------------------------------------------------------
printf 'name,attack_success_pct,over_refusal_pct\n\377\376bad,1,2\nover\300\257long,1,3\ncut\342\202,1,4\n' >"$tmp/utf8.csv"
run report --format json "$tmp/utf8.csv"
equals "invalid UTF-8: exits 0" "$rc" 0
valid_utf8 "invalid UTF-8: JSON output is valid UTF-8" "$tmp/out"
contains "invalid UTF-8: bad bytes become U+FFFD" "$out" "$(printf '\357\277\275\357\277\275bad')"

# --- NUL bytes ---------------------------------------------------------------------
printf 'name,attack_success_pct,over_refusal_pct\nnul\000name,1,2\n' >"$tmp/nul.csv"
run report "$tmp/nul.csv"
equals "NUL byte: exits 2" "$rc" 2
contains "NUL byte: says where and why" "$err" "nul.csv:2:4: NUL byte"
run report /dev/zero
equals "/dev/zero: exits 2" "$rc" 2
contains "/dev/zero: stops at the first NUL byte" "$err" "/dev/zero:1:1: NUL byte"
run report --input points /dev/urandom
equals "/dev/urandom: stops with a message" "$rc" 2

# --- a 10 MB single cell, a 20 MB line -----------------------------------------------
{
    printf 'name,attack_success_pct,over_refusal_pct,notes\nbig,1,2,'
    head -c 10000000 /dev/zero | tr '\0' 'n'
    printf '\n'
} >"$tmp/cell.csv"
run report --format json "$tmp/cell.csv"
equals "10 MB cell: exits 0" "$rc" 0
contains "10 MB cell: the point is there" "$out" '"name": "big"'
{
    printf 'name,attack_success_pct,over_refusal_pct,notes\nbig,1,2,'
    head -c 20000000 /dev/zero | tr '\0' 'n'
    printf '\n'
} >"$tmp/line.csv"
run report "$tmp/line.csv"
equals "20 MB line: exits 2" "$rc" 2
contains "20 MB line: says the line is too long" "$err" "line.csv:2: line is longer than 16 MiB"

# --- 100,000 columns ---------------------------------------------------------------------
awk 'BEGIN { printf "name,attack_success_pct,over_refusal_pct"; for (i = 0; i < 100000; i++) printf ",c%d", i; print "" }' >"$tmp/wide.csv"
run report "$tmp/wide.csv"
equals "100,000 columns: exits 2" "$rc" 2
contains "100,000 columns: says why" "$err" "wide.csv:1: more than 10000 columns"
# Just under the limit, with rows: must not take time quadratic in the width.
awk 'BEGIN { printf "name,attack_success_pct,over_refusal_pct"; for (i = 0; i < 9990; i++) printf ",c%d", i; print "";
             for (r = 0; r < 40; r++) { printf "p%d,1,2", r; for (i = 0; i < 9990; i++) printf ",v%d", i; print "" } }' >"$tmp/wide-ok.csv"
run report --format json "$tmp/wide-ok.csv"
equals "9,993 columns x 40 rows: exits 0 (no time-out)" "$rc" 0

# --- FIFO, with and without a writer -----------------------------------------------------
mkfifo "$tmp/fifo"
run report --input points "$tmp/fifo"
equals "FIFO with no writer (--input points): exits 2, no hang" "$rc" 2
contains "FIFO with no writer (--input points): says so" "$err" "named pipe (FIFO) that nothing was written to"
LIMIT=10; run report "$tmp/fifo"; LIMIT=${HOSTILE_TIMEOUT:-60}
equals "FIFO with no writer: exits 2, no hang" "$rc" 2
contains "FIFO with no writer: says so" "$err" "named pipe (FIFO) that nothing was written to"
# A FIFO with a writer (auto-detected input): opened without waiting, then
# read with blocking reads, so the whole table arrives. The writer holds the
# pipe open read-write from before the reader starts (no start-up race).
cp "$DATADIR/chatbot-scores.csv" "$tmp/scores.csv"
run report --format json "$tmp/scores.csv"
# The report names its input: compare with the names made alike.
same_names() { printf '%s\n' "$1" | sed 's/scores-fifo/scores/g; s/scores\.csv/scores/g'; }
want=$(same_names "$out")
mkfifo "$tmp/scores-fifo"
exec 3<>"$tmp/scores-fifo"
cat "$tmp/scores.csv" >&3 &
writer=$!
exec 3>&-
run report --format json "$tmp/scores-fifo"
kill "$writer" 2>/dev/null
equals "FIFO with a writer: exits 0" "$rc" 0
equals "FIFO with a writer: same report as the file" "$(same_names "$out")" "$want"
# A writer that never stops: bounded, with a message (not memory without end).
mkfifo "$tmp/endless"
(
    echo "model,attack_success_pct,over_refusal_pct"
    awk 'BEGIN { for (i = 0; ; i++) printf "m%d,1,2\n", i }' 2>/dev/null
) >"$tmp/endless" 2>/dev/null &
writer=$!
run report --input points --format json "$tmp/endless"
kill "$writer" 2>/dev/null
equals "endless FIFO: stops with exit 2" "$rc" 2
contains "endless FIFO: says why" "$err" "endless"

# --- a file that shrinks while being read --------------------------------------------------
awk 'BEGIN { print "model,attack_success_pct,over_refusal_pct"; for (i = 0; i < 300000; i++) printf "model-%d,1,2\n", i }' >"$tmp/shrink.csv"
(sleep 0.05; : >"$tmp/shrink.csv") &
run report --format json "$tmp/shrink.csv"
wait
case $rc in
0 | 2) tap_ok "shrinking file: a result or a message (exit $rc)" ;;
*) tap_fail "shrinking file: a result or a message" "exit $rc" "$(head -c 500 "$tmp/err")" ;;
esac

# --- numbers ---------------------------------------------------------------------------------
for v in 1e999 -0 0x10 nan inf 1,5; do
    run report --volume "$v"
    equals "--volume $v: exits 2" "$rc" 2
    contains "--volume $v: names the flag" "$err" "--volume '$v'"
done
run report --volume 1,5
contains "--volume 1,5: explains the decimal comma" "$err" "write decimals with a point"
# Numbers at the limits (issue 19): refused at the flag, naming the limit,
# or shown in exponent form, never cut.
run report --volume 1e-300
equals "--volume 1e-300: exits 2" "$rc" 2
contains "--volume 1e-300: the slider's minimum" "$err" \
    "--volume '1e-300': expected at least 1,000 queries per day (the smallest volume tradeoff models)"
run report --cost-refusal 1e300
equals "--cost-refusal 1e300: exits 2" "$rc" 2
contains "--cost-refusal 1e300: names the limit" "$err" "--cost-refusal '1e300': expected a cost of at most 1e15"
run report --cost-refusal 1e15 --cost-harm 1e15 --volume 1e15 --compare baseline,safety-tuned
equals "the largest costs and volume: exits 0" "$rc" 0
contains "a daily cost past 1e15 is shown in exponent form" "$out" '$1.999e28'
contains "and its change too, signed once" "$out" "Change in daily cost                 +\$5.993e28"
printf 'name,attack_success_pct,over_refusal_pct,n_adversarial\np,1,2,1e20\n' >"$tmp/num.csv"
run report "$tmp/num.csv"
contains "a count of 1e20 names the cap" "$err" "num.csv:2:4: n_adversarial: expected at most 1e15 prompts"
run report --format json --cost-harm -0
equals "--cost-harm -0: accepted as zero" "$rc" 0
contains "--cost-harm -0: written as 0, not -0" "$out" '"cost_per_harmful_output": 0,'
for v in 1e999 0x10 nan 1,5; do
    printf 'name,attack_success_pct,over_refusal_pct\np,"%s",2\n' "$v" >"$tmp/num.csv"
    run report "$tmp/num.csv"
    equals "cell $v: exits 2" "$rc" 2
    contains "cell $v: file:line:col and the text" "$err" "num.csv:2:2: attack_success_pct:"
done
contains "cell 1,5: explains the decimal comma" "$err" "write decimals with a point"
printf 'name,attack_success_pct,over_refusal_pct\np,-0,2\n' >"$tmp/num.csv"
run report --format json "$tmp/num.csv"
equals "cell -0: accepted" "$rc" 0
contains "cell -0: written as 0" "$out" '"attack_success_pct": 0,'

# --- thousands of points with the same name ----------------------------------------------------
awk 'BEGIN { print "model,attack_success_pct,over_refusal_pct"; for (i = 0; i < 5000; i++) print "same,1,2" }' >"$tmp/same.csv"
run report --format json "$tmp/same.csv"
equals "5,000 same names: exits 0 (no time-out)" "$rc" 0
names=$(grep '"name": "same' "$tmp/out" | sort | uniq | wc -l)
equals "5,000 same names: 5,000 distinct names" "$names" 5000
contains "5,000 same names: told apart by line" "$out" '"name": "same [line 5001]"'
awk 'BEGIN { print "model,attack_success_pct,over_refusal_pct,run"; for (i = 0; i < 5000; i++) printf "same,1,2,r%d\n", i }' >"$tmp/same-run.csv"
run report --format json "$tmp/same-run.csv"
equals "5,000 same names, a telling column: exits 0" "$rc" 0
contains "5,000 same names, a telling column: named by it" "$out" '"name": "same [r4999]"'
awk 'BEGIN { print "name,attack_success_pct,over_refusal_pct"; for (i = 0; i < 20000; i++) printf "p%d,1,2\n", i }' >"$tmp/many.csv"
run report --format json "$tmp/many.csv"
equals "20,000 distinct names: exits 0 (no time-out)" "$rc" 0
printf 'model,attack_success_pct,over_refusal_pct\nk,1,2\n' >"$tmp/k1.csv"
cp "$tmp/k1.csv" "$tmp/k2.csv"
run report --format json "$tmp/k1.csv" "$tmp/k2.csv"
contains "a name taken by an earlier file: named by the file, one suffix" "$out" '"name": "k [k2.csv]",'
lacks "a name taken by an earlier file: not by a line both files share" "$out" '[line 2]'
run report --format json "$tmp/k1.csv" "$tmp/k2.csv" "$tmp/k2.csv"
contains "a file given twice: its second copy numbered" "$out" '"name": "k [k2.csv #2]",'
# The frontier of many scattered points: bounded memory. Not under the
# sanitizers, which need more time and memory than the guard allows.
if [ "$VMEM" != unlimited ]; then
    awk 'BEGIN { srand(1); print "model,attack_success_pct,over_refusal_pct";
                 for (i = 0; i < 20000; i++) printf "p%d,%.3f,%.3f\n", i, rand() * 10, rand() * 10 }' >"$tmp/scatter.csv"
    VMEM=1000000; run report --format json "$tmp/scatter.csv"; VMEM=4000000
    if [ "$rc" -eq 0 ]; then tap_ok "20,000 scattered points: report within 1 GB"
    else tap_fail "20,000 scattered points: report within 1 GB" "exit $rc"; fi
fi

# --- a scenario file that points to a missing data file -------------------------------------------
if "$T" --help 2>/dev/null | grep -q -- '--scenario'; then
    printf 'tradeoff-scenario = 1\nfile = no-such-data.csv\n' >"$tmp/s.scenario"
    run --scenario "$tmp/s.scenario"
    equals "scenario with a missing data file: exits 2" "$rc" 2
    contains "scenario with a missing data file: names the data file" "$err" "no-such-data.csv"
    no_terminal_controls "scenario with a missing data file: plain message" "$tmp/err"
fi

tap_done
