// A bare-metal loongarch64 kernel on QEMU loongarch virt with 4 CPUs at
// PLV0 in direct address mode (-kernel: every CPU enters at the ELF entry)
// and $r21 as the per-CPU register, in the delta layout (linker/percpu.ld)
// with areas the kernel gives to percpu_init. Every CPU also runs a PLV3
// routine that clobbers $r21 and traps back (loongarch64_start.S). The
// constant timer (CSR.TCFG/TICLR) interrupts each CPU through CSR.EENTRY.
// QEMU 7.2's loongarch virt has no exit device with a status: the kernel
// powers off through the ACPI GED (exit status 0) also after a failure, so
// the PASS line is what tells; a hang ends at run-kernel's timeout.
// REQUIRES: qemu-system-loongarch64, runtime-loongarch64
// RUN: %percpu_cc %std_for_arrays --target=loongarch64-linux-gnu %loongarch_no_simd -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/loongarch64.ld %S/Inputs/loongarch64_start.S %S/Inputs/loongarch64.c %S/Inputs/smp_test.c -o %t
// RUN: llvm-objdump -d %t | FileCheck --check-prefix=ASM %s
// RUN: llvm-objdump -d --no-show-raw-insn %t | FileCheck --check-prefix=ENTRY %s
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

// Every CPU zeroes $r21 before the first per-CPU access; the exception
// entry counts into entry_traps with the <percpu.h> assembly macros. Every
// CPU also drops to PLV3, where the user's code overwrites $r21 and traps
// back (syscall, timer): the entry saves the user's $r21 and takes the
// kernel's from KS_BASE (CSR 0x31), then counts into user_traps.
// ENTRY-LABEL: <_start>:
// ENTRY-NEXT: move $r21, $zero
// ENTRY-LABEL: <trap_entry>:
// ENTRY: pcalau12i $t0,
// ENTRY-NEXT: addi.d $t0, $t0,
// ENTRY-NEXT: ldx.d $t0, $r21, $t0
// ENTRY-NEXT: addi.d $t0, $t0, 1
// ENTRY-NEXT: pcalau12i $t1,
// ENTRY-NEXT: addi.d $t1, $t1,
// ENTRY-NEXT: stx.d $t0, $r21, $t1
// ENTRY-NEXT: bl {{.*}} <trap>
// ENTRY-LABEL: <from_user>:
// ENTRY: st.d $r21, $sp, 144
// ENTRY-NEXT: csrrd $r21, 49
// ENTRY: pcalau12i $t0,
// ENTRY-NEXT: addi.d $t0, $t0,
// ENTRY-NEXT: ldx.d $t0, $r21, $t0
// ENTRY-NEXT: addi.d $t0, $t0, 1
// ENTRY-NEXT: pcalau12i $t1,
// ENTRY-NEXT: addi.d $t1, $t1,
// ENTRY-NEXT: stx.d $t0, $r21, $t1
// ENTRY: bl {{.*}} <user_trap>
// ENTRY: ld.d $r21, $sp, 144
// ENTRY-NEXT: ld.d $sp, $sp, 152
// ENTRY-NEXT: ertn

// HOOKS-LABEL: <timer_interrupt>:
// HOOKS: percpu_preempt_disable
// HOOKS: amadd{{(_db)?}}.d
// HOOKS: percpu_preempt_enable

// CHECK: loongarch64: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-NEXT: cpu 0: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 0 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 1: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 1 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 2: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 2 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 3: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 3 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
