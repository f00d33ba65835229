// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that per_cpu and per_cpu_ptr reach another CPU's copy for reading and writing, and that per-CPU pointers passed around at run time still mean this CPU's copy.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 4

DEFINE_PER_CPU(long, seed);
DEFINE_PER_CPU(long, from_left);
DEFINE_PER_CPU(long, a);
DEFINE_PER_CPU(long, b);

__attribute__((noinline)) static long deref(long __percpu *p) { return *p; }

__attribute__((noinline)) static void store(long __percpu *p, long v) {
  *p = v;
}

__attribute__((noinline)) static long __percpu *pick(int which) {
  return which ? &b : &a;
}

static void work(unsigned cpu) {
  EXPECT_EQ(this_cpu_read(seed), 10 * cpu);
  /* Write into the right-hand neighbour's area while it runs. */
  unsigned right = (cpu + 1) % NCPUS;
  *per_cpu_ptr(&from_left, right) = this_cpu_read(seed) * 2;
  pthread_barrier_wait(&cpus_barrier);
  unsigned left = (cpu + NCPUS - 1) % NCPUS;
  EXPECT_EQ(this_cpu_read(from_left), 20 * left);
  EXPECT_EQ(deref(&from_left), 20 * left);

  store(pick(0), cpu + 1000);
  store(pick(1), cpu + 2000);
  EXPECT_EQ(a, cpu + 1000);
  EXPECT_EQ(deref(pick(1)), cpu + 2000);
  EXPECT_PTR_EQ(per_cpu_ptr(pick(1), cpu), this_cpu_ptr(&b));
}

int main(void) {
  init_areas(NCPUS);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    per_cpu(seed, cpu) = 10 * cpu;
  run_on_cpus(NCPUS, work);

  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(per_cpu(a, cpu), cpu + 1000);
    EXPECT_EQ(*per_cpu_ptr(pick(1), cpu), cpu + 2000);
    EXPECT(per_cpu_ptr(&a, cpu) != per_cpu_ptr(&b, cpu));
  }
  for (unsigned cpu = 1; cpu < NCPUS; cpu++)
    EXPECT(per_cpu_ptr(&a, cpu) != per_cpu_ptr(&a, cpu - 1));
  /* Per-CPU pointers compare as template addresses. */
  EXPECT(pick(0) == &a && pick(1) == &b);
  EXPECT_EQ(deref(&seed), 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
