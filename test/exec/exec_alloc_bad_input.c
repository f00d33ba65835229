// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that every bad input to the dynamic allocator and its set-up is an error that corrupts nothing: alloc before the set-up, size 0, alignments that are 0, not a power of two or above the reserve's, running out of space (NULL, with the reason in percpu_alloc_error), free of never-allocated pointers, of a pointer into a block and a double free; bad reserve sizes, a reserve change after the set-up, a static buffer too small; and that the fragmentation bound of percpu/alloc.h holds both ways.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -pthread %s -o %t.san && %t.san
// REQUIRES: native-x86_64, runtime-x86_64
#include <errno.h>
#include <stdint.h>

#include "Inputs/cpus.h"

#define NCPUS 3
#define RESERVE 1024
#define BLOCKS (RESERVE / PERCPU_ALLOC_UNIT)

extern char __start_percpu[];

DEFINE_PER_CPU(long, fixed) = 11;

static char __percpu *blocks[BLOCKS];

/* Every live block still holds what was written to it, on every CPU. */
static void expect_intact(void) {
  for (unsigned i = 0; i < BLOCKS; i++) {
    if (!blocks[i])
      continue;
    for (unsigned cpu = 0; cpu < NCPUS; cpu++)
      for (unsigned b = 0; b < PERCPU_ALLOC_UNIT; b++)
        EXPECT_EQ(per_cpu_ptr(blocks[i], cpu)[b], (char)(i * 7 + cpu));
  }
  unsigned cpu;
  for_each_possible_cpu(cpu)
    EXPECT_EQ(per_cpu(fixed, cpu), 11);
}

#define EXPECT_FAILS(call, err)                                                \
  do {                                                                         \
    EXPECT((call) == NULL);                                                    \
    EXPECT_EQ(percpu_alloc_error(), -(err));                                   \
    expect_intact();                                                           \
  } while (0)

#define EXPECT_FREE_FAILS(p)                                                   \
  do {                                                                         \
    EXPECT_EQ(free_percpu(p), -EINVAL);                                        \
    EXPECT_EQ(percpu_alloc_error(), -EINVAL);                                  \
    expect_intact();                                                           \
  } while (0)

int main(void) {
  /* Before the set-up. */
  EXPECT_FAILS(__alloc_percpu(8, 8), ENODEV);
  EXPECT_FREE_FAILS((char __percpu *)(uintptr_t)__start_percpu + 4096);
  EXPECT_EQ(percpu_reserve_dynamic(RESERVE, 8), -EINVAL);    /* < unit */
  EXPECT_EQ(percpu_reserve_dynamic(RESERVE, 48), -EINVAL);   /* not 2^n */
  EXPECT_EQ(percpu_reserve_dynamic(RESERVE, 8192), -EINVAL); /* > page */
  EXPECT_EQ(percpu_reserve_dynamic(SIZE_MAX, 64), -EINVAL);
  EXPECT_EQ(percpu_reserve_dynamic(PERCPU_DYNAMIC_BYTES_MAX + 1, 64), -EINVAL);
  EXPECT_EQ(percpu_dynamic_bytes(), PERCPU_DYNAMIC_BYTES_DEFAULT);
  EXPECT_EQ(percpu_reserve_dynamic(RESERVE - 8, 64), 0); /* rounded up */
  EXPECT_EQ(percpu_dynamic_bytes(), RESERVE);

  /* A static buffer too small is -ENOSPC, and claims nothing. */
  static char small[1024];
  EXPECT_EQ(percpu_init_buffer(small, sizeof small, NCPUS), -ENOSPC);
  EXPECT_EQ(percpu_init_buffer(NULL, sizeof small, NCPUS), -EINVAL);
  EXPECT_EQ(percpu_init_buffer(small, sizeof small, 0), -EINVAL);
  EXPECT_EQ(percpu_area_num(), 0);
  /* Exactly enough when aligned; one byte off the alignment is not. */
  size_t bytes = percpu_areas_bytes(NCPUS);
  char *buffer = aligned_alloc(percpu_area_align(), bytes);
  EXPECT_EQ(percpu_init_buffer(buffer + 1, bytes - 1, NCPUS), -ENOSPC);
  EXPECT_EQ(percpu_init_buffer(buffer, bytes - 1, NCPUS), -ENOSPC);
  EXPECT_EQ(percpu_init_buffer(buffer, bytes, NCPUS), NCPUS);
  EXPECT_EQ(percpu_reserve_dynamic(4096, 64), -EBUSY);
  EXPECT_EQ(percpu_dynamic_bytes(), RESERVE);

  /* Bad requests. */
  EXPECT_FAILS(__alloc_percpu(0, 8), EINVAL);
  EXPECT_FAILS(__alloc_percpu(8, 0), EINVAL);
  EXPECT_FAILS(__alloc_percpu(8, 3), EINVAL);
  EXPECT_FAILS(__alloc_percpu(8, 24), EINVAL);
  EXPECT_FAILS(__alloc_percpu(8, 128), EINVAL); /* above the reserve's 64 */
  EXPECT_FAILS(__alloc_percpu(RESERVE + 1, 8), ENOMEM);
  EXPECT_FAILS(__alloc_percpu(SIZE_MAX, 8), ENOMEM);

  /* Fill the reserve with 16-byte blocks; then it is out of space. */
  for (unsigned i = 0; i < BLOCKS; i++) {
    blocks[i] = __alloc_percpu(PERCPU_ALLOC_UNIT, 1);
    EXPECT(blocks[i] != NULL);
    for (unsigned cpu = 0; cpu < NCPUS; cpu++)
      for (unsigned b = 0; b < PERCPU_ALLOC_UNIT; b++)
        per_cpu_ptr(blocks[i], cpu)[b] = (char)(i * 7 + cpu);
  }
  EXPECT_FAILS(__alloc_percpu(1, 1), ENOMEM);
  expect_intact();
  /* First fit: the blocks follow each other from the reserve's start. */
  char __percpu *first = blocks[0];
  for (unsigned i = 0; i < BLOCKS; i++)
    EXPECT_EQ((uintptr_t)blocks[i], (uintptr_t)first + i * PERCPU_ALLOC_UNIT);

  /* Frees of what no allocation returned, and double frees. */
  EXPECT_FREE_FAILS(&fixed);
  EXPECT_FREE_FAILS(blocks[3] + 8);
  EXPECT_FREE_FAILS(blocks[3] + 1);
  EXPECT_FREE_FAILS(blocks[0] - 16);
  EXPECT_FREE_FAILS(blocks[BLOCKS - 1] + 16);
  EXPECT_FREE_FAILS((char __percpu *)(uintptr_t)-64);
  char __percpu *gone = blocks[5];
  blocks[5] = NULL;
  EXPECT_EQ(free_percpu(gone), 0);
  EXPECT_FREE_FAILS(gone);
  EXPECT_EQ(free_percpu(NULL), 0);
  /* The one free block is handed out again. */
  blocks[5] = __alloc_percpu(PERCPU_ALLOC_UNIT, 1);
  EXPECT_EQ((uintptr_t)blocks[5], (uintptr_t)gone);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    for (unsigned b = 0; b < PERCPU_ALLOC_UNIT; b++)
      per_cpu_ptr(blocks[5], cpu)[b] = (char)(5 * 7 + cpu);

  /* The bound: with every other unit allocated, no 32-byte block is free
   * (each allocated block counts as 32 bytes: the reserve is full) ... */
  for (unsigned i = 0; i < BLOCKS; i += 2) {
    EXPECT_EQ(free_percpu(blocks[i]), 0);
    blocks[i] = NULL;
  }
  EXPECT_FAILS(__alloc_percpu(2 * PERCPU_ALLOC_UNIT, 1), ENOMEM);
  /* ... and once two neighbours are free, the pair is (zeroed). */
  EXPECT_EQ(free_percpu(blocks[9]), 0);
  blocks[9] = NULL;
  char __percpu *pair = __alloc_percpu(2 * PERCPU_ALLOC_UNIT, 1);
  EXPECT_EQ((uintptr_t)pair, (uintptr_t)first + 8 * PERCPU_ALLOC_UNIT);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    for (unsigned b = 0; b < 2 * PERCPU_ALLOC_UNIT; b++)
      EXPECT_EQ(per_cpu_ptr(pair, cpu)[b], 0);
  expect_intact();
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
