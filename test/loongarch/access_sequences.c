// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s
// Verify that on LoongArch a per-CPU read or write is 3 instructions (pcalau12i, addi.d of %pc_lo12, then ldx/stx indexed by $r21 so the base is read by the access itself), an add one AM* atomic (4 instructions), this_cpu_ptr 3.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
DEFINE_PER_CPU(unsigned int, w);

// CHECK-LABEL: rd:
// CHECK-NEXT: pcalau12i [[T:\$[a-z0-9]+]], %pc_hi20(v)
// CHECK-NEXT: addi.d [[T]], [[T]], %pc_lo12(v)
// CHECK-NEXT: ldx.d $a0, $r21, [[T]]
// CHECK-NEXT: ret
unsigned long rd(void) { return this_cpu_read(v); }

// CHECK-LABEL: rd32:
// CHECK-NEXT: pcalau12i [[T:\$[a-z0-9]+]], %pc_hi20(w)
// CHECK-NEXT: addi.d [[T]], [[T]], %pc_lo12(w)
// CHECK-NEXT: ldx.wu $a0, $r21, [[T]]
unsigned int rd32(void) { return this_cpu_read(w); }

// CHECK-LABEL: wr:
// CHECK-NEXT: pcalau12i [[T:\$[a-z0-9]+]], %pc_hi20(v)
// CHECK-NEXT: addi.d [[T]], [[T]], %pc_lo12(v)
// CHECK-NEXT: stx.d $a0, $r21, [[T]]
// CHECK-NEXT: ret
void wr(unsigned long x) { this_cpu_write(v, x); }

// CHECK-LABEL: add:
// CHECK-NEXT: pcalau12i [[T:\$[a-z0-9]+]], %pc_hi20(v)
// CHECK-NEXT: addi.d [[T]], [[T]], %pc_lo12(v)
// CHECK-NEXT: add.d [[T]], {{.*}}$r21
// CHECK-NEXT: amadd{{(_db)?}}.d ${{[a-z0-9]+}}, $a0, [[T]]
// CHECK-NEXT: ret
void add(unsigned long x) { this_cpu_add(v, x); }

// CHECK-LABEL: ptr:
// CHECK-NEXT: pcalau12i [[T:\$[a-z0-9]+]], %pc_hi20(v)
// CHECK-NEXT: addi.d [[T]], [[T]], %pc_lo12(v)
// CHECK-NEXT: add.d $a0, {{.*}}$r21
// CHECK-NEXT: ret
unsigned long *ptr(void) { return this_cpu_ptr(&v); }
// SPDX-License-Identifier: BSD-2-Clause
