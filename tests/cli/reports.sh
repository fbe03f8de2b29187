#!/bin/sh
# reports.sh: every report format on every shipped example file.
#   text and Markdown: compared with golden files in tests/golden/
#   JSON: parsed and checked field by field against the input (python3)
#   CSV: reloaded by tradeoff itself; the numbers must round-trip
#   SVG: parsed as XML, one marker per drawn point (python3, xmllint)
#   (golden files in tests/golden/reports/)
# After an intended change of the output, refresh the golden files with
#   UPDATE_GOLDEN=1 make check TESTS=tests/cli/reports.sh
# and review the diff.
. "$TESTDIR/lib/tap.sh"
T=${TRADEOFF:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
golden=$TESTDIR/golden/reports
# The C locale draws every chart in ASCII whatever the machine is set to, so
# the golden files hold on any CI host.
LC_ALL=C
export LC_ALL
have_python=false
command -v python3 >/dev/null 2>&1 && have_python=true
checks="$TESTDIR/lib/report_checks.py"

# py NAME ARGS...: a check by report_checks.py, skipped without python3.
py() {
    name=$1; shift
    if ! $have_python; then
        tap_ok "$name # SKIP python3 not installed"
        return
    fi
    if msg=$(python3 "$checks" "$@" 2>&1); then tap_ok "$name"; else tap_fail "$name" "$msg"; fi
}

# golden NAME FILE GOLDEN: FILE must equal GOLDEN (or replaces it on request).
golden() {
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
        cp "$2" "$3" && tap_ok "$1 # updated $3"
    elif cmp -s "$2" "$3"; then
        tap_ok "$1"
    else
        tap_fail "$1" "$(diff -u "$3" "$2" | head -n 30)"
    fi
}

# The files are named relative to the data directory, so the reports (and
# their golden files) do not depend on where the tree is.
cd "$DATADIR" || exit 1
for f in builtin-scenario.csv chatbot-threshold-sweep.csv or-bench-32-models.csv \
         xstest-gpt4-judges.csv jailbreakbench-attacks.csv chatbot-scores.csv; do
    b=${f%.csv}
    set -- --width 80 --height 24 --ascii
    [ "$f" = builtin-scenario.csv ] && set -- "$@" --compare status-quo,product-ask
    [ "$f" = xstest-gpt4-judges.csv ] && set -- "$@" --compare "GPT-4 (human judge),GPT-4 (GPT-4 judge)"

    "$T" report "$@" "$f" >"$tmp/$b.txt" 2>"$tmp/err"
    equals "$b: text report exits 0" "$?" 0
    golden "$b: text report matches tests/golden/reports/$b.txt" "$tmp/$b.txt" "$golden/$b.txt"

    "$T" report --format markdown "$@" "$f" >"$tmp/$b.md" 2>"$tmp/err"
    equals "$b: Markdown report exits 0" "$?" 0
    golden "$b: Markdown report matches tests/golden/reports/$b.md" "$tmp/$b.md" "$golden/$b.md"
    sum=$(sha256sum "$f" 2>/dev/null | cut -c1-64)
    [ -n "$sum" ] && contains "$b: Markdown names the file's SHA-256" "$(cat "$tmp/$b.md")" "\`$f\` (SHA-256 \`$sum\`)"

    "$T" report --format json "$@" "$f" >"$tmp/$b.json" 2>"$tmp/err"
    equals "$b: JSON report exits 0" "$?" 0
    py "$b: JSON fields agree with the input and the model" json "$tmp/$b.json" "$f"

    "$T" report --format csv "$@" "$f" >"$tmp/$b.out.csv" 2>"$tmp/err"
    equals "$b: CSV report exits 0" "$?" 0
    "$T" report --format json --width 80 "$tmp/$b.out.csv" >"$tmp/$b.reloaded.json" 2>"$tmp/err"
    equals "$b: tradeoff reloads its own CSV" "$?" 0
    py "$b: CSV round-trips every number" roundtrip "$tmp/$b.json" "$tmp/$b.reloaded.json"

    "$T" report --format svg "$@" "$f" >"$tmp/$b.svg" 2>"$tmp/err"
    equals "$b: SVG report exits 0" "$?" 0
    if command -v xmllint >/dev/null 2>&1; then
        check "$b: SVG is well-formed XML (xmllint)" xmllint --noout "$tmp/$b.svg"
    fi
    py "$b: SVG draws every point with its name and labels the frontier" svg "$tmp/$b.svg" "$tmp/$b.json"
done

# The frontier's lists agree with the per-point marks where two identical
# measurements sit on the achievable curve (o1, multimodal eval, at launch
# and as in the GPT-4.5 card).
"$T" report --format json published-operating-points.csv >"$tmp/published.json" 2>/dev/null
py "published: JSON frontier lists agree with the per-point marks" json "$tmp/published.json" \
    published-operating-points.csv

# With --compare the SVG draws an arrow from A to B and puts the sentence
# under the chart.
out=$("$T" report --format svg --compare status-quo,product-ask builtin-scenario.csv)
contains "SVG draws the comparison arrow" "$out" 'id="comparison"'
contains "SVG captions the comparison sentence" "$out" "Moving from status-quo to product-ask: 199,800 fewer unnecessary refusals"
contains "SVG draws the policy box" "$out" '<rect class="policy"'
contains "SVG draws the hull" "$out" '<polyline id="hull"'
contains "SVG draws the frontier" "$out" '<polyline id="frontier"'

# A browser renders the SVG: a screenshot of a blank page is a few kilobytes,
# of the chart tens of kilobytes.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ] && command -v timeout >/dev/null 2>&1; then
    "$T" report --format svg --compare status-quo,product-ask builtin-scenario.csv >"$tmp/shot.svg"
    (cd "$tmp" && HOME=$tmp timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size=880,600 --screenshot="$tmp/shot.png" "file://$tmp/shot.svg" >/dev/null 2>&1)
    size=$(wc -c <"$tmp/shot.png" 2>/dev/null || echo 0)
    check "chromium renders the SVG (screenshot of $size bytes)" test "$size" -gt 20000
else
    tap_ok "chromium renders the SVG # SKIP chromium not installed"
fi

# The text report's name column follows the page (--width, else the
# terminal): a long name is whole on a wide page and cut on a narrow one,
# and the cut name is still followed by its numbers (issue 16).
long='GPT-4o (launch) [OpenAI Standard Refusal Eval (harmful part)]'
row() { "$T" report --width "$1" "$DATADIR/published-operating-points.csv" 2>/dev/null | grep -m1 '^GPT-4o (launch) \[OpenAI Sta'; }
contains "report --width 200: the long name whole in the table" "$(row 200)" "$long   "
lacks "report --width 80: the long name cut" "$(row 80)" "$long"
contains "report --width 80: the cut name keeps its numbers" "$(row 80)" "1.00%  n unknown"
check "report --width 200: a wider name column than --width 80" \
    test "$(row 200 | awk '{ print index($0, "1.00%") }')" -gt "$(row 80 | awk '{ print index($0, "1.00%") }')"

# -o writes the same bytes as standard output, for every format.
for fmt in text markdown json csv svg; do
    "$T" report --format "$fmt" -o "$tmp/o.$fmt" builtin-scenario.csv
    "$T" report --format "$fmt" builtin-scenario.csv >"$tmp/s.$fmt"
    check "-o writes what --format $fmt prints" cmp "$tmp/o.$fmt" "$tmp/s.$fmt"
done

# Hostile names reach no report unescaped.
printf 'name,attack_success_pct,over_refusal_pct\n"=HYPERLINK(""x"")",1,2\n"<script>*x*|</script>",0.5,3\n"\033[31mred",0,4\n' >"$tmp/hostile.csv"
out=$("$T" report --format csv "$tmp/hostile.csv")
contains "CSV neutralises a formula" "$out" "\"'=HYPERLINK(\"\"x\"\")\""
lacks "CSV carries no escape character" "$out" "$(printf '\033')"
out=$("$T" report --format markdown "$tmp/hostile.csv")
contains "Markdown escapes a tag and a table bar" "$out" '\<script\>\*x\*\|\</script\>'
out=$("$T" report --format svg "$tmp/hostile.csv")
contains "SVG escapes a tag" "$out" "&lt;script&gt;*x*|&lt;/script&gt;"
lacks "SVG carries no escape character" "$out" "$(printf '\033')"

# The SVG draws the chart's axes: --x-scale reaches it (issue 12, defect 2).
"$T" report --format svg --x-scale log "$DATADIR/or-bench-32-models.csv" >"$tmp/log.svg"
"$T" report --format svg --x-scale linear "$DATADIR/or-bench-32-models.csv" >"$tmp/lin.svg"
if cmp -s "$tmp/log.svg" "$tmp/lin.svg"; then tap_fail "svg: --x-scale log and linear differ" "identical SVGs"
else tap_ok "svg: --x-scale log and linear differ"; fi
contains "svg: the log axis says so" "$(cat "$tmp/log.svg")" "log scale"

# The optimum on a strict bound (issue 14): at $1 a refusal and $10,000 a
# harmful output, builtin's status-quo (ORR 5.00%) would be cheapest but fails
# ORR < 5.00% by its equality. Every format says the optimum is not attained,
# names the limit, and gives the cheapest that passes (filter-before, $100 a
# day dearer), never a "99.999%/0.001%" mix.
cd "$TESTDIR" || exit 1
limit="not attained: measured point status-quo fails ORR < 5.00% by its equality (ORR 5.00%); mixes toward it pass and approach its \$699,500/day without reaching it"
for fmt in text markdown; do
    out=$("$T" report --format $fmt --cost-refusal 1 --cost-harm 10000 --example builtin 2>/dev/null | tr -s ' \n' '  ')
    contains "$fmt: the optimum on a strict bound is not attained, the limit named" "$out" "$limit"
    contains "$fmt: and the cheapest that passes given" "$out" \
        "Cheapest that passes: measured point filter-before ASR 0.30%, ORR 4.00%: daily cost \$699,600, \$100 a day above the limit"
    lacks "$fmt: no mix that restates the failing point" "$out" "99.99"
done
out=$("$T" report --format json --cost-refusal 1 --cost-harm 10000 --example builtin 2>/dev/null)
if $have_python; then
    said=$(printf '%s' "$out" | python3 -c '
import json, sys
o = json.load(sys.stdin)["optimal"]["groups"][0]
lim = o["limit"]
ok = (o["found"] and not o["attained"] and o["kind"] == "point" and o["point"] == "filter-before"
      and o["daily_cost"] == 699600 and lim["point"] == "status-quo" and lim["bound"] == "over_refusal"
      and lim["daily_cost"] == 699500 and lim["description"] == sys.argv[1])
print(json.dumps(o)[:400])
sys.exit(0 if ok else 1)' "$limit")
    if [ $? -eq 0 ]; then tap_ok "json: attained false, the limit, and the cheapest that passes"
    else tap_fail "json: attained false, the limit, and the cheapest that passes" "$said"; fi
else
    tap_ok "json: attained false # SKIP python3 not installed"
fi
out=$("$T" report --format json --cost-refusal 1 --cost-harm 10000 --example builtin --policy none 2>/dev/null)
contains "json: an optimum inside the bounds is attained" "$out" '"attained": true'
# with counts: the interval of the cheapest that passes, in the text too
out=$("$T" report --cost-refusal 1 --cost-harm 10000 data/good/on-bound.csv 2>/dev/null | tr -s ' \n' '  ')
contains "counts: the limit" "$out" "The optimum is $limit."
contains "counts: the cheapest that passes, with its interval" "$out" \
    "daily cost \$699,600 (95% interval \$459,808-\$1,147,566, conservative), \$100 a day above the limit"

# Counts from n (issue 14) on real rows: XSTest's GPT-4 judges table with its
# count columns cut off keeps n and the rates; every format derives the
# counts, marked as derived, and they are the file's own counts.
X=$DATADIR/xstest-gpt4-judges.csv
cut -d, -f1-4,6,8- "$X" >"$tmp/nocounts.csv"
run_fmt() { "$T" report --format "$1" "$tmp/nocounts.csv" 2>/dev/null; }
contains "text: a derived count is marked in the table" "$(run_fmt text)" "0.50%  1/200*     8.40%  21/250*"
contains "text: and said with its interval" "$(run_fmt text)" "ASR 0.50%, 1 of 200 (from rate × n): 0.09%-2.78%"
contains "Markdown: a derived count is marked" "$(run_fmt markdown)" "| 0.50% | 1/200\\* | 8.40% | 21/250\\* |"
run_fmt json >"$tmp/nocounts.json"
run_fmt csv >"$tmp/nocounts.out.csv"
if $have_python; then
    said=$(python3 - "$X" "$tmp/nocounts.json" "$tmp/nocounts.out.csv" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
pts = json.load(open(sys.argv[2]))["points"]
out = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
bad = []
for r, p, c in zip(rows, pts, out):
    want = (int(r["attack_successes"]), int(r["benign_refused"]))
    if (p["attack_successes"], p["benign_refused"]) != want or p["counts_derived"] is not True:
        bad.append("json %s: %r" % (p["name"], (p["attack_successes"], p["benign_refused"], p["counts_derived"])))
    if (int(c["attack_successes"]), int(c["benign_refused"])) != want or c["counts_derived"] != "true":
        bad.append("csv %s" % c["name"])
print("; ".join(bad) or "%d rows" % len(rows))
sys.exit(1 if bad or len(rows) != len(pts) or len(rows) < 3 else 0)
PY
)
    if [ $? -eq 0 ]; then tap_ok "JSON and CSV: derived counts are the file's own, marked derived ($said)"
    else tap_fail "JSON and CSV: derived counts are the file's own, marked derived" "$said"; fi
else
    tap_ok "JSON and CSV: derived counts # SKIP python3 not installed"
fi

# Unrecognised verdicts show with the point in every format (issue 14):
# Mistral-7B under the GPT-4 judge, 11 verdicts the judge's free text.
M=$DATADIR/xstest/xstest_v2_labels_mistralinstruct.csv
left="134 of 189 (11 unrecognised verdicts left out)"
for fmt in text markdown svg; do
    contains "$fmt: the unrecognised verdicts with the point" \
        "$("$T" report --format $fmt --preset xstest --judge gpt4_label "$M" 2>/dev/null)" "$left"
done
# ...and in the table's counts cell, where the number is (NUMBERS rule 6).
for fmt in text markdown; do
    contains "$fmt: the table's cell says the unrecognised verdicts left out" \
        "$("$T" report --format $fmt --preset xstest --judge gpt4_label "$M" 2>/dev/null)" \
        "134/189 (11 unrecognised left out)"
    contains "$fmt: the table's cell says the unrecognised verdicts counted" \
        "$("$T" report --format $fmt --preset xstest --judge gpt4_label --unrecognised refusal "$M" 2>/dev/null)" \
        "134/200 (11 unrecognised counted as refusals)"
done
out=$("$T" report --format json --preset xstest --judge gpt4_label "$M" 2>/dev/null | tr -d ' \n')
contains "JSON: unrecognised_verdicts" "$out" '"unrecognised_verdicts":{"harmful":11,"benign":0,"counted_as":"exclude"'
out=$("$T" report --format csv --preset xstest --judge gpt4_label "$M" 2>/dev/null)
contains "CSV: the unrecognised verdicts beside the counts" "$out" ",189,134,250,0,false,11,"

# Exact display (issue 14): the share as given, and "no change" for a count
# that does not change, in every format that says them and in the explorer.
for fmt in text markdown; do
    out=$("$T" report --format $fmt --adversarial-share 0.037 --compare status-quo,filter-after 2>/dev/null)
    contains "$fmt: the share as given" "$out" "0.037% (3,700 adversarial and 9,996,300 benign queries a day)"
    contains "$fmt: no change in harmful outputs, not 0 more" "$(printf '%s' "$out" | tr -s ' \n' '  ')" \
        "99,963 more unnecessary refusals and no change in harmful outputs per day"
done
out=$("$T" report --format json --adversarial-share 0.037 --compare status-quo,filter-after 2>/dev/null)
contains "JSON: the share as given" "$out" '"adversarial_share_pct": 0.037,'
contains "JSON: the sentence's no change" "$out" "and no change in harmful outputs per day"
out=$(TRADEOFF_KEYS="k k k" TRADEOFF_SIZE=100x30 "$T" --adversarial-share 0.037 --baseline status-quo 2>/dev/null)
contains "explorer: the share as given" "$out" "Adversarial  0.037%"
contains "explorer: no change in harmful outputs" "$(printf '%s' "$out" | sed 's/^| //' | tr -s ' \n' '  ')" \
    "Moving from status-quo to filter-after: 99,963 more unnecessary refusals and no change in harmful outputs"
contains "explorer: the compact change line words it as the sentence does" "$out" \
    "change: +99,963 refusals, no change in harmful"
lacks "explorer: no \"0 harmful\" beside the sentence's no change" "$out" ", 0 harmful"

# Cut names still tell the points apart: no two rows of the text table (at
# 80 and 100 columns) or the Markdown table show the same name cell, on
# every shipped example and on the published operating points.
# table_names FMT WIDTH ARGS...: the name cell of each row of the table.
table_names() {
    fmt=$1 width=$2; shift 2
    "$T" report --format "$fmt" --width "$width" "$@" 2>/dev/null |
        if [ "$fmt" = text ]; then
            sed -n '/^Point /,/^$/p' | sed '1d;/^$/d;/^Counts (of n)/d;/^Names: /d' | sed 's/   *.*//'
        else
            sed -n '/^| Point |/,/^$/p' | sed '1,2d;/^$/d' | cut -d'|' -f2
        fi
}
examples=$("$T" --list-examples | sed -n 's/^  \([a-z][a-z0-9-]*\)  .*/\1/p')
for width in 80 100; do
    for fmt in text markdown; do
        for ex in $examples; do
            names=$(table_names $fmt $width --example "$ex")
            equals "$fmt, width $width, --example $ex: no two rows show the same name" \
                "$(printf '%s\n' "$names" | sort | uniq -d | head -3)" ""
        done
        names=$(table_names $fmt $width "$DATADIR/published-operating-points.csv")
        equals "$fmt, width $width, published operating points: no two rows show the same name" \
            "$(printf '%s\n' "$names" | sort | uniq -d | head -3)" ""
    done
done
out=$("$T" report --width 80 --example jailbreakbench 2>/dev/null)
contains "a cut name keeps what tells it apart" "$out" "adaptive_rand$(printf '\342\200\246')gpt-4-0125-preview"

# --interval exact: Clopper-Pearson's other name, said in --help and read so.
contains "--help names exact beside clopper-pearson" "$("$T" report --help)" "clopper-pearson (also: exact"
equals "--interval exact is --interval clopper-pearson" \
    "$("$T" report --interval exact --example chatbot-sweep 2>&1)" \
    "$("$T" report --interval clopper-pearson --example chatbot-sweep 2>&1)"
"$T" report --interval bayes >/dev/null 2>"$tmp/err"
contains "a bad --interval lists exact too" "$(cat "$tmp/err")" "expected wilson or clopper-pearson (also: exact)"

# A mix held just under a strict bound shows the digits that keep it under
# (never an "ASR 0.50%" that passes beside product-ask's 0.50% that fails):
# at $2 and $2,000, 16.7% baseline + 83.3% variant-B, held under ASR < 0.50%.
for fmt in text markdown; do
    out=$("$T" report --format $fmt --cost-refusal 2 --cost-harm 2000 --example builtin 2>/dev/null | tr -s ' \n' '  ')
    contains "$fmt: a mix held under a strict bound shows it under the bound" "$out" \
        "ASR 0.4999995%, ORR 2.83%: daily cost \$666,100 (held just under the policy's ASR bound)"
done

# A warning of loading is said under the table it changes, not only on
# stderr (NUMBERS.md, rule 6): a misspelt ASR header in text and Markdown,
# and whole, with its parts, in JSON.
printf 'name,atack_success_pct,over_refusal_pct\na,1,2\nb,2,1\n' >"$tmp/typo.csv"
out=$("$T" report "$tmp/typo.csv" 2>/dev/null | tr -s ' \n' '  ')
contains "text: the warnings of loading under the table" "$out" \
    "Warnings of loading (about the points above) $tmp/typo.csv: column 'atack_success_pct' is not used; did you mean attack_success_pct?"
out=$("$T" report --format markdown "$tmp/typo.csv" 2>/dev/null)
contains "markdown: the warnings of loading" "$out" "## Warnings of loading"
contains "markdown: the misspelt column named" "$out" "column 'atack\\_success\\_pct' is not used"
if $have_python; then
    said=$("$T" report --format json "$tmp/typo.csv" 2>/dev/null | python3 -c '
import json, sys
w = json.load(sys.stdin)["warnings"]
print(w[0]["file"].endswith("typo.csv") and w[0]["lines"] == [] and "atack_success_pct" in w[0]["text"] and len(w) == 2)')
    equals "json: every warning whole, with its file" "$said" "True"
fi

# Per-category rates carry their counts (NUMBERS.md, rule 2), and the
# heading says which categories the policy checks: on XSTest, none is
# critical, so the consumer bound on critical harms checks none.
out=$("$T" report --preset xstest "$DATADIR"/xstest/xstest_v2_labels_gpt4.csv 2>/dev/null)
contains "categories: the count beside each rate" "$out" "contrast_discr                                    4.00%         1/25"
contains "categories: none critical, none checked" "$out" "None is critical (a critical column, or self-harm or child safety in its name)"
# A policy whose ASR bound covers every harm checks every category, and the
# heading says so (not "the critical ones").
out=$("$T" report --policy enterprise "$DATADIR/chatbot-scores.csv" 2>/dev/null)
contains "categories: a bound on every harm checks each" "$out" "  Each is held to the policy's ASR bound."
out=$("$T" report "$DATADIR/chatbot-scores.csv" 2>/dev/null)
contains "categories: a bound on critical harms checks the critical ones" "$out" "  The critical ones are held to the policy's ASR bound."

"$T" report --format pdf >/dev/null 2>"$tmp/err"
equals "an unknown format exits 2" "$?" 2
contains "the message lists the formats" "$(cat "$tmp/err")" "text, json, markdown, csv or svg"

tap_done
