// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that threads acting as CPUs each update their own copy, through this_cpu_*, __this_cpu_* and plain C, and that main sees every copy with per_cpu.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 4
#define ROUNDS 1000

DEFINE_PER_CPU(unsigned long, events);
DEFINE_PER_CPU(int, last_cpu) = -1;
DEFINE_PER_CPU(long long, plain);
static DEFINE_PER_CPU(unsigned char, small);

static void work(unsigned cpu) {
  for (unsigned i = 0; i < (cpu + 1) * ROUNDS; i++)
    this_cpu_inc(events);
  __this_cpu_write(last_cpu, (int)cpu);
  for (unsigned i = 0; i <= cpu; i++)
    plain++;
  plain += 100;
  small = (unsigned char)(cpu * 3);
  this_cpu_add(small, 1);

  EXPECT_EQ(this_cpu_read(events), (cpu + 1) * ROUNDS);
  EXPECT_EQ(__this_cpu_read(last_cpu), cpu);
  EXPECT_EQ(plain, cpu + 101);
}

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);

  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(per_cpu(events, cpu), (cpu + 1) * ROUNDS);
    EXPECT_EQ(per_cpu(last_cpu, cpu), cpu);
    EXPECT_EQ(per_cpu(plain, cpu), cpu + 101);
    EXPECT_EQ(per_cpu(small, cpu), cpu * 3 + 1);
  }
  /* main never set its register: it still sees the untouched template. */
  EXPECT_EQ(events, 0);
  EXPECT_EQ(last_cpu, -1);
  EXPECT_EQ(plain, 0);
  EXPECT_EQ(small, 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
