// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that this_cpu_ptr reads %gs:__percpu_self_offset once before a loop that has no call and no asm of the program's own, once per stretch of code without a call, and again after every call or asm (where the thread may have moved to another CPU, or a barrier marks a preemption boundary).
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
DEFINE_PER_CPU(unsigned long, arr[8]);
void external(void);

// The read is in the preheader; the loop body only increments.
// CHECK-LABEL: {{^}}loop_plain:
// CHECK: movq %gs:__percpu_self_offset(%rip), [[OFF:%[a-z0-9]+]]
// CHECK: {{^}}.LBB0_[[#]]:
// CHECK-NOT: __percpu_self_offset
// CHECK: incq
// CHECK-NOT: __percpu_self_offset
// CHECK: jne
// CHECK: retq
void loop_plain(unsigned long n) {
#pragma clang loop unroll(disable)
  for (unsigned long i = 0; i < n; i++)
    ++*this_cpu_ptr(&v);
}

// A call in the loop: read after it, in every iteration.
// CHECK-LABEL: {{^}}loop_call:
// CHECK: {{^}}.LBB1_[[#]]:
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK: callq external
// CHECK: jne
void loop_call(unsigned long n) {
  for (unsigned long i = 0; i < n; i++) {
    ++*this_cpu_ptr(&v);
    external();
  }
}

// A compiler barrier (as in preempt_disable/enable) in the loop: read in
// every iteration, as Linux reads this_cpu_off.
// CHECK-LABEL: {{^}}loop_barrier:
// CHECK: {{^}}.LBB2_[[#]]:
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK: #APP
// CHECK: jne
void loop_barrier(unsigned long n) {
  for (unsigned long i = 0; i < n; i++) {
    ++*this_cpu_ptr(&v);
    __asm__ __volatile__("" ::: "memory");
  }
}

// Two pointers in one stretch: one read; a call between: read again.
// CHECK-LABEL: {{^}}two_then_call:
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK-NOT: __percpu_self_offset
// CHECK: callq external
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK-NOT: __percpu_self_offset
// CHECK: retq
void two_then_call(void) {
  ++*this_cpu_ptr(&arr[1]);
  ++*this_cpu_ptr(&arr[5]);
  external();
  ++*this_cpu_ptr(&arr[2]);
}
// SPDX-License-Identifier: BSD-2-Clause
