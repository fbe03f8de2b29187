#!/bin/sh
# practice_keys.sh: the practice screen driven by key scripts (TRADEOFF_KEYS)
# with its screens dumped as text, as the explorer's are (explore_keys.sh):
# a right answer, a wrong one, an unreadable one asked again, quitting, and
# a resize. No terminal needed.
. "$TESTDIR/lib/tap.sh"
# keys SCRIPT [ARGS...]: a two-exercise drill (seed 67: the daily counts,
# then the break-even) on SCRIPT; sets $out, $err, $rc
SCREEN_COMMAND="practice --seed 67 --count 2"
. "$TESTDIR/lib/screen.sh"
# last: the last screen dumped
last() { printf '%s\n' "$out" | awk '/^--- screen/ { s = "" } { s = s $0 "\n" } END { printf "%s", s }'; }

# The answers, from the tool's own worksheet: not written into the test.
"$T" practice --worksheet --seed 67 --count 2 >"$tmp/sheet"
right=$(sed -n 's/^Answer: \([^ ]*\).*/\1/p' "$tmp/sheet" | sed -n 1p)
second=$(sed -n 's/^Answer: \([^ ]*\).*/\1/p' "$tmp/sheet" | sed -n 2p)
[ -n "$right" ] && [ -n "$second" ] || tap_fail "the worksheet gives both answers" "$(head -n 40 "$tmp/sheet")"

keys ""
equals "a key script runs the practice screen without a terminal" "$rc" 0
contains "the first exercise shows with the answer line" "$out" "Answer> "
contains "the header shows progress, score and seed" "$out" "1 of 2"
contains "and the seed to repeat it" "$out" "seed 67"
contains "the status line's hints come from the action table" "$out" "Enter check"

keys "$right <Enter>"
contains "a right answer is called RIGHT" "$(last)" "RIGHT"
contains "the worked solution follows the verdict" "$(last)" "Worked solution:"
contains "the score counts it" "$(last)" "score 1/1"

keys "$right <Enter> <Enter> five <Enter>"
contains "an unreadable answer is explained" "$(last)" "could not read 'five'"
contains "and asked again (not scored)" "$(last)" "score 1/1"
contains "the typed text stays to be corrected" "$(last)" "Answer> five"
keys "$right <Enter> <Enter> five <Enter> <C-u> 5000 <Enter>"
contains "Ctrl-U clears the line; a wrong answer is called WRONG" "$(last)" "WRONG"
contains "the verdict gives the right answer" "$(last)" "the answer is $second"
contains "the wrong answer is scored" "$(last)" "score 1/2"
keys "$right <Enter> <Enter> 5001<BS><BS>00 <Enter>"
contains "Backspace edits the answer" "$(last)" "you said 5000"

keys "$right <Enter> <Enter> 5000 <Enter> <Enter>"
contains "the drill ends with the score" "$(last)" "Score: 1 of 2 right."
contains "and a per-kind summary" "$(last)" "(drill again: --kind change)"

keys "<F1>"
contains "a key that does nothing says so" "$(last)" "key F1 does nothing here"
keys "$right <Enter> <F1>"
contains "after the verdict too, with the keys that work" "$(last)" "key F1 does nothing here: Enter goes on"

# Quitting.
keys "q 1 2 3"
equals "q on the empty answer line quits with status 0" "$rc" 0
contains "the drill stops where it was" "$(last)" "Drill finished."
lacks "keys after q are not read" "$(last)" "Answer> 123"
keys "1q <Enter>"
contains "q on a line with text is typed, not a quit" "$(last)" "could not read '1q'"
keys "<F10>"
contains "F10 quits from anywhere" "$(last)" "Drill finished."

# Resizing: a small screen gets a message, a larger one the layout back.
SIZE=50x12 keys ""
contains "a small screen says it is too small" "$out" "terminal too small: need 60x16, have 50x12"
keys "<Resize:50x12> $right <Enter> <Dump> <Resize:100x30>"
contains "typing on the small screen is ignored" "$(last)" "Answer> █"
lacks "and answers nothing" "$(last)" "RIGHT"
SIZE=50x12 keys "q"
contains "q quits from the small screen" "$(last)" "terminal too small"
equals "with status 0" "$rc" 0
keys "<Resize:120x40> $right <Enter> <Enter>"
contains "at 120 columns the exercise's chart shows beside the text" "$(last)" "ASR: attack success rate"
SIZE=80x24 keys "$right <Enter> <Enter>"
contains "at 80x24 the chart shows too, narrower" "$(last)" "ASR %"
contains "and the score stays in the header" "$(last)" "score 1/1"

keys "" --ascii
lacks "--ascii draws no block cursor" "$out" "█"
contains "but an ASCII one" "$out" "Answer> _"

# The hook's errors, as the explorer's.
keys "<Bogus>"
equals "a bad key script exits 2" "$rc" 2
contains "naming the script column" "$err" "TRADEOFF_KEYS:1: unknown key <Bogus>"
keys "<Click:3,3>"
equals "a click on the practice screen is refused" "$rc" 2
contains "saying it takes no clicks" "$err" "takes no mouse clicks"
TRADEOFF_KEYS="" TRADEOFF_SIZE=huge "$T" practice --seed 5 >/dev/null 2>"$tmp/err"
equals "a bad TRADEOFF_SIZE exits 2" "$?" 2
contains "and says what it expects" "$(cat "$tmp/err")" "TRADEOFF_SIZE 'huge': expected WIDTHxHEIGHT"
TRADEOFF_KEYS="$right<Enter>" TRADEOFF_DUMP="$tmp/dump.txt" "$T" practice --seed 67 >/dev/null 2>&1
contains "TRADEOFF_DUMP receives the screens" "$(cat "$tmp/dump.txt")" "RIGHT"

# The answer line shows what is typed through the one sanitiser: a bidi
# override (which reorders what the terminal shows) becomes '?'.
keys "12$(printf '\342\200\256')34"
contains "a typed bidi override shows as '?'" "$(last)" "Answer> 12?34"
lacks "and never reaches the screen" "$out" "$(printf '\342\200\256')"

# Without the hook and without a terminal, practice stays in its line mode.
printf '%s\nq\n' "$right" | "$T" practice --seed 67 --count 2 >"$tmp/plain" 2>&1
contains "standard input not a terminal: the line mode" "$(cat "$tmp/plain")" "answer> $right"

tap_done
