# tap.sh: a few TAP helpers for the shell tests (sourced, not run).
# Each check prints "ok N - name" or "not ok N - name"; finish with tap_done.
tap_n=0
tap_failed=0

tap_ok() { # tap_ok NAME -- the previous command's status decides
    tap_n=$((tap_n + 1))
    echo "ok $tap_n - $1"
}

tap_fail() { # tap_fail NAME DETAIL...
    tap_n=$((tap_n + 1))
    tap_failed=$((tap_failed + 1))
    echo "not ok $tap_n - $1"
    shift
    for line in "$@"; do printf '#   %s\n' "$line"; done
}

# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
    name=$1; shift
    if "$@" >/dev/null 2>&1; then tap_ok "$name"; else tap_fail "$name" "command failed: $*"; fi
}

# contains NAME HAYSTACK NEEDLE: passes when NEEDLE is in HAYSTACK.
contains() {
    case $2 in
        *"$3"*) tap_ok "$1" ;;
        *) tap_fail "$1" "expected to find: $3" "in: $(printf '%s' "$2" | head -c 2000)" ;;
    esac
}

# lacks NAME HAYSTACK NEEDLE: passes when NEEDLE is not in HAYSTACK.
lacks() {
    case $2 in
        *"$3"*) tap_fail "$1" "did not expect: $3" ;;
        *) tap_ok "$1" ;;
    esac
}

# equals NAME GOT WANT
equals() {
    if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_fail "$1" "got:  $2" "want: $3"; fi
}

tap_skip_all() { echo "1..0 # SKIP $1"; exit 0; }

tap_done() {
    echo "1..$tap_n"
    [ "$tap_failed" -eq 0 ]
}
