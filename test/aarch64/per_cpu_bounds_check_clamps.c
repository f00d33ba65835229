// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefixes=CHECK,CHECK-%backend
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -DPERCPU_MAX_CPUS=0 -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=CLAMP
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.9-a+cssc -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -DPERCPU_MAX_CPUS=0 -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=CSSC
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -DPERCPU_SINGLE_CPU -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=SINGLE
// Verify that on AArch64 per_cpu(v, cpu) at -O2 is Linux's two loads plus a compare of the CPU with the table's capacity, PERCPU_MAX_CPUS (default 4096, an immediate), and a csinv that sends a CPU past it to entry -1 (8 instructions, no branch, no call), with the table reached adrp + :lo12: (hidden, no GOT); that a for_each_possible_cpu loop keeps no check (the count is at most the capacity); that with -DPERCPU_MAX_CPUS=0 the CPU is clamped to the count loaded from the table's header instead (cmp, csel: 9 instructions), one umin with FEAT_CSSC; and that in single-CPU mode (capacity 1) the check is a compare with 0 and no branch either.
// SPDX-License-Identifier: BSD-2-Clause
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// CHECK-LABEL: remote:
// CHECK-NEXT: adrp [[L:x[0-9]+]], __percpu_remote_layout
// CHECK-NEXT: cmp w0, #1, lsl #12
// CHECK-LLVM16-NEXT: csinv [[I:w[0-9]+]], w0, wzr, lo
// CHECK-NEXT: ldr [[T:x[0-9]+]], [[[L]], :lo12:__percpu_remote_layout]
// CHECK-LLVM19-NEXT: csinv [[I:w[0-9]+]], w0, wzr, lo
// CHECK-NEXT: ldr [[O:x[0-9]+]], [[[T]], [[I]], sxtw #3]
// CHECK-NEXT: adrp [[V:x[0-9]+]], v
// CHECK-NEXT: add [[V]], [[V]], :lo12:v
// CHECK-NEXT: ldr x0, [[[O]], [[V]]]
// CHECK-NEXT: ret
// CLAMP-LABEL: remote:
// CLAMP-NEXT: adrp [[L:x[0-9]+]], __percpu_remote_layout
// CLAMP-NEXT: ldr [[T:x[0-9]+]], [[[L]], :lo12:__percpu_remote_layout]
// CLAMP-NEXT: ldur [[N:w[0-9]+]], [[[T]], #-12]
// CLAMP-NEXT: cmp
// CLAMP-NEXT: csel [[I:w[0-9]+]], {{w[0-9]+}}, {{w[0-9]+}}, lo
// CLAMP-NEXT: ldr [[O:x[0-9]+]], [[[T]], [[I]], uxtw #3]
// CLAMP-NEXT: adrp [[V:x[0-9]+]], v
// CLAMP-NEXT: add [[V]], [[V]], :lo12:v
// CLAMP-NEXT: ldr x0, [{{x[0-9]+}}, {{x[0-9]+}}]
// CLAMP-NEXT: ret
// CSSC-LABEL: remote:
// CSSC: ldur [[N:w[0-9]+]], [{{x[0-9]+}}, #-12]
// CSSC-NEXT: umin [[I:w[0-9]+]], {{w[0-9]+}}, {{w[0-9]+}}
// CSSC-NEXT: ldr {{x[0-9]+}}, [{{x[0-9]+}}, [[I]], uxtw #3]
// CSSC-NOT: csel
// CSSC: ret
// SINGLE-LABEL: remote:
// SINGLE: cmp w0, #0
// SINGLE-NOT: {{brk|b\.}}
// SINGLE: ret
unsigned long remote(unsigned cpu) { return per_cpu(v, cpu); }

// CHECK-LABEL: sum:
// CHECK-NOT: {{csinv|csel|brk}}
// CHECK-NOT: bl
// CHECK: ret
// CLAMP-LABEL: sum:
// CLAMP-NOT: csel
// CLAMP-NOT: bl
// CLAMP: ret
unsigned long sum(void) {
  unsigned long s = 0;
  unsigned cpu;
  for_each_possible_cpu(cpu) s += per_cpu(v, cpu);
  return s;
}
