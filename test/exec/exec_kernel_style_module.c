// RUN: %percpu_cc %std_for_arrays -O2 -Wall -Wextra -Werror -pthread -I%inputs %s %inputs/kernel_module.c -o %t && %t | FileCheck %s
// RUN: %percpu_cc %std_for_arrays -O0 -Wall -Wextra -Werror -pthread -I%inputs %s %inputs/kernel_module.c -o %t0 && %t0 | FileCheck %s
// RUN: %percpu_cc %std_for_arrays -O2 -DPERCPU_PREEMPT_HOOKS -Wall -Wextra -Werror -pthread -I%inputs %s %inputs/kernel_module.c -o %th && %th | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64
// Verify that kernel-style per-CPU code (statistics, a cmpxchg free list, per-CPU pointers passed around, get_cpu_var sections, for_each_possible_cpu) builds warning-free and gives every CPU exactly its own results when four threads play four CPUs at once.
#include <percpu.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel_module.h"

#define NCPUS 4
#define ROUNDS 5000

static void *cpu_main(void *arg)
{
	unsigned cpu = (unsigned)(uintptr_t)arg;
	if (percpu_init_reg(cpu) != 0)
		abort();
	km_cpu_work(cpu, ROUNDS);
	return NULL;
}

int main(void)
{
	void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
	if (percpu_init(areas, NCPUS) != NCPUS)
		return 1;
	pthread_t threads[NCPUS];
	for (unsigned cpu = 0; cpu < NCPUS; cpu++)
		pthread_create(&threads[cpu], NULL, cpu_main, (void *)(uintptr_t)cpu);
	for (unsigned cpu = 0; cpu < NCPUS; cpu++)
		pthread_join(threads[cpu], NULL);

	unsigned checks, failed = km_check(NCPUS, ROUNDS, &checks);
	// CHECK: kernel module x86_64: {{[1-9][0-9]+}} checks, 0 failed
	printf("kernel module x86_64: %u checks, %u failed\n", checks, failed);
	return failed != 0;
}
// SPDX-License-Identifier: BSD-2-Clause
