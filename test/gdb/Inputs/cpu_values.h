/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The per-CPU variables the gdb tests print, and what CPU n writes into
 * them: hits 10+n, pair {100+n, 200+n}, arr[3] 1000+n. hits_ptr is an
 * ordinary variable holding a per-CPU pointer.
 */
#ifndef PERCPU_GDB_CPU_VALUES_H
#define PERCPU_GDB_CPU_VALUES_H

#include <percpu.h>

struct pair {
  long a, b;
};
DEFINE_PER_CPU(long, hits);
DEFINE_PER_CPU(struct pair, pair);
DEFINE_PER_CPU(int, arr[4]);
long __percpu *hits_ptr = &hits;

/* On CPU cpu, after percpu_init_reg(cpu). */
static void write_cpu_values(unsigned cpu) {
  this_cpu_write(hits, 10 + cpu);
  __this_cpu_write(pair.a, 100 + cpu);
  __this_cpu_write(pair.b, 200 + cpu);
  __this_cpu_write(arr[3], 1000 + cpu);
}

#endif
