// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -nostdlib -static -O2 %s %S/Inputs/qemu_rt.c -o %t
// Verify on riscv64 under qemu-user (gp) that areas set up out of order and below the template, with one CPU brought up late, and alloc_percpu/free_percpu work with every accessor, and that every bad input is an error that changes nothing.
// RUN: %run-riscv64 %t | FileCheck %s
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -nostdlib -static -O0 %s %S/Inputs/qemu_rt.c -o %t0
// RUN: %run-riscv64 %t0 | FileCheck %s
// REQUIRES: qemu-riscv64

// CHECK: riscv64 dynamic: 230 checks passed
#include "Inputs/dynamic_and_anywhere.c"
// SPDX-License-Identifier: BSD-2-Clause
