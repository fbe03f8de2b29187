#!/bin/sh
# interrupted.sh: a write that cannot finish leaves nothing behind. A
# signal that ends the program while -o writes a large report removes the
# hidden temporary file (.tradeoff-XXXXXX) and the previous output
# survives; a file-size limit (ulimit -f) gives a message naming the file
# and exit 3 instead of death by SIGXFSZ, for -o, standard output and the
# explorer's e and s (src/base/outfile.c, src/base/fatalsig.c).
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# temps: the hidden temporary files left in the directory, one a line.
temps() { find . -maxdepth 1 -name '.tradeoff-*' | sort; }

# A report of 100,000 points is about 120 MB of JSON: writing it takes long
# enough to be caught in the middle.
awk 'BEGIN { print "name,series,threshold,attack_success_pct,over_refusal_pct"
             for (i = 0; i < 100000; i++)
                 printf "point-%06d,model-%d,%.5f,%.4f,%.4f\n", i, i % 8, i / 100000, (i * 7919) % 3000 / 100, (i * 104729) % 4000 / 100 }' \
    >big.csv

# A shell starts background jobs with SIGINT ignored; env gives it back its
# default action where coreutils can (the program keeps ignored signals
# ignored, as nohup wants).
if env --default-signal=INT true 2>/dev/null; then
    default_int="env --default-signal=INT"
else
    default_int=""
fi

# killed_mid_write SIG: runs the report to out.json in the background,
# sends SIG as soon as the temporary file shows, and sets $rc. Tries again
# (at most 5 times) when the report finished first; $caught says whether
# the signal landed during the write.
killed_mid_write() {
    sig=$1
    caught=no
    tries=0
    while [ $caught = no ] && [ $tries -lt 5 ]; do
        tries=$((tries + 1))
        printf 'previous output\n' >out.json
        $default_int "$T" report --format json -o out.json big.csv 2>err &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            set -- .tradeoff-*
            if [ -e "$1" ]; then
                kill -"$sig" "$pid" 2>/dev/null
                break
            fi
        done
        wait "$pid"
        rc=$?
        [ $rc -gt 128 ] && caught=yes
    done
}

for sig in INT TERM HUP; do
    if [ "$sig" = INT ] && [ -z "$default_int" ]; then
        tap_ok "SIGINT during -o # SKIP env --default-signal is missing (coreutils 8.31)"
        continue
    fi
    rm -f .tradeoff-*
    killed_mid_write "$sig"
    if [ $caught = no ]; then
        tap_ok "SIG$sig during -o # SKIP the write always finished before the signal landed"
        continue
    fi
    tap_ok "SIG$sig during -o: the program died of it (status $rc)"
    equals "SIG$sig during -o: no hidden temporary file left" "$(temps)" ""
    equals "SIG$sig during -o: the previous output survives" "$(cat out.json)" "previous output"
done

# ulimit -f in a subshell: about 1 MB allowed, the report needs 120.
printf 'previous output\n' >out.json
rm -f .tradeoff-*
(ulimit -f 1000 && exec "$T" report --format json -o out.json big.csv) 2>err
rc=$?
equals "ulimit -f with -o: exit 3, not death by SIGXFSZ" "$rc" 3
contains "ulimit -f with -o: the message names the file and the cause" "$(cat err)" "out.json: write failed: File too large"
equals "ulimit -f with -o: no hidden temporary file left" "$(temps)" ""
equals "ulimit -f with -o: the previous output survives" "$(cat out.json)" "previous output"

(ulimit -f 1000 && exec "$T" report --format json big.csv >stdout.json) 2>err
rc=$?
equals "ulimit -f on standard output: exit 3, not death by SIGXFSZ" "$rc" 3
contains "ulimit -f on standard output: a message" "$(cat err)" "cannot write to standard output"

# The explorer's e (export) and s (save) under a limit of no bytes: the
# status line says why, and nothing is left behind. (The dump goes to a
# pipe, which no limit applies to.)
printf 'previous export\n' >tradeoff-report.md
out=$( (ulimit -f 0 && TRADEOFF_KEYS='e <C-u> tradeoff-report.md <Enter> y <Dump>' exec "$T") 2>&1)
rc=$?
equals "ulimit -f with e: the explorer carries on (exit 0)" "$rc" 0
contains "ulimit -f with e: the status line names the file and the cause" "$out" "tradeoff-report.md: write failed: File too large"
equals "ulimit -f with e: no hidden temporary file left" "$(temps)" ""
equals "ulimit -f with e: the previous export survives" "$(cat tradeoff-report.md)" "previous export"
printf 'previous scenario\n' >tradeoff-scenario.txt
cp tradeoff-scenario.txt before.txt
out=$( (ulimit -f 0 && TRADEOFF_KEYS='s <C-u> tradeoff-scenario.txt <Enter> <Dump>' exec "$T") 2>&1)
contains "ulimit -f with s: the status line says so" "$out" "tradeoff-scenario.txt: write failed: File too large"
equals "ulimit -f with s: no hidden temporary file left" "$(temps)" ""
check "ulimit -f with s: the previous scenario survives" cmp -s before.txt tradeoff-scenario.txt

tap_done
