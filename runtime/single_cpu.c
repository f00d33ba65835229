/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The runtime of a single-CPU build (-DPERCPU_SINGLE_CPU), which replaces
 * area.c and reg.c: per-CPU variables are plain globals, so the template is
 * CPU 0's only copy and no register is involved (areas.c answers the
 * queries from the layout below). Every call succeeds for CPU 0, as the
 * reference crate's sp-naive feature does.
 */
#include <percpu.h>

#include "percpu_internal.h"

/* Units lowered in single-CPU mode reference this (see percpu/abi.h). */
const char __percpu_runtime_for_single_cpu = 0;

static _Bool initialised;

/* CPU 0's copy is the template: per_cpu_ptr(p, 0) is p. The count is in
 * the header, offsets[1] is one past the last (see percpu.h), and on
 * AArch64 offsets[-1], where per_cpu sends a CPU number from 1 up, is
 * PERCPU_OFFSET_OFFLINE too. */
static const struct {
  struct percpu__table header;
  uintptr_t offsets[2];
} one_cpu = {PERCPU__TABLE_HEADER(1), {0, PERCPU_OFFSET_OFFLINE}};
struct percpu_remote_layout __percpu_remote_layout = {one_cpu.offsets, 1};

/* No dynamic reserve here (percpu/alloc.h): every request is -ENODEV. */
void __percpu *__alloc_percpu(size_t size, size_t align) {
  (void)size;
  (void)align;
  return (void __percpu *)0;
}

int free_percpu(void __percpu *p) { return p ? -PERCPU__EINVAL : 0; }

int percpu_alloc_error(void) { return -PERCPU__ENODEV; }

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
  if (__atomic_test_and_set(&initialised, __ATOMIC_SEQ_CST))
    return -PERCPU__EBUSY;
  return 1;
}

int percpu_init_buffer(void *buffer, size_t bytes, unsigned ncpus) {
  (void)bytes;
  return percpu_init(buffer, ncpus);
}

int percpu_setup_areas(void *const areas[], unsigned ncpus, void *table,
                       size_t table_bytes) {
  (void)table;
  (void)table_bytes;
  return percpu_init(areas ? areas[0] : NULL, ncpus);
}

/* CPU 0 is up from the start, and there is no other. */
int percpu_setup_cpu(unsigned cpu, void *area) {
  (void)area;
  return cpu ? -PERCPU__EINVAL : -PERCPU__EBUSY;
}

uintptr_t percpu_read_reg(void) { return 0; }

int percpu_write_reg(uintptr_t value) {
  return value ? -PERCPU__EINVAL : 0;
}

int percpu_init_reg(unsigned cpu) { return cpu ? -PERCPU__EINVAL : 0; }

/* The template guard: the template is CPU 0's only copy, reached with no
 * register, so the base is always right and the template cannot go. */
int percpu_base_ok(void) { return 1; }

int percpu_poison_template(void) { return -PERCPU__EINVAL; }
