// RUN: %percpu_cc %std_for_arrays --target=riscv32-linux-gnu --percpu-reg=tp -ffreestanding -nostdlib -static -O0 %s %S/Inputs/qemu_rt.c -o %t
// Verify the riscv32 tp program of riscv32-tp.c at -O0, where no optimisation may combine or drop an access.
// RUN: %run-riscv32 %t | FileCheck %s
// REQUIRES: qemu-riscv32

// CHECK: riscv32 tp: 432 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
