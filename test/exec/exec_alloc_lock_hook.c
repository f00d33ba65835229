// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that a program's strong percpu_alloc_lock/percpu_alloc_unlock replace the runtime's weak spinlock, the way a kernel supplies its own lock: alloc_percpu, free_percpu and percpu_setup_cpu take it, balanced, and a refused free takes it no more than once.
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

static int depth, locks;

void percpu_alloc_lock(void) {
  EXPECT_EQ(depth, 0);
  depth++;
  locks++;
}

void percpu_alloc_unlock(void) {
  EXPECT_EQ(depth, 1);
  depth--;
}

int main(void) {
  void *areas[2] = {NULL, NULL};
  char *mem = aligned_alloc(percpu_area_align(), 2 * percpu_area_stride());
  areas[0] = mem;
  static uintptr_t table[512];
  EXPECT_EQ(percpu_setup_areas(areas, 2, table, sizeof table), 2);
  long __percpu *p = alloc_percpu(long);
  EXPECT(p != NULL);
  EXPECT_EQ(locks, 1);
  EXPECT_EQ(percpu_setup_cpu(1, mem + percpu_area_stride()), 0);
  EXPECT_EQ(locks, 2);
  EXPECT_EQ(free_percpu(p), 0);
  EXPECT_EQ(locks, 3);
  EXPECT(free_percpu(p) < 0);
  EXPECT(locks <= 4);
  EXPECT_EQ(depth, 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
