// Verify that gdb attached to the 4-CPU aarch64 qemu-system kernels (test/kernel: EL1 with TPIDR_EL1 in the VMA-0 layout, EL2 with TPIDR_EL2 in the delta layout) never shows the template for `p v` (gdb 13 cannot read TPIDR_ELx from DWARF), and that the extension shows each CPU's own copies, with `thread N` picking CPU N-1, matching what the kernel printed.
// REQUIRES: qemu-system-aarch64, runtime-aarch64, gdb-multiarch
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -g -DLAYOUT_VMA0 -L%percpu_linker -Wl,-T,%S/../kernel/Inputs/aarch64-vma0.ld %S/../kernel/Inputs/aarch64_start.S %S/../kernel/Inputs/aarch64.c %S/../kernel/Inputs/smp_test.c -o %t.el1
// RUN: %run-gdb --gdb %gdb-multiarch-path --commands %s %t.el1 -- %qemu-system-aarch64 -machine virt -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -kernel %t.el1 | FileCheck -DREG=TPIDR_EL1 %s
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf --percpu-reg=tpidr_el2 -DKERNEL_EL=2 -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -g -L%percpu_linker -Wl,-T,%S/../kernel/Inputs/aarch64.ld %S/../kernel/Inputs/aarch64_start.S %S/../kernel/Inputs/aarch64.c %S/../kernel/Inputs/smp_test.c -o %t.el2
// RUN: %run-gdb --gdb %gdb-multiarch-path --commands %s %t.el2 -- %qemu-system-aarch64 -machine virt,virtualization=on -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -kernel %t.el2 | FileCheck -DREG=TPIDR_EL2 %s

// GDB: break arch_exit
// GDB: continue
// GDB: p cpu_id
// GDB: thread 3
// GDB: p $percpu(cpu_id)
// GDB: p $percpu(loops)
// GDB: p $percpu(loops, 1)
// GDB: percpu loops
// GDB: percpu cpu_id
// GDB: percpu info
// GDB: kill

// CHECK: cpu 0: [[L0:[0-9]+]] increments
// CHECK-NEXT: cpu 1: [[L1:[0-9]+]] increments
// CHECK-NEXT: cpu 2: [[L2:[0-9]+]] increments
// CHECK-NEXT: cpu 3: [[L3:[0-9]+]] increments
// CHECK: PASS: 4 CPUs
// CHECK-LABEL: --- gdb ---
// The extension says on loading where `p v` cannot work, and why.
// CHECK: percpu-llvm: gdb cannot read the per-CPU base register of aarch64 from DWARF, {{.*}} use `p $percpu(v)`
// CHECK: hit Breakpoint 1, arch_exit
// CHECK: Cannot access memory at address 0x80{{[0-9a-f]+}}
// CHECK: Switching to thread 3
// CHECK: $1 = 2
// CHECK-NEXT: $2 = [[L2]]
// CHECK-NEXT: $3 = [[L1]]
// CHECK-NEXT: [0]: [[L0]]
// CHECK-NEXT: [1]: [[L1]]
// CHECK-NEXT: [2]: [[L2]]
// CHECK-NEXT: [3]: [[L3]]
// CHECK-NEXT: [0]: 0
// CHECK-NEXT: [1]: 1
// CHECK-NEXT: [2]: 2
// CHECK-NEXT: [3]: 3
// CHECK: CPU 2: offset 0x[[OFF2:[0-9a-f]+]], area
// CHECK: this CPU: $[[REG]] = 0x[[OFF2]] (CPU 2)
// CHECK-NOT: Error
// CHECK-NOT: Python Exception
// SPDX-License-Identifier: BSD-2-Clause
