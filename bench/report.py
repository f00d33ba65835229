# SPDX-License-Identifier: BSD-2-Clause
"""Renders a run's figures: the targets (targets.py), the tables, the
explanations of the misses (misses.md, checked against the verdicts),
docs/benchmarks.md, the plots (plots.py) and the README's headline table.
Nothing here measures; every number printed comes from the run's results.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BENCH, DOCS, FAMILIES, ROOT, fmt_spread, log, md_table, summary  # noqa: E402
from codesize import codesize  # noqa: E402
import plots  # noqa: E402
import targets  # noqa: E402

MISSES = os.path.join(BENCH, "misses.md")
README = os.path.join(ROOT, "README.md")
HEADLINE_BEGIN = "<!-- bench/run: headline begin -->"
HEADLINE_END = "<!-- bench/run: headline end -->"


def load(results):
    """Results read back from JSON: thread counts are keys again."""
    rt = results.get("runtime") or {}
    if "time" in rt:
        rt["time"] = {int(k): v for k, v in rt["time"].items()}
    return results


# ---------------------------------------------------------------- misses.md

def read_misses():
    """{key: text} of misses.md: one "## key" section per explanation."""
    if not os.path.exists(MISSES):
        return {}
    with open(MISSES) as f:
        text = f.read()
    out = {}
    for m in re.finditer(r"^## (.+?)\n(.*?)(?=^## |^<!--|\Z)", text, re.M | re.S):
        out[m.group(1)] = m.group(2).strip()
    return out


def render_section(text, facts):
    """A misses.md section with the run's facts filled in. Its "When:" lines
    are conditions on the facts (Python expressions) that must hold for the
    explanation to be true; a section whose condition fails or that names a
    figure the run lacks is reported as such instead."""
    conds = re.findall(r"^When: (.*)$", text, re.M)
    body = re.sub(r"^When: .*\n?", "", text, flags=re.M).strip()
    env = {}
    for k, v in facts.items():
        try:
            env[k] = float(v)
        except (TypeError, ValueError):
            env[k] = v
    try:
        for c in conds:
            if not eval(c, {"__builtins__": {}}, env):
                return ("**bench/misses.md's explanation no longer matches this"
                        " run: `%s` does not hold.**" % c)
        return " ".join(body.format(**facts).split())
    except (KeyError, NameError, IndexError) as e:
        return ("**bench/misses.md needs %s, which this run did not measure.**"
                % e)


def explanations(tg, doc=None):
    """What explains each missed or unresolved target, or piece of one:
    the reason recorded with the data, or misses.md's section for the piece
    or for the whole target. Returns ([(key, text)], [keys nothing
    explains], [keys misses.md explains but this run hit: stale], [keys of
    misses.md no target knows]). misses.md may quote a target's facts as
    {name}. doc: {key: text}, read_misses() by default."""
    doc = read_misses() if doc is None else doc
    known = {}
    for t in tg:
        known[t["id"]] = t["verdict"]
        known.update(t["parts"])
    shown, missing = [], []
    for t in tg:
        if t["verdict"] == "hit":
            continue
        keys = [t["id"]] + [k for k, v in t["parts"].items() if v != "hit"]
        for k in keys:
            if k in doc:
                shown.append((k, render_section(doc[k], t["facts"])))
            elif k in t["reasons"]:
                shown.append((k, t["reasons"][k] + " (recorded with the baseline)."))
            elif k == t["id"] and t["parts"]:
                continue  # its pieces are explained one by one
            elif t["id"] in doc:
                continue  # explained as a whole
            elif (t["parts"].get(k) or t["verdict"]) == "not resolved here":
                shown.append((k, "Not resolved: the spread of the figures contains"
                              " the limit, so the noise of this machine hides the"
                              " margin; more runs or a quieter machine would"
                              " settle it."))
            else:
                missing.append(k)
    stale = [k for k in doc if known.get(k) == "hit"]
    unknown = [k for k in doc if k not in known]
    return shown, missing, stale, unknown


# ---------------------------------------------------------------- tables

def targets_table(tg, bold=True):
    def v(x):
        return ("**%s**" % x if bold else x.upper()) if x != "hit" else x
    return md_table(["target", "quantity", "measured", "verdict"],
                    [[t["target"], t["quantity"], t["measured"], v(t["verdict"])]
                     for t in tg])


def headline_table(code):
    """Per architecture: this project / best hand-written, at -O2."""
    header = ["operation"] + [t for t in code["targets"]]
    by = {(r["arch"], r["op"]): r for r in code["comparison-O2"]}
    rows = []
    for op in codesize.CMP_OPS:
        row = ["`%s`" % op]
        for t in code["targets"]:
            r = by[(t, op)]
            row.append("%s / %d%s" % (r["ours_text"], r["best"], "" if r["hit"] else " ✗"))
        rows.append(row)
    return md_table(header, rows)


def quality_table(q):
    from quality import quality as Q
    builds = list(q["builds"])
    before = (q.get("before") or {}).get("builds", {})
    header = ["case", "architecture", "what shows the miss"]
    for b in builds:
        name = targets.llvm_name(q["builds"][b]["llvm"])
        if b in before:
            header.append("%s before (main at %s)" % (name, q["before"]["commit"][:7]))
        header.append("%s, this build (%s)" % (name, b))

    def pattern(p):
        return "`%s`" % p.replace("\\b", "").replace("\\", "").replace(".*", " … ")

    def cell(r, case):
        s = "%d insns, %d %s× %s" % (r["insns"], r["bad"],
                                     "extra " if case.get("bad_over") else "",
                                     pattern(case["bad"]))
        if case["good"]:
            s += ", %d × %s" % (r["good"], pattern(case["good"]))
        if r.get("ref_insns") is not None:
            s += " (reference %d)" % r["ref_insns"]
        if r.get("mca") and r["mca"].get("cycles"):
            s += ", %.1f cycles (llvm-mca)" % r["mca"]["cycles"]
        return s + (": fixed" if r["fixed"] else ": **still there**")

    rows = []
    for case in Q.CASES:
        row = ["`%s` (`%s`)" % (case["id"], case["func"]), case["arch"], case["miss"]]
        for b in builds:
            if b in before:
                old = before[b]["cases"].get(case["id"])
                row.append(cell(old, case) if old else "not recorded")
            row.append(cell(q["builds"][b]["cases"][case["id"]], case))
        rows.append(row)
    return md_table(header, rows)


def runtime_table(rt):
    from runtime import runtime as R
    if not rt.get("time"):
        return None
    threads = rt["threads"]
    header = ["operation", "variant"]
    if rt.get("callgrind"):
        header += ["instructions / iteration (callgrind)"]
    for t in threads:
        header += ["ns / iteration, %d thread%s: median (IQR)" % (t, "s" if t > 1 else "")]
    rows = []
    for op, variant, fn in R.LOOPS:
        row = [R.OPS[op], R.VARIANTS[variant]]
        if rt.get("callgrind"):
            row.append("%.2f" % rt["callgrind"][fn])
        for t in threads:
            row.append(fmt_spread(summary(rt["time"][t][fn])))
        rows.append(row)
    return md_table(header, rows)


def static_loop_table(rt):
    from runtime import runtime as R
    header = ["architecture"] + ["%s: %s" % (op, v.replace("percpu_raw", "raw"))
                                 for op, v, _ in R.LOOPS]
    rows = []
    for arch, loops in rt["static"].items():
        row = [arch]
        for _, _, fn in R.LOOPS:
            e = loops[fn]
            c = "?" if e["insns"] is None else str(e["insns"])
            m = e.get("mca")
            if m and m.get("cycles") is not None:
                c += " / %.2f" % m["cycles"]
                if m["skipped"]:
                    c += "*"
            row.append(c)
        rows.append(row)
    return md_table(header, rows)


def mca_skipped(rt):
    s = set()
    for arch, loops in rt["static"].items():
        for e in loops.values():
            if e.get("mca") and e["mca"].get("skipped"):
                s.update("%s `%s`" % (arch, i) for i in e["mca"]["skipped"])
    return sorted(s)


def init_table(init):
    from init import init as I
    rows = []
    for r in init:
        mc, ini, cold, fresh = (summary([x[k] for x in r["runs"]])
                                for k in (I.MEMCPY, I.INIT, I.FIRST, I.FRESH))
        total = r["template"] * r["ncpus"]
        rows.append([I.size_name(r["size"]) + " (%d B)" % r["template"], r["ncpus"],
                     I.size_name(total) if total >= 1024 else total,
                     fmt_spread(ini, scale=1e6), fmt_spread(mc, scale=1e6),
                     "%.1f" % (total / ini["median"] / 1e9),
                     "%.1f" % (total / mc["median"] / 1e9),
                     fmt_spread(r["ratio"], "%", scale=100, digits=0),
                     "%.2f" % (cold["median"] * 1e6),
                     fmt_spread(fresh, scale=1e6),
                     fmt_spread(r["fresh_ratio"], "%", scale=100, digits=0),
                     len(r["runs"])])
    return md_table(["template", "CPUs", "bytes copied", "percpu_init µs", "memcpy µs",
                     "percpu_init GB/s", "memcpy GB/s", "memcpy time / percpu_init time",
                     "first memcpy pass µs", "fresh loop µs",
                     "fresh loop time / percpu_init time", "runs"], rows)


def remote_table(rem):
    a, b = summary(rem["per_cpu"]), summary(rem["linux"])
    cg = rem.get("callgrind") or {}
    ir = lambda fn: "%.0f" % cg[fn] if fn in cg else "n/a"
    return md_table(["loop", "ns per sum of %d CPUs: median (IQR)" % rem["ncpus"],
                     "ns per CPU", "instructions per sum (callgrind)"],
                    [["`for_each_possible_cpu` + `per_cpu`", fmt_spread(a, digits=1),
                      "%.2f" % (a["median"] / rem["ncpus"]), ir("sum_per_cpu")],
                     ["Linux-style `__per_cpu_offset[cpu]`", fmt_spread(b, digits=1),
                      "%.2f" % (b["median"] / rem["ncpus"]), ir("sum_linux")]])


def compile_tables(comp):
    from compile import compile as C
    out = []
    sq = comp.get("sqlite")
    if sq:
        rows = [["the pass, CPU s (`-ftime-report`, %d compiles)" % len(sq["pass_s"]),
                 fmt_spread(summary(sq["pass_s"]), digits=4)],
                ["the whole compile, CPU s (same reports)",
                 fmt_spread(summary(sq["compile_s"]), digits=2)]]
        if "process_plain" in sq:
            for label, key in (("without", "process_plain"), ("with", "process_pass")):
                rows += [["process, %s the plugin, wall s (hyperfine)" % label,
                          fmt_spread(summary(sq[key]["wall"]))],
                         ["process, %s the plugin, CPU s (hyperfine's mean)" % label,
                          "%.2f" % sq[key]["cpu_mean"]]]
        if "identical" in sq:
            rows += [["object files, with and without the plugin",
                      "byte-identical" if sq["identical"] else "**DIFFERENT**"]]
        if "repeat_spread" in sq:
            rows += [["two identical compiles with the plugin, CPU time apart",
                      "%.1f%%" % (100 * sq["repeat_spread"])]]
        out.append(md_table(["SQLite %s (%.1f MB), clang -O2" % (
            sq["info"]["sqlite"], sq["info"]["bytes"] / 1e6), "median (IQR)"], rows))
    gs = comp.get("generated") or []
    if gs:
        rows = []
        for g in gs:
            p = summary(g["pass_s"])
            rows.append([g["n"], g["n"] // 4, "%.2f" % (summary(g["compile_s"])["median"]),
                         "%.2f" % (p["median"] * 1e3),
                         "%.2f" % (p["median"] / g["n"] * 1e6),
                         "%.2f" % (min(g["isolated_s"]) / g["n"] * 1e6)
                         if g["isolated_s"] else "n/a"] +
                        ["%.2f" % (summary(g["refs"][r])["median"] / g["n"] * 1e6)
                         for r in C.REFERENCE_PASSES])
        out.append(md_table(
            ["accesses", "variables", "compile CPU s", "pass CPU ms",
             "pass µs / access", "pass alone (`opt`, fastest of %d) µs / access"
             % len(gs[0]["isolated_s"])] +
            ["%s µs / access" % r.replace("Pass", "") for r in C.REFERENCE_PASSES], rows))
    return out


# ---------------------------------------------------------------- stdout

# What the terminal shows per family, in this order: (family, heading,
# render(figures) -> text, or None when the run has nothing to show).
PRINTED = [
    ("code", "Code size: this project / best hand-written, -O2 (instructions)",
     headline_table),
    ("quality", "Code-quality cases", quality_table),
    ("remote", "Remote access, x86_64", remote_table),
    ("runtime", "Run time, x86_64", runtime_table),
    ("runtime", "Loop bodies (instructions / llvm-mca cycles)", static_loop_table),
    ("init", "Initialisation", init_table),
    ("compile", "Compile time", lambda comp: "\n\n".join(compile_tables(comp))),
]


def print_tables(results):
    m = results["machine"]
    print("# Benchmarks (%s, %s)" % (m["cpu"], m["llvm"]))
    for family, heading, render in PRINTED:
        text = render(results[family]) if results.get(family) else None
        if text is not None:
            print("\n## %s\n" % heading)
            print(text)
    tg = targets.all_targets(results)
    if tg:
        print("\n## Targets\n")
        print(targets_table(tg, bold=False))
    shown, missing, stale, unknown = explanations(tg)
    for k in missing:
        log("misses.md: no explanation for %s" % k)
    for k in stale:
        log("misses.md: %s is explained but hit in this run (stale)" % k)
    if set(results.get("families", [])) == set(FAMILIES):
        for k in unknown:
            log("misses.md: %s names no target of this run" % k)


# ---------------------------------------------------------------- docs

def plot_lines(drawn, name, alt):
    """The image line for plots.draw's figure `name`, if it was drawn."""
    return ["![%s](bench-%s.png)\n" % (alt, name)] if name in drawn else []


def code_doc(code, drawn):
    return (["### At -O2: this project / the best hand-written version\n",
             headline_table(code),
             "\n✗: more instructions than the best hand-written version;"
             " what that version gives up is in the target's figures.\n"] +
            plot_lines(drawn, "insn", "instructions per operation") +
            ["### Every version at -O2\n",
             codesize.table_comparison(code, "-O2"),
             "\n### Every version at -O0\n",
             codesize.table_comparison(code, "-O0"),
             "\n### Every operation of this project\n",
             "`bench/insn-counts` prints this table on its own.\n",
             codesize.table_ours(code)])


def runtime_doc(rt, drawn):
    out = []
    tab = runtime_table(rt)
    if tab:
        out += ["### x86_64\n",
                "`bench/runtime/runtime.c`: each thread plays a CPU"
                " (`percpu_init_reg(cpu)`, pinned to core `cpu`), all threads"
                " run the same loop at once, %d runs of %d iterations with"
                " the loops interleaved. Instructions: callgrind, 1 thread,"
                " %d iterations (inclusive of `get_cpu_id`).\n"
                % (rt["time_reps"], rt["time_n"], rt.get("callgrind_n", 0)),
                tab, ""]
        out += plot_lines(drawn, "runtime", "run-time cost")
    out += ["### Loop bodies on every architecture\n",
            "Instructions in the loop body (header to back-edge) at -O2, and"
            " after the slash llvm-mca's cycles per iteration (200"
            " iterations) on aarch64 `-mcpu=neoverse-n1` and riscv64"
            " `-mcpu=sifive-u74`: an estimate from LLVM's scheduling"
            " models, not a measurement. qemu-user runs these targets but"
            " its timing says nothing about hardware.\n",
            static_loop_table(rt)]
    sk = mca_skipped(rt)
    if sk:
        out.append("\n\\* llvm-mca has no scheduling data for %s: the estimate"
                   " leaves those instructions out." % ", ".join(sk))
    return out


# docs/benchmarks.md's section per family, in this order: (family, heading,
# introduction: text or intro(figures) -> text, body(figures, drawn plots) ->
# lines, the plot drawn for the family that closes its section or None).
DOC_SECTIONS = [
    ("code", "Code size per access",
     "Static instructions of one function per operation on an"
     " `unsigned long`, without the return (at -O0 with the frame"
     " set-up): `bench/codesize/accessors.c` compiled by `percpu-cc`,"
     " the hand-written versions of `bench/codesize/baselines/`"
     " compiled by the same clang with the same flags (their file"
     " headers say what each models): (a) Linux's `asm/percpu.h`"
     " style, (b) the reference Rust crate's sequences, (c)"
     " local-exec `__thread`, (d) `counters[get_cpu_id()]`. A call"
     " counts as one instruction, plus the body of a helper the"
     " operation calls (\"a+b\"). Targets: x86_64; aarch64 with"
     " `-march=armv8.1-a` (LSE); riscv64 (rv64gc); loongarch64.",
     code_doc, None),
    ("quality", "Code quality the counts cannot see",
     "`bench/quality/cases.c`, one function per case, compiled at -O2"
     " by every build present. Each cell: the instructions of the"
     " function (or of its loop body), how often the sequence that"
     " shows the miss appears (for a computed address: how often"
     " beyond the first), the sequence that shows it fixed, and the"
     " same build's count of the operation it should match"
     " (\"reference\"). \"Before\" was measured the same way on"
     " main at the commit named (`bench/quality/before.json`).",
     lambda q, drawn: [quality_table(q)], None),
    ("remote", "Remote access",
     lambda rem: "`bench/remote/remote.c`, natively: the sum of one counter over"
     " %d CPUs (`percpu_init` of 64 areas), %d sums per run, both"
     " loops in every run." % (rem["ncpus"], rem["sums"]),
     lambda rem, drawn: [remote_table(rem)], None),
    ("runtime", "Run-time cost",
     "`bench/runtime/loops.c`: one function per (variant, operation),"
     " N iterations of one access, a compiler barrier per iteration,"
     " no unrolling.",
     runtime_doc, None),
    ("init", "Initialisation cost",
     "`bench/init/init.c` linked with a generated template of"
     " `unsigned char[size - 64]`: `percpu_init(areas, ncpus)` against"
     " one `memcpy` of the template per CPU into the same (faulted-in,"
     " warmed) memory, both in every run, one process per run. Each"
     " timed span starts with the template and the areas in the caches:"
     " the memcpy loop after a warm-up pass, percpu_init after a memset"
     " of the areas (which erases the copies) and a read of the template"
     " (which the memset partly evicted). The"
     " ratio is memcpy's time over percpu_init's, run by run. \"First"
     " memcpy pass\": the same copy loop timed on its first call, as"
     " `percpu_init` always is, memcpy's lazy binding included. \"Fresh"
     " loop\": a second copy of that loop on a page of its own, first called"
     " after memcpy is bound and after the same memset and read as"
     " percpu_init: what the copies cost when their loop's code runs for the"
     " first time, as percpu_init's does. Not judged: it says how much of"
     " the gap to the warm loop any code run once pays.",
     lambda init, drawn: [init_table(init)], ("init", "initialisation")),
    ("compile", "Compile-time cost of the pass",
     "The pass's own CPU time is its line of clang's `-ftime-report`"
     " (user + system), against the front-end timer of the same"
     " report. SQLite's amalgamation has no per-CPU variable: the"
     " pass only walks it. Process time comes from hyperfine, runs"
     " only when two identical compiles agree within 1% in CPU"
     " time, and counts only when its spread resolves 1%. Generated files: N"
     " accesses to N/4 variables, 8 per function, mixing"
     " `this_cpu_inc/add/read/write`, plain `v += x` and"
     " `*this_cpu_ptr(&v) ^= x`; \"pass alone\" is `opt"
     " -passes=percpu-lower -time-passes` on the file's -O2 IR.",
     lambda comp, drawn: ["\n\n".join(compile_tables(comp))], ("compile", "compile time")),
]


def family_doc(figures, drawn, heading, intro, body, plot):
    """One DOC_SECTIONS row rendered: heading, introduction, body, plot."""
    lines = ["## %s\n" % heading,
             (intro(figures) if callable(intro) else intro) + "\n"]
    lines += body(figures, drawn)
    lines.append("")
    if plot:
        lines += plot_lines(drawn, *plot)
    return lines


def minutes(s):
    return "%.1f minutes" % (s / 60)


def write_docs(results, cmdline):
    m = results["machine"]
    tg = targets.all_targets(results)
    drawn = plots.draw(results)
    L = []
    L.append("# Benchmarks\n")
    L.append("Generated by `%s` on %s. Do not edit by hand: rerun it.\n" % (cmdline, m["date"]))
    L.append("| machine | |\n|---|---|")
    L.append("| CPU | %s (`nproc` = %d%s) |" % (m["cpu"], m["nproc"],
             ", %s guest" % m["hypervisor"] if m["hypervisor"] else ""))
    L.append("| kernel | Linux %s |" % m["kernel"])
    L.append("| compiler | %s |" % m["llvm"])
    L.append("| load average (1 min) | %.2f at the start, %.2f at the end, on %d CPUs |"
             % (m["load_at_start"], m["load_at_end"], m["nproc"]))
    L.append("| this run took | %s, measured (`bench/run --quick` is a shorter"
             " smoke test that writes no docs) |\n" % minutes(results["seconds"]))
    if m["load_at_start"] > 0.5 * m["nproc"] or m["load_at_end"] > 0.5 * m["nproc"]:
        L.append("**The machine was busy during this run** (other work kept its"
                 " load average near or above its CPU count): time figures are"
                 " noisier than on a quiet machine, and the verdicts below say"
                 " \"not resolved here\" where the noise hides the margin.\n")

    L.append("## Targets\n")
    L.append("Each target is judged on the quantity it names. A time is a median"
             " with its spread, the interquartile range (IQR, 25th to 75th"
             " percentile) of repeated runs; a ratio of two things timed in the"
             " same runs is taken run by run. A time target is **hit** only when"
             " its whole IQR meets the limit, **missed** when none of it does,"
             " and **not resolved here** when the limit lies inside the spread."
             " Instruction counts are exact and say so.\n")
    L.append(targets_table(tg))
    L.append("")
    shown, missing, stale, unknown = explanations(tg)
    L.append("## Misses\n")
    L.append("Why each missed or unresolved target (or piece of one) misses, from"
             " [bench/misses.md](../bench/misses.md), a hand-written file that"
             " `bench/run` checks against this run's verdicts; figures in it are"
             " quoted from the run.\n")
    for k, text in shown:
        L.append("- **%s.** %s" % (k, text))
    if missing:
        L.append("- **Not explained yet:** %s." % ", ".join("`%s`" % k for k in missing))
    if stale:
        L.append("- **Explained in bench/misses.md but hit in this run (stale):** %s."
                 % ", ".join("`%s`" % k for k in stale))
    if not (shown or missing):
        L.append("None.")
    L.append("")

    for family, heading, intro, body, plot in DOC_SECTIONS:
        if results.get(family):
            L += family_doc(results[family], drawn, heading, intro, body, plot)
    L.append("<!-- SPDX-License-Identifier: BSD-2-Clause -->")
    path = os.path.join(DOCS, "benchmarks.md")
    with open(path, "w") as f:
        f.write("\n".join(L).rstrip() + "\n")
    written = [os.path.relpath(path, ROOT)] + \
        [os.path.relpath(p, ROOT) for p in drawn.values()]
    code = results.get("code")
    if code and update_readme(results, code, tg):
        written.append("README.md")
    return written


def update_readme(results, code, tg):
    """Replaces the README's headline block with this run's figures."""
    with open(README) as f:
        text = f.read()
    if HEADLINE_BEGIN not in text or HEADLINE_END not in text:
        log("README.md has no headline markers: not updated")
        return False
    m = results["machine"]
    by = {t["id"]: t for t in tg}
    lines = [HEADLINE_BEGIN,
             "From the run of %s (%s, %s; the whole run took %s). Instructions"
             " at -O2, this project / the shortest hand-written version of the"
             " four (✗: longer):" % (m["date"], m["cpu"], targets.llvm_name(m["llvm"]),
                                      minutes(results["seconds"])),
             "", headline_table(code), ""]
    best = by.get("code.best")
    if best and best["reasons"]:
        lines.append("Where a hand-written version is shorter, what it gives up:")
        lines.append("")
        lines += ["- %s %s: %s." % (k.split("/")[1], "`%s`" % k.split("/")[2], why)
                  for k, why in best["reasons"].items()]
        lines.append("")
    for key in ("code.linux", "code.per_cpu", "remote.time", "init"):
        t = by.get(key)
        if t:
            lines.append("- %s (%s): %s, **%s**." % (t["target"], t["quantity"],
                                                   t["measured"], t["verdict"]))
    lines.append(HEADLINE_END)
    new = re.sub(re.escape(HEADLINE_BEGIN) + r".*?" + re.escape(HEADLINE_END),
                 lambda _: "\n".join(lines), text, flags=re.S)
    with open(README, "w") as f:
        f.write(new)
    return True
