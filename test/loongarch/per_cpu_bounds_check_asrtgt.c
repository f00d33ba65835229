// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s
// Verify that on LoongArch per_cpu(v, cpu) at -O2 checks the CPU with one asrtgt.d of the count against the CPU as it comes (sign-extended, compared unsigned), then makes Linux's two loads, with no branch and no zero-extension (10 instructions with LLVM 19, whose addi.d of %pc_lo12 LLVM 20 folds into the load), and that a for_each_possible_cpu loop loads the layout once.
// SPDX-License-Identifier: BSD-2-Clause
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// CHECK-LABEL: remote:
// CHECK-NEXT: pcalau12i [[L:\$[a-z0-9]+]], %pc_hi20(__percpu_remote_layout)
// CHECK: ld.d [[T:\$[a-z0-9]+]], [[L]],
// CHECK-NEXT: ld.w [[N:\$[a-z0-9]+]], [[T]], -4
// CHECK-NEXT: asrtgt.d [[N]], $a0
// CHECK-NEXT: slli.d [[I:\$[a-z0-9]+]], $a0, 3
// CHECK-NEXT: ldx.d [[O:\$[a-z0-9]+]], [[T]], [[I]]
// CHECK-NEXT: pcalau12i [[V:\$[a-z0-9]+]], %pc_hi20(v)
// CHECK-NEXT: addi.d [[V]], [[V]], %pc_lo12(v)
// CHECK-NEXT: ldx.d $a0, {{\$[a-z0-9]+}}, {{\$[a-z0-9]+}}
// CHECK-NEXT: ret
unsigned long remote(unsigned cpu) { return per_cpu(v, cpu); }

// CHECK-LABEL: sum:
// CHECK: %pc_hi20(__percpu_remote_layout)
// CHECK-NOT: %pc_hi20(__percpu_remote_layout)
// CHECK: asrtgt.d
// CHECK: ret
unsigned long sum(void) {
  unsigned long s = 0;
  unsigned cpu;
  for_each_possible_cpu(cpu) s += per_cpu(v, cpu);
  return s;
}
