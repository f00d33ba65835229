/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The runtime of a single-CPU build (-DPERCPU_SINGLE_CPU), which replaces
 * area.c and reg.c: per-CPU variables are plain globals, so the template is
 * CPU 0's only copy and no register is involved (areas.c answers the
 * queries from the layout below). Every call succeeds for CPU 0, as the
 * reference crate's sp-naive feature does.
 */
#include <stdatomic.h>

#include <percpu.h>

#include "percpu_internal.h"

/* Units lowered in single-CPU mode reference this (see percpu/abi.h). */
const char __percpu_runtime_for_single_cpu = 0;

static atomic_flag initialised = ATOMIC_FLAG_INIT;

/* CPU 0's copy is the template: per_cpu_ptr(p, 0) is p. */
struct percpu_remote_layout __percpu_remote_layout = {0, 0, 1};

/* The areas argument is unused: the template is the area. */
int percpu_init(void *areas, unsigned ncpus) {
  (void)areas;
  if (ncpus != 1)
    return -PERCPU__EINVAL;
#if __STDC_HOSTED__
  int err = percpu__check_images();
  if (err)
    return err;
#endif
  if (atomic_flag_test_and_set(&initialised))
    return -PERCPU__EBUSY;
  return 1;
}

uintptr_t percpu_read_reg(void) { return 0; }

int percpu_write_reg(uintptr_t value) {
  return value ? -PERCPU__EINVAL : 0;
}

int percpu_init_reg(unsigned cpu) { return cpu ? -PERCPU__EINVAL : 0; }
