/* SPDX-License-Identifier: BSD-2-Clause */
/* A second translation unit whose per-CPU variable needs 8 KiB alignment. */
#include <percpu.h>

DEFINE_PER_CPU(int, far_counter) __attribute__((aligned(8192)));

int far_counter_bump(void) { return this_cpu_inc_return(far_counter); }
