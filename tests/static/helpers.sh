#!/bin/sh
# helpers.sh: the shared test helpers have no copies. A test script that
# runs the program and looks at $rc, $out and $err sources tests/lib/run.sh
# instead of defining the same run() again (a copy drifts: one filters the
# warnings, another forgets stdin). A run() that does something else (a
# memory limit, a locale, another screen) is not a copy and may stay.
. "$TESTDIR/lib/tap.sh"
lib=$TESTDIR/lib/run.sh
# body FILE: the lines of FILE's run() definition, blanks squeezed
body() { awk '/^run\(\) *\{/,/^}/' "$1" | tr -s ' '; }
shared=$(body "$lib")
if [ -z "$shared" ]; then
    tap_fail "lib/run.sh defines run()" "no run() in $lib"
else
    tap_ok "lib/run.sh defines run()"
fi
copies=
for f in "$TESTDIR"/*/*.sh; do
    case $f in "$lib") continue ;; esac
    [ "$(body "$f")" = "$shared" ] && copies="$copies ${f#"$TESTDIR"/}"
done
if [ -n "$copies" ]; then
    tap_fail "no test script keeps a copy of lib/run.sh's run()" "source lib/run.sh instead in:$copies"
else
    tap_ok "no test script keeps a copy of lib/run.sh's run()"
fi
tap_done
