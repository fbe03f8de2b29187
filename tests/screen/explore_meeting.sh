#!/bin/sh
# explore_meeting.sh: the explorer as a product lead and a safety lead use it
# in a meeting (issue 16), driven by key scripts: a typed threshold lands on
# the exact measured point of a score file, names that tell the points
# apart, nothing cut after a number, a chart that stays put, the navigation
# of tig and htop (filter, find-next, paging, reverse sort), and data
# without series.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc
S=$DATADIR/chatbot-scores.csv
P=$DATADIR/published-operating-points.csv
X=$DATADIR/xstest
# screens: every screen of $out, one file each in $tmp/s.N (N from 1)
screens() {
    rm -f "$tmp"/s.*
    printf '%s\n' "$out" | awk -v d="$tmp" '/^--- screen/ { n++; next } n { print > (d "/s." n) }'
}
last() { printf '%s\n' "$out" | awk '/^--- screen/ { s = "" } { s = s $0 "\n" } END { printf "%s", s }'; }
# list FILE: the point list's rows below its column heads
# The list's rows (a row ends in its # and two rates), never the status line
# below them, which may name a point the list leaves out.
list() { sed -n '/ Name .*#/,$p' "$1" | sed 1d | grep -E '[0-9]+ +[0-9.]+% +[0-9.?]'; }

# ---- an exact threshold -----------------------------------------------------------
# data/chatbot-scores.csv has the threshold 0.501: 78 of 2,400 benign prompts
# refused (ORR 3.25%), no harmful one answered (ASR 0 of 1,600).
keys "" --threshold 0.5 "$S"
contains "--threshold 0.5 lands on the exact measured point: ORR and its counts" "$out" "ORR 3.25% (78/2,400)"
contains "ASR with its counts" "$out" "ASR 0.00% (0/1,600)"
contains "with its interval" "$out" "Refusals/day"
contains "the daily figures have the point's interval" "$out" "(95%: 260,931-403,346)"
contains "the exact threshold it landed on is named" "$out" "the next measured threshold is 0.501"
contains "and where it is on the curve" "$out" "exact threshold 0.501, step 1,754 of 3,063"
lacks "never a mix" "$out" "mix"
keys "= <C-u> 0.5 <Enter>" "$S"
contains "= on the threshold control types it too" "$out" "ORR 3.25% (78/2,400)"
keys "= <C-u> 0.501 <Enter>" "$S"
contains "a threshold measured as typed says so" "$out" "threshold 0.501, measured"
keys "= <C-u> 2 <Enter> <Dump> <Esc>" "$S"
contains "a threshold above every score says what the highest is" "$out" \
    "expected a threshold up to 0.994, the highest score measured in 'chatbot-scores'"
keys "" "$S"
lacks "nothing is thinned: no note of it" "$err" "shown as"
contains "the title counts the curve's thresholds" "$out" "(a curve of 3,063 thresholds)"
# The curve as `tradeoff sweep` writes it, every threshold a row: the
# steps of the explorer are its rows.
"$T" sweep "$S" >"$tmp/curve.csv"
row_of() { awk -F, -v t="$1" 'NR > 1 && $1 == t { print NR - 1; exit }' "$tmp/curve.csv"; }
next_t=$(awk -F, 'NR > 1 && $1 > 0.501 { print $1; exit }' "$tmp/curve.csv")
equals "0.501 is the 1,754th threshold of the sweep" "$(row_of 0.501)" 1754
keys "l" --threshold 0.5 "$S"
contains "a fine step goes to the next measured threshold" "$out" "exact threshold $next_t, step 1,755 of 3,063"
keys "L" --threshold 0.5 "$S"
at=$(printf '%s\n' "$out" | sed -n 's/.*exact threshold \([0-9.]*\), step \([0-9,]*\) of.*/\1 \2/p' | tail -n 1)
coarse_t=${at% *}
coarse_step=$(printf '%s' "${at#* }" | tr -d ,)
check "a coarse step goes further along the curve" test "${coarse_step:-0}" -gt 1755
equals "to a measured threshold, the sweep's row of that step" "$(row_of "$coarse_t")" "$coarse_step"
lacks "and never proposes a mix" "$out" "a mix"
keys "o" --cost-refusal 0.05 --cost-harm 500 "$S"
contains "o finds the cheapest measured threshold" "$out" "cost-optimal within the consumer policy: measured point"
lacks "not a mix of two thresholds" "$out" "mix:"
keys "b l l" --threshold 0.5 "$S"
contains "a threshold pinned as the baseline stays where it was" "$out" "Moving from chatbot-scores @ 0.501 to chatbot-scores"
keys "" --baseline "chatbot-scores @ 0.501" "$S"
contains "--baseline names a threshold of a curve" "$out" "starting at the baseline, chatbot-scores @ 0.501"
keys "d" --threshold 0.5 "$S"
contains "d: the details of the curve's point" "$out" "an exact curve of 3,063 thresholds, each measured"
contains "with each rate's interval" "$out" "ORR 3.25%: 78 of 2,400 (95% interval"

# ---- names that tell the points apart ---------------------------------------------------
# Three judges of five XSTest files: fifteen points whose names share
# "xstest_v2_labels_"; each row of the list must read differently.
SIZE=100x30 keys "" --preset xstest --judge final_label,gpt4_label,strmatch_label "$X"/*.csv
screens
# names FILE: the list's Name column, between the heads "Name" and "#"
names() {
    awk '/ Name .*#/ { a = index($0, "Name"); b = index($0, "#"); on = 1; next }
         on && length($0) >= b { s = substr($0, a, b - a); sub(/ *[0-9]* *$/, "", s); print s }' "$1"
}
names=$(names "$tmp/s.1")
rows=$(printf '%s\n' "$names" | grep -c .)
check "XSTest, three judges at 100x30: the list shows rows" test "$rows" -ge 8
equals "every visible name differs" "$(printf '%s\n' "$names" | sort -u | grep -c .)" "$rows"
lacks "and none is cut" "$names" "…"
lacks "the shared prefix is left out" "$names" "xstest_v2_labels_"
contains "the judge is kept" "$names" "gpt4 (strmatch_label)"
SIZE=100x30 keys "<S-Tab> <PgDn>" --preset xstest --judge final_label,gpt4_label,strmatch_label "$X"/*.csv
screens
names=$(names "$tmp/s.1")
equals "the next page too: every visible name differs" "$(printf '%s\n' "$names" | sort -u | grep -c .)" \
    "$(printf '%s\n' "$names" | grep -c .)"
SIZE=200x60 keys "" "$P"
screens
contains "at 200x60 the list's names are whole" "$(list "$tmp/s.1")" \
    "GPT-4o (latest version at card time) [OpenAI Standard Refusal Eval (harmful part)]"
# The name column is no wider than the longest name (here 23 characters):
# the numbers stay beside the names on a wide screen.
SIZE=200x60 keys "" --example or-bench
gap=$(printf '%s\n' "$out" | awk '/ Name .*#/ { print index($0, "#") - index($0, "Name"); exit }')
check "at 200x60 the # column follows the longest name, not the screen's edge ($gap)" test "$gap" -le 30
keys "d" "$P"
contains "d shows the full name" "$out" "GPT-4o (launch) [OpenAI Standard Refusal Eval (harmful part)]"
contains "and every attribute, in full" "$out" "source: OpenAI o1 System Card"

# ---- nothing cut after a number --------------------------------------------------------
cut_numbers() { printf '%s\n' "$out" | grep -n -E '[0-9][%,.$]?…' | head -n 5; }
for size in 80x24 70x20; do
    for script in "" "b j" "b j o" "<Tab> = <C-u> 2B <Enter> b j"; do
        SIZE=$size keys "$script" --cost-refusal 0.1 --cost-harm 1000
        equals "$size, built-in, '$script': no number followed by ..." "$(cut_numbers)" ""
        SIZE=$size keys "$script" "$P"
        equals "$size, published points, '$script': no number followed by ..." "$(cut_numbers)" ""
        SIZE=$size keys "$script" --threshold 0.5 "$S"
        equals "$size, chatbot-scores, '$script': no number followed by ..." "$(cut_numbers)" ""
        SIZE=$size keys "$script" --preset xstest --judge final_label,gpt4_label "$X"/*.csv
        equals "$size, XSTest, '$script': no number followed by ..." "$(cut_numbers)" ""
    done
done
SIZE=70x20 keys "<Tab> = <C-u> 2B <Enter>"
contains "70x20: the per-day headline shows its number whole" "$out" "39,960,000"
SIZE=70x20 keys "b j" "$P"
contains "70x20: a sentence too long for the screen says where it is whole" "$out" \
    "(continues: d shows the whole sentence)"
SIZE=70x20 keys "b j d" "$P"
contains "d shows the sentence whole" "$(printf '%s' "$out" | tr '\n' ' ' | tr -s ' ')" \
    "139,860 fewer unnecessary refusals and 2,770 more harmful outputs per day"
SIZE=80x24 keys "<Tab> = <C-u> 1T <Enter> j"
contains "a yearly count in trillions" "$out" "29.2T refusals"
lacks "never thousands of billions" "$out" "000.0B"

# ---- a steady chart --------------------------------------------------------------------
# ticks FILE: the y axis' labels and the x axis' label row of the chart
ticks() {
    w=$(sed -n 2p "$1" | awk '{ print index($0, "─ Controls") - 1 }')
    { sed -n 's/^\([^┤└│≈]*\)[┤└].*/\1/p' "$1"; sed -n '/└/{n;p;}' "$1" | cut -c1-"$w"; } | sed 's/ *$//'
}
for data in "" "$P" "$S"; do
    keys "<Dump> l <Dump> l l <Dump> <Tab> l <Dump>" $data
    screens
    equals "ticks unchanged after l (${data:-built-in})" "$(ticks "$tmp/s.2")" "$(ticks "$tmp/s.1")"
    equals "and after more steps (${data:-built-in})" "$(ticks "$tmp/s.3")" "$(ticks "$tmp/s.1")"
    equals "and after a volume step (${data:-built-in})" "$(ticks "$tmp/s.4")" "$(ticks "$tmp/s.1")"
done
keys "<Dump> b" "$P"
screens
equals "ticks unchanged after pinning a baseline" "$(ticks "$tmp/s.2")" "$(ticks "$tmp/s.1")"
SIZE=80x24 keys "" "$P"
screens
y=$(sed -n 's/^ *\([0-9.]*%\) [┤└].*/\1/p' "$tmp/s.1" | tr '\n' ' ')
equals "published points at 80x24: decades two apart, from 100% down" "$y" "100% 1% 0.01% 0% "

# Point numbers are the points' places in the input: moving the selection
# renumbers nothing. A number that shows before and after a move labels the
# same point, so it stands where it stood.
n=$(awk -F, 'NR > 1 && /Llama-3.1-70B/ { print NR - 1; exit }' "$P")
SIZE=120x40 keys "[ / Llama-3.1-70B <Enter> d" "$P"
contains "Llama-3.1-70B is #$n, its place in the file" "$out" "#$n in the order of the input"
SIZE=120x40 keys "[ <Dump> j <Dump> j j <Dump>" "$P"
screens
# numbers FILE: "ROW:COL:N" for every number the chart's plot shows (right
# of the y axis, above the x axis; a digit inside a name is no number)
numbers() {
    sed -n '3,/└/p' "$1" | sed '$d' | cut -c7-66 |
        awk '{ s = " " $0 " "; c = 0
               while (match(s, /[^A-Za-z0-9.%*-][0-9][0-9+,-]*[^A-Za-z0-9.%*-]/)) {
                   print NR ":" c + RSTART ":" substr(s, RSTART + 1, RLENGTH - 2)
                   c += RSTART; s = substr(s, RSTART + 1) } }' | sort -u
}
numbers "$tmp/s.1" >"$tmp/n1"
numbers "$tmp/s.3" >"$tmp/n3"
check "the chart shows numbers" test -s "$tmp/n1"
moved=$(awk -F: 'NR == FNR { at[$3] = $1 ":" $2; next } ($3 in at) && at[$3] != $1 ":" $2 { print $3 }' "$tmp/n1" "$tmp/n3")
equals "a number on both charts stands where it stood: it is the same point's" "$moved" ""
contains "the legend explains the numbers" "$(cat "$tmp/s.1")" "numbers: list's #"

# ---- navigation --------------------------------------------------------------------
J="--preset xstest --judge final_label,gpt4_label,strmatch_label"
# shellcheck disable=SC2086
keys '\ llama2orig <Enter>' $J "$X"/*.csv
screens
contains "\\ filters the list: its heading says how many of how many" "$(cat "$tmp/s.1")" "3 of 15 points (filter: llama2orig)"
lacks "the others are not listed" "$(list "$tmp/s.1")" "gpt4 ("
contains "and the status line says how to clear it" "$(printf '%s' "$out" | tr '\n' ' ' | tr -s ' ')" "\\ then Enter on an empty line shows all"
# shellcheck disable=SC2086
keys '\ gpt4_label <Enter> \ <C-u> <Enter>' $J "$X"/*.csv
contains "an empty filter shows every point again" "$out" "15 points, S sorts"
# shellcheck disable=SC2086
keys '/ mistral <Enter> <Dump> n <Dump> n N <Dump>' $J "$X"/*.csv
screens
contains "/ finds the first match" "$(grep '▶' "$tmp/s.1")" "mistralguard (final_label)"
contains "n finds the next" "$(grep '▶' "$tmp/s.2")" "mistralguard (gpt4_label)"
contains "N the previous" "$(grep '▶' "$tmp/s.3")" "mistralguard (gpt4_label)"
# shellcheck disable=SC2086
keys 'n' $J "$X"/*.csv
contains "n before any search says what to do" "$out" "no search yet: / finds a point by name"
# shellcheck disable=SC2086
SIZE=100x30 keys '<S-Tab> <Dump> <PgDn> <Dump> <PgDn> <PgUp>' $J "$X"/*.csv
screens
contains "Tab reaches the list" "$(grep '▶' "$tmp/s.1")" "gpt4 (final_label)"
contains "PgDn pages the list when it has the focus" "$(grep '▶' "$tmp/s.2")" "mistralguard (gpt4_label)"
contains "PgUp pages back" "$(grep '▶' "$tmp/s.3")" "llama2new (gpt4_label)"
# shellcheck disable=SC2086
SIZE=100x30 keys '<Tab> <PgDn>' $J "$X"/*.csv
contains "with a control focused PgDn steps it" "$out" "Queries/day  1,000,000"
# shellcheck disable=SC2086
keys 'S S <Home> <Dump> I <Home>' $J "$X"/*.csv
screens
first_asc=$(list "$tmp/s.1" | head -n 1)
first_desc=$(list "$tmp/s.2" | head -n 1)
contains "S S sorts by ASR, lowest first" "$first_asc" " 0.00%"
contains "I reverses it: the highest first" "$first_desc" "92.50%"
contains "the heading says the order" "$(cat "$tmp/s.2")" "S sorts: ASR, reversed"
contains "and its arrow points down" "$(cat "$tmp/s.2")" "ASR▾"
contains "ascending, the arrow points up" "$(cat "$tmp/s.1")" "ASR▴"
keys "<Tab> = x <Enter> <C-u> 1M <Enter>"
lacks "a rejected value's error is gone once a value is accepted" "$(last)" "'x'"

# A threshold of a curve is saved by its exact threshold, and reopens there
# (the baseline too, on the threshold it was pinned at).
cd "$tmp" || exit 1
keys "l l l b l l s <C-u> curve.txt <Enter>" "$S"
contains "a curve's threshold is saved by name and exact threshold" "$(cat curve.txt)" 'point = "chatbot-scores @ 0.0249"'
contains "the baseline too" "$(cat curve.txt)" 'baseline = "chatbot-scores @ 0.016"'
# 100x32: the comparison of two thresholds is paired, and its sentence says
# so in a line more than 100x30 leaves the per-day panel.
SIZE=100x32 keys "" --scenario curve.txt
contains "reopened on that threshold" "$out" "exact threshold 0.0249, step 6 of 3,063"
contains "against that baseline" "$out" "vs baseline ⊕ chatbot-scores @ 0.016"
cd - >/dev/null || exit 1

# ---- data without series ----------------------------------------------------------------
keys "" "$P"
contains "the explorer opens on the first point of the file, and says so" "$(printf '%s' "$out" | tr '\n' ' ' | tr -s ' ')" \
    "starting at GPT-4o (launch) [OpenAI Standard Refusal Eval (harmful part)], the first point of the file"
contains "the threshold control says it moves between points" "$out" "point 1 of 10"
keys "l l" "$P"
contains "a step is the next point, never a mix" "$out" "point 3 of 10"
lacks "no mix between unrelated points" "$out" "a mix"
keys "= <C-u> 0.5 <Enter> <Dump> <Esc>" "$P"
contains "a number is not a threshold here" "$out" "the points without a series have no threshold"

tap_done
