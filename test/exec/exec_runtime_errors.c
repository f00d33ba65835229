// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify every runtime error path: queries before percpu_init, percpu_init's -EINVAL cases (which leave it uninitialised) and -EBUSY, and CPU numbers out of range.
// REQUIRES: native-x86_64, runtime-x86_64
#include <errno.h>
#include <limits.h>

#include "Inputs/cpus.h"

#define NCPUS 3

DEFINE_PER_CPU(int, x) = 1;

static void expect_no_cpu(unsigned cpu) {
  EXPECT_PTR_EQ(percpu_area_base(cpu), NULL);
  EXPECT_PTR_EQ(percpu_remote_ptr(&x, cpu), NULL);
  EXPECT_PTR_EQ(per_cpu_ptr(&x, cpu), NULL);
  EXPECT_EQ(percpu_offset(cpu), 0);
  EXPECT_EQ(percpu_init_reg(cpu), -EINVAL);
}

int main(void) {
  size_t align = percpu_area_align();
  size_t bytes = percpu_areas_bytes(NCPUS);
  char *base = aligned_alloc(align, bytes + align);
  EXPECT(base != NULL);

  /* Before percpu_init there is no CPU, and the register stays 0. */
  EXPECT_EQ(percpu_area_num(), 0);
  expect_no_cpu(0);
  expect_no_cpu(1);
  EXPECT_EQ(percpu_read_reg(), 0);

  EXPECT_EQ(percpu_areas_bytes(0), 0);
  EXPECT_EQ(percpu_init(NULL, NCPUS), -EINVAL);
  EXPECT_EQ(percpu_init(base + 1, NCPUS), -EINVAL);
  EXPECT_EQ(percpu_init(base + align / 2, NCPUS), -EINVAL);
  EXPECT_EQ(percpu_init(base + 8, NCPUS), -EINVAL);
  EXPECT_EQ(percpu_init(base, 0), -EINVAL);
  /* The result would not fit in an int. */
  EXPECT_EQ(percpu_init(base, (unsigned)INT_MAX + 1), -EINVAL);
  EXPECT_EQ(percpu_init(base, UINT_MAX), -EINVAL);
  /* Aligned, but the areas would wrap around the address space. */
  char *top = (char *)(UINTPTR_MAX & ~(uintptr_t)(align - 1));
  EXPECT_EQ(percpu_init(top, 2), -EINVAL);
  EXPECT_EQ(percpu_area_num(), 0);
  expect_no_cpu(0);

  EXPECT_EQ(percpu_init(base, NCPUS), NCPUS);
  EXPECT_EQ(percpu_area_num(), NCPUS);
  EXPECT_EQ(percpu_init(base, NCPUS), -EBUSY);
  EXPECT_EQ(percpu_init(base + align, 1), -EBUSY);
  /* A rejected call is still -EINVAL, never a second initialisation. */
  EXPECT_EQ(percpu_init(NULL, NCPUS), -EINVAL);
  EXPECT_EQ(percpu_area_num(), NCPUS);
  EXPECT_PTR_EQ(percpu_area_base(0), base);

  expect_no_cpu(NCPUS);
  expect_no_cpu(NCPUS + 1);
  expect_no_cpu(UINT_MAX);
  /* A rejected percpu_init_reg leaves the register alone. */
  EXPECT_EQ(percpu_read_reg(), 0);
  EXPECT_EQ(x, 1);

  EXPECT_EQ(percpu_init_reg(NCPUS - 1), 0);
  EXPECT_EQ(percpu_read_reg(), percpu_offset(NCPUS - 1));
  x = 5;
  EXPECT_EQ(percpu_init_reg(NCPUS), -EINVAL);
  EXPECT_EQ(percpu_read_reg(), percpu_offset(NCPUS - 1));
  EXPECT_EQ(per_cpu(x, NCPUS - 1), 5);
  EXPECT_EQ(per_cpu(x, 0), 1);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
