// RUN: %percpu_cc %std_for_arrays -O2 -pthread %s -o %t && %t
// Verify that get_cpu_var/put_cpu_var and get_cpu_ptr/put_cpu_ptr call the preemption hooks, and that a program's own hooks replace the runtime's weak no-ops.
// RUN: %percpu_cc %std_for_arrays -O2 -pthread -DRUNTIME_HOOKS %s -o %t1 && %t1
// RUN: %percpu_cc %std_for_arrays -O2 -pthread %s -Wl,--whole-archive %percpu_lib/x86_64/libpercpu.a -Wl,--no-whole-archive -o %t2 && %t2
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

DEFINE_PER_CPU(int, x);
DEFINE_PER_CPU(long[3], arr);

#ifndef RUNTIME_HOOKS
static int depth, calls;

void percpu_preempt_disable(void) {
  depth++;
  calls++;
}

void percpu_preempt_enable(void) { depth--; }
#endif

static void expect_depth(int want) {
#ifndef RUNTIME_HOOKS
  EXPECT_EQ(depth, want);
#else
  (void)want;
#endif
}

int main(void) {
  init_areas(2);
  EXPECT_EQ(percpu_init_reg(1), 0);

  get_cpu_var(x) = 5;
  expect_depth(1);
  put_cpu_var(x);
  expect_depth(0);

  long *a = *get_cpu_ptr(&arr);
  expect_depth(1);
  a[2] = 7;
  put_cpu_ptr(&arr);
  expect_depth(0);

  EXPECT_EQ(per_cpu(x, 1), 5);
  EXPECT_EQ(per_cpu(arr[2], 1), 7);
  EXPECT_EQ(per_cpu(x, 0), 0);
#ifndef RUNTIME_HOOKS
  EXPECT_EQ(calls, 2);
#endif
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
