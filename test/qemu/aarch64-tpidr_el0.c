// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 %s %S/Inputs/qemu_rt.c -o %t
// Verify every access form and runtime error path of a freestanding aarch64 program under qemu-user, with TPIDR_EL0 as the base register (TPIDR_EL1/EL2 trap at EL0).
// RUN: %run-aarch64 %t | FileCheck %s
// With LSE (ARMv8.1), the read-modify-writes are single ldadd/swp/cas instructions.
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -march=armv8.1-a -ffreestanding -nostdlib -static -O2 %s %S/Inputs/qemu_rt.c -o %t.lse
// RUN: %run-aarch64 %t.lse | FileCheck %s
// REQUIRES: qemu-aarch64

// CHECK: aarch64 tpidr_el0: 441 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
