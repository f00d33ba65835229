# SPDX-License-Identifier: BSD-2-Clause
"""Loops in compiler output: the instructions of a function's innermost
loop (from the label LLVM marks "Loop Header" to the branch back to it),
and llvm-mca's estimate of the cycles one iteration takes on a named core.

Shared by the run-time family (bench/runtime/) and the code-quality cases
(bench/quality/).
"""
import os
import re
import subprocess
import tempfile

# Comments, directives and blank lines; labels are kept apart (LABEL).
SKIP = re.compile(r"^\s*([#/@;]|\.|$)")
LABEL = re.compile(r"^[.A-Za-z0-9_$]+:")
CALL = re.compile(r"^(call|callq|bl|jal|jalr)\s")


def function_lines(asm, func):
    lines = asm.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(func + ":"):
            out = []
            for l in lines[i + 1:]:
                if l.startswith(".Lfunc_end"):
                    break
                out.append(l)
            return out
    return None


def loop_body(asm, func):
    """The innermost loop of func: [instruction or label lines], header label
    excluded, back branch included. None when func has no marked loop."""
    lines = function_lines(asm, func)
    if lines is None:
        return None
    header, body = None, []
    for line in lines:
        if header is None:
            m = re.match(r"^(\.[A-Za-z0-9_]+):.*Loop Header", line)
            if m:
                header = m.group(1)
            continue
        if LABEL.match(line):
            body.append(line.split()[0])
            continue
        if SKIP.match(line):
            continue
        body.append(line.strip())
        if re.search(r"\s" + re.escape(header) + r"\s*$", line):
            return body
    return None


def instructions(body):
    return [l for l in body if not LABEL.match(l)]


def mca(build, triple, cpu, body, attrs=None):
    """llvm-mca on the loop body: {cycles per iteration, skipped: [insns it
    has no scheduling data for]}, or None without llvm-mca."""
    tool = build.tool("llvm-mca")
    if not tool or not body:
        return None
    if any(CALL.match(l) for l in body):
        return {"cycles": None, "skipped": [], "error": "the loop calls out"}
    with tempfile.NamedTemporaryFile("w", suffix=".s", delete=False) as f:
        f.write("\n".join(body) + "\n")
        path = f.name
    try:
        cmd = [tool, "-mtriple=" + triple, "-mcpu=" + cpu, "-iterations=200",
               "-skip-unsupported-instructions=lack-sched", path]
        if attrs:
            cmd.insert(1, "-mattr=" + attrs)
        p = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.remove(path)
    if p.returncode != 0:
        return {"cycles": None, "skipped": [], "error": p.stderr.strip()[-200:]}
    it = int(re.search(r"^Iterations:\s+(\d+)", p.stdout, re.M).group(1))
    cyc = int(re.search(r"^Total Cycles:\s+(\d+)", p.stdout, re.M).group(1))
    skipped = re.findall(r"^note: instruction:\s*(.*)$", p.stderr, re.M)
    return {"cycles": cyc / it, "skipped": [s.split()[0] for s in skipped]}
