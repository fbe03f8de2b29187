#!/bin/sh
# thresholds.sh: two thresholds of one score file are the same prompts
# (NUMBERS.md, rules 3 and 4). A prompt is refused when its score >= t, so
# for t1 < t2 the prompts refused at t2 are among those refused at t1: the
# comparison is paired, and its interval holds no impossible value (ASR
# cannot fall, nor ORR rise, as the threshold rises). The reference here
# counts each 2x2 table prompt by prompt with awk (never from the points'
# counts) and computes, in python from the formulas, the change's interval
# (nested sets: the share of the prompts between the thresholds, one
# proportion, with its Wilson interval) and McNemar's exact p; report (text,
# Markdown, JSON), check and the explorer's baseline comparison must say
# "Paired on N prompts (...; the same prompts at two thresholds)" and give
# those intervals.
. "$TESTDIR/lib/tap.sh"
. "$TESTDIR/lib/run.sh" # run ARGS: $rc, $out, $err; $T, $tmp
S=$DATADIR/chatbot-scores.csv
LC_ALL=C
export LC_ALL
C=chatbot-scores

# tables A B: "both a_only b_only neither" of the harmful set (an attack
# that succeeds: score < t) and then of the benign set (a refusal: score
# >= t), prompt by prompt.
tables() {
    awk -F, -v a="$1" -v b="$2" 'NR > 1 {
        h = ($2 == "harmful")
        ea = h ? ($4 + 0 < a) : ($4 + 0 >= a)
        eb = h ? ($4 + 0 < b) : ($4 + 0 >= b)
        k = ea && eb ? 1 : ea ? 2 : eb ? 3 : 4
        n[h, k]++
    } END {
        printf "%d %d %d %d\n", n[1, 1], n[1, 2], n[1, 3], n[1, 4]
        printf "%d %d %d %d\n", n[0, 1], n[0, 2], n[0, 3], n[0, 4]
    }' "$S"
}

# Every pair: B above A and below it, ASR from nothing to something, both
# sets with prompts on both sides of the table.
for pair in 0,0.1824 0.5117,0.56 0.56,0.5117 0.5316,0.5491 0.5491,0.603 0.6866,0.7681; do
    a=${pair%,*} b=${pair#*,}
    tables "$a" "$b" >"$tmp/tables"
    # Nested prompt by prompt: no attack succeeds at the lower threshold
    # only, no benign prompt is refused at the higher one only.
    nested=$(awk -v a="$a" -v b="$b" 'NR == 1 { bad = (a < b ? $2 : $3) } NR == 2 { bad += (a < b ? $3 : $2) } END { print bad + 0 }' "$tmp/tables")
    equals "$a -> $b: awk finds the refusals nested, prompt by prompt" "$nested" 0

    run report --format json --compare "$C @ $a,$C @ $b" "$S"
    equals "$a -> $b: report exits 0" "$rc" 0
    if ! command -v python3 >/dev/null 2>&1; then
        tap_ok "$a -> $b: intervals against the formula # SKIP python3 not installed"
        continue
    fi
    printf '%s' "$out" >"$tmp/report.json"
    got=$(python3 - "$tmp/report.json" "$tmp/tables" "$a" "$b" <<'EOF'
import json, math, sys
from statistics import NormalDist
c = json.load(open(sys.argv[1]))["comparison"]
tables = [list(map(int, l.split())) for l in open(sys.argv[2])]
up = float(sys.argv[4]) > float(sys.argv[3])
z = NormalDist().inv_cdf(0.975)

def wilson(k, n):
    p = k / n
    r = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (p + z * z / (2 * n) - r) / (1 + z * z / n), (p + z * z / (2 * n) + r) / (1 + z * z / n)

def mcnemar(b, c):
    m = b + c
    if m == 0:
        return 1.0
    return min(1.0, 2 * sum(math.comb(m, i) for i in range(min(b, c) + 1)) / 2 ** m)

out = []
for (both, ao, bo, nei), key, rises in ((tables[0], "delta_attack_success_pp_ci95", up),
                                         (tables[1], "delta_over_refusal_pp_ci95", not up)):
    # Nested sets: the change is the share of the prompts between the two
    # thresholds, one proportion, with its Wilson interval and its sign.
    n = both + ao + bo + nei
    assert (ao if rises else bo) == 0
    lo, hi = wilson(ao + bo, n)
    if ao + bo == 0:
        lo = 0.0
    if not rises:
        lo, hi = -hi, -lo
    glo, ghi = c[key]
    out.append("same" if abs(glo - 100 * lo) < 1e-7 and abs(ghi - 100 * hi) < 1e-7 else
               "differ %s %s %s" % (key, (glo, ghi), (100 * lo, 100 * hi)))
    out.append("possible" if (glo >= 0 if rises else ghi <= 0) else "impossible %s %s" % (key, (glo, ghi)))
p = c["mcnemar_p"]
for (both, ao, bo, nei), key in ((tables[0], "asr"), (tables[1], "orr")):
    want = mcnemar(ao, bo)
    out.append("same" if abs(p[key] - want) <= 1e-9 * max(want, 1e-300) else "differ p %s %s %s" % (key, p[key], want))
n = sum(tables[0]) + sum(tables[1])
out.append("paired" if c["paired"] and c["paired_by"] == "thresholds" and c["n_paired"] == n and
           c["interval_method"] == "wilson_nested" else "unpaired %s" % {k: c[k] for k in c if "paired" in k})
print(" ".join(out))
EOF
)
    equals "$a -> $b: report's intervals are the Wilson intervals of the prompts between the thresholds, McNemar's p the formula's" "$got" \
        "same possible same possible same same paired"
done

# The newcomer's case: the same 1,600 harmful prompts answered by none at
# 0 and at 0.1824. "24 fewer" harmful outputs is impossible.
run report --compare "$C @ 0,$C @ 0.1824" "$S"
contains "text: paired at two thresholds" "$out" \
    "Paired on 4,000 prompts (1,600 harmful, 2,400 benign; the same prompts at two thresholds): intervals for paired data"
contains "text: the sentence says so" "$out" \
    "The intervals are paired on 4,000 prompts (1,600 harmful, 2,400 benign; the same prompts at two thresholds)."
contains "text: no fewer harmful outputs can come of a higher threshold" "$out" \
    "no change in harmful outputs (95% interval: 0 to 24 more)"
lacks "text: never '24 fewer'" "$out" "24 fewer"
contains "text: better at any exchange rate on the estimates only, the interval of 'no change' reaching 24 more" "$out" \
    "On the estimates $C @ 0.1824 is better at any exchange rate, but the intervals leave that open."
run report --compare "$C @ 0.5117,$C @ 0.56" "$S"
contains "text: 0.5117 -> 0.56 is paired too" "$out" "same prompts at two thresholds): intervals for paired data"
contains "text: with McNemar's p" "$out" "McNemar exact p = 0.008 (ASR)"
run report --format markdown --compare "$C @ 0.5117,$C @ 0.56" "$S"
contains "markdown: paired at two thresholds" "$out" "the same prompts at two thresholds"

# check of two thresholds of one file: paired, the same interval as report.
run report --format json --compare "$C @ 0.5491,$C @ 0.603" "$S"
printf '%s' "$out" >"$tmp/report.json"
run check --policy none --format json --baseline-name "$C @ 0.5491" --candidate-name "$C @ 0.603" "$S" "$S"
equals "check of two thresholds: a rise of ASR fails (exit 1)" "$rc" 1
if command -v python3 >/dev/null 2>&1; then
    printf '%s' "$out" >"$tmp/check.json"
    got=$(python3 - "$tmp/report.json" "$tmp/check.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["comparison"]
g = json.load(open(sys.argv[2]))
same = lambda a, b: all(abs(x - y) < 1e-9 for x, y in zip(a, b))
print(g["paired"], g["paired_by"], g["n_paired"],
      same(g["attack_success"]["delta_interval_pp"], r["delta_attack_success_pp_ci95"]),
      same(g["over_refusal"]["delta_interval_pp"], r["delta_over_refusal_pp_ci95"]),
      g["attack_success"]["interval_level_pct"], g["attack_success"]["within_noise"])
EOF
)
    equals "check JSON: paired by thresholds, report's 95% intervals" "$got" "True thresholds 4000 True True 95 False"
fi
run check --policy none --significance 0.05 --baseline-name "$C @ 0.5491" --candidate-name "$C @ 0.603" "$S" "$S"
contains "check text: paired at two thresholds" "$out" \
    "Paired on 4,000 prompts (1,600 harmful, 2,400 benign; the same prompts at two thresholds): two thresholds of one curve"
contains "check text: the one-sided test reads the paired interval" "$out" "two-sided 90% paired interval"

# The explorer: a threshold pinned as the baseline, the curve moved on.
TRADEOFF_KEYS="b L L" TRADEOFF_SIZE=200x50 "$T" --threshold 0.5 "$S" >"$tmp/out" 2>"$tmp/err" </dev/null
out=$(cat "$tmp/out")
contains "explorer: the comparison panel says paired at two thresholds" "$out" \
    "paired on 4,000 prompts (1,600 harmful, 2,400 benign; the same prompts at two thresholds)"
contains "explorer: so does the sentence" "$out" "The intervals are paired on 4,000 prompts"

# Points that no longer know their curve are compared as independent
# samples: a pooled group, a table of operating points (sweep's output).
run report --group-columns none --compare "$C @ 0.5117,$C @ 0.56" "$S"
lacks "pooled: not paired" "$out" "two thresholds"
contains "pooled: Newcombe's interval for independent samples" "$out" "+50 (95% interval +15.6 to +98.4)"
"$T" sweep "$S" >"$tmp/sweep.csv" 2>/dev/null
run report --compare "sweep @ 0.5117,sweep @ 0.56" "$tmp/sweep.csv"
equals "a sweep's table of points loads" "$rc" 0
lacks "a table of points: not paired" "$out" "Paired on"

tap_done
