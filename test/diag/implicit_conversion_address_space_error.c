// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// Verify that clang itself rejects every implicit conversion between per-CPU and ordinary pointers (initialising, passing, returning and assigning, in both directions) with its "changes address space of pointer" error at the expression's line and column at -O0, -O2 and -O2 -g, so only an explicit cast can reach the plugin's check. The plugin cannot add a note to clang's own error; README.md ("What is an error") says that the answer is this_cpu_ptr() or per_cpu_ptr().
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

unsigned long *initialise(void) {
  // CHECK: {{.*}}implicit_conversion_address_space_error.c:[[@LINE+1]]:18: error: initializing 'unsigned long *' with an expression of type '__attribute__((address_space(300))) typeof(unsigned long) *' (aka '__attribute__((address_space(300))) unsigned long *') changes address space of pointer
  unsigned long *p = &hits;
  return p;
}

void take(unsigned long *p);
// CHECK: {{.*}}implicit_conversion_address_space_error.c:[[@LINE+1]]:33: error: passing '__attribute__((address_space(300))) typeof(unsigned long) *' (aka '__attribute__((address_space(300))) unsigned long *') to parameter of type 'unsigned long *' changes address space of pointer
void pass_argument(void) { take(&hits); }

unsigned long __percpu *return_plain_as_percpu(unsigned long *p) {
  // CHECK: {{.*}}implicit_conversion_address_space_error.c:[[@LINE+1]]:10: error: returning 'unsigned long *' from a function with result type '__percpu unsigned long *' changes address space of pointer
  return p;
}

// CHECK: {{.*}}implicit_conversion_address_space_error.c:[[@LINE+1]]:54: error: returning '__attribute__((address_space(300))) typeof(unsigned long) *' (aka '__attribute__((address_space(300))) unsigned long *') from a function with result type 'unsigned long *' changes address space of pointer
unsigned long *return_percpu_as_plain(void) { return &hits; }

void assign(unsigned long *q) {
  unsigned long __percpu *pp;
  // CHECK: {{.*}}implicit_conversion_address_space_error.c:[[@LINE+1]]:6: error: assigning 'unsigned long *' to '__percpu unsigned long *' changes address space of pointer
  pp = q;
  (void)pp;
}

// CHECK: 5 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
