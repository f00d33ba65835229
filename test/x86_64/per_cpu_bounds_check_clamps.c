// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | grep -vE '^\s*#' | FileCheck %s
// Verify that per_cpu(v, cpu) at -O2 is Linux's two loads plus a clamp of the CPU to the count (cmp, cmov: 7 instructions, no branch, no call), that the count and the table come from one load of the hidden, %rip-relative layout, and that in a for_each_possible_cpu loop the clamp is gone (the loop bound is the same count).
// SPDX-License-Identifier: BSD-2-Clause
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// CHECK-LABEL: remote:
// CHECK-NEXT: movq __percpu_remote_layout(%rip), [[T:%r[a-z0-9]+]]
// CHECK-NEXT: movl -4([[T]]), [[N:%e[a-z0-9]+]]
// CHECK-NEXT: cmpl
// CHECK-NEXT: cmovbl
// CHECK-NEXT: movq ([[T]],{{%r[a-z0-9]+}},8), [[O:%r[a-z0-9]+]]
// CHECK-NEXT: leaq v(%rip), [[V:%r[a-z0-9]+]]
// CHECK-NEXT: movq ({{%r[a-z0-9]+}},{{%r[a-z0-9]+}}), %rax
// CHECK-NEXT: retq
unsigned long remote(unsigned cpu) { return per_cpu(v, cpu); }

// CHECK-LABEL: sum:
// CHECK: movq __percpu_remote_layout(%rip), [[T:%r[a-z0-9]+]]
// CHECK-NEXT: movl -4([[T]]),
// CHECK-NOT: cmov
// CHECK-NOT: call
// CHECK-NOT: __percpu_remote_layout
// CHECK: retq
unsigned long sum(void) {
  unsigned long s = 0;
  unsigned cpu;
  for_each_possible_cpu(cpu) s += per_cpu(v, cpu);
  return s;
}
