/* SPDX-License-Identifier: BSD-2-Clause */
/* One <percpu.h> assembly macro per function (entry_macros_main.c). */
#include <percpu.h>

	.text
	.globl asm_addr, asm_far, asm_load, asm_store
	.globl asm_get_base, asm_set_base, asm_zero_base
asm_addr:
	percpu_addr $a0, counter
	jr	$ra
asm_far:
	percpu_addr $a0, big+70000
	jr	$ra
asm_load:
	percpu_load $a0, counter
	jr	$ra
asm_store:
	percpu_store $a0, counter, $t0
	jr	$ra
asm_get_base:
	percpu_get_base $a0
	jr	$ra
asm_set_base:
	percpu_set_base $a0
	jr	$ra
asm_zero_base:
	percpu_zero_base
	jr	$ra
