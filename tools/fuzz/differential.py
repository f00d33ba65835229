# SPDX-License-Identifier: BSD-2-Clause
"""One comparison: a program on one architecture at one level.

The reference is the plain program at -O0 on that architecture (built
once per program and architecture). The per-CPU build runs it on CPU 0
and on CPU 1 (test/fuzz/Inputs/percpu_harness.c); both outputs must equal
the reference, and the harness's area checks must pass.

Outcome kinds: "same", "different" (a miscompile, a compiler crash or an
unexpected build failure) and "skipped" (the comparison says nothing about
the pass: a timeout, or a program clang or the pass legitimately rejects).
"""
import os
import re
from dataclasses import dataclass

import toolchain

RUN2_MARK = "percpu-fuzz: run 2\n"
AREAS_OK = "percpu-fuzz: areas ok\n"
SKIP_MARK = "percpu-fuzz: SKIP"

CRASH_SIGNS = ("PLEASE submit a bug report", "Stack dump:", "LLVM ERROR:",
               "Assertion", "clang frontend command failed",
               "percpu-llvm internal error")
# An error at a line of the program: clang's or the pass's diagnostic,
# both legitimate refusals (see README.md, "What is an error").
SOURCE_ERROR = re.compile(r"^\S+\.c:\d+:\d+: error: (.*)$", re.M)


@dataclass
class Outcome:
    kind: str    # same, different, skipped
    reason: str  # one line, the same for outcomes of one cause
    detail: str = ""


def same():
    return Outcome("same", "")


def skipped(reason, detail=""):
    return Outcome("skipped", reason, detail)


def different(reason, detail=""):
    return Outcome("different", reason, detail)


def build_failure(result, what):
    """The outcome of a failed build: crash or unexpected error, or a skip."""
    text = result.stderr
    if result.timed_out:
        return different(what + " build timed out", text[-2000:])
    if result.returncode < 0 or any(s in text for s in CRASH_SIGNS):
        return different(what + " compiler crash", text[-4000:])
    errors = SOURCE_ERROR.findall(text)
    if errors:
        # Variable names and types vary; the reason keeps the message's shape.
        return skipped(what + " rejected: " + re.sub(r"'[^']*'", "'...'", errors[0])[:120], text[-2000:])
    return different(what + " build failed", text[-4000:])


class Comparison:
    """Builds and runs the programs of one case in workdir."""

    def __init__(self, tools, arch, timeout, control=False):
        self.tools, self.arch, self.timeout, self.control = tools, arch, timeout, control

    def reference(self, source, workdir, level="O0"):
        """(plain output, None) or (None, the outcome that ends the case)."""
        binary = os.path.join(workdir, "plain-" + level)
        built = toolchain.build(self.tools.command(self.arch, level, False, source, binary))
        if built.returncode != 0:
            outcome = build_failure(built, "plain")
            # The plain program is csmith's own: a failure is never ours.
            return None, skipped(outcome.reason, outcome.detail)
        ran = toolchain.run(self.arch, binary, self.timeout)
        if ran.timed_out:
            return None, skipped("plain run timed out")
        if ran.returncode != 0 or not ran.stdout.startswith("checksum = "):
            return None, skipped("plain run failed (status %d)" % ran.returncode)
        return ran.stdout, None

    def percpu(self, source, workdir, level, expected):
        """The outcome of the per-CPU build against the expected output."""
        binary = os.path.join(workdir, "percpu-" + level)
        built = toolchain.build(self.tools.command(
            self.arch, level, True, source, binary, self.control))
        if built.returncode != 0:
            return build_failure(built, "per-CPU")
        # Two runs, and qemu's start-up: twice the plain program's time.
        ran = toolchain.run(self.arch, binary, 2 * self.timeout)
        out = ran.stdout
        if ran.timed_out:
            return skipped("per-CPU run timed out", out[-1000:])
        if out.startswith(SKIP_MARK):
            return skipped(out.splitlines()[0])
        if ran.returncode < 0:
            return different("per-CPU run killed by signal %d" % -ran.returncode, out[-2000:])
        run1, mark, rest = out.partition(RUN2_MARK)
        if run1 != expected:
            return different("run 1 (cpu 0) output differs", out[-2000:])
        if not mark or not rest.startswith(expected):
            return different("run 2 (cpu 1) output differs", out[-2000:])
        checks = rest[len(expected):]
        if checks != AREAS_OK or ran.returncode != 0:
            first = checks.splitlines()[0] if checks else "status %d" % ran.returncode
            return different("area check: " + re.sub(r" \(.*", "", first), out[-2000:])
        return same()

    def compare(self, source, workdir, level, expected):
        """percpu(), with a difference the plain program shows itself too
        (a clang bug between -O0 and level, or undefined behaviour csmith
        missed) counted as skipped."""
        outcome = self.percpu(source, workdir, level, expected)
        if outcome.kind == "different" and level != "O0" and "output differs" in outcome.reason:
            plain, ended = self.reference(source, workdir, level)
            if ended or plain != expected:
                return skipped("plain program differs between O0 and " + level)
        return outcome
