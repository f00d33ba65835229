// Verify that every aarch64 runtime archive uses no FP/SIMD register or
// instruction (built -mgeneral-regs-only), since AArch64 ELF records no
// floating-point ABI and a kernel that has not enabled FP/SIMD, or does not
// save it, would link a runtime that does without a word. The control:
// the same check fails on an object that clang vectorises.
// REQUIRES: runtime-aarch64
// RUN: llvm-objdump -d --no-show-raw-insn %percpu_lib/aarch64/libpercpu.a | FileCheck %s
// RUN: llvm-objdump -d --no-show-raw-insn %percpu_lib/aarch64-tpidr_el2/libpercpu.a | FileCheck %s
// RUN: llvm-objdump -d --no-show-raw-insn %percpu_lib/aarch64-tpidr_el0/libpercpu.a | FileCheck %s
// RUN: llvm-objdump -d --no-show-raw-insn %percpu_lib/aarch64-single/libpercpu.a | FileCheck %s
// RUN: %clang --target=aarch64-linux-gnu -ffreestanding -O2 -c %s -o %t.o
// RUN: llvm-objdump -d --no-show-raw-insn %t.o | not FileCheck %s
// RUN: %clang --target=aarch64-linux-gnu -ffreestanding -O2 -mgeneral-regs-only -c %s -o %t.gpr.o
// RUN: llvm-objdump -d --no-show-raw-insn %t.gpr.o | FileCheck %s

// CHECK: file format elf64-littleaarch64
// An FP/SIMD mnemonic (fmov, fadd, ...) or register (v0, q0, d0, s0, h0,
// b0, SVE z0), or the FP control registers.
// CHECK-NOT: {{[0-9a-f]+:[[:space:]]+f[a-z0-9]*[[:space:]]}}
// CHECK-NOT: {{[[:space:],{[][vqdshbz][0-9]+([.,}[:space:]]|$)}}
// CHECK-NOT: {{fpcr|fpsr}}

// SPDX-License-Identifier: BSD-2-Clause
void clear(long *p)
{
	for (int i = 0; i < 64; i++)
		p[i] = 0;
}
