#!/usr/bin/env python3
"""group_checks.py: measurement groups checked from their definitions.

  group_checks.py published INPUT.csv REPORT.json
      the groups are the input's set columns joined; every point's Pareto mark
      is the brute-force one within its group; nothing is dominated by a point
      of another group; 12 OR-Bench models are Pareto-optimal within OR-Bench
      (pooled, all 32 would be dominated)
  group_checks.py mixes INPUT.csv REPORT.json [TEXT...]
      every mix the JSON report (targets, optimum) or a text (text or Markdown
      report, an explorer screen) proposes routes traffic within one group of
      the input's sets (its set columns, whatever the report grouped by);
      prints how many mixes it saw
  group_checks.py svg IMAGE.svg REPORT.json
      every line of the SVG (frontier, hull) joins points of one group
  group_checks.py csv REPORT.csv REPORT.json
      the CSV's group, marks and dominators are the JSON's, within groups
  group_checks.py all INPUT.csv PREFIX [TEXT...]
      mixes, csv and svg at once on PREFIX.json, PREFIX.text, PREFIX.markdown,
      PREFIX.csv and PREFIX.svg, and the texts given (explorer screens)

Prints one line per problem and exits 1 when there is any; 0 otherwise.
"""
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET

problems = []


def fail(msg):
    problems.append(msg)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def num(cell):
    cell = (cell or "").strip()
    return float(cell) if cell else None


def beats(q, p):
    return q[0] <= p[0] and q[1] <= p[1] and (q[0] < p[0] or q[1] < p[1])


def check_published(input_path, report_path):
    with open(input_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    pts = load(report_path)["points"]
    if len(rows) != len(pts):
        fail("%d rows, %d points" % (len(rows), len(pts)))
        return
    want_group = [" / ".join((r[c].strip() or "(none)") for c in ("adversarial_set", "benign_set")) for r in rows]
    rates = [(num(r["attack_success_pct"]), num(r["over_refusal_pct"])) for r in rows]
    for i, pt in enumerate(pts):
        if pt["group"] != want_group[i]:
            fail("%s: group %r, its set columns say %r" % (pt["name"], pt["group"], want_group[i]))
    rated = [i for i, r in enumerate(rates) if None not in r]
    pareto = {}
    for i in rated:
        pareto[i] = not any(beats(rates[j], rates[i]) for j in rated if want_group[j] == want_group[i])
        if pts[i]["pareto_optimal"] != pareto[i]:
            fail("%s: pareto_optimal %r, within its group it is %r" % (pts[i]["name"], pts[i]["pareto_optimal"],
                                                                       pareto[i]))
    by_name = {pt["name"]: pt for pt in pts}
    for pt in pts:
        for d in pt["dominated_by"]:
            if by_name[d]["group"] != pt["group"]:
                fail("%s is dominated by %s of another group" % (pt["name"], d))
    orb = [i for i in rated if rows[i]["adversarial_set"] == "OR-Bench-Toxic"]
    if len(orb) != 32:
        fail("%d OR-Bench models, want 32" % len(orb))
    optimal = [pts[i]["name"] for i in orb if pareto[i]]
    if len(optimal) != 12:
        fail("%d OR-Bench models Pareto-optimal within OR-Bench, want 12: %r" % (len(optimal), optimal))
    # the premise: pooled across sets, every OR-Bench model is dominated
    pooled = [i for i in orb if not any(beats(rates[j], rates[i]) for j in rated)]
    if pooled:
        fail("pooled, %d OR-Bench models are not dominated" % len(pooled))


MIX = re.compile(r"route [0-9.]+% of traffic through ")
THEN = re.compile(r" and [0-9.]+% through ")


def longest_name(text, names):
    """The longest of `names` that `text` starts with, or None."""
    hits = [n for n in names if text.startswith(n)]
    return max(hits, key=len) if hits else None


def text_mixes(text, groups, where):
    """The mixes a text proposes ("route 40% of traffic through A and 60%
    through B"), each checked to stay within one group; their number."""
    text = re.sub(r"\s+", " ", text.replace("\\", ""))
    seen = 0
    for m in MIX.finditer(text):
        rest = text[m.end():]
        a = longest_name(rest, groups)
        t = THEN.match(rest[len(a):]) if a else None
        b = longest_name(rest[len(a) + t.end():], groups) if t else None
        if not a or not b:
            fail("%s: a mix of points not in the report: %r" % (where, rest[:120]))
        elif groups[a] != groups[b]:
            fail("%s: a mix of %r (%s) and %r (%s): two groups" % (where, a, groups[a], b, groups[b]))
        seen += 1
    return seen


def input_groups(input_path):
    """Per row of a file of published points, its sets: the definition."""
    with open(input_path, encoding="utf-8-sig", newline="") as f:
        return [" / ".join((r[c].strip() or "(none)") for c in ("adversarial_set", "benign_set"))
                for r in csv.DictReader(f)]


def count_mixes(input_path, report_path, *texts):
    r = load(report_path)
    sets = input_groups(input_path)
    groups = {pt["name"]: sets[i] for i, pt in enumerate(r["points"])}
    seen = 0
    ops = list(r.get("targets", []))
    ops += r.get("optimal", {}).get("groups", [])
    for op in ops:
        if op.get("kind") != "mix":
            continue
        seen += 1
        a, b = op["point"], op["mix_with"]
        if groups[a] != groups[b]:
            fail("JSON: a mix of %r (%s) and %r (%s): two groups" % (a, groups[a], b, groups[b]))
        if not op.get("group", "").startswith("all points") and groups[a] != op.get("group"):
            fail("JSON: the mix of %r is given for group %r" % (a, op.get("group")))
        seen += text_mixes(op["description"], groups, "JSON description")
    for path in texts:
        with open(path, encoding="utf-8") as f:
            seen += text_mixes(f.read(), groups, path)
    return seen


def check_mixes(input_path, report_path, *texts):
    print(count_mixes(input_path, report_path, *texts))


def check_svg(svg_path, report_path):
    root = ET.parse(svg_path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    groups = {pt["name"]: pt["group"] for pt in load(report_path)["points"]}
    at = []
    for c in root.iter(ns + "circle"):
        title = c.find(ns + "title")
        if "point" not in c.get("class", "").split() or title is None:
            continue
        name = title.text.rsplit(": ASR", 1)[0]
        at.append((float(c.get("cx")), float(c.get("cy")), groups[name]))
    for line in root.iter(ns + "polyline"):
        coords = [tuple(map(float, xy.split(","))) for xy in line.get("points").split()]
        joined = set()
        for x, y in coords:
            joined |= {g for cx, cy, g in at if abs(cx - x) < 0.06 and abs(cy - y) < 0.06}
        for x, y in (coords[0], coords[-1]):
            if not any(abs(cx - x) < 0.06 and abs(cy - y) < 0.06 for cx, cy, _ in at):
                fail("the %s line ends at %g,%g, where no point is" % (line.get("id"), x, y))
        if len(joined) > 1:
            fail("the %s line joins points of %d groups: %r" % (line.get("id"), len(joined), sorted(joined)))


def check_csv(csv_path, report_path):
    pts = load(report_path)["points"]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    groups = {pt["name"]: pt["group"] for pt in pts}
    for row, pt in zip(rows, pts):
        if row["group"] != pt["group"]:
            fail("%s: CSV group %r, JSON %r" % (pt["name"], row["group"], pt["group"]))
        if row["pareto_optimal"] != ("" if pt["pareto_optimal"] is None else str(pt["pareto_optimal"]).lower()):
            fail("%s: CSV pareto_optimal %r" % (pt["name"], row["pareto_optimal"]))
        for d in filter(None, row["dominated_by"].split("; ")):
            if groups.get(d) != pt["group"]:
                fail("%s: CSV says dominated by %s of another group" % (pt["name"], d))
    if "route " in open(csv_path, encoding="utf-8").read():
        fail("the CSV proposes a mix")


def check_all(input_path, prefix, *texts):
    print(count_mixes(input_path, prefix + ".json", prefix + ".text", prefix + ".markdown", *texts))
    check_csv(prefix + ".csv", prefix + ".json")
    check_svg(prefix + ".svg", prefix + ".json")


def main():
    kind, args = sys.argv[1], sys.argv[2:]
    {"published": check_published, "mixes": check_mixes, "svg": check_svg, "csv": check_csv, "all": check_all}[kind](*args)
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
