// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=RV
// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LA
// Verify that a plain read-modify-write (v++, __this_cpu_inc) computes the address and reads the base register once for its load and store (RISC-V: auipc, addi, add gp, ld, addi, sd; LoongArch: pcalau12i, addi.d, ldx, addi, stx), and that a call between the load and the store makes the store read the base again.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
void external(void);

// RV-LABEL: plain_inc:
// RV: auipc
// RV-NEXT: addi [[A:[a-z0-9]+]],
// RV-NEXT: add [[P:[a-z0-9]+]], [[A]], gp
// RV-NEXT: ld [[X:[a-z0-9]+]], 0([[P]])
// RV-NEXT: addi [[X]], [[X]], 1
// RV-NEXT: sd [[X]], 0([[P]])
// RV-NEXT: ret
// LA-LABEL: plain_inc:
// LA: pcalau12i
// LA-NEXT: addi.d [[A:\$[a-z0-9]+]],
// LA-NEXT: ldx.d [[X:\$[a-z0-9]+]], $r21, [[A]]
// LA-NEXT: addi.d [[Y:\$[a-z0-9]+]], [[X]], 1
// LA-NEXT: stx.d [[Y]], $r21, [[A]]
// LA-NEXT: ret
void plain_inc(void) { v++; }

// RV-LABEL: raw_inc:
// RV: add [[P:[a-z0-9]+]], {{[a-z0-9]+}}, gp
// RV-NEXT: ld [[X:[a-z0-9]+]], 0([[P]])
// RV-NEXT: addi [[X]], [[X]], 1
// RV-NEXT: sd [[X]], 0([[P]])
// RV-NEXT: ret
// LA-LABEL: raw_inc:
// LA-COUNT-1: pcalau12i
// LA-NOT: pcalau12i
// LA: ret
void raw_inc(void) { __this_cpu_inc(v); }

// RV-LABEL: call_between:
// RV: add {{[a-z0-9]+}}, {{[a-z0-9]+}}, gp
// RV: call external
// RV: add {{[a-z0-9]+}}, {{[a-z0-9]+}}, gp
// RV: ret
void call_between(void) {
  unsigned long x = v;
  external();
  v = x + 1;
}
// SPDX-License-Identifier: BSD-2-Clause
