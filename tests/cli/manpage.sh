#!/bin/sh
# manpage.sh: tradeoff.1 documents every option of the option table (as
# `--help` prints it), every subcommand, every exit status, and renders
# without a warning.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
man1=$TOP_SRCDIR/tradeoff.1
# The page's text with roff's \- turned back into -.
page=$(sed 's/\\-/-/g; s/\\(mu/x/g' "$man1")

for opt in $("$T" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
    case $page in
        *"$opt"[!a-z0-9-]*) tap_ok "tradeoff.1 documents $opt" ;;
        *) tap_fail "tradeoff.1 documents $opt" "add $opt to the OPTIONS section of tradeoff.1" ;;
    esac
done

# The OPTIONS section has the sections of --help, in its order, and each
# option is documented in the section --help lists it in.
help=$("$T" --help)
sections=$(printf '%s\n' "$help" | sed -n 's/^\([A-Z][A-Za-z ]*\):$/\1/p' | grep -v '^Commands$')
man_sections=$(sed -n '/^\.SH OPTIONS/,/^\.SH KEYS/s/^\.SS //p' "$man1")
equals "tradeoff.1's OPTIONS sections are those of --help, in order" "$man_sections" "$sections"
# (A section's blanks travel as '_' through the word list.)
for section in $(printf '%s\n' "$sections" | tr ' ' '_'); do
    section=$(printf '%s' "$section" | tr '_' ' ')
    text=$(sed -n "/^\\.SS $section\$/,/^\\.S[SH] /p" "$man1" | sed 's/\\-/-/g')
    for opt in $(printf '%s\n' "$help" | sed -n "/^$section:\$/,/^\$/p" | grep -o -- '^  \(-., \|    \)--[a-z0-9-]*' | grep -o -- '--[a-z0-9-]*'); do
        case $text in
            *"$opt"[!a-z0-9-]*) tap_ok "tradeoff.1 documents $opt under $section" ;;
            *) tap_fail "tradeoff.1 documents $opt under $section" "move $opt to the $section section of tradeoff.1" ;;
        esac
    done
done

# The commands of --help.
for cmd in $(printf '%s\n' "$help" | sed -n 's/^ *\(Usage:\)\{0,1\} *tradeoff \([a-z][a-z]*\) .*/\2/p'); do
    contains "tradeoff.1 documents the '$cmd' command" "$page" ".B $cmd
"
done

# Exit statuses from exitcode.h (all four, or the header moved).
codes=$(sed -n 's/^ *EXIT_[A-Z_]* *= *\([0-9]*\).*/\1/p; s/^#define EXIT_[A-Z_]* *\([0-9]*\).*/\1/p' "$TOP_SRCDIR/src/base/exitcode.h" | sort -u)
equals "exitcode.h defines statuses 0 to 3" "$(echo $codes)" "0 1 2 3"
for code in $codes; do
    contains "tradeoff.1 documents exit status $code" "$page" ".B $code
"
done

# The explorer's keys: the block between the keys-begin and keys-end
# comments is what the action table renders (`tradeoff --keys man`). After
# a change of the table, refresh it with UPDATE_GOLDEN=1 make check TESTS=tests/cli/manpage.sh
keys=$("$T" --keys man)
equals "tradeoff --keys man works" "$?" 0
if [ -n "${UPDATE_GOLDEN:-}" ]; then
    printf '%s\n' "$keys" >"$TOP_SRCDIR/tradeoff.1.keys"
    awk -v keys="$TOP_SRCDIR/tradeoff.1.keys" '
        /^\.\\" keys-end/ { skip = 0 }
        !skip { print }
        /^\.\\" keys-begin/ { while ((getline line < keys) > 0) print line; skip = 1 }
    ' "$man1" >"$man1.new" && mv "$man1.new" "$man1"
    rm -f "$TOP_SRCDIR/tradeoff.1.keys"
fi
block=$(sed -n '/^\.\\" keys-begin/,/^\.\\" keys-end/p' "$man1" | sed '1d;$d')
if [ "$block" = "$keys" ]; then
    tap_ok "tradeoff.1's KEYS are the explorer's action table"
else
    tap_fail "tradeoff.1's KEYS are the explorer's action table" \
        "refresh with: UPDATE_GOLDEN=1 make check TESTS=tests/cli/manpage.sh" \
        "$(printf '%s\n' "$keys" | diff - "$(printf '%s\n' "$block" >"${TMPDIR:-/tmp}/man-keys.$$"; echo "${TMPDIR:-/tmp}/man-keys.$$")" | head -n 20)"
    rm -f "${TMPDIR:-/tmp}/man-keys.$$"
fi

for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS KEYS '"INPUT FORMATS"' '"JSON OUTPUT"' \
               '"EXIT STATUS"' ENVIRONMENT FILES EXAMPLES; do
    contains "tradeoff.1 has the section $section" "$page" ".SH $section"
done
contains "tradeoff.1 documents NO_COLOR" "$page" "NO_COLOR"
contains "tradeoff.1 documents TRADEOFF_DATADIR" "$page" "TRADEOFF_DATADIR"
contains "tradeoff.1 documents schema_version" "$page" "schema_version"

if command -v groff >/dev/null 2>&1; then
    warnings=$(groff -man -ww -z "$man1" 2>&1)
    equals "tradeoff.1 renders without a warning" "$warnings" ""
else
    tap_ok "tradeoff.1 renders without a warning # SKIP groff not installed"
fi
if command -v man >/dev/null 2>&1; then
    text=$(MANWIDTH=80 man -l "$man1" 2>/dev/null | col -b 2>/dev/null)
    contains "man ./tradeoff.1 shows the page" "$text" "explore the trade-off"
else
    tap_ok "man ./tradeoff.1 shows the page # SKIP man not installed"
fi

tap_done
