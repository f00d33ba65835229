/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The template guard (percpu.h, "Template guard"): a CPU whose base
 * register was never set, or was left at another value (an entry path
 * that missed swapgs), reaches the template without a sign. These make it
 * loud.
 *
 * percpu_base_ok: the register holds the offset of a CPU that has an
 * area. A linear search of the offset table: for entry code in debug
 * builds, not for every access.
 *
 * percpu_poison_template: once every possible CPU has its area, nothing
 * reads the template's bytes any more (percpu_setup_cpu copies from them
 * only for a CPU without an area), so they are overwritten with
 * PERCPU_TEMPLATE_POISON, under the allocator's lock that percpu_setup_cpu
 * takes. The template's __percpu_self_offset stays 0: it is how
 * PERCPU_DEBUG_TEMPLATE's checks tell the template from an area.
 */
#include <percpu.h>

#include "percpu_internal.h"

DECLARE_PER_CPU(uintptr_t, __percpu_self_offset) PERCPU__HIDDEN;

int percpu_base_ok(void) {
  uintptr_t reg = percpu_read_reg();
  const uintptr_t *offsets = __percpu_remote_layout.offsets;
  unsigned n = percpu_area_num();
  for (unsigned cpu = 0; cpu < n && reg; cpu++)
    if (__atomic_load_n(&offsets[cpu], __ATOMIC_RELAXED) == reg)
      return 1;
  return 0;
}

int percpu_poison_template(void) {
  unsigned n = percpu_area_num();
  if (!n)
    return -PERCPU__ENODEV;
  /* VMA-0 layout: the template's link address holds no data (base 0
   * reaches address 0), and its bytes are area 0's. */
  if (percpu__template_src() != __start_percpu)
    return -PERCPU__EINVAL;
  int err = 0;
  percpu_alloc_lock();
  for (unsigned cpu = 0; cpu < n && !err; cpu++)
    if (!percpu_cpu_online(cpu))
      err = -PERCPU__EBUSY;
  if (!err) {
    volatile unsigned char *p = (volatile unsigned char *)__start_percpu;
    size_t self = (uintptr_t)&__percpu_self_offset - (uintptr_t)__start_percpu;
    for (size_t i = 0; i < percpu_area_size(); i++)
      if (i - self >= sizeof(uintptr_t))
        p[i] = PERCPU_TEMPLATE_POISON;
  }
  percpu_alloc_unlock();
  return err;
}
