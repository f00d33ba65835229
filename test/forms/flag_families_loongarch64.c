// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O0 -g -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t1
// Verify that the kernel-style per-CPU module gives each of four CPUs exactly its own results on loongarch64 under qemu-user for each family of clang flags a kernel may add (optimisation levels, debug info, full and thin LTO, code models, hardening, vector extensions).
// RUN: %run-loongarch64 %t1 | FileCheck %S/../qemu/kernel_module_loongarch64.c
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -Os -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t2
// RUN: %run-loongarch64 %t2 | FileCheck %S/../qemu/kernel_module_loongarch64.c
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O2 -mcmodel=medium -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t3
// RUN: %run-loongarch64 %t3 | FileCheck %S/../qemu/kernel_module_loongarch64.c
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O2 -flto -fuse-ld=lld -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t4
// RUN: %run-loongarch64 %t4 | FileCheck %S/../qemu/kernel_module_loongarch64.c
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O2 -flto=thin -fuse-ld=lld -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t5
// RUN: %run-loongarch64 %t5 | FileCheck %S/../qemu/kernel_module_loongarch64.c
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -nostdlib -static -O2 -fno-omit-frame-pointer -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t6
// RUN: %run-loongarch64 %t6 | FileCheck %S/../qemu/kernel_module_loongarch64.c
// REQUIRES: qemu-loongarch64
// SPDX-License-Identifier: BSD-2-Clause
