/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The initialisation benchmark: how fast percpu_init copies the template to
 * NCPUS areas, against memcpy of the same bytes into the same (already
 * faulted-in) memory, in the same process. init.py links it with a
 * generated unit that defines a per-CPU array of the template size, and
 * runs one process per measurement (percpu_init succeeds once a process).
 *
 *   init NCPUS
 *
 * Prints "init <ncpus> <template bytes> <stride> <memcpy s> <percpu_init s>
 * <memcpy s, first call> <page faults> <memcpy s, fresh loop>"
 * and "check ok" when every area holds the template's array. The memcpy
 * time is the mean of one pass before and one after percpu_init, each
 * after a warm-up pass, so that neither side gets colder caches: the
 * warm-up copy leaves the template and the areas in the caches, and before
 * percpu_init a memset of the areas (which erases the copies, so that the
 * check means something) then a read of the template do the same. The
 * read matters: the memset writes more than the template's size again and
 * evicts part of the template from the first-level cache, which the copies
 * would then read from further away than the memcpy loop does. Two first
 * runs of a copy loop say what running once costs: the loop's first call
 * (memcpy's lazy binding included), and a second loop, the same code at
 * another address, first called after it (memcpy bound), each after the
 * same memset and read as percpu_init. The page faults
 * (minor and major) are those from just after the loop's first call (whose
 * lazy binding of memcpy writes the GOT) to the end of percpu_init, counted
 * with no timed span right after the system call (it would make that span
 * colder): the copies and memsets in between write memory already faulted
 * in, so they are percpu_init's.
 */
#include <percpu.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

extern const char __start_percpu[];
/* From the generated unit: the template copy of its per-CPU array. */
uintptr_t blob_addr(void);
size_t blob_size(void);

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The baseline: what percpu_init must at least do, one memcpy per CPU. */
static __attribute__((noinline)) void copy_all(char *areas, unsigned ncpus,
                                               size_t stride, size_t size) {
  for (unsigned cpu = 0; cpu < ncpus; cpu++)
    memcpy(areas + (size_t)cpu * stride, __start_percpu, size);
  __asm__ __volatile__("" : : "r"(areas) : "memory");
}

/* copy_all again, a distinct function (the asm keeps the two apart),
 * timed on its first call: the copy loop's code run for the first time,
 * as percpu_init's is, with memcpy already bound. On a page of its own, so
 * that no code run before it brought its lines into a cache. */
#define ON_A_PAGE_OF_ITS_OWN                                                   \
  __attribute__((noinline, section(".text.init_fresh"), aligned(4096)))
static ON_A_PAGE_OF_ITS_OWN void copy_all_fresh(char *areas, unsigned ncpus,
                                                size_t stride, size_t size) {
  __asm__ __volatile__("" : : "r"(stride));
  for (unsigned cpu = 0; cpu < ncpus; cpu++)
    memcpy(areas + (size_t)cpu * stride, __start_percpu, size);
  __asm__ __volatile__("" : : "r"(areas) : "memory");
}

/* Reads every line of the template, as the warm-up copy does. */
static __attribute__((noinline)) void read_template(size_t size) {
  unsigned long sum = 0;
  for (size_t at = 0; at < size; at += 64)
    sum += *(volatile const unsigned char *)(__start_percpu + at);
  __asm__ __volatile__("" : : "r"(sum));
}

static long page_faults(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_minflt + ru.ru_majflt;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  unsigned ncpus = (unsigned)atoi(argv[1]);
  size_t size = percpu_area_size(), stride = percpu_area_stride();
  size_t bytes = percpu_areas_bytes(ncpus);
  char *areas = aligned_alloc(percpu_area_align(), bytes);
  if (!areas)
    return 1;
  memset(areas, 0xa5, bytes); /* fault every page in */

  double tc = now();
  copy_all(areas, ncpus, stride, size); /* warm-up, timed: the first call */
  double cold = now() - tc;
  long f0 = page_faults(); /* after memcpy's binding, which writes the GOT */
  copy_all(areas, ncpus, stride, size); /* warm-up again, after the call */
  double t0 = now();
  copy_all(areas, ncpus, stride, size);
  double t1 = now();
  memset(areas, 0xa5, bytes);
  read_template(size);
  double tf0 = now();
  copy_all_fresh(areas, ncpus, stride, size);
  double tf1 = now();
  memset(areas, 0xa5, bytes); /* warm-up too, and erases the copies */
  read_template(size);
  double t2 = now();
  int r = percpu_init(areas, ncpus);
  double t3 = now();
  long faults = page_faults() - f0;
  /* Every area holds the array as the template does. */
  int ok = r == (int)ncpus;
  size_t at = blob_addr() - (uintptr_t)__start_percpu;
  for (unsigned cpu = 0; ok && cpu < ncpus; cpu++)
    ok = memcmp(areas + (size_t)cpu * stride + at, (const void *)blob_addr(),
                blob_size()) == 0;
  copy_all(areas, ncpus, stride, size); /* warm-up */
  double t4 = now();
  copy_all(areas, ncpus, stride, size);
  double t5 = now();

  printf("init %u %zu %zu %.9f %.9f %.9f %ld %.9f\n", ncpus, size, stride,
         ((t1 - t0) + (t5 - t4)) / 2, t3 - t2, cold, faults, tf1 - tf0);

  printf("check %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
