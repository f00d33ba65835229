// RUN: %percpu_cc -O2 -flto=thin -DDEFINE_LOOPS -c %s -o %t.loops.o
// Verify that ThinLTO and full LTO programs with loops over per-CPU arrays (this_cpu_write in a loop, plain stores, struct copies) link and run with every CPU's copy right: at the ThinLTO link, after cross-unit inlining made the stored values constant, LoopIdiom and MemCpyOpt would re-form memset/memcpy calls on %gs: stores that the backend cannot emit ("cannot lower memory intrinsic in address space 256").
// RUN: %percpu_cc -O2 -flto=thin -c %s -o %t.main.o
// RUN: %percpu_cc -O2 -flto=thin -fuse-ld=lld -pthread %t.loops.o %t.main.o -o %t.thin && %t.thin
// RUN: %percpu_cc -O2 -flto -DDEFINE_LOOPS -c %s -o %t.full.loops.o
// RUN: %percpu_cc -O2 -flto -c %s -o %t.full.main.o
// RUN: %percpu_cc -O2 -flto -fuse-ld=lld -pthread %t.full.loops.o %t.full.main.o -o %t.full && %t.full
// REQUIRES: native-x86_64, runtime-x86_64
#include "Inputs/cpus.h"

#define NCPUS 3
#define N 300

struct pair {
  long a, b, c, d, e;
};

DECLARE_PER_CPU(long, arr[N]);
DECLARE_PER_CPU(struct pair, pairs[16]);

void fill(unsigned n, long v);
void fill_this_cpu(unsigned n, long v);
void copy_in(const struct pair *src, unsigned n);
void copy_out(struct pair *dst, unsigned n);

#ifdef DEFINE_LOOPS
DEFINE_PER_CPU(long, arr[N]);
DEFINE_PER_CPU(struct pair, pairs[16]);

void fill(unsigned n, long v) {
  for (unsigned i = 0; i < n; i++)
    arr[i] = v;
}
void fill_this_cpu(unsigned n, long v) {
  for (unsigned i = 0; i < n; i++)
    this_cpu_write(arr[i], v);
}
void copy_in(const struct pair *src, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    pairs[i] = src[i];
}
void copy_out(struct pair *dst, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    dst[i] = pairs[i];
}
#else
__attribute__((noinline)) static unsigned opaque(unsigned v) {
  __asm__("" : "+r"(v));
  return v;
}

static void work(unsigned cpu) {
  /* Constants after inlining: memset patterns at the link. */
  fill(opaque(N), -1);
  fill(opaque(N / 2), 0);
  fill_this_cpu(opaque(10), 0);
  struct pair src[16], back[16];
  for (unsigned i = 0; i < 16; i++)
    src[i] = (struct pair){cpu, i, cpu * i, 7, 8};
  copy_in(src, opaque(16));
  copy_out(back, opaque(16));
  for (unsigned i = 0; i < 16; i++)
    EXPECT_EQ(back[i].c, cpu * i);
}

int main(void) {
  void *areas = init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    /* The first elements' copies: clang 16 cannot give a whole per-CPU
     * array's copy a plain type (C23's typeof_unqual keeps the elements'
     * address space). */
    const long *a = per_cpu_ptr(&arr[0], cpu);
    for (unsigned i = 0; i < N; i++)
      EXPECT_EQ(a[i], i < N / 2 ? 0 : -1);
    const struct pair *p = per_cpu_ptr(&pairs[0], cpu);
    for (unsigned i = 0; i < 16; i++)
      EXPECT_EQ(p[i].b + p[i].a, i + cpu);
  }
  /* The template saw none of it. */
  EXPECT_EQ(arr[opaque(N - 1)], 0);
  EXPECT_EQ(pairs[opaque(3)].b, 0);
  free(areas);
  return 0;
}
#endif
// SPDX-License-Identifier: BSD-2-Clause
