// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error: --implicit-check-not=note:
// Verify that a per-CPU pointer converted to an ordinary pointer (or the reverse) in a file-scope initialiser is an error naming the variable, with the advice to use this_cpu_ptr()/per_cpu_ptr() as a note: with -g at the variable's name, without -g (no instruction uses these variables, and nothing else records a global's place) without a location, at -O0 and -O2 alike; that every such initialiser is reported; and that the compiler then stops cleanly: no backend crash ("fatal error: error in backend", LLVM 19) and no follow-on "unsupported expression in static initializer" error (LLVM 22). A uintptr_t conversion and a per-CPU pointer stored as such are accepted.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
unsigned long plain;

// G: static_initialiser_cast_error.c:[[@LINE+4]]:16: error: 'p_static': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
// G-NEXT: note: use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant){{$}}
// NOG: {{^}}error: 'p_static': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
// NOG-NEXT: note: use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant){{$}}
unsigned long *p_static = (unsigned long *)&hits;

// The reverse.
// G: static_initialiser_cast_error.c:[[@LINE+4]]:25: error: 'rev': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
// G-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
// NOG: {{^}}error: 'rev': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
// NOG-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
unsigned long __percpu *rev = (unsigned long __percpu *)&plain;

// Inside an aggregate: at the name, on the line after the struct.
// G: static_initialiser_cast_error.c:[[@LINE+7]]:3: error: 'holder': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
// G-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
// NOG: {{^}}error: 'holder': its initialiser converts a per-CPU pointer: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
// NOG-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
struct holder {
  int x;
  unsigned long *p;
} holder = {1, (unsigned long *)&hits};

// Accepted.
uintptr_t as_integer = (uintptr_t)&hits;
unsigned long __percpu *as_percpu_pointer = &hits;
// SPDX-License-Identifier: BSD-2-Clause
