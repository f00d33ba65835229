// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s
// Verify that this_cpu_cmpxchg128 on AArch64 with LSE is one casp on this CPU's copy (base register plus the variable's address).
#include <percpu.h>

DEFINE_PER_CPU(unsigned __int128, head);

// CHECK-LABEL: swap:
// CHECK: mrs [[B:x[0-9]+]], TPIDR_EL1
// CHECK: add [[P:x[0-9]+]], {{x[0-9]+}}, {{x[0-9]+}}
// CHECK-NEXT: casp x0, x1, x2, x3, [[[P]]]
// CHECK-NEXT: ret
unsigned __int128 swap(unsigned __int128 o, unsigned __int128 n) { return this_cpu_cmpxchg128(head, o, n); }
// SPDX-License-Identifier: BSD-2-Clause
