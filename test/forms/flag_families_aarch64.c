// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O0 -g -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t1
// Verify that the kernel-style per-CPU module gives each of four CPUs exactly its own results on aarch64 under qemu-user for each family of clang flags a kernel may add (optimisation levels, debug info, full and thin LTO, code models, hardening, vector extensions).
// RUN: %run-aarch64 %t1 | FileCheck %S/../qemu/kernel_module_aarch64.c
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -Oz -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t2
// RUN: %run-aarch64 %t2 | FileCheck %S/../qemu/kernel_module_aarch64.c
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -fno-pic -mcmodel=large -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t3
// RUN: %run-aarch64 %t3 | FileCheck %S/../qemu/kernel_module_aarch64.c
// RUN: %if lld-aarch64-got-ld-prel19 %{ %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -mcmodel=tiny -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t4 %}
// RUN: %if lld-aarch64-got-ld-prel19 %{ %run-aarch64 %t4 | FileCheck %S/../qemu/kernel_module_aarch64.c %}
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -mgeneral-regs-only -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t5
// RUN: %run-aarch64 %t5 | FileCheck %S/../qemu/kernel_module_aarch64.c
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O3 -march=armv8.2-a+sve -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t6
// RUN: %run-aarch64 %t6 | FileCheck %S/../qemu/kernel_module_aarch64.c
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -flto -fuse-ld=lld -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t7
// RUN: %run-aarch64 %t7 | FileCheck %S/../qemu/kernel_module_aarch64.c
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -flto=thin -fuse-ld=lld -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t8
// RUN: %run-aarch64 %t8 | FileCheck %S/../qemu/kernel_module_aarch64.c
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -mbranch-protection=standard -fno-omit-frame-pointer -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t9
// RUN: %run-aarch64 %t9 | FileCheck %S/../qemu/kernel_module_aarch64.c
// REQUIRES: qemu-aarch64
// SPDX-License-Identifier: BSD-2-Clause
