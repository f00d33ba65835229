// RUN: %percpu_cxx -std=c++17 -O2 -pthread %s -o %t && %t
// Verify that C++ on per-CPU variables (member functions through this_cpu_ptr and per_cpu references, arrays of structs, templates over per-CPU pointers, a reference to a per-CPU variable, lambdas, namespaces, constexpr and default member initialisers, and exceptions thrown across destructors and caught, which makes the calls invokes) reaches each CPU's own copy, with threads as CPUs, at -O0 and -O2, in C++17 and C++20.
// RUN: %percpu_cxx -std=c++20 -O0 -pthread %s -o %t0 && %t0
// The per-CPU accesses sit between invokes and landing pads.
// RUN: %percpu_cxx -std=c++17 -O0 -S -emit-llvm %s -o - | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64

// CHECK-LABEL: define internal void @_ZN8cxx_testL15with_exceptionsEj(
// CHECK:         invoke void %{{.*}}(i32
// CHECK:         landingpad
// CHECK:         call ptr @__cxa_begin_catch
// CHECK-NOT:     addrspace(300)
// CHECK-LABEL: define

#include "../exec/Inputs/cpus.h"

#define CHECK_EQ EXPECT_EQ
#define CXX_CAN_THROW

static void throw_odd(unsigned n) {
  if (n % 2)
    throw n;
}
void (*volatile throw_if_odd)(unsigned n) = throw_odd;

#include "Inputs/cxx_features.h"

#define NCPUS 4

int main() {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, cxx_test::cxx_work);
  cxx_test::cxx_verify(NCPUS);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
