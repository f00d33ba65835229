/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 start-up for QEMU's -kernel (multiboot 1). The image is a flat
 * binary (llvm-objcopy -O binary) whose multiboot header gives its
 * addresses (the "a.out kludge"): QEMU 7.2 refuses ELF64 multiboot images.
 * Entry is in 32-bit protected mode without paging: build page tables that
 * map the first 4 GiB 1:1 with 2 MiB pages (the local APIC sits at
 * 0xfee00000), user-accessible so that the ring-3 test can run from the
 * kernel image, enable long mode, and call kernel_main on CPU 0's stack.
 * The application processors start in real mode at the trampoline, which
 * x86_64.c copies below 1 MiB, and go straight to long mode on the same
 * page tables. The GS base stays 0 (the template) until percpu_init_reg
 * writes IA32_GS_BASE.
 *
 * The entries use <percpu/asm.h>: swapgs on entry from ring 3 and exit to
 * it, the SYSCALL path, and a paranoid NMI entry (docs/kernel.md).
 */
#include <percpu/asm.h>

#define STACK_BYTES 16384
#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00010000
#define TRAMPOLINE 0x8000	/* SIPI vector 0x08 */
#define LAPIC_ID 0xfee00020
#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_DS (0x18 | 3)
#define USER_CS (0x20 | 3)

.macro ENABLE_LONG_MODE	/* the BSP's code32 and the APs' code16 alike */
	movl	%cr4, %eax
	orl	$(1 << 5), %eax		/* PAE */
	movl	%eax, %cr4
	movl	$pml4, %eax
	movl	%eax, %cr3
	movl	$0xc0000080, %ecx	/* EFER */
	rdmsr
	orl	$(1 << 8), %eax		/* LME */
	wrmsr
	movl	%cr0, %eax
	orl	$((1 << 31) | 1), %eax	/* PG, PE */
	movl	%eax, %cr0
.endm

	.section .text.boot, "ax"
	.code32
	.balign	4
multiboot_header:
	.long	MB_MAGIC
	.long	MB_FLAGS
	.long	-(MB_MAGIC + MB_FLAGS)
	.long	multiboot_header	/* header_addr */
	.long	__image_start		/* load_addr */
	.long	__load_end		/* load_end_addr */
	.long	__bss_end		/* bss_end_addr */
	.long	_start32		/* entry_addr */

	.globl	_start32
_start32:
	cli
	/* PML4[0] -> PDPT; PDPT[0..3] -> PD0..PD3; PDn[i] = 2 MiB pages;
	 * all present, writable and user (7) */
	movl	$pdpt + 7, %eax
	movl	%eax, pml4
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$12, %eax
	addl	$pd + 7, %eax
	movl	%eax, pdpt(, %ecx, 8)
	incl	%ecx
	cmpl	$4, %ecx
	jne	1b
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$0x87, %eax		/* present, writable, user, 2 MiB */
	movl	%ecx, %edx
	shrl	$11, %edx		/* high half of the address */
	movl	%eax, pd(, %ecx, 8)
	movl	%edx, pd + 4(, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jne	2b

	ENABLE_LONG_MODE
	lgdt	gdt_ptr
	ljmp	$KERNEL_CS, $start64

	.code64
start64:
	call	load_segments
	leaq	stacks + STACK_BYTES(%rip), %rsp
	xorl	%edi, %edi
	call	x86_cpu_setup
	call	kernel_main
3:	hlt
	jmp	3b

/* A selector load of %gs sets its base to 0: only before percpu_init_reg. */
load_segments:
	movw	$KERNEL_DS, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorl	%eax, %eax
	movw	%ax, %fs
	movw	%ax, %gs
	ret

/*
 * The application processors: SIPI starts them in real mode at
 * TRAMPOLINE:0 (CS 0x0800). x86_64.c copies x86_trampoline..end there.
 * Real mode straight to long mode: PAE, CR3, EFER.LME, then PE and PG at
 * once, and a far jump to the 64-bit code segment. Code addresses inside
 * the copy are TRAMPOLINE + (label - x86_trampoline); the GDT and page
 * tables are below 4 GiB, in the image.
 */
#define TRAMP(label) (TRAMPOLINE + (label - x86_trampoline))
	.code16
	.globl	x86_trampoline, x86_trampoline_end
x86_trampoline:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	lgdtl	TRAMP(trampoline_gdt_ptr)
	ENABLE_LONG_MODE
	ljmpl	$KERNEL_CS, $ap_start64
	.balign	4
trampoline_gdt_ptr:
	.word	gdt_end - gdt - 1
	.long	gdt
x86_trampoline_end:

	.code64
/* Each AP takes its stack from its local APIC ID (0..NCPUS-1 in QEMU). */
ap_start64:
	movl	$LAPIC_ID, %eax
	movl	(%rax), %edi
	shrl	$24, %edi
	leal	1(%rdi), %eax
	imull	$STACK_BYTES, %eax
	leaq	stacks(%rip), %rsp
	addq	%rax, %rsp
	call	load_segments
	call	x86_ap_main
4:	hlt
	jmp	4b

/* Interrupt and exception entries: save the caller-saved registers around
 * the C handler. The CPU aligned the stack to 16 and pushed 5 words. */
.macro SAVE
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
.endm
.macro RESTORE
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
.endm
#define SAVED (9 * 8)

/* The LAPIC timer, from ring 0 or ring 3 (counted, in the kernel's copy). */
	.globl	timer_entry
timer_entry:
	percpu_swapgs_irq_entry
	testb	$3, 8(%rsp)
	jz	1f
	incq	PER_CPU_VAR(x86_user_timer_irqs)
1:	SAVE
	call	x86_timer_irq
	RESTORE
	percpu_swapgs_irq_exit
	iretq

	.globl	spurious_entry
spurious_entry:
	iretq

/* int $0x80 from ring 3 (an interrupt gate, DPL 3): rax = x86_user_int(rax).
 * An interrupt gate, not a trap gate: with IF still set, the timer could
 * arrive before the swapgs, see a kernel CS and run on the user's base. */
	.globl	user_int_entry
user_int_entry:
	percpu_swapgs_irq_entry
	SAVE
	movq	SAVED - 8(%rsp), %rdi	/* the saved %rax */
	call	x86_user_int
	movq	%rax, SAVED - 8(%rsp)
	RESTORE
	percpu_swapgs_irq_exit
	iretq

/*
 * int $0x81: the user is done. Back to x86_enter_user's caller, on the
 * stack it saved in this CPU's x86_resume_rsp, returning the user's
 * %rdi and %rsi as a 16-byte struct (%rax:%rdx). IF stays clear.
 */
	.globl	user_exit_entry
user_exit_entry:
	percpu_swapgs_irq_entry
	movq	%rdi, %rax
	movq	%rsi, %rdx
	percpu_load x86_resume_rsp, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret

/*
 * SYSCALL (IA32_LSTAR; IA32_FMASK clears IF): rax = x86_syscall(rax), on
 * this CPU's kernel stack. -DSKIP_SWAPGS_ON_SYSCALL is the negative
 * control: the same path without its swapgs runs on the user's base.
 */
	.globl	syscall_entry
syscall_entry:
#ifdef SKIP_SWAPGS_ON_SYSCALL
	movq	%rsp, PER_CPU_VAR(x86_user_rsp)
	movq	PER_CPU_VAR(x86_kernel_rsp), %rsp
#else
	percpu_syscall_entry x86_user_rsp, x86_kernel_rsp
#endif
	pushq	%rcx			/* the user's %rip */
	pushq	%r11			/* and RFLAGS */
	subq	$8, %rsp		/* align the call to 16 */
	SAVE
	movq	SAVED - 8(%rsp), %rdi
	call	x86_syscall
	movq	%rax, SAVED - 8(%rsp)
	RESTORE
	addq	$8, %rsp
	popq	%r11
	popq	%rcx
#ifdef SKIP_SWAPGS_ON_SYSCALL
	cli
	movq	PER_CPU_VAR(x86_user_rsp), %rsp
	sysretq
#else
	percpu_sysret_exit x86_user_rsp
#endif

/*
 * NMI, on IST 1: the word above the frame holds this CPU's kernel GS base
 * (x86_64.c keeps it equal to IA32_GS_BASE in the kernel). x86_nmi(ring,
 * swapped). -DNAIVE_NMI_ENTRY is the negative control: an entry that
 * decides by the saved CS runs on the user's base when the NMI hits ring
 * 0 between a swapgs and its entry's or exit's other half.
 */
	.globl	nmi_entry
nmi_entry:
	pushq	%rbx
	SAVE
#ifdef NAIVE_NMI_ENTRY
	/* The negative control: trust the saved CS, as for an interrupt. */
	percpu_swapgs_irq_entry cs=(SAVED + 8 + 8)
	movzbl	SAVED + 8 + 8(%rsp), %esi
	andl	$3, %esi		/* swapped: from ring 3 */
#else
	percpu_paranoid_entry kernel_gs=(SAVED + 8 + 40)(%rsp), flag=%ebx
	movl	%ebx, %esi
	xorl	$1, %esi		/* swapped: flag 0 */
#endif
	movzbl	SAVED + 8 + 8(%rsp), %edi	/* the saved CS */
	andl	$3, %edi
	subq	$8, %rsp		/* align the call to 16 */
	call	x86_nmi
	addq	$8, %rsp
#ifdef NAIVE_NMI_ENTRY
	testb	$3, SAVED + 8 + 8(%rsp)
	jz	1f
	swapgs
1:
#else
	percpu_paranoid_exit flag=%ebx
#endif
	RESTORE
	popq	%rbx
	iretq

/*
 * struct user_result x86_enter_user(rip, rsp, a, b): run rip in ring 3
 * with rsp, %rdi = a and %rsi = b, interrupts on, until it does int $0x81. The
 * kernel's callee-saved registers and stack wait in x86_resume_rsp.
 */
	.globl	x86_enter_user
x86_enter_user:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	percpu_store %rsp, x86_resume_rsp
	pushq	$USER_DS
	pushq	%rsi
	pushq	$0x202			/* IF */
	pushq	$USER_CS
	pushq	%rdi
	movq	%rdx, %rdi
	movq	%rcx, %rsi
	xorl	%eax, %eax
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	percpu_swapgs_irq_exit
	iretq

/* The address of this CPU's x86_ints, for a check against this_cpu_ptr. */
	.globl	x86_this_cpu_ints
x86_this_cpu_ints:
	percpu_addr x86_ints, %rax
	ret

/* Exceptions are fatal: pass the vector and the word on top of the frame. */
	.globl	exception_entries
	.balign	16
exception_entries:
	.irp v, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	.balign	16
	movl	$\v, %edi
	jmp	exception_common
	.endr
exception_common:
	movq	(%rsp), %rsi
	andq	$-16, %rsp
	call	x86_exception

/*
 * Ring 3 (the pages are user-accessible): %rdi = the GS base to set, %rsi
 * = 1 if wrgsbase works (FSGSBASE), 0 if the kernel set it already and
 * the user cannot read it. With FSGSBASE, the user checks its base reads
 * 0 first (IA32_KERNEL_GS_BASE's reset value, swapped in on the way
 * down), and sets its own with wrgsbase. It sends itself an
 * NMI through the local APIC and waits for it (int $0x80 with %rax = 1
 * returns the NMIs so far, the kernel's included), then loops: int $0x80
 * (%rax = 0: returns the timer interrupts taken in ring 3) and syscall,
 * checking
 * after each that its base is still its own, until USER_IRQ_TARGET timer
 * interrupts came in ring 3. It leaves by int $0x81 with %rdi = failed
 * checks and %rsi = loops.
 */
#define USER_IRQ_TARGET 20
/* With FSGSBASE (%rbx): count a failure in %r13 unless the base is %r12. */
.macro CHECK_USER_GS
	testq	%rbx, %rbx
	jz	.Lgs_ok\@
	rdgsbase %rax
	cmpq	%r12, %rax
	je	.Lgs_ok\@
	incq	%r13
.Lgs_ok\@:
.endm
	.globl	x86_user_main
x86_user_main:
	movq	%rdi, %r12
	xorl	%r13d, %r13d		/* failed checks */
	xorl	%r15d, %r15d		/* loops */
	movq	%rsi, %rbx		/* FSGSBASE */
	testq	%rbx, %rbx
	jz	8f
	rdgsbase %rax
	testq	%rax, %rax
	jz	1f
	incq	%r13
1:	wrgsbase %r12
8:
	movl	$LAPIC_ID, %eax
	movl	(%rax), %edx
	movl	%edx, 0x310 - 0x20(%rax)	/* ICR high: this CPU */
	movl	$0x4400, 0x300 - 0x20(%rax)	/* ICR low: NMI */
6:	movl	$10000, %ecx		/* give it time to arrive in ring 3 */
7:	pause
	decl	%ecx
	jnz	7b
	movl	$1, %eax		/* int $0x80 1: the NMIs so far */
	int	$0x80
	cmpq	$2, %rax
	jb	6b
2:	xorl	%eax, %eax
	int	$0x80
	movq	%rax, %r14
	CHECK_USER_GS
	movl	$1, %eax
	syscall
	CHECK_USER_GS
	incq	%r15
	cmpq	$USER_IRQ_TARGET, %r14
	jb	2b
	movq	%r13, %rdi
	movq	%r15, %rsi
	int	$0x81
5:	jmp	5b

	.data
	.balign	8
	.globl	gdt
gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
	.quad	0x00cff2000000ffff	/* 0x18: user data (SYSRET: STAR + 8) */
	.quad	0x00affa000000ffff	/* 0x20: user 64-bit code (STAR + 16) */
	.globl	gdt_tss
gdt_tss:				/* 0x28: a TSS descriptor per CPU, by x86_64.c */
	.skip	16 * NCPUS
gdt_end:
gdt_ptr:
	.word	gdt_end - gdt - 1
	.long	gdt

	.section .bss
	.balign	4096
pml4:	.skip	4096
pdpt:	.skip	4096
pd:	.skip	4 * 4096
