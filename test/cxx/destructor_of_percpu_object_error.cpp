// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG,CXA --implicit-check-not=error: --implicit-check-not=note:
// Verify that a per-CPU object of a class with a non-trivial destructor, which clang would destroy once at exit by passing the template's address to __cxa_atexit (or from a helper of its own, for arrays and with -fno-use-cxa-atexit), is an error naming the variable, at its declaration with -g and at its first use without, at -O0 and -O2, for a variable, an array, a function-local static and a static data member of a class template; that the same classes with a trivial destructor compile, with no destructor registered; and that ordinary objects whose destructors update per-CPU data (inlined into clang's helpers at -O2) compile, those updates reaching this CPU's copy.
// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG,CXA --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O0 -fno-use-cxa-atexit -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG,NOCXA --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cxx --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,G --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cxx --target=aarch64-linux-gnu -ffreestanding -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOG,CXA --implicit-check-not=error: --implicit-check-not=note:
// RUN: %percpu_cxx --target=x86_64-linux-gnu -O2 -DTRIVIAL -S -emit-llvm -o - %s | FileCheck %s --check-prefix=TRIVIAL
// RUN: %percpu_cxx --target=x86_64-linux-gnu -O0 -DTRIVIAL -S -emit-llvm -o - %s | FileCheck %s --check-prefix=TRIVIAL
// RUN: %percpu_cxx --target=x86_64-linux-gnu -O2 -DORDINARY_ONLY -S -o - %s | FileCheck %s --check-prefix=ORDINARY
// RUN: %percpu_cxx --target=x86_64-linux-gnu -O0 -DORDINARY_ONLY -fno-use-cxa-atexit -S -o - %s | FileCheck %s --check-prefix=ORDINARY
#include <percpu.h>

#ifndef ORDINARY_ONLY
struct Tracked {
  int n;
#ifndef TRIVIAL
  ~Tracked();
#endif
};

// G: destructor_of_percpu_object_error.cpp:[[@LINE+3]]:25: error: 'one': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// NOG: destructor_of_percpu_object_error.cpp:[[@LINE+3]]:28: error: 'one': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// CHECK-NEXT: note: give the class a trivial destructor, and tear each CPU's copy down explicitly where the CPU goes down (per_cpu_ptr(&v, cpu)->release()){{$}}
DEFINE_PER_CPU(Tracked, one) = {};
int get_one() { return one.n; }

// G: destructor_of_percpu_object_error.cpp:[[@LINE+3]]:25: error: 'many': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// NOG: destructor_of_percpu_object_error.cpp:[[@LINE+3]]:30: error: 'many': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// CHECK-NEXT: note: give the class
DEFINE_PER_CPU(Tracked, many[3]) = {};
int get_many(int i) { return many[i].n; }

// G: destructor_of_percpu_object_error.cpp:[[@LINE+5]]:27: error: 'local': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// CXA: destructor_of_percpu_object_error.cpp:[[@LINE+4]]:3: error: 'get_local()::local': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// NOCXA: destructor_of_percpu_object_error.cpp:[[@LINE+4]]:10: error: 'get_local()::local': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// CHECK-NEXT: note: give the class
int get_local() {
  static __percpu Tracked local = {};
  return ++local.n;
}

template <class T> struct Holder {
  static __percpu T member;
};
// G: destructor_of_percpu_object_error.cpp:[[@LINE+3]]:42: error: 'member': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// NOG: destructor_of_percpu_object_error.cpp:[[@LINE+3]]:51: error: 'Holder<Tracked>::member': a per-CPU object with a non-trivial destructor would be destroyed once, at exit, in the template, not in each CPU's copy{{$}}
// CHECK-NEXT: note: give the class
template <class T> __percpu T Holder<T>::member = {};
int get_member() { return Holder<Tracked>::member.n; }

#endif

// ORDINARY: %{{[a-z]+}}, %gs:released(%rip)
DEFINE_PER_CPU(int, released) = 0;
struct Releases {
  int n;
  ~Releases() { released += n; }
};
#ifndef TRIVIAL
Releases ordinary_one = {1};
Releases ordinary_many[2] = {{2}, {3}};
#endif

// With a trivial destructor nothing runs at exit, and no per-CPU pointer
// reaches the backend.
// TRIVIAL-NOT: atexit
// TRIVIAL-NOT: _dtor
// TRIVIAL-NOT: addrspace(300)
// SPDX-License-Identifier: BSD-2-Clause
