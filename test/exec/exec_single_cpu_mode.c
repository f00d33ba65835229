// RUN: %percpu_cc --percpu-single-cpu -O2 -Wall -Wextra -Werror %s -o %t && %t
// RUN: %percpu_cc --percpu-single-cpu -O0 %s -o %t0 && %t0
// RUN: %percpu_cc -DPERCPU_SINGLE_CPU -O2 -c %s -o %t.o
// RUN: not %percpu_cc %t.o -o %t.mixed 2>&1 | FileCheck %s --check-prefix=MIXED
// REQUIRES: native-x86_64, runtime-x86_64
// Verify that in single-CPU mode per-CPU variables are plain globals (the template is CPU 0's copy), every runtime call succeeds for CPU 0 and rejects others, and that a single-CPU unit linked with the multi-CPU runtime fails to link naming the mismatch.
// MIXED: __percpu_runtime_for_single_cpu
#include <errno.h>
#include <percpu.h>

#include "Inputs/expect.h"

struct pair { int a, b; };
DEFINE_PER_CPU(unsigned long, counter) = 5;
DEFINE_PER_CPU(struct pair, pr) = { 1, 2 };
extern char __start_percpu[];

int main(void)
{
	EXPECT_EQ(percpu_area_num(), 1);
	EXPECT_EQ(percpu_init(NULL, 2), -EINVAL);
	EXPECT_EQ(percpu_init(NULL, 1), 1);
	EXPECT_EQ(percpu_init(NULL, 1), -EBUSY);
	EXPECT_EQ(percpu_init_reg(0), 0);
	EXPECT_EQ(percpu_init_reg(1), -EINVAL);
	EXPECT_EQ(percpu_read_reg(), 0);
	EXPECT_EQ(percpu_write_reg(64), -EINVAL);
	EXPECT_EQ(percpu_write_reg(0), 0);
	EXPECT_PTR_EQ(percpu_area_base(0), __start_percpu);
	EXPECT_PTR_EQ(percpu_area_base(1), NULL);

	this_cpu_inc(counter);
	this_cpu_add(pr.b, 40);
	__this_cpu_write(pr.a, 7);
	EXPECT_EQ(this_cpu_read(counter), 6);
	EXPECT_EQ(per_cpu(counter, 0), 6);
	EXPECT_EQ(per_cpu(pr, 0).b, 42);
	EXPECT_PTR_EQ(this_cpu_ptr(&counter), per_cpu_ptr(&counter, 0));
	EXPECT_PTR_EQ(per_cpu_ptr(&counter, 1), NULL);
	/* The template itself holds the values: it is the only copy. */
	EXPECT_EQ(*(unsigned long *)(uintptr_t)&counter, 6);
	EXPECT_EQ(this_cpu_cmpxchg(counter, 6, 9), 6);
	EXPECT_EQ(this_cpu_read(counter), 9);
	return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
