// RUN: %percpu_clang --target=x86_64-linux-gnu -fexceptions -O0 -S -o - %s | FileCheck %s
// Verify that with -fexceptions, where a cleanup turns the this_cpu_ptr() and this_cpu_cmpxchg128 markers into invokes, both are still lowered (no call to the marker functions is left for the link to fail on), at -O0 and -O2.
// RUN: %percpu_clang --target=x86_64-linux-gnu -fexceptions -O2 -S -o - %s | FileCheck %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -fexceptions -ffreestanding -O0 -S -o - %s | FileCheck %s --check-prefix=A64
#include <percpu.h>

DEFINE_PER_CPU(long, cnt);
DEFINE_PER_CPU(unsigned __int128, wide);
void may_throw(long *);
static void done(int *x) { (void)x; }

// CHECK-NOT: __percpu_this_cpu_ptr
// CHECK-NOT: __percpu_cmpxchg128
// CHECK: %gs:__percpu_self_offset
// CHECK: cmpxchg16b %gs:wide(%rip)
// A64-NOT: __percpu_this_cpu_ptr
// A64: mrs {{x[0-9]+}}, TPIDR_EL1
void use(void) {
  int guard __attribute__((cleanup(done))) = 0;
  may_throw(this_cpu_ptr(&cnt));
  this_cpu_cmpxchg128(wide, 0, 1);
  may_throw(this_cpu_ptr(&cnt));
}
// SPDX-License-Identifier: BSD-2-Clause
