// Verify that gdb attached to the x86_64 qemu-system kernel (test/kernel, IA32_GS_BASE, one CPU) never shows the template for `p v` (gdb 13 cannot read the GS base from DWARF), and that the extension shows the CPU's copies, matching what the kernel printed.
// REQUIRES: qemu-system-x86_64, gdb-multiarch
// RUN: %percpu_cc %std_for_arrays --target=x86_64-none-elf --percpu-kernel -fuse-ld=lld -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -g -DNCPUS=1 -L%percpu_linker -Wl,-T,%S/../kernel/Inputs/x86_64.ld %S/../kernel/Inputs/x86_64_start.S %S/../kernel/Inputs/x86_64.c %S/../kernel/Inputs/smp_test.c -o %t.elf
// RUN: llvm-objcopy -O binary %t.elf %t.bin
// RUN: %run-gdb --gdb %gdb-multiarch-path --commands %s %t.elf -- %qemu-system-x86_64 -display none -serial stdio -monitor none -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel %t.bin | FileCheck %s

// The multiboot loader copies the kernel after gdb attaches: a hardware
// breakpoint survives that.
// GDB: hbreak arch_exit
// GDB: continue
// GDB: p cpu_id
// GDB: p $percpu(cpu_id)
// GDB: p $percpu(loops, 0)
// GDB: percpu loops
// GDB: percpu info
// GDB: kill

// CHECK: cpu 0: [[L0:[0-9]+]] increments
// CHECK: PASS: 1 CPUs
// CHECK-LABEL: --- gdb ---
// The extension says on loading where `p v` cannot work, and why.
// CHECK: percpu-llvm: gdb cannot read the per-CPU base register of i386:x86-64 from DWARF, {{.*}} use `p $percpu(v)`
// CHECK: Breakpoint 1, arch_exit
// CHECK: Cannot access memory at address 0x4000{{[0-9a-f]+}}
// CHECK-NEXT: $1 = 0
// CHECK-NEXT: $2 = [[L0]]
// CHECK-NEXT: [0]: [[L0]]
// CHECK: CPU 0: offset 0x[[OFF0:[0-9a-f]+]], area
// CHECK: this CPU: $gs_base = 0x[[OFF0]] (CPU 0)
// CHECK-NOT: Error
// CHECK-NOT: Python Exception
// SPDX-License-Identifier: BSD-2-Clause
