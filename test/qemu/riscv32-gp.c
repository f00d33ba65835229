// RUN: %percpu_cc %std_for_arrays --target=riscv32-linux-gnu -ffreestanding -nostdlib -static -O2 %s %S/Inputs/qemu_rt.c -o %t
// Verify every access form and runtime error path of a freestanding riscv32 (ILP32) program under qemu-user, with gp (the default) as the base register; 8-byte values take plain C only.
// RUN: %run-riscv32 %t | FileCheck %s
// REQUIRES: qemu-riscv32

// CHECK: riscv32 gp: 432 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
