/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * demo.c - per-CPU event counters, with threads playing the CPUs.
 *
 * Build and run (what scripts/demo does):
 *	build/bin/percpu-cc -O2 -pthread examples/demo.c -o demo && ./demo
 *
 * Each "CPU" counts events into its own copy of the counters without any
 * lock or LOCK prefix; at the end one CPU reads every copy with per_cpu().
 */
#include <percpu.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NCPUS 4
#define EVENTS_PER_CPU 100000UL

struct stats {
	unsigned long min, max;
};

DEFINE_PER_CPU(unsigned long, events);
DEFINE_PER_CPU(unsigned long, bytes);
DEFINE_PER_CPU(struct stats, sizes) = { .min = ~0UL, .max = 0 };

/* What an access compiles to: scripts/demo disassembles these two. */
__attribute__((noinline)) void count_event(unsigned long size)
{
	this_cpu_inc(events);
	this_cpu_add(bytes, size);
}

__attribute__((noinline)) unsigned long read_events(void)
{
	return this_cpu_read(events);
}

static void record_size(unsigned long size)
{
	/* Plain C on this CPU's copy: nothing else runs on it meanwhile. */
	struct stats *s = this_cpu_ptr(&sizes);
	if (size < s->min)
		s->min = size;
	if (size > s->max)
		s->max = size;
}

static void *cpu_main(void *arg)
{
	unsigned cpu = (unsigned)(uintptr_t)arg;

	if (percpu_init_reg(cpu) != 0)
		return (void *)1;
	unsigned long n = EVENTS_PER_CPU * (cpu + 1);
	for (unsigned long i = 0; i < n; i++) {
		unsigned long size = 64 * (cpu + 1) + i % 16;
		count_event(size);
		record_size(size);
	}
	return read_events() == n ? NULL : (void *)1;
}

int main(void)
{
	void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
	int rc = percpu_init(areas, NCPUS);
	if (rc != NCPUS) {
		fprintf(stderr, "percpu_init: %d\n", rc);
		return 1;
	}

	pthread_t threads[NCPUS];
	for (unsigned cpu = 0; cpu < NCPUS; cpu++)
		pthread_create(&threads[cpu], NULL, cpu_main, (void *)(uintptr_t)cpu);
	int failed = 0;
	for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
		void *ret;
		pthread_join(threads[cpu], &ret);
		failed |= ret != NULL;
	}

	unsigned long total = 0;
	printf("cpu  events   bytes      min  max\n");
	for (unsigned cpu = 0; cpu < percpu_area_num(); cpu++) {
		struct stats *s = per_cpu_ptr(&sizes, cpu);
		printf("%3u  %7lu  %9lu  %3lu  %3lu\n", cpu, per_cpu(events, cpu),
		       per_cpu(bytes, cpu), s->min, s->max);
		total += per_cpu(events, cpu);
		failed |= per_cpu(events, cpu) != EVENTS_PER_CPU * (cpu + 1);
	}
	/* This thread never set its register: it sees the untouched template. */
	printf("template: events=%lu min=%#lx\n", this_cpu_read(events),
	       this_cpu_read(sizes.min));
	failed |= this_cpu_read(events) != 0;

	unsigned long expected = EVENTS_PER_CPU * NCPUS * (NCPUS + 1) / 2;
	printf("total: %lu events (expected %lu): %s\n", total, expected,
	       failed || total != expected ? "FAIL" : "OK");
	free(areas);
	return failed || total != expected;
}
