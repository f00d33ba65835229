// A bare-metal x86_64 kernel booted by QEMU's multiboot loader (a flat
// binary with the a.out-kludge header: QEMU refuses ELF64 multiboot images),
// switched to long mode, with the GS base in IA32_GS_BASE written by wrmsr
// (runtime lib/x86_64-kernel, PERCPU_KERNEL). Delta layout with the areas
// reserved in the image (linker/percpu.ld + percpu-areas.ld), set up by
// percpu_init_in_place. One CPU; the local APIC timer interrupts it.
// isa-debug-exit makes QEMU exit with status * 2 + 1: 1 is a pass.
// REQUIRES: qemu-system-x86_64, runtime-x86_64
// RUN: %percpu_cc %std_for_arrays --target=x86_64-none-elf -fuse-ld=lld -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -DNCPUS=1 -L%percpu_linker -Wl,-T,%S/Inputs/x86_64.ld %S/Inputs/x86_64_start.S %S/Inputs/x86_64.c %S/Inputs/smp_test.c %percpu_lib/x86_64-kernel/libpercpu.a -o %t.elf
// RUN: llvm-objdump -d %t.elf | FileCheck --check-prefix=ASM %s
// RUN: llvm-objcopy -O binary %t.elf %t.bin
// RUN: %run-kernel 1 %qemu-system-x86_64 -display none -serial stdio -monitor none -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel %t.bin | FileCheck %s

// The runtime writes the MSR; the accesses are single %gs: instructions.
// ASM-LABEL: <timer_interrupt>:
// ASM: incq %gs:
// ASM-LABEL: <percpu_write_reg>:
// ASM: wrmsr

// CHECK: x86_64: percpu kernel test, 1 CPUs
// CHECK-NEXT: areas: 1 x {{[0-9]+}} bytes
// CHECK-NEXT: cpu 0: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 1 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
