// RUN: %percpu_cc --target=loongarch64-linux-gnu -c %S/Inputs/entry_macros_loongarch64.S -o %t.o
// RUN: llvm-objdump -dr --no-show-raw-insn %t.o | FileCheck %s
// RUN: %percpu_cc --target=loongarch64-linux-gnu -DPERCPU_SINGLE_CPU -c %S/Inputs/entry_macros_loongarch64.S -o %t.single.o
// RUN: llvm-objdump -dr --no-show-raw-insn %t.single.o | FileCheck --check-prefix=SINGLE %s
// RUN: not %percpu_cc --target=loongarch64-linux-gnu -DPERCPU_REGISTER=r22 -c %S/Inputs/entry_macros_loongarch64.S -o %t.bad.o 2>&1 | FileCheck --check-prefix=BADREG %s
// Verify that the LoongArch64 <percpu.h> assembly macros (included from a .S) index by $r21 in the access itself on a pcalau12i + addi.d address, and that under qemu-user they reach the same copy as the compiler's own accesses on each of four CPUs.
// RUN: %percpu_cc --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O2 %s %S/Inputs/entry_macros_loongarch64.S %S/../qemu/Inputs/qemu_rt.c -o %t
// RUN: %run-loongarch64 %t | FileCheck --check-prefix=EXEC %s
// REQUIRES: qemu-loongarch64

// CHECK-LABEL: <asm_addr>:
// CHECK-NEXT: pcalau12i $a0, 0
// CHECK-NEXT: R_LARCH_PCALA_HI20 counter
// CHECK: addi.d $a0, $a0, 0
// CHECK-NEXT: R_LARCH_PCALA_LO12 counter
// CHECK: add.d $a0, $r21, $a0
// CHECK-LABEL: <asm_far>:
// CHECK-NEXT: pcalau12i $a0, 0
// CHECK-NEXT: R_LARCH_PCALA_HI20 big+0x11170
// CHECK-LABEL: <asm_load>:
// CHECK-NEXT: pcalau12i $a0, 0
// CHECK-NEXT: R_LARCH_PCALA_HI20 counter
// CHECK: addi.d $a0, $a0, 0
// CHECK-NEXT: R_LARCH_PCALA_LO12 counter
// CHECK: ldx.d $a0, $r21, $a0
// CHECK-LABEL: <asm_store>:
// CHECK-NEXT: pcalau12i $t0, 0
// CHECK-NEXT: R_LARCH_PCALA_HI20 counter
// CHECK: addi.d $t0, $t0, 0
// CHECK-NEXT: R_LARCH_PCALA_LO12 counter
// CHECK: stx.d $a0, $r21, $t0
// CHECK-LABEL: <asm_get_base>:
// CHECK-NEXT: move $a0, $r21
// CHECK-LABEL: <asm_set_base>:
// CHECK-NEXT: move $r21, $a0
// CHECK-LABEL: <asm_zero_base>:
// CHECK-NEXT: move $r21, $zero

// PERCPU_SINGLE_CPU: the template itself, no base register.
// SINGLE-LABEL: <asm_load>:
// SINGLE-NEXT: pcalau12i $a0, 0
// SINGLE-NEXT: R_LARCH_PCALA_HI20 counter
// SINGLE: ld.d $a0, $a0, 0
// SINGLE-NEXT: R_LARCH_PCALA_LO12 counter
// SINGLE-NOT: $r21

// BADREG: error: "percpu/asm/loongarch64.h: the per-CPU register is r21"

// EXEC: loongarch64 asm macros: 44 checks passed
#include "Inputs/entry_macros_main.c"
// SPDX-License-Identifier: BSD-2-Clause
