/* SPDX-License-Identifier: BSD-2-Clause */
/* two_cpus.c without a C library, for qemu-user (test/qemu/Inputs/qemu_rt.c):
 * two CPUs on one thread each see their own copy, and the template keeps
 * its initial value. Prints "<arch>: <n> checks passed" and exits 0. */
#include <percpu.h>

#include "../../qemu/Inputs/qemu_rt.h"

DEFINE_PER_CPU(unsigned long, count) = 3;
static char buf[16384] __attribute__((aligned(4096)));

int main(void)
{
	CHECK_EQ(percpu_init_buffer(buf, sizeof buf, 2), 2);
	CHECK_EQ(percpu_init_reg(0), 0);
	this_cpu_add(count, 5);
	CHECK_EQ(percpu_init_reg(1), 0);
	this_cpu_inc(count);
	CHECK_EQ(per_cpu(count, 0), 8);
	CHECK_EQ(per_cpu(count, 1), 4);
	CHECK_EQ(*(unsigned long *)(uintptr_t)&count, 3);
	return rt_report(ARCH_NAME);
}
