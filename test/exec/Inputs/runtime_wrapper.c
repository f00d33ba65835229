/* SPDX-License-Identifier: BSD-2-Clause */
/* A library that calls the runtime linked into it: no per-CPU data. */
#include <percpu.h>

int lib_init(void *areas, unsigned ncpus) { return percpu_init(areas, ncpus); }
