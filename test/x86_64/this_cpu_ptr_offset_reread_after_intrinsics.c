// RUN: %percpu_clang --target=x86_64-linux-gnu -mfsgsbase -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that this_cpu_ptr reads %gs:__percpu_self_offset again after an intrinsic that can move the thread to another CPU (wrgsbase writes the base; __builtin_setjmp returns a second time from a longjmp), while intrinsics that touch only their arguments' memory (memset, lifetime) keep one read.
// SPDX-License-Identifier: BSD-2-Clause
#include <immintrin.h>
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
void *jump_buf[5];
void use(char *);

// CHECK-LABEL: {{^}}after_wrgsbase:
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK: wrgsbaseq
// CHECK-NEXT: movq %gs:__percpu_self_offset(%rip)
// CHECK: retq
void after_wrgsbase(unsigned long base) {
  ++*this_cpu_ptr(&v);
  _writegsbase_u64(base);
  ++*this_cpu_ptr(&v);
}

// CHECK-LABEL: {{^}}after_builtin_setjmp:
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK: EH_SjLj_Setup
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK: retq
void after_builtin_setjmp(void) {
  ++*this_cpu_ptr(&v);
  int again = __builtin_setjmp(jump_buf);
  *this_cpu_ptr(&v) += again;
}

// CHECK-LABEL: {{^}}around_memset:
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK-NOT: __percpu_self_offset
// CHECK: callq use
void around_memset(unsigned long x) {
  char buf[64];
  ++*this_cpu_ptr(&v);
  __builtin_memset(buf, (int)x, sizeof buf);
  *this_cpu_ptr(&v) += buf[x & 63];
  use(buf);
}
