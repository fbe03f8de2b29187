#!/bin/sh
# practice.sh: `tradeoff practice` from the command line: the worksheet is
# the same for a seed (compared with a golden file: any difference fails),
# the line mode judges scripted answers, and bad options are refused.
#
# After an intended change of the exercises' text, refresh the golden file:
#   UPDATE_GOLDEN=1 make check TESTS=tests/cli/practice.sh
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
golden=$TESTDIR/golden/practice/worksheet-seed42.md

run() {
    "$T" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}

# --- the worksheet ---------------------------------------------------------------
run practice --worksheet --format markdown --seed 42 --count 24
equals "markdown worksheet exits 0" "$rc" 0
if [ -n "${UPDATE_GOLDEN:-}" ]; then
    cp "$tmp/out" "$golden"
fi
if cmp -s "$tmp/out" "$golden"; then
    tap_ok "worksheet for seed 42 matches tests/golden/practice/worksheet-seed42.md"
else
    tap_fail "worksheet for seed 42 matches tests/golden/practice/worksheet-seed42.md" \
        "$(diff "$golden" "$tmp/out" | head -n 20)"
fi
cp "$tmp/out" "$tmp/first.md"
run practice --worksheet --format markdown --seed 42 --count 24
check "the same seed prints the same worksheet again" cmp -s "$tmp/out" "$tmp/first.md"
run practice --worksheet --format markdown --seed 43 --count 24
check "another seed prints another worksheet" test "$(cat "$tmp/first.md")" != "$out"

# The questions come before the page break and the answers after it.
before=$(sed '/page-break-after: always/q' "$tmp/first.md")
after=$(sed -n '/page-break-after: always/,$p' "$tmp/first.md")
lacks "no answer before the page break" "$before" "**Answer:"
contains "answers after the page break" "$after" "**Answer: 799,200**"
contains "worked steps are fenced" "$after" '```text'

run practice --worksheet --seed 42 --count 9
equals "text worksheet exits 0" "$rc" 0
check "text worksheet breaks the page with a form feed" grep -q "$(printf '\f')" "$tmp/out"
contains "text worksheet has the answers" "$out" "ANSWERS"

# --count N prints the first N exercises of a longer drill.
first3() { awk '/^1\. /{on=1} on{print} /^Your answer/{if(++n==3) exit}' "$tmp/out"; }
run practice --worksheet --seed 9 --count 3
head3=$(first3)
run practice --worksheet --seed 9 --count 10
equals "--count 3 is the start of --count 10" "$(first3)" "$head3"
contains "three questions were compared" "$head3" "
3. "

run practice --worksheet --kind sample --count 3 --seed 1
contains "--kind sample drills sample sizes" "$out" "How many prompts a claim needs (sample, from the domain text)"
contains "--kind sample varies the question" "$out" "3. How many prompts a claim needs (sample)"
lacks "--kind sample asks nothing else" "$out" "(daily"
contains "the sheet says how to print it again" "$(printf '%s' "$out" | tr '\n' ' ')" \
    "tradeoff practice --seed 1 --kind sample --count 3 --worksheet"

# -o writes the worksheet atomically and prints nothing.
run practice --worksheet --format markdown --seed 42 --count 24 -o "$tmp/sheet.md"
equals "-o exits 0" "$rc" 0
equals "-o prints nothing" "$out" ""
check "-o writes the same worksheet" cmp -s "$tmp/sheet.md" "$tmp/first.md"

# --- the line mode: answers from standard input ------------------------------------
# The right answers are read from the tool's own worksheet, never stored here.
# Seed 2 asks for a sample size, then for a break-even (a number).
"$T" practice --worksheet --seed 2 --count 2 >"$tmp/sheet.txt"
right1=$(sed -n 's/^Answer: \([^ ]*\).*/\1/p' "$tmp/sheet.txt" | sed -n 1p)
printf '%s\nnot a number\n1\n' "$right1" | "$T" practice --seed 2 --count 2 >"$tmp/out" 2>"$tmp/err"
rc=$?
out=$(cat "$tmp/out")
equals "line mode exits 0" "$rc" 0
contains "a right answer is called right" "$out" "RIGHT"
contains "an unreadable answer is asked again" "$out" "could not read 'not a number'"
contains "a wrong answer is called wrong" "$out" "WRONG"
contains "the worked solution follows" "$out" "Break-even = |change in refusals| / |change in harmful|"
contains "what it means for the meeting" "$out" "For the meeting:"
contains "the score at the end" "$out" "Score: 1 of 2 right."
contains "the per-kind summary" "$out" "change     0 of 1   (drill again: --kind change)"

# Answers read from a file are echoed (standard input is not a terminal):
# sanitised, so escape sequences in the file cannot retitle the terminal,
# switch screens or hide the cursor.
printf '\033]0;PWNED\007\033[?1049h\033[?25l42\n\233?25l7\342\200\256x\n' |
    "$T" practice --seed 5 --count 2 >"$tmp/echo" 2>&1
equals "hostile answers: the drill goes on (exit 0)" "$?" 0
contains "the echoed answer is shown, its controls as '?'" "$(cat "$tmp/echo")" "answer> ?]0;PWNED??[?1049h?[?25l42"
if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$tmp/echo" ||
    LC_ALL=C grep -q "$(printf '\302[\200-\237]\|\233\|\342\200\256')" "$tmp/echo"; then
    tap_fail "no control byte, C1 control or bidi override reaches the output" "$(od -c "$tmp/echo" | grep -m 3 '033\|233\|007')"
else
    tap_ok "no control byte, C1 control or bidi override reaches the output"
fi

# A letter that is not on offer is asked again, never scored (seed 3 starts
# with "Which variants pass the policy?", answered with the letters A and B).
printf 'Z\nq\n' | "$T" practice --seed 3 --count 1 >"$tmp/out" 2>&1
contains "a letter not on offer cannot be read" "$(cat "$tmp/out")" "could not read 'Z': expected letters from A to B"
contains "and is not scored" "$(cat "$tmp/out")" "Score: 0 of 0 right."

printf 'q\n' | "$T" practice --seed 5 >"$tmp/out" 2>&1
contains "q stops the drill with a score" "$(cat "$tmp/out")" "Score: 0 of 0 right."
"$T" practice --seed 5 </dev/null >"$tmp/out" 2>&1
equals "end of input stops the drill" "$?" 0

# --- options -------------------------------------------------------------------------
run practice --kind bogus
equals "unknown --kind exits 2" "$rc" 2
contains "unknown --kind lists the kinds" "$err" "--kind 'bogus': expected daily, change, policy"
run practice --count 0
equals "--count 0 exits 2" "$rc" 2
contains "--count says its range" "$err" "--count '0': expected a whole number from 1 to 500"
run practice --seed -3
equals "negative --seed exits 2" "$rc" 2
contains "--seed says what it takes" "$err" "--seed '-3': expected a whole number"
run practice --worksheet --format json
equals "--format json exits 2" "$rc" 2
contains "--format names what practice writes" "$err" "practice writes text or markdown"
run practice --format markdown
equals "markdown without --worksheet exits 2" "$rc" 2
contains "markdown needs --worksheet" "$err" "add --worksheet"
run practice --width 80
equals "--width exits 2 for practice" "$rc" 2
contains "--width names the flag and the command" "$err" "--width does not apply to 'practice'"
run practice some.csv
equals "a file operand exits 2" "$rc" 2
run practice --compare a,b
equals "an option of another command exits 2" "$rc" 2
contains "the option is named" "$err" "--compare does not apply to 'practice'"
run --help
contains "--help lists practice" "$out" "tradeoff practice"
contains "--help lists --worksheet" "$out" "--worksheet"

tap_done
