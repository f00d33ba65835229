# SPDX-License-Identifier: BSD-2-Clause
"""How to build and run a program for each architecture and level.

x86_64 runs natively, hosted (glibc, libpercpu.a through percpu-cc). The
other architectures run under qemu-user, freestanding and static, as
test/qemu's programs do: qemu_rt.c gives _start, output and memcpy, and
test/fuzz/Inputs/freestanding_libc.c the printf and strcmp csmith needs.
The plain reference of an architecture is built the same way, with the
same clang, minus the plugin.
"""
import os
import subprocess
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUTS = os.path.join(ROOT, "test", "fuzz", "Inputs")
QEMU_RT = os.path.join(ROOT, "test", "qemu", "Inputs", "qemu_rt.c")
CSMITH_INCLUDE = "/usr/include/csmith"

LEVELS = {
    "O0": ["-O0"],
    "O2": ["-O2"],
    "thinlto": ["-O2", "-flto=thin", "-fuse-ld=lld"],
}

COMPILE_TIMEOUT = 180  # seconds; a compiler that takes longer has hung


@dataclass
class Arch:
    name: str
    target: str = ""             # empty: native, hosted
    percpu_flags: list = field(default_factory=list)  # percpu-cc only
    flags: list = field(default_factory=list)         # both builds
    emulator: str = ""

    @property
    def hosted(self):
        return not self.target


ARCHES = {a.name: a for a in [
    Arch("x86_64"),
    # TPIDR_EL1, the default, traps at EL0.
    Arch("aarch64", "aarch64-linux-gnu", ["--percpu-reg=tpidr_el0"],
         emulator="qemu-aarch64"),
    Arch("riscv64", "riscv64-linux-gnu", emulator="qemu-riscv64"),
    # Debian 12's qemu 7.2 has no LSX, which LLVM 22 uses unasked.
    Arch("loongarch64", "loongarch64-linux-gnu", flags=["-mno-lsx"],
         emulator="qemu-loongarch64"),
]}


class Toolchain:
    """One build directory's percpu-cc, and the clang it runs."""

    def __init__(self, build_dir):
        self.percpu_cc = os.path.join(os.path.abspath(build_dir), "bin", "percpu-cc")
        config = subprocess.run([self.percpu_cc, "--percpu-print-config"],
                                capture_output=True, text=True, check=True).stdout
        values = dict(line.split(": ", 1) for line in config.splitlines() if ": " in line)
        self.clang = values["clang"]
        self.llvm_version = values["llvm version"]

    def command(self, arch, level, percpu, source, output, control=False):
        """The compile-and-link command of one build."""
        main = "percpu_harness.c" if percpu else "plain_main.c"
        cmd = [self.percpu_cc] + arch.percpu_flags if percpu else [self.clang]
        cmd += ["-w", "-I" + CSMITH_INCLUDE] + LEVELS[level] + arch.flags
        if percpu:
            cmd.append("-DFUZZ_PERCPU")
        if control:
            cmd.append("-DFUZZ_CONTROL")
        sources = [source, os.path.join(INPUTS, main)]
        if not arch.hosted:
            # Inputs/libc goes first: it stands in for the C library's headers.
            cmd = cmd[:1] + ["--target=" + arch.target, "-ffreestanding", "-nostdlib",
                             "-static", "-fuse-ld=lld",
                             "-I" + os.path.join(INPUTS, "libc")] + cmd[1:]
            sources += [os.path.join(INPUTS, "freestanding_libc.c"), QEMU_RT]
        return cmd + sources + ["-o", output]


@dataclass
class Finished:
    returncode: int      # negative: killed by that signal
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False


def execute(cmd, timeout):
    """Runs cmd under coreutils' timeout, which kills its whole process
    group: a csmith program that loops, or a compiler that hangs, must not
    outlive a driver that was itself killed."""
    start = time.monotonic()
    try:
        r = subprocess.run(["timeout", "-s", "KILL", str(timeout)] + cmd,
                           capture_output=True, timeout=timeout + 60)
    except subprocess.TimeoutExpired as e:  # timeout itself hung: never seen
        return Finished(-9, (e.stdout or b"").decode(errors="replace"),
                        (e.stderr or b"").decode(errors="replace"),
                        time.monotonic() - start, timed_out=True)
    seconds = time.monotonic() - start
    status = r.returncode
    # At the limit, timeout signals its whole process group, itself
    # included: with KILL, it dies too, and subprocess sees -9.
    timed_out = status in (-9, 128 + 9) and seconds >= timeout
    if status > 128:  # killed by a signal: report it as subprocess would
        status = 128 - status
    return Finished(status, r.stdout.decode(errors="replace"),
                    r.stderr.decode(errors="replace"), seconds, timed_out)


def build(cmd):
    return execute(cmd, COMPILE_TIMEOUT)


def run(arch, binary, timeout):
    return execute(([arch.emulator] if arch.emulator else []) + [binary], timeout)
