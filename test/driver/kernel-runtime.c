// RUN: %percpu_cc --percpu-print-runtime --target=x86_64-none-elf --percpu-kernel | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=x86_64-kernel
// Verify that --percpu-kernel selects the x86_64 kernel runtime (ring 0: wrmsr to IA32_GS_BASE) for print-runtime, print-config and the link, that on the other arches it keeps their one runtime (which serves kernels), and that it cannot combine with x86_64's single-CPU mode.
// RUN: %percpu_cc --percpu-print-runtime --target=x86_64-linux-gnu --percpu-kernel --percpu-preempt-hooks | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=x86_64-kernel
// RUN: %percpu_cc --percpu-print-config --target=x86_64-none-elf --percpu-kernel -c %s | FileCheck %s --check-prefix=CONFIG -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config --target=x86_64-none-elf -c %s | FileCheck %s --check-prefix=USER -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-runtime --target=aarch64-none-elf --percpu-kernel | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=aarch64
// RUN: %percpu_cc --percpu-print-runtime --target=aarch64-none-elf --percpu-kernel --percpu-reg=tpidr_el2 | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=aarch64-tpidr_el2
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-none-elf --percpu-kernel | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64-lp64
// RUN: %percpu_cc --percpu-print-config --target=riscv64-none-elf --percpu-kernel -c %s | FileCheck %s --check-prefix=OTHER
// RUN: not %percpu_cc --percpu-print-runtime --target=x86_64-none-elf --percpu-kernel --percpu-single-cpu 2>&1 | FileCheck %s --check-prefix=SINGLE
// The link takes it: a freestanding kernel image with the runtime's ring-0
// percpu_init_reg (wrmsr).
// RUN: %percpu_cc --target=x86_64-none-elf --percpu-kernel -ffreestanding -nostdlib -static -fno-pic -mno-red-zone -mgeneral-regs-only -O2 -fuse-ld=lld -Wl,-e,kmain %s -o %t.elf
// RUN: llvm-objdump -d %t.elf | FileCheck %s --check-prefix=WRMSR
// REQUIRES: runtime-x86_64, runtime-aarch64, runtime-riscv64

// RT: {{^}}[[LIB]]/[[V]]/libpercpu.a{{$}}
// CONFIG: kernel: yes{{$}}
// CONFIG-NEXT: runtime: [[LIB]]/x86_64-kernel/libpercpu.a
// CONFIG: command: {{.*}} [[LIB]]/x86_64-kernel/libpercpu.a --end-no-unused-arguments{{$}}
// USER: kernel: no
// USER-NEXT: runtime: [[LIB]]/x86_64/libpercpu.a
// OTHER: kernel: yes (the arch's one runtime)
// SINGLE: percpu-cc: error: --percpu-kernel and --percpu-single-cpu: there is no single-CPU x86_64 kernel runtime
// WRMSR-LABEL: <percpu_init_reg>:
// WRMSR: wrmsr

#include <percpu.h>

DEFINE_PER_CPU(long, ticks);
static char areas[4096] __attribute__((aligned(4096)));

void *memcpy(void *d, const void *s, __SIZE_TYPE__ n)
{
	char *dp = d;
	const char *sp = s;
	while (n--)
		*dp++ = *sp++;
	return d;
}

void *memset(void *d, int c, __SIZE_TYPE__ n)
{
	char *dp = d;
	while (n--)
		*dp++ = (char)c;
	return d;
}

void kmain(void)
{
	if (percpu_init_buffer(areas, sizeof areas, 1) == 1 && percpu_init_reg(0) == 0)
		this_cpu_inc(ticks);
	for (;;)
		__asm__ volatile("hlt");
}
// SPDX-License-Identifier: BSD-2-Clause
