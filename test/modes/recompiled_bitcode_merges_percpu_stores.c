// RUN: %percpu_cc -O2 -emit-llvm -DDEFINE_STORES -c %s -o %t.stores.bc
// Verify that bitcode the pass lowered, linked with llvm-link and optimised again by percpu-cc (clang -c x.bc with the plugin), where inlining brings single %gs: stores from several functions together that MemCpyOpt could merge into one long memset, compiles ("cannot lower memory intrinsic in address space 256" otherwise) and runs with every CPU zeroing its own copy and the template keeping its values.
// RUN: %percpu_cc -O2 -emit-llvm -c %s -o %t.main.bc
// RUN: llvm-link %t.stores.bc %t.main.bc -o %t.linked.bc
// RUN: %percpu_cc -O2 -c %t.linked.bc -o %t.linked.o
// RUN: %percpu_cc -pthread %t.linked.o -o %t.linked && %t.linked
// REQUIRES: native-x86_64, runtime-x86_64
#include "../exec/Inputs/cpus.h"

#define NCPUS 3
#define N 48 /* 384 bytes: a memset longer than x86 expands inline */

DECLARE_PER_CPU(long, vals[N]);

#define EACH(X)                                                                \
  X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13)    \
  X(14) X(15) X(16) X(17) X(18) X(19) X(20) X(21) X(22) X(23) X(24) X(25)      \
  X(26) X(27) X(28) X(29) X(30) X(31) X(32) X(33) X(34) X(35) X(36) X(37)      \
  X(38) X(39) X(40) X(41) X(42) X(43) X(44) X(45) X(46) X(47)

#define DECLARE_CLEAR(i) void clear##i(void);
EACH(DECLARE_CLEAR)
void fill(long v);

#ifdef DEFINE_STORES
DEFINE_PER_CPU(long, vals[N]);

/* One store each: nothing to merge before the link inlines them. */
#define DEFINE_CLEAR(i)                                                        \
  void clear##i(void) { vals[i] = 0; }
EACH(DEFINE_CLEAR)

void fill(long v) {
  for (unsigned i = 0; i < N; i++)
    vals[i] = v;
}
#else
#define CALL_CLEAR(i) clear##i();

static void work(unsigned cpu) {
  fill(cpu + 5);
  EACH(CALL_CLEAR)
  vals[cpu] = cpu + 1;
}

int main(void) {
  void *areas = init_areas(NCPUS);
  fill(-1); /* the template */
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    const long *v = per_cpu_ptr(&vals[0], cpu);
    for (unsigned i = 0; i < N; i++)
      EXPECT_EQ(v[i], i == cpu ? cpu + 1 : 0);
  }
  for (unsigned i = 0; i < N; i++)
    EXPECT_EQ(vals[i], -1);
  free(areas);
  return 0;
}
#endif
// SPDX-License-Identifier: BSD-2-Clause
