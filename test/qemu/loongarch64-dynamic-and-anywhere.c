// RUN: %percpu_cc --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O2 %s %S/Inputs/qemu_rt.c -o %t
// Verify on loongarch64 under qemu-user (r21) that areas set up out of order and below the template, with one CPU brought up late, and alloc_percpu/free_percpu work with every accessor, and that every bad input is an error that changes nothing.
// RUN: %run-loongarch64 %t | FileCheck %s
// RUN: %percpu_cc --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O0 %s %S/Inputs/qemu_rt.c -o %t0
// RUN: %run-loongarch64 %t0 | FileCheck %s
// REQUIRES: qemu-loongarch64

// CHECK: loongarch64 dynamic: 230 checks passed
#include "Inputs/dynamic_and_anywhere.c"
// SPDX-License-Identifier: BSD-2-Clause
