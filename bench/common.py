# SPDX-License-Identifier: BSD-2-Clause
"""What every benchmark family shares: paths, running commands, the build's
compilers, hyperfine, and the statistics every time figure is reported
with.

A time figure is a list of samples. It is reported as its median and its
spread, the interquartile range (25th to 75th percentile), which one
outlier on a shared machine cannot move. A ratio of two timed things
measured in the same runs (paired samples) is judged on the ratios of
each run; of two separately timed things, on the extremes of their spreads
(ratio_spread). verdict() turns a ratio, its spread and a limit into "hit",
"miss" or "not resolved here".
"""
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(BENCH, "out")
DOCS = os.path.join(ROOT, "docs")

# The benchmark families, one directory each, in the order bench/run runs them.
FAMILIES = ["code", "quality", "runtime", "init", "remote", "compile"]

# name, clang flags, runtime library directory under <build>/lib/percpu-llvm
TARGETS = [
    ("x86_64", ["--target=x86_64-linux-gnu"], "x86_64"),
    ("aarch64 (LSE)", ["--target=aarch64-linux-gnu", "-march=armv8.1-a",
                       "-ffreestanding"], "aarch64"),
    ("riscv64", ["--target=riscv64-linux-gnu", "-ffreestanding"], "riscv64"),
    ("loongarch64", ["--target=loongarch64-linux-gnu", "-ffreestanding"],
     "loongarch64"),
]
# llvm-mca's scheduling models for the loop bodies: (target name, -mtriple, -mcpu)
MCA_CPUS = {
    "aarch64 (LSE)": ("aarch64-linux-gnu", "neoverse-n1"),
    "riscv64": ("riscv64-linux-gnu", "sifive-u74"),
}


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    kw.setdefault("cwd", ROOT)
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


class Build:
    """One build directory: percpu-cc, the clang it drives, its LLVM tools."""

    def __init__(self, build):
        self.dir = build
        self.cc = os.path.join(ROOT, build, "bin", "percpu-cc")
        if not os.access(self.cc, os.X_OK):
            sys.exit("bench: no %s: scripts/build first" % build)
        out = run([self.cc, "--percpu-print-config"]).stdout
        self.clang = re.search(r"^clang: (.*)$", out, re.M).group(1).strip()
        self.bindir = os.path.dirname(self.clang)
        self.plugin = os.path.join(ROOT, build, "lib", "percpu-llvm",
                                   "PercpuLowering.so")
        self.version = run([self.clang, "--version"]).stdout.splitlines()[0]

    def tool(self, name):
        path = os.path.join(self.bindir, name)
        return path if os.access(path, os.X_OK) else None

    def lib(self, libdir):
        return os.path.join(ROOT, self.dir, "lib", "percpu-llvm", libdir,
                            "libpercpu.a")


def machine(build):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    hyper = ""
    try:
        m = re.search(r"Hypervisor vendor:\s*(\S+)", run(["lscpu"]).stdout)
        hyper = m.group(1) if m else ""
    except (OSError, subprocess.CalledProcessError):
        pass
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    return {
        "date": datetime.datetime.now(datetime.timezone.utc)
        .strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "cpu": cpu, "hypervisor": hyper,
        "kernel": platform.release(), "llvm": build.version,
        "arch": platform.machine(), "load_at_start": float(load),
    }


def load_now():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


# ---------------------------------------------------------------- statistics

def quantile(xs, q):
    """The q-quantile of xs, interpolated between order statistics."""
    s = sorted(xs)
    if len(s) == 1:
        return s[0]
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def summary(xs):
    """{median, q1, q3, min, max, n} of samples."""
    return {"median": statistics.median(xs), "q1": quantile(xs, 0.25),
            "q3": quantile(xs, 0.75), "min": min(xs), "max": max(xs),
            "n": len(xs)}


def paired_ratio(a, b):
    """Summary of a[i] / b[i]: two things timed in the same runs."""
    return summary([x / y for x, y in zip(a, b)])


def ratio_spread(a, b):
    """Summary-like ratio of two separately timed sample sets: the median
    ratio, and the extremes their interquartile ranges allow."""
    sa, sb = summary(a), summary(b)
    return {"median": sa["median"] / sb["median"], "q1": sa["q1"] / sb["q3"],
            "q3": sa["q3"] / sb["q1"], "n": min(sa["n"], sb["n"])}


def verdict(r, limit, at_least=False):
    """'hit' when the whole spread of ratio r meets the limit (r <= limit, or
    r >= limit with at_least), 'miss' when none of it does, 'not resolved
    here' when the limit lies inside the spread."""
    lo, hi = r["q1"], r["q3"]
    if at_least:
        lo, hi, limit = -hi, -lo, -limit
    if hi <= limit:
        return "hit"
    if lo > limit:
        return "miss"
    return "not resolved here"


def fmt_spread(s, unit="", scale=1.0, digits=2):
    """'median (q1–q3)' of a summary."""
    f = "%%.%df" % digits
    return (f + "%s (" + f + "–" + f + ")") % (
        s["median"] * scale, unit, s["q1"] * scale, s["q3"] * scale)


def rel_spread(s):
    """Interquartile range as a fraction of the median."""
    return (s["q3"] - s["q1"]) / s["median"] if s["median"] else 0.0


# ---------------------------------------------------------------- hyperfine

def hyperfine(commands, runs, warmup=0, name="hyperfine"):
    """Times each command (a list of argv lists) with hyperfine, one command
    after the other; returns, per command, {"wall": [s of each run],
    "cpu_mean": mean user + system s} (hyperfine records CPU time only as a
    mean), or None when hyperfine is missing."""
    if not shutil.which("hyperfine"):
        return None
    os.makedirs(OUT, exist_ok=True)
    export = os.path.join(OUT, name + ".json")
    cmd = ["hyperfine", "--style", "none", "-N", "--runs", str(runs),
           "--warmup", str(warmup), "--export-json", export]
    cmd += [" ".join(shlex_quote(a) for a in c) for c in commands]
    run(cmd)
    with open(export) as f:
        data = json.load(f)
    return [{"wall": r["times"], "cpu_mean": r["user"] + r["system"]}
            for r in data["results"]]


def shlex_quote(a):
    import shlex
    return shlex.quote(a)


def md_table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)
