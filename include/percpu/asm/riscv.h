/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V (64 and 32) entry-code macros: this CPU's copy of a per-CPU
 * symbol in the delta model, the base register being gp (default) or tp
 * (-DPERCPU_REGISTER=tp, percpu-cc --percpu-reg=tp).
 *
 *   percpu_addr  rd, sym        rd = this CPU's address of sym
 *   percpu_load  rd, sym        rd = this CPU's sym (register-sized: ld/lw)
 *   percpu_store rs, sym, tmp   this CPU's sym = rs (register-sized: sd/sw)
 *   percpu_get_base rd          rd = the base (0 with PERCPU_SINGLE_CPU)
 *   percpu_set_base rs          the base = rs
 *   percpu_zero_base            the base = 0: before the first access
 *
 * Scratch convention: a macro writes only the registers it is given; tmp
 * must differ from rs. The address is auipc %pcrel_hi + %pcrel_lo, right
 * for any symbol within 2 GiB of the code whatever the code model or
 * -fpic, under .option norelax as the pass's own form: the linker must
 * neither rebase it on gp nor drop the add of the base. The sequences are
 * not preemption-safe (the base is added by an instruction of its own):
 * entry code runs with interrupts off, as it must.
 */
#ifndef PERCPU_ASM_RISCV_H
#define PERCPU_ASM_RISCV_H

/* Assembler macros: nothing for C, which has <percpu.h>. */
#ifdef __ASSEMBLER__

#define __PERCPU_ASM_REG_gp 1
#define __PERCPU_ASM_REG_tp 1
#define __PERCPU_ASM_CAT_(a, b) a##b
#define __PERCPU_ASM_CAT(a, b) __PERCPU_ASM_CAT_(a, b)

#ifdef PERCPU_REGISTER
#if !__PERCPU_ASM_CAT(__PERCPU_ASM_REG_, PERCPU_REGISTER)
#error "percpu/asm/riscv.h: PERCPU_REGISTER must be gp or tp"
#endif
#define PERCPU_BASE_REG PERCPU_REGISTER
#else
#define PERCPU_BASE_REG gp
#endif

#if __riscv_xlen == 64
#define __PERCPU_ASM_LOAD ld
#define __PERCPU_ASM_STORE sd
#else
#define __PERCPU_ASM_LOAD lw
#define __PERCPU_ASM_STORE sw
#endif

#ifdef PERCPU_SINGLE_CPU
/* Plain globals: the template is the only copy and no register is read. */
#define __PERCPU_ASM_ADD_BASE(rd)
#else
#define __PERCPU_ASM_ADD_BASE(rd) add rd, rd, PERCPU_BASE_REG
#endif

.macro percpu_addr rd, sym
	.option push
	.option norelax
.Lpercpu_addr\@:
	auipc	\rd, %pcrel_hi(\sym)
	addi	\rd, \rd, %pcrel_lo(.Lpercpu_addr\@)
	__PERCPU_ASM_ADD_BASE(\rd)
	.option pop
.endm
.macro percpu_load rd, sym
	.option push
	.option norelax
.Lpercpu_load\@:
	auipc	\rd, %pcrel_hi(\sym)
	__PERCPU_ASM_ADD_BASE(\rd)
	__PERCPU_ASM_LOAD \rd, %pcrel_lo(.Lpercpu_load\@)(\rd)
	.option pop
.endm
.macro percpu_store rs, sym, tmp
	.option push
	.option norelax
.Lpercpu_store\@:
	auipc	\tmp, %pcrel_hi(\sym)
	__PERCPU_ASM_ADD_BASE(\tmp)
	__PERCPU_ASM_STORE \rs, %pcrel_lo(.Lpercpu_store\@)(\tmp)
	.option pop
.endm

#ifdef PERCPU_SINGLE_CPU
.macro percpu_get_base rd
	li	\rd, 0
.endm
.macro percpu_set_base rs
.endm
.macro percpu_zero_base
.endm
#else
.macro percpu_get_base rd
	mv	\rd, PERCPU_BASE_REG
.endm
.macro percpu_set_base rs
	mv	PERCPU_BASE_REG, \rs
.endm
.macro percpu_zero_base
	li	PERCPU_BASE_REG, 0
.endm
#endif

#endif /* __ASSEMBLER__ */
#endif
