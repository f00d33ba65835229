/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V start-up for QEMU virt with -bios none: every hart enters at
 * 0x80000000 in M-mode. Each takes its stack from its hart ID; hart 0 goes
 * to kernel_main, the others wait until arch_start_cpus releases them.
 * Nothing here sets gp (no __global_pointer$): it is the per-CPU register.
 * The trap entry saves the caller-saved registers and leaves gp and tp
 * alone, so a handler reaches the interrupted hart's per-CPU data.
 */
#define STACK_BYTES 16384

	.section .text.boot, "ax"
	.globl _start
_start:
	csrr	a0, mhartid
	la	sp, stacks
	addi	t0, a0, 1
	li	t1, STACK_BYTES
	mul	t0, t0, t1
	add	sp, sp, t0
	la	t0, trap_entry
	csrw	mtvec, t0
	bnez	a0, 1f
	call	kernel_main
1:	la	t0, cpus_released
2:	lw	t1, 0(t0)
	beqz	t1, 2b
	fence	r, rw
	call	secondary_main
3:	wfi
	j	3b

	.balign	4
trap_entry:
	addi	sp, sp, -128
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	a0, 32(sp)
	sd	a1, 40(sp)
	sd	a2, 48(sp)
	sd	a3, 56(sp)
	sd	a4, 64(sp)
	sd	a5, 72(sp)
	sd	a6, 80(sp)
	sd	a7, 88(sp)
	sd	t3, 96(sp)
	sd	t4, 104(sp)
	sd	t5, 112(sp)
	sd	t6, 120(sp)
	call	trap
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	a0, 32(sp)
	ld	a1, 40(sp)
	ld	a2, 48(sp)
	ld	a3, 56(sp)
	ld	a4, 64(sp)
	ld	a5, 72(sp)
	ld	a6, 80(sp)
	ld	a7, 88(sp)
	ld	t3, 96(sp)
	ld	t4, 104(sp)
	ld	t5, 112(sp)
	ld	t6, 120(sp)
	addi	sp, sp, 128
	mret
