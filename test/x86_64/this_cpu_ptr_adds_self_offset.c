// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fPIE -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefixes=CHECK,PIE
// Verify that this_cpu_ptr() is the template address plus this CPU's offset read with one %gs:-prefixed access of __percpu_self_offset (leaq var(%rip) + addq %gs:__percpu_self_offset(%rip) at -O2), that the resulting ordinary pointer is dereferenced without %gs:, and that per_cpu_ptr()/per_cpu() add the offset-table entry inline, with the bounds check kept.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-pic -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefixes=CHECK,STATIC
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fPIE -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
struct stats {
  unsigned long min, max;
};
DEFINE_PER_CPU(struct stats, st);

// CHECK-LABEL: {{^}}ptr_var:
// PIE-NEXT: leaq hits(%rip), %rax
// STATIC-NEXT: movl $hits, %eax
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}ptr_var:
// O0-DAG: movq %gs:__percpu_self_offset(%rip), %[[OFF:[a-z0-9]+]]
// O0-DAG: leaq hits(%rip), %rax
// O0: addq %[[OFF]], %rax
// O0: retq
unsigned long *ptr_var(void) { return this_cpu_ptr(&hits); }

// CHECK-LABEL: {{^}}raw_ptr:
// PIE-NEXT: leaq hits(%rip), %rax
// STATIC-NEXT: movl $hits, %eax
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rax
// CHECK-NEXT: retq
unsigned long *raw_ptr(void) { return raw_cpu_ptr(&hits); }

// A member: the template address of st.max plus the offset.
// CHECK-LABEL: {{^}}ptr_member:
// PIE-DAG: movq %gs:__percpu_self_offset(%rip), %rax
// PIE-DAG: leaq st(%rip), %[[ST:[a-z0-9]+]]
// PIE: addq %[[ST]], %rax
// PIE: addq $8, %rax
// STATIC-NEXT: movl $st+8, %eax
// STATIC-NEXT: addq %gs:__percpu_self_offset(%rip), %rax
// CHECK-NEXT: retq
unsigned long *ptr_member(void) { return this_cpu_ptr(&st.max); }

// A per-CPU pointer that arrives as an argument.
// CHECK-LABEL: {{^}}ptr_arg:
// CHECK-NEXT: movq %rdi, %rax
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}ptr_arg:
// O0: movq %gs:__percpu_self_offset(%rip), %{{[a-z0-9]+}}
// O0: addq
// O0: retq
unsigned long *ptr_arg(unsigned long __percpu *p) { return this_cpu_ptr(p); }

// get_cpu_ptr: the offset is read after preemption is disabled, and the
// ordinary pointer is used without %gs:.
// CHECK-LABEL: {{^}}get_put:
// PIE: callq percpu_preempt_disable@PLT
// STATIC: callq percpu_preempt_disable{{$}}
// CHECK-NEXT: movq %gs:__percpu_self_offset(%rip), %[[OFF:[a-z0-9]+]]
// PIE-NEXT: leaq hits(%rip), %[[T:[a-z0-9]+]]
// PIE-NEXT: movq (%[[OFF]],%[[T]]), %[[V:[a-z0-9]+]]
// STATIC-NEXT: movq hits(%[[OFF]]), %[[V:[a-z0-9]+]]
// CHECK-NEXT: incq %[[V]]
// PIE-NEXT: movq %[[V]], (%[[OFF]],%[[T]])
// STATIC-NEXT: movq %[[V]], hits(%[[OFF]])
// CHECK-NEXT: callq percpu_preempt_enable
// CHECK-NOT: %gs:
// CHECK: retq
// O0-LABEL: {{^}}get_put:
// O0: callq percpu_preempt_disable@PLT
// O0-NEXT: movq %gs:__percpu_self_offset(%rip), %{{[a-z0-9]+}}
// O0-NOT: %gs:
// O0: callq percpu_preempt_enable@PLT
// O0: retq
unsigned long get_put(void) {
  unsigned long *p = get_cpu_ptr(&hits);
  unsigned long v = ++*p;
  put_cpu_ptr(&hits);
  return v;
}

// per_cpu_ptr: inline, bounds-checked against the count before the offset
// table the set-up published (NULL past the last CPU, or for a CPU without
// an area), template address + offsets[cpu]; no segment and no call.
// CHECK-LABEL: {{^}}remote_ptr:
// CHECK: movq __percpu_remote_layout(%rip), %[[T:[a-z0-9]+]]
// CHECK-NEXT: cmpl {{.*}}-4(%[[T]])
// CHECK: movq (%[[T]],%{{[a-z0-9]+}},8)
// CHECK-NOT: {{%gs:|call|jmp percpu_remote_ptr|imulq}}
// CHECK: retq
// O0-LABEL: {{^}}remote_ptr:
// O0-NOT: %gs:
// O0: retq
unsigned long *remote_ptr(unsigned int cpu) { return per_cpu_ptr(&hits, cpu); }

// per_cpu(var, cpu): an lvalue in CPU cpu's copy, reached without %gs:
// with two loads, as Linux's; a CPU past the last is clamped to the entry
// one past the last, whose non-canonical offset faults.
// CHECK-LABEL: {{^}}remote_read:
// CHECK: movq __percpu_remote_layout(%rip), %[[T:[a-z0-9]+]]
// CHECK-NEXT: movl -4(%[[T]]), %[[N:[a-z0-9]+]]
// CHECK-NEXT: cmpl {{%edi, %[a-z0-9]+|%[a-z0-9]+, %edi}}
// CHECK-NEXT: cmov{{[a-z]+}} %{{[a-z0-9]+}}, %{{[a-z0-9]+}}
// CHECK-NEXT: movq (%[[T]],%{{[a-z0-9]+}},8), %[[OFF:[a-z0-9]+]]
// PIE: movq (%[[OFF]],%{{[a-z0-9]+}}), %rax
// STATIC: movq hits(%[[OFF]]), %rax
// CHECK-NOT: {{%gs:|ud2|j}}
// CHECK: retq
unsigned long remote_read(unsigned int cpu) { return per_cpu(hits, cpu); }

// CHECK-LABEL: {{^}}remote_write:
// PIE: leaq st(%rip)
// PIE: movq %rsi, 8(%{{[a-z0-9]+}},%{{[a-z0-9]+}})
// STATIC: movq %rsi, st+8(%{{[a-z0-9]+}})
// CHECK-NOT: %gs:
// CHECK: retq
void remote_write(unsigned int cpu, unsigned long v) { per_cpu(st.max, cpu) = v; }
// SPDX-License-Identifier: BSD-2-Clause
