# SPDX-License-Identifier: BSD-2-Clause
"""Remote access: a sum of one counter over 64 CPUs with for_each_possible_cpu
+ per_cpu, against a Linux-style loop over a table of offsets (remote.c
beside this file), natively on x86_64. Each run times both, so their ratio
is paired run by run. One more run under callgrind counts the
instructions each sum executes, a figure the machine's load cannot move.
(per_cpu's instruction count against Linux's is a code-size figure:
bench/codesize/.)
"""
import os
import platform
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import OUT, ROOT, log, run  # noqa: E402

HERE = os.path.relpath(os.path.dirname(os.path.abspath(__file__)), ROOT)
NCPUS = 64


def measure(build, quick):
    """{ncpus, sums, per_cpu: [ns per sum], linux: [ns per sum]} or None."""
    if platform.machine() != "x86_64":
        log("remote: not an x86_64 machine, skipped")
        return None
    exe = os.path.join(OUT, "remote")
    # No debug information: valgrind 3.19 cannot read the runtime's.
    run([build.cc, "-O2", os.path.join(HERE, "remote.c"), "-o", exe,
         "-Wl,--strip-debug"])
    reps, sums = (5, 50000) if quick else (15, 200000)
    log("remote: sum over %d CPUs, %d runs of %d sums" % (NCPUS, reps, sums))
    out = run([exe, str(reps), str(sums)]).stdout
    if "check ok" not in out:
        sys.exit("bench: remote check failed")
    pairs = [(float(a), float(b)) for a, b in
             re.findall(r"^run ([\d.]+) ([\d.]+)$", out, re.M)]
    return {"ncpus": NCPUS, "sums": sums, "per_cpu": [a for a, _ in pairs],
            "linux": [b for _, b in pairs], "callgrind": callgrind(exe)}


def callgrind(exe, sums=1000):
    """{sum_per_cpu: instructions per sum, sum_linux: ...} or None."""
    if not (shutil.which("valgrind") and shutil.which("callgrind_annotate")):
        log("remote: valgrind missing, no instruction counts")
        return None
    cg = os.path.join(OUT, "callgrind.remote.out")
    out = run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg,
               exe, "1", str(sums)]).stdout
    if "check ok" not in out:
        sys.exit("bench: remote check failed under callgrind")
    ann = run(["callgrind_annotate", "--inclusive=yes", "--threshold=100",
               cg]).stdout
    res = {}
    for m in re.finditer(r"^\s*([\d,]+)\s+\([^)]*\)\s+\S*?:?(sum_\w+)\s", ann, re.M):
        res[m.group(2)] = int(m.group(1).replace(",", "")) / sums
    return res if len(res) == 2 else None
