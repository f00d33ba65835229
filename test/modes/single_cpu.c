// RUN: %percpu_clang --target=x86_64-linux-gnu -fno-asynchronous-unwind-tables -DPERCPU_SINGLE_CPU -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=X86
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -fno-asynchronous-unwind-tables -DPERCPU_SINGLE_CPU -O2 -S -o - %s | FileCheck %s --check-prefix=A64
// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -DPERCPU_SINGLE_CPU -O2 -S -o - %s | FileCheck %s --check-prefix=RV
// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -DPERCPU_SINGLE_CPU -O2 -S -o - %s | FileCheck %s --check-prefix=LA
// Verify that with PERCPU_SINGLE_CPU per-CPU variables are plain globals (no segment, no base register, x86 updates still unlocked single instructions) and that the unit asks for a single-CPU runtime.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// X86-LABEL: rd:
// X86-NEXT: movq v(%rip), %rax
// X86-NEXT: retq
// A64-LABEL: rd:
// A64-NOT: mrs
// A64: ldr x0, [{{x[0-9]+}}, :lo12:v]
// RV-LABEL: rd:
// RV-NOT: gp
// RV: ld a0, {{.*}}
// LA-LABEL: rd:
// LA-NOT: $r21
// LA: ld.d $a0, $a0, {{0|%pc_lo12\(v\)}}
unsigned long rd(void) { return this_cpu_read(v); }

// X86-LABEL: inc:
// X86-NOT: lock
// X86: incq v(%rip)
// X86-NOT: %gs
// A64-LABEL: inc:
// A64-NOT: mrs
// A64: {{stadd|ldadd}}
// LA-LABEL: inc:
// LA-NOT: $r21
// LA: amadd{{(_db)?}}.d
unsigned long inc(void) { this_cpu_inc(v); return 0; }

// X86-LABEL: ptr:
// X86-NEXT: leaq v(%rip), %rax
// X86-NEXT: retq
unsigned long *ptr(void) { return this_cpu_ptr(&v); }

// X86: .long __percpu_runtime_for_single_cpu-.L__percpu_runtime_check
// X86-NOT: %gs
// A64-NOT: TPIDR
// RV-NOT: gp
// LA-NOT: $r21
// SPDX-License-Identifier: BSD-2-Clause
