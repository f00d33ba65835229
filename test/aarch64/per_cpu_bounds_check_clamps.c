// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.9-a+cssc -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=CSSC
// Verify that on AArch64 per_cpu(v, cpu) at -O2 is Linux's two loads plus the count's load and a clamp of the CPU to it (cmp, csel: 9 instructions, no branch, no call), with the table reached adrp + :lo12: (hidden, no GOT), that with FEAT_CSSC the clamp is one umin (8 instructions), and that a for_each_possible_cpu loop keeps no csel.
// SPDX-License-Identifier: BSD-2-Clause
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// CHECK-LABEL: remote:
// CHECK-NEXT: adrp [[L:x[0-9]+]], __percpu_remote_layout
// CHECK-NEXT: ldr [[T:x[0-9]+]], [[[L]], :lo12:__percpu_remote_layout]
// CHECK-NEXT: ldur [[N:w[0-9]+]], [[[T]], #-4]
// CHECK-NEXT: cmp
// CHECK-NEXT: csel [[I:w[0-9]+]], {{w[0-9]+}}, {{w[0-9]+}}, lo
// CHECK-NEXT: ldr [[O:x[0-9]+]], [[[T]], [[I]], uxtw #3]
// CHECK-NEXT: adrp [[V:x[0-9]+]], v
// CHECK-NEXT: add [[V]], [[V]], :lo12:v
// CHECK-NEXT: ldr x0, [{{x[0-9]+}}, {{x[0-9]+}}]
// CHECK-NEXT: ret
// CSSC-LABEL: remote:
// CSSC: ldur [[N:w[0-9]+]], [{{x[0-9]+}}, #-4]
// CSSC-NEXT: umin [[I:w[0-9]+]], {{w[0-9]+}}, {{w[0-9]+}}
// CSSC-NEXT: ldr {{x[0-9]+}}, [{{x[0-9]+}}, [[I]], uxtw #3]
// CSSC-NOT: csel
// CSSC: ret
unsigned long remote(unsigned cpu) { return per_cpu(v, cpu); }

// CHECK-LABEL: sum:
// CHECK-NOT: csel
// CHECK-NOT: bl
// CHECK: ret
unsigned long sum(void) {
  unsigned long s = 0;
  unsigned cpu;
  for_each_possible_cpu(cpu) s += per_cpu(v, cpu);
  return s;
}
