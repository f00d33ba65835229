/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Remote access: the sum of one counter over 64 CPUs, with this project's
 * for_each_possible_cpu + per_cpu, against a Linux-style loop over a table
 * of offsets (__per_cpu_offset[cpu] + &var, unchecked). Both loops read the
 * same 64 copies: the table holds, for each CPU, the distance from a plain
 * global to that CPU's copy of the per-CPU counter.
 *
 *   remote REPS SUMS
 *
 * Each run times SUMS sums of each kind, interleaved, and prints "run <ns
 * per sum, per_cpu> <ns per sum, Linux-style>"; then "check ok" when both
 * sums agree with what was stored.
 */
#include <percpu.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define NCPUS 64
#define BARRIER() __asm__ __volatile__("" ::: "memory")

DEFINE_PER_CPU(unsigned long, counter);

/* The Linux-style side: a template variable and a table of offsets. */
static unsigned long linux_counter;
static uintptr_t linux_offset[NCPUS];
static unsigned linux_nr_cpus;

__attribute__((noinline)) unsigned long sum_per_cpu(void) {
  unsigned long s = 0;
  unsigned cpu;
  for_each_possible_cpu(cpu) s += per_cpu(counter, cpu);
  return s;
}

__attribute__((noinline)) unsigned long sum_linux(void) {
  unsigned long s = 0;
  for (unsigned cpu = 0; cpu < linux_nr_cpus; cpu++)
    s += *(unsigned long *)((uintptr_t)&linux_counter + linux_offset[cpu]);
  return s;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  unsigned reps = (unsigned)atoi(argv[1]);
  unsigned long sums = strtoul(argv[2], NULL, 0);
  void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
  if (!areas || percpu_init(areas, NCPUS) != NCPUS)
    return 1;
  unsigned long want = 0;
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    per_cpu(counter, cpu) = cpu + 1;
    want += cpu + 1;
    linux_offset[cpu] =
        (uintptr_t)&per_cpu(counter, cpu) - (uintptr_t)&linux_counter;
  }
  linux_nr_cpus = NCPUS;

  int ok = 1;
  for (unsigned r = 0; r < reps; r++) {
    double t0 = now();
    for (unsigned long i = 0; i < sums; i++) {
      ok &= sum_per_cpu() == want;
      BARRIER();
    }
    double t1 = now();
    for (unsigned long i = 0; i < sums; i++) {
      ok &= sum_linux() == want;
      BARRIER();
    }
    double t2 = now();
    printf("run %.3f %.3f\n", (t1 - t0) * 1e9 / sums, (t2 - t1) * 1e9 / sums);
  }
  printf("check %s\n", ok ? "ok" : "FAILED");
  return !ok;
}
