// RUN: %percpu_clang --target=x86_64-linux-gnu -Os -mgeneral-regs-only -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that short copies of per-CPU memory that the backend would rather not expand inline (kernel-style -Os/-Oz with -mgeneral-regs-only: more stores than the size-optimised limit) still compile and reach this CPU's copy, either as %gs:-prefixed movs or as a memcpy/memmove call on the template address plus %gs:__percpu_self_offset, and never abort the backend with "cannot lower memory intrinsic in address space 256" (llvm#62834).
// RUN: %percpu_clang --target=x86_64-linux-gnu -Oz -mgeneral-regs-only -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -mgeneral-regs-only -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O2

#include <percpu.h>
#include <string.h>

struct big {
  unsigned long v[5];
};

DEFINE_PER_CPU(struct big, big);
DEFINE_PER_CPU(unsigned char, buf[64]);

// CHECK-LABEL: {{^}}copy_in:
// CHECK: {{%gs:big\+32\(%rip\)|%gs:__percpu_self_offset\(%rip\)}}
// CHECK: {{^ (jmp|retq)}}
// O2-LABEL: {{^}}copy_in:
// O2-NOT: call
// O2: {{%gs:big\+32\(%rip\)|%gs:__percpu_self_offset\(%rip\)}}
// O2-NOT: call
// O2: retq
void copy_in(const struct big *s) { big = *s; }

// CHECK-LABEL: {{^}}copy_out:
// CHECK: {{%gs:big\+32\(%rip\)|%gs:__percpu_self_offset\(%rip\)}}
// CHECK: {{^ (jmp|retq)}}
// O2-LABEL: {{^}}copy_out:
// O2-NOT: call
// O2: {{%gs:big\+32\(%rip\)|%gs:__percpu_self_offset\(%rip\)}}
// O2-NOT: call
// O2: retq
void copy_out(struct big *s) { *s = big; }

// CHECK-LABEL: {{^}}move_within:
// CHECK: {{%gs:buf\+|%gs:__percpu_self_offset\(%rip\)}}
// CHECK: {{^ (jmp|retq)}}
// O2-LABEL: {{^}}move_within:
// O2-NOT: call
// O2: {{%gs:buf|%gs:__percpu_self_offset\(%rip\)}}
// O2-NOT: call
// O2: retq
void move_within(void) { memmove(buf + 8, buf, 40); }
// SPDX-License-Identifier: BSD-2-Clause
