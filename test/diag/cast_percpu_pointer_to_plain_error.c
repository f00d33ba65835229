// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error:
// Verify that an explicit cast of a per-CPU pointer to an ordinary pointer, and the reverse, is an error that says to use this_cpu_ptr()/per_cpu_ptr() instead, reported for every such cast in the file at the statement's line and column with -g and at the enclosing function without it, while a cast between per-CPU pointer types, a uintptr_t round trip and this_cpu_ptr() are accepted.
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O0 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G0 --implicit-check-not=error:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

// NOG: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:16: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant)
unsigned long *to_plain(void) {
  // G: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+2]]:3: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant)
  // G0: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:3: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
  return (unsigned long *)&hits;
}

// The reverse: an ordinary pointer made per-CPU.
// NOG: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:25: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant)
unsigned long __percpu *to_percpu(unsigned long *p) {
  // G: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+2]]:10: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant)
  // G0: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:10: error: a cast between a per-CPU pointer and an ordinary pointer
  return (unsigned long __percpu *)p;
}

// The cast feeds an ordinary load; -O2 folds it into the load, so the
// error is at the dereference.
// NOG: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:15: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
unsigned long read_through_cast(void) {
  // G0: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:18: error: a cast between a per-CPU pointer and an ordinary pointer
  unsigned long *p = (unsigned long *)&hits;
  // G: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:10: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
  return *p;
}

// NOG: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:7: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
void *to_void(unsigned long __percpu *p) {
  // G: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+2]]:10: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
  // G0: {{.*}}cast_percpu_pointer_to_plain_error.c:[[@LINE+1]]:10: error: a cast between a per-CPU pointer and an ordinary pointer
  return (void *)p;
}

// Accepted: no address space changes, or the template really is meant.
unsigned int __percpu *retype(void) { return (unsigned int __percpu *)&hits; }
unsigned long *round_trip(void) { return (unsigned long *)(uintptr_t)&hits; }
unsigned long *this_copy(void) { return this_cpu_ptr(&hits); }

// G: 4 errors generated.
// NOG: 4 errors generated.
// G0: 4 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
