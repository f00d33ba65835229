// RUN: %percpu_cc %std_for_arrays -O2 -pthread %s -o %t && %t
// Verify that this_cpu_ptr points into the calling CPU's area at the variable's template offset, agrees with per_cpu_ptr and percpu_offset, and stays valid as an ordinary pointer.
// RUN: %percpu_cc %std_for_arrays -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc %std_for_arrays -O2 -fno-pie -no-pie -pthread %s -o %t1 && %t1
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 4

extern char __start_percpu[], __stop_percpu[];

DEFINE_PER_CPU(int, x);
DEFINE_PER_CPU(char[100], buf);
DEFINE_PER_CPU_PAGE_ALIGNED(long, paged);

static uintptr_t in_template(const volatile void __percpu *p) {
  return (uintptr_t)p - (uintptr_t)__start_percpu;
}

static void expect_in_area(const volatile void __percpu *p, const void *mine,
                           unsigned cpu) {
  char *area = percpu_area_base(cpu);
  EXPECT_PTR_EQ(mine, area + in_template(p));
  EXPECT_PTR_EQ(mine, percpu_remote_ptr(p, cpu));
  EXPECT(in_template(p) < percpu_area_size());
}

static void work(unsigned cpu) {
  EXPECT_EQ(percpu_read_reg(), percpu_offset(cpu));
  int *px = this_cpu_ptr(&x);
  expect_in_area(&x, px, cpu);
  expect_in_area(&buf[37], &(*this_cpu_ptr(&buf))[37], cpu);
  expect_in_area(&buf[37], this_cpu_ptr(&buf[37]), cpu);
  expect_in_area(&paged, this_cpu_ptr(&paged), cpu);
  EXPECT_EQ((uintptr_t)this_cpu_ptr(&paged) % PERCPU_PAGE_BYTES, 0);
  EXPECT_PTR_EQ(get_cpu_ptr(&x), px);
  put_cpu_ptr(&x);

  /* Writes through the plain pointer are this CPU's copy. */
  *px = (int)cpu * 7;
  EXPECT_EQ(this_cpu_read(x), cpu * 7);
  get_cpu_var(x) += 1;
  put_cpu_var(x);
  EXPECT_EQ(x, cpu * 7 + 1);
}

int main(void) {
  char *base = init_areas(NCPUS);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_PTR_EQ(percpu_area_base(cpu), base + cpu * percpu_area_stride());
    EXPECT_EQ(percpu_offset(cpu),
              (uintptr_t)percpu_area_base(cpu) - (uintptr_t)__start_percpu);
  }
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    EXPECT_EQ(per_cpu(x, cpu), cpu * 7 + 1);
  /* Register 0: this_cpu_ptr is the template address. */
  EXPECT_PTR_EQ(this_cpu_ptr(&x), (void *)(uintptr_t)&x);
  EXPECT_EQ(x, 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
