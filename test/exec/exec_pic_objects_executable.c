// Verify that an executable made of -fPIC objects (a static library of them) keeps working: with GNU ld and lld, as PIE, non-PIE and -static-pie, through plain clang and percpu-cc. It carries the percpu-llvm note and resolves the reference from the runtime; percpu_init finds no shared object with per-CPU data, and each thread counts into its own copy, in this unit and in the archived one.
// REQUIRES: native-x86_64, runtime-x86_64
// RUN: rm -rf %t && mkdir %t
// RUN: %percpu_clang -fPIC -O2 -c %S/Inputs/pic_counter.c -o %t/counter.o
// RUN: llvm-ar rcs %t/libcounter.a %t/counter.o
// RUN: %percpu_clang -fPIC -O2 -c %s -o %t/main.o
// RUN: %clang -fuse-ld=bfd -pthread %t/main.o %t/libcounter.a %percpu_lib/x86_64/libpercpu.a -o %t/bfd && %t/bfd
// RUN: %clang -fuse-ld=lld -pthread %t/main.o %t/libcounter.a %percpu_lib/x86_64/libpercpu.a -o %t/lld && %t/lld
// RUN: %clang -no-pie -pthread %t/main.o %t/libcounter.a %percpu_lib/x86_64/libpercpu.a -o %t/nopie && %t/nopie
// RUN: %clang -static-pie -pthread %t/main.o %t/libcounter.a %percpu_lib/x86_64/libpercpu.a -o %t/static-pie && %t/static-pie
// RUN: %percpu_cc -fPIC -O2 -pthread %s %t/libcounter.a -o %t/percpu-cc && %t/percpu-cc
// RUN: %percpu_cc -static-pie -O2 -pthread %s %S/Inputs/pic_counter.c -o %t/static-pie-pie && %t/static-pie-pie
// RUN: llvm-readelf --notes %t/bfd | FileCheck %s
// CHECK: percpu-llvm 0x00000004
#include "Inputs/cpus.h"

#define NCPUS 3

long lib_bump(void);

DEFINE_PER_CPU(unsigned, mine);

static void work(unsigned cpu) {
  for (unsigned i = 0; i <= cpu; i++) {
    this_cpu_inc(mine);
    EXPECT_EQ(lib_bump(), i + 1);
  }
}

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    EXPECT_EQ(per_cpu(mine, cpu), cpu + 1);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
