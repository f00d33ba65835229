// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG --implicit-check-not=error: --implicit-check-not=note:
// Verify that a C++ function-local static per-CPU variable with a dynamic initialiser, which the first CPU to run the function would initialise in its own copy only (the guard variable then keeps every other CPU's copy at the template's zero), is an error naming the variable, at its declaration with -g and at the initialising store without, at -O0 and -O2, in a function and in a function template; and that a constant-initialised local static, which the template initialises for every CPU, compiles.
// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,G --implicit-check-not=error: --implicit-check-not=note:
// RUN: %percpu_cxx --target=x86_64-linux-gnu -O2 -DONLY_CONSTANT -S -o - %s | FileCheck %s --check-prefix=CONST
#include <percpu.h>

int seed();

#ifndef ONLY_CONSTANT
// G: cxx_local_static_dynamic_init_error.cpp:[[@LINE+4]]:23: error: 'x': a function-local static per-CPU variable with a dynamic initialiser would be initialised only in the copy of the first CPU to run the function{{$}}
// NOG: cxx_local_static_dynamic_init_error.cpp:[[@LINE+3]]:3: error: 'next()::x': a function-local static per-CPU variable with a dynamic initialiser would be initialised only in the copy of the first CPU to run the function{{$}}
// CHECK-NEXT: note: initialise it with a constant expression, or define it with DEFINE_PER_CPU outside the function{{$}}
int next() {
  static __percpu int x = seed();
  return ++x;
}

// G: cxx_local_static_dynamic_init_error.cpp:[[@LINE+4]]:21: error: 'y': a function-local static per-CPU variable with a dynamic initialiser would be initialised only in the copy of the first CPU to run the function{{$}}
// NOG: cxx_local_static_dynamic_init_error.cpp:[[@LINE+3]]:3: error: 'long bump<long>()::y': a function-local static per-CPU variable with a dynamic initialiser would be initialised only in the copy of the first CPU to run the function{{$}}
// CHECK-NEXT: note: initialise it with a constant expression, or define it with DEFINE_PER_CPU outside the function{{$}}
template <class T> T bump() {
  static __percpu T y = T(seed());
  return y += 2;
}
long use_bump() { return bump<long>(); }
#endif

// CONST-LABEL: _Z6steadyv:
// CONST: incl %gs:_ZZ6steadyvE1z(%rip)
// CONST: .section percpu
// CONST: _ZZ6steadyvE1z:
// CONST-NEXT: .long 7
int steady() {
  static __percpu int z = 7;
  this_cpu_inc(z);
  return this_cpu_read(z);
}
// SPDX-License-Identifier: BSD-2-Clause
