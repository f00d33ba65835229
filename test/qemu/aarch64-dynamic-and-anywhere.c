// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 %s %S/Inputs/qemu_rt.c -o %t
// Verify on aarch64 under qemu-user (tpidr_el0) that areas set up out of order and below the template, with one CPU brought up late, and alloc_percpu/free_percpu work with every accessor, and that every bad input is an error that changes nothing.
// RUN: %run-aarch64 %t | FileCheck %s
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O0 %s %S/Inputs/qemu_rt.c -o %t0
// RUN: %run-aarch64 %t0 | FileCheck %s
// REQUIRES: qemu-aarch64

// CHECK: aarch64 dynamic: 230 checks passed
#include "Inputs/dynamic_and_anywhere.c"
// SPDX-License-Identifier: BSD-2-Clause
