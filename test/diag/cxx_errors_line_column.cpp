// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG --implicit-check-not=error: --implicit-check-not=note:
// Verify that the pass's errors in C++ read as in C: a thread_local per-CPU variable named by its source name (debug info's with -g, the demangled one without; never the mangled one), at its declaration with -g and at its first use without, and a cast in a function template instantiated with a per-CPU pointer at the cast, with the advice as a note, at -O0, -O2 and -O2 -g.
// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,G --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

namespace kern {
// G: cxx_errors_line_column.cpp:[[@LINE+2]]:34: error: 'tlsv': a per-CPU variable cannot be thread-local: it already has one copy per CPU{{$}}
// G-NEXT: note: drop _Thread_local/__thread (thread_local in C++){{$}}
thread_local DEFINE_PER_CPU(int, tlsv);
} // namespace kern

// NOG: cxx_errors_line_column.cpp:[[@LINE+2]]:20: error: 'kern::tlsv': a per-CPU variable cannot be thread-local: it already has one copy per CPU{{$}}
// NOG-NEXT: note: drop _Thread_local/__thread (thread_local in C++){{$}}
int get() { return kern::tlsv; }

// CHECK: cxx_errors_line_column.cpp:[[@LINE+2]]:51: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
// CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant){{$}}
template <class T> T *bad(T __percpu *p) { return (T *)p; }
int *use() { return bad(&kern::tlsv); }
// SPDX-License-Identifier: BSD-2-Clause
