# run.sh: the harness of the cli tests that run the program and look at
# what it printed (sourced after tap.sh): $T the program, a scratch
# directory $tmp removed at exit, and
#   run ARGS...
# which runs "$T ARGS" and sets $rc, $out (standard output) and $err
# (standard error).
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

run() {
    "$T" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}

# run_quiet ARGS...: run, with the warnings ("tradeoff: warning: ...") left
# out of $err, for tests whose message is the error alone.
run_quiet() {
    run "$@"
    err=$(grep -v '^tradeoff: warning:' "$tmp/err")
}
