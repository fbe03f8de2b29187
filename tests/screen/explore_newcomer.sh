#!/bin/sh
# explore_newcomer.sh: what a newcomer's first hour with the explorer found,
# one section a defect, each driven by a key script (TRADEOFF_KEYS).
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/screen.sh" # keys SCRIPT [ARGS...]: the explorer on SCRIPT; sets $out, $err, $rc

# --compare A,B is --baseline A --select B, its names resolved as report's.
keys "" --example builtin --compare status-quo,product-ask
equals "explore takes --compare" "$rc" 0
contains "A is the baseline, B the operating point" "$out" "Moving from status-quo to product-ask"
keys "" --example builtin --compare A,B
equals "an ambiguous name is a usage error" "$rc" 2
report_err=$("$T" report --example builtin --compare A,B 2>&1 >/dev/null)
equals "with report's message" "$err" "$report_err"
keys "" --example builtin --compare status-quo,product-ask --select baseline
equals "--compare with --select is refused" "$rc" 2
contains "and says why" "$err" "give either --compare or --select"

tap_done
