// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --implicit-check-not=_db
// Verify that on LoongArch the this_cpu_* read-modify-writes on 4 and 8 bytes are the AMOs without _db (no barrier: only this CPU touches the data), on every LLVM version (LLVM 16 and 19 select amadd_db.d for a relaxed atomicrmw), with $zero as the destination when the old value is unused, and that the base is still added in the loop.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
DEFINE_PER_CPU(unsigned int, w);

// CHECK-LABEL: add:
// CHECK: add.d [[P:\$[a-z0-9]+]], $r21,
// CHECK-NEXT: amadd.d $zero, $a0, [[P]]
// CHECK-NEXT: ret
void add(unsigned long x) { this_cpu_add(v, x); }

// CHECK-LABEL: sub_w:
// CHECK: sub.{{[wd]}} [[N:\$[a-z0-9]+]], $zero, $a0
// CHECK: amadd.w $zero, [[N]], {{\$[a-z0-9]+}}
void sub_w(unsigned int x) { this_cpu_sub(w, x); }

// CHECK-LABEL: or_and:
// CHECK: amor.d $zero,
// CHECK: amand.d $zero,
void or_and(unsigned long x) {
  this_cpu_or(v, x);
  this_cpu_and(v, x);
}

// The old value: a destination register of its own.
// CHECK-LABEL: add_return:
// CHECK: amadd.d [[OLD:\$[a-z0-9]+]], $a0, [[P:\$[a-z0-9]+]]
// CHECK: add.d $a0, [[OLD]], $a0
unsigned long add_return(unsigned long x) { return this_cpu_add_return(v, x); }

// CHECK-LABEL: xchg:
// CHECK: amswap.d [[OLD:\$[a-z0-9]+]], $a0, {{\$[a-z0-9]+}}
unsigned long xchg(unsigned long x) { return this_cpu_xchg(v, x); }
// SPDX-License-Identifier: BSD-2-Clause
