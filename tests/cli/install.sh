#!/bin/sh
# install.sh: `make install` into a temporary prefix installs the program,
# the man page, the examples and the bash completion; the installed program
# finds its examples with no help from the environment; DESTDIR stages the
# same tree; `make uninstall` removes every file again.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
builddir=$(cd "$(dirname "$T")/.." && pwd)
[ -f "$builddir/Makefile" ] || tap_skip_all "no Makefile in $builddir"
command -v make >/dev/null 2>&1 || tap_skip_all "make not installed"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
unset TRADEOFF_DATADIR
# Run make on its own, not as a job of the `make check` that runs this test.
unset MAKEFLAGS MFLAGS MAKELEVEL

p=$tmp/prefix
make -s -C "$builddir" install prefix="$p" >"$tmp/log" 2>&1
equals "make install prefix=... succeeds" "$?" 0 || cat "$tmp/log" | sed 's/^/# /'
check "the program is installed" test -x "$p/bin/tradeoff"
check "the man page is installed" test -f "$p/share/man/man1/tradeoff.1"
for f in builtin-scenario.csv chatbot-threshold-sweep.csv or-bench-32-models.csv xstest-gpt4-judges.csv \
         jailbreakbench-attacks.csv chatbot-scores.csv SOURCES.md; do
    check "data/$f is installed" test -f "$p/share/tradeoff/$f"
done
check "the bash completion is installed" test -f "$p/share/bash-completion/completions/tradeoff"

# The installed program, run from elsewhere, finds its installed examples.
out=$(cd "$tmp" && "$p/bin/tradeoff" --list-examples)
equals "the installed program lists its examples" "$?" 0
contains "they are the installed files, the path canonical" "$out" \
    "$(cd "$p" && pwd -P)/share/tradeoff/or-bench-32-models.csv"
lacks "no '..' in the paths shown" "$out" "/../"
lacks "every example is found" "$out" "(not found)"
out=$(cd "$tmp" && "$p/bin/tradeoff" report --example builtin --compare status-quo,product-ask)
contains "the installed program opens an example" "$out" "199,800 fewer unnecessary refusals"
out=$("$p/bin/tradeoff" --version)
contains "the installed program runs" "$out" "tradeoff "

make -s -C "$builddir" uninstall prefix="$p" >"$tmp/log" 2>&1
equals "make uninstall succeeds" "$?" 0
left=$(find "$p" -type f | sed "s|$p/||")
equals "make uninstall leaves no file behind" "$left" ""

d=$tmp/stage
make -s -C "$builddir" install DESTDIR="$d" >"$tmp/log" 2>&1
equals "make install DESTDIR=... succeeds" "$?" 0
prefix=$(sed -n 's/^prefix = //p' "$builddir/Makefile")
check "DESTDIR stages the program under the prefix" test -x "$d$prefix/bin/tradeoff"
check "DESTDIR stages the examples" test -f "$d$prefix/share/tradeoff/builtin-scenario.csv"
check "DESTDIR stages the man page" test -f "$d$prefix/share/man/man1/tradeoff.1"
make -s -C "$builddir" uninstall DESTDIR="$d" >"$tmp/log" 2>&1
equals "make uninstall DESTDIR=... leaves no file" "$(find "$d" -type f)" ""

tap_done
