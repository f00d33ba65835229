// The riscv64 kernel of riscv64-gp-delta.c with areas anywhere: kernel_main
// gives percpu_setup_areas one area per possible CPU, out of order and one
// below the template (smp_test.c, -DAREAS_ANYWHERE), and the last CPU has
// none until it comes up and calls percpu_setup_cpu. Every CPU counts into
// static and alloc_percpu counters under timer interrupts.
// REQUIRES: qemu-system-riscv64, runtime-riscv64
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf -march=rv64gc -mabi=lp64d -mcmodel=medany -fno-pic -ffreestanding -nostdlib -static -O2 -DAREAS_ANYWHERE -L%percpu_linker -Wl,-T,%S/Inputs/riscv64.ld %S/Inputs/riscv64_start.S %S/Inputs/riscv64.c %S/Inputs/smp_test.c -o %t
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -icount shift=0 -kernel %t | FileCheck %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -kernel %t | FileCheck %s
// RUN: llvm-objdump -d %t | FileCheck --check-prefixes=ASM,ASM-%backend %s

// The dynamic counters: the per-CPU pointer loaded from its global, plus
// gp, then one amoadd, as a static variable's address plus gp (LLVM 16
// names a destination register for the unused old value).
// ASM-LABEL: <timer_interrupt>:
// ASM: ld [[P:[a-z0-9]+]], {{.*}}
// ASM-NEXT: add [[A:[a-z0-9]+]], [[P]], gp
// ASM-LLVM19-NEXT: amoadd.d zero, {{[a-z0-9]+}}, ([[A]])
// ASM-LLVM16-NEXT: amoadd.d {{[a-z0-9]+}}, {{[a-z0-9]+}}, ([[A]])

// A CPU's register is its area minus the template: CPU 1's area is below.
// CHECK: riscv64: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-NEXT: cpu 0: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x{{[0-9a-f]+}}
// CHECK-NEXT: cpu 0 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 1: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0xffffffff{{[0-9a-f]+}}
// CHECK-NEXT: cpu 1 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 2: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x{{[0-9a-f]+}}
// CHECK-NEXT: cpu 2 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 3: {{[0-9]+}} increments, {{[0-9]+}} interrupts, reg 0x{{[0-9a-f]+}}
// CHECK-NEXT: cpu 3 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
