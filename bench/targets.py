# SPDX-License-Identifier: BSD-2-Clause
"""The targets, each judged on the quantity it names.

Every target is a dict:

  id        stable name; bench/misses.md explains misses by it
  quantity  what is compared: "time", "instructions (static)", ...
  target    the claim
  measured  the figures, with their spread for a time
  verdict   "hit", "miss" or "not resolved here" (common.verdict)
  parts     {sub-id: verdict} of the pieces a target is made of (one
            (architecture, operation) pair, one template size...), which
            bench/misses.md can explain one by one
  facts     {name: value} the explanations may quote as {name}
  reasons   {sub-id: why} for the misses the data itself explains (what a
            baseline gives up, recorded with it in bench/codesize/)

A time target is hit only when its whole interquartile range meets the
limit, missed only when none of it does; otherwise "not resolved here".
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (fmt_spread, paired_ratio, summary,  # noqa: E402
                    verdict)

from codesize import codesize  # noqa: E402

SHORT = {"linux": "Linux", "crate": "the crate", "tls": "`__thread`",
         "array": "the cpu-id array"}


def llvm_name(version):
    m = re.search(r"version (\d+)", version)
    return "LLVM " + m.group(1) if m else version


def combine(verdicts):
    """One verdict from several: a miss if any misses, a hit if all hit."""
    vs = list(verdicts)
    if any(v == "miss" for v in vs):
        return "miss"
    if all(v == "hit" for v in vs):
        return "hit"
    return "not resolved here"


def target(id, quantity, text, measured, v, parts=None, facts=None, reasons=None):
    return dict(id=id, quantity=quantity, target=text, measured=measured,
                verdict=v, parts=parts or {}, facts=facts or {},
                reasons=reasons or {})


def code_targets(code):
    rows = code["comparison-O2"]
    out = []
    parts = {"code.best/%s/%s" % (r["arch"], r["op"]): "hit" if r["hit"] else "miss"
             for r in rows}
    reasons = {"code.best/%s/%s" % (r["arch"], r["op"]):
               "%s's version: %s" % (SHORT[r["best_key"]],
                                     codesize.caveat(r["best_key"], r["arch"], r["op"]))
               for r in rows if not r["hit"] and
               codesize.caveat(r["best_key"], r["arch"], r["op"])}
    miss = ["%s `%s` %s vs %d (%s%s)" % (
        r["arch"], r["op"], r["ours_text"], r["best"], SHORT[r["best_key"]],
        ": " + codesize.caveat(r["best_key"], r["arch"], r["op"])
        if codesize.caveat(r["best_key"], r["arch"], r["op"]) else "")
        for r in rows if not r["hit"]]
    out.append(target(
        "code.best", "instructions (static, -O2)",
        "Never more instructions than the best hand-written version (4 baselines)",
        "%d of %d (architecture, operation) pairs; more in: %s"
        % (sum(r["hit"] for r in rows), len(rows), "; ".join(miss) or "none"),
        combine(parts.values()), parts, reasons=reasons))
    parts = {"code.linux/%s/%s" % (r["arch"], r["op"]): "hit" if r["hit_linux"] else "miss"
             for r in rows if r["op"] != "per_cpu"}
    facts = {}
    lm = []
    for r in rows:
        if r["op"] == "per_cpu" or r["hit_linux"]:
            continue
        lm.append("%s `%s` %d vs %d" % (r["arch"], r["op"], r["ours"], r["base"]["linux"]))
        key = "%s_%s" % (r["arch"].split()[0], r["op"])
        facts[key + "_ours"], facts[key + "_linux"] = r["ours"], r["base"]["linux"]
    out.append(target(
        "code.linux", "instructions (static, -O2)",
        "Never more instructions than Linux's version with the same guarantees"
        " (`per_cpu`: next target)",
        "%d of %d pairs; more in: %s" % (sum(v == "hit" for v in parts.values()),
                                          len(parts), "; ".join(lm) or "none"),
        combine(parts.values()), parts, facts))
    # Issue 12: per_cpu at most Linux's unchecked form + 2 (the bounds check).
    parts, cells, facts = {}, [], {}
    for r in rows:
        if r["op"] != "per_cpu":
            continue
        limit = r["base"]["linux"] + 2
        parts["code.per_cpu/%s" % r["arch"]] = "hit" if r["ours"] <= limit else "miss"
        cells.append("%s %s vs %d + 2" % (r["arch"], r["ours_text"], r["base"]["linux"]))
        key = r["arch"].split()[0]
        facts[key + "_ours"], facts[key + "_linux"] = r["ours"], r["base"]["linux"]
    out.append(target(
        "code.per_cpu", "instructions (static, -O2)",
        "`per_cpu(v, cpu)` ≤ Linux's unchecked form + 2, on every architecture",
        "; ".join(cells), combine(parts.values()), parts, facts))
    return out


def runtime_targets(rt):
    out = []
    from runtime import runtime as R
    if rt.get("time"):
        tm = rt["time"][1]
        parts, cells = {}, []
        for label, a, b in R.VS_TLS:
            r = paired_ratio(tm[a], tm[b])
            v = verdict(r, 1.05)
            parts["runtime.time/" + label] = v
            cells.append("%s %s× (%s vs %s ns)" % (
                label, fmt_spread(r), "%.2f" % summary(tm[a])["median"],
                "%.2f" % summary(tm[b])["median"]))
        facts = {fn: "%.2f" % summary(v)["median"] for fn, v in tm.items()}
        out.append(target(
            "runtime.time", "time (x86_64, 1 thread; ratio per run, median"
            " and interquartile range of %d runs)" % rt["time_reps"],
            "Loops of one access: within 5% of `__thread`",
            "; ".join(cells), combine(parts.values()), parts, facts))
    if rt.get("callgrind"):
        ir = rt["callgrind"]
        parts, cells = {}, []
        for label, a, b in R.VS_TLS:
            parts["runtime.insns/" + label] = "hit" if ir[a] <= 1.05 * ir[b] else "miss"
            cells.append("%s %.2f vs %.2f" % (label, ir[a], ir[b]))
        out.append(target(
            "runtime.insns", "instructions executed per iteration (callgrind, x86_64)",
            "Loops of one access: within 5% of `__thread`",
            "; ".join(cells), combine(parts.values()), parts,
            {fn: "%.0f" % v for fn, v in ir.items()}))
    st = rt["static"]
    parts, cells = {}, []
    for arch in st:
        if arch == "x86_64":
            continue
        sub = []
        for label, a, b in R.VS_TLS:
            x, y = st[arch][a]["insns"], st[arch][b]["insns"]
            parts["runtime.static/%s/%s" % (arch, label)] = \
                "hit" if x <= 1.05 * y else "miss"
            mca = st[arch][a].get("mca")
            mcb = st[arch][b].get("mca")
            extra = ""
            if mca and mcb and mca.get("cycles") and mcb.get("cycles"):
                extra = " (llvm-mca %.1f vs %.1f cycles)" % (mca["cycles"], mcb["cycles"])
            sub.append("%s %d/%d%s" % (label, x, y, extra))
        cells.append("%s: %s" % (arch, ", ".join(sub)))
    out.append(target(
        "runtime.static", "instructions per loop iteration (static, -O2)",
        "Loop bodies on the qemu targets: within 5% of `__thread`",
        "; ".join(cells), combine(parts.values()), parts))
    if 2 in rt.get("time", {}):
        tm = rt["time"][2]
        r = paired_ratio(tm["atomic_inc"], tm["percpu_inc"])
        out.append(target(
            "runtime.atomic", "time (x86_64, 2 threads at once)",
            "Increments ≥ 3× faster than a shared atomic",
            "%s× faster (%.2f vs %.2f ns per increment)"
            % (fmt_spread(r, digits=1), summary(tm["percpu_inc"])["median"],
               summary(tm["atomic_inc"])["median"]),
            verdict(r, 3.0, at_least=True)))
    return out


def init_targets(init):
    from init import init as I
    parts, worst = {}, None
    for r in init:
        ratio = r["ratio"]
        v = verdict(ratio, 0.8, at_least=True)
        parts["init/%s x %d" % (I.size_name(r["size"]), r["ncpus"])] = v
        if worst is None or ratio["median"] < worst["ratio"]["median"]:
            worst = r
    w = worst
    facts = {}
    prof = [r for r in init if r.get("profile")]
    if prof:
        p = prof[0]["profile"]
        facts.update(prof_case="%s × %d" % (I.size_name(prof[0]["size"]), prof[0]["ncpus"]),
                     prof_function=p["function"], prof_callees=len(p["callees"]))
        if "i1" in p:  # runs before the cache simulation have no misses
            facts.update(prof_i1=p["i1"])

    def us(field):
        return "%.2f" % (summary([x[field] for x in w["runs"]])["median"] * 1e6)

    facts.update({
        "worst": "%s × %d" % (I.size_name(w["size"]), w["ncpus"]),
        "worst_pct": "%.0f" % (100 * w["ratio"]["median"]),
        "worst_copy_us": us(I.MEMCPY), "worst_init_us": us(I.INIT),
        "worst_cold_us": us(I.FIRST), "worst_fresh_us": us(I.FRESH),
        "worst_fresh_pct": "%.0f" % (100 * w["fresh_ratio"]["median"])})
    if "faults" in w:
        facts["worst_faults"] = max(w["faults"])
    return [target(
        "init", "throughput (time of memcpy / time of percpu_init, per run)",
        "`percpu_init` ≥ 80% of memcpy's throughput at every size tried",
        "worst %s × %d CPUs: %s (runs: %d); %s" % (
            I.size_name(w["size"]), w["ncpus"], fmt_spread(w["ratio"], "%", scale=100, digits=0),
            len(w["runs"]),
            ", ".join("%s %s" % (k[5:], v) for k, v in parts.items() if v != "hit")
            or "every size hit"),
        combine(parts.values()), parts, facts)]


def remote_targets(rem):
    r = paired_ratio(rem["per_cpu"], rem["linux"])
    facts = {"ratio": "%.2f" % r["median"],
             "per_cpu_ns": "%.1f" % summary(rem["per_cpu"])["median"],
             "linux_ns": "%.1f" % summary(rem["linux"])["median"]}
    text = "%s× (%s vs %s ns per sum)" % (
        fmt_spread(r), fmt_spread(summary(rem["per_cpu"]), digits=1),
        fmt_spread(summary(rem["linux"]), digits=1))
    cg = rem.get("callgrind")
    if cg:
        # Supporting, not judged: the target is on time.
        text += "; instructions per sum (callgrind): %.0f vs %.0f" % (
            cg["sum_per_cpu"], cg["sum_linux"])
        facts.update(per_cpu_ir="%.0f" % cg["sum_per_cpu"],
                     linux_ir="%.0f" % cg["sum_linux"])
    return [target(
        "remote.time", "time (x86_64, ratio per run, %d runs)" % len(rem["per_cpu"]),
        "Sum over %d CPUs with `for_each_possible_cpu` + `per_cpu` within 1.2×"
        " a Linux-style `__per_cpu_offset[]` loop" % rem["ncpus"],
        text, verdict(r, 1.2), facts=facts)]


def compile_targets(comp):
    out = []
    sq = comp.get("sqlite")
    if sq:
        share = summary([p / c for p, c in zip(sq["pass_s"], sq["compile_s"])])
        v = verdict(share, 0.01)
        text = "the pass's own CPU time (`-ftime-report`): %s%% of the compile" \
            % fmt_spread(share, scale=100, digits=3)
        if "repeat_spread" in sq and "process_pass" not in sq:
            text += ("; no process timing: two identical compiles differed by"
                     " %.1f%% in CPU time, so it could not resolve 1%% here"
                     % (100 * sq["repeat_spread"]))
        if "process_pass" in sq:
            from common import ratio_spread
            pr = ratio_spread(sq["process_pass"]["wall"], sq["process_plain"]["wall"])
            width = pr["q3"] - pr["q1"]
            figs = ("process time (hyperfine, wall clock, %d runs each): %+.2f%% (%+.2f%%"
                    " to %+.2f%%)" % (len(sq["process_pass"]["wall"]), (pr["median"] - 1) * 100,
                                      (pr["q1"] - 1) * 100, (pr["q3"] - 1) * 100))
            if width < 0.01:
                text += "; " + figs
                v = combine([v, verdict(pr, 1.01)])
            else:
                text += "; " + figs + ": does not resolve 1% here, not judged"
        out.append(target("compile.sqlite", "CPU time of the pass / of the compile",
                          "SQLite -O2: < 1% extra compile time with the plugin",
                          text, v))
        if "identical" in sq:
            out.append(target("compile.identical", "bytes of the object files",
                              "SQLite objects byte-identical with and without the plugin",
                              "identical" if sq["identical"] else "different",
                              "hit" if sq["identical"] else "miss"))
    gs = comp.get("generated") or []
    if len(gs) >= 2 and all(g["isolated_s"] for g in gs):
        from compile import compile as C
        ns = [g["n"] for g in gs]
        fast = C.growth_exponent(ns, [min(g["isolated_s"]) for g in gs])
        med = C.growth_exponent(ns, [summary(g["isolated_s"])["median"] for g in gs])
        inside = C.growth_exponent(ns, [summary(g["pass_s"])["median"] for g in gs])
        refs = ", ".join("%s n^%.2f" % (p.replace("Pass", ""), C.growth_exponent(
            ns, [summary(g["refs"][p])["median"] for g in gs])) for p in C.REFERENCE_PASSES)
        vs = ["hit" if k < 1.15 else "miss" for k in (fast, med)]
        out.append(target(
            "compile.linear", "CPU time of the pass against accesses (power-law fit)",
            "The pass's time grows linearly with the number of accesses (exponent < 1.15)",
            "the pass alone (`opt`): n^%.2f (fastest runs), n^%.2f (medians); inside"
            " clang -O2: n^%.2f, where %s" % (fast, med, inside, refs),
            combine(vs), facts={"inside": "%.2f" % inside}))
    return out


def quality_targets(q):
    from quality import quality as Q
    out = []
    for case in Q.CASES:
        figs, verdicts, facts = [], [], {}
        for bdir, b in q["builds"].items():
            r = b["cases"][case["id"]]
            verdicts.append("hit" if r["fixed"] else "miss")
            key = llvm_name(b["llvm"]).replace("LLVM ", "llvm")
            facts[key] = r["insns"]
            facts[key + "_ref"] = r.get("ref_insns")
            facts[key + "_fixed"] = r["fixed"]
            figs.append("%s: %s, %d instructions%s%s" % (
                llvm_name(b["llvm"]),
                "fixed" if r["fixed"] else "still there",
                r["insns"], " (reference %d)" % r["ref_insns"] if "ref_insns" in r else "",
                "; llvm-mca %.1f cycles/iteration" % r["mca"]["cycles"]
                if r.get("mca") and r["mca"].get("cycles") else ""))
        out.append(target(
            "quality." + case["id"], "instructions and the sequence emitted (static, -O2)",
            "Fixed on %s: %s" % (case["arch"], case["miss"]), "; ".join(figs),
            combine(verdicts), facts=facts))
    return out


# Each family's targets, in the order the targets table lists them.
TARGETS_BY_FAMILY = [
    ("code", code_targets),
    ("remote", remote_targets),
    ("runtime", runtime_targets),
    ("init", init_targets),
    ("compile", compile_targets),
    ("quality", quality_targets),
]


def all_targets(results):
    return [t for family, judge in TARGETS_BY_FAMILY if results.get(family)
            for t in judge(results[family])]
