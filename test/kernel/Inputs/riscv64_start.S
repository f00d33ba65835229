/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V start-up for QEMU virt with -bios none: every hart enters at
 * 0x80000000 in M-mode. Each zeroes its per-CPU register (gp: no
 * __global_pointer$; not 0 at reset on real hardware), opens all memory
 * to U-mode (PMP) and takes its stack from its hart ID; hart 0 goes to
 * kernel_main, the others wait until arch_start_cpus releases them.
 *
 * Trap entry (docs/kernel.md, "Entry and exit code"): mscratch is 0 in
 * the kernel and this CPU's copy of entry_area in U-mode.
 *  - From the kernel: gp is this CPU's, and stays untouched; the exit
 *    restores no gp, since a handler that rescheduled would bring back
 *    another CPU's.
 *  - From U-mode: gp is the user's. The kernel's gp and stack come from
 *    entry_area; the user's gp and sp go into the trap frame. The entry
 *    counts the trap in user_traps through the <percpu.h> macros, and the
 *    exit recomputes mscratch on the CPU it is on.
 */
#include <percpu.h>

#include "user_mode.h"

#define STACK_BYTES 16384
/* entry_area, struct entry_area in riscv64.c */
#define EA_KERNEL_SP 0
#define EA_KERNEL_GP 8
#define EA_USER_SP 16
/* The user-mode trap frame: ra, t0-t6, a0-a7 (as the C handler sees them,
 * struct user_frame in riscv64.c), then gp and sp. */
#define UF_RA 0
#define UF_T0 8
#define UF_T1 16
#define UF_T2 24
#define UF_T3 32
#define UF_T4 40
#define UF_T5 48
#define UF_T6 56
#define UF_A0 64
#define UF_A7 120
#define UF_GP 128
#define UF_SP 136
#define UF_BYTES 144
#define MSTATUS_MIE (1 << 3)
#define MSTATUS_MPIE (1 << 7)
#define MSTATUS_MPP (3 << 11)

	.section .text.boot, "ax"
	.globl _start
_start:
	percpu_zero_base
	li	t0, -1
	csrw	pmpaddr0, t0
	li	t0, 0x1f		/* NAPOT, RWX: all memory */
	csrw	pmpcfg0, t0
	csrw	mscratch, zero		/* in the kernel */
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

	.text
	.balign	4
trap_entry:
	csrrw	t0, mscratch, t0	/* U-mode: t0 = &entry_area, mscratch = t0 */
	bnez	t0, from_user
	csrrw	t0, mscratch, zero	/* the kernel: t0 back, mscratch 0 */
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

from_user:
	/* t0 = this CPU's entry_area; gp, sp and the rest are the user's. */
	sd	sp, EA_USER_SP(t0)
	ld	sp, EA_KERNEL_SP(t0)
	addi	sp, sp, -UF_BYTES
	sd	gp, UF_GP(sp)
	ld	gp, EA_KERNEL_GP(t0)	/* the kernel's base, from the slot */
	sd	t1, UF_T1(sp)
	ld	t1, EA_USER_SP(t0)
	sd	t1, UF_SP(sp)
	csrrw	t1, mscratch, zero	/* the user's t0; now in the kernel */
	sd	t1, UF_T0(sp)
	sd	ra, UF_RA(sp)
	sd	t2, UF_T2(sp)
	sd	t3, UF_T3(sp)
	sd	t4, UF_T4(sp)
	sd	t5, UF_T5(sp)
	sd	t6, UF_T6(sp)
	sd	a0, UF_A0(sp)
	sd	a1, UF_A0+8(sp)
	sd	a2, UF_A0+16(sp)
	sd	a3, UF_A0+24(sp)
	sd	a4, UF_A0+32(sp)
	sd	a5, UF_A0+40(sp)
	sd	a6, UF_A0+48(sp)
	sd	a7, UF_A7(sp)
	/* This CPU's copy, with the base just recovered. */
	percpu_load t1, user_traps
	addi	t1, t1, 1
	percpu_store t1, user_traps, t2
	mv	a0, sp
	call	user_trap
	/* Back to U-mode, from whichever CPU this is now. */
	percpu_addr t0, entry_area
	addi	t1, sp, UF_BYTES
	sd	t1, EA_KERNEL_SP(t0)
	sd	gp, EA_KERNEL_GP(t0)
	csrw	mscratch, t0
	ld	ra, UF_RA(sp)
	ld	t0, UF_T0(sp)
	ld	t1, UF_T1(sp)
	ld	t2, UF_T2(sp)
	ld	t3, UF_T3(sp)
	ld	t4, UF_T4(sp)
	ld	t5, UF_T5(sp)
	ld	t6, UF_T6(sp)
	ld	a0, UF_A0(sp)
	ld	a1, UF_A0+8(sp)
	ld	a2, UF_A0+16(sp)
	ld	a3, UF_A0+24(sp)
	ld	a4, UF_A0+32(sp)
	ld	a5, UF_A0+40(sp)
	ld	a6, UF_A0+48(sp)
	ld	a7, UF_A7(sp)
	ld	gp, UF_GP(sp)
	ld	sp, UF_SP(sp)
	mret

/*
 * user_enter(pc, sp, gp): runs pc in U-mode on stack sp with the user's
 * gp (an interrupt may come before its first instruction), with interrupts
 * on, until it makes SYS_EXIT; user_exit (from user_trap) then returns here.
 * The kernel's callee-saved registers and mstatus stay on this stack,
 * which entry_area's kernel_sp points just below.
 */
	.globl user_enter
user_enter:
	addi	sp, sp, -112
	sd	ra, 0(sp)
	sd	s0, 8(sp)
	sd	s1, 16(sp)
	sd	s2, 24(sp)
	sd	s3, 32(sp)
	sd	s4, 40(sp)
	sd	s5, 48(sp)
	sd	s6, 56(sp)
	sd	s7, 64(sp)
	sd	s8, 72(sp)
	sd	s9, 80(sp)
	sd	s10, 88(sp)
	sd	s11, 96(sp)
	csrrci	t0, mstatus, MSTATUS_MIE
	sd	t0, 104(sp)
	percpu_addr t0, entry_area
	sd	sp, EA_KERNEL_SP(t0)
	sd	gp, EA_KERNEL_GP(t0)
	csrw	mscratch, t0
	csrw	mepc, a0
	li	t1, MSTATUS_MPP
	csrc	mstatus, t1		/* MPP = U */
	li	t1, MSTATUS_MPIE
	csrs	mstatus, t1
	mv	sp, a1
	mv	gp, a2
	mret

	.globl user_exit
user_exit:
	percpu_addr t0, entry_area
	ld	sp, EA_KERNEL_SP(t0)
	ld	t0, 104(sp)
	csrw	mstatus, t0
	ld	ra, 0(sp)
	ld	s0, 8(sp)
	ld	s1, 16(sp)
	ld	s2, 24(sp)
	ld	s3, 32(sp)
	ld	s4, 40(sp)
	ld	s5, 48(sp)
	ld	s6, 56(sp)
	ld	s7, 64(sp)
	ld	s8, 72(sp)
	ld	s9, 80(sp)
	ld	s10, 88(sp)
	ld	s11, 96(sp)
	addi	sp, sp, 112
	ret

/*
 * U-mode: overwrite gp with the user's own value again, spin (the timer
 * interrupts it), and yield until the kernel says stop. gp must come back
 * from every trap as the user left it.
 */
	.globl user_main
user_main:
	li	gp, USER_BASE
1:	li	t0, USER_SPIN
2:	addi	t0, t0, -1
	bnez	t0, 2b
	li	a7, SYS_YIELD
	ecall
	li	t1, USER_BASE
	bne	gp, t1, 3f
	bnez	a0, 1b
	li	a7, SYS_EXIT
	ecall
3:	mv	a0, gp
	li	a7, SYS_BAD_BASE
	ecall
