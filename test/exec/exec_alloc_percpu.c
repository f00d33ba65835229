// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that alloc_percpu gives a per-CPU pointer that every accessor takes on every CPU (this_cpu_inc/add/read through it, this_cpu_ptr, per_cpu_ptr, per_cpu), zeroed on every CPU also when a block is handed out again, aligned up to a page when the reserve asks for it, and that this_cpu_add(*p, v) is one unlocked %gs:-relative instruction.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc -O2 -fno-asynchronous-unwind-tables -S -o - %s | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64
#include <string.h>

#include "Inputs/cpus.h"

#define NCPUS 4

extern char __start_percpu[], __stop_percpu[];

DEFINE_PER_CPU(unsigned long, fixed) = 7;

struct pair {
  long a, b;
};

// CHECK-LABEL: {{^}}add_through:
// CHECK-NOT: lock
// CHECK: addq %rsi, %gs:(%rdi)
// CHECK-NOT: {{lock|add|mov|%gs}}
// CHECK: retq
void add_through(unsigned long __percpu *p, unsigned long v) {
  this_cpu_add(*p, v);
}

// CHECK-LABEL: {{^}}inc_through:
// CHECK-NOT: lock
// CHECK: incq %gs:(%rdi)
// CHECK-NOT: {{lock|inc|mov|%gs}}
// CHECK: retq
void inc_through(unsigned long __percpu *p) { this_cpu_inc(*p); }

static unsigned long __percpu *counter;
static struct pair __percpu *pairs;
static char __percpu *page;

static void work(unsigned cpu) {
  EXPECT_EQ(this_cpu_read(*counter), 0);
  for (unsigned i = 0; i <= cpu; i++)
    inc_through(counter);
  add_through(counter, 100);
  this_cpu_add(pairs->b, (long)cpu);
  this_cpu_ptr(pairs)->a = -(long)cpu;
  EXPECT_PTR_EQ(this_cpu_ptr(counter), per_cpu_ptr(counter, cpu));
  EXPECT_EQ((uintptr_t)this_cpu_ptr(page) % 4096, 0);
  memset(this_cpu_ptr(page), (int)cpu + 1, 4096);
  EXPECT_EQ(this_cpu_read(fixed), 7);
}

int main(void) {
  /* A page-aligned reserve makes every area page-aligned. */
  EXPECT_EQ(percpu_reserve_dynamic(3 * 4096, 4096), 0);
  EXPECT_EQ(percpu_dynamic_bytes(), 3 * 4096);
  EXPECT_EQ(percpu_area_align(), 4096);
  EXPECT(percpu_area_stride() >= 4 * 4096);
  init_areas(NCPUS);

  counter = alloc_percpu(unsigned long);
  pairs = alloc_percpu(struct pair);
  page = __alloc_percpu(4096, 4096);
  EXPECT(counter && pairs && page);
  /* In the reserve, after the template, apart from each other. */
  EXPECT((uintptr_t)counter >= (uintptr_t)__stop_percpu);
  EXPECT((uintptr_t)page + 4096 <=
         (uintptr_t)__start_percpu + percpu_area_stride());
  EXPECT_EQ((uintptr_t)per_cpu_ptr(pairs, 1) % _Alignof(struct pair), 0);
  EXPECT((uintptr_t)pairs >= (uintptr_t)counter + sizeof *counter ||
         (uintptr_t)pairs + sizeof *pairs <= (uintptr_t)counter);
  unsigned cpu;
  for_each_possible_cpu(cpu) {
    EXPECT_EQ(per_cpu(*counter, cpu), 0);
    EXPECT_EQ(per_cpu_ptr(pairs, cpu)->a | per_cpu_ptr(pairs, cpu)->b, 0);
    EXPECT_EQ((uintptr_t)per_cpu_ptr(page, cpu) % 4096, 0);
  }

  run_on_cpus(NCPUS, work);
  unsigned long sum = 0;
  for_each_possible_cpu(cpu) {
    EXPECT_EQ(per_cpu(*counter, cpu), cpu + 101);
    EXPECT_EQ(per_cpu_ptr(pairs, cpu)->a, -(long)cpu);
    EXPECT_EQ(per_cpu(pairs->b, cpu), (long)cpu);
    EXPECT_EQ(per_cpu_ptr(page, cpu)[4095], (char)(cpu + 1));
    EXPECT_EQ(per_cpu(fixed, cpu), 7);
    sum += per_cpu(*counter, cpu);
  }
  EXPECT_EQ(sum, 101 + 102 + 103 + 104);

  /* Handed out again, the same block reads zero on every CPU. */
  EXPECT_EQ(free_percpu(page), 0);
  char __percpu *again = __alloc_percpu(4000, 4096);
  EXPECT_PTR_EQ((const void *)(uintptr_t)again, (const void *)(uintptr_t)page);
  for_each_possible_cpu(cpu)
    for (unsigned i = 0; i < 4096; i++)
      EXPECT_EQ(per_cpu_ptr(again, cpu)[i], 0);
  EXPECT_EQ(free_percpu(again), 0);
  EXPECT_EQ(free_percpu(pairs), 0);
  EXPECT_EQ(free_percpu(counter), 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
