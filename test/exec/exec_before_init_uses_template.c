// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that before percpu_init (base register 0) accesses reach the template, and that percpu_init copies the template as it is at that moment.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 2

DEFINE_PER_CPU(long, counter) = 5;
DEFINE_PER_CPU(int[4], arr);

static long *template_counter(void) { return (long *)(uintptr_t)&counter; }

static void work(unsigned cpu) {
  EXPECT_EQ(counter, 5 + 3);
  EXPECT_EQ(arr[2], 22);
  this_cpu_add(counter, (long)cpu + 1);
}

int main(void) {
  EXPECT_EQ(percpu_area_num(), 0);
  EXPECT_EQ(percpu_read_reg(), 0);
  EXPECT_PTR_EQ(this_cpu_ptr(&counter), template_counter());

  counter++;
  this_cpu_inc(counter);
  __this_cpu_add(counter, 1);
  arr[2] = 22;
  EXPECT_EQ(*template_counter(), 8);
  EXPECT_EQ(((int *)(uintptr_t)&arr)[2], 22);

  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    EXPECT_EQ(per_cpu(counter, cpu), 8 + cpu + 1);
  EXPECT_EQ(counter, 8);
  EXPECT_EQ(*template_counter(), 8);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
