/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Threads as CPUs: each thread points its base register at one CPU's area
 * with percpu_init_reg(cpu), then runs the test's function. C and C++.
 */
#ifndef PERCPU_TEST_CPUS_H
#define PERCPU_TEST_CPUS_H

#include <pthread.h>
#include <stdlib.h>

#include <percpu.h>

#include "expect.h"

/* Allocates the areas of ncpus CPUs and initialises them. */
static void *init_areas(unsigned ncpus) {
  void *base = aligned_alloc(percpu_area_align(), percpu_areas_bytes(ncpus));
  EXPECT(base != NULL);
  EXPECT_EQ(percpu_init(base, ncpus), ncpus);
  return base;
}

struct cpu_thread {
  pthread_t tid;
  unsigned cpu;
  void (*fn)(unsigned cpu);
};

static pthread_barrier_t cpus_barrier;

static void *cpu_thread_main(void *arg) {
  struct cpu_thread *t = (struct cpu_thread *)arg; /* C++ too */
  EXPECT_EQ(percpu_init_reg(t->cpu), 0);
  /* Every CPU has its register set before any runs, and runs before any
     exits: the copies are used at the same time. */
  pthread_barrier_wait(&cpus_barrier);
  t->fn(t->cpu);
  pthread_barrier_wait(&cpus_barrier);
  return NULL;
}

/* Runs fn(cpu) for cpu = 0 .. ncpus-1, each on its own thread. */
static void run_on_cpus(unsigned ncpus, void (*fn)(unsigned cpu)) {
  struct cpu_thread *t = (struct cpu_thread *)calloc(ncpus, sizeof *t);
  EXPECT(t != NULL);
  EXPECT_EQ(pthread_barrier_init(&cpus_barrier, NULL, ncpus), 0);
  for (unsigned i = 0; i < ncpus; i++) {
    t[i].cpu = i;
    t[i].fn = fn;
    EXPECT_EQ(pthread_create(&t[i].tid, NULL, cpu_thread_main, &t[i]), 0);
  }
  for (unsigned i = 0; i < ncpus; i++)
    EXPECT_EQ(pthread_join(t[i].tid, NULL), 0);
  pthread_barrier_destroy(&cpus_barrier);
  free(t);
}

#endif
