// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fPIE -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)|^\.Lpcrel' | FileCheck %s
// Verify that on RISC-V per_cpu(v, cpu) at -O2 is Linux's two loads plus the count's load and one unsigned branch to a trap after the return (12 instructions with it), the CPU used sign-extended as it comes (no zero-extension), and the table reached auipc + %pcrel_lo (hidden, no GOT).
// SPDX-License-Identifier: BSD-2-Clause
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

// CHECK-LABEL: remote:
// CHECK-NEXT: auipc [[L:[a-z0-9]+]], %pcrel_hi(__percpu_remote_layout)
// CHECK-NEXT: ld [[T:[a-z0-9]+]], %pcrel_lo({{.*}})([[L]])
// CHECK-NEXT: lw [[N:[a-z0-9]+]], -4([[T]])
// CHECK-NEXT: bgeu a0, [[N]], [[BAD:.LBB[0-9_]+]]
// CHECK-NEXT: slli
// CHECK-NEXT: add
// CHECK-NEXT: ld
// CHECK-NEXT: auipc {{.*}}, %pcrel_hi(v)
// CHECK-NEXT: addi
// CHECK-NEXT: add
// CHECK-NEXT: ld a0, 0(
// CHECK-NEXT: ret
// CHECK-NEXT: [[BAD]]:
// CHECK-NEXT: unimp
unsigned long remote(unsigned cpu) { return per_cpu(v, cpu); }
