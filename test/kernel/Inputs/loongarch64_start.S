/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * LoongArch64 start-up for QEMU loongarch virt with -kernel: every CPU
 * enters at _start (the ELF entry) in direct address mode (CRMD.DA = 1,
 * PLV0, interrupts off). Each takes its stack from its CPU number
 * (CSR.CPUID) and installs the exception entry (CSR.EENTRY, one entry for
 * all: ECFG.VS = 0); CPU 0 goes to kernel_main, the others wait until
 * arch_start_cpus releases them. Each first zeroes $r21, the per-CPU
 * register (not 0 at reset on real hardware), so that accesses before
 * percpu_init_reg reach the template; after that only the runtime writes
 * it. The exception entry saves the caller-saved registers and leaves $r21
 * and $tp alone, so a handler reaches the interrupted CPU's per-CPU data,
 * and counts every exception in this CPU's entry_traps with the
 * <percpu.h> assembly macros.
 *
 * From PLV3 (docs/kernel.md, "Entry and exit code"), $r21 is the user's:
 * the entry saves it in the trap frame and takes this CPU's base from
 * KS_BASE, which user_enter writes; the kernel stack comes from KS_KSP.
 * The exit to PLV3 brings the user's $r21 back; the exit to the kernel
 * restores no $r21, since a handler that rescheduled would bring back
 * another CPU's.
 */
#include <percpu.h>

#include "user_mode.h"

#define STACK_BYTES 16384
#define CSR_CRMD 0x0
#define CSR_PRMD 0x1
#define CSR_ECFG 0x4
#define CSR_ERA 0x6
#define CSR_EENTRY 0xc
#define CSR_CPUID 0x20
/* KScratch: a free register on entry, this CPU's base and kernel stack. */
#define KS_T0 0x30
#define KS_BASE 0x31
#define KS_KSP 0x32
#define PRMD_PPLV3 3
#define PRMD_PIE 4
#define CRMD_IE 4
/* The user-mode trap frame: ra, t0-t8, a0-a7 (struct user_frame in
 * loongarch64.c), then $r21 and sp. */
#define UF_RA 0
#define UF_T0 8
#define UF_A0 80
#define UF_A7 136
#define UF_R21 144
#define UF_SP 152
#define UF_BYTES 160

	.section .text.boot, "ax"
	.globl _start
_start:
	percpu_zero_base
	csrrd	$a0, CSR_CPUID
	andi	$a0, $a0, 0x1ff
	la.pcrel $sp, stacks
	addi.d	$t0, $a0, 1
	li.d	$t1, STACK_BYTES
	mul.d	$t0, $t0, $t1
	add.d	$sp, $sp, $t0
	la.pcrel $t0, trap_entry
	csrwr	$t0, CSR_EENTRY
	csrwr	$zero, CSR_ECFG		/* VS = 0, no interrupt enabled yet */
	bnez	$a0, 1f
	bl	kernel_main
1:	la.pcrel $t0, cpus_released
2:	ld.w	$t1, $t0, 0
	beqz	$t1, 2b
	dbar	0
	bl	secondary_main
3:	idle	0
	b	3b

	.text
	.balign	4096
trap_entry:
	csrwr	$t0, KS_T0		/* a free register */
	csrrd	$t0, CSR_PRMD
	andi	$t0, $t0, 3		/* PPLV */
	bnez	$t0, from_user
	csrrd	$t0, KS_T0
	addi.d	$sp, $sp, -160
	st.d	$ra, $sp, 0
	st.d	$a0, $sp, 8
	st.d	$a1, $sp, 16
	st.d	$a2, $sp, 24
	st.d	$a3, $sp, 32
	st.d	$a4, $sp, 40
	st.d	$a5, $sp, 48
	st.d	$a6, $sp, 56
	st.d	$a7, $sp, 64
	st.d	$t0, $sp, 72
	st.d	$t1, $sp, 80
	st.d	$t2, $sp, 88
	st.d	$t3, $sp, 96
	st.d	$t4, $sp, 104
	st.d	$t5, $sp, 112
	st.d	$t6, $sp, 120
	st.d	$t7, $sp, 128
	st.d	$t8, $sp, 136
	percpu_load $t0, entry_traps
	addi.d	$t0, $t0, 1
	percpu_store $t0, entry_traps, $t1
	bl	trap
	ld.d	$ra, $sp, 0
	ld.d	$a0, $sp, 8
	ld.d	$a1, $sp, 16
	ld.d	$a2, $sp, 24
	ld.d	$a3, $sp, 32
	ld.d	$a4, $sp, 40
	ld.d	$a5, $sp, 48
	ld.d	$a6, $sp, 56
	ld.d	$a7, $sp, 64
	ld.d	$t0, $sp, 72
	ld.d	$t1, $sp, 80
	ld.d	$t2, $sp, 88
	ld.d	$t3, $sp, 96
	ld.d	$t4, $sp, 104
	ld.d	$t5, $sp, 112
	ld.d	$t6, $sp, 120
	ld.d	$t7, $sp, 128
	ld.d	$t8, $sp, 136
	addi.d	$sp, $sp, 160
	ertn

from_user:
	/* $t0 is free; $r21, $sp and the rest are the user's. */
	move	$t0, $sp
	csrrd	$sp, KS_KSP
	addi.d	$sp, $sp, -UF_BYTES
	st.d	$t0, $sp, UF_SP
	st.d	$r21, $sp, UF_R21
	csrrd	$r21, KS_BASE		/* this CPU's base */
	csrrd	$t0, KS_T0
	st.d	$t0, $sp, UF_T0
	st.d	$ra, $sp, UF_RA
	st.d	$t1, $sp, UF_T0+8
	st.d	$t2, $sp, UF_T0+16
	st.d	$t3, $sp, UF_T0+24
	st.d	$t4, $sp, UF_T0+32
	st.d	$t5, $sp, UF_T0+40
	st.d	$t6, $sp, UF_T0+48
	st.d	$t7, $sp, UF_T0+56
	st.d	$t8, $sp, UF_T0+64
	st.d	$a0, $sp, UF_A0+0
	st.d	$a1, $sp, UF_A0+8
	st.d	$a2, $sp, UF_A0+16
	st.d	$a3, $sp, UF_A0+24
	st.d	$a4, $sp, UF_A0+32
	st.d	$a5, $sp, UF_A0+40
	st.d	$a6, $sp, UF_A0+48
	st.d	$a7, $sp, UF_A0+56
	/* This CPU's copy, with the base just recovered. */
	percpu_load $t0, user_traps
	addi.d	$t0, $t0, 1
	percpu_store $t0, user_traps, $t1
	move	$a0, $sp
	bl	user_trap
	/* Back to PLV3: KS_KSP and KS_BASE are the CPU's own. */
	addi.d	$t0, $sp, UF_BYTES
	csrwr	$t0, KS_KSP
	ld.d	$ra, $sp, UF_RA
	ld.d	$t0, $sp, UF_T0+0
	ld.d	$t1, $sp, UF_T0+8
	ld.d	$t2, $sp, UF_T0+16
	ld.d	$t3, $sp, UF_T0+24
	ld.d	$t4, $sp, UF_T0+32
	ld.d	$t5, $sp, UF_T0+40
	ld.d	$t6, $sp, UF_T0+48
	ld.d	$t7, $sp, UF_T0+56
	ld.d	$t8, $sp, UF_T0+64
	ld.d	$a0, $sp, UF_A0+0
	ld.d	$a1, $sp, UF_A0+8
	ld.d	$a2, $sp, UF_A0+16
	ld.d	$a3, $sp, UF_A0+24
	ld.d	$a4, $sp, UF_A0+32
	ld.d	$a5, $sp, UF_A0+40
	ld.d	$a6, $sp, UF_A0+48
	ld.d	$a7, $sp, UF_A0+56
	ld.d	$r21, $sp, UF_R21
	ld.d	$sp, $sp, UF_SP
	ertn

/*
 * user_enter(pc, sp, r21): runs pc at PLV3 on stack sp with the user's
 * $r21 (an interrupt may come before its first instruction), interrupts
 * on, until it makes SYS_EXIT; user_exit (from user_trap) then returns
 * here. The kernel's callee-saved registers and CRMD stay on this stack,
 * which KS_KSP points just below.
 */
	.globl user_enter
user_enter:
	addi.d	$sp, $sp, -96
	st.d	$ra, $sp, 0
	st.d	$fp, $sp, 8
	st.d	$s0, $sp, 16
	st.d	$s1, $sp, 24
	st.d	$s2, $sp, 32
	st.d	$s3, $sp, 40
	st.d	$s4, $sp, 48
	st.d	$s5, $sp, 56
	st.d	$s6, $sp, 64
	st.d	$s7, $sp, 72
	st.d	$s8, $sp, 80
	li.d	$t1, CRMD_IE
	csrxchg	$zero, $t1, CSR_CRMD	/* interrupts off until ertn */
	csrrd	$t0, CSR_CRMD
	ori	$t0, $t0, CRMD_IE		/* as user_exit returns */
	st.d	$t0, $sp, 88
	percpu_get_base $t0
	csrwr	$t0, KS_BASE
	move	$t0, $sp
	csrwr	$t0, KS_KSP
	csrwr	$a0, CSR_ERA
	li.d	$t0, PRMD_PPLV3 | PRMD_PIE
	csrwr	$t0, CSR_PRMD
	move	$sp, $a1
	move	$r21, $a2
	ertn

	.globl user_exit
user_exit:
	csrrd	$sp, KS_KSP
	ld.d	$t0, $sp, 88
	csrwr	$t0, CSR_CRMD
	ld.d	$ra, $sp, 0
	ld.d	$fp, $sp, 8
	ld.d	$s0, $sp, 16
	ld.d	$s1, $sp, 24
	ld.d	$s2, $sp, 32
	ld.d	$s3, $sp, 40
	ld.d	$s4, $sp, 48
	ld.d	$s5, $sp, 56
	ld.d	$s6, $sp, 64
	ld.d	$s7, $sp, 72
	ld.d	$s8, $sp, 80
	addi.d	$sp, $sp, 96
	jr	$ra

/*
 * PLV3: overwrite $r21 with the user's own value again, spin (the timer
 * interrupts it), and yield until the kernel says stop. $r21 must come
 * back from every trap as the user left it.
 */
	.globl user_main
user_main:
	li.d	$r21, USER_BASE
1:	li.d	$t0, USER_SPIN
2:	addi.d	$t0, $t0, -1
	bnez	$t0, 2b
	li.d	$a7, SYS_YIELD
	syscall	0
	li.d	$t1, USER_BASE
	bne	$r21, $t1, 3f
	bnez	$a0, 1b
	li.d	$a7, SYS_EXIT
	syscall	0
3:	move	$a0, $r21
	li.d	$a7, SYS_BAD_BASE
	syscall	0
