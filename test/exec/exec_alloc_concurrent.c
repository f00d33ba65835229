// RUN: %percpu_cc -O2 -g -fsanitize=address -pthread %s -o %t.asan && %t.asan
// Verify that alloc_percpu and free_percpu from several CPUs at once hand out blocks that never overlap a live one and are zeroed on every CPU: each CPU writes a pattern into its own copy of its blocks and checks, before it frees one, that its copy kept the pattern and every other CPU's copy is still zero; under ASan, UBSan and without sanitizers.
// RUN: %percpu_cc -O2 -g -fsanitize=undefined -fno-sanitize-recover=all -pthread %s -o %t.ubsan && %t.ubsan
// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// REQUIRES: native-x86_64, runtime-x86_64
#include <errno.h>
#include <string.h>

#include "Inputs/cpus.h"

#define NCPUS 4
#define LIVE 6
#define ROUNDS 3000

struct block {
  unsigned char __percpu *p;
  size_t size;
  unsigned char pattern;
};

static void check_and_free(struct block *b, unsigned me) {
  unsigned cpu;
  for_each_possible_cpu(cpu) {
    const unsigned char *copy = per_cpu_ptr(b->p, cpu);
    for (size_t i = 0; i < b->size; i++)
      EXPECT_EQ(copy[i], cpu == me ? b->pattern : 0);
  }
  EXPECT_EQ(free_percpu(b->p), 0);
  b->p = NULL;
}

static void work(unsigned me) {
  struct block live[LIVE] = {{0}};
  unsigned seed = me * 2654435761u + 1;
  for (unsigned round = 0; round < ROUNDS; round++) {
    seed = seed * 1103515245u + 12345u;
    struct block *b = &live[(seed >> 8) % LIVE];
    if (b->p)
      check_and_free(b, me);
    b->size = 1 + (seed >> 16) % 200;
    size_t align = (size_t)1 << ((seed >> 12) % 7); /* 1 .. 64 */
    b->p = __alloc_percpu(b->size, align);
    if (!b->p) {
      /* Only when the others hold the space. */
      EXPECT_EQ(percpu_alloc_error(), -ENOMEM);
      continue;
    }
    /* Every copy is aligned (the pointer is a template address). */
    EXPECT_EQ((uintptr_t)this_cpu_ptr(b->p) % align, 0);
    EXPECT_EQ((uintptr_t)per_cpu_ptr(b->p, (me + 1) % NCPUS) % align, 0);
    b->pattern = (unsigned char)(me * 16 + round % 16 + 1);
    memset(this_cpu_ptr(b->p), b->pattern, b->size);
    this_cpu_add(*b->p, 0); /* a read-modify-write through the pointer */
  }
  for (unsigned i = 0; i < LIVE; i++)
    if (live[i].p)
      check_and_free(&live[i], me);
}

int main(void) {
  EXPECT_EQ(percpu_reserve_dynamic(8192, 64), 0);
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  /* Everything was freed: the whole reserve is one block again. */
  unsigned char __percpu *all = __alloc_percpu(percpu_dynamic_bytes(), 64);
  EXPECT(all != NULL);
  EXPECT_EQ(free_percpu(all), 0);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
