/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 start-up for QEMU's -kernel (multiboot 1). The image is a flat
 * binary (llvm-objcopy -O binary) whose multiboot header gives its
 * addresses (the "a.out kludge"): QEMU 7.2 refuses ELF64 multiboot images.
 * Entry is in 32-bit protected mode without paging: build page tables that
 * map the first 4 GiB 1:1 with 2 MiB pages (the local APIC sits at
 * 0xfee00000), enable long mode, and call kernel_main on CPU 0's stack.
 * The GS base stays 0 (the template) until percpu_init_reg writes
 * IA32_GS_BASE.
 */
#define STACK_BYTES 16384
#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00010000

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
	/* PML4[0] -> PDPT; PDPT[0..3] -> PD0..PD3; PDn[i] = 2 MiB pages */
	movl	$pdpt + 3, %eax
	movl	%eax, pml4
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$12, %eax
	addl	$pd + 3, %eax
	movl	%eax, pdpt(, %ecx, 8)
	incl	%ecx
	cmpl	$4, %ecx
	jne	1b
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$0x83, %eax		/* present, writable, 2 MiB */
	movl	%ecx, %edx
	shrl	$11, %edx		/* high half of the address */
	movl	%eax, pd(, %ecx, 8)
	movl	%edx, pd + 4(, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jne	2b

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
	lgdt	gdt_ptr
	ljmp	$0x08, $start64

	.code64
start64:
	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorl	%eax, %eax
	movw	%ax, %fs
	movw	%ax, %gs
	leaq	stacks + STACK_BYTES(%rip), %rsp
	call	kernel_main
3:	hlt
	jmp	3b

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

	.globl	timer_entry
timer_entry:
	SAVE
	call	x86_timer_irq
	RESTORE
	iretq

	.globl	spurious_entry
spurious_entry:
	iretq

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

	.section .rodata
	.balign	8
gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
gdt_ptr:
	.word	gdt_ptr - gdt - 1
	.long	gdt

	.section .bss
	.balign	4096
pml4:	.skip	4096
pdpt:	.skip	4096
pd:	.skip	4 * 4096
