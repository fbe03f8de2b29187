#!/bin/sh
# valgrind-check.sh DIR...: runs the batch commands (report --format json,
# and plot, sweep and judges --format json once the program has them) on every file of each DIR
# (recursively; a missing DIR is skipped) under valgrind memcheck, which must
# find no error and no definite or indirect leak. Files with the same content
# are checked once; the built-in scenario (no file) too. Prints TAP; exits 1
# when any run has a finding.
#   env: TRADEOFF (the program), VALGRIND (the valgrind command line),
#        JOBS (runs at a time, default 2)
# A file the program refuses (exit 2: not a table it reads) still counts:
# the error path must be as clean as the happy path.
set -u
T=${TRADEOFF:?}
VALGRIND=${VALGRIND:-valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect}
export T VALGRIND

# One run, called through xargs with "RESULT|COMMAND WORDS|FILE".
if [ "${1:-}" = --one ]; then
    IFS='|' read -r out cmd file <<JOB
$2
JOB
    # shellcheck disable=SC2086
    $VALGRIND --log-file="$out.vg" "$T" $cmd ${file:+"$file"} >/dev/null 2>&1
    rc=$?
    label="$cmd ${file:-(built-in scenario)}"
    if [ "$rc" -eq 99 ] || [ "$rc" -gt 3 ]; then
        { echo "not ok - valgrind $label (exit $rc)"; sed 's/^/#   /' "$out.vg" | head -n 40; } >"$out"
    else
        echo "ok - valgrind $label (exit $rc)" >"$out"
    fi
    exit 0
fi

if ! command -v valgrind >/dev/null 2>&1; then
    echo "1..0 # SKIP valgrind not installed (Debian: apt-get install valgrind)"
    exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Batch subcommands this build has: the usage line lists each one.
commands="report --format json"
for c in plot sweep; do
    "$T" --help 2>/dev/null | grep -q "tradeoff $c " && commands="$commands|$c"
done
"$T" --help 2>/dev/null | grep -q "tradeoff judges " && commands="$commands|judges --format json"

# Every distinct file, by content, then the built-in scenario (no file).
for dir in "$@"; do
    [ -d "$dir" ] && find "$dir" -type f | sort
done | while read -r f; do
    sum=$(cksum <"$f" | cut -d' ' -f1,2)
    grep -qx "$sum" "$tmp/seen" 2>/dev/null && continue
    echo "$sum" >>"$tmp/seen"
    echo "$f"
done >"$tmp/files"
echo "" >>"$tmp/files"

n=0
while read -r f; do
    oldifs=$IFS; IFS='|'
    for cmd in $commands; do
        n=$((n + 1))
        printf '%s|%s|%s\n' "$tmp/res.$(printf %05d "$n")" "$cmd" "$f"
    done
    IFS=$oldifs
done <"$tmp/files" >"$tmp/jobs"

xargs -d '\n' -n 1 -P "${JOBS:-2}" sh "$0" --one <"$tmp/jobs"
i=0 failed=0
for r in "$tmp"/res.[0-9][0-9][0-9][0-9][0-9]; do
    i=$((i + 1))
    sed "1s/^\(not \)\{0,1\}ok /&$i /" "$r"
    grep -q '^not ok' "$r" && failed=$((failed + 1))
done
echo "1..$i"
[ "$failed" -eq 0 ]
