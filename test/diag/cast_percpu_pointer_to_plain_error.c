// RUN: not %percpu_cc --target=x86_64-linux-gnu -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// Verify that an explicit cast of a per-CPU pointer to an ordinary pointer, and the reverse, is an error in clang's form (file:line:col: error:, then the advice to use this_cpu_ptr()/per_cpu_ptr() as a note), reported for every such cast in the file at the same line and column at -O0, -O2 and -O2 -g (at -O2 the optimiser folds the cast into the load or return that uses it, but the early check reports before that), while a cast between per-CPU pointer types, a uintptr_t round trip and this_cpu_ptr() are accepted.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

// The cast of a variable's address is a constant: the error is at the
// statement that uses it.
unsigned long *to_plain(void) {
  // CHECK: cast_percpu_pointer_to_plain_error.c:[[@LINE+2]]:3: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant){{$}}
  return (unsigned long *)&hits;
}

// The reverse: an ordinary pointer made per-CPU, at the cast.
unsigned long __percpu *to_percpu(unsigned long *p) {
  // CHECK: cast_percpu_pointer_to_plain_error.c:[[@LINE+2]]:10: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
  return (unsigned long __percpu *)p;
}

// -O2 folds this cast into the load through p; the error stays at the
// declaration it initialises.
unsigned long read_through_cast(void) {
  // CHECK: cast_percpu_pointer_to_plain_error.c:[[@LINE+2]]:18: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
  unsigned long *p = (unsigned long *)&hits;
  return *p;
}

void *to_void(unsigned long __percpu *p) {
  // CHECK: cast_percpu_pointer_to_plain_error.c:[[@LINE+2]]:10: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
  return (void *)p;
}

// Accepted: no address space changes, or the template really is meant.
unsigned int __percpu *retype(void) { return (unsigned int __percpu *)&hits; }
unsigned long *round_trip(void) { return (unsigned long *)(uintptr_t)&hits; }
unsigned long *this_copy(void) { return this_cpu_ptr(&hits); }

// SPDX-License-Identifier: BSD-2-Clause
