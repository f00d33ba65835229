// RUN: %percpu_cc -O2 -mfsgsbase -Wall -Wextra -Werror %s -o %t && %t
// RUN: %percpu_cc -O1 -mfsgsbase %s -o %t1 && %t1
// REQUIRES: native-x86_64, runtime-x86_64
// Verify that this_cpu_ptr after _writegsbase_u64 (an intrinsic, not a call) and after __builtin_setjmp returns from a __builtin_longjmp (code that moved the thread to another CPU ran in between) reaches the new CPU's copy, not the one whose offset was read before.
// SPDX-License-Identifier: BSD-2-Clause
#include <immintrin.h>
#include <percpu.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>

#include "Inputs/expect.h"

DEFINE_PER_CPU(unsigned long, v);
static void *jump_buf[5];

__attribute__((noinline)) static void bump_switch_bump(unsigned long base) {
  ++*this_cpu_ptr(&v);
  _writegsbase_u64(base);
  *this_cpu_ptr(&v) += 10;
}

__attribute__((noinline)) static void move_to_cpu1_and_jump(void) {
  EXPECT_EQ(percpu_init_reg(1), 0);
  __builtin_longjmp(jump_buf, 1);
}

__attribute__((noinline)) static void bump_setjmp_bump(void) {
  ++*this_cpu_ptr(&v);
  int again = __builtin_setjmp(jump_buf);
  *this_cpu_ptr(&v) += 100;
  if (!again)
    move_to_cpu1_and_jump();
}

int main(void) {
  void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(2));
  EXPECT(areas != NULL);
  EXPECT_EQ(percpu_init(areas, 2), 2);
  EXPECT_EQ(percpu_init_reg(0), 0);
  bump_setjmp_bump();
  /* CPU 0: 1 + 100 before the jump; CPU 1: 100 after it. */
  EXPECT_EQ(per_cpu(v, 0), 101);
  EXPECT_EQ(per_cpu(v, 1), 100);

  /* wrgsbase faults when the kernel keeps FSGSBASE off (before 5.9). */
  if (!(getauxval(AT_HWCAP2) & 2)) {
    puts("no FSGSBASE: wrgsbase case skipped");
    return 0;
  }
  EXPECT_EQ(percpu_init_reg(1), 0);
  unsigned long base1 = _readgsbase_u64();
  EXPECT_EQ(percpu_init_reg(0), 0);
  bump_switch_bump(base1);
  EXPECT_EQ(per_cpu(v, 0), 102);
  EXPECT_EQ(per_cpu(v, 1), 110);
  return 0;
}
