/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Areas mapped below the template, so that each CPU's offset (area minus
 * template) is "negative": a kernel-half value as a GS base.
 */
#ifndef PERCPU_TEST_LOW_AREAS_H
#define PERCPU_TEST_LOW_AREAS_H

#include <sys/mman.h>

#include "cpus.h"

extern char __start_percpu[];

static void *init_low_areas(unsigned ncpus) {
  size_t bytes = percpu_areas_bytes(ncpus);
  void *want = (void *)(uintptr_t)0x100000;
  void *base = mmap(want, bytes, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  EXPECT_PTR_EQ(base, want);
  EXPECT((uintptr_t)base + bytes <= (uintptr_t)__start_percpu);
  EXPECT_EQ((uintptr_t)base % percpu_area_align(), 0);
  EXPECT_EQ(percpu_init(base, ncpus), ncpus);
  EXPECT((intptr_t)percpu_offset(0) < 0);
  return base;
}

#endif
