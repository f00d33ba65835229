# SPDX-License-Identifier: BSD-2-Clause
"""Counts a scripts/fuzz log so far, from its lines per comparison
("seed N ARCH LEVEL: KIND[: reason]"): for a campaign still running, or
one that was stopped before its summary.

    python3 tools/fuzz/summarize_log.py LOG...
"""
import collections
import re
import sys

LINE = re.compile(r"^seed (\d+) (\S+) (\S+): (same|different|skipped)(?:: (.*))?$")


def main(paths):
    counts = collections.Counter()
    reasons = collections.Counter()
    seeds = set()
    for path in paths:
        with open(path, errors="replace") as f:
            for line in f:
                m = LINE.match(line.rstrip("\n"))
                if m:
                    seed, arch, level, kind, reason = m.groups()
                    seeds.add(int(seed))
                    counts[arch, level, kind] += 1
                    if reason:
                        reasons[kind, reason] += 1
    if seeds:
        print("seeds %d..%d (%d seen)" % (min(seeds), max(seeds), len(seeds)))
    for arch, level in sorted({(a, l) for a, l, _ in counts}):
        n = [counts[arch, level, k] for k in ("same", "different", "skipped")]
        print("%-12s %-8s %d same, %d different, %d skipped" % ((arch, level) + tuple(n)))
    for (kind, reason), n in sorted(reasons.items()):
        print("  %5d %s: %s" % (n, kind, reason))
    totals = [sum(v for (_, _, k), v in counts.items() if k == kind)
              for kind in ("same", "different", "skipped")]
    print("%d same, %d different, %d skipped" % tuple(totals))


if __name__ == "__main__":
    main(sys.argv[1:])
