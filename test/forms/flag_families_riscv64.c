// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -O0 -g -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t1
// Verify that the kernel-style per-CPU module gives each of four CPUs exactly its own results on riscv64 under qemu-user for each family of clang flags a kernel may add (optimisation levels, debug info, full and thin LTO, code models, hardening, vector extensions).
// RUN: %run-riscv64 %t1 | FileCheck %S/../qemu/kernel_module_riscv64.c
// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -Os -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t2
// RUN: %run-riscv64 %t2 | FileCheck %S/../qemu/kernel_module_riscv64.c
// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -O2 -mcmodel=medlow -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t3
// RUN: %run-riscv64 %t3 | FileCheck %S/../qemu/kernel_module_riscv64.c
// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -O2 -mcmodel=medany -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t4
// RUN: %run-riscv64 %t4 | FileCheck %S/../qemu/kernel_module_riscv64.c
// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -O3 -march=rv64gcv -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t5
// RUN: %run-riscv64 -cpu rv64,v=true,vlen=128 %t5 | FileCheck %S/../qemu/kernel_module_riscv64.c
// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -O2 -flto -fuse-ld=lld -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t6
// RUN: %run-riscv64 %t6 | FileCheck %S/../qemu/kernel_module_riscv64.c
// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -O2 -flto=thin -fuse-ld=lld -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t7
// RUN: %run-riscv64 %t7 | FileCheck %S/../qemu/kernel_module_riscv64.c
// RUN: %percpu_cc %std_for_arrays --target=riscv64-linux-gnu  -ffreestanding -nostdlib -static -O2 -fno-omit-frame-pointer -Wall -Wextra -Werror -I%inputs %S/../qemu/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/../qemu/Inputs/qemu_rt.c -o %t8
// RUN: %run-riscv64 %t8 | FileCheck %S/../qemu/kernel_module_riscv64.c
// REQUIRES: qemu-riscv64
// SPDX-License-Identifier: BSD-2-Clause
