# SPDX-License-Identifier: BSD-2-Clause
"""The plots of docs/benchmarks.md, drawn with matplotlib from a run's
figures: every panel has its legend, a time bar carries its interquartile
range, and a bar that is missing says why where it would be.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DOCS, log, summary  # noqa: E402

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#7f7f7f"]


def pyplot():
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        return plt
    except ImportError:
        log("plots: no matplotlib (python3-matplotlib; run with /usr/bin/python3):"
            " no PNG drawn")
        return None


def legend_below(ax, ncol=2):
    ax.legend(fontsize=8, ncol=ncol, loc="upper center", bbox_to_anchor=(0.5, -0.16))


def bars(ax, groups, series, values, errors=None, missing_note="n/a"):
    """Grouped bars: values[s][g], None where a series has no figure (marked
    with missing_note); errors[s][g] = (low, high) or None."""
    n = len(series)
    width = 0.8 / n
    for s, name in enumerate(series):
        xs = [g + (s - (n - 1) / 2) * width for g in range(len(groups))]
        ys = [v if v is not None else 0 for v in values[s]]
        err = None
        if errors:
            err = [[max(0, y - (e[0] if e else y)) for y, e in zip(ys, errors[s])],
                   [max(0, (e[1] if e else y) - y) for y, e in zip(ys, errors[s])]]
        # A label that starts with "_" would be left out of the legend.
        ax.bar(xs, ys, width, label="TLS " + name if name.startswith("_") else name,
               color=COLOURS[s % len(COLOURS)], yerr=err, capsize=2 if err else 0)
        for x, v in zip(xs, values[s]):
            if v is None:
                ax.text(x, 0.01, missing_note, rotation=90, ha="center", va="bottom",
                        fontsize=7, color="#555555", transform=ax.get_xaxis_transform())
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(groups, rotation=30, ha="right", fontsize=8)
    ax.grid(axis="y", alpha=0.3)


def insn(plt, code, path):
    from codesize import codesize as CS
    by = {(r["arch"], r["op"]): r for r in code["comparison-O2"]}
    fig, axes = plt.subplots(2, 2, figsize=(15, 11))
    names = ["this project"] + [label for _, _, label in CS.BASELINES]
    for ax, arch in zip(axes.flat, code["targets"]):
        vals = [[by[(arch, op)]["ours"] for op in CS.CMP_OPS]]
        for key, _, _ in CS.BASELINES:
            vals.append([by[(arch, op)]["base"][key] for op in CS.CMP_OPS])
        bars(ax, CS.CMP_OPS, names, vals)
        ax.set_title(arch)
        ax.set_ylabel("instructions (static, -O2)")
        legend_below(ax, ncol=5)
    fig.suptitle("Instructions per operation at -O2 (fewer is better; a helper an"
                 " operation calls is counted in)\nn/a: that baseline has no such"
                 " operation (__thread has no remote access)")
    fig.tight_layout()
    fig.savefig(path, dpi=90, bbox_inches="tight")


def runtime(plt, rt, path):
    from runtime import runtime as R
    variants = ["percpu", "percpu_raw", "tls", "atomic", "array", "global"]
    fn_of = {(op, v): fn for op, v, fn in R.LOOPS}
    ops = ["inc", "read", "ptr"]
    groups = [R.OPS[o].replace("`", "") for o in ops]
    names = [R.VARIANTS[v].replace("`", "") for v in variants]
    panels = []
    if rt.get("callgrind"):
        panels.append(("instructions per iteration (callgrind, 1 thread)",
                       lambda fn: (rt["callgrind"][fn], None), False))
    # (callgrind counts are exact: no spread)
    for t in rt["threads"]:
        panels.append(("ns per iteration, %d thread%s at once: median, IQR bars%s"
                       % (t, "s" if t > 1 else "", " (log scale)" if t > 1 else ""),
                       lambda fn, t=t: time_of(rt["time"][t][fn]), t > 1))
    fig, axes = plt.subplots(1, len(panels), figsize=(6 * len(panels), 7.5))
    if len(panels) == 1:
        axes = [axes]
    for ax, (title, get, log_scale) in zip(axes, panels):
        vals, errs = [], []
        for v in variants:
            row, erow = [], []
            for o in ops:
                fn = fn_of.get((o, v))
                y, e = get(fn) if fn else (None, None)
                row.append(y)
                erow.append(e)
            vals.append(row)
            errs.append(erow)
        if all(e is None for row in errs for e in row):
            errs = None
        bars(ax, groups, names, vals, errs)
        if log_scale:
            ax.set_yscale("log")
        ax.set_title(title, fontsize=10)
        legend_below(ax)
    fig.suptitle("Loops of one access per iteration, x86_64 (lower is better)\n"
                 "n/a: the variant has no such loop (__this_cpu_read only reads;"
                 " the atomic has no pointer; the global control only increments)")
    fig.tight_layout()
    fig.savefig(path, dpi=90, bbox_inches="tight")


def time_of(samples):
    s = summary(samples)
    return s["median"], (s["q1"], s["q3"])


def init(plt, init_res, path):
    from init import init as I
    labels = ["%s x %d" % (I.size_name(r["size"]).replace(" ", ""), r["ncpus"])
              for r in init_res]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(14, 6.5))
    gbs = []
    for k in (1, 0):  # percpu_init, memcpy
        row, err = [], []
        for r in init_res:
            total = r["template"] * r["ncpus"]
            s = summary([x[k] for x in r["runs"]])
            row.append(total / s["median"] / 1e9)
            err.append((total / s["q3"] / 1e9, total / s["q1"] / 1e9))
        gbs.append((row, err))
    bars(a1, labels, ["percpu_init", "memcpy"], [g[0] for g in gbs], [g[1] for g in gbs])
    a1.set_title("throughput, GB/s (higher is better): median, IQR bars", fontsize=10)
    legend_below(a1)
    ratios = [100 * r["ratio"]["median"] for r in init_res]
    errs = [(100 * r["ratio"]["q1"], 100 * r["ratio"]["q3"]) for r in init_res]
    bars(a2, labels, ["memcpy time / percpu_init time, per run"], [ratios], [errs])
    a2.axhline(80, color="#d62728", linestyle="--", label="target: 80%")
    a2.set_ylim(0, max([130] + [e[1] + 10 for e in errs]))
    a2.set_ylabel("%")
    a2.set_title("percpu_init against memcpy (%): median, IQR bars", fontsize=10)
    legend_below(a2)
    fig.suptitle("percpu_init against memcpy of the same bytes (template size x CPUs)")
    fig.tight_layout()
    fig.savefig(path, dpi=90, bbox_inches="tight")


def accesses_axis(ax, ns, ylabel, title):
    """A log-2 axis of the generated files' sizes, from 0 up."""
    ax.set_xscale("log", base=2)
    ax.set_xticks(ns)
    ax.set_xticklabels([str(n) for n in ns])
    ax.set_xlabel("per-CPU accesses")
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)


def compile_(plt, comp, path):
    from compile import compile as C
    gs = comp["generated"]
    ns = [g["n"] for g in gs]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(13, 5))
    a1.plot(ns, [summary(g["pass_s"])["median"] / g["n"] * 1e6 for g in gs], "o-",
            label="the per-CPU pass in clang -O2 (median)")
    if all(g["isolated_s"] for g in gs):
        a1.plot(ns, [min(g["isolated_s"]) / g["n"] * 1e6 for g in gs], "s-",
                label="the per-CPU pass alone, opt (fastest)")
    for p in C.REFERENCE_PASSES:
        a1.plot(ns, [summary(g["refs"][p])["median"] / g["n"] * 1e6 for g in gs], "^--",
                label=p + " in the same compiles")
    accesses_axis(a1, ns, "CPU µs per access", "time per access of each pass (flat = linear)")
    share = [100 * summary(g["pass_s"])["median"] / summary(g["compile_s"])["median"]
             for g in gs]
    a2.plot(ns, share, "o-", label="generated files: the pass / the compile")
    sq = comp.get("sqlite")
    if sq:
        s = 100 * summary([p / c for p, c in zip(sq["pass_s"], sq["compile_s"])])["median"]
        a2.axhline(s, color="#2ca02c", linestyle=":", label="SQLite: the pass / the compile")
    a2.axhline(1, color="#d62728", linestyle="--", label="target for SQLite: 1%")
    accesses_axis(a2, ns, "% of the compile's CPU time", "share of the compile (-ftime-report)")
    fig.suptitle("Compile time of the per-CPU pass (-O2, CPU time)")
    fig.tight_layout()
    fig.savefig(path, dpi=90, bbox_inches="tight")


def draw(results):
    """{plot name: path} of the plots drawn."""
    plt = pyplot()
    if not plt:
        return {}
    drawn = {}
    jobs = [("insn", results.get("code"), insn),
            ("runtime", (results.get("runtime") or {}).get("time") and results["runtime"],
             runtime),
            ("init", results.get("init"), init),
            ("compile", (results.get("compile") or {}).get("generated") and
             results["compile"], compile_)]
    for name, data, fn in jobs:
        if not data:
            continue
        path = os.path.join(DOCS, "bench-%s.png" % name)
        fn(plt, data, path)
        plt.close("all")
        drawn[name] = path
    return drawn
