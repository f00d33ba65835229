// RUN: %percpu_cc -O2 -fcommon -pthread %s -o %t && %t
// Verify that with -fcommon a zero-initialised per-CPU variable is still a per-CPU template (not a common symbol outside the template) that every CPU has its own copy of, and that an undefined weak per-CPU declaration links into the default PIE executable and reads as absent.
// RUN: %percpu_cc -O0 -fcommon -pthread %s -o %t0 && %t0
// RUN: %percpu_clang -O2 -fcommon -S -o - %s | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 3

// CHECK-NOT: .comm
// CHECK: .section percpu,
// CHECK: counter:
DEFINE_PER_CPU(unsigned long, counter);
__attribute__((weak)) DECLARE_PER_CPU(unsigned long, optional_counter);

static void on_cpu(unsigned cpu) {
  for (unsigned i = 0; i <= cpu; i++)
    this_cpu_inc(counter);
  if (&optional_counter)
    this_cpu_inc(optional_counter);
}

int main(void) {
  EXPECT(&optional_counter == NULL);
  init_areas(NCPUS);
  run_on_cpus(NCPUS, on_cpu);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    EXPECT_EQ(per_cpu(counter, cpu), cpu + 1);
  EXPECT_EQ(*(unsigned long *)(uintptr_t)&counter, 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
