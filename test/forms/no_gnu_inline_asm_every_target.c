// RUN: %percpu_cc %s --target=aarch64-linux-gnu -ffreestanding -O2 -fno-gnu-inline-asm -DPERCPU_MAX_CPUS=64 -c -o %t.a64.64.o
// Verify that <percpu.h> compiles under -fno-gnu-inline-asm on every target (clang rejects asm statements with text there), that AArch64 units then still fail to link with a runtime of another PERCPU_MAX_CPUS and link with their own, and that LoongArch's per_cpu then checks the CPU with a branch to a trap instead of asrtgt.
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static %t.a64.64.o -o %t.a64.64 2>&1 | FileCheck %s --check-prefix=MISMATCH
// RUN: %percpu_cc %s --target=aarch64-linux-gnu -ffreestanding -O2 -fno-gnu-inline-asm -ffunction-sections -fdata-sections -DPERCPU_MAX_CPUS=64 -c -o %t.a64.64.sections.o
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -Wl,--gc-sections %t.a64.64.sections.o -o %t.a64.64.gc 2>&1 | FileCheck %s --check-prefix=MISMATCH
// RUN: %percpu_cc %s --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -O2 -fno-gnu-inline-asm -Wl,--gc-sections -o %t.a64
// RUN: %percpu_cc %s --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -O2 -flto -fno-gnu-inline-asm -Wl,--gc-sections -o %t.a64.lto
// RUN: %percpu_cc %s --target=loongarch64-linux-gnu -ffreestanding -O2 -fno-gnu-inline-asm -S -o - | FileCheck %s --check-prefix=LA
// RUN: %percpu_cc %s --target=x86_64-linux-gnu -ffreestanding -O2 -fno-gnu-inline-asm -c -o /dev/null
// RUN: %percpu_cc %s --target=riscv64-linux-gnu -ffreestanding -O2 -fno-gnu-inline-asm -c -o /dev/null
// RUN: %percpu_cc %s --target=riscv32-linux-gnu -ffreestanding -O2 -fno-gnu-inline-asm -c -o /dev/null
// REQUIRES: runtime-aarch64

// MISMATCH: undefined symbol: __percpu_max_cpus_64
// LA-LABEL: _start:
// LA-NOT:   asrtgt
// LA:       {{bgeu|bltu}} $a{{[0-9]+}},
// LA-NOT:   asrtgt

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

/* Never run: the entry point a static link without a C library wants. */
void _start(unsigned cpu) {
  per_cpu(hits, cpu)++;
  for (;;)
    ;
}
// SPDX-License-Identifier: BSD-2-Clause
