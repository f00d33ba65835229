// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu -ffreestanding -nostdlib -static -O2 %s %S/Inputs/qemu_rt.c -o %t
// Verify every access form and runtime error path of a freestanding riscv64 program under qemu-user, with gp (the default) as the base register and no gp relaxation.
// RUN: %run-riscv64 %t | FileCheck %s
// REQUIRES: qemu-riscv64

// CHECK: riscv64 gp: 436 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
