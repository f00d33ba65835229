// A bare-metal riscv64 kernel on QEMU virt with 4 harts in M-mode
// (-bios none: all harts enter at 0x80000000) and gp as the per-CPU
// register (no __global_pointer$, no gp relaxation), in the delta layout
// (linker/percpu.ld) with areas the kernel gives to percpu_init. The kernel
// at 0x80000000 needs -mcmodel=medany, so per-CPU accesses are
// auipc-relative: a template linked at 0 would be out of their reach.
// REQUIRES: qemu-system-riscv64, runtime-riscv64
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf -march=rv64gc -mabi=lp64d -mcmodel=medany -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/riscv64.ld %S/Inputs/riscv64_start.S %S/Inputs/riscv64.c %S/Inputs/smp_test.c -o %t
// RUN: llvm-nm %t | FileCheck --check-prefix=NM %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -icount shift=0 -kernel %t | FileCheck %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -kernel %t | FileCheck %s
// With --percpu-preempt-hooks, the kernel's strong percpu_preempt_disable/
// enable replace the runtime's weak no-ops; the test checks they balance.
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf --percpu-preempt-hooks -march=rv64gc -mabi=lp64d -mcmodel=medany -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/riscv64.ld %S/Inputs/riscv64_start.S %S/Inputs/riscv64.c %S/Inputs/smp_test.c -o %t.hooks
// RUN: llvm-objdump -d %t.hooks | FileCheck --check-prefix=HOOKS %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -icount shift=0 -kernel %t.hooks | FileCheck %s

// HOOKS-LABEL: <timer_interrupt>:
// HOOKS: percpu_preempt_disable
// HOOKS: amoadd.d
// HOOKS: percpu_preempt_enable

// NM-NOT: __global_pointer$

// CHECK: riscv64: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-COUNT-4: cpu {{[0-3]}}: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
