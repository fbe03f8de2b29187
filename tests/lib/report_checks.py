#!/usr/bin/env python3
"""report_checks.py: field-by-field checks of tradeoff's machine output.

  report_checks.py json REPORT.json INPUT.csv   the JSON report against its input (and itself)
  report_checks.py roundtrip A.json B.json      B (from reloading A's CSV) has A's numbers
  report_checks.py svg IMAGE.svg REPORT.json    the SVG parses, draws every point, labels the frontier

Prints one line per problem and exits 1 when there is any; 0 otherwise.
"""
import csv
import json
import math
import re
import sys
import xml.etree.ElementTree as ET

problems = []


def fail(msg):
    problems.append(msg)


def close(a, b, rel=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)


def norm(h):
    return h.strip().lower().replace(" ", "_").replace("-", "_")


def num(cell):
    cell = (cell or "").strip().rstrip("%")
    return float(cell) if cell else None


def check_json(report_path, input_path):
    with open(report_path, encoding="utf-8") as f:
        r = json.load(f)
    if r.get("schema_version") != 2:
        fail("schema_version is %r, want 2" % r.get("schema_version"))
    if not str(r.get("generator", "")).startswith("tradeoff"):
        fail("generator %r does not name tradeoff" % r.get("generator"))
    sc = r["scenario"]
    V, p = sc["daily_queries"], sc["adversarial_share_pct"] / 100
    if V != 10000000 or not close(sc["adversarial_share_pct"], 0.1):
        fail("default scenario expected, got %r" % sc)
    pol = sc["policy"]
    if pol["name"] != "consumer" or not close(pol["max_attack_success_pct"], 0.5) \
            or not close(pol["max_over_refusal_pct"], 5.0):
        fail("consumer policy expected, got %r" % pol)
    with open(input_path, encoding="utf-8-sig", newline="") as f:
        rows = [{norm(k): v for k, v in row.items()} for row in csv.DictReader(f)]
    is_points = rows and ("attack_success_pct" in rows[0] or "n_adversarial" in rows[0])
    pts = r["points"]
    if is_points and len(pts) != len(rows):
        fail("%d points, input has %d rows" % (len(pts), len(rows)))
    for i, pt in enumerate(pts):
        where = "points[%d] %s" % (i, pt.get("name"))
        for key in ("name", "series", "source", "line", "knob", "attack_success_pct", "over_refusal_pct",
                    "n_adversarial", "attack_successes", "n_benign", "benign_refused",
                    "daily_unnecessary_refusals", "daily_harmful_outputs", "daily_cost",
                    "policy_pass", "policy_failures", "attributes"):
            if key not in pt:
                fail("%s: no field %s" % (where, key))
        asr, orr = pt["attack_success_pct"], pt["over_refusal_pct"]
        if is_points:
            row = rows[i]
            want_asr = num(row.get("attack_success_pct"))
            if want_asr is None and num(row.get("n_adversarial")) and row.get("attack_successes", "") != "":
                want_asr = 100 * num(row["attack_successes"]) / num(row["n_adversarial"])
            want_orr = num(row.get("over_refusal_pct"))
            if want_orr is None and num(row.get("n_benign")) and row.get("benign_refused", "") != "":
                want_orr = 100 * num(row["benign_refused"]) / num(row["n_benign"])
            if not close(asr, want_asr):
                fail("%s: attack_success_pct %r, input says %r" % (where, asr, want_asr))
            if not close(orr, want_orr):
                fail("%s: over_refusal_pct %r, input says %r" % (where, orr, want_orr))
            for key in ("n_adversarial", "attack_successes", "n_benign", "benign_refused"):
                want = num(row.get(key))
                if want is not None and pt[key] != want:
                    fail("%s: %s %r, input says %r" % (where, key, pt[key], want))
            if "name" in row and pt["name"] != row["name"]:
                fail("%s: name differs from the input's %r" % (where, row["name"]))
            if "threshold" in row and not close(pt["knob"], num(row["threshold"])):
                fail("%s: knob %r, threshold %r" % (where, pt["knob"], row["threshold"]))
        # the projection is the model's, of the rate behind it: the counts'
        # k/n when the point has them (exact), else the rate as printed (12
        # significant digits)
        def rate(pct, k, n):
            if k is not None and n:
                return k / n, 1e-12
            return (None, 1e-12) if pct is None else (pct / 100, 1e-11)
        ra, tol_a = rate(asr, pt["attack_successes"], pt["n_adversarial"])
        ro, tol_o = rate(orr, pt["benign_refused"], pt["n_benign"])
        want_h = None if ra is None else V * p * ra
        want_r = None if ro is None else V * (1 - p) * ro
        if not close(pt["daily_harmful_outputs"], want_h, tol_a):
            fail("%s: daily_harmful_outputs %r, want %r" % (where, pt["daily_harmful_outputs"], want_h))
        if not close(pt["daily_unnecessary_refusals"], want_r, tol_o):
            fail("%s: daily_unnecessary_refusals %r, want %r" % (where, pt["daily_unnecessary_refusals"], want_r))
        # the rate printed is its counts' rate to 12 significant digits
        for pct, k, n, what in ((asr, pt["attack_successes"], pt["n_adversarial"], "attack_success_pct"),
                                (orr, pt["benign_refused"], pt["n_benign"], "over_refusal_pct")):
            if k is not None and n and float("%.12g" % (100 * k / n)) != pct:
                fail("%s: %s %r is not %d/%d to 12 digits" % (where, what, pct, k, n))
        # the consumer policy: ASR < 0.5%, ORR < 5%
        if asr is None or orr is None:
            want_pass = None
        else:
            want_pass = asr < 0.5 - 1e-10 and orr < 5 - 1e-10
        if pt["policy_pass"] != want_pass:
            fail("%s: policy_pass %r, want %r" % (where, pt["policy_pass"], want_pass))
    # one fact: each group's lists name exactly its points marked so
    # (identical points included, as the marks include them), and the
    # groups are the points' groups, in order of first appearance
    groups = r["frontier"]["groups"]
    names = [g["name"] for g in groups]
    seen = []
    for pt in pts:
        if pt["group"] not in seen:
            seen.append(pt["group"])
    if names != seen:
        fail("frontier.groups are %r, the points' groups %r" % (names, seen))
    for g in groups:
        members = [pt for pt in pts if pt["group"] == g["name"]]
        if g["points"] != len(members):
            fail("group %r counts %r points, %d have it" % (g["name"], g["points"], len(members)))
        for key, flag in (("pareto_optimal", "pareto_optimal"), ("convex_hull", "on_convex_hull")):
            marked = [pt["name"] for pt in members if pt[flag]]
            if sorted(g[key]) != sorted(marked):
                fail("group %r: %s lists %r, the points marked %s are %r" % (g["name"], key, g[key], flag, marked))
    # a point is dominated only by points of its own group
    group_of = {pt["name"]: pt["group"] for pt in pts}
    for pt in pts:
        for by in pt["dominated_by"]:
            if group_of.get(by) != pt["group"]:
                fail("%s (group %r) is dominated by %s of group %r" % (pt["name"], pt["group"], by, group_of.get(by)))


NUMERIC = ("knob", "attack_success_pct", "over_refusal_pct", "n_adversarial", "attack_successes",
           "n_benign", "benign_refused", "daily_unnecessary_refusals", "daily_harmful_outputs")


def check_roundtrip(a_path, b_path):
    with open(a_path, encoding="utf-8") as f:
        a = json.load(f)["points"]
    with open(b_path, encoding="utf-8") as f:
        b = json.load(f)["points"]
    if len(a) != len(b):
        fail("%d points before, %d after the round trip" % (len(a), len(b)))
    for pa, pb in zip(a, b):
        for key in NUMERIC:
            if not close(pa[key], pb[key], 1e-12):
                fail("%s: %s was %r, reloaded %r" % (pa["name"], key, pa[key], pb[key]))
        if pa["series"] != pb["series"]:
            fail("%s: series was %r, reloaded %r" % (pa["name"], pa["series"], pb["series"]))
        if pa["policy_pass"] != pb["policy_pass"]:
            fail("%s: policy_pass changed" % pa["name"])


def check_svg(svg_path, report_path):
    root = ET.parse(svg_path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    if root.tag != ns + "svg":
        fail("root element is %s, not svg" % root.tag)
    with open(report_path, encoding="utf-8") as f:
        pts = json.load(f)["points"]
    drawn = [pt for pt in pts if pt["attack_success_pct"] is not None and pt["over_refusal_pct"] is not None]
    group = root.find(".//%sg[@id='points']" % ns)
    circles = [] if group is None else group.findall("%scircle" % ns)
    points = [c for c in circles if "point" in c.get("class", "").split()]
    if len(points) != len(drawn):
        fail("%d point markers, %d points with both rates" % (len(points), len(drawn)))
    titles = [c.find(ns + "title").text for c in points]
    for pt, title in zip(drawn, titles):
        if not title.startswith(pt["name"] + ":"):
            fail("marker titled %r is not %r" % (title, pt["name"]))
    for c in points:
        x, y = float(c.get("cx")), float(c.get("cy"))
        if not (0 <= x <= float(root.get("width")) and 0 <= y <= float(root.get("height"))):
            fail("marker at %g,%g lies outside the image" % (x, y))
    # every frontier point is labelled, by name or by a number in the key
    # (unless there are too many points to number)
    def texts(cls):
        return ["".join(t.itertext()) for t in root.iter(ns + "text") if cls in t.get("class", "").split()]
    labels, keys = texts("label"), texts("key")
    if not any("too many to number" in k for k in keys):
        # the chart draws the frontier of the group of the first point
        # with both rates (the default): its points are named
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        focus = next((pt["group"] for pt in report["points"]
                      if pt["attack_success_pct"] is not None and pt["over_refusal_pct"] is not None), None)
        frontier = [n for g in report["frontier"]["groups"] if g["name"] == focus for n in g["pareto_optimal"]]
        for name in frontier:
            short = re.split(r" (?=[(\[])", name)[0]
            named = name in labels or short in labels
            full = name + "  (ORR"  # a key line: "  3  NAME  (ORR ..., ASR ...)", maybe wrapped
            rests = [k.strip().split("  ", 1)[-1].rstrip("\u2026") for k in keys]
            keyed = any(r and (r.startswith(full) or full.startswith(r)) for r in rests)
            if not named and not keyed:
                fail("frontier point %r has neither a label nor a line in the key" % name)
    for needed in ("axes", "legend"):
        if root.find(".//%sg[@id='%s']" % (ns, needed)) is None:
            fail("no %s group" % needed)


def main():
    kind, args = sys.argv[1], sys.argv[2:]
    {"json": check_json, "roundtrip": check_roundtrip, "svg": check_svg}[kind](*args)
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
