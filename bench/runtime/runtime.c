/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The run-time benchmark (x86_64 Linux user space, threads as CPUs): runs
 * every loop of loops.c on THREADS threads at once, each thread
 * playing CPU i (percpu_init_reg(i), pinned to core i when there are
 * enough cores), REPS times, the loops interleaved, and prints the time per
 * iteration of every run.
 *
 *   runtime THREADS N REPS
 *
 * Output, one line per loop: "result <variant> <op> <threads> <ns/iter of
 * run 1> <run 2> ...", then "check ok" when every counter holds what the
 * loops added. bench/runtime/runtime.py runs it natively for the time and
 * under callgrind for the instruction counts (REPS 1).
 */
#define _GNU_SOURCE
#include <percpu.h>

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void loop_percpu_inc(unsigned long n);
void loop_tls_inc(unsigned long n);
void loop_atomic_inc(unsigned long n);
void loop_array_inc(unsigned long n);
unsigned long loop_percpu_read(unsigned long n);
unsigned long loop_percpu_raw_read(unsigned long n);
unsigned long loop_tls_read(unsigned long n);
unsigned long loop_atomic_read(unsigned long n);
unsigned long loop_array_read(unsigned long n);
void loop_percpu_ptr(unsigned long n);
void loop_tls_ptr(unsigned long n);
void loop_array_ptr(unsigned long n);
void loop_global_inc(unsigned long n);
unsigned long percpu_value(unsigned cpu);
unsigned long tls_value(void);
unsigned long array_value(unsigned cpu);
extern unsigned long shared_counter;
void set_cpu_id(unsigned cpu);

#define W(name)                                                                 \
  static unsigned long w_##name(unsigned long n) {                             \
    return (unsigned long)(loop_##name(n), 0);                                  \
  }
#define R(name)                                                                 \
  static unsigned long w_##name(unsigned long n) { return loop_##name(n); }
W(percpu_inc)
W(tls_inc)
W(atomic_inc)
W(array_inc)
R(percpu_read)
R(percpu_raw_read)
R(tls_read)
R(atomic_read)
R(array_read)
W(percpu_ptr)
W(tls_ptr)
W(array_ptr)
W(global_inc)

static const struct test {
  const char *variant, *op;
  unsigned long (*run)(unsigned long);
  int counts; /* adds 1 per iteration: 1 per thread, 2 shared, 3 array,
                 0 none or not checked */
} tests[] = {
    {"percpu", "inc", w_percpu_inc, 1},    {"tls", "inc", w_tls_inc, 1},
    {"atomic", "inc", w_atomic_inc, 2},    {"array", "inc", w_array_inc, 3},
    {"percpu", "read", w_percpu_read, 0},  {"percpu", "raw_read", w_percpu_raw_read, 0},
    {"tls", "read", w_tls_read, 0},        {"atomic", "read", w_atomic_read, 0},
    {"array", "read", w_array_read, 0},    {"percpu", "ptr", w_percpu_ptr, 1},
    {"tls", "ptr", w_tls_ptr, 1},          {"array", "ptr", w_array_ptr, 3},
    {"global", "inc", w_global_inc, 0},
};
#define NTESTS (sizeof tests / sizeof tests[0])

static unsigned nthreads, reps;
static unsigned long n;
static pthread_barrier_t barrier;
static double *times; /* [rep][test], seconds */
static unsigned long tls_totals[64];
static volatile unsigned long sink;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *worker(void *arg) {
  unsigned cpu = (unsigned)(unsigned long)arg;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores >= (long)nthreads) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
  }
  if (percpu_init_reg(cpu)) {
    fprintf(stderr, "runtime: percpu_init_reg(%u) failed\n", cpu);
    exit(1);
  }
  set_cpu_id(cpu);
  for (unsigned r = 0; r < reps; r++)
    for (unsigned t = 0; t < NTESTS; t++) {
      pthread_barrier_wait(&barrier);
      double t0 = now();
      sink += tests[t].run(n);
      pthread_barrier_wait(&barrier);
      if (cpu == 0)
        times[r * NTESTS + t] = now() - t0;
    }
  tls_totals[cpu] = tls_value();
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: runtime THREADS N REPS\n");
    return 2;
  }
  nthreads = (unsigned)atoi(argv[1]);
  n = strtoul(argv[2], NULL, 0);
  reps = (unsigned)atoi(argv[3]);
  if (nthreads < 1 || nthreads > 64 || !n || !reps)
    return 2;

  void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(nthreads));
  if (!areas || percpu_init(areas, nthreads) != (int)nthreads) {
    fprintf(stderr, "runtime: percpu_init failed\n");
    return 1;
  }
  times = calloc((size_t)reps * NTESTS, sizeof *times);
  pthread_barrier_init(&barrier, NULL, nthreads);
  pthread_t th[64];
  for (unsigned i = 0; i < nthreads; i++)
    pthread_create(&th[i], NULL, worker, (void *)(unsigned long)i);
  for (unsigned i = 0; i < nthreads; i++)
    pthread_join(th[i], NULL);

  for (unsigned t = 0; t < NTESTS; t++) {
    printf("result %s %s %u", tests[t].variant, tests[t].op, nthreads);
    for (unsigned r = 0; r < reps; r++)
      printf(" %.4f", times[r * NTESTS + t] * 1e9 / (double)n);
    printf("\n");
  }

  /* Each counter got n per loop that counts, per thread, per rep. */
  unsigned long per = 0, shared = 0, array = 0;
  for (unsigned t = 0; t < NTESTS; t++) {
    per += tests[t].counts == 1 && strcmp(tests[t].variant, "percpu") == 0;
    shared += tests[t].counts == 2;
    array += tests[t].counts == 3;
  }
  int ok = shared_counter == shared * n * reps * nthreads;
  for (unsigned i = 0; i < nthreads; i++)
    ok &= percpu_value(i) == per * n * reps && tls_totals[i] == 2 * n * reps &&
          array_value(i) == array * n * reps;
  printf("check %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
