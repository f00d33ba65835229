// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O0 %s %S/Inputs/qemu_rt.c -o %t
// Verify the aarch64 TPIDR_EL0 program of aarch64-tpidr_el0.c at -O0, where no optimisation may combine or drop an access.
// RUN: %run-aarch64 %t | FileCheck %s
// REQUIRES: qemu-aarch64

// CHECK: aarch64 tpidr_el0: 441 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
