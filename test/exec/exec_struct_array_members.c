// RUN: %percpu_cc %std_for_arrays -O2 -pthread %s -o %t && %t
// Verify that members of per-CPU structs and elements of per-CPU arrays, with constant and variable indices, are each CPU's own, locally and remotely.
// RUN: %percpu_cc %std_for_arrays -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc %std_for_arrays -O2 -fno-pie -no-pie -pthread %s -o %t1 && %t1
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 3
#define SLOTS 16

struct stats {
  char tag;
  int count;
  long long sum;
  short hist[5];
  struct {
    void *owner;
    unsigned flags;
  } inner;
};

DEFINE_PER_CPU(struct stats, stats);
DEFINE_PER_CPU(int[SLOTS], slots);
DEFINE_PER_CPU(struct stats[2], pair);

__attribute__((noinline)) static unsigned opaque(unsigned v) { return v; }

static void work(unsigned cpu) {
  stats.tag = (char)('a' + cpu);
  for (int i = 0; i < 10; i++) {
    this_cpu_inc(stats.count);
    stats.sum += i * (cpu + 1);
    stats.hist[i % 5]++;
  }
  stats.inner.owner = this_cpu_ptr(&stats);
  this_cpu_or(stats.inner.flags, 1u << cpu);

  for (unsigned i = 0; i < SLOTS; i++)
    slots[opaque(i)] = (int)(cpu * 100 + i);
  this_cpu_add(slots[3], 7);
  pair[opaque(1)].count = (int)cpu;
  pair[0].hist[opaque(4)] = (short)-cpu;

  EXPECT_EQ(stats.count, 10);
  EXPECT_EQ(slots[opaque(3)], cpu * 100 + 10);
  EXPECT_EQ(this_cpu_read(pair[1].count), cpu);
}

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);

  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    struct stats *s = per_cpu_ptr(&stats, cpu);
    EXPECT_EQ(s->tag, 'a' + cpu);
    EXPECT_EQ(s->count, 10);
    EXPECT_EQ(s->sum, 45 * (cpu + 1));
    for (int h = 0; h < 5; h++)
      EXPECT_EQ(s->hist[h], 2);
    EXPECT_PTR_EQ(s->inner.owner, s);
    EXPECT_EQ(per_cpu(stats.inner.flags, cpu), 1u << cpu);
    EXPECT_PTR_EQ(&per_cpu(stats.sum, cpu), &s->sum);

    int *v = *per_cpu_ptr(&slots, cpu);
    for (unsigned i = 0; i < SLOTS; i++)
      EXPECT_EQ(v[i], cpu * 100 + i + (i == 3 ? 7 : 0));
    EXPECT_EQ(per_cpu(slots[opaque(5)], cpu), cpu * 100 + 5);
    EXPECT_EQ(per_cpu(pair[1].count, cpu), cpu);
    EXPECT_EQ(per_cpu(pair[0].hist[4], cpu), -(int)cpu);
    EXPECT_EQ(per_cpu(pair[0].count, cpu), 0);
  }
  EXPECT_EQ(stats.count, 0);
  EXPECT_EQ(slots[opaque(3)], 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
