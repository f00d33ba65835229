// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -O2 %s -o %t.el1
// Verify that a freestanding static link for every cross arch and register takes the runtime built for that register (it defines __percpu_runtime_for_<reg>), and that an object compiled for another register than the runtime's fails to link, naming the register.
// RUN: llvm-nm %t.el1 | FileCheck %s -DREG=tpidr_el1
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el2 -ffreestanding -nostdlib -static -O2 %s -o %t.el2
// RUN: llvm-nm %t.el2 | FileCheck %s -DREG=tpidr_el2
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 %s -o %t.el0
// RUN: llvm-nm %t.el0 | FileCheck %s -DREG=tpidr_el0
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -nostdlib -static -O2 %s -o %t.rv64gp
// RUN: llvm-nm %t.rv64gp | FileCheck %s -DREG=gp
// RUN: %percpu_cc --target=riscv64-linux-gnu --percpu-reg=tp -ffreestanding -nostdlib -static -O2 %s -o %t.rv64tp
// RUN: llvm-nm %t.rv64tp | FileCheck %s -DREG=tp
// RUN: %percpu_cc --target=riscv32-linux-gnu -ffreestanding -nostdlib -static -O2 %s -o %t.rv32gp
// RUN: llvm-nm %t.rv32gp | FileCheck %s -DREG=gp
// RUN: %percpu_cc --target=riscv32-linux-gnu --percpu-reg=tp -ffreestanding -nostdlib -static -O2 %s -o %t.rv32tp
// RUN: llvm-nm %t.rv32tp | FileCheck %s -DREG=tp
// lld links LoongArch from LLVM 17 on.
// RUN: %if lld-loongarch %{ %percpu_cc --target=loongarch64-linux-gnu -ffreestanding -nostdlib -static -O2 %s -o %t.la64 %}
// RUN: %if lld-loongarch %{ llvm-nm %t.la64 | FileCheck %s -DREG=r21 %}
// RUN: %percpu_cc --target=riscv64-linux-gnu --percpu-reg=tp -ffreestanding -O2 -c %s -o %t.tp.o
// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -nostdlib -static %t.tp.o -o %t.mismatch 2>&1 | FileCheck %s --check-prefix=MISMATCH
// REQUIRES: runtime-aarch64, runtime-riscv64, runtime-riscv32, runtime-loongarch64

// CHECK-NOT: __percpu_runtime_for_
// CHECK:     {{^[0-9a-f]+}} {{[A-Za-z]}} __percpu_runtime_for_[[REG]]{{$}}
// CHECK-NOT: __percpu_runtime_for_

// MISMATCH: undefined symbol: __percpu_runtime_for_tp

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

/* Never run: the entry point a static link without a C library wants. */
void _start(void) {
  this_cpu_inc(hits);
  for (;;)
    ;
}
// SPDX-License-Identifier: BSD-2-Clause
