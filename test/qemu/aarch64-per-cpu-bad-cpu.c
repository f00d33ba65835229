// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=2 %s %S/Inputs/qemu_rt.c -o %t.ok
// Verify on aarch64 under qemu-user that per_cpu() of CPU 2 of 3 reads its copy, and that of CPU 3 (the count), 4, 2^31 or 2^32 - 1 faults on the clamped entry at -O2 and -O0, after per_cpu_ptr() of it was NULL.
// RUN: %run-aarch64 %t.ok | FileCheck %s --check-prefix=OK
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=3 %s %S/Inputs/qemu_rt.c -o %t.3
// RUN: not --crash %run-aarch64 %t.3 | FileCheck %s --check-prefix=BAD
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=4 %s %S/Inputs/qemu_rt.c -o %t.4
// RUN: not --crash %run-aarch64 %t.4 | FileCheck %s --check-prefix=BAD
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=0x80000000u %s %S/Inputs/qemu_rt.c -o %t.31
// RUN: not --crash %run-aarch64 %t.31 | FileCheck %s --check-prefix=BAD
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=0xffffffffu %s %S/Inputs/qemu_rt.c -o %t.32
// RUN: not --crash %run-aarch64 %t.32 | FileCheck %s --check-prefix=BAD
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O0 -DCPU=3 %s %S/Inputs/qemu_rt.c -o %t.0
// RUN: not --crash %run-aarch64 %t.0 | FileCheck %s --check-prefix=BAD
// REQUIRES: qemu-aarch64

// OK: reached
// OK-NEXT: per_cpu ok
// BAD: reached
// BAD-NOT: survived
#include "Inputs/per_cpu_bad_cpu.c"
// SPDX-License-Identifier: BSD-2-Clause
