// RUN: %percpu_cxx -std=c++17 -Wall -Wextra -Werror -O2 %s -o %t && %t
// Verify that every macro of <percpu.h> compiles in C++17, C++20 and C++23 without a warning and computes the right value on this CPU's copy (CPU 1, while CPU 0's copy and the template stay as they were): definitions of every kind, pointers, get/put, this_cpu_*, raw_cpu_* and __this_cpu_*, including the ones that name an unqualified copy of the variable's type (this_cpu_cmpxchg, raw_cpu_xchg, raw_cpu_cmpxchg, per_cpu on an array).
// RUN: %percpu_cxx -std=c++20 -Wall -Wextra -Werror -O0 %s -o %t20 && %t20
// RUN: %percpu_cxx -std=c++2b -Wall -Wextra -Werror -O1 %s -o %t23 && %t23
// REQUIRES: native-x86_64, runtime-x86_64

#include <stdlib.h>

#include <percpu.h>

#include "../exec/Inputs/expect.h"

DECLARE_PER_CPU(long, v);
DEFINE_PER_CPU(long, v) = 10;
DECLARE_PER_CPU_ALIGNED(int, al);
DEFINE_PER_CPU_ALIGNED(int, al) = 1;
DEFINE_PER_CPU_SHARED_ALIGNED(int, sh) = 2;
DECLARE_PER_CPU_PAGE_ALIGNED(int, pg);
DEFINE_PER_CPU_PAGE_ALIGNED(int, pg) = 3;
DEFINE_PER_CPU_READ_MOSTLY(const int, ro) = 4;
EXPORT_PER_CPU_SYMBOL(v);
EXPORT_PER_CPU_SYMBOL_GPL(v);
DEFINE_PER_CPU(volatile unsigned, vol) = 5;
DEFINE_PER_CPU(int, arr[4]) = {1, 2, 3, 4};
DEFINE_PER_CPU(unsigned __int128, wide);

int main() {
  void *base = aligned_alloc(percpu_area_align(), percpu_areas_bytes(2));
  EXPECT_EQ(percpu_init(base, 2), 2);
  EXPECT_EQ(percpu_init_reg(1), 0);

  EXPECT_EQ(*this_cpu_ptr(&v), 10);
  EXPECT_EQ(*raw_cpu_ptr(&al), 1);
  long *p0 = per_cpu_ptr(&v, 0);
  *p0 = 20;
  EXPECT_EQ(per_cpu(sh, 1) + per_cpu(pg, 0) + per_cpu(ro, 1), 9);
  per_cpu(arr, 1)[3] = 40;
  EXPECT_EQ(arr[3], 40);
  EXPECT_EQ(per_cpu(arr, 0)[3], 4);
  unsigned cpu, ncpus = 0;
  for_each_possible_cpu(cpu) ncpus++;
  EXPECT_EQ(ncpus, 2);
  int *g = get_cpu_ptr(&al);
  *g = 7;
  put_cpu_ptr(&al);
  get_cpu_var(sh) += 1;
  put_cpu_var(sh);
  EXPECT_EQ(al + sh, 10);

  EXPECT_EQ(this_cpu_read(v), 10);
  this_cpu_write(v, 11);
  this_cpu_add(v, 4);
  this_cpu_sub(v, 2);
  this_cpu_inc(v);
  this_cpu_dec(v);
  this_cpu_and(v, ~1L);
  this_cpu_or(v, 16);
  EXPECT_EQ(v, 28);
  EXPECT_EQ(this_cpu_add_return(v, 2), 30);
  EXPECT_EQ(this_cpu_sub_return(v, 1), 29);
  EXPECT_EQ(this_cpu_inc_return(v), 30);
  EXPECT_EQ(this_cpu_dec_return(v), 29);
  EXPECT_EQ(this_cpu_xchg(v, 50L), 29);
  EXPECT_EQ(this_cpu_cmpxchg(v, 50L, 51L), 50);
  EXPECT_EQ(this_cpu_cmpxchg(vol, 5u, 6u), 5);
  long expected = 0;
  EXPECT(!this_cpu_try_cmpxchg(v, &expected, 1L));
  EXPECT_EQ(expected, 51);
  EXPECT(this_cpu_try_cmpxchg(v, &expected, 52L));
  EXPECT_EQ(this_cpu_cmpxchg128(wide, 0, 9), 0);
  EXPECT_EQ((long)wide, 9);

  EXPECT_EQ(raw_cpu_read(v), 52);
  raw_cpu_write(v, 1);
  raw_cpu_add(v, 5);
  raw_cpu_sub(v, 1);
  raw_cpu_inc(v);
  raw_cpu_dec(v);
  raw_cpu_and(v, 7);
  raw_cpu_or(v, 8);
  EXPECT_EQ(v, 13);
  EXPECT_EQ(raw_cpu_add_return(v, 2), 15);
  EXPECT_EQ(raw_cpu_sub_return(v, 5), 10);
  EXPECT_EQ(raw_cpu_inc_return(v), 11);
  EXPECT_EQ(raw_cpu_dec_return(v), 10);
  EXPECT_EQ(raw_cpu_xchg(v, 3L), 10);
  EXPECT_EQ(raw_cpu_cmpxchg(v, 3L, 4L), 3);
  EXPECT_EQ(raw_cpu_cmpxchg(v, 3L, 9L), 4);
  EXPECT_EQ(raw_cpu_xchg(vol, 8u), 6);

  __this_cpu_write(v, 100);
  __this_cpu_add(v, 1);
  __this_cpu_sub(v, 2);
  __this_cpu_inc(v);
  __this_cpu_dec(v);
  __this_cpu_and(v, 0xff);
  __this_cpu_or(v, 0x100);
  EXPECT_EQ(__this_cpu_read(v), 0x100 + 99);
  EXPECT_EQ(__this_cpu_add_return(v, 1), 0x100 + 100);
  EXPECT_EQ(__this_cpu_sub_return(v, 1), 0x100 + 99);
  EXPECT_EQ(__this_cpu_inc_return(v), 0x100 + 100);
  EXPECT_EQ(__this_cpu_dec_return(v), 0x100 + 99);
  EXPECT_EQ(__this_cpu_xchg(v, 1L), 0x100 + 99);
  EXPECT_EQ(__this_cpu_cmpxchg(v, 1L, 2L), 1);

  /* CPU 0's copy and the template kept their values. */
  EXPECT_EQ(per_cpu(v, 0), 20);
  EXPECT_EQ(per_cpu(vol, 0), 5);
  EXPECT_EQ(percpu_write_reg(0), 0);
  EXPECT_EQ(v, 10);
  EXPECT_EQ(arr[3], 4);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
