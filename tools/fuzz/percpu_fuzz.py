# SPDX-License-Identifier: BSD-2-Clause
"""Csmith differential testing of the percpu-llvm pass (scripts/fuzz).

For each seed: csmith writes a program, every global of which becomes
per-CPU (csmith_program.py); on each architecture, its plain build gives
the reference output and its per-CPU build must match it on two CPUs
(differential.py). A difference is saved, reduced (reducer.py) and
printed. Ends with "N same, N different, N skipped"; exit status 1 when
anything differed. docs/fuzzing.md explains it all.
"""
import argparse
import collections
import os
import random
import shutil
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # keep the source tree clean

import csmith_program
import differential
import reducer
import toolchain

KINDS = ("same", "different", "skipped")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="scripts/fuzz", description=__doc__.splitlines()[0])
    p.add_argument("--build-dir", default=os.path.join(toolchain.ROOT, "build"),
                   help="build to test (default: build)")
    p.add_argument("--arch", default="x86_64",
                   help="comma-separated, or 'all': %s (default: x86_64)" % ",".join(toolchain.ARCHES))
    p.add_argument("--levels", default="O0,O2,thinlto",
                   help="comma-separated from %s (default: all)" % ",".join(toolchain.LEVELS))
    p.add_argument("--rotate-levels", action="store_true",
                   help="one level per seed, in turn, instead of every level")
    p.add_argument("--seed", type=int, help="run this one seed")
    p.add_argument("--start-seed", type=int, help="first seed (default: random)")
    p.add_argument("--count", type=int, default=10, help="number of seeds (default: 10)")
    p.add_argument("--timeout", type=float, default=5,
                   help="seconds per plain run; the per-CPU build gets twice (default: 5)")
    p.add_argument("--pointers", action="store_true",
                   help="csmith programs with pointers; the globals whose address they "
                        "take stay ordinary")
    p.add_argument("--csmith-options",
                   help="options for csmith (default: %s; with --pointers: none)"
                        % " ".join(csmith_program.DEFAULT_CSMITH_OPTIONS))
    p.add_argument("--min-same", type=int, default=0,
                   help="fail unless at least this many comparisons came out the same")
    p.add_argument("--control", action="store_true",
                   help="negative control: run 2 stays on cpu 0; every program that "
                        "writes a global must come out different")
    p.add_argument("--findings", help="where differences are saved (default: BUILD_DIR/fuzz-findings)")
    p.add_argument("--reduce-seconds", type=float, default=120,
                   help="time to reduce each difference, 0 for none (default: 120)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="seeds in parallel (default: 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no line per comparison")
    args = p.parse_args(argv)
    args.arches = list(toolchain.ARCHES) if args.arch == "all" else args.arch.split(",")
    args.level_list = args.levels.split(",")
    for name, known in ((args.arches, toolchain.ARCHES), (args.level_list, toolchain.LEVELS)):
        unknown = [n for n in name if n not in known]
        if unknown:
            p.error("unknown: " + ", ".join(unknown))
    if args.seed is not None:
        args.start_seed, args.count = args.seed, 1
    elif args.start_seed is None:
        args.start_seed = random.randrange(1, 2**31 - args.count)
    if args.csmith_options is None:
        args.csmith_options = " ".join(csmith_program.POINTER_OPTIONS if args.pointers
                                       else csmith_program.DEFAULT_CSMITH_OPTIONS)
    args.findings = args.findings or os.path.join(args.build_dir, "fuzz-findings")
    return args


def check_available(args):
    """Exits with a message when a requested architecture cannot run here."""
    lib = os.path.join(args.build_dir, "lib", "percpu-llvm")  # cmake/PercpuLayout.cmake
    for name in args.arches:
        arch = toolchain.ARCHES[name]
        if not os.path.exists(os.path.join(lib, name, "libpercpu.a")):
            sys.exit("scripts/fuzz: no %s runtime in %s" % (name, lib))
        if arch.emulator and not shutil.which(arch.emulator):
            sys.exit("scripts/fuzz: %s not found (scripts/setup installs qemu-user)" % arch.emulator)
    if not shutil.which("csmith"):
        sys.exit("scripts/fuzz: csmith not found (scripts/setup installs it)")


class Campaign:
    def __init__(self, args):
        self.args = args
        self.tools = toolchain.Toolchain(args.build_dir)
        self.counts = collections.Counter()   # (arch, level, kind)
        self.reasons = collections.Counter()  # (kind, reason)
        self.lock = threading.Lock()

    def levels_for(self, seed):
        levels = self.args.level_list
        return [levels[seed % len(levels)]] if self.args.rotate_levels else levels

    def record(self, seed, arch, level, outcome):
        with self.lock:
            self.counts[arch, level, outcome.kind] += 1
            if outcome.kind != "same":
                self.reasons[outcome.kind, outcome.reason] += 1
            if not self.args.quiet:
                why = ": " + outcome.reason if outcome.reason else ""
                print("seed %d %s %s: %s%s" % (seed, arch, level, outcome.kind, why), flush=True)

    def run_seed(self, seed):
        try:
            program = csmith_program.generate(seed, self.args.csmith_options.split())
            source, _ = csmith_program.make_percpu_source(program, self.args.pointers)
        except csmith_program.NotApplicable as e:
            for arch in self.args.arches:
                for level in self.levels_for(seed):
                    self.record(seed, arch, level, differential.skipped(str(e)))
            return
        with tempfile.TemporaryDirectory(prefix="percpu-fuzz-") as workdir:
            path = os.path.join(workdir, "seed%d.c" % seed)
            with open(path, "w") as f:
                f.write(source)
            for name in self.args.arches:
                self.run_arch(seed, toolchain.ARCHES[name], path, workdir)

    def comparison(self, arch):
        return differential.Comparison(self.tools, arch, self.args.timeout, self.args.control)

    def run_arch(self, seed, arch, path, workdir):
        cmp = self.comparison(arch)
        expected, ended = cmp.reference(path, workdir)
        for level in self.levels_for(seed):
            outcome = ended or cmp.compare(path, workdir, level, expected)
            self.record(seed, arch.name, level, outcome)
            if outcome.kind == "different":
                self.report(seed, arch, level, path, outcome)

    def still_fails(self, arch, level, reason):
        """The reducer's test: the plain program still runs and the per-CPU
        build still fails for the same reason."""
        def test(text):
            with tempfile.TemporaryDirectory(prefix="percpu-reduce-") as workdir:
                path = os.path.join(workdir, "candidate.c")
                with open(path, "w") as f:
                    f.write(text)
                cmp = self.comparison(arch)
                expected, ended = cmp.reference(path, workdir)
                if ended:
                    return False
                return cmp.compare(path, workdir, level, expected).reason == reason
        return test

    def report(self, seed, arch, level, path, outcome):
        os.makedirs(self.args.findings, exist_ok=True)
        stem = os.path.join(self.args.findings, "seed%d-%s-%s" % (seed, arch.name, level))
        with open(path) as f:
            source = f.read()
        with open(stem + ".c", "w") as f:
            f.write(source)
        reduced = source
        if self.args.reduce_seconds > 0:
            reduced = reducer.reduce_lines(source, self.still_fails(arch, level, outcome.reason),
                                           self.args.reduce_seconds)
        with open(stem + ".reduced.c", "w") as f:
            f.write(reduced)
        command = self.tools.command(arch, level, True, stem + ".reduced.c", stem + ".percpu",
                                     self.args.control)
        lines = reduced.split("\n")
        with self.lock:
            print("DIFFERENT: seed %d, %s, %s: %s" % (seed, arch.name, level, outcome.reason))
            print("  program: %s.c, reduced (%d lines): %s.reduced.c" % (stem, len(lines), stem))
            print("  per-CPU build: " + " ".join(command))
            print("  --- output or compiler error (tail) ---")
            print("\n".join("  " + l for l in outcome.detail.splitlines()[-20:]))
            print("  --- reduced program%s ---" % (" (first 150 lines)" if len(lines) > 150 else ""))
            print("\n".join("  " + l for l in lines[:150]), flush=True)

    def summary(self):
        a = self.args
        print("\n== percpu-fuzz: LLVM %s, seeds %d..%d, csmith options '%s'%s%s%s" % (
            self.tools.llvm_version, a.start_seed, a.start_seed + a.count - 1,
            a.csmith_options, ", address-taken globals ordinary" if a.pointers else "",
            ", levels rotated" if a.rotate_levels else "", ", CONTROL" if a.control else ""))
        for arch in a.arches:
            for level in a.level_list:
                n = [self.counts[arch, level, k] for k in KINDS]
                if sum(n):
                    print("%-12s %-8s %d same, %d different, %d skipped" % ((arch, level) + tuple(n)))
        for (kind, reason), n in sorted(self.reasons.items()):
            print("  %5d %s: %s" % (n, kind, reason))
        totals = [sum(v for (_, _, k), v in self.counts.items() if k == kind) for kind in KINDS]
        print("%d same, %d different, %d skipped" % tuple(totals), flush=True)
        return totals


def main(argv):
    args = parse_args(argv)
    check_available(args)
    campaign = Campaign(args)
    seeds = range(args.start_seed, args.start_seed + args.count)
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        list(pool.map(campaign.run_seed, seeds))
    same_count, different_count, _ = campaign.summary()
    if same_count < args.min_same:
        print("scripts/fuzz: only %d comparisons came out the same, %d needed"
              % (same_count, args.min_same))
        return 1
    return 1 if different_count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
