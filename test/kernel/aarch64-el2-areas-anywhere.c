// The aarch64 EL2 kernel of aarch64-el2-delta.c (TPIDR_EL2) with areas
// anywhere: kernel_main gives percpu_setup_areas one area per possible CPU,
// out of order and one below the template (smp_test.c, -DAREAS_ANYWHERE),
// and the last CPU has none until it comes up and calls percpu_setup_cpu.
// Every CPU counts into static and alloc_percpu counters under timer
// interrupts.
// REQUIRES: qemu-system-aarch64, runtime-aarch64
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf --percpu-reg=tpidr_el2 -DKERNEL_EL=2 -DAREAS_ANYWHERE -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -L%percpu_linker -Wl,-T,%S/Inputs/aarch64.ld %S/Inputs/aarch64_start.S %S/Inputs/aarch64.c %S/Inputs/smp_test.c -o %t
// RUN: %run-kernel 0 %qemu-system-aarch64 -machine virt,virtualization=on -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -icount shift=0 -kernel %t | FileCheck %s

// CHECK: aarch64 EL2: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-NEXT: cpu 0: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x{{[0-9a-f]+}}
// CHECK-NEXT: cpu 1: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0xffffffff{{[0-9a-f]+}}
// CHECK-NEXT: cpu 2: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x{{[0-9a-f]+}}
// CHECK-NEXT: cpu 3: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x{{[0-9a-f]+}}
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
