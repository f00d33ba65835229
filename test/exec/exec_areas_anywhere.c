// RUN: %percpu_cc %std_for_arrays -O2 -pthread %s -o %t && %t
// Verify percpu_setup_areas with areas anywhere: out of order, one mapped below the template, one CPU possible but without an area until its thread brings it up with percpu_setup_cpu (its copy gets the template's values and zeroed dynamic blocks); for_each_possible_cpu and for_each_online_cpu tell them apart; per_cpu_ptr is NULL and percpu_init_reg -EINVAL for the CPU without an area; per_cpu past the last CPU traps and per_cpu of a CPU without an area faults.
// RUN: %percpu_cc %std_for_arrays -O0 -pthread %s -o %t0 && %t0
// RUN: not --crash %t past-the-end
// RUN: not --crash %t not-up-yet
// RUN: not --crash %t0 past-the-end
// REQUIRES: native-x86_64, runtime-x86_64, x86-fsgsbase
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>

#include "Inputs/cpus.h"

#define NCPUS 4
#define LATE 2

extern char __start_percpu[];

DEFINE_PER_CPU(long, n) = 4;
DEFINE_PER_CPU(int[8], arr);

static void *areas[NCPUS];
static void *late_area;
static long __percpu *dyn;

static void *cpu_main(void *arg) {
  unsigned cpu = (unsigned)(uintptr_t)arg;
  if (cpu == LATE) {
    EXPECT_EQ(percpu_init_reg(cpu), -EINVAL);
    EXPECT_EQ(percpu_setup_cpu(cpu, late_area), 0);
    EXPECT_EQ(percpu_setup_cpu(cpu, late_area), -EBUSY);
  }
  EXPECT_EQ(percpu_init_reg(cpu), 0);
  EXPECT_EQ(percpu_read_reg(), (uintptr_t)(cpu == LATE ? late_area : areas[cpu]) -
                                   (uintptr_t)__start_percpu);
  EXPECT_EQ(this_cpu_read(n), 4);
  EXPECT_EQ(this_cpu_read(*dyn), 0);
  this_cpu_add(n, (long)cpu);
  this_cpu_add(*dyn, 10 * (long)cpu + 1);
  arr[cpu] = 1;
  EXPECT_PTR_EQ(this_cpu_ptr(&n), per_cpu_ptr(&n, cpu));
  EXPECT_PTR_EQ(this_cpu_ptr(dyn), per_cpu_ptr(dyn, cpu));
  return NULL;
}

int main(int argc, char **argv) {
  size_t stride = percpu_area_stride(), align = percpu_area_align();
  /* CPU 1 below the template, the others on the heap, out of order. */
  void *low = (void *)(uintptr_t)0x100000;
  EXPECT_PTR_EQ(mmap(low, stride, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
                low);
  EXPECT((uintptr_t)low + stride <= (uintptr_t)__start_percpu);
  char *heap = aligned_alloc(align, 4 * stride);
  areas[0] = heap + 2 * stride;
  areas[1] = low;
  areas[LATE] = NULL;
  areas[3] = heap;
  late_area = heap + stride;
  memset(late_area, 0xa5, stride); /* dirty: the set-up must overwrite it */
  void *table = malloc(percpu_table_bytes(NCPUS));

  /* Bad set-ups claim nothing. */
  void *odd[NCPUS] = {heap + 8};
  EXPECT_EQ(percpu_setup_areas(odd, NCPUS, table, percpu_table_bytes(NCPUS)),
            -EINVAL);
  EXPECT_EQ(percpu_setup_areas(areas, NCPUS, table, 8), -EINVAL);
  EXPECT_EQ(percpu_setup_areas(areas, 0, table, 1024), -EINVAL);
  EXPECT_EQ(percpu_area_num(), 0);

  EXPECT_EQ(percpu_setup_areas(areas, NCPUS, table, percpu_table_bytes(NCPUS)),
            NCPUS);
  EXPECT_EQ(percpu_setup_areas(areas, NCPUS, table, percpu_table_bytes(NCPUS)),
            -EBUSY);
  EXPECT_EQ(percpu_area_num(), NCPUS);
  unsigned cpu, possible = 0, online = 0;
  for_each_possible_cpu(cpu)
    possible++;
  for_each_online_cpu(cpu) {
    EXPECT(cpu != LATE);
    online++;
  }
  EXPECT_EQ(possible, NCPUS);
  EXPECT_EQ(online, NCPUS - 1);
  EXPECT_EQ(percpu_cpu_online(LATE), 0);
  EXPECT_PTR_EQ(per_cpu_ptr(&n, LATE), NULL);
  EXPECT_PTR_EQ(percpu_area_base(LATE), NULL);
  EXPECT((intptr_t)percpu_offset(1) < 0);
  for (cpu = 0; cpu < NCPUS; cpu++)
    if (cpu != LATE)
      EXPECT_PTR_EQ(percpu_area_base(cpu), areas[cpu]);

  dyn = alloc_percpu(long);
  EXPECT(dyn != NULL);

  if (argc > 1 && !strcmp(argv[1], "past-the-end"))
    return (int)per_cpu(n, NCPUS); /* traps */
  if (argc > 1 && !strcmp(argv[1], "not-up-yet"))
    return (int)per_cpu(n, LATE); /* faults: no area yet */

  pthread_t t[NCPUS];
  for (cpu = 0; cpu < NCPUS; cpu++)
    EXPECT_EQ(pthread_create(&t[cpu], NULL, cpu_main, (void *)(uintptr_t)cpu),
              0);
  for (cpu = 0; cpu < NCPUS; cpu++)
    EXPECT_EQ(pthread_join(t[cpu], NULL), 0);

  online = 0;
  long sum = 0;
  for_each_online_cpu(cpu) {
    online++;
    EXPECT_EQ(per_cpu(n, cpu), 4 + (long)cpu);
    EXPECT_EQ(per_cpu(arr, cpu)[cpu], 1);
    sum += per_cpu(*dyn, cpu);
  }
  EXPECT_EQ(online, NCPUS);
  EXPECT_EQ(sum, 1 + 11 + 21 + 31);
  EXPECT_PTR_EQ(percpu_area_base(LATE), late_area);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
