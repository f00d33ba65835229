// RUN: %percpu_cc -O2 -g -fsanitize=address -pthread %s -o %t.asan && %t.asan
// Verify that programs built with -fsanitize=address, thread, memory and undefined run correctly with per-CPU variables: struct copies, fills and moves of every size, this_cpu_read/write/inc and plain accesses reach this CPU's copy, not the template the sanitizers' runtime calls used to get (llvm#124238), and every CPU's copy is right afterwards. The runtime library stays uninstrumented: under MSan, it marks what it writes initialised (the template's copies, the table, the dynamic blocks), which the reads through ordinary pointers before any write check.
// RUN: %percpu_cc -O0 -g -fsanitize=address -pthread %s -o %t.asan0 && %t.asan0
// RUN: %percpu_cc -O2 -g -fsanitize=thread -pthread %s -o %t.tsan && %t.tsan
// RUN: %percpu_cc -O2 -g -fsanitize=memory -pthread %s -o %t.msan && %t.msan
// RUN: %percpu_cc -O1 -g -fsanitize=memory -fsanitize-memory-track-origins -pthread %s -o %t.msan1 && %t.msan1
// RUN: %percpu_cc -O2 -g -fsanitize=undefined -fno-sanitize-recover=all -pthread %s -o %t.ubsan && %t.ubsan
// REQUIRES: native-x86_64, runtime-x86_64
#include <string.h>

#include "Inputs/cpus.h"

#define NCPUS 3

struct small {
  long a, b, c; /* 24 bytes: inline through %gs: without a sanitizer */
};
struct big {
  long words[40];
};

DEFINE_PER_CPU(struct small, small) = {1, 2, 3};
DEFINE_PER_CPU(struct big, big);
DEFINE_PER_CPU(long, counter) = 5;
DEFINE_PER_CPU(unsigned char, bytes[64]);

__attribute__((noinline)) static unsigned opaque(unsigned v) {
  __asm__("" : "+r"(v));
  return v;
}

static void work(unsigned cpu) {
  /* Starts from the template's values. */
  EXPECT_EQ(small.b, 2);
  EXPECT_EQ(this_cpu_read(counter), 5);

  struct small s = {cpu, cpu * 10, cpu * 100};
  small = s;
  struct small back = small;
  EXPECT_EQ(memcmp(&back, &s, sizeof s), 0);

  struct big b;
  for (unsigned i = 0; i < 40; i++)
    b.words[i] = (long)(cpu * 1000 + i);
  big = b;
  EXPECT_EQ(big.words[opaque(39)], cpu * 1000 + 39);

  this_cpu_write(counter, cpu * 7);
  this_cpu_inc(counter);
  counter += 2;
  EXPECT_EQ(this_cpu_read(counter), cpu * 7 + 3);

  memset(bytes, (int)cpu + 1, 31);
  memset(bytes + 31, 0x55, opaque(33));
  memmove(bytes + 1, bytes, 31);   /* bytes[1..31] = cpu + 1 */
  memcpy(bytes + 40, bytes + 2, 8); /* cpu + 1 */
  EXPECT_EQ(bytes[opaque(0)], cpu + 1);
  EXPECT_EQ(bytes[opaque(31)], cpu + 1);
  EXPECT_EQ(bytes[opaque(32)], 0x55);
  EXPECT_EQ(bytes[opaque(47)], cpu + 1);
}

int main(void) {
  void *areas = init_areas(NCPUS);
  /* A dynamic block reads zero in every copy, initialised for MSan too
   * (the runtime zeroes it with instructions its interceptors do not see),
   * as does a template value read through an ordinary pointer. */
  long __percpu *dyn = alloc_percpu(long);
  EXPECT_EQ(dyn != NULL, 1);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(*per_cpu_ptr(dyn, cpu), 0);
    EXPECT_EQ(*per_cpu_ptr(&counter, cpu), 5);
  }
  EXPECT_EQ(free_percpu(dyn), 0);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    struct small *s = per_cpu_ptr(&small, cpu);
    EXPECT_EQ(s->a, cpu);
    EXPECT_EQ(s->c, cpu * 100);
    EXPECT_EQ(per_cpu_ptr(&big, cpu)->words[17], cpu * 1000 + 17);
    EXPECT_EQ(per_cpu(counter, cpu), cpu * 7 + 3);
    /* The first element's copy: clang 16 cannot give a whole per-CPU
     * array's copy a plain type (C23's typeof_unqual keeps the elements'
     * address space). */
    const unsigned char *b = per_cpu_ptr(&bytes[0], cpu);
    for (unsigned i = 0; i < 64; i++)
      EXPECT_EQ(b[i], i < 32 || (i >= 40 && i < 48) ? cpu + 1 : 0x55);
  }
  /* The template kept its initial values. */
  EXPECT_EQ(small.a, 1);
  EXPECT_EQ(this_cpu_read(counter), 5);
  EXPECT_EQ(bytes[opaque(3)], 0);
  free(areas); /* for LeakSanitizer */
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
