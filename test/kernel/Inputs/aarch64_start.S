/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 start-up for QEMU virt: CPU 0 enters at _start (EL1, or EL2
 * with -machine virtualization=on and -DKERNEL_EL=2), the others at
 * secondary_start through PSCI CPU_ON with their index in x0. The code
 * zeroes the per-CPU register (TPIDR_EL1/EL2: not 0 at reset on real
 * hardware), so that accesses before percpu_init_reg reach the template,
 * sets up the stack, the vectors and FP/SIMD access, and then leaves the
 * register to the runtime. The exception entry counts every exception in
 * this CPU's entry_traps with the <percpu.h> assembly macros: no switch of
 * the register is needed, since EL0 cannot write TPIDR_EL1/EL2.
 */
#include <percpu.h>

#ifndef KERNEL_EL
#define KERNEL_EL 1
#endif
#if KERNEL_EL == 2
#define VBAR vbar_el2
#define ELR elr_el2
#define SPSR spsr_el2
#else
#define VBAR vbar_el1
#define ELR elr_el1
#define SPSR spsr_el1
#endif
#define STACK_BYTES 16384

	.section .text.boot, "ax"
	.globl _start
_start:
	mov	x0, #0
	b	common_start

	.globl secondary_start
secondary_start:
	/* x0: the CPU index, PSCI CPU_ON's context id */
common_start:
	percpu_zero_base
#if KERNEL_EL == 2
	msr	cptr_el2, xzr		/* no FP/SIMD traps */
	mov	x1, #(1 << 4) | (1 << 3)	/* IMO, FMO: IRQs to EL2 */
	orr	x1, x1, #(1 << 31)		/* RW: EL1 is AArch64 */
	msr	hcr_el2, x1
#else
	mov	x1, #(3 << 20)		/* CPACR_EL1.FPEN: no FP/SIMD traps */
	msr	cpacr_el1, x1
#endif
	adrp	x1, vectors
	add	x1, x1, :lo12:vectors
	msr	VBAR, x1
	isb
	adrp	x1, stacks
	add	x1, x1, :lo12:stacks
	add	x2, x0, #1
	mov	x3, #STACK_BYTES
	madd	x1, x2, x3, x1
	mov	sp, x1
	cbnz	x0, 1f
	bl	kernel_main
1:	bl	secondary_main
2:	wfi
	b	2b

/*
 * Each vector saves x0/x1, loads its kind (0 sync, 1 irq, 2 fiq, 3 serror)
 * and joins the common path, which saves the other caller-saved registers
 * around the C handler. The kernel is built with -mgeneral-regs-only, so
 * no FP/SIMD state needs saving.
 */
.macro ENTRY kind
	.balign	0x80
	sub	sp, sp, #192
	stp	x0, x1, [sp, #0]
	mov	x0, #\kind
	b	exception_common
.endm

	.balign	2048
vectors:
	/* current EL, SP_EL0 / SP_ELx, lower EL 64 / 32: sync irq fiq serror */
	.irp k, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3
	ENTRY \k
	.endr

exception_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x29, [sp, #144]
	mrs	x1, ELR
	stp	x30, x1, [sp, #160]
	mrs	x1, SPSR
	str	x1, [sp, #176]
	percpu_load x2, entry_traps, x3
	add	x2, x2, #1
	percpu_store x2, entry_traps, x3, x4
	bl	exception
	ldr	x1, [sp, #176]
	msr	SPSR, x1
	ldp	x30, x1, [sp, #160]
	msr	ELR, x1
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x29, [sp, #144]
	add	sp, sp, #192
	eret
