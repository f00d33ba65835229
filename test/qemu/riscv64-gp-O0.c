// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu -ffreestanding -nostdlib -static -O0 %s %S/Inputs/qemu_rt.c -o %t
// Verify the riscv64 gp program of riscv64-gp.c at -O0, where no optimisation may combine or drop an access.
// RUN: %run-riscv64 %t | FileCheck %s
// REQUIRES: qemu-riscv64

// CHECK: riscv64 gp: 436 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
