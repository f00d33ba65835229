/* SPDX-License-Identifier: BSD-2-Clause */
/* A unit with per-CPU data, archived -fPIC into a static library. */
#include <percpu.h>

DEFINE_PER_CPU(long, lib_count);
static DEFINE_PER_CPU(long, lib_private);

long lib_bump(void) {
  this_cpu_inc(lib_private);
  return this_cpu_inc_return(lib_count);
}
