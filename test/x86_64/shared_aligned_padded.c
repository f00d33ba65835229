// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -S -o - %s | FileCheck %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -S -o - %s | FileCheck %s
// Verify that DEFINE_PER_CPU_SHARED_ALIGNED starts its variable on a cache line and pads it to whole lines in the template section, so the next variable cannot share its last line, while its initial value stays first.
#include <percpu.h>

struct two { int a, b; };
DEFINE_PER_CPU(char, before);
DEFINE_PER_CPU_SHARED_ALIGNED(struct two, shared) = { 1, 2 };
DEFINE_PER_CPU_SHARED_ALIGNED(char, flag[65]);
DEFINE_PER_CPU(char, after);

int rd(void) { return this_cpu_read(shared.b) + this_cpu_read(after) + this_cpu_read(before) + this_cpu_read(flag[64]); }

// CHECK: .section percpu,"aw",@progbits
// CHECK: .p2align 6
// CHECK-NEXT: shared:
// CHECK-NEXT: .{{long|word}} 1
// CHECK-NEXT: .{{long|word}} 2
// CHECK-NEXT: .zero 56
// CHECK-NEXT: .size shared, 64
// CHECK: .p2align 6
// CHECK-NEXT: flag:
// CHECK-NEXT: .zero 128
// CHECK-NEXT: .size flag, 128
// CHECK-NOT: percpu..shared_aligned
// SPDX-License-Identifier: BSD-2-Clause
