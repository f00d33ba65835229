/* SPDX-License-Identifier: BSD-2-Clause */
/* One <percpu.h> assembly macro per function (entry_macros_main.c). */
#include <percpu.h>

	.text
	.globl asm_addr, asm_far, asm_load, asm_store
	.globl asm_get_base, asm_set_base, asm_zero_base
asm_addr:
	percpu_addr x0, counter, x1
	ret
asm_far:
	percpu_addr x0, big+70000, x1
	ret
asm_load:
	percpu_load x0, counter, x1
	ret
asm_store:
	percpu_store x0, counter, x1, x2
	ret
asm_get_base:
	percpu_get_base x0
	ret
asm_set_base:
	percpu_set_base x0
	ret
asm_zero_base:
	percpu_zero_base
	ret
