// A bare-metal aarch64 kernel on QEMU virt with 4 CPUs at EL1 (secondaries
// started by PSCI CPU_ON through hvc) and TPIDR_EL1, in the reference
// design's layout: the template linked at 0 and loaded as area 0
// (linker/percpu-vma0.ld), set up by percpu_init_in_place. Every CPU counts
// with this_cpu_inc/this_cpu_add while its timer interrupt counts too.
// -icount lets interrupts land between any two instructions (the
// raw_cpu_add control loses updates there, between its ldr and str);
// this_cpu_add, an ldxr/stxr loop or LSE stadd, must lose none.
// REQUIRES: qemu-system-aarch64, runtime-aarch64
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -DLAYOUT_VMA0 -L%percpu_linker -Wl,-T,%S/Inputs/aarch64-vma0.ld %S/Inputs/aarch64_start.S %S/Inputs/aarch64.c %S/Inputs/smp_test.c -o %t
// RUN: llvm-readelf --sections --symbols %t | FileCheck --check-prefix=ELF %s
// RUN: %run-kernel 0 %qemu-system-aarch64 -machine virt -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -icount shift=0 -kernel %t | FileCheck %s
// Without -icount (multi-threaded TCG), and with LSE atomics (ldadd/stadd).
// RUN: %run-kernel 0 %qemu-system-aarch64 -machine virt -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -kernel %t | FileCheck %s
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf -march=armv8.1-a -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -DLAYOUT_VMA0 -L%percpu_linker -Wl,-T,%S/Inputs/aarch64-vma0.ld %S/Inputs/aarch64_start.S %S/Inputs/aarch64.c %S/Inputs/smp_test.c -o %t.lse
// RUN: %run-kernel 0 %qemu-system-aarch64 -machine virt -cpu max -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -icount shift=0 -kernel %t.lse | FileCheck %s

// ELF: percpu PROGBITS 0000000000000000
// ELF: percpu_areas NOBITS
// ELF-DAG: 0000000000000000 {{.*}} __start_percpu
// ELF-DAG: 0000000000000000 {{.*}} _percpu_load_start
// ELF-DAG: {{0*}}4008{{[0-9a-f]+}} {{.*}} _percpu_start

// In this layout a CPU's register holds its area's address.
// CHECK: aarch64 EL1: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes (template {{[0-9]+}}, align 4096) at 0x[[BASE:[0-9a-f]+]]
// CHECK-NEXT: cpu 0: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x[[BASE]]
// CHECK-NEXT: cpu 1: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x
// CHECK-NEXT: cpu 2: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x
// CHECK-NEXT: cpu 3: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
