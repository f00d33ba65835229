// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-linux-gnu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64
// Verify that --percpu-print-runtime (and so the link) takes the runtime of the floating-point ABI clang compiles for: from -mabi, -march, the triple (bare metal is soft-float on RISC-V) and LoongArch's -msoft-float, -mfpu and gnusf triple, combined with the register and mode; that print-config shows the ABI; and that an ABI without a runtime is percpu-cc's clear error.
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-linux-gnu -mabi=lp64 | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64-lp64
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-none-elf | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64-lp64
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-unknown-elf -march=rv64gc | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-linux-gnu -march=rv64imac_zicsr | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64-lp64
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-none-elf -mabi=lp64d -march=rv64gc | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-none-elf --percpu-reg=tp -mabi=lp64 | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64-tp-lp64
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-none-elf --percpu-single-cpu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64-single-lp64
// RUN: %percpu_cc --percpu-print-runtime --target=riscv32-linux-gnu -mabi=ilp32 | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv32-ilp32
// RUN: %percpu_cc --percpu-print-runtime --target=riscv32-none-elf --percpu-reg=tp | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv32-tp-ilp32
// RUN: %percpu_cc --percpu-print-runtime --target=riscv32-linux-gnu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv32
// RUN: %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64
// RUN: %percpu_cc --percpu-print-runtime --target=loongarch64-none-elf -mabi=lp64d | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64
// The last -mabi wins, as in clang.
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-linux-gnu -mabi=lp64 -mabi=lp64d | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64
// aarch64 and x86_64 have one runtime for every ABI.
// RUN: %percpu_cc --percpu-print-runtime --target=aarch64-none-elf -mgeneral-regs-only | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=aarch64
// RUN: %percpu_cc --percpu-print-config --target=riscv64-none-elf -c %s | FileCheck %s --check-prefix=CONFIG -DLIB=%percpu_lib
// RUN: not %percpu_cc --percpu-print-runtime --target=riscv64-linux-gnu -mabi=lp64f 2>&1 | FileCheck %s --check-prefix=NOABI
// RUN: not %percpu_cc --percpu-print-runtime --target=riscv32-linux-gnu -mabi=ilp32f 2>&1 | FileCheck %s --check-prefix=NOABI32
// A compile for an ABI without a runtime still compiles.
// RUN: %percpu_cc --target=riscv64-linux-gnu -mabi=lp64f -march=rv64gc -ffreestanding -Werror -c %s -o %t.o
// clang 16 has no lp64s (it takes -mabi=lp64s and emits lp64d), so LLVM 16
// builds no lp64s runtime and percpu-cc says so.
// RUN: %if !llvm-16 %{ %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnu -msoft-float | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64-lp64s %}
// RUN: %if !llvm-16 %{ %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnu -mabi=lp64s | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64-lp64s %}
// RUN: %if !llvm-16 %{ %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnu -mfpu=none | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64-lp64s %}
// RUN: %if !llvm-16 %{ %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnusf --percpu-single-cpu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64-single-lp64s %}
// RUN: %if !llvm-16 %{ %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnu -mabi=lp64s -mdouble-float | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64 %}
// RUN: %if llvm-16 %{ not %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnu -mabi=lp64s 2>&1 | FileCheck %s --check-prefix=NOLP64S %}
// REQUIRES: runtime-riscv64, runtime-riscv32, runtime-loongarch64, runtime-aarch64

// RT: {{^}}[[LIB]]/[[V]]/libpercpu.a{{$}}
// CONFIG: register: gp
// CONFIG-NEXT: abi: lp64{{$}}
// CONFIG-NEXT: kernel: no
// CONFIG-NEXT: runtime: [[LIB]]/riscv64-lp64/libpercpu.a
// CONFIG-NEXT: runtime exists: yes
// CONFIG: command: {{.*}}[[LIB]]/riscv64-lp64/libpercpu.a --end-no-unused-arguments{{$}}
// NOABI: percpu-cc: error: no riscv64 runtime for the lp64f floating-point ABI; percpu-llvm builds riscv64 runtimes for lp64d (the default), lp64 (-mabi=...)
// NOABI32: percpu-cc: error: no riscv32 runtime for the ilp32f floating-point ABI; percpu-llvm builds riscv32 runtimes for ilp32d (the default), ilp32 (-mabi=...)
// NOLP64S: percpu-cc: error: no loongarch64 runtime for the lp64s floating-point ABI with LLVM 16: its clang cannot build it (LLVM 17 can); percpu-llvm builds loongarch64 runtimes for lp64d (the default) (-mabi=...)

#include <percpu.h>
DEFINE_PER_CPU(int, hits);
int get(void) { return this_cpu_read(hits); }
// SPDX-License-Identifier: BSD-2-Clause
