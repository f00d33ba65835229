// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu -ffreestanding -nostdlib -static -O2 %loongarch_no_simd %s %S/Inputs/qemu_rt.c -o %t
// Verify every access form and runtime error path of a freestanding loongarch64 program under qemu-user, with $r21 as the base register. -mno-lsx: Debian 12's qemu 7.2 has no LSX, which LLVM 22 uses even for a popcount.
// RUN: %run-loongarch64 %t | FileCheck %s
// REQUIRES: qemu-loongarch64

// CHECK: loongarch64 r21: 436 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
