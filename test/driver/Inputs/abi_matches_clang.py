# SPDX-License-Identifier: BSD-2-Clause
"""abi_matches_clang.py PERCPU_CC CLANG LLVM_MAJOR: for each set of options
below, compares the floating-point ABI percpu-cc picks the runtime for
(--percpu-print-config's "abi:") with the one clang compiles for (-###'s
-target-abi). Prints one line per case and exits 1 on any disagreement."""
import re
import subprocess
import sys

CASES = [
    "--target=riscv64-linux-gnu",
    "--target=riscv64-none-elf",
    "--target=riscv64-unknown-elf",
    "--target=riscv64-elf",
    "--target=riscv64-unknown-freebsd",
    "--target=riscv64-linux-gnu -mabi=lp64",
    "--target=riscv64-none-elf -mabi=lp64d",
    "--target=riscv64-none-elf -march=rv64gc",
    "--target=riscv64-linux-gnu -march=rv64imac",
    "--target=riscv64-linux-gnu -march=rv64imafdc",
    "--target=riscv64-none-elf -march=rv64gc_zba -mabi=lp64",
    "--target=riscv32-linux-gnu",
    "--target=riscv32-none-elf",
    "--target=riscv32-none-elf -march=rv32gc",
    "--target=riscv32-linux-gnu -march=rv32imac",
    "--target=riscv32-linux-gnu -mabi=ilp32",
    "--target=loongarch64-linux-gnu",
    "--target=loongarch64-none-elf",
    "--target=loongarch64-linux-gnu -mabi=lp64d",
]
# Since clang 17: F without D is the single-float ABI (clang 16: soft), and
# -march knows zicsr (clang 16 ignores a -march it cannot parse and takes
# the triple's default); LoongArch has a soft-float ABI (clang 16 emits
# lp64d whatever it is told).
CASES_17 = [
    "--target=riscv64-linux-gnu -march=rv64imafc",
    "--target=riscv32-none-elf -march=rv32imafc",
    "--target=riscv64-linux-gnu -march=rv64imac_zicsr_zifencei",
    "--target=loongarch64-linux-gnu -mabi=lp64s",
    "--target=loongarch64-linux-gnu -msoft-float",
    "--target=loongarch64-linux-gnu -mfpu=none",
    "--target=loongarch64-linux-gnu -mfpu=0",
    "--target=loongarch64-linux-gnusf",
    "--target=loongarch64-linux-gnu -mabi=lp64s -mdouble-float",
    "--target=loongarch64-none-elf -mfpu=64",
]


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    percpu_cc, clang, major = sys.argv[1], sys.argv[2], int(sys.argv[3])
    cases = CASES + (CASES_17 if major >= 17 else [])
    bad = 0
    for case in cases:
        opts = case.split()
        ours = run([percpu_cc, "--percpu-print-config", *opts, "-c", "-x", "c", "/dev/null"])
        m = re.search(r"^abi: (\S+)", ours.stdout, re.M)
        theirs = run([clang, *opts, "-###", "-c", "-x", "c", "/dev/null"])
        n = re.search(r'"-target-abi" "([^"]+)"', theirs.stderr)
        got = m.group(1) if m else "?"
        want = n.group(1) if n else "?"
        ok = got == want and got != "?"
        bad += not ok
        print("%s: percpu-cc %s, clang %s%s" % (case, got, want, "" if ok else "  MISMATCH"))
    print("%d cases, %d mismatches" % (len(cases), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
