// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s
// Verify that on AArch64 the base register is read again after every call, for a read and for this_cpu_ptr: the callee may have switched this thread to another CPU (the guarantee a context switch relies on).
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
void schedule(void);

// CHECK-LABEL: twice:
// CHECK: mrs {{x[0-9]+}}, TPIDR_EL1
// CHECK: ldr
// CHECK: bl schedule
// CHECK: mrs {{x[0-9]+}}, TPIDR_EL1
// CHECK: ldr
// CHECK: ret
unsigned long twice(void) {
  unsigned long before = this_cpu_read(v);
  schedule();
  return before + this_cpu_read(v);
}

// this_cpu_ptr on both sides of a call: two addresses, two reads.
// CHECK-LABEL: ptr_twice:
// CHECK: mrs {{x[0-9]+}}, TPIDR_EL1
// CHECK: bl schedule
// CHECK: mrs {{x[0-9]+}}, TPIDR_EL1
// CHECK: ret
long ptr_twice(void) {
  unsigned long *before = this_cpu_ptr(&v);
  schedule();
  return this_cpu_ptr(&v) - before;
}
// SPDX-License-Identifier: BSD-2-Clause
