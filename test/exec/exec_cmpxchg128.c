// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64
// Verify that this_cpu_cmpxchg128 is one cmpxchg16b on this CPU's copy without LOCK, returns the old value, stores only on a match, and leaves other CPUs' copies and the template alone.
#include <percpu.h>
#include <pthread.h>
#include <stdlib.h>

#include "Inputs/expect.h"

typedef unsigned __int128 u128;
#define PAIR(hi, lo) (((u128)(hi) << 64) | (lo))

DEFINE_PER_CPU(u128, head) = PAIR(7, 9);

// CHECK-LABEL: swap:
// CHECK-NOT: lock
// CHECK: cmpxchg16b %gs:head(%rip)
// CHECK-NOT: lock
// CHECK: retq
__attribute__((noinline)) u128 swap(u128 o, u128 n) { return this_cpu_cmpxchg128(head, o, n); }

static void *cpu_main(void *arg)
{
	unsigned cpu = (unsigned)(uintptr_t)arg;
	EXPECT_EQ(percpu_init_reg(cpu), 0);
	/* A mismatch stores nothing and returns the current value. */
	EXPECT(swap(PAIR(1, 1), PAIR(2, 2)) == PAIR(7, 9));
	for (unsigned i = 0; i < 1000; i++) {
		u128 old = PAIR(i ? cpu : 7, i ? i - 1 : 9);
		EXPECT(swap(old, PAIR(cpu, i)) == old);
	}
	return NULL;
}

int main(void)
{
	enum { NCPUS = 3 };
	void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
	EXPECT_EQ(percpu_init(areas, NCPUS), NCPUS);
	pthread_t t[NCPUS];
	for (unsigned cpu = 0; cpu < NCPUS; cpu++)
		pthread_create(&t[cpu], NULL, cpu_main, (void *)(uintptr_t)cpu);
	for (unsigned cpu = 0; cpu < NCPUS; cpu++)
		pthread_join(t[cpu], NULL);
	for (unsigned cpu = 0; cpu < NCPUS; cpu++)
		EXPECT(per_cpu(head, cpu) == PAIR(cpu, 999));
	/* This thread never set its register: the template is untouched. */
	EXPECT(swap(0, 0) == PAIR(7, 9));
	return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
