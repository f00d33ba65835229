# SPDX-License-Identifier: BSD-2-Clause
# lit configuration for percpu-llvm. The build-specific values come from
# lit.site.cfg.py, which CMake generates in the build tree.
import os
import platform
import subprocess
import sys

import lit.formats
import lit.util

config.name = "percpu-llvm (LLVM %s)" % config.llvm_version_major
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".c", ".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.percpu_binary_dir, "test")

# FileCheck, not, count come from the same LLVM as the plugin.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")]
)

config.substitutions.append(("%clang", config.percpu_clang))
config.substitutions.append(("%opt", config.percpu_opt))
config.substitutions.append(("%plugin", config.percpu_plugin))
# percpu-c++: percpu-cc as clang++ (test/cxx).
config.substitutions.append(
    ("%percpu_cxx", os.path.join(os.path.dirname(config.percpu_cc), "percpu-c++")))
config.substitutions.append(("%percpu_cc", config.percpu_cc))
config.substitutions.append(("%percpu_include", config.percpu_include_dir))
config.substitutions.append(("%percpu_lib", config.percpu_lib_dir))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%percpu_src", config.percpu_source_dir))
# The csmith differential tester (scripts/fuzz) against this build.
config.substitutions.append(
    ("%percpu_fuzz", "%s %s --build-dir %s" % (
        sys.executable, os.path.join(config.percpu_source_dir, "tools", "fuzz", "percpu_fuzz.py"),
        config.percpu_binary_dir)))
config.substitutions.append(("%percpu_version", config.percpu_version))
config.substitutions.append(("%llvm_major", config.llvm_version_major))
config.substitutions.append(("%python", sys.executable))
# test/install: the build tree that `cmake --install` installs from.
config.substitutions.append(("%percpu_bin", config.percpu_binary_dir))
config.substitutions.append(("%cmake", config.cmake))
# cpack is installed beside cmake.
config.substitutions.append(
    ("%cpack", os.path.join(os.path.dirname(config.cmake), "cpack")))
if lit.util.which("dpkg-deb"):
    config.available_features.add("dpkg-deb")
# Compiling C with the plugin and the header, as a user would with plain clang.
config.substitutions.append(
    ("%percpu_clang",
     "%s -fpass-plugin=%s -I%s" % (config.percpu_clang, config.percpu_plugin, config.percpu_include_dir)))
# Lowering with opt: load the plugin and run the pass alone.
config.substitutions.append(
    ("%percpu_opt",
     "%s -load-pass-plugin=%s -passes=percpu-lower" % (config.percpu_opt, config.percpu_plugin)))

config.available_features.add("llvm-" + config.llvm_version_major)
# LLVM 16's backend picks other, equally correct, instructions for some
# sequences than 19 and later: --check-prefixes=A64,A64-%backend reads the
# A64-LLVM16 or the A64-LLVM19 lines (19 and later).
llvm_major = int(config.llvm_version_major)
config.substitutions.append(("%backend", "LLVM16" if llvm_major < 19 else "LLVM19"))
# What differs between the LLVM releases the tests run on (16 to 22), named
# by what it is rather than by the release, for "%if <feature>" in RUN lines.
if llvm_major >= 17:
    config.available_features.add("lld-relax-gp")  # lld's --relax-gp options
    config.available_features.add("lld-loongarch")  # lld links LoongArch
if llvm_major >= 19:
    # lld resolves R_AARCH64_GOT_LD_PREL19, the GOT load of -mcmodel=tiny
    # (llvm#89592).
    config.available_features.add("lld-aarch64-got-ld-prel19")
    # TSan skips an atomic load or store marked !nosanitize (before, the pass
    # gives its segment accesses single-thread scope: LLVMCompat.h).
    config.available_features.add("tsan-nosanitize-atomics")
# The header names a per-CPU array's unqualified type (per_cpu_ptr(&arr,
# cpu)) with __typeof_unqual__, which clang has in every C mode from 19; clang
# 16-18 have only C23's typeof_unqual, so the tests that take a whole
# per-CPU array compile with %std_for_arrays: -std=gnu2x before 19, as the
# header's error advises.
if llvm_major >= 19:
    config.available_features.add("typeof-unqual-every-c")
config.substitutions.append(
    ("%std_for_arrays", "" if llvm_major >= 19 else "-std=gnu2x"))
# LoongArch's SIMD extension, which the freestanding tests keep off
# (clang 16 knows no LSX, and no -mno-lsx).
config.substitutions.append(
    ("%loongarch_no_simd", "-mno-lsx" if llvm_major >= 17 else ""))
for triple in config.percpu_runtime_targets:
    config.available_features.add("runtime-" + triple.split("-")[0])
if platform.machine() == "x86_64":
    config.available_features.add("native-x86_64")

# qemu-user runs the freestanding programs of test/qemu: %run-<arch> is the
# emulator, and feature qemu-<arch> says that it exists and that the runtime
# for the arch was built.
for arch in ("aarch64", "riscv64", "riscv32", "loongarch64"):
    qemu = lit.util.which("qemu-" + arch)
    if arch == "loongarch64" and "lld-loongarch" not in config.available_features:
        qemu = None  # nothing links the program
    if qemu and "runtime-" + arch in config.available_features:
        config.available_features.add("qemu-" + arch)
        config.substitutions.append(("%run-" + arch, qemu))

# qemu-system runs the bare-metal kernels of test/kernel: feature
# qemu-system-<arch> says the emulator exists, %qemu-system-<arch> is it.
# %run-kernel STATUS cmd... runs one with a timeout and checks its exit
# status; %percpu_linker is the directory of the linker script fragments.
for arch in ("aarch64", "riscv64", "x86_64", "loongarch64"):
    qemu = lit.util.which("qemu-system-" + arch)
    if arch == "loongarch64" and "lld-loongarch" not in config.available_features:
        qemu = None  # nothing links the kernel
    if qemu:
        config.available_features.add("qemu-system-" + arch)
        config.substitutions.append(("%qemu-system-" + arch, qemu))
config.substitutions.append(
    ("%run-kernel", "sh " + os.path.join(config.test_source_root, "kernel", "Inputs", "run-kernel.sh")))
config.substitutions.append(("%percpu_linker", config.percpu_linker_dir))
# GNU ld for the cross targets (Debian's binutils-<triple>): feature
# gnu-ld-<arch>, substitution %gnu-ld-<arch>.
for arch in ("aarch64", "riscv64"):
    ld = lit.util.which(arch + "-linux-gnu-ld")
    if ld:
        config.available_features.add("gnu-ld-" + arch)
        config.substitutions.append(("%gnu-ld-" + arch, ld))
if lit.util.which("ld.bfd"):
    config.available_features.add("gnu-ld-x86_64")

# gdb runs the programs of test/gdb: feature gdb (native x86_64 programs),
# gdb-multiarch (qemu-user and qemu-system targets) and gdb-loongarch64
# when that gdb knows LoongArch (Debian 12's gdb 13 does not). %run-gdb
# runs gdb in batch mode (test/gdb/Inputs/run_gdb.py), loading the
# extension from the build tree.
for name in ("gdb", "gdb-multiarch"):
    path = lit.util.which(name)
    if path:
        config.available_features.add(name)
        config.substitutions.append(("%" + name + "-path", path))
        if name == "gdb-multiarch" and subprocess.run(
                [path, "-nx", "-batch", "-ex", "set architecture Loongarch64"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            config.available_features.add("gdb-loongarch64")
config.substitutions.append(
    ("%run-gdb", "%s %s --gdb-dir %s" % (
        sys.executable, os.path.join(config.test_source_root, "gdb", "Inputs", "run_gdb.py"),
        os.path.join(config.percpu_binary_dir, "share", "percpu-llvm", "gdb"))))
