// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify the result and effect of every this_cpu_* and __this_cpu_* operation for 1, 2, 4 and 8-byte integers and pointers, each CPU on its own copy.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 3

DEFINE_PER_CPU(uint8_t, u8) = 200;
DEFINE_PER_CPU(int16_t, s16) = -5;
DEFINE_PER_CPU(uint32_t, u32) = 0xf0f0;
DEFINE_PER_CPU(int64_t, s64) = 1LL << 40;
DEFINE_PER_CPU(int *, ptr);
DEFINE_PER_CPU(uint64_t, raw) = 10;

static int targets[NCPUS];

static void this_cpu_ops(unsigned cpu) {
  uint8_t c = (uint8_t)cpu;
  this_cpu_add(u8, c);
  this_cpu_inc(u8);
  EXPECT_EQ(this_cpu_add_return(u8, 60), (uint8_t)(200 + c + 1 + 60));
  EXPECT_EQ(this_cpu_dec_return(u8), (uint8_t)(200 + c + 60));
  EXPECT_EQ(this_cpu_xchg(u8, 7), (uint8_t)(200 + c + 60));
  EXPECT_EQ(this_cpu_cmpxchg(u8, 7, 8 + c), 7);
  EXPECT_EQ(this_cpu_cmpxchg(u8, 7, 99), 8 + c);

  this_cpu_sub(s16, (int16_t)(cpu * 100));
  this_cpu_dec(s16);
  EXPECT_EQ(this_cpu_sub_return(s16, 1), -7 - (int)cpu * 100);
  EXPECT_EQ(this_cpu_inc_return(s16), -6 - (int)cpu * 100);

  this_cpu_and(u32, 0xff00u | cpu);
  this_cpu_or(u32, 0x1u << (cpu + 16));
  EXPECT_EQ(this_cpu_read(u32), 0xf000u | (1u << (cpu + 16)));
  uint32_t old = 1;
  EXPECT(!this_cpu_try_cmpxchg(u32, &old, 2));
  EXPECT_EQ(old, 0xf000u | (1u << (cpu + 16)));
  EXPECT(this_cpu_try_cmpxchg(u32, &old, old + cpu));

  this_cpu_write(s64, -(int64_t)cpu);
  EXPECT_EQ(this_cpu_add_return(s64, 1LL << 33), (1LL << 33) - (int64_t)cpu);
  EXPECT_EQ(this_cpu_xchg(s64, INT64_MIN + cpu), (1LL << 33) - (int64_t)cpu);

  EXPECT_PTR_EQ(this_cpu_read(ptr), NULL);
  this_cpu_write(ptr, &targets[cpu]);
  EXPECT_PTR_EQ(this_cpu_cmpxchg(ptr, &targets[cpu], &targets[0]),
                &targets[cpu]);
  EXPECT_PTR_EQ(this_cpu_xchg(ptr, &targets[cpu]), &targets[0]);
}

static void raw_cpu_ops(unsigned cpu) {
  __this_cpu_add(raw, cpu);
  __this_cpu_inc(raw);
  __this_cpu_sub(raw, 2);
  __this_cpu_dec(raw);
  EXPECT_EQ(__this_cpu_read(raw), 8 + cpu);
  EXPECT_EQ(__this_cpu_add_return(raw, 2), 10 + cpu);
  EXPECT_EQ(__this_cpu_sub_return(raw, 1), 9 + cpu);
  EXPECT_EQ(__this_cpu_inc_return(raw), 10 + cpu);
  EXPECT_EQ(__this_cpu_dec_return(raw), 9 + cpu);
  __this_cpu_or(raw, 0x100);
  __this_cpu_and(raw, 0x1ff);
  EXPECT_EQ(__this_cpu_xchg(raw, 50), 0x100 | (9 + cpu));
  EXPECT_EQ(__this_cpu_cmpxchg(raw, 51, 0), 50);
  EXPECT_EQ(__this_cpu_cmpxchg(raw, 50, 60 + cpu), 50);
  raw_cpu_write(raw, raw_cpu_read(raw) * 2);
}

static void work(unsigned cpu) {
  this_cpu_ops(cpu);
  raw_cpu_ops(cpu);
}

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(per_cpu(u8, cpu), 8 + cpu);
    EXPECT_EQ(per_cpu(s16, cpu), -6 - (int)cpu * 100);
    EXPECT_EQ(per_cpu(u32, cpu), (0xf000u | (1u << (cpu + 16))) + cpu);
    EXPECT_EQ(per_cpu(s64, cpu), INT64_MIN + cpu);
    EXPECT_PTR_EQ(per_cpu(ptr, cpu), &targets[cpu]);
    EXPECT_EQ(per_cpu(raw, cpu), 2 * (60 + cpu));
  }
  EXPECT_EQ(u8, 200);
  EXPECT_EQ(s16, -5);
  EXPECT_EQ(u32, 0xf0f0);
  EXPECT_EQ(s64, 1LL << 40);
  EXPECT_PTR_EQ(ptr, NULL);
  EXPECT_EQ(raw, 10);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
