/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where each CPU's copy lives, for the multi-CPU and the single-CPU runtime
 * alike: everything follows from __percpu_remote_layout, which the set-up
 * fills (area.c) or which starts as one CPU over the template
 * (single_cpu.c), and which per_cpu_ptr reads inline (percpu.h).
 */
#include <percpu.h>

#include "percpu_internal.h"

unsigned percpu_area_num(void) {
  return __atomic_load_n(&__percpu_remote_layout.num, __ATOMIC_ACQUIRE);
}

int percpu_cpu_online(unsigned cpu) { return __percpu_online(cpu); }

void *percpu_remote_ptr(const volatile void __percpu *p, unsigned cpu) {
  return __percpu_remote(p, cpu);
}

/* CPU cpu's copy of the template's first byte. */
void *percpu_area_base(unsigned cpu) {
  return __percpu_remote(
      (const volatile void __percpu *)(uintptr_t)__start_percpu, cpu);
}

uintptr_t percpu_offset(unsigned cpu) {
  char *area = percpu_area_base(cpu);
  return area ? (uintptr_t)area - (uintptr_t)__start_percpu : 0;
}
