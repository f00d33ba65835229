/* SPDX-License-Identifier: BSD-2-Clause */
/* Two CPUs on one thread: each sees its own copy, and the template keeps
 * its initial value. Prints "two cpus: ok" and exits 0 when all holds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, count) = 3;

int main(void)
{
	void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(2));
	if (!areas || percpu_init(areas, 2) != 2)
		return 1;
	percpu_init_reg(0);
	this_cpu_add(count, 5);
	percpu_init_reg(1);
	this_cpu_inc(count);
	if (per_cpu(count, 0) != 8 || per_cpu(count, 1) != 4 ||
	    *(unsigned long *)(uintptr_t)&count != 3)
		return 2;
	puts("two cpus: ok");
	return 0;
}
