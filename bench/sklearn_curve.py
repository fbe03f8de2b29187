"""sklearn_curve: the curve a user would compute without tradeoff, and a
check that `tradeoff sweep` gives the same one.

    sklearn_curve.py SCORES.csv                 pandas read_csv + roc_curve
    sklearn_curve.py SCORES.csv --compare SWEEP.csv

The harmful set is the positive class and a prompt is refused when its score
>= the threshold, so at each threshold roc_curve's tpr is the share of
harmful prompts refused (ASR = 1 - tpr) and its fpr the share of benign
prompts refused (ORR = fpr). drop_intermediate=False keeps every distinct
score; roc_curve adds one threshold above them all (inf, or max + 1 in
scikit-learn before 1.3), left out here.
"""
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import roc_curve


def curve(path):
    df = pd.read_csv(path, usecols=["set", "score"])
    harmful = (df["set"] == "harmful").to_numpy()
    fpr, tpr, thr = roc_curve(harmful, df["score"].to_numpy(), drop_intermediate=False)
    return thr[1:][::-1], (1 - tpr[1:])[::-1] * 100, fpr[1:][::-1] * 100


def main():
    thr, asr, orr = curve(sys.argv[1])
    if len(sys.argv) < 4 or sys.argv[2] != "--compare":
        print(f"{len(thr)} thresholds")
        return 0
    sweep = pd.read_csv(sys.argv[3])
    problems = []
    if len(sweep) != len(thr):
        problems.append(f"{len(sweep)} thresholds from sweep, {len(thr)} from roc_curve")
    else:
        if not np.array_equal(sweep["threshold"].to_numpy(), thr):
            problems.append("thresholds differ")
        for name, ours, theirs in (("attack_success_pct", sweep["attack_success_pct"], asr),
                                   ("over_refusal_pct", sweep["over_refusal_pct"], orr)):
            worst = float(np.max(np.abs(ours.to_numpy() - theirs)))
            if worst > 1e-7:  # sweep writes 9 decimals of a percentage
                problems.append(f"{name} differs by up to {worst:g} points")
    if problems:
        print("DIFFERENT curve: " + "; ".join(problems))
        return 1
    print(f"same curve as roc_curve(drop_intermediate=False): {len(thr)} thresholds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
