// The template guard in a kernel: the aarch64 EL2 delta kernel built with
// -DPERCPU_DEBUG_TEMPLATE. Its CPU 0 writes a per-CPU variable with
// this_cpu_write before any CPU's register is set (on purpose: the plain
// build reaches the template there, see aarch64-el2-delta.c). With the
// guard that access traps (brk #1, ESR 0xf2000001: EC 0x3c, BRK) before
// the set-up, and the kernel's exception handler fails the run.
// REQUIRES: qemu-system-aarch64, runtime-aarch64
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf --percpu-reg=tpidr_el2 -DKERNEL_EL=2 -DPERCPU_DEBUG_TEMPLATE -nostdinc -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -L%percpu_linker -Wl,-T,%S/Inputs/aarch64.ld %S/Inputs/aarch64_start.S %S/Inputs/aarch64.c %S/Inputs/smp_test.c -o %t
// RUN: %run-kernel 1 %qemu-system-aarch64 -machine virt,virtualization=on -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -icount shift=0 -kernel %t | FileCheck %s

// CHECK: aarch64 EL2: percpu kernel test, 4 CPUs
// CHECK-NEXT: FAIL: exception (ESR, ELR) 0xf2000001 0x{{[0-9a-f]+}}
// CHECK-NOT: areas:
// SPDX-License-Identifier: BSD-2-Clause
