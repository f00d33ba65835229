// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that areas below the template work on x86_64 with wrgsbase: the "negative" offset is a valid GS base and addresses wrap to the area.
// RUN: %percpu_cc -O2 -fno-pie -no-pie -pthread %s -o %t1 && %t1
// REQUIRES: native-x86_64, runtime-x86_64, x86-fsgsbase
#define _GNU_SOURCE
#include "Inputs/low_areas.h"

#define NCPUS 3

DEFINE_PER_CPU(long, n) = 4;
DEFINE_PER_CPU(int[8], arr);

static void work(unsigned cpu) {
  EXPECT_EQ(percpu_read_reg(), percpu_offset(cpu));
  this_cpu_add(n, (long)cpu);
  arr[cpu] = 1;
  EXPECT_PTR_EQ(this_cpu_ptr(&n), per_cpu_ptr(&n, cpu));
}

int main(void) {
  init_low_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(per_cpu(n, cpu), 4 + cpu);
    for (unsigned i = 0; i < 8; i++)
      EXPECT_EQ(per_cpu(arr[i], cpu), i == cpu);
  }
  EXPECT_EQ(n, 4);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
