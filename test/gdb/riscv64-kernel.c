// Verify that gdb attached to a 4-hart riscv64 qemu-system kernel (test/kernel, gp) shows each CPU's own copies: `thread N` picks CPU N-1, `p v` reads that hart's copy from the debug info alone, and the extension lists every CPU's, matching what the kernel printed.
// REQUIRES: qemu-system-riscv64, runtime-riscv64, gdb-multiarch
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf -march=rv64gc -mabi=lp64d -mcmodel=medany -fno-pic -ffreestanding -nostdlib -static -O2 -g -L%percpu_linker -Wl,-T,%S/../kernel/Inputs/riscv64.ld %S/../kernel/Inputs/riscv64_start.S %S/../kernel/Inputs/riscv64.c %S/../kernel/Inputs/smp_test.c -o %t
// RUN: %run-gdb --gdb %gdb-multiarch-path --commands %s %t -- %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -kernel %t | FileCheck %s

// GDB: break arch_exit
// GDB: continue
// GDB: p cpu_id
// GDB: thread 3
// GDB: p cpu_id
// GDB: p loops
// GDB: p $percpu(cpu_id)
// GDB: p $percpu(loops, 1)
// GDB: percpu loops
// GDB: percpu cpu_id
// GDB: percpu info
// GDB: kill

// CHECK: cpu 0: [[L0:[0-9]+]] increments
// CHECK: cpu 1: [[L1:[0-9]+]] increments
// CHECK: cpu 2: [[L2:[0-9]+]] increments
// CHECK: cpu 3: [[L3:[0-9]+]] increments
// CHECK: PASS: 4 CPUs
// CHECK-LABEL: --- gdb ---
// CHECK-NOT: percpu-llvm: gdb cannot read
// CHECK: hit Breakpoint 1, arch_exit
// CHECK: $1 = 0
// CHECK: Switching to thread 3
// CHECK: $2 = 2
// CHECK-NEXT: $3 = [[L2]]
// CHECK-NEXT: $4 = 2
// CHECK-NEXT: $5 = [[L1]]
// CHECK-NEXT: [0]: [[L0]]
// CHECK-NEXT: [1]: [[L1]]
// CHECK-NEXT: [2]: [[L2]]
// CHECK-NEXT: [3]: [[L3]]
// CHECK-NEXT: [0]: 0
// CHECK-NEXT: [1]: 1
// CHECK-NEXT: [2]: 2
// CHECK-NEXT: [3]: 3
// CHECK: CPU 2: offset 0x[[OFF2:[0-9a-f]+]], area
// CHECK: this CPU: $gp = 0x[[OFF2]] (CPU 2)
// CHECK-NOT: Error
// CHECK-NOT: Python Exception
// SPDX-License-Identifier: BSD-2-Clause
