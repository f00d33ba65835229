/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 entry-code macros: this CPU's copy of a per-CPU symbol in the
 * delta model, the base register being TPIDR_EL1 (default), TPIDR_EL2 or
 * TPIDR_EL0 (-DPERCPU_REGISTER=..., percpu-cc --percpu-reg=...).
 *
 *   percpu_addr  xd, sym, xtmp        xd = this CPU's address of sym
 *   percpu_load  xd, sym, xtmp        xd = this CPU's 64-bit sym
 *   percpu_store rs, sym, xtmp, xtmp2 this CPU's sym = rs (xN: 64-bit, wN: 32)
 *   percpu_get_base xd                xd = the base (0 with PERCPU_SINGLE_CPU)
 *   percpu_set_base xs                the base = xs
 *   percpu_zero_base                  the base = 0: before the first access
 *
 * Scratch convention: a macro writes only the registers it is given, and
 * neither the flags nor the stack. xtmp, xtmp2 and xd must differ from each
 * other and from rs. The address is adrp + add :lo12:, the pass's own form:
 * any symbol within 4 GiB of the code, any offset inside the template.
 * Other sizes: percpu_addr, then a plain access. The sequences are not
 * preemption-safe (the base is read by an mrs of its own): entry code runs
 * with interrupts masked, as it must.
 */
#ifndef PERCPU_ASM_AARCH64_H
#define PERCPU_ASM_AARCH64_H

/* Assembler macros: nothing for C, which has <percpu.h>. */
#ifdef __ASSEMBLER__

#define __PERCPU_ASM_REG_tpidr_el1 1
#define __PERCPU_ASM_REG_tpidr_el2 1
#define __PERCPU_ASM_REG_tpidr_el0 1
#define __PERCPU_ASM_CAT_(a, b) a##b
#define __PERCPU_ASM_CAT(a, b) __PERCPU_ASM_CAT_(a, b)

#ifdef PERCPU_REGISTER
#if !__PERCPU_ASM_CAT(__PERCPU_ASM_REG_, PERCPU_REGISTER)
#error "percpu/asm/aarch64.h: PERCPU_REGISTER must be tpidr_el1, tpidr_el2 or tpidr_el0"
#endif
#define PERCPU_BASE_REG PERCPU_REGISTER
#else
#define PERCPU_BASE_REG tpidr_el1
#endif

#ifdef PERCPU_SINGLE_CPU
/* Plain globals: the template is the only copy and no register is read. */
.macro percpu_addr xd, sym, xtmp
	adrp	\xd, \sym
	add	\xd, \xd, :lo12:\sym
.endm
.macro percpu_load xd, sym, xtmp
	adrp	\xd, \sym
	ldr	\xd, [\xd, :lo12:\sym]
.endm
.macro percpu_store rs, sym, xtmp, xtmp2
	adrp	\xtmp, \sym
	str	\rs, [\xtmp, :lo12:\sym]
.endm
.macro percpu_get_base xd
	mov	\xd, xzr
.endm
.macro percpu_set_base xs
.endm
.macro percpu_zero_base
.endm
#else
.macro percpu_addr xd, sym, xtmp
	adrp	\xd, \sym
	add	\xd, \xd, :lo12:\sym
	mrs	\xtmp, PERCPU_BASE_REG
	add	\xd, \xd, \xtmp
.endm
.macro percpu_load xd, sym, xtmp
	adrp	\xd, \sym
	add	\xd, \xd, :lo12:\sym
	mrs	\xtmp, PERCPU_BASE_REG
	ldr	\xd, [\xtmp, \xd]
.endm
.macro percpu_store rs, sym, xtmp, xtmp2
	adrp	\xtmp, \sym
	add	\xtmp, \xtmp, :lo12:\sym
	mrs	\xtmp2, PERCPU_BASE_REG
	str	\rs, [\xtmp2, \xtmp]
.endm
.macro percpu_get_base xd
	mrs	\xd, PERCPU_BASE_REG
.endm
.macro percpu_set_base xs
	msr	PERCPU_BASE_REG, \xs
.endm
.macro percpu_zero_base
	msr	PERCPU_BASE_REG, xzr
.endm
#endif

#endif /* __ASSEMBLER__ */
#endif
