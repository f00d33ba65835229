// A bare-metal loongarch64 kernel on QEMU loongarch virt with 4 CPUs at
// PLV0 in direct address mode (-kernel: every CPU enters at the ELF entry)
// and $r21 as the per-CPU register, in the delta layout (linker/percpu.ld)
// with areas the kernel gives to percpu_init. The constant timer
// (CSR.TCFG/TICLR) interrupts each CPU through CSR.EENTRY. QEMU 7.2's
// loongarch virt has no exit device with a status: the kernel powers off
// through the ACPI GED (exit status 0) also after a failure, so the PASS
// line is what tells; a hang ends at run-kernel's timeout.
// REQUIRES: qemu-system-loongarch64, runtime-loongarch64
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/loongarch64.ld %S/Inputs/loongarch64_start.S %S/Inputs/loongarch64.c %S/Inputs/smp_test.c -o %t
// RUN: llvm-objdump -d %t | FileCheck --check-prefix=ASM %s
// RUN: %run-kernel 0 %qemu-system-loongarch64 -machine virt -smp 4 -m 1G -display none -serial stdio -monitor none -icount shift=0 -kernel %t | FileCheck %s
// RUN: %run-kernel 0 %qemu-system-loongarch64 -machine virt -smp 4 -m 1G -display none -serial stdio -monitor none -kernel %t | FileCheck %s
// With --percpu-preempt-hooks, the kernel's strong percpu_preempt_disable/
// enable replace the runtime's weak no-ops; the test checks they balance.
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu --percpu-preempt-hooks %loongarch_no_simd -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/loongarch64.ld %S/Inputs/loongarch64_start.S %S/Inputs/loongarch64.c %S/Inputs/smp_test.c -o %t.hooks
// RUN: llvm-objdump -d %t.hooks | FileCheck --check-prefix=HOOKS %s
// RUN: %run-kernel 0 %qemu-system-loongarch64 -machine virt -smp 4 -m 1G -display none -serial stdio -monitor none -icount shift=0 -kernel %t.hooks | FileCheck %s

// The interrupt handler's this_cpu_inc/add: one AM* atomic at $r21 + offset
// (amadd_db.d with LLVM 19, amadd.d with LLVM 22).
// ASM-LABEL: <timer_interrupt>:
// ASM: add.d [[A:\$[a-z0-9]+]], $r21,
// ASM: amadd{{(_db)?}}.d {{\$[a-z0-9]+}}, {{\$[a-z0-9]+}}, [[A]]

// HOOKS-LABEL: <timer_interrupt>:
// HOOKS: percpu_preempt_disable
// HOOKS: amadd{{(_db)?}}.d
// HOOKS: percpu_preempt_enable

// CHECK: loongarch64: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-COUNT-4: cpu {{[0-3]}}: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
