// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -O2 -S -o - %s | FileCheck %s --check-prefix=RV
// Verify that with the default base registers (RISC-V gp, AArch64 tpidr_el1), which are not the thread pointer, a unit with per-CPU data and a _Thread_local compiles: the per-CPU access adds the base register, the thread-local one the thread pointer.
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O2 -S -o - %s | FileCheck %s --check-prefix=A64
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
_Thread_local unsigned long last_hit;

// RV-LABEL: {{^}}count:
// RV-DAG: add {{[a-z0-9]+}}, {{[a-z0-9]+}}, gp
// RV-DAG: add {{[a-z0-9]+}}, {{[a-z0-9]+}}, tp, %tprel_add(last_hit)
// A64-LABEL: {{^}}count:
// A64-DAG: mrs {{x[0-9]+}}, TPIDR_EL1
// A64-DAG: mrs {{x[0-9]+}}, TPIDR_EL0
void count(unsigned long n) {
  hits += n;
  last_hit = n;
}
// SPDX-License-Identifier: BSD-2-Clause
