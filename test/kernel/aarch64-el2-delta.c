// A bare-metal aarch64 kernel at EL2 (-machine virt,virtualization=on:
// PSCI through smc) with TPIDR_EL2 as the per-CPU register, 4 CPUs, in the
// delta layout (linker/percpu.ld): the template at its link address, the
// areas given to percpu_init by the kernel. Interrupts are routed to EL2.
// REQUIRES: qemu-system-aarch64, runtime-aarch64
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf --percpu-reg=tpidr_el2 -DKERNEL_EL=2 -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -L%percpu_linker -Wl,-T,%S/Inputs/aarch64.ld %S/Inputs/aarch64_start.S %S/Inputs/aarch64.c %S/Inputs/smp_test.c -o %t
// RUN: %run-kernel 0 %qemu-system-aarch64 -machine virt,virtualization=on -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -icount shift=0 -kernel %t | FileCheck %s

// CHECK: aarch64 EL2: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-COUNT-4: cpu {{[0-3]}}: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
