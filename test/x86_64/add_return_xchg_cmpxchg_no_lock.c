// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that this_cpu_add_return and friends are one unlocked %gs:-prefixed xadd, that this_cpu_xchg is a retry loop around an unlocked %gs:-prefixed cmpxchg (never xchg with memory, which implies LOCK), and that this_cpu_cmpxchg and this_cpu_try_cmpxchg are one unlocked %gs:-prefixed cmpxchg, at -O2 and at -O0.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, ret_u64);
DEFINE_PER_CPU(unsigned int, ret_u32);
DEFINE_PER_CPU(unsigned short, ret_u16);
DEFINE_PER_CPU(unsigned char, ret_u8);
DEFINE_PER_CPU(int *, ret_ptr);

// this_cpu_add_return: xadd leaves the old value, the new one is old + n.
// CHECK-LABEL: {{^}}add_return_u64:
// CHECK-NEXT: movq %rdi, %rax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: xaddq %rax, %gs:ret_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: addq %rdi, %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_return_u64:
// O0-NOT: lock
// O0: xaddq %{{[a-z]+}}, %gs:ret_u64(%rip)
// O0-NOT: lock
// O0: retq
unsigned long add_return_u64(unsigned long n) { return this_cpu_add_return(ret_u64, n); }

// CHECK-LABEL: {{^}}inc_return_u32:
// CHECK-NEXT: movl $1, %eax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: xaddl %eax, %gs:ret_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: incl %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}inc_return_u32:
// O0-NOT: lock
// O0: xaddl %{{[a-z]+}}, %gs:ret_u32(%rip)
// O0-NOT: lock
// O0: retq
unsigned int inc_return_u32(void) { return this_cpu_inc_return(ret_u32); }

// sub_return adds the negated operand.
// CHECK-LABEL: {{^}}sub_return_u16:
// CHECK-NEXT: movl %edi, %eax
// CHECK-NEXT: negl %eax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: xaddw %ax, %gs:ret_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: subl %edi, %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_return_u16:
// O0-NOT: lock
// O0: xaddw %{{[a-z]+}}, %gs:ret_u16(%rip)
// O0-NOT: lock
// O0: retq
unsigned short sub_return_u16(unsigned short n) { return this_cpu_sub_return(ret_u16, n); }

// CHECK-LABEL: {{^}}dec_return_u8:
// CHECK-NEXT: movb $-1, %al
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: xaddb %al, %gs:ret_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: decb %al
// CHECK-NEXT: retq
// O0-LABEL: {{^}}dec_return_u8:
// O0-NOT: lock
// O0: xaddb %{{[a-z]+}}, %gs:ret_u8(%rip)
// O0-NOT: lock
// O0: retq
unsigned char dec_return_u8(void) { return this_cpu_dec_return(ret_u8); }

// this_cpu_xchg: read, then cmpxchg until nothing changed in between; the loop
// branches on cmpxchg's ZF and needs neither a compare nor a copy (as Linux).
// CHECK-LABEL: {{^}}xchg_u64:
// CHECK-NOT: {{[[:space:]]xchg}}
// CHECK-NEXT: movq %gs:ret_u64(%rip), %rax
// CHECK-NEXT: .p2align
// CHECK-NEXT: [[LOOP:\.LBB[0-9_]+]]:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgq %rdi, %gs:ret_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: jne [[LOOP]]
// CHECK-NOT: {{[[:space:]]xchg}}
// CHECK: retq
// O0-LABEL: {{^}}xchg_u64:
// O0-NOT: {{lock|[[:space:]]xchg}}
// O0: cmpxchgq %{{[a-z]+}}, %gs:ret_u64(%rip)
// O0-NOT: {{lock|[[:space:]]xchg}}
// O0: retq
unsigned long xchg_u64(unsigned long v) { return this_cpu_xchg(ret_u64, v); }

// CHECK-LABEL: {{^}}xchg_u8:
// CHECK-NOT: {{[[:space:]]xchg}}
// CHECK-NEXT: movzbl %gs:ret_u8(%rip), %eax
// CHECK-NEXT: .p2align
// CHECK-NEXT: [[LOOP:\.LBB[0-9_]+]]:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgb %dil, %gs:ret_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: jne [[LOOP]]
// CHECK-NOT: {{[[:space:]]xchg}}
// CHECK: retq
// O0-LABEL: {{^}}xchg_u8:
// O0-NOT: {{lock|[[:space:]]xchg}}
// O0: cmpxchgb %{{[a-z]+}}, %gs:ret_u8(%rip)
// O0-NOT: {{lock|[[:space:]]xchg}}
// O0: retq
unsigned char xchg_u8(unsigned char v) { return this_cpu_xchg(ret_u8, v); }

// CHECK-LABEL: {{^}}xchg_ptr:
// CHECK-NOT: {{[[:space:]]xchg}}
// CHECK-NEXT: movq %gs:ret_ptr(%rip), %rax
// CHECK-NEXT: .p2align
// CHECK-NEXT: [[LOOP:\.LBB[0-9_]+]]:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgq %rdi, %gs:ret_ptr(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: jne [[LOOP]]
// CHECK-NOT: {{[[:space:]]xchg}}
// CHECK: retq
// O0-LABEL: {{^}}xchg_ptr:
// O0-NOT: {{lock|[[:space:]]xchg}}
// O0: cmpxchgq %{{[a-z]+}}, %gs:ret_ptr(%rip)
// O0-NOT: {{lock|[[:space:]]xchg}}
// O0: retq
int *xchg_ptr(int *v) { return this_cpu_xchg(ret_ptr, v); }

// this_cpu_cmpxchg: the expected value goes in the accumulator, which
// cmpxchg leaves holding the old value.
// CHECK-LABEL: {{^}}cmpxchg_u64:
// CHECK-NEXT: movq %rdi, %rax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgq %rsi, %gs:ret_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}cmpxchg_u64:
// O0-NOT: lock
// O0: cmpxchgq %{{[a-z]+}}, %gs:ret_u64(%rip)
// O0-NOT: lock
// O0: retq
unsigned long cmpxchg_u64(unsigned long o, unsigned long n) { return this_cpu_cmpxchg(ret_u64, o, n); }

// CHECK-LABEL: {{^}}cmpxchg_u16:
// CHECK-NEXT: movl %edi, %eax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgw %si, %gs:ret_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}cmpxchg_u16:
// O0-NOT: lock
// O0: cmpxchgw %{{[a-z]+}}, %gs:ret_u16(%rip)
// O0-NOT: lock
// O0: retq
unsigned short cmpxchg_u16(unsigned short o, unsigned short n) { return this_cpu_cmpxchg(ret_u16, o, n); }

// CHECK-LABEL: {{^}}cmpxchg_ptr:
// CHECK-NEXT: movq %rdi, %rax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgq %rsi, %gs:ret_ptr(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NOT: {{lock|%gs:}}
// CHECK: retq
// O0-LABEL: {{^}}cmpxchg_ptr:
// O0-NOT: lock
// O0: cmpxchgq %{{[a-z]+}}, %gs:ret_ptr(%rip)
// O0-NOT: lock
// O0: retq
int *cmpxchg_ptr(int *o, int *n) { return this_cpu_cmpxchg(ret_ptr, o, n); }

// this_cpu_try_cmpxchg: on failure the seen value goes back to *ovalp.
// CHECK-LABEL: {{^}}try_cmpxchg_u32:
// CHECK-NEXT: movl (%rdi), %[[EXP:[a-z]+]]
// CHECK-NEXT: movl %[[EXP]], %eax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgl %esi, %gs:ret_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: cmpl %[[EXP]], %eax
// CHECK-NOT: {{lock|%gs:}}
// CHECK: movl %eax, (%rdi)
// CHECK-NOT: {{lock|%gs:}}
// CHECK: retq
// O0-LABEL: {{^}}try_cmpxchg_u32:
// O0-NOT: lock
// O0: cmpxchgl %{{[a-z]+}}, %gs:ret_u32(%rip)
// O0-NOT: lock
// O0: retq
_Bool try_cmpxchg_u32(unsigned int *o, unsigned int n) { return this_cpu_try_cmpxchg(ret_u32, o, n); }

// CHECK-NOT: lock
// O0-NOT: lock
// SPDX-License-Identifier: BSD-2-Clause
