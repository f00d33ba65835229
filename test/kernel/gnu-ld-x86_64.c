// The x86_64 kernel (delta layout, areas reserved by percpu-areas.ld,
// percpu_init_in_place, wrmsr to IA32_GS_BASE) linked by GNU ld.
// REQUIRES: qemu-system-x86_64, gnu-ld-x86_64, runtime-x86_64
// RUN: %percpu_cc %std_for_arrays --target=x86_64-none-elf -fuse-ld=bfd -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -DNCPUS=1 -Wl,-L%percpu_linker,-T,%S/Inputs/x86_64.ld %S/Inputs/x86_64_start.S %S/Inputs/x86_64.c %S/Inputs/smp_test.c %percpu_lib/x86_64-kernel/libpercpu.a -o %t.elf
// RUN: llvm-objcopy -O binary %t.elf %t.bin
// RUN: %run-kernel 1 %qemu-system-x86_64 -display none -serial stdio -monitor none -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel %t.bin | FileCheck %s

// CHECK: x86_64: percpu kernel test, 1 CPUs
// CHECK: PASS: 1 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
