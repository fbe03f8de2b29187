#!/bin/sh
# completion.sh: the bash completion completes subcommands and the options of
# the one on the line (both read from the program's --help), policy names,
# formats, example names and files.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
command -v bash >/dev/null 2>&1 || tap_skip_all "bash not installed"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/files"
ln -s "$T" "$tmp/bin/tradeoff"
: >"$tmp/files/points.csv"
: >"$tmp/files/notes.pdf"

# complete WORDS...: what completion offers for the last word (one per line).
complete_words() {
    TRADEOFF_DATADIR=$DATADIR PATH="$tmp/bin:$PATH" bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _tradeoff tradeoff "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' sh "$TOP_SRCDIR/completion/tradeoff" "$@" 2>/dev/null
}

contains "a subcommand" "$(complete_words tradeoff rep)" "report"
contains "an option from --help" "$(complete_words tradeoff report --pol)" "--policy"
contains "a new option without an edit (--list-examples)" "$(complete_words tradeoff --list)" "--list-examples"
contains "check's own options after check" "$(complete_words tradeoff check --max)" "--max-asr-increase"
equals "no option check refuses (--width)" "$(complete_words tradeoff check --wid)" ""
equals "no option of another command (plot --max...)" "$(complete_words tradeoff plot --max)" ""
contains "short options too (-o for report)" "$(complete_words tradeoff report -)" "-o"
contains "the explorer's options with no command" "$(complete_words tradeoff --no-m)" "--no-mouse"
out=$(complete_words tradeoff report --policy '')
for p in consumer enterprise high-risk none; do
    contains "policy name $p" "$out" "$p"
done
out=$(complete_words tradeoff report --format '')
for f in text json markdown csv svg; do
    contains "format $f" "$out" "$f"
done
out=$(complete_words tradeoff report --rates '')
for r in auto percent fraction; do
    contains "--rates $r" "$out" "$r"
done
out=$(complete_words tradeoff report --complement '')
for c in asr orr both; do
    contains "--complement $c" "$out" "$c"
done
equals "no guess for a column (--asr-column)" "$(complete_words tradeoff report --asr-column '')" ""
contains "example names from --list-examples" "$(complete_words tradeoff --example or)" "or-bench"
out=$(cd "$tmp/files" && complete_words tradeoff report '')
contains "a CSV file" "$out" "points.csv"
lacks "not a PDF" "$out" "notes.pdf"
out=$(complete_words tradeoff report --volume '')
equals "no guess for a number" "$out" ""

# Every command of --help is offered.
cmds=$("$T" --help | sed -n 's/^ *\(Usage:\)\{0,1\} *tradeoff \([a-z][a-z]*\) .*/\2/p')
equals "--help names eight commands" "$(echo $cmds | wc -w)" 8
for cmd in $cmds; do
    contains "subcommand $cmd is completed" "$(complete_words tradeoff '')" "$cmd"
done
tap_done
