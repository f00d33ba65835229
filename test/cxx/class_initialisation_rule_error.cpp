// RUN: not %percpu_clang -x c++ -std=c++17 --target=x86_64-linux-gnu -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
// Verify the C++ rule that README.md states, with clang's own wording: a per-CPU variable of class type must be an aggregate initialised with braces. Clang rejects one that a constructor would initialise (no initialiser, a user-declared constructor, private members, a virtual function, a copy of another object) with "no matching constructor for initialization of '__attribute__((address_space(300))) T'", and a member function called on the variable itself; the brace-initialised aggregates (default member initialisers and constexpr values included), arrays of them, and calls through this_cpu_ptr() and per_cpu() compile.
// RUN: not %percpu_clang -x c++ -std=c++20 --target=x86_64-linux-gnu -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:

#include <percpu.h>

struct Counter {
  unsigned long n;
  void inc() { n++; }
};
constexpr int seven() { return 7; }
struct Defaults {
  int level = 3;
  int limit = seven();
};
struct WithConstructor {
  int n;
  constexpr WithConstructor() : n(1) {}
};
class Private {
  int n;

public:
  int get() const { return n; }
};
struct Virtual {
  virtual void f() {}
};
constexpr Counter kStart = {5};

// Accepted.
DEFINE_PER_CPU(Counter, zeroed) = {};
DEFINE_PER_CPU(Counter, started) = {kStart.n};
DEFINE_PER_CPU(Defaults, defaults) = {};
DEFINE_PER_CPU(Defaults, braced){};
DEFINE_PER_CPU(Counter, several[4]) = {};
DEFINE_PER_CPU(int, scalar);

// CHECK: class_initialisation_rule_error.cpp:[[@LINE+1]]:25: error: no matching constructor for initialization of '__attribute__((address_space(300))) typeof(Counter)' (aka '__attribute__((address_space(300))) Counter')
DEFINE_PER_CPU(Counter, uninitialised);
// CHECK: class_initialisation_rule_error.cpp:[[@LINE+1]]:33: error: no matching constructor for initialization of '__attribute__((address_space(300))) typeof(WithConstructor)' (aka '__attribute__((address_space(300))) WithConstructor')
DEFINE_PER_CPU(WithConstructor, constructed) = {};
// CHECK: class_initialisation_rule_error.cpp:[[@LINE+1]]:25: error: no matching constructor for initialization of '__attribute__((address_space(300))) typeof(Private)' (aka '__attribute__((address_space(300))) Private')
DEFINE_PER_CPU(Private, hidden) = {};
// CHECK: class_initialisation_rule_error.cpp:[[@LINE+1]]:25: error: no matching constructor for initialization of '__attribute__((address_space(300))) typeof(Virtual)' (aka '__attribute__((address_space(300))) Virtual')
DEFINE_PER_CPU(Virtual, virt) = {};
// A copy: clang 19 in C++20 tries the braced form and says so differently.
// CHECK: class_initialisation_rule_error.cpp:[[@LINE+1]]:{{25: error: no matching constructor for initialization of|35: error: no viable conversion from 'const Counter'}}
DEFINE_PER_CPU(Counter, copied) = kStart;

void calls() {
  this_cpu_ptr(&zeroed)->inc();
  per_cpu(several, 1)[2].inc();
  // CHECK: class_initialisation_rule_error.cpp:[[@LINE+1]]:3: error: cannot initialize object parameter of type 'Counter' with an expression of type '__attribute__((address_space(300))) typeof(Counter)' (aka '__attribute__((address_space(300))) Counter')
  started.inc();
}

// CHECK: 6 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
