// RUN: %percpu_cc %std_for_arrays -O2 -pthread %s -o %t && %t
// Verify that every area starts as a copy of the initialised template, and that changing the copies leaves the template as it was.
// RUN: %percpu_cc %std_for_arrays -O0 -pthread %s -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include <string.h>

#include "Inputs/cpus.h"

#define NCPUS 3

struct config {
  char name[8];
  int vals[3];
  const int *limit;
};

static const int global_limit = 99;

DEFINE_PER_CPU(int, answer) = 42;
DEFINE_PER_CPU(struct config, config) = {"cpu", {1, 2, 3}, &global_limit};
DEFINE_PER_CPU(unsigned short[4], table) = {5, 6, 7, 8};
DEFINE_PER_CPU_ALIGNED(double, ratio) = 0.5;

static int bump_calls(void) {
  static DEFINE_PER_CPU(int, calls) = 7;
  return ++calls;
}

static void expect_initial(const int *ans, const struct config *c,
                           const unsigned short *t, const double *r) {
  EXPECT_EQ(*ans, 42);
  EXPECT_EQ(strcmp(c->name, "cpu"), 0);
  EXPECT_EQ(c->vals[0] + c->vals[1] * 10 + c->vals[2] * 100, 321);
  EXPECT_PTR_EQ(c->limit, &global_limit);
  EXPECT_EQ(t[0] + t[1] + t[2] + t[3], 26);
  EXPECT(*r == 0.5);
}

static void expect_template_initial(void) {
  expect_initial((const int *)(uintptr_t)&answer,
                 (const struct config *)(uintptr_t)&config,
                 (const unsigned short *)(uintptr_t)&table,
                 (const double *)(uintptr_t)&ratio);
}

static void work(unsigned cpu) {
  expect_initial(this_cpu_ptr(&answer), this_cpu_ptr(&config),
                 *this_cpu_ptr(&table), this_cpu_ptr(&ratio));
  EXPECT_EQ(*config.limit, 99);
  EXPECT_EQ(bump_calls(), 8);
  EXPECT_EQ(bump_calls(), 9);
  answer = (int)cpu;
  config.name[0] = 'X';
  config.vals[2] = -1;
  config.limit = NULL;
  table[3] = 0;
  ratio = cpu;
}

int main(void) {
  expect_template_initial();
  init_areas(NCPUS);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    expect_initial(per_cpu_ptr(&answer, cpu), per_cpu_ptr(&config, cpu),
                   *per_cpu_ptr(&table, cpu), per_cpu_ptr(&ratio, cpu));

  run_on_cpus(NCPUS, work);

  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(per_cpu(answer, cpu), cpu);
    EXPECT_EQ(per_cpu(config.name[0], cpu), 'X');
    EXPECT_EQ(per_cpu(config.vals[2], cpu), -1);
    EXPECT_PTR_EQ(per_cpu(config.limit, cpu), NULL);
    EXPECT_EQ(per_cpu(table[3], cpu), 0);
    EXPECT(per_cpu(ratio, cpu) == cpu);
  }
  /* Read through a plain pointer to the template, and as register 0 does. */
  expect_template_initial();
  EXPECT_EQ(percpu_read_reg(), 0);
  EXPECT_EQ(answer, 42);
  EXPECT_EQ(config.vals[2], 3);
  EXPECT_EQ(bump_calls(), 8);

  /* Main thread as CPU 1 sees that CPU's changes; back at 0, the template. */
  EXPECT_EQ(percpu_init_reg(1), 0);
  EXPECT_EQ(answer, 1);
  EXPECT_EQ(bump_calls(), 10);
  percpu_write_reg(0);
  EXPECT_EQ(answer, 42);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
