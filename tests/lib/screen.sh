# screen.sh: the harness of the screen tests (sourced after tap.sh): a
# scratch directory $tmp, a UTF-8 locale, and
#   keys SCRIPT [ARGS...]
# which runs "$T $SCREEN_COMMAND ARGS" on the key script SCRIPT
# (TRADEOFF_KEYS) on a ${SIZE:-100x30} screen and sets $out, $err and $rc.
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
LANG=C.UTF-8; export LANG
unset LC_ALL

keys() {
    script=$1; shift
    # SCREEN_COMMAND is split into words on purpose ("practice --seed 5").
    # shellcheck disable=SC2086
    TRADEOFF_KEYS="$script" TRADEOFF_SIZE=${SIZE:-100x30} "$T" ${SCREEN_COMMAND:-} "$@" \
        >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}
