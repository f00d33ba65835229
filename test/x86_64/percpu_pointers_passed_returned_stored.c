// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fPIE -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that a per-CPU pointer is the template address: passing, returning, selecting, comparing and storing it (in an ordinary global's initialiser as ".quad st+8", or in a per-CPU variable) costs no %gs:, and every dereference of it, wherever the pointer came from (argument, load, select, loop), goes through %gs:.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fPIE -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
struct stats {
  unsigned long min, max;
};
DEFINE_PER_CPU(struct stats, st);

// A per-CPU variable whose value is a per-CPU pointer.
DEFINE_PER_CPU(unsigned long __percpu *, cur) = &hits;

// Ordinary globals holding per-CPU pointers.
unsigned long __percpu *stored = &st.max;
unsigned long __percpu *table[] = {&hits, &st.min, &st.max};

// CHECK-LABEL: {{^}}deref:
// CHECK-NEXT: movq %gs:(%rdi), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}deref:
// O0: movq %gs:(%{{[a-z0-9]+}}), %rax
// O0: retq
__attribute__((noinline)) unsigned long deref(unsigned long __percpu *p) { return *p; }

// CHECK-LABEL: {{^}}bump:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: incq %gs:(%rdi)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}bump:
// O0-NOT: lock
// O0: addq %{{[a-z0-9]+}}, %gs:(%{{[a-z0-9]+}})
// O0: retq
__attribute__((noinline)) void bump(unsigned long __percpu *p) { this_cpu_inc(*p); }

// CHECK-LABEL: {{^}}ret_ptr:
// CHECK-NEXT: leaq st+8(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}ret_ptr:
// O0-NOT: %gs:
// O0: retq
unsigned long __percpu *ret_ptr(void) { return &st.max; }

// CHECK-LABEL: {{^}}call_deref:
// CHECK-NEXT: leaq st+8(%rip), %rdi
// CHECK-NEXT: jmp deref
// O0-LABEL: {{^}}call_deref:
// O0-NOT: %gs:
// O0: callq deref
unsigned long call_deref(void) { return deref(&st.max); }

// CHECK-LABEL: {{^}}call_bump:
// CHECK-NEXT: leaq hits(%rip), %rdi
// CHECK-NEXT: jmp bump
void call_bump(void) { bump(&hits); }

// CHECK-LABEL: {{^}}select_ptr:
// CHECK-NOT: %gs:
// CHECK: cmov
// CHECK-NOT: %gs:
// CHECK: retq
// O0-LABEL: {{^}}select_ptr:
// O0-NOT: %gs:
// O0: retq
unsigned long __percpu *select_ptr(int c) { return c ? &st.min : &hits; }

// Dereferencing a selected pointer: through %gs: on every path (LLVM 19
// branches to two loads, LLVM 22 selects the address).
// CHECK-LABEL: {{^}}read_selected:
// CHECK-NOT: {{^ mov[a-z]* (hits|st)}}
// CHECK: movq %gs:{{(hits|st)?}}(%{{[a-z0-9]+}}), %rax
// CHECK-NOT: {{^ mov[a-z]* (hits|st)}}
// CHECK: retq
// O0-LABEL: {{^}}read_selected:
// O0: movq %gs:(%{{[a-z0-9]+}}), %rax
unsigned long read_selected(int c) { return *(c ? &st.min : &hits); }

// Comparing per-CPU pointers compares template addresses.
// CHECK-LABEL: {{^}}is_hits:
// CHECK-NEXT: leaq hits(%rip), %[[H:[a-z0-9]+]]
// CHECK-NEXT: xorl %eax, %eax
// CHECK-NEXT: cmpq %[[H]], %rdi
// CHECK-NEXT: sete %al
// CHECK-NEXT: retq
int is_hits(unsigned long __percpu *p) { return p == &hits; }

// The pointer is loaded from ordinary memory, the value through %gs:.
// CHECK-LABEL: {{^}}read_stored:
// CHECK-NEXT: movq stored(%rip), %rax
// CHECK-NEXT: movq %gs:(%rax), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}read_stored:
// O0: movq stored(%rip), %[[P:[a-z0-9]+]]
// O0: movq %gs:(%[[P]]), %rax
unsigned long read_stored(void) { return *stored; }

// CHECK-LABEL: {{^}}read_table:
// CHECK: leaq table(%rip), %[[T:[a-z0-9]+]]
// CHECK-NEXT: movq (%[[T]],%{{[a-z0-9]+}},8), %[[P:[a-z0-9]+]]
// CHECK-NEXT: movq %gs:(%[[P]]), %rax
// CHECK-NEXT: retq
unsigned long read_table(int i) { return *table[i]; }

// The pointer is this CPU's value of cur; the value it points to is also
// this CPU's copy.
// CHECK-LABEL: {{^}}read_cur:
// CHECK-NEXT: movq %gs:cur(%rip), %rax
// CHECK-NEXT: movq %gs:(%rax), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}read_cur:
// O0: movq %gs:cur(%rip), %rax
// O0: movq %gs:(%{{[a-z0-9]+}}), %rax
unsigned long read_cur(void) { return *this_cpu_read(cur); }

// CHECK-LABEL: {{^}}set_cur:
// CHECK-NEXT: leaq st(%rip), %rax
// CHECK-NEXT: movq %rax, %gs:cur(%rip)
// CHECK-NEXT: retq
void set_cur(void) { this_cpu_write(cur, &st.min); }

// Pointers loaded in a loop (a phi of the array position).
// CHECK-LABEL: {{^}}sum:
// CHECK-NOT: %gs:
// CHECK: movq ({{.*}}), %[[P:[a-z0-9]+]]
// CHECK-NEXT: addq %gs:(%[[P]]), %rax
// CHECK: jne
// CHECK: retq
unsigned long sum(unsigned long __percpu *const *ps, int n) {
  unsigned long s = 0;
  for (int i = 0; i < n; i++)
    s += *ps[i];
  return s;
}

// The per-CPU pointer stored in a per-CPU variable is a template address.
// CHECK: .section percpu,"aw",@progbits
// CHECK-NOT: .section
// CHECK: {{^}}cur:
// CHECK-NEXT: .quad hits
// O0: .section percpu,"aw",@progbits
// O0-NOT: .section
// O0: {{^}}cur:
// O0-NEXT: .quad hits

// Ordinary globals: template addresses, in ordinary data.
// CHECK: .data
// CHECK-NOT: .section
// CHECK: {{^}}stored:
// CHECK-NEXT: .quad st+8
// CHECK: {{^}}table:
// CHECK-NEXT: .quad hits
// CHECK-NEXT: .quad st{{$}}
// CHECK-NEXT: .quad st+8
// O0: .data
// O0-NOT: .section
// O0: {{^}}stored:
// O0-NEXT: .quad st+8
// SPDX-License-Identifier: BSD-2-Clause
