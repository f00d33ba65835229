// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefixes=CHECK,EL1,%backend
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s -DPERCPU_REGISTER=tpidr_el2 | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefixes=CHECK,EL2,%backend
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s -DPERCPU_REGISTER=tpidr_el0 | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefixes=CHECK,EL0,%backend
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LLSC
// Verify that on AArch64 a per-CPU access is the base register (TPIDR_EL1 by default, EL2/EL0 on request) plus the variable's full address, at most 4 instructions for read, write and this_cpu_ptr and 5 for an LSE add, with the register re-read for every access.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
DEFINE_PER_CPU(unsigned long, arr[8]);

// LLVM 16 reads the register after forming the address.
// CHECK-LABEL: rd:
// LLVM16-NEXT: adrp [[ADDR:x[0-9]+]], v
// LLVM16-NEXT: add [[ADDR]], [[ADDR]], :lo12:v
// EL1-NEXT: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// EL2-NEXT: mrs [[BASE:x[0-9]+]], TPIDR_EL2
// EL0-NEXT: mrs [[BASE:x[0-9]+]], TPIDR_EL0
// LLVM19-NEXT: adrp [[ADDR:x[0-9]+]], v
// LLVM19-NEXT: add [[ADDR]], [[ADDR]], :lo12:v
// CHECK-NEXT: ldr x0, [[[BASE]], [[ADDR]]]
// CHECK-NEXT: ret
unsigned long rd(void) { return this_cpu_read(v); }

// CHECK-LABEL: wr:
// LLVM16-NEXT: adrp [[ADDR:x[0-9]+]], v
// LLVM16-NEXT: add [[ADDR]], [[ADDR]], :lo12:v
// CHECK-NEXT: mrs [[BASE:x[0-9]+]], TPIDR_EL
// LLVM19-NEXT: adrp [[ADDR:x[0-9]+]], v
// LLVM19-NEXT: add [[ADDR]], [[ADDR]], :lo12:v
// CHECK-NEXT: str x0, [[[BASE]], [[ADDR]]]
// CHECK-NEXT: ret
void wr(unsigned long x) { this_cpu_write(v, x); }

// One LSE atomic on this CPU's copy; without LSE an exclusive loop.
// CHECK-LABEL: add:
// CHECK-NEXT: mrs [[BASE:x[0-9]+]], TPIDR_EL
// CHECK-NEXT: adrp [[ADDR:x[0-9]+]], v
// CHECK-NEXT: add [[ADDR]], [[ADDR]], :lo12:v
// CHECK-NEXT: add [[P:x[0-9]+]], [[BASE]], [[ADDR]]
// CHECK-NEXT: {{ldadd x0, x[0-9]+|stadd x0}}, [[[P]]]
// CHECK-NEXT: ret
// LLSC-LABEL: add:
// LLSC: ldxr
// LLSC: stxr
void add(unsigned long x) { this_cpu_add(v, x); }

// CHECK-LABEL: ptr:
// CHECK-NEXT: mrs [[BASE:x[0-9]+]], TPIDR_EL
// CHECK-NEXT: adrp [[ADDR:x[0-9]+]], v
// CHECK-NEXT: add [[ADDR]], [[ADDR]], :lo12:v
// CHECK-NEXT: add x0, [[BASE]], [[ADDR]]
// CHECK-NEXT: ret
unsigned long *ptr(void) { return this_cpu_ptr(&v); }

// Two accesses read the register twice: the thread may move in between.
// CHECK-LABEL: two:
// CHECK: mrs
// CHECK: mrs
// CHECK: ret
unsigned long two(void) { return this_cpu_read(v) + this_cpu_read(arr[1]); }

// CHECK: .section percpu,"aw",@progbits
// SPDX-License-Identifier: BSD-2-Clause
