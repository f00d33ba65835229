// RUN: %percpu_cc --target=riscv64-linux-gnu -march=rv64gcv -ffreestanding -nostdlib -static -O3 %s %S/Inputs/qemu_rt.c -o %t
// Verify that a loop the riscv64 vectoriser turns into indexed gathers from a per-CPU array (arr[idx[i]], vluxei) reads this CPU's copy on each of four CPUs under qemu-user with the vector extension, and that the per-CPU address vector is the base register plus the template addresses.
// RUN: %run-riscv64 -cpu rv64,v=true %t | FileCheck %s
// RUN: %percpu_cc --target=riscv64-linux-gnu -march=rv64gcv -ffreestanding -O3 -S -o - %s | FileCheck %s --check-prefix=ASM
// REQUIRES: qemu-riscv64

// CHECK: riscv64 vector gather: 17 checks passed
#include <percpu.h>

#include "Inputs/qemu_rt.h"

#define NCPUS 4
#define N 512

DEFINE_PER_CPU(unsigned long, arr[N]);

static char areas[NCPUS * 2 * 8192] __attribute__((aligned(4096)));
static unsigned idx[N];

// ASM-LABEL: gather_sum:
// ASM: add {{[a-z0-9]+}}, {{[a-z0-9]+}}, gp
// ASM: vluxei64.v
__attribute__((noinline)) unsigned long gather_sum(const unsigned *ix,
                                                   unsigned n) {
  unsigned long s = 0;
  for (unsigned i = 0; i < n; i++)
    s += arr[ix[i]];
  return s;
}

int main(void) {
  CHECK_EQ(percpu_init(areas, NCPUS), NCPUS);
  unsigned long expected[NCPUS] = {0};
  for (unsigned i = 0; i < N; i++)
    idx[i] = (i * 37 + 11) % N;
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    /* The first element's copy: clang 16 cannot give a whole per-CPU
     * array's copy a plain type (C23's typeof_unqual keeps the elements'
     * address space). */
    unsigned long *a = per_cpu_ptr(&arr[0], cpu);
    for (unsigned i = 0; i < N; i++)
      a[i] = (cpu + 1) * 100000 + i * (i + cpu);
    for (unsigned i = 0; i < N; i++)
      expected[cpu] += a[idx[i]];
  }
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    CHECK_EQ(percpu_init_reg(cpu), 0);
    CHECK_EQ(gather_sum(idx, N), expected[cpu]);
  }
  // Again, in the other order.
  for (unsigned cpu = NCPUS; cpu-- > 0;) {
    CHECK_EQ(percpu_init_reg(cpu), 0);
    CHECK_EQ(gather_sum(idx, N), expected[cpu]);
  }
  return rt_report("riscv64 vector gather");
}
// SPDX-License-Identifier: BSD-2-Clause
