// RUN: not %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// Verify that the software shadow call stack on RISC-V, whose pointer LLVM 17 and later keep in gp (each prologue adds a word to gp and stores the return address through it), is an error about the unit when gp is the per-CPU base register, at -O0 and -O2 and on riscv32 too, instead of code whose accesses in every instrumented call reach a word past this CPU's copy; and that with tp as the base register the same unit compiles, its accesses adding tp while the shadow stack moves gp.
// RUN: not %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not %percpu_clang --target=riscv32-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -DPERCPU_REGISTER=tp -O2 -S -o - %s | FileCheck %s --check-prefix=TP
// LLVM 16 keeps the shadow stack in x18 and requires -ffixed-x18.
// UNSUPPORTED: llvm-16
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
unsigned long next_event(void);

// CHECK: {{^}}error: -fsanitize=shadow-call-stack keeps the shadow stack pointer in gp, the per-CPU base register{{$}}
// CHECK-NEXT: {{^}}note: make tp the base register (-DPERCPU_REGISTER=tp, percpu-cc --percpu-reg=tp), or build without the shadow call stack{{$}}
// CHECK-NOT: PLEASE submit

// TP-LABEL: {{^}}count_next:
// TP: addi gp, gp, 8
// TP: call next_event
// TP: add {{[a-z0-9]+}}, {{[a-z0-9]+}}, tp
// TP: addi gp, gp, -8
unsigned long count_next(void) {
  unsigned long n = next_event();
  hits += n;
  return n;
}
// SPDX-License-Identifier: BSD-2-Clause
