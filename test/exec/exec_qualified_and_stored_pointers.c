// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that per-CPU pointers kept in initialised globals, and _Atomic, volatile and bit-field per-CPU variables, all reach this CPU's copy.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc -O2 -fno-pie -no-pie -pthread %s -o %t1 && %t1
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 3

struct flags {
  unsigned a : 3;
  unsigned b : 7;
  unsigned c : 22;
};

DEFINE_PER_CPU(long, first);
DEFINE_PER_CPU(long[4], second);
DEFINE_PER_CPU(_Atomic int, atomic_count);
DEFINE_PER_CPU(volatile int, vol);
DEFINE_PER_CPU(struct flags, flags);

/* Per-CPU pointers are template addresses: plain constants for the linker. */
long __percpu *const table[] = {&first, &second[2]};
long __percpu *current = &second[1];

static void work(unsigned cpu) {
  for (unsigned i = 0; i < 2; i++)
    *table[i] = (long)(cpu * 10 + i);
  *current += 5;
  current[1] += 1;

  atomic_count++;
  atomic_count += (int)cpu;
  __c11_atomic_fetch_add(&atomic_count, 1, __ATOMIC_SEQ_CST);
  vol = (int)cpu;
  vol += 1;

  flags.a = cpu;
  flags.b = 100 + cpu;
  flags.c = 12345;
  flags.a++;
}

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(per_cpu(first, cpu), cpu * 10);
    EXPECT_EQ(per_cpu(second[1], cpu), 5);
    EXPECT_EQ(per_cpu(second[2], cpu), cpu * 10 + 1 + 1);
    EXPECT_EQ(per_cpu(atomic_count, cpu), cpu + 2);
    EXPECT_EQ(per_cpu(vol, cpu), cpu + 1);
    struct flags *f = per_cpu_ptr(&flags, cpu);
    EXPECT_EQ(f->a, cpu + 1);
    EXPECT_EQ(f->b, 100 + cpu);
    EXPECT_EQ(f->c, 12345);
    EXPECT_PTR_EQ(per_cpu_ptr(table[1], cpu), per_cpu_ptr(&second[2], cpu));
  }
  EXPECT_EQ(first, 0);
  EXPECT_EQ(atomic_count, 0);
  EXPECT_EQ(flags.b, 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
