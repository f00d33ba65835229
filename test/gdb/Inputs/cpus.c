/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The program the qemu-user gdb tests debug: four CPUs taken in turn by
 * one thread (percpu_init_reg), each writing values of its own into a
 * scalar, a struct and an array; then it stops in stop_here() as CPU 2.
 * CPU n's values: hits 10+n, pair {100+n, 200+n}, arr[3] 1000+n.
 *
 * offset_table_layout is the runtime's layout as a table of offsets, the
 * other shape the extension reads (tools/gdb/percpu.py, layout()).
 */
#include <percpu.h>

#include "../../qemu/Inputs/qemu_rt.h"

struct pair {
  long a, b;
};
DEFINE_PER_CPU(long, hits);
DEFINE_PER_CPU(struct pair, pair);
DEFINE_PER_CPU(int, arr[4]);
/* An ordinary variable holding a per-CPU pointer. */
long __percpu *hits_ptr = &hits;

#define NCPUS 4

struct offset_table_layout {
  unsigned num;
  uintptr_t *offsets;
};
static uintptr_t offset_table[NCPUS];
struct offset_table_layout offset_table_layout;

static char areas[NCPUS * 4096] __attribute__((aligned(4096)));

__attribute__((noinline)) void stop_here(unsigned cpu) {
  __asm__ volatile("" : : "r"(cpu) : "memory");
}

int main(void) {
  if (percpu_areas_bytes(NCPUS) > sizeof areas ||
      percpu_init(areas, NCPUS) != NCPUS)
    return 1;
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    offset_table[cpu] = percpu_offset(cpu);
  offset_table_layout.offsets = offset_table;
  offset_table_layout.num = NCPUS;
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    percpu_init_reg(cpu);
    this_cpu_write(hits, 10 + cpu);
    __this_cpu_write(pair.a, 100 + cpu);
    __this_cpu_write(pair.b, 200 + cpu);
    __this_cpu_write(arr[3], 1000 + cpu);
  }
  percpu_init_reg(2);
  stop_here(2);
  rt_puts("cpus: done\n");
  return 0;
}
