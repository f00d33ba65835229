# SPDX-License-Identifier: BSD-2-Clause
"""Code quality: the misses an instruction count cannot see (issue 14,
part 4). Each case is a function of cases.c (beside this file) on one
architecture, the sequence that shows the miss ("bad") and, where there is
one, the sequence that shows it fixed ("good"). The case is measured on
every build present (LLVM 19 and 22 differ on LoongArch): the instructions
of the function, or of its loop, how many bad and good sequences they
hold, and llvm-mca's cycles per iteration for loops where a scheduling
model exists. "Reference" is the same build's count of what the case
should match, when there is one.

before.json holds the same figures measured on main at the commit it
names, before the fixes; the report prints them as such.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import BENCH, MCA_CPUS, ROOT, TARGETS, log, run  # noqa: E402
import loopasm  # noqa: E402

HERE = os.path.relpath(os.path.dirname(os.path.abspath(__file__)), ROOT)
BEFORE = os.path.join(BENCH, "quality", "before.json")

# id, architecture, function, loop?, bad, good, what the miss is,
# reference function (same build), what fixed means
CASES = [
    dict(id="loongarch-add", arch="loongarch64", func="q_add", loop=False,
         bad=r"\bamadd_db\.d\b", good=r"\bamadd\.d\b",
         miss="`this_cpu_add` uses `amadd_db.d` (full barrier); Linux uses `amadd.d`"),
    dict(id="aarch64-add", arch="aarch64 (LSE)", func="q_add", loop=False,
         bad=r"\bldadd\b", good=r"\bstadd\b",
         miss="`this_cpu_add`, result unused: `ldadd` with a live result"
              " register; Linux uses `stadd`"),
    dict(id="x86_64-ptr-loop", arch="x86_64", func="q_ptr_loop", loop=True,
         bad=r"__percpu_self_offset", good=None,
         miss="`this_cpu_ptr` in a loop reloads `%gs:__percpu_self_offset`"
              " every iteration"),
    dict(id="x86_64-ptr-loop-plain", arch="x86_64", func="q_ptr_loop_plain",
         loop=True, bad=r"__percpu_self_offset", good=None,
         miss="`this_cpu_ptr` in a loop without calls or asm reloads"
              " `%gs:__percpu_self_offset` every iteration"),
    dict(id="riscv64-read-call-loop", arch="riscv64", func="q_read_call_loop",
         loop=True, bad=r"\bauipc\b.*%pcrel_hi\(v\)", good=None,
         miss="`this_cpu_read` in a loop with a call: the address part"
              " (`auipc`) stays in the loop"),
    dict(id="loongarch64-read-call-loop", arch="loongarch64",
         func="q_read_call_loop", loop=True, bad=r"\bpcalau12i\b.*%pc_hi20\(v\)",
         good=None,
         miss="`this_cpu_read` in a loop with a call: the address part"
              " (`pcalau12i; addi.d`) stays in the loop"),
    dict(id="riscv64-plain-inc", arch="riscv64", func="q_plain_inc", loop=False,
         bad=r"\bauipc\b", bad_over=1, good=None, ref="q_inc",
         miss="plain `v++`: the address is computed twice (load, store)"),
    dict(id="loongarch64-plain-inc", arch="loongarch64", func="q_plain_inc",
         loop=False, bad=r"\bpcalau12i\b", bad_over=1, good=None, ref="q_inc",
         miss="plain `v++`: the address is computed twice (load, store)"),
    dict(id="riscv64-raw-inc", arch="riscv64", func="q_raw_inc", loop=False,
         bad=r"\bauipc\b", bad_over=1, good=None, ref="q_inc",
         miss="`__this_cpu_inc(v)`: the address is computed twice (load, store)"),
]


def count(lines, pattern):
    return sum(1 for l in lines if pattern and re.search(pattern, l))


def measure_build(build):
    flags = {name: f for name, f, _ in TARGETS}
    asm = {}
    out = {}
    for case in CASES:
        arch = case["arch"]
        if arch not in asm:
            asm[arch] = run([build.cc] + flags[arch] +
                            ["-O2", "-S", "-fno-asynchronous-unwind-tables",
                             os.path.join(HERE, "cases.c"), "-o", "-"]).stdout
        a = asm[arch]
        if case["loop"]:
            lines = loopasm.loop_body(a, case["func"]) or []
        else:
            lines = [l.strip() for l in loopasm.function_lines(a, case["func"]) or []
                     if not loopasm.SKIP.match(l) and not loopasm.LABEL.match(l)]
        insns = [l for l in loopasm.instructions(lines)
                 if not re.match(r"^(ret|retq|jr\s+ra)\b", l)]
        bad = count(insns, case["bad"]) - case.get("bad_over", 0)
        r = dict(insns=len(insns), bad=max(bad, 0), good=count(insns, case["good"]),
                 code=insns)
        if case.get("ref"):
            ref = [l for l in loopasm.function_lines(a, case["ref"]) or []
                   if not loopasm.SKIP.match(l) and not loopasm.LABEL.match(l)
                   and not re.match(r"^\s*(ret|retq|jr\s+ra)\b", l)]
            r["ref_insns"] = len(ref)
        if case["loop"] and arch in MCA_CPUS:
            triple, cpu = MCA_CPUS[arch]
            r["mca"] = loopasm.mca(build, triple, cpu, lines)
        r["fixed"] = r["bad"] == 0 and (case["good"] is None or r["good"] > 0)
        out[case["id"]] = r
    return out


def measure(builds):
    """{build dir: {case id: figures}} for every build given."""
    res = {"builds": {}}
    for b in builds:
        log("quality: %s/cases.c on %s (%s)" % (HERE, b.dir, b.version))
        res["builds"][b.dir] = {"llvm": b.version, "cases": measure_build(b)}
    if os.path.exists(BEFORE):
        with open(BEFORE) as f:
            res["before"] = json.load(f)
    return res
