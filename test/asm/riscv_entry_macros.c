// RUN: %percpu_cc --target=riscv64-linux-gnu -march=rv64g -c %S/Inputs/entry_macros_riscv.S -o %t.gp.o
// RUN: llvm-objdump -dr -M no-aliases --no-show-raw-insn %t.gp.o | FileCheck --check-prefixes=CHECK,GP,LD %s
// RUN: llvm-objdump -r %t.gp.o | FileCheck --check-prefix=NORELAX %s
// RUN: %percpu_cc --target=riscv64-linux-gnu -march=rv64g --percpu-reg=tp -c %S/Inputs/entry_macros_riscv.S -o %t.tp.o
// RUN: llvm-objdump -dr -M no-aliases --no-show-raw-insn %t.tp.o | FileCheck --check-prefixes=CHECK,TP,LD %s
// RUN: %percpu_cc --target=riscv32-linux-gnu -march=rv32g -c %S/Inputs/entry_macros_riscv.S -o %t.rv32.o
// RUN: llvm-objdump -dr -M no-aliases --no-show-raw-insn %t.rv32.o | FileCheck --check-prefixes=CHECK,GP,LW %s
// RUN: %percpu_cc --target=riscv64-linux-gnu -march=rv64g -DPERCPU_SINGLE_CPU -c %S/Inputs/entry_macros_riscv.S -o %t.single.o
// RUN: llvm-objdump -dr -M no-aliases --no-show-raw-insn %t.single.o | FileCheck --check-prefix=SINGLE %s
// RUN: not %percpu_cc --target=riscv64-linux-gnu -DPERCPU_REGISTER=s0 -c %S/Inputs/entry_macros_riscv.S -o %t.bad.o 2>&1 | FileCheck --check-prefix=BADREG %s
// Verify that the RISC-V <percpu.h> assembly macros (included from a .S) add the base register (gp, or tp with --percpu-reg=tp) to an auipc %pcrel_hi / %pcrel_lo address with no relaxation, load and store register-sized, and that under qemu-user they reach the same copy as the compiler's own accesses on each of four CPUs.
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -nostdlib -static -O2 %s %S/Inputs/entry_macros_riscv.S %S/../qemu/Inputs/qemu_rt.c -o %t
// RUN: %run-riscv64 %t | FileCheck --check-prefix=RUN64 %s
// RUN: %percpu_cc --target=riscv64-linux-gnu --percpu-reg=tp -ffreestanding -nostdlib -static -O2 %s %S/Inputs/entry_macros_riscv.S %S/../qemu/Inputs/qemu_rt.c -o %t.tp
// RUN: %run-riscv64 %t.tp | FileCheck --check-prefix=RUN64 %s
// RUN: %percpu_cc --target=riscv32-linux-gnu -ffreestanding -nostdlib -static -O2 %s %S/Inputs/entry_macros_riscv.S %S/../qemu/Inputs/qemu_rt.c -o %t.rv32
// RUN: %run-riscv32 %t.rv32 | FileCheck --check-prefix=RUN32 %s
// REQUIRES: qemu-riscv64, qemu-riscv32

// CHECK-LABEL: <asm_addr>:
// CHECK-NEXT: auipc a0, {{(0x)?}}0
// CHECK-NEXT: R_RISCV_PCREL_HI20 counter
// CHECK-NEXT: addi a0, a0, {{(0x)?}}0
// CHECK-NEXT: R_RISCV_PCREL_LO12_I .Lpercpu_addr
// GP-NEXT: add a0, a0, gp
// TP-NEXT: add a0, a0, tp
// CHECK-LABEL: <asm_far>:
// CHECK-NEXT: auipc a0, {{(0x)?}}0
// CHECK-NEXT: R_RISCV_PCREL_HI20 big+0x11170
// CHECK-LABEL: <asm_load>:
// CHECK-NEXT: auipc a0, {{(0x)?}}0
// CHECK-NEXT: R_RISCV_PCREL_HI20 counter
// GP-NEXT: add a0, a0, gp
// TP-NEXT: add a0, a0, tp
// LD-NEXT: ld a0, {{(0x)?}}0(a0)
// LW-NEXT: lw a0, {{(0x)?}}0(a0)
// CHECK-NEXT: R_RISCV_PCREL_LO12_I .Lpercpu_load
// CHECK-LABEL: <asm_store>:
// CHECK-NEXT: auipc t0, {{(0x)?}}0
// CHECK-NEXT: R_RISCV_PCREL_HI20 counter
// GP-NEXT: add t0, t0, gp
// TP-NEXT: add t0, t0, tp
// LD-NEXT: sd a0, {{(0x)?}}0(t0)
// LW-NEXT: sw a0, {{(0x)?}}0(t0)
// CHECK-NEXT: R_RISCV_PCREL_LO12_S .Lpercpu_store
// CHECK-LABEL: <asm_get_base>:
// GP-NEXT: addi a0, gp, {{(0x)?}}0
// TP-NEXT: addi a0, tp, {{(0x)?}}0
// CHECK-LABEL: <asm_set_base>:
// GP-NEXT: addi gp, a0, {{(0x)?}}0
// TP-NEXT: addi tp, a0, {{(0x)?}}0
// CHECK-LABEL: <asm_zero_base>:
// GP-NEXT: addi gp, zero, {{(0x)?}}0
// TP-NEXT: addi tp, zero, {{(0x)?}}0

// The linker may neither rebase the sequences on gp nor drop the add.
// NORELAX: RELOCATION RECORDS
// NORELAX-NOT: R_RISCV_RELAX

// PERCPU_SINGLE_CPU: the template itself, no base register.
// SINGLE-LABEL: <asm_addr>:
// SINGLE-NEXT: auipc a0, {{(0x)?}}0
// SINGLE-NEXT: R_RISCV_PCREL_HI20 counter
// SINGLE-NEXT: addi a0, a0, {{(0x)?}}0
// SINGLE-NEXT: R_RISCV_PCREL_LO12_I
// SINGLE-NEXT: jalr zero, {{(0x)?}}0(ra)
// SINGLE-LABEL: <asm_zero_base>:
// SINGLE-NEXT: jalr zero, {{(0x)?}}0(ra)

// BADREG: error: "percpu/asm/riscv.h: PERCPU_REGISTER must be gp or tp"

// RUN64: riscv64 asm macros: 44 checks passed
// RUN32: riscv32 asm macros: 44 checks passed
#include "Inputs/entry_macros_main.c"
// SPDX-License-Identifier: BSD-2-Clause
