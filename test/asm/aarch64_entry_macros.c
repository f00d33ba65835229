// RUN: %percpu_cc --target=aarch64-linux-gnu -c %S/Inputs/entry_macros_aarch64.S -o %t.el1.o
// RUN: llvm-objdump -dr --no-show-raw-insn %t.el1.o | FileCheck --check-prefixes=CHECK,EL1 %s
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el2 -c %S/Inputs/entry_macros_aarch64.S -o %t.el2.o
// RUN: llvm-objdump -dr --no-show-raw-insn %t.el2.o | FileCheck --check-prefixes=CHECK,EL2 %s
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -c %S/Inputs/entry_macros_aarch64.S -o %t.el0.o
// RUN: llvm-objdump -dr --no-show-raw-insn %t.el0.o | FileCheck --check-prefixes=CHECK,EL0 %s
// RUN: %percpu_cc --target=aarch64-linux-gnu -DPERCPU_SINGLE_CPU -c %S/Inputs/entry_macros_aarch64.S -o %t.single.o
// RUN: llvm-objdump -dr --no-show-raw-insn %t.single.o | FileCheck --check-prefix=SINGLE %s
// RUN: not %percpu_cc --target=aarch64-linux-gnu -DPERCPU_REGISTER=x18 -c %S/Inputs/entry_macros_aarch64.S -o %t.bad.o 2>&1 | FileCheck --check-prefix=BADREG %s
// Verify that the AArch64 <percpu.h> assembly macros (included from a .S) add the chosen TPIDR to an adrp + add :lo12: address, and that under qemu-user (TPIDR_EL0, the one EL0 can write) they reach the same copy as the compiler's own accesses on each of four CPUs.
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 %s %S/Inputs/entry_macros_aarch64.S %S/../qemu/Inputs/qemu_rt.c -o %t
// RUN: %run-aarch64 %t | FileCheck --check-prefix=EXEC %s
// REQUIRES: qemu-aarch64

// CHECK-LABEL: <asm_addr>:
// CHECK-NEXT: adrp x0,
// CHECK-NEXT: R_AARCH64_ADR_PREL_PG_HI21 counter
// CHECK-NEXT: add x0, x0, #0x0
// CHECK-NEXT: R_AARCH64_ADD_ABS_LO12_NC counter
// EL1-NEXT: mrs x1, TPIDR_EL1
// EL2-NEXT: mrs x1, TPIDR_EL2
// EL0-NEXT: mrs x1, TPIDR_EL0
// CHECK-NEXT: add x0, x0, x1
// CHECK-LABEL: <asm_far>:
// CHECK-NEXT: adrp x0,
// CHECK-NEXT: R_AARCH64_ADR_PREL_PG_HI21 big+0x11170
// CHECK-NEXT: add x0, x0, #0x0
// CHECK-NEXT: R_AARCH64_ADD_ABS_LO12_NC big+0x11170
// CHECK-LABEL: <asm_load>:
// CHECK-NEXT: adrp x0,
// CHECK-NEXT: R_AARCH64_ADR_PREL_PG_HI21 counter
// CHECK-NEXT: add x0, x0, #0x0
// CHECK-NEXT: R_AARCH64_ADD_ABS_LO12_NC counter
// CHECK-NEXT: mrs x1, TPIDR_EL
// CHECK-NEXT: ldr x0, [x1, x0]
// CHECK-LABEL: <asm_store>:
// CHECK-NEXT: adrp x1,
// CHECK-NEXT: R_AARCH64_ADR_PREL_PG_HI21 counter
// CHECK-NEXT: add x1, x1, #0x0
// CHECK-NEXT: R_AARCH64_ADD_ABS_LO12_NC counter
// CHECK-NEXT: mrs x2, TPIDR_EL
// CHECK-NEXT: str x0, [x2, x1]
// CHECK-LABEL: <asm_get_base>:
// EL1-NEXT: mrs x0, TPIDR_EL1
// EL2-NEXT: mrs x0, TPIDR_EL2
// EL0-NEXT: mrs x0, TPIDR_EL0
// CHECK-LABEL: <asm_set_base>:
// EL1-NEXT: msr TPIDR_EL1, x0
// EL2-NEXT: msr TPIDR_EL2, x0
// EL0-NEXT: msr TPIDR_EL0, x0
// CHECK-LABEL: <asm_zero_base>:
// EL1-NEXT: msr TPIDR_EL1, xzr
// EL2-NEXT: msr TPIDR_EL2, xzr
// EL0-NEXT: msr TPIDR_EL0, xzr

// PERCPU_SINGLE_CPU: the template itself, no base register.
// SINGLE-LABEL: <asm_load>:
// SINGLE-NEXT: adrp x0,
// SINGLE-NEXT: R_AARCH64_ADR_PREL_PG_HI21 counter
// SINGLE-NEXT: ldr x0, [x0]
// SINGLE-NEXT: R_AARCH64_LDST64_ABS_LO12_NC counter
// SINGLE-NEXT: ret
// SINGLE-NOT: TPIDR

// BADREG: error: "percpu/asm/aarch64.h: PERCPU_REGISTER must be tpidr_el1, tpidr_el2 or tpidr_el0"

// EXEC: aarch64 asm macros: 44 checks passed
#include "Inputs/entry_macros_main.c"
// SPDX-License-Identifier: BSD-2-Clause
