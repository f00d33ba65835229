// The loongarch64 kernel of loongarch64-r21-delta.c with areas anywhere:
// kernel_main gives percpu_setup_areas one area per possible CPU, out of
// order and one below the template (smp_test.c, -DAREAS_ANYWHERE), and the
// last CPU has none until it comes up and calls percpu_setup_cpu. Every
// CPU counts into static and alloc_percpu counters under timer interrupts.
// The kernel powers off with status 0 also after a failure: the PASS line
// is what tells.
// REQUIRES: qemu-system-loongarch64, runtime-loongarch64
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -fno-pic -ffreestanding -nostdlib -static -O2 -DAREAS_ANYWHERE -L%percpu_linker -Wl,-T,%S/Inputs/loongarch64.ld %S/Inputs/loongarch64_start.S %S/Inputs/loongarch64.c %S/Inputs/smp_test.c -o %t
// RUN: %run-kernel 0 %qemu-system-loongarch64 -machine virt -smp 4 -m 1G -display none -serial stdio -monitor none -icount shift=0 -kernel %t | FileCheck %s

// A CPU's register is its area minus the template: CPU 1's area is below.
// CHECK: loongarch64: percpu kernel test, 4 CPUs
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
