// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=RV
// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LA
// Verify that a this_cpu_read in a loop that calls out computes the variable's address (auipc/pcalau12i + addi) once, before the loop, while the base register is still read in every iteration after the call (RISC-V add of gp, LoongArch ldx indexed by $r21).
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
void external(void);

// RV-LABEL: sum:
// RV: auipc [[H:[a-z0-9]+]], %pcrel_hi(v)
// RV-NEXT: addi [[A:[a-z0-9]+]], [[H]], %pcrel_lo(
// RV: .LBB0_[[#]]:
// RV-NEXT: add [[P:[a-z0-9]+]], [[A]], gp
// RV-NEXT: ld {{[a-z0-9]+}}, 0([[P]])
// RV-NOT: auipc
// RV: call external
// RV-NOT: auipc
// RV: bnez
// LA-LABEL: sum:
// LA: pcalau12i [[H:\$[a-z0-9]+]], %pc_hi20(v)
// LA-NEXT: addi.d [[A:\$[a-z0-9]+]], [[H]], %pc_lo12(v)
// LA: .LBB0_[[#]]:
// LA-NEXT: ldx.d {{\$[a-z0-9]+}}, $r21, [[A]]
// LA-NOT: pcalau12i
// LA: {{bl|pcaddu18i}} {{.*}}external
// LA-NOT: pcalau12i
// LA: bnez
unsigned long sum(unsigned long n) {
  unsigned long s = 0;
  for (unsigned long i = 0; i < n; i++) {
    s += this_cpu_read(v);
    external();
  }
  return s;
}
// SPDX-License-Identifier: BSD-2-Clause
