# SPDX-License-Identifier: BSD-2-Clause
"""Code size: counts the instructions each per-CPU operation compiles to,
per architecture and optimisation level, from the real compiler output.

Compiles accessors.c (beside this file) with percpu-cc (this project) and
the hand-written baselines of baselines/ with the same clang and flags:

  linux.c        (a) Linux's per-CPU headers: delta model, inline asm
  crate.c        (b) the reference Rust crate's sequences, in C
  tls.c          (c) a local-exec __thread variable
  cpuid_array.c  (d) counters[get_cpu_id()], get_cpu_id() external

The count is the function body without its return; at -O0 it includes the
frame set-up. A call counts as one instruction; when an operation calls a
helper of its own unit (a static inline function at -O0) or the runtime's
percpu_remote_ptr(), the helper's body is added, shown as "+N".

  bench/insn-counts [build-dir] [--json FILE]    default build-dir: build

These are instruction counts, not time: a target judged on them says so.
What a baseline gives up against the project's sequence (caveat()) is
recorded here with the baseline, and the report prints it with a miss.
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import ROOT, TARGETS, Build, log  # noqa: E402

HERE = os.path.relpath(os.path.dirname(os.path.abspath(__file__)), ROOT)
ACCESSORS = os.path.join(HERE, "accessors.c")
# Every operation of accessors.c (the project's own table) ...
OURS_OPS = ["read", "write", "inc", "add", "and", "add_return", "xchg",
            "cmpxchg", "raw_read", "raw_inc", "this_cpu_ptr", "per_cpu"]
# ... and the ones compared with the baselines.
CMP_OPS = ["read", "write", "inc", "add", "add_return", "xchg", "cmpxchg",
           "this_cpu_ptr", "per_cpu"]
BASELINES = [
    ("linux", os.path.join(HERE, "baselines", "linux.c"), "(a) Linux"),
    ("crate", os.path.join(HERE, "baselines", "crate.c"), "(b) crate"),
    ("tls", os.path.join(HERE, "baselines", "tls.c"), "(c) __thread"),
    ("array", os.path.join(HERE, "baselines", "cpuid_array.c"), "(d) cpu-id array"),
]
LEVELS = ["-O2", "-O0"]
COMMON = ["-S", "-fno-asynchronous-unwind-tables", "-o", "-"]

RET = re.compile(r"^\s*(ret|retq|jr\s+ra|jirl\s+\$zero,\s*\$ra,\s*0)(\s|$)")
SKIP = re.compile(r"^\s*([#/@;]|\.|$)|^[.A-Za-z0-9_$]+:")


CALL = re.compile(r"^\s*(call|callq|bl|jal|jalr|tail|jmp|b)\s+(?:%plt\()?([A-Za-z_.$][\w.$]*)")


def functions(asm):
    """{function: [lines of its body]} of the assembly."""
    names = set(re.findall(r"^\s*\.type\s+([^,\s]+),\s*[@%]function", asm, re.M))
    bodies, name = {}, None
    for line in asm.splitlines():
        m = re.match(r"^([^\s:#]+):", line)
        if m and m.group(1) in names:
            name = m.group(1)
            bodies[name] = []
            continue
        if name is None:
            continue
        if line.startswith(".Lfunc_end") or re.match(r"^\s*\.size\s", line):
            name = None
            continue
        bodies[name].append(line)
    return bodies


def insns(lines):
    return sum(1 for l in lines if not SKIP.match(l) and not RET.match(l))


def calls_in(asm, func, callee):
    """Whether function func of the assembly calls callee."""
    return any((m := CALL.match(l)) and m.group(2) == callee
               for l in functions(asm).get(func, []))


def count_functions(asm, prefix="op_"):
    """{name: instructions} for each function prefix* of the assembly."""
    return {f[len(prefix):]: insns(b) for f, b in functions(asm).items()
            if f.startswith(prefix)}


def local_callees(asm, prefix="op_"):
    """{name: instructions of the functions of the same unit it calls}: at
    -O0 a static inline helper stays a call, and its body is the work."""
    bodies = functions(asm)
    out = {}
    for f, b in bodies.items():
        if not f.startswith(prefix):
            continue
        called = {m.group(2) for l in b if (m := CALL.match(l))}
        out[f[len(prefix):]] = sum(insns(bodies[c]) for c in called
                                   if c in bodies and not c.startswith(prefix))
    return out


def compile_asm(compiler, flags, src, level):
    return subprocess.run([compiler] + flags + [level] + COMMON + [src],
                          check=True, capture_output=True, text=True,
                          cwd=ROOT).stdout


def callee_count(clang, lib, func="percpu_remote_ptr"):
    """Instructions of func in a static library, without its return."""
    objdump = os.path.join(os.path.dirname(clang), "llvm-objdump")
    if not os.path.exists(lib) or not os.path.exists(objdump):
        return None
    out = subprocess.run([objdump, "-d", "--no-show-raw-insn", lib],
                         capture_output=True, text=True).stdout
    n, inside = 0, False
    for line in out.splitlines():
        if re.match(r"^[0-9a-f]+ <" + func + r">:", line):
            inside = True
            continue
        if inside:
            if not line.strip() or re.match(r"^[0-9a-f]+ <\.L", line):
                continue  # local labels split the listing
            m = re.match(r"^\s+[0-9a-f]+:\s(.*)$", line)
            if not m:
                break
            insn = m.group(1).strip()
            if not insn or insn.startswith("nop") or RET.match(insn):
                continue
            n += 1
    return n if inside else None


def measure(build):
    """Counts of every operation, the project's and the baselines', on every
    target; build is a common.Build."""
    log("code size: compiling %s and the baselines for 4 architectures"
        % ACCESSORS)
    cc, clang = build.cc, build.clang
    data = {"clang": clang, "targets": [t[0] for t in TARGETS],
            "ours": {}, "baselines": {}, "callee": {}}
    for name, flags, libdir in TARGETS:
        # The baselines must assemble: their inline asm is only text in -S.
        for key, src, _ in BASELINES:
            subprocess.run([clang] + flags + ["-O2", "-c", src, "-o",
                                              os.devnull],
                           check=True, cwd=ROOT)
        data.setdefault("remote_call", {})
        data.setdefault("ours_local", {})
        for level in LEVELS:
            asm = compile_asm(cc, flags, ACCESSORS, level)
            data["ours"][name + level] = count_functions(asm)
            data["ours_local"][name + level] = local_callees(asm)
            data["remote_call"][name + level] = calls_in(asm, "op_per_cpu",
                                                         "percpu_remote_ptr")
            for key, src, _ in BASELINES:
                basm = compile_asm(clang, flags, src, level)
                counts = count_functions(basm)
                for op, extra in local_callees(basm).items():
                    counts[op] += extra
                data["baselines"][key + name + level] = counts
        data["callee"][name] = callee_count(clang, build.lib(libdir))
    for level in LEVELS:
        data["comparison" + level] = comparison(data, level)
    return data


def remote_callee(data, name, level, op):
    """Instructions of the functions op calls that do its work: its unit's
    own helpers, and percpu_remote_ptr when per_cpu calls it."""
    n = data.get("ours_local", {}).get(name + level, {}).get(op, 0)
    if op == "per_cpu" and data.get("remote_call", {}).get(name + level):
        n += data["callee"].get(name) or 0
    return n


def ours_cost(data, name, level, op):
    """The project's count for the comparison: per_cpu includes its callee
    when it calls percpu_remote_ptr."""
    n = data["ours"][name + level].get(op)
    return n + remote_callee(data, name, level, op) if n is not None else n


RMW_OPS = {"inc", "add", "add_return", "xchg", "cmpxchg"}


def caveat(key, arch, op):
    """What a baseline's sequence gives up against the project's, if anything."""
    if key == "linux":
        return "no bounds check" if op == "per_cpu" else None
    if key == "crate":
        if op == "per_cpu":
            return "no bounds check"
        if op in RMW_OPS:
            return "plain C, not IRQ-safe"
        if arch.startswith("aarch64"):
            return "movz: offsets < 64 KiB only"
        return None
    if key == "tls":
        return "plain C, per thread" if op in RMW_OPS else "per thread"
    if key == "array":
        return "no bounds check" if op == "per_cpu" else "plain C, not migration-safe"
    return None


def comparison(data, level):
    """Rows of (arch, op, ours text, ours, {baseline: n}, best, verdict)."""
    rows = []
    for name in data["targets"]:
        for op in CMP_OPS:
            ours = ours_cost(data, name, level, op)
            base = {key: data["baselines"][key + name + level].get(op)
                    for key, _, _ in BASELINES}
            present = {k: v for k, v in base.items() if v is not None}
            best_key = min(present, key=present.get)
            best = present[best_key]
            site = data["ours"][name + level].get(op)
            text = str(site)
            if remote_callee(data, name, level, op):
                text = "%d+%d" % (site, remote_callee(data, name, level, op))
            label = dict((k, l.split()[0]) for k, _, l in BASELINES)
            if ours <= best:
                verdict = "ok" if ours == best else "ok (%d fewer)" % (best - ours)
            else:
                verdict = "MISS +%d vs %s" % (ours - best, label[best_key])
                why = caveat(best_key, name, op)
                if why:
                    verdict += ": " + why
            linux = base["linux"]
            d = ours - linux
            vs_linux = "=" if d == 0 else ("%+d" % d)
            rows.append(dict(arch=name, op=op, ours_text=text, ours=ours,
                             base=base, best=best, best_key=best_key,
                             ratio=ours / best, verdict=verdict,
                             hit=ours <= best, vs_linux=vs_linux,
                             hit_linux=d <= 0))
    return rows


def table_ours(data):
    lines = []
    header = "| operation |"
    rule = "|---|"
    for name in data["targets"]:
        header += " %s -O2 | -O0 |" % name
        rule += "---|---|"
    lines += [header, rule]
    for op in OURS_OPS:
        row = "| `%s` |" % op
        for name in data["targets"]:
            for level in LEVELS:
                n = data["ours"][name + level].get(op)
                extra = remote_callee(data, name, level, op)
                row += " %s |" % ("?" if n is None else
                                  "%d+%d" % (n, extra) if extra else n)
        lines.append(row)
    return "\n".join(lines)


def table_comparison(data, level):
    lines = ["| arch | operation | this project | " +
             " | ".join(b[2] for b in BASELINES) +
             " | ratio to best | verdict | vs (a) |",
             "|---|---|---|" + "---|" * len(BASELINES) + "---|---|---|"]
    for r in comparison(data, level):
        cells = []
        for key, _, _ in BASELINES:
            v = r["base"][key]
            cell = "n/a" if v is None else str(v)
            if key == r["best_key"]:
                cell = "**%s**" % cell
            cells.append(cell)
        lines.append("| %s | `%s` | %s | %s | %.2f | %s | %s |" % (
            r["arch"], r["op"], r["ours_text"], " | ".join(cells),
            r["ratio"], r["verdict"], r["vs_linux"]))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build", nargs="?", default="build")
    ap.add_argument("--json", help="also write the counts to this file")
    args = ap.parse_args()
    data = measure(Build(args.build))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(data, f, indent=1)
    print("Instructions per operation (this project, %s;"
          " a+b: the operation + the helper it calls):\n" % ACCESSORS)
    print(table_ours(data))
    for level in LEVELS:
        print("\nAgainst the hand-written versions at %s (bold: the best;"
              " a+b: the operation + the helper it calls):\n" % level)
        print(table_comparison(data, level))


if __name__ == "__main__":
    main()
