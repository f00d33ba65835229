// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -Wall -Wextra -Werror -I%inputs %S/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/Inputs/qemu_rt.c -o %t
// RUN: %run-aarch64 %t | FileCheck %s
// RUN: %percpu_cc %std_for_arrays --target=aarch64-linux-gnu -march=armv8.1-a --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 --percpu-preempt-hooks -Wall -Wextra -Werror -I%inputs %S/Inputs/kernel_module_main.c %inputs/kernel_module.c %S/Inputs/qemu_rt.c -o %t.hooks
// RUN: %run-aarch64 %t.hooks | FileCheck %s
// REQUIRES: qemu-aarch64
// Verify that the kernel-style per-CPU module builds warning-free for aarch64 and gives each of four CPUs exactly its own results under qemu-user, with and without preemption hooks.

// CHECK: kernel module: {{[1-9][0-9]+}} checks passed
// SPDX-License-Identifier: BSD-2-Clause
