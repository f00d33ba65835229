// RUN: %percpu_cc %std_for_arrays -O2 -pthread %s -o %t && %t
// Verify that whole-object copies and fills of per-CPU memory (struct assignment, and loops the optimiser turns into memset/memcpy of constant or run-time length) reach this CPU's copy.
// RUN: %percpu_cc %std_for_arrays -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc %std_for_arrays -O3 -pthread %s -o %t3 && %t3
// REQUIRES: native-x86_64, runtime-x86_64
#include <string.h>

#include "Inputs/cpus.h"

#define NCPUS 3
#define N 64

struct blob {
  long words[12];
  char bytes[40];
};

DEFINE_PER_CPU(struct blob, blob);
DEFINE_PER_CPU(int[N], arr);
DEFINE_PER_CPU(int[N], copy);

__attribute__((noinline)) static unsigned opaque(unsigned v) { return v; }

__attribute__((noinline)) static void fill(unsigned n, int v) {
  for (unsigned i = 0; i < n; i++)
    arr[i] = v;
}

__attribute__((noinline)) static void zero(unsigned n) {
  for (unsigned i = 0; i < n; i++)
    arr[i] = 0;
}

__attribute__((noinline)) static void copy_in(const int *src, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    copy[i] = src[i];
}

__attribute__((noinline)) static void copy_across(unsigned n) {
  for (unsigned i = 0; i < n; i++)
    copy[i] = arr[i];
}

static void work(unsigned cpu) {
  struct blob local;
  memset(&local, (int)cpu + 1, sizeof local);
  blob = local;
  struct blob back = blob;
  EXPECT_EQ(memcmp(&back, &local, sizeof local), 0);

  fill(opaque(N), -1);
  zero(opaque(N / 2));
  int src[N];
  for (unsigned i = 0; i < N; i++)
    src[i] = (int)(cpu * 1000 + i);
  copy_in(src, opaque(N));
  EXPECT_EQ(copy[N - 1], cpu * 1000 + N - 1);
  copy_across(opaque(4));
}

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    const unsigned char *b = (const unsigned char *)per_cpu_ptr(&blob, cpu);
    for (size_t i = 0; i < sizeof(struct blob); i++)
      EXPECT_EQ(b[i], cpu + 1);
    const int *a = *per_cpu_ptr(&arr, cpu), *c = *per_cpu_ptr(&copy, cpu);
    for (unsigned i = 0; i < N; i++) {
      EXPECT_EQ(a[i], i < N / 2 ? 0 : -1);
      EXPECT_EQ(c[i], i < 4 ? 0 : (int)(cpu * 1000 + i));
    }
  }
  /* The template saw none of it. */
  EXPECT_EQ(blob.words[0], 0);
  EXPECT_EQ(arr[opaque(N - 1)], 0);
  EXPECT_EQ(copy[opaque(N - 1)], 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
