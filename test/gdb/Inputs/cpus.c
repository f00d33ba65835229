/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The program the qemu-user gdb tests debug: four CPUs taken in turn by
 * one thread (percpu_init_reg), each writing its values (cpu_values.h);
 * then it stops in stop_here() as CPU 2.
 *
 * offset_table_layout is the runtime's layout as a table of offsets, the
 * other shape the extension reads (tools/gdb/percpu.py, layout()).
 */
#include <percpu.h>

#include "../../qemu/Inputs/qemu_rt.h"
#include "cpu_values.h"
#include "../../Inputs/table_capacity.h"

#define NCPUS 4

struct offset_table_layout {
  unsigned num;
  uintptr_t *offsets;
};
static uintptr_t offset_table[NCPUS];
struct offset_table_layout offset_table_layout;

/* The areas, then the runtime's table (on aarch64 PERCPU_MAX_CPUS entries). */
static char areas[NCPUS * 4096 + TABLE_CAPACITY_BYTES]
    __attribute__((aligned(4096)));

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
    write_cpu_values(cpu);
  }
  percpu_init_reg(2);
  stop_here(2);
  rt_puts("cpus: done\n");
  return 0;
}
