# SPDX-License-Identifier: BSD-2-Clause
"""Prints how bench/'s judging code decides a few made-up figures: the
verdict of a ratio against a limit, and what the report makes of the
explanations in misses.md. Usage: judge.py <source dir>."""
import os
import sys

sys.path.insert(0, os.path.join(sys.argv[1], "bench"))
from common import paired_ratio, ratio_spread, verdict  # noqa: E402
import report  # noqa: E402
import targets  # noqa: E402


def show(name, r, limit, at_least=False):
    print("%s: %s" % (name, verdict(r, limit, at_least)))


# Ratios of paired runs: the interquartile range decides.
show("below the limit", paired_ratio([100, 101, 102, 103, 104], [100] * 5), 1.05)
show("straddling the limit", paired_ratio([101, 103, 104, 106, 108], [100] * 5), 1.05)
show("above the limit", paired_ratio([106, 107, 110, 112, 120], [100] * 5), 1.05)
show("one outlier", paired_ratio([100, 100, 101, 101, 300], [100] * 5), 1.05)
show("at least, straddling", paired_ratio([25, 28, 30, 33, 35], [10] * 5), 3.0, True)
show("at least, above", paired_ratio([31, 33, 35, 37, 40], [10] * 5), 3.0, True)
# Separately timed sets: the extremes of both spreads.
show("separate, overlapping", ratio_spread([100, 101, 102, 103], [99, 100, 101, 102]), 1.01)

# Explanations: a miss explained, a hit whose section is stale, a missing
# one, a condition that fails and a figure the run lacks.
tg = [targets.target("a", "time", "A", "", "miss", facts={"x": "3.5"}),
      targets.target("b", "time", "B", "", "hit"),
      targets.target("c", "time", "C", "", "miss"),
      targets.target("d", "time", "D", "", "miss", facts={"x": "1"}),
      targets.target("e", "time", "E", "", "miss")]
doc = {"a": "x is {x}.", "b": "old text.", "d": "When: x > 2\nx is big.",
       "e": "y is {y}.", "z": "no such target."}
shown, missing, stale, unknown = report.explanations(tg, doc)
for k, text in shown:
    print("shown %s: %s" % (k, text))
print("missing: %s" % missing)
print("stale: %s" % stale)
print("unknown: %s" % unknown)
