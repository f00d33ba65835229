// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that an asm goto (callbr) of the program's own is a switch point like any asm: in a loop, this_cpu_ptr reads %gs:__percpu_self_offset again after it in every iteration; before a loop, the loop's one read follows it.
// SPDX-License-Identifier: BSD-2-Clause
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// CHECK-LABEL: {{^}}in_loop:
// CHECK: {{^}}.LBB0_[[#]]:
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK: #APP
// CHECK: #NO_APP
// CHECK-NEXT: movq %gs:__percpu_self_offset(%rip)
// CHECK: jne
void in_loop(unsigned long n) {
  for (unsigned long i = 0; i < n; i++) {
    ++*this_cpu_ptr(&v);
    asm goto("" :::: skip);
    ++*this_cpu_ptr(&v);
  skip:;
  }
}

// CHECK-LABEL: {{^}}before_loop:
// CHECK-NOT: __percpu_self_offset
// CHECK: #APP
// CHECK: movq %gs:__percpu_self_offset(%rip)
// CHECK: {{^}}.LBB1_[[#]]:
// CHECK-NOT: __percpu_self_offset
// CHECK: jne
void before_loop(unsigned long n) {
  asm goto("" :::: out);
  for (unsigned long i = 0; i < n; i++)
    ++*this_cpu_ptr(&v);
out:;
}
