/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * consumer.c - a program built against an installed percpu-llvm, three
 * ways: CMake's find_package(PerCPU) (CMakeLists.txt), pkg-config with
 * make (Makefile), and
 *	<prefix>/bin/percpu-cc -O2 -pthread consumer.c -o consumer
 *
 * Four threads play four CPUs. Each counts into its own copy of a per-CPU
 * counter, tagged with its CPU number; main then reads every copy.
 */
#include <percpu.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NCPUS 4
#define ROUNDS 10000UL

DEFINE_PER_CPU(unsigned long, hits);
DEFINE_PER_CPU(unsigned, owner) = ~0u;

static void *cpu_main(void *arg)
{
	unsigned cpu = (unsigned)(uintptr_t)arg;

	if (percpu_init_reg(cpu) != 0)
		return (void *)1;
	this_cpu_write(owner, cpu);
	for (unsigned long i = 0; i < ROUNDS * (cpu + 1); i++)
		this_cpu_inc(hits);
	return NULL;
}

int main(void)
{
	void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
	int rc = percpu_init(areas, NCPUS);
	if (rc != NCPUS) {
		fprintf(stderr, "percpu_init: %d\n", rc);
		return 1;
	}
	printf("percpu-llvm %d.%d.%d\n", PERCPU_VERSION_MAJOR,
	       PERCPU_VERSION_MINOR, PERCPU_VERSION_PATCH);

	pthread_t threads[NCPUS];
	int failed = 0;
	for (unsigned cpu = 0; cpu < NCPUS; cpu++)
		if (pthread_create(&threads[cpu], NULL, cpu_main,
				   (void *)(uintptr_t)cpu))
			return 1;
	for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
		void *ret;
		pthread_join(threads[cpu], &ret);
		failed |= ret != NULL;
	}

	unsigned long total = 0;
	for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
		printf("cpu %u: owner %u, %lu hits\n", cpu, per_cpu(owner, cpu),
		       per_cpu(hits, cpu));
		failed |= per_cpu(owner, cpu) != cpu ||
			  per_cpu(hits, cpu) != ROUNDS * (cpu + 1);
		total += per_cpu(hits, cpu);
	}
	printf("total: %lu hits: %s\n", total, failed ? "FAIL" : "OK");
	free(areas);
	return failed;
}
