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
 */
#include <percpu.h>

#define STACK_BYTES 16384
#define CSR_ECFG 0x4
#define CSR_EENTRY 0xc
#define CSR_CPUID 0x20

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
