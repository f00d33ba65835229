// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-pic -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefixes=CHECK,STATIC
// Verify that struct members, array elements with a constant or a variable index and nested struct/array elements of a per-CPU variable are reached through %gs: in one addressing mode: a constant offset folds into "%gs:sym+off(%rip)"; a variable index uses "%gs:sym(,%idx,scale)" in static code, and "leaq sym(%rip)" then "%gs:(%base,%idx,scale)" in PIE and PIC code (PIC through the local alias .Lsym$local).
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fPIE -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefixes=CHECK,PIE
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fPIC -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=PIC
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fno-pic -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

struct stats {
  unsigned long min, max;
  unsigned int counts[8];
  struct {
    unsigned short lanes[4];
  } inner[3];
};

DEFINE_PER_CPU(struct stats, st);
DEFINE_PER_CPU(unsigned int, arr[16]);
DEFINE_PER_CPU(unsigned long, mat[4][8]);

// CHECK-LABEL: {{^}}member_read:
// CHECK-NEXT: movq %gs:st(%rip), %rax
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}member_read:
// PIC-NEXT: movq %gs:.Lst$local(%rip), %rax
// PIC-NEXT: retq
// O0-LABEL: {{^}}member_read:
// O0: movq %gs:st(%rip), %rax
unsigned long member_read(void) { return st.min; }

// CHECK-LABEL: {{^}}member_write:
// CHECK-NEXT: movq %rdi, %gs:st+8(%rip)
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}member_write:
// PIC-NEXT: movq %rdi, %gs:.Lst$local+8(%rip)
// PIC-NEXT: retq
// O0-LABEL: {{^}}member_write:
// O0: movq %{{[a-z]+}}, %gs:st+8(%rip)
void member_write(unsigned long v) { st.max = v; }

// CHECK-LABEL: {{^}}member_inc:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: incq %gs:st+8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}member_inc:
// PIC-NEXT: #APP
// PIC-NOT: lock
// PIC-NEXT: incq %gs:.Lst$local+8(%rip)
// PIC-NEXT: #NO_APP
// PIC-NEXT: retq
// O0-LABEL: {{^}}member_inc:
// O0-NOT: lock
// O0: addq %{{[a-z]+}}, %gs:st+8(%rip)
void member_inc(void) { this_cpu_inc(st.max); }

// CHECK-LABEL: {{^}}elem_const:
// CHECK-NEXT: movl %gs:arr+12(%rip), %eax
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}elem_const:
// PIC-NEXT: movl %gs:.Larr$local+12(%rip), %eax
// PIC-NEXT: retq
// O0-LABEL: {{^}}elem_const:
// O0: movl %gs:arr+12(%rip), %eax
unsigned int elem_const(void) { return arr[3]; }

// CHECK-LABEL: {{^}}elem_var_read:
// STATIC-NEXT: movl %gs:arr(,%rdi,4), %eax
// PIE-NEXT: leaq arr(%rip), %[[BASE:[a-z0-9]+]]
// PIE-NEXT: movl %gs:(%[[BASE]],%rdi,4), %eax
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}elem_var_read:
// PIC-NEXT: leaq .Larr$local(%rip), %[[BASE:[a-z0-9]+]]
// PIC-NEXT: movl %gs:(%[[BASE]],%rdi,4), %eax
// PIC-NEXT: retq
// O0-LABEL: {{^}}elem_var_read:
// O0: movl %gs:arr(,%{{[a-z0-9]+}},4), %eax
unsigned int elem_var_read(long i) { return arr[i]; }

// CHECK-LABEL: {{^}}elem_var_write:
// STATIC-NEXT: movl %esi, %gs:arr(,%rdi,4)
// PIE-NEXT: leaq arr(%rip), %[[BASE:[a-z0-9]+]]
// PIE-NEXT: movl %esi, %gs:(%[[BASE]],%rdi,4)
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}elem_var_write:
// PIC-NEXT: leaq .Larr$local(%rip), %[[BASE:[a-z0-9]+]]
// PIC-NEXT: movl %esi, %gs:(%[[BASE]],%rdi,4)
// PIC-NEXT: retq
// O0-LABEL: {{^}}elem_var_write:
// O0: movl %{{[a-z0-9]+}}, %gs:arr(,%{{[a-z0-9]+}},4)
void elem_var_write(long i, unsigned int v) { arr[i] = v; }

// CHECK-LABEL: {{^}}elem_var_add:
// PIE-NEXT: leaq arr(%rip), %[[BASE:[a-z0-9]+]]
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// STATIC-NEXT: addl %esi, %gs:arr(,%rdi,4)
// PIE-NEXT: addl %esi, %gs:(%[[BASE]],%rdi,4)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}elem_var_add:
// PIC-NEXT: leaq .Larr$local(%rip), %[[BASE:[a-z0-9]+]]
// PIC-NEXT: #APP
// PIC-NOT: lock
// PIC-NEXT: addl %esi, %gs:(%[[BASE]],%rdi,4)
// PIC-NEXT: #NO_APP
// PIC-NEXT: retq
// O0-LABEL: {{^}}elem_var_add:
// O0-NOT: lock
// O0: addl %{{[a-z]+}}, %gs:(%{{[a-z]+}})
void elem_var_add(long i, unsigned int v) { this_cpu_add(arr[i], v); }

// A member array with a variable index: the member offset folds in.
// CHECK-LABEL: {{^}}member_elem_var:
// STATIC-NEXT: movl %gs:st+16(,%rdi,4), %eax
// PIE-NEXT: leaq st(%rip), %[[BASE:[a-z0-9]+]]
// PIE-NEXT: movl %gs:16(%[[BASE]],%rdi,4), %eax
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}member_elem_var:
// PIC-NEXT: leaq .Lst$local(%rip), %[[BASE:[a-z0-9]+]]
// PIC-NEXT: movl %gs:16(%[[BASE]],%rdi,4), %eax
// PIC-NEXT: retq
// O0-LABEL: {{^}}member_elem_var:
// O0: movl %gs:{{.*}}, %eax
unsigned int member_elem_var(long i) { return st.counts[i]; }

// CHECK-LABEL: {{^}}nested_const:
// CHECK-NEXT: movzwl %gs:st+66(%rip), %eax
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}nested_const:
// PIC-NEXT: movzwl %gs:.Lst$local+66(%rip), %eax
// PIC-NEXT: retq
// O0-LABEL: {{^}}nested_const:
// O0: movw %gs:st+66(%rip), %ax
unsigned short nested_const(void) { return st.inner[2].lanes[1]; }

// CHECK-LABEL: {{^}}nested_var:
// STATIC-NOT: {{lea|%gs:}}
// STATIC: movzwl %gs:st+48(%{{[a-z0-9]+}},%{{[a-z0-9]+}},{{[248]}}), %eax
// PIE-NEXT: leaq st(%rip), %{{[a-z0-9]+}}
// PIE-NOT: %gs:
// PIE: movzwl %gs:48(%{{[a-z0-9]+}},%{{[a-z0-9]+}},{{[248]}}), %eax
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}nested_var:
// PIC-NEXT: leaq .Lst$local(%rip), %{{[a-z0-9]+}}
// PIC-NOT: %gs:
// PIC: movzwl %gs:48(%{{[a-z0-9]+}},%{{[a-z0-9]+}},{{[248]}}), %eax
// PIC-NEXT: retq
// O0-LABEL: {{^}}nested_var:
// O0: movw %gs:{{.*}}, %ax
unsigned short nested_var(long i, long j) { return st.inner[i].lanes[j]; }

// CHECK-LABEL: {{^}}matrix_var:
// CHECK-NEXT: shlq $6, %rdi
// STATIC-NEXT: movq %gs:mat(%rdi,%rsi,8), %rax
// PIE-NEXT: leaq mat(%rip), %[[BASE:[a-z0-9]+]]
// PIE-NEXT: addq %rdi, %[[BASE]]
// PIE-NEXT: movq %gs:(%[[BASE]],%rsi,8), %rax
// CHECK-NEXT: retq
// PIC-LABEL: {{^}}matrix_var:
// PIC-NEXT: shlq $6, %rdi
// PIC-NEXT: leaq .Lmat$local(%rip), %[[BASE:[a-z0-9]+]]
// PIC-NEXT: addq %rdi, %[[BASE]]
// PIC-NEXT: movq %gs:(%[[BASE]],%rsi,8), %rax
// PIC-NEXT: retq
// O0-LABEL: {{^}}matrix_var:
// O0: movq %gs:{{.*}}, %rax
unsigned long matrix_var(long i, long j) { return mat[i][j]; }

// CHECK-NOT: lock
// PIC-NOT: lock
// O0-NOT: lock
// SPDX-License-Identifier: BSD-2-Clause
