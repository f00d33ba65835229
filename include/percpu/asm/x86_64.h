/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <percpu/asm/x86_64.h>: per-CPU data and the swapgs rules in x86_64
 * assembly (.S files, GNU as syntax as LLVM's integrated assembler takes
 * it). Include <percpu/asm.h>, or this header directly.
 *
 * The delta model: this CPU's copy of a per-CPU symbol is at
 * GS base + (the symbol's template address), so an access is one
 * instruction, %gs:sym(%rip), exactly what the pass emits for C
 * (docs/architectures.md). The template must be within +-2 GiB of the code.
 *
 * The swapgs rules (docs/kernel.md, "x86_64: swapgs"): in the kernel,
 * IA32_GS_BASE holds the kernel's base and IA32_KERNEL_GS_BASE the user's;
 * in user mode the other way round. IA32_KERNEL_GS_BASE is 0 at reset,
 * which is the user's first value. So:
 *
 *   entry from an interrupt or exception   percpu_swapgs_irq_entry
 *   exit through iretq                      percpu_swapgs_irq_exit
 *   SYSCALL entry / SYSRET exit             percpu_syscall_entry / _SYSRET_EXIT
 *   NMI, machine check (IST stacks)         percpu_paranoid_entry / _EXIT
 *
 * Scratch registers: the load/store/address macros use only the register
 * named; the syscall macros none (they switch %rsp); the paranoid entry
 * clobbers %eax, %ecx, %edx and sets its flag register.
 */
#ifndef PERCPU_ASM_X86_64_H
#define PERCPU_ASM_X86_64_H

#ifdef __ASSEMBLER__

/* The memory operand of this CPU's copy of sym: movq PER_CPU_VAR(v), %rax */
#define PER_CPU_VAR(sym) %gs:sym(%rip)

/* The runtime's per-CPU word holding this CPU's base (this_cpu_ptr). */
#define PERCPU_SELF_OFFSET __percpu_self_offset

/* reg = this CPU's copy of the 64-bit sym. */
.macro percpu_load sym:req, reg:req
	movq	PER_CPU_VAR(\sym), \reg
.endm

/* This CPU's copy of the 64-bit sym = reg. */
.macro percpu_store reg:req, sym:req
	movq	\reg, PER_CPU_VAR(\sym)
.endm

/* reg = the address of this CPU's copy of sym (this_cpu_ptr(&sym)). */
.macro percpu_addr sym:req, reg:req
	leaq	\sym(%rip), \reg
	addq	PER_CPU_VAR(PERCPU_SELF_OFFSET), \reg
.endm

/*
 * First thing in an interrupt or exception entry through an interrupt
 * gate: swapgs only if the CPU came from user mode (RPL of the saved CS).
 * cs is the saved CS's offset from %rsp: 8 without an error code, 16 with
 * one, more once the entry has pushed registers.
 */
.macro percpu_swapgs_irq_entry cs=8
	testb	$3, \cs(%rsp)
	jz	.Lpercpu_irq_entry_kernel\@
	swapgs
.Lpercpu_irq_entry_kernel\@:
.endm

/*
 * Just before iretq, with %rsp at the frame (cs as above): no interrupt
 * may arrive between the swapgs and the iretq (it would see a kernel CS
 * and run on the user's base), hence the cli; iretq restores IF.
 */
.macro percpu_swapgs_irq_exit cs=8
	cli
	testb	$3, \cs(%rsp)
	jz	.Lpercpu_irq_exit_kernel\@
	swapgs
.Lpercpu_irq_exit_kernel\@:
.endm

/*
 * The SYSCALL entry point (IA32_LSTAR), first thing: SYSCALL always comes
 * from user mode, and leaves %rsp the user's. IA32_FMASK must clear IF,
 * so that no interrupt arrives before the swapgs. user_rsp and
 * kernel_rsp are per-CPU 64-bit symbols: the user's %rsp is saved in one,
 * the kernel stack top is taken from the other.
 */
.macro percpu_syscall_entry user_rsp:req, kernel_rsp:req
	swapgs
	movq	%rsp, PER_CPU_VAR(\user_rsp)
	movq	PER_CPU_VAR(\kernel_rsp), %rsp
.endm

/*
 * Return with sysretq: %rcx holds the user's %rip and %r11 its RFLAGS.
 * The user's %rsp comes back from the per-CPU slot while GS is still the
 * kernel's; with interrupts off, since the kernel runs on the user stack
 * and the user's base from the swapgs on.
 */
.macro percpu_sysret_exit user_rsp:req
	cli
	movq	PER_CPU_VAR(\user_rsp), %rsp
	swapgs
	sysretq
.endm

/*
 * NMI and machine-check entries (on an IST stack) can arrive anywhere,
 * even between an entry and its swapgs, so the saved CS does not tell
 * which base IA32_GS_BASE holds. Read it (rdmsr) and compare it with this
 * CPU's kernel base, kernel_gs: a memory operand reachable without GS,
 * such as a word the kernel stores at the top of each CPU's IST stack. A
 * mismatch means the user's base is loaded: swapgs, and swap back on
 * exit. flag (a 32-bit register the handler preserves, like Linux's %ebx)
 * is 1 if no swapgs was done, 0 if the exit must swapgs.
 *
 * Linux compares the sign bit instead (its kernel bases are negative, a
 * user's never is). That works only for a kernel whose areas lie in the
 * top half; the comparison works for any layout.
 */
.macro percpu_paranoid_entry kernel_gs:req, flag=%ebx
	movl	$0xc0000101, %ecx	/* IA32_GS_BASE */
	rdmsr
	shlq	$32, %rdx
	orq	%rax, %rdx
	movl	$1, \flag
	cmpq	\kernel_gs, %rdx
	je	.Lpercpu_paranoid_kernel\@
	swapgs
	xorl	\flag, \flag
.Lpercpu_paranoid_kernel\@:
.endm

/* Before iretq from a paranoid entry: undo its swapgs, if it did one. */
.macro percpu_paranoid_exit flag=%ebx
	testl	\flag, \flag
	jnz	.Lpercpu_paranoid_exit\@
	swapgs
.Lpercpu_paranoid_exit\@:
.endm

#endif /* __ASSEMBLER__ */
#endif
