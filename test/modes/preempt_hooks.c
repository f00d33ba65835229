// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -fno-asynchronous-unwind-tables -DPERCPU_PREEMPT_HOOKS -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefixes=A64,A64-%backend
// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -DPERCPU_PREEMPT_HOOKS -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=RV
// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -DPERCPU_PREEMPT_HOOKS -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LA
// RUN: %percpu_clang --target=x86_64-linux-gnu -fno-asynchronous-unwind-tables -DPERCPU_PREEMPT_HOOKS -O2 -S -o - %s | FileCheck %s --check-prefix=X86
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | FileCheck %s --check-prefix=OFF
// Verify that with PERCPU_PREEMPT_HOOKS the this_cpu_* operations whose base register is read by an instruction of its own run between percpu_preempt_disable and percpu_preempt_enable (AArch64, RISC-V, LoongArch read-modify-writes), while raw operations, LoongArch's ldx/stx reads and writes, and every x86_64 operation (one instruction) do without, and that without the mode nothing calls the hooks.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// A64-LABEL: rd:
// A64: bl percpu_preempt_disable
// A64-LLVM16-NEXT: adrp
// A64-LLVM16-NEXT: add
// A64-NEXT: mrs [[B:x[0-9]+]], TPIDR_EL1
// A64-LLVM19-NEXT: adrp
// A64-LLVM19-NEXT: add
// A64-NEXT: ldr {{x[0-9]+}}, [[[B]], {{x[0-9]+}}]
// A64-NEXT: bl percpu_preempt_enable
// RV-LABEL: rd:
// RV: call percpu_preempt_disable
// RV: add {{.*}}gp
// RV: ld
// RV: call percpu_preempt_enable
// LA-LABEL: rd:
// LA-NOT: preempt
// LA: ldx.d $a0, $r21
// LA-NEXT: ret
unsigned long rd(void) { return this_cpu_read(v); }

// A64-LABEL: add:
// A64: bl percpu_preempt_disable
// A64-NEXT: mrs
// A64: stadd
// A64-NEXT: bl percpu_preempt_enable
// LA-LABEL: add:
// LA: percpu_preempt_disable
// LA: amadd.d
// LA-NEXT: {{.*}}percpu_preempt_enable
void add(unsigned long x) { this_cpu_add(v, x); }

// The caller of a raw operation already excluded preemption.
// A64-LABEL: raw:
// A64-NOT: preempt
// A64: ret
unsigned long raw(void) { return __this_cpu_read(v); }

// X86-NOT: percpu_preempt
// OFF-NOT: percpu_preempt
// SPDX-License-Identifier: BSD-2-Clause
