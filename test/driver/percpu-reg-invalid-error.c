// RUN: not %percpu_cc --target=aarch64-linux-gnu --percpu-reg=gp -c %s 2>&1 | FileCheck %s --check-prefix=A64
// Verify that an unknown --percpu-reg is rejected, listing the registers valid for the target.
// RUN: not %percpu_cc --target=riscv64-linux-gnu --percpu-reg=tpidr_el1 -c %s 2>&1 | FileCheck %s --check-prefix=RV64
// RUN: not %percpu_cc --target=riscv32-linux-gnu --percpu-reg=x3 -c %s 2>&1 | FileCheck %s --check-prefix=RV32
// RUN: not %percpu_cc --target=loongarch64-linux-gnu --percpu-reg=tp -c %s 2>&1 | FileCheck %s --check-prefix=LA64

// A64:  percpu-cc: error: invalid --percpu-reg=gp for aarch64; valid: tpidr_el1 (default), tpidr_el2, tpidr_el0
// RV64: percpu-cc: error: invalid --percpu-reg=tpidr_el1 for riscv64; valid: gp (default), tp
// RV32: percpu-cc: error: invalid --percpu-reg=x3 for riscv32; valid: gp (default), tp
// LA64: percpu-cc: error: invalid --percpu-reg=tp: loongarch64 uses the reserved register r21; --percpu-reg accepts only r21
// SPDX-License-Identifier: BSD-2-Clause
