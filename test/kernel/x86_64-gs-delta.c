// A bare-metal x86_64 kernel booted by QEMU's multiboot loader (a flat
// binary with the a.out-kludge header: QEMU refuses ELF64 multiboot images),
// switched to long mode, with the GS base in IA32_GS_BASE written by wrmsr
// (runtime x86_64-kernel, PERCPU_KERNEL, picked by --percpu-kernel). Delta
// layout with the areas reserved in the image (linker/percpu.ld +
// percpu-areas.ld), set up by percpu_init_in_place. 4 CPUs (the APs by
// INIT-SIPI-SIPI), and 1; the local APIC timer interrupts each. Every CPU
// then drops to ring 3 and comes back through int $0x80, SYSCALL, the timer
// and an NMI, with the swapgs macros of <percpu/asm.h>.
// isa-debug-exit makes QEMU exit with status * 2 + 1: 1 is a pass, 3 a FAIL.
// REQUIRES: qemu-system-x86_64, runtime-x86_64
// RUN: %percpu_cc %std_for_arrays --target=x86_64-none-elf --percpu-kernel -fuse-ld=lld -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -DNCPUS=4 -Wl,--defsym=KERNEL_NR_CPUS=4 -L%percpu_linker -Wl,-T,%S/Inputs/x86_64.ld %S/Inputs/x86_64_start.S %S/Inputs/x86_64.c %S/Inputs/smp_test.c -o %t.elf
// RUN: llvm-objdump -d %t.elf | FileCheck --check-prefix=ASM %s
// RUN: llvm-objcopy -O binary %t.elf %t.bin
// RUN: %run-kernel 1 %qemu-system-x86_64 -cpu max -smp 4 -display none -serial stdio -monitor none -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel %t.bin | FileCheck --check-prefixes=CHECK,CPU4 -DHOW=wrgsbase %s
//
// One CPU: the same kernel without application processors, on QEMU's
// default CPU, which lacks FSGSBASE: the kernel sets the user's GS base.
// RUN: %percpu_cc %std_for_arrays --target=x86_64-none-elf --percpu-kernel -fuse-ld=lld -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -DNCPUS=1 -L%percpu_linker -Wl,-T,%S/Inputs/x86_64.ld %S/Inputs/x86_64_start.S %S/Inputs/x86_64.c %S/Inputs/smp_test.c -o %t1.elf
// RUN: llvm-objcopy -O binary %t1.elf %t1.bin
// RUN: %run-kernel 1 %qemu-system-x86_64 -display none -serial stdio -monitor none -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel %t1.bin | FileCheck --check-prefixes=CHECK,CPU1 -DHOW=wrmsr %s
//
// The negative control: a SYSCALL path without its swapgs runs the kernel
// on the user's base. The per-CPU data looks right (the user's base points
// at a copy of the area), so only the counts show it: they went to the copy.
// RUN: %percpu_cc %std_for_arrays --target=x86_64-none-elf --percpu-kernel -fuse-ld=lld -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -DNCPUS=4 -DSKIP_SWAPGS_ON_SYSCALL -Wl,--defsym=KERNEL_NR_CPUS=4 -L%percpu_linker -Wl,-T,%S/Inputs/x86_64.ld %S/Inputs/x86_64_start.S %S/Inputs/x86_64.c %S/Inputs/smp_test.c -o %t.skip.elf
// RUN: llvm-objdump -d %t.skip.elf | FileCheck --check-prefix=SKIP-ASM %s
// RUN: llvm-objcopy -O binary %t.skip.elf %t.skip.bin
// RUN: %run-kernel 3 %qemu-system-x86_64 -cpu max -smp 4 -display none -serial stdio -monitor none -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel %t.skip.bin | FileCheck --check-prefix=SKIP %s
//
// The second: an NMI entry that trusts the saved CS, like an interrupt's,
// runs on the user's base when the NMI hits ring 0 with it loaded.
// RUN: %percpu_cc %std_for_arrays --target=x86_64-none-elf --percpu-kernel -fuse-ld=lld -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -DNCPUS=4 -DNAIVE_NMI_ENTRY -Wl,--defsym=KERNEL_NR_CPUS=4 -L%percpu_linker -Wl,-T,%S/Inputs/x86_64.ld %S/Inputs/x86_64_start.S %S/Inputs/x86_64.c %S/Inputs/smp_test.c -o %t.naive.elf
// RUN: llvm-objcopy -O binary %t.naive.elf %t.naive.bin
// RUN: %run-kernel 3 %qemu-system-x86_64 -cpu max -smp 4 -display none -serial stdio -monitor none -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel %t.naive.bin | FileCheck --check-prefix=NAIVE %s

// The entries (x86_64_start.S, through <percpu/asm.h>): the conditional
// swapgs around the timer, a %gs: access only after it.
// ASM-LABEL: <timer_entry>:
// ASM-NEXT: testb $0x3, 0x8(%rsp)
// ASM-NEXT: je
// ASM-NEXT: swapgs
// ASM-NOT: iretq
// ASM: incq %gs:
// ASM: cli
// ASM-NEXT: testb $0x3, 0x8(%rsp)
// ASM-NEXT: je
// ASM-NEXT: swapgs
// ASM-NEXT: iretq
// ASM-LABEL: <syscall_entry>:
// ASM-NEXT: swapgs
// ASM-NEXT: movq %rsp, %gs:
// ASM-NEXT: movq %gs:{{.*}}, %rsp
// ASM: cli
// ASM-NEXT: movq %gs:{{.*}}, %rsp
// ASM-NEXT: swapgs
// ASM-NEXT: sysretq
// ASM-LABEL: <nmi_entry>:
// ASM: movl $0xc0000101, %ecx
// ASM-NEXT: rdmsr
// ASM: cmpq
// ASM-NEXT: je
// ASM-NEXT: swapgs
// ASM: testl %ebx, %ebx
// ASM-NEXT: jne
// ASM-NEXT: swapgs
// ASM-LABEL: <x86_enter_user>:
// ASM: movq %rsp, %gs:
// ASM: cli
// ASM-NEXT: testb $0x3, 0x8(%rsp)
// ASM-NEXT: je
// ASM-NEXT: swapgs
// ASM-NEXT: iretq
// ASM-LABEL: <x86_this_cpu_ints>:
// ASM-NEXT: leaq {{.*}}(%rip), %rax
// ASM-NEXT: addq %gs:{{.*}}(%rip), %rax
// ASM-NEXT: retq
// The C accesses are single %gs: instructions; the runtime writes the MSR.
// ASM-LABEL: <timer_interrupt>:
// ASM: incq %gs:
// ASM-LABEL: <percpu_write_reg>:
// ASM: wrmsr

// SKIP-ASM-LABEL: <syscall_entry>:
// SKIP-ASM-NOT: swapgs
// SKIP-ASM: sysretq

// CPU4: x86_64: percpu kernel test, 4 CPUs
// CPU4-NEXT: areas: 4 x {{[0-9]+}} bytes
// CPU1: x86_64: percpu kernel test, 1 CPUs
// CPU1-NEXT: areas: 1 x {{[0-9]+}} bytes
// CHECK-NEXT: cpu 0: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 0: ring 3: [[L0:[1-9][0-9]*]] loops, [[L0]] int $0x80, [[L0]] syscall, {{[0-9]+}} timer, 3 NMIs (1 from ring 3, 2 swapped), user GS base by [[HOW]]
// CPU4-NEXT: cpu 1: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CPU4-NEXT: cpu 1: ring 3: [[L1:[1-9][0-9]*]] loops, [[L1]] int $0x80, [[L1]] syscall, {{[0-9]+}} timer, 3 NMIs (1 from ring 3, 2 swapped), user GS base by [[HOW]]
// CPU4-NEXT: cpu 2: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CPU4-NEXT: cpu 2: ring 3: [[L2:[1-9][0-9]*]] loops, [[L2]] int $0x80, [[L2]] syscall, {{[0-9]+}} timer, 3 NMIs (1 from ring 3, 2 swapped), user GS base by [[HOW]]
// CPU4-NEXT: cpu 3: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CPU4-NEXT: cpu 3: ring 3: [[L3:[1-9][0-9]*]] loops, [[L3]] int $0x80, [[L3]] syscall, {{[0-9]+}} timer, 3 NMIs (1 from ring 3, 2 swapped), user GS base by [[HOW]]
// CHECK-NEXT: control: raw_cpu_add lost
// CPU4-NEXT: PASS: 4 CPUs
// CPU1-NEXT: PASS: 1 CPUs
// CHECK-NOT: FAIL

// The kernel counted the syscalls through the user's base, in the decoy.
// SKIP: cpu 0: ring 3: [[S0:[1-9][0-9]*]] loops, [[S0]] int $0x80, 0 syscall,
// SKIP-NEXT: FAIL: cpu 0: ring 3: syscall count (0 vs [[S0]])
// SKIP-NEXT: FAIL: cpu 0: ring 3: counted through the user's GS base ([[S0]] vs 0)
// SKIP: FAIL: {{[0-9]+}} checks failed

// The NMI in ring 0 with the user's base counted in the decoy.
// NAIVE: cpu 0: ring 3: {{.*}} 2 NMIs (1 from ring 3, 1 swapped)
// NAIVE-NEXT: FAIL: cpu 0: ring 3: NMIs (2 vs 3)
// NAIVE-NEXT: FAIL: cpu 0: ring 3: counted through the user's GS base (1 vs 0)
// NAIVE: FAIL: {{[0-9]+}} checks failed
// SPDX-License-Identifier: BSD-2-Clause
