// Verify that a shared library whose units include <percpu.h> but define, access and pass no per-CPU data links through percpu-cc and plain clang, carries no percpu-llvm note, and neither contains nor exports the runtime; and that an executable linked with it runs.
// REQUIRES: runtime-x86_64, native-x86_64
// RUN: %percpu_cc -fPIC -shared -O2 %s -o %t.so
// RUN: llvm-readelf --notes --dyn-syms %t.so | FileCheck %s --implicit-check-not=percpu
// RUN: llvm-nm %t.so | FileCheck %s --check-prefix=NM --implicit-check-not=percpu
// RUN: %percpu_clang -fPIC -O2 -c %s -o %t.o
// RUN: %clang -shared %t.o -o %t.plain.so
// RUN: llvm-readelf --notes --dyn-syms %t.plain.so | FileCheck %s --implicit-check-not=percpu
// RUN: %percpu_cc -O2 -DMAIN %s %t.so -o %t && %t | FileCheck %s --check-prefix=OUT
// RUN: %percpu_cc --percpu-print-config -fPIC -shared %s -o %t.so | FileCheck %s --check-prefix=CONFIG --implicit-check-not=libpercpu.a

// CHECK: lib_answer
// NM: lib_answer
// OUT: 42 1
// CONFIG: runtime: none (-shared)
// CONFIG: command:

#include <stdio.h>

#include <percpu.h>

#ifndef MAIN
int lib_answer(void) { return 42; }
#else
int lib_answer(void);
DEFINE_PER_CPU(int, mine) = 1;
int main(void) {
  printf("%d %d\n", lib_answer(), this_cpu_read(mine));
  return 0;
}
#endif
// SPDX-License-Identifier: BSD-2-Clause
