// RUN: %percpu_cc -O2 -pthread %s -o %t && %t | FileCheck --check-prefix=SILENT %s
// Verify the template guard: a thread that skips percpu_init_reg silently reads and writes the template without it, while the CPU that set its register has its own copy; percpu_base_ok tells the two apart; percpu_poison_template refuses before the set-up and while a CPU has no area, and afterwards the stray thread reads poison; and with -DPERCPU_DEBUG_TEMPLATE the stray thread's first this_cpu_* access traps, at -O0 and -O2, while the set-up thread's accesses run.
// RUN: %t poison | FileCheck --check-prefix=POISON %s
// RUN: %percpu_cc -O2 -pthread -DPERCPU_DEBUG_TEMPLATE %s -o %t.guard && not --crash %t.guard 2>&1 | FileCheck --check-prefix=GUARD %s
// RUN: %percpu_cc -O0 -pthread -DPERCPU_DEBUG_TEMPLATE %s -o %t.guard0 && not --crash %t.guard0 2>&1 | FileCheck --check-prefix=GUARD %s
// The guard costs a %gs: load of the self offset, a test and a branch to a
// trap; without it the access is one instruction.
// RUN: %percpu_cc -O2 -S -DPERCPU_DEBUG_TEMPLATE %s -o - | FileCheck --check-prefix=ASM-GUARD %s
// RUN: %percpu_cc -O2 -S %s -o - | FileCheck --check-prefix=ASM %s
// REQUIRES: native-x86_64, runtime-x86_64
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <percpu.h>

#include "Inputs/expect.h"

DEFINE_PER_CPU(long, value) = 42;

void bump(void) { this_cpu_inc(value); }

// ASM-LABEL: bump:
// ASM: # %bb.0:
// ASM-NEXT: #APP
// ASM-NEXT: incq %gs:value(%rip)
// ASM-NEXT: #NO_APP
// ASM-NEXT: retq
// ASM-GUARD-LABEL: bump:
// ASM-GUARD: # %bb.0:
// ASM-GUARD-NEXT: movq %gs:__percpu_self_offset(%rip), [[R:%r[a-z0-9]+]]
// ASM-GUARD-NEXT: testq [[R]], [[R]]
// ASM-GUARD-NEXT: je [[TRAP:.LBB[0-9_]+]]
// ASM-GUARD-NEXT: # %bb.
// ASM-GUARD-NEXT: #APP
// ASM-GUARD-NEXT: incq %gs:value(%rip)
// ASM-GUARD-NEXT: #NO_APP
// ASM-GUARD-NEXT: retq
// ASM-GUARD-NEXT: [[TRAP]]:
// ASM-GUARD-NEXT: ud2

static void *set_up_cpu(void *arg) {
  (void)arg;
  EXPECT_EQ(percpu_init_reg(0), 0);
  EXPECT_EQ(percpu_base_ok(), 1);
  bump();
  this_cpu_add(value, 10);
  printf("set-up cpu: value %ld\n", this_cpu_read(value));
  return NULL;
}

/* The mistake: a thread that plays a CPU but never called percpu_init_reg. */
static void *stray_cpu(void *arg) {
  (void)arg;
  printf("stray: base ok %d\n", percpu_base_ok());
  fflush(stdout);
  fprintf(stderr, "stray: accessing\n");
  bump();
  printf("stray: value %#lx\n", (unsigned long)this_cpu_read(value));
  return NULL;
}

static void run(void *(*fn)(void *)) {
  pthread_t t;
  EXPECT_EQ(pthread_create(&t, NULL, fn, NULL), 0);
  EXPECT_EQ(pthread_join(t, NULL), 0);
}

int main(int argc, char **argv) {
  int poison = argc > 1 && strcmp(argv[1], "poison") == 0;
  EXPECT_EQ(percpu_base_ok(), 0);
  EXPECT_EQ(percpu_poison_template(), -ENODEV);

  /* CPU 1 comes up later: until then its percpu_setup_cpu copies the
   * template, which must stay. */
  size_t stride = percpu_area_stride();
  char *mem = aligned_alloc(percpu_area_align(), 2 * stride);
  void *table = malloc(percpu_table_bytes(2));
  EXPECT(mem && table);
  void *areas[2] = {mem, NULL};
  EXPECT_EQ(percpu_setup_areas(areas, 2, table, percpu_table_bytes(2)), 2);
  EXPECT_EQ(percpu_poison_template(), -EBUSY);
  EXPECT_EQ(percpu_setup_cpu(1, mem + stride), 0);
  EXPECT_EQ(per_cpu(value, 1), 42);
  /* The main thread never set its register either. */
  EXPECT_EQ(percpu_base_ok(), 0);

  if (poison)
    EXPECT_EQ(percpu_poison_template(), 0);
  run(set_up_cpu);
  run(stray_cpu);
  printf("copies: %ld %ld\n", per_cpu(value, 0), per_cpu(value, 1));
  return 0;
}

// SILENT: set-up cpu: value 53
// SILENT-NEXT: stray: base ok 0
// SILENT-NEXT: stray: value 0x2b
// SILENT-NEXT: copies: 53 42

// POISON: set-up cpu: value 53
// POISON-NEXT: stray: base ok 0
// POISON-NEXT: stray: value 0xa5a5a5a5a5a5a5a6
// POISON-NEXT: copies: 53 42

// GUARD: stray: accessing
// GUARD-NOT: stray: value
// SPDX-License-Identifier: BSD-2-Clause
