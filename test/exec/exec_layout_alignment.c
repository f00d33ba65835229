// RUN: %percpu_cc -O2 -pthread %s %S/Inputs/aligned_unit.c -o %t && %t
// Verify that the area alignment is the largest alignment any unit asks for (at least 64), that stride (template and dynamic reserve) and sizes (areas and table) follow from it, and that every CPU's copy keeps its variable's alignment.
// RUN: %percpu_cc -O2 -pthread -DONE_UNIT %s -o %t1 && %t1
// RUN: %percpu_cc -O0 -pthread %s %S/Inputs/aligned_unit.c -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 3

extern char __start_percpu[], __stop_percpu[];

DEFINE_PER_CPU(char, c) = 'c';
DEFINE_PER_CPU(long, l);

#ifdef ONE_UNIT
#define ALIGN 64
#else
#define ALIGN 8192
DECLARE_PER_CPU(int, far_counter);
int far_counter_bump(void);
#endif

static void expect_in_template(const volatile void __percpu *p) {
  EXPECT((uintptr_t)p >= (uintptr_t)__start_percpu &&
         (uintptr_t)p < (uintptr_t)__stop_percpu);
}

static void work(unsigned cpu) {
  EXPECT_EQ(c, 'c');
#ifndef ONE_UNIT
  for (unsigned i = 0; i <= cpu; i++)
    far_counter_bump();
  EXPECT_EQ(far_counter, cpu + 1);
  EXPECT_EQ((uintptr_t)this_cpu_ptr(&far_counter) % ALIGN, 0);
#endif
}

int main(void) {
  size_t size = percpu_area_size(), align = percpu_area_align();
  size_t stride = percpu_area_stride();

  EXPECT_EQ(align, ALIGN);
  EXPECT_EQ(size, __stop_percpu - __start_percpu);
  EXPECT(size > 0);
  /* The template, then the dynamic reserve at its alignment. */
  size_t dyn_start = (size + PERCPU_DYNAMIC_ALIGN_DEFAULT - 1) &
                     ~(size_t)(PERCPU_DYNAMIC_ALIGN_DEFAULT - 1);
  size_t end = dyn_start + PERCPU_DYNAMIC_BYTES_DEFAULT;
  EXPECT_EQ(percpu_dynamic_bytes(), PERCPU_DYNAMIC_BYTES_DEFAULT);
  EXPECT(stride >= end && stride < end + align);
  EXPECT_EQ(stride % align, 0);
  /* The areas, then the table, rounded to the alignment. */
  size_t table = percpu_table_bytes(NCPUS);
  EXPECT(table >= 8 + NCPUS * sizeof(uintptr_t) +
                      PERCPU_DYNAMIC_BYTES_DEFAULT / PERCPU_ALLOC_UNIT);
  EXPECT_EQ(percpu_areas_bytes(NCPUS),
            (NCPUS * stride + table + align - 1) & ~(align - 1));
  EXPECT_EQ(percpu_areas_bytes(1) % align, 0);
  expect_in_template(&c);
  expect_in_template(&l);
#ifndef ONE_UNIT
  EXPECT_EQ((uintptr_t)__start_percpu % ALIGN, 0);
  expect_in_template(&far_counter);
  EXPECT_EQ((uintptr_t)&far_counter % ALIGN, 0);
#endif

  char *base = init_areas(NCPUS);
  EXPECT_EQ((uintptr_t)base % align, 0);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ((uintptr_t)percpu_area_base(cpu) % align, 0);
    EXPECT_EQ((uintptr_t)per_cpu_ptr(&l, cpu) % _Alignof(long), 0);
  }
  run_on_cpus(NCPUS, work);
#ifndef ONE_UNIT
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(per_cpu(far_counter, cpu), cpu + 1);
    EXPECT_EQ((uintptr_t)per_cpu_ptr(&far_counter, cpu) % ALIGN, 0);
  }
  EXPECT_EQ(far_counter, 0);
#endif
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
