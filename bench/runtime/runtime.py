# SPDX-License-Identifier: BSD-2-Clause
"""Run time: loops of increments, reads and this_cpu_ptr (loops.c beside
this file) against __thread, a shared atomic and a CPU-id array.

- On every architecture: the loop body's instructions from the compiler's
  output, and llvm-mca's cycles per iteration on aarch64 (Neoverse N1) and
  riscv64 (SiFive U74), where LLVM has scheduling models. qemu-user runs
  these targets, but its timing says nothing about hardware.
- On an x86_64 machine: runtime.c runs every loop natively, threads as CPUs,
  REPS runs with the loops interleaved (time per iteration of every run),
  and once under callgrind (instructions per iteration).
"""
import os
import platform
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import MCA_CPUS, OUT, ROOT, TARGETS, log, run  # noqa: E402
import loopasm  # noqa: E402

HERE = os.path.relpath(os.path.dirname(os.path.abspath(__file__)), ROOT)

LOOPS = [  # (op, variant, loops.c function without loop_)
    ("inc", "percpu", "percpu_inc"), ("inc", "tls", "tls_inc"),
    ("inc", "atomic", "atomic_inc"), ("inc", "array", "array_inc"),
    ("read", "percpu", "percpu_read"), ("read", "percpu_raw", "percpu_raw_read"),
    ("read", "tls", "tls_read"), ("read", "atomic", "atomic_read"),
    ("read", "array", "array_read"),
    ("ptr", "percpu", "percpu_ptr"), ("ptr", "tls", "tls_ptr"),
    ("ptr", "array", "array_ptr"),
    ("inc", "global", "global_inc"),
]
VARIANTS = {
    "percpu": "per-CPU (`this_cpu_*`)",
    "percpu_raw": "per-CPU (`__this_cpu_read`)",
    "tls": "`__thread`",
    "atomic": "shared atomic (seq_cst)",
    "array": "padded array [get_cpu_id()]",
    "global": "plain global, RIP-relative (control; total not checked)",
}
OPS = {"inc": "increment", "read": "read", "ptr": "`this_cpu_ptr` + increment"}
# The per-CPU loops judged against __thread: (label, per-CPU loop, __thread loop)
VS_TLS = [("increment", "percpu_inc", "tls_inc"),
          ("this_cpu_read", "percpu_read", "tls_read"),
          ("__this_cpu_read", "percpu_raw_read", "tls_read"),
          ("this_cpu_ptr", "percpu_ptr", "tls_ptr")]


def static(build):
    """{target: {loop: {insns, mca: {cycles, skipped} or None}}}"""
    log("runtime: loop bodies of %s/loops.c on 4 architectures" % HERE)
    out = {}
    for name, flags, _ in TARGETS:
        asm = run([build.cc] + flags + ["-O2", "-S", "-fno-asynchronous-unwind-tables",
                                        os.path.join(HERE, "loops.c"), "-o", "-"]).stdout
        out[name] = {}
        for _, _, fn in LOOPS:
            body = loopasm.loop_body(asm, "loop_" + fn)
            entry = {"insns": len(loopasm.instructions(body)) if body else None,
                     "mca": None}
            if name in MCA_CPUS and body:
                triple, cpu = MCA_CPUS[name]
                entry["mca"] = loopasm.mca(build, triple, cpu, body,
                                           "+lse" if "LSE" in name else None)
            out[name][fn] = entry
    return out


def measure(build, quick):
    res = {"static": static(build), "callgrind": {}, "time": {}}
    if platform.machine() != "x86_64":
        log("runtime: not an x86_64 machine, only the loop bodies counted")
        return res
    exe = os.path.join(OUT, "runtime")
    run([build.cc, "-O2"] + [os.path.join(HERE, f) for f in
                             ("runtime.c", "loops.c", "cpuid.c")] +
        ["-o", exe, "-lpthread", "-Wl,--strip-debug"])
    threads = [1, 2] if os.cpu_count() >= 2 else [1]
    res["threads"] = threads

    if shutil.which("valgrind") and shutil.which("callgrind_annotate"):
        n = 100000 if quick else 1000000
        res["callgrind_n"] = n
        log("runtime: callgrind, 1 thread, %d iterations per loop" % n)
        cg = os.path.join(OUT, "callgrind.out")
        out = run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg,
                   exe, "1", str(n), "1"])
        if "check ok" not in out.stdout:
            sys.exit("bench: runtime check failed under callgrind")
        ann = run(["callgrind_annotate", "--inclusive=yes", "--threshold=100",
                   cg]).stdout
        for m in re.finditer(r"^\s*([\d,]+)\s+\([^)]*\)\s+\S*?:?loop_(\w+)\s",
                             ann, re.M):
            res["callgrind"][m.group(2)] = int(m.group(1).replace(",", "")) / n
    else:
        log("runtime: valgrind missing, no instruction counts")

    n = 2000000 if quick else 5000000
    reps = 5 if quick else 15
    res["time_n"], res["time_reps"] = n, reps
    for t in threads:
        log("runtime: wall clock, %d thread(s), %d iterations x %d runs" % (t, n, reps))
        out = run([exe, str(t), str(n), str(reps)]).stdout
        if "check ok" not in out:
            sys.exit("bench: runtime check failed")
        res["time"][t] = {}
        for m in re.finditer(r"^result (\w+) (\w+) \d+ ([\d. ]+)$", out, re.M):
            res["time"][t][m.group(1) + "_" + m.group(2)] = \
                [float(x) for x in m.group(3).split()]
    return res
