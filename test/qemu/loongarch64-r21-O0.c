// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu -ffreestanding -nostdlib -static -O0 %loongarch_no_simd %s %S/Inputs/qemu_rt.c -o %t
// Verify the loongarch64 program of loongarch64-r21.c at -O0, where no optimisation may combine or drop an access.
// RUN: %run-loongarch64 %t | FileCheck %s
// REQUIRES: qemu-loongarch64

// CHECK: loongarch64 r21: 436 checks passed
#include "Inputs/every_access_form.c"
// SPDX-License-Identifier: BSD-2-Clause
