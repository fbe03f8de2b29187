#!/bin/sh
# options.sh: every option of every command either does something there or
# is refused. The options come from the program itself: `tradeoff --help`
# lists them all, `tradeoff COMMAND --help` those COMMAND accepts, so a new
# option cannot escape this walk. For each (command, option) pair:
#   accepted: the table below gives a value and an input that shows the
#     option's effect. The command runs twice without the option (the two
#     results must be equal, so that a difference means something) and once
#     with it; exit status and standard output must differ. The screens run
#     on their key-script hook (TRADEOFF_KEYS). Effects only a terminal shows
#     (colour, the mouse) are read from a real terminal in tmux: a probe
#     names what it saw, and the two probes must differ.
#   refused: exit 2, and a message naming the option and the command.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
if command -v tmux >/dev/null 2>&1; then
    tmux_session=options
    . "$TESTDIR/lib/tmux.sh"
    tmp=$work
else
    tmp=$(mktemp -d) || exit 1
    trap 'rm -rf "$tmp"' EXIT
fi
F=$tmp/in
mkdir "$F" || exit 1
G=$TESTDIR/data/gate
TRADEOFF_DATADIR=$DATADIR
COLUMNS=80 LINES=25
export TRADEOFF_DATADIR COLUMNS LINES
unset TRADEOFF_DUMP TRADEOFF_KEYS TRADEOFF_SIZE
utf8=
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
    if locale -a 2>/dev/null | grep -qix "$l"; then utf8=$l; break; fi
done

# ---- inputs that show an option's effect --------------------------------------

# Judged results: the set column `set` and the verdict column `verdict` are
# found by default; `grp` and `verdict2` say otherwise; `risky`, `fine`,
# `answered` and `declined` are words only a mapping flag makes count.
cat >"$F/judged.csv" <<'EOF'
id,set,grp,verdict,verdict2
1,harmful,harmful,complied,refused
2,harmful,benign,refused,refused
3,harmful,harmful,complied,complied
4,benign,benign,refused,complied
5,benign,harmful,complied,complied
6,benign,benign,complied,refused
7,risky,benign,complied,complied
8,fine,benign,refused,complied
9,harmful,harmful,answered,complied
10,benign,benign,declined,complied
EOF
# The same prompts judged again (diff pairs them by id with judged.csv).
cat >"$F/judged-b.csv" <<'EOF'
id,set,grp,verdict,verdict2
1,harmful,harmful,refused,refused
2,harmful,benign,complied,complied
3,harmful,harmful,complied,refused
4,benign,benign,complied,refused
5,benign,harmful,refused,complied
6,benign,benign,complied,complied
7,risky,benign,refused,complied
8,fine,benign,complied,complied
9,harmful,harmful,refused,answered
10,benign,benign,complied,declined
EOF
# Two ways to identify the prompts: `alt` pairs other rows than `id`.
printf 'id,alt,set,verdict\n1,a,harmful,refused\n2,b,harmful,complied\n3,c,benign,refused\n4,d,benign,complied\n' >"$F/pair-a.csv"
printf 'id,alt,set,verdict\n1,b,harmful,refused\n2,a,harmful,complied\n3,d,benign,refused\n4,c,benign,complied\n' >"$F/pair-b.csv"
# XSTest's columns with two judges and a score file's: scores unless --preset.
cat >"$F/xstest-judges-scores.csv" <<'EOF'
id,prompt_label,final_label,gpt4_label,set,score
1,unsafe,1_full_compliance,2_full_refusal,harmful,0.9
2,safe,2_full_refusal,2_full_refusal,benign,0.2
3,unsafe,2_full_refusal,2_full_refusal,harmful,0.5
4,safe,1_full_compliance,2_full_refusal,benign,0.4
EOF
# Per-prompt scores with the same set columns.
cat >"$F/scores.csv" <<'EOF'
id,set,grp,score
1,harmful,harmful,0.9
2,harmful,benign,0.2
3,harmful,harmful,0.7
4,benign,benign,0.6
5,benign,harmful,0.3
6,benign,benign,0.1
7,risky,benign,0.5
8,fine,benign,0.8
EOF
# Binned counts (detected by their bin column) that also read as scores.
cat >"$F/bins.csv" <<'EOF'
score_bin_lower,harmful_count,benign_count,score,set
0.1,5,1,0.3,harmful
0.5,2,6,0.8,benign
EOF
# An operating point whose `verdict` column makes it look judged.
printf 'name,verdict,attack_success_pct,over_refusal_pct\np,fine,5,1\n' >"$F/verdict-point.csv"
# Rates without counts: a sample size makes them counts (0.5% of 200 is 1,
# 8.4% of 250 is 21).
printf 'name,attack_success_pct,over_refusal_pct\np,0.5,8.4\n' >"$F/rates.csv"
# A point named only by its knob.
printf 'k,attack_success_pct,over_refusal_pct\n0.1,5,1\n' >"$F/knob.csv"
# XSTest's columns and a score file's: per-prompt scores unless --preset.
cat >"$F/xstest-scores.csv" <<'EOF'
id,prompt_label,final_label,set,score
1,unsafe,1_full_compliance,harmful,0.9
2,safe,2_full_refusal,benign,0.2
3,unsafe,2_full_refusal,harmful,0.5
4,safe,1_full_compliance,benign,0.4
EOF
printf 'tradeoff-scenario = 1\nvolume = 5000000\n' >"$F/scenario.txt"
# Columns the mapping flags read instead of the accepted names; small rates
# that --rates fraction reads as fractions; a long table of one model in
# two categories; two points that --where tells apart.
printf 'name,asr_pct,other_asr,orr_pct,other_orr,family\np,5,7,1,3,fam\n' >"$F/mapped.csv"
printf 'name,attack_success_pct,over_refusal_pct\np,0.5,0.25\n' >"$F/small.csv"
printf 'model,cat,attack_success_pct,over_refusal_pct\nm,a,10,1\nm,b,20,1\n' >"$F/long.csv"
printf 'name,attack_success_pct,over_refusal_pct\np,5,1\nq,6,2\n' >"$F/two.csv"
# Points of two benchmarks (measurement groups), and a baseline and a
# candidate each measured on one of them.
printf 'name,benchmark,attack_success_pct,over_refusal_pct\na,X,1,10\nb,Y,5,2\nc,X,2,20\nd,Y,8,1\n' >"$F/groups.csv"
printf 'name,benchmark,attack_success_pct,over_refusal_pct\nbase,X,1,10\n' >"$F/group-x.csv"
printf 'name,benchmark,attack_success_pct,over_refusal_pct\ncand,Y,1,10\n' >"$F/group-y.csv"
xstest=$DATADIR/xstest/xstest_v2_labels_gpt4.csv
sweep=$DATADIR/chatbot-threshold-sweep.csv
# Two points of judged.csv (its two verdict columns), for diff --compare.
pair='judged (verdict),judged (verdict2)'

# ---- the table -------------------------------------------------------------------
# option  value  commands  how  arguments
#   value: "-" for an option without one; "A|B" runs the base with B.
#   how:   run (C locale), utf8 (a UTF-8 locale), err (standard error too:
#          an option whose effect is a message), or tty:PROBE (a terminal).
#   arguments: evaluated by the shell; the base run has them alone. A
#     single file for check is both its baseline and its candidate.
table() {
    cat <<'EOF'
example         or-bench           explore,report,plot      run
list-examples   -                  explore,report,plot      run
input           points             explore,report,plot,check run  $F/verdict-point.csv
input           scores             sweep                    run   $F/bins.csv
knob-column     k                  explore,report,plot,check run  $F/knob.csv
group-columns   none               explore,report,plot      run   $F/groups.csv
group-columns   none               check                    run   $F/group-x.csv $F/group-y.csv
preset          xstest             explore,report,plot,check run  $F/xstest-scores.csv
preset          xstest             diff                     run   $F/xstest-scores.csv $F/xstest-scores.csv
preset          xstest             judges                   run   $F/xstest-judges-scores.csv
judge           gpt4_label         explore,report,plot,check run  $xstest
judge           gpt4_label         diff                     run   $xstest $xstest
judge           final_label,gpt4_label judges               run   $xstest
set-column      grp                explore,report,plot,check run  $F/judged.csv
set-column      grp                diff                     run   $F/judged.csv $F/judged-b.csv
set-column      grp                judges                   run   --verdict-column verdict,verdict2 $F/judged.csv
set-column      grp                sweep                    run   $F/scores.csv
harmful-values  harmful,risky      explore,report,plot,check run  $F/judged.csv
harmful-values  harmful,risky      diff                     run   $F/judged.csv $F/judged-b.csv
harmful-values  harmful,risky      judges                   run   --verdict-column verdict,verdict2 $F/judged.csv
harmful-values  harmful,risky      sweep                    run   $F/scores.csv
benign-values   benign,fine        explore,report,plot,check run  $F/judged.csv
benign-values   benign,fine        diff                     run   $F/judged.csv $F/judged-b.csv
benign-values   benign,fine        judges                   run   --verdict-column verdict,verdict2 $F/judged.csv
benign-values   benign,fine        sweep                    run   $F/scores.csv
verdict-column  verdict2           explore,report,plot,check run  $F/judged.csv
verdict-column  verdict2           diff                     run   $F/judged.csv $F/judged-b.csv
verdict-column  verdict,verdict2   judges                   run   $F/judged.csv
refused-values  refused,declined   explore,report,plot,check run  $F/judged.csv
refused-values  refused,declined   diff                     run   $F/judged.csv $F/judged-b.csv
refused-values  refused,declined   judges                   run   --verdict-column verdict,verdict2 $F/judged.csv
complied-values complied,answered  explore,report,plot,check run  $F/judged.csv
complied-values complied,answered  diff                     run   $F/judged.csv $F/judged-b.csv
complied-values complied,answered  judges                   run   --verdict-column verdict,verdict2 $F/judged.csv
unrecognised    refusal            explore,report,plot,check run  $F/judged.csv
unrecognised    refusal            diff                     run   $F/judged.csv $F/judged-b.csv
id-column       grp                explore,report,check     run   $F/judged.csv
id-column       alt                diff                     run   $F/pair-a.csv $F/pair-b.csv
id-column       grp                judges                   run   --verdict-column verdict,verdict2 $F/judged.csv
n-adversarial   200                explore,report,check     run   $F/rates.csv
n-benign        250                explore,report,check     run   $F/rates.csv
asr-column      other_asr          explore,report,plot,check run  $F/mapped.csv
orr-column      other_orr          explore,report,plot,check run  $F/mapped.csv
complement      asr                explore,report,plot,check run  $F/mapped.csv
rates           fraction           explore,report,plot,check run  $F/small.csv
name-columns    family             explore,report,plot,check run  $F/mapped.csv
category-column cat                explore,report,plot,check run  $F/long.csv
where           name!=q            explore,report,plot,check run  $F/two.csv
verbose         -                  explore,report,plot,check,sweep err $F/scores.csv
verbose         -                  diff                     err   $F/judged.csv $F/judged-b.csv
verbose         -                  judges                   err   --verdict-column verdict,verdict2 $F/judged.csv

volume          1M                 explore,report           run
volume          1M                 plot                     run   --cost-refusal 0.01 --cost-harm 100
adversarial-share 1                explore,report           run
adversarial-share 1                plot                     run   --cost-refusal 0.01 --cost-harm 100
cost-refusal    0.5                explore,report           run
cost-refusal    0.5                plot                     run   --cost-harm 100
cost-harm       100                explore,report,plot      run
policy          none               explore,report,plot      run
policy          none               check                    run   $G/baseline.csv $G/candidate-noise.csv

compare         status-quo,product-ask explore,report       run
compare         "$pair"            diff                     run   --verdict-column verdict,verdict2 $F/judged.csv
interval        clopper-pearson    explore,report           run   $G/baseline.csv
interval        clopper-pearson    practice                 run   --worksheet --kind sample --seed 7 --count 2
category-shares fraud=50,hate=50   report                   run   $DATADIR/chatbot-scores.csv
target-asr      0.25               report                   run
target-orr      5                  report                   run

width           40                 report,plot              run
width           40                 diff                     run   $F/judged.csv $F/judged-b.csv
width           40                 judges                   run   $xstest
height          10                 report,plot              run
x-scale         log                explore,report,plot      run
y-scale         log                explore,report,plot      run
no-labels       -                  report,plot              run
no-key          -                  plot                     run
group           Y                  explore,report,plot      run   $F/groups.csv
ascii           -                  explore,report,plot      utf8
ascii           -                  practice                 utf8  --seed 7 --kind frontier

format          json               report                   run
format          json               check                    run   $G/baseline.csv $G/candidate-noise.csv
format          json               diff                     run   $F/judged.csv $F/judged-b.csv
format          json               judges                   run   $xstest
format          markdown           practice                 run   --worksheet --seed 7 --count 2
output          $tmp/out.file      report                   run
output          $tmp/out.file      check                    run   $G/baseline.csv $G/candidate-noise.csv
output          $tmp/out.file      diff                     run   $F/judged.csv $F/judged-b.csv
output          $tmp/out.file      judges                   run   $xstest
output          $tmp/out.file      sweep                    run   $F/scores.csv
output          $tmp/out.file      practice                 run   --worksheet --seed 7 --count 2
no-color        -                  explore,plot             tty:colour
no-color        -                  practice                 tty:colour --seed 7

scenario        $F/scenario.txt    explore                  run
threshold       0.5                explore                  run   $sweep
baseline        status-quo         explore                  run
select          product-ask        explore                  run
no-mouse        -                  explore                  tty:mouse
keys            text               explore                  run

baseline-name   v1                 check                    run   $G/two-points.csv $G/baseline.csv
candidate-name  v2                 check                    run   $G/baseline.csv $G/two-points.csv
max-asr-increase 5                 check                    run   $G/baseline.csv $G/candidate-regress.csv
max-orr-increase 1                 check                    run   $G/baseline.csv $G/candidate-noise.csv
significance    0.05               check                    run   $G/baseline.csv $G/candidate-noise.csv
across-groups   -                  check                    run   $F/group-x.csv $F/group-y.csv

points          3                  sweep                    run   $DATADIR/chatbot-scores.csv

seed            '7|8'               practice                 run   --worksheet --count 2
kind            daily              practice                 run   --worksheet --seed 7 --count 2
count           2                  practice                 run   --worksheet --seed 7
worksheet       -                  practice                 run   --seed 7 --count 2
plain           -                  practice                 run   --seed 7

help            -                  explore,report,plot,check,sweep run
help            -                  diff                     run   $F/judged.csv $F/judged-b.csv
help            -                  judges                   run   $xstest
help            -                  practice                 run   --worksheet --seed 7 --count 2
version         -                  explore,report,plot,check,sweep run
version         -                  diff                     run   $F/judged.csv $F/judged-b.csv
version         -                  judges                   run   $xstest
version         -                  practice                 run   --worksheet --seed 7 --count 2
EOF
}

# ---- the program's own lists ---------------------------------------------------

# options HELP-TEXT: "NAME ARG" per option (ARG "-" when it takes none).
options() {
    printf '%s\n' "$1" | sed -n 's/^  \(-., \|    \)--\([a-z0-9-]*\)\( \([A-Z][A-Z0-9,]*\)\)\{0,1\}  .*/\2 \4/p' |
        while read -r name arg; do echo "$name ${arg:--}"; done
}
all=$(options "$("$T" --help)")
commands=$("$T" --help | sed -n 's/^ *\(Usage:\)\{0,1\} *tradeoff \([a-z][a-z]*\) .*/\2/p')
equals "--help lists the commands" "$(echo $commands)" "explore report check diff judges plot sweep practice"
check "--help lists options" test "$(printf '%s\n' "$all" | wc -l)" -gt 40

# ---- running a command ---------------------------------------------------------

# run HOW COMMAND ARGS...: the exit status and standard output (and, for
# HOW err, standard error), as one text. The screens (explorer, practice)
# run on an empty key script: the screen they open with, dumped.
run() {
    how=$1 cmd=$2; shift 2
    loc=C err=/dev/null
    [ "$how" = utf8 ] && loc=$utf8
    [ "$how" = err ] && err=$tmp/run.err
    if [ "$cmd" = explore ] || [ "$cmd" = practice ]; then
        LC_ALL=$loc TRADEOFF_KEYS= TRADEOFF_SIZE=120x40 "$T" "$cmd" "$@" </dev/null 2>"$err"
    else
        LC_ALL=$loc "$T" "$cmd" "$@" </dev/null 2>"$err"
    fi
    echo "exit $?"
    if [ "$how" = err ]; then cat "$err"; fi
}

# The terminal: a shell in a tmux pane, as in tests/e2e.
term=
if [ -n "${work:-}" ] && [ -n "$utf8" ] &&
    tm new-session -d -s options -x 100 -y 30 -c "$tmp" "env -u TMUX -u NO_COLOR -u COLUMNS -u LINES PS1='$ ' LC_ALL=$utf8 sh" 2>/dev/null; then
    tm set-option -t options status off >/dev/null 2>&1
    term=yes
fi
esc=$(printf '\033')

# probe WHAT: what the pane shows of one effect.
probe() {
    case $1 in
        colour) n=$(tm capture-pane -e -p -t options | grep -cE "$esc\[[0-9;]*(3[0-7]|4[0-7])m") ;;
        mouse) n=$(tm display -p -t options '#{mouse_any_flag}') ;;
    esac
    [ "${n:-0}" -gt 0 ] && echo "$1: yes" || echo "$1: no"
}

# wait_gone TEXT: polls the pane until TEXT no longer shows (a bound, as
# wait_for).
wait_gone() {
    i=0
    while [ $i -lt 300 ]; do
        case $(screen) in *"$1"*) ;; *) return 0 ;; esac
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# tty PROBE COMMAND ARGS...: runs the command in the pane on a clear screen,
# probes it while it shows (plot: once it has ended), quits it and waits for
# the shell. Sets $probed.
tty_n=0
tty() {
    what=$1 cmd=$2; shift 2
    tty_n=$((tty_n + 1))
    keys -l "printf '\\033[H\\033[2J'"
    keys Enter
    wait_gone MARK
    keys -l "${tty_env:-} $T $cmd $*; echo DONE-\"\"MARK$tty_n"
    keys Enter
    case $cmd in
        explore) ready="Queries/day" ;;
        practice) ready="nswer>" ;;
        *) ready="DONE-MARK$tty_n" ;;
    esac
    if wait_for "$ready"; then probed=$(probe "$what"); else probed="never showed: $ready"; fi
    shown=$(screen)
    # q quits a screen at once. (An Enter after it would reach the shell as
    # a stray carriage return.)
    case $cmd in explore | practice) keys q ;; esac
    wait_for "DONE-MARK$tty_n" || probed="$probed; did not end"
}

# ---- the walk -------------------------------------------------------------------

rows=$tmp/rows
table | grep -v '^$' >"$rows"

# effect COMMAND OPTION VALUE HOW ARGS...
effect() {
    cmd=$1 opt=$2 value=$3 how=$4; shift 4
    with="--$opt"
    [ "$value" != - ] && with="--$opt=${value%%|*}"
    base=
    case $value in *'|'*) base="--$opt=${value#*|}" ;; esac
    name="$cmd --$opt changes what it does"
    # check compares a file of one point with itself.
    [ "$cmd" = check ] && [ $# -eq 1 ] && set -- "$1" "$1"
    case $how in
        tty:*)
            if [ -z "$term" ]; then tap_ok "$name # SKIP no tmux or no UTF-8 locale"; return; fi
            tty "${how#tty:}" "$cmd" $base "$@"
            a=$probed a_shown=$shown
            tty "${how#tty:}" "$cmd" "$with" "$@"
            b=$probed
            if [ "$a" != "$b" ]; then
                tap_ok "$name"
            else
                tap_fail "$name" "both: $a" "without it:" "$a_shown" "with it:" "$shown"
            fi
            return ;;
        utf8)
            if [ -z "$utf8" ]; then tap_ok "$name # SKIP no UTF-8 locale"; return; fi ;;
    esac
    a=$(run "$how" "$cmd" $base "$@")
    again=$(run "$how" "$cmd" $base "$@")
    b=$(run "$how" "$cmd" "$with" "$@")
    if [ "$a" != "$again" ]; then
        tap_fail "$name" "the base run is not repeatable: $cmd $base $*"
    elif [ "$a" = "$b" ]; then
        tap_fail "$name" "the same output with and without it: $cmd $with $*" "$(printf '%s\n' "$b" | tail -n 3)"
    else
        tap_ok "$name"
    fi
}

# refused COMMAND OPTION ARG
refused() {
    cmd=$1 opt=$2
    set -- "--$opt"
    [ "$3" != - ] && set -- "--$opt" x
    LC_ALL=C "$T" "$cmd" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
    err=$(cat "$tmp/err")
    case $rc:$err in
        2:*"--$opt"*"'$cmd'"*) tap_ok "$cmd refuses --$opt, naming both" ;;
        *) tap_fail "$cmd refuses --$opt, naming both" "exit $rc: $err" ;;
    esac
}

for cmd in $commands; do
    accepted=" $(options "$("$T" "$cmd" --help)" | cut -d' ' -f1 | tr '\n' ' ') "
    printf '%s\n' "$all" >"$tmp/all"
    while read -r opt arg <&3; do
        case $accepted in
            *" $opt "*)
                row=$(awk -v o="$opt" -v c="$cmd" '$1 == o && ("," $3 ",") ~ ("," c ",") { print; exit }' "$rows")
                if [ -z "$row" ]; then
                    tap_fail "$cmd --$opt has a row in the table" "add a value and an input that show its effect"
                    continue
                fi
                eval "set -- $row"
                value=$2 how=$4
                shift 4
                effect "$cmd" "$opt" "$value" "$how" "$@"
                ;;
            *)
                refused "$cmd" "$opt" "$arg" ;;
        esac
    done 3<"$tmp/all"
done

# Every row names options its commands accept: no row outlives its option.
while read -r opt value cmds how rest; do
    for cmd in $(echo "$cmds" | tr ',' ' '); do
        case " $(options "$("$T" "$cmd" --help)" | cut -d' ' -f1 | tr '\n' ' ') " in
            *" $opt "*) ;;
            *) tap_fail "the table's row for $cmd --$opt is an option $cmd accepts" "remove the row or the command" ;;
        esac
    done
done <"$rows"

# Options that each apply, but not together.
"$T" explore --x-scale log --y-scale linear </dev/null >/dev/null 2>"$tmp/err"
equals "explore --x-scale log --y-scale linear: exit 2" "$?" 2
contains "...the explorer has one scale for both axes" "$(cat "$tmp/err")" "--x-scale and --y-scale"
for mode in --worksheet --plain; do
    for opt in --ascii --no-color; do
        "$T" practice --seed 7 $mode $opt </dev/null >/dev/null 2>"$tmp/err"
        equals "practice $mode $opt: exit 2" "$?" 2
        contains "practice $mode $opt: says they are for the screen" "$(cat "$tmp/err")" \
            "--ascii and --no-color apply to the practice screen, not to $mode"
    done
done

# Colour is decided in one place (cli.c), from --no-color, NO_COLOR, the
# terminal and TERM; plot shows each.
if [ -n "$term" ]; then
    for e in "NO_COLOR=1:no" "NO_COLOR=:yes" "TERM=dumb:no"; do
        tty_env="env ${e%:*}"
        tty colour plot --width 40 --height 10
        equals "plot in colour on a terminal with ${e%:*}: ${e#*:}" "$probed" "colour: ${e#*:}"
    done
    tty_env=
else
    tap_ok "colour decisions # SKIP no tmux or no UTF-8 locale"
fi
equals "NO_COLOR is read in one place" \
    "$(grep -rl 'getenv("NO_COLOR")' "$TOP_SRCDIR/src" --include='*.c' | sed "s|^$TOP_SRCDIR/||")" "src/cli/cli.c"

# Defect 1 of issue 12: report's chart follows --width (the x axis spans it).
axis() { LC_ALL=C "$T" report "$@" | awk '/^ *0% [+]/ { print length; exit }'; }
equals "report --width 40: a chart 40 columns wide" "$(axis --width 40)" 40
equals "report --width 120: a chart 120 columns wide" "$(axis --width 120)" 120
equals "report: 80 columns without --width" "$(axis)" 80

tap_done
