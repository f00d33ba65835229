// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// Verify that clang itself rejects a per-CPU automatic variable and a per-CPU parameter (an address-space qualified local has no meaning), at the variable's line and column at -O0, -O2 and -O2 -g, and reports both.
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:

#include <percpu.h>

unsigned long automatic(void) {
  // CHECK: {{.*}}automatic_percpu_variable_error.c:[[@LINE+1]]:33: error: automatic variable qualified with an address space
  DEFINE_PER_CPU(unsigned long, local);
  local = 1;
  return local;
}

// CHECK: {{.*}}automatic_percpu_variable_error.c:[[@LINE+1]]:24: error: parameter may not be qualified with an address space
int param(__percpu int p) { return p; }

// CHECK: 2 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
