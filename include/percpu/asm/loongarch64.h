/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * LoongArch64 entry-code macros: this CPU's copy of a per-CPU symbol in
 * the delta model, the base register being $r21 (the only choice).
 *
 *   percpu_addr  rd, sym        rd = this CPU's address of sym
 *   percpu_load  rd, sym        rd = this CPU's 64-bit sym (ldx.d)
 *   percpu_store rs, sym, tmp   this CPU's sym = rs (64-bit, stx.d)
 *   percpu_get_base rd          rd = the base (0 with PERCPU_SINGLE_CPU)
 *   percpu_set_base rs          the base = rs
 *   percpu_zero_base            the base = 0: before the first access
 *
 * Scratch convention: a macro writes only the registers it is given; tmp
 * must differ from rs. The address is pcalau12i %pc_hi20 + addi.d
 * %pc_lo12, the pass's own form: any symbol within 2 GiB of the code.
 * Loads and stores index by $r21 in the access itself, so they are
 * preemption-safe; percpu_addr is not.
 */
#ifndef PERCPU_ASM_LOONGARCH64_H
#define PERCPU_ASM_LOONGARCH64_H

/* Assembler macros: nothing for C, which has <percpu.h>. */
#ifdef __ASSEMBLER__

#define __PERCPU_ASM_REG_r21 1
#define __PERCPU_ASM_CAT_(a, b) a##b
#define __PERCPU_ASM_CAT(a, b) __PERCPU_ASM_CAT_(a, b)

#if defined(PERCPU_REGISTER) && !__PERCPU_ASM_CAT(__PERCPU_ASM_REG_, PERCPU_REGISTER)
#error "percpu/asm/loongarch64.h: the per-CPU register is r21"
#endif
#define PERCPU_BASE_REG $r21

#ifdef PERCPU_SINGLE_CPU
/* Plain globals: the template is the only copy and no register is read. */
.macro percpu_addr rd, sym
	pcalau12i \rd, %pc_hi20(\sym)
	addi.d	\rd, \rd, %pc_lo12(\sym)
.endm
.macro percpu_load rd, sym
	pcalau12i \rd, %pc_hi20(\sym)
	ld.d	\rd, \rd, %pc_lo12(\sym)
.endm
.macro percpu_store rs, sym, tmp
	pcalau12i \tmp, %pc_hi20(\sym)
	st.d	\rs, \tmp, %pc_lo12(\sym)
.endm
.macro percpu_get_base rd
	move	\rd, $zero
.endm
.macro percpu_set_base rs
.endm
.macro percpu_zero_base
.endm
#else
.macro percpu_addr rd, sym
	pcalau12i \rd, %pc_hi20(\sym)
	addi.d	\rd, \rd, %pc_lo12(\sym)
	add.d	\rd, PERCPU_BASE_REG, \rd
.endm
.macro percpu_load rd, sym
	pcalau12i \rd, %pc_hi20(\sym)
	addi.d	\rd, \rd, %pc_lo12(\sym)
	ldx.d	\rd, PERCPU_BASE_REG, \rd
.endm
.macro percpu_store rs, sym, tmp
	pcalau12i \tmp, %pc_hi20(\sym)
	addi.d	\tmp, \tmp, %pc_lo12(\sym)
	stx.d	\rs, PERCPU_BASE_REG, \tmp
.endm
.macro percpu_get_base rd
	move	\rd, PERCPU_BASE_REG
.endm
.macro percpu_set_base rs
	move	PERCPU_BASE_REG, \rs
.endm
.macro percpu_zero_base
	move	PERCPU_BASE_REG, $zero
.endm
#endif

#endif /* __ASSEMBLER__ */
#endif
