// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error:
// Verify that a per-CPU pointer converted to an ordinary pointer (or the reverse) in a file-scope initialiser is an error naming the variable and its source file (with -g also its line), saying to use this_cpu_ptr()/per_cpu_ptr() instead; that every such initialiser is reported; and that the compiler then stops cleanly: no backend crash ("fatal error: error in backend", LLVM 19) and no follow-on "unsupported expression in static initializer" error (LLVM 22). A uintptr_t conversion and a per-CPU pointer stored as such are accepted.
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
unsigned long plain;

// G: {{.*}}static_initialiser_cast_error.c:[[@LINE+2]]{{.*}} 'p_static': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant)
// NOG: {{.*}}static_initialiser_cast_error.c{{.*}} 'p_static': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant)
unsigned long *p_static = (unsigned long *)&hits;

// The reverse.
// G: {{.*}}static_initialiser_cast_error.c:[[@LINE+2]]{{.*}} 'rev': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
// NOG: {{.*}}static_initialiser_cast_error.c{{.*}} 'rev': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
unsigned long __percpu *rev = (unsigned long __percpu *)&plain;

// Inside an aggregate.
// G: {{.*}}static_initialiser_cast_error.c:[[@LINE+5]]{{.*}} 'holder': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
// NOG: {{.*}}static_initialiser_cast_error.c{{.*}} 'holder': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr()
struct holder {
  int x;
  unsigned long *p;
} holder = {1, (unsigned long *)&hits};

// Accepted.
uintptr_t as_integer = (uintptr_t)&hits;
unsigned long __percpu *as_percpu_pointer = &hits;

// G: 3 errors generated.
// NOG: 3 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
