/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Runs the kernel-style module (test/Inputs/kernel_module.c) on four CPUs
 * under qemu-user: one thread switches its base register from CPU to CPU,
 * then checks every CPU's copy with the register back at 0 (the template).
 */
#include <percpu.h>

#include "kernel_module.h"
#include "qemu_rt.h"

#define NCPUS 4
#define ROUNDS 3000

static _Alignas(4096) unsigned char areas[256 * 1024];

int main(void)
{
	CHECK(percpu_areas_bytes(NCPUS) <= sizeof areas);
	CHECK_EQ(percpu_init(areas, NCPUS), NCPUS);
	for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
		CHECK_EQ(percpu_init_reg(cpu), 0);
		km_cpu_work(cpu, ROUNDS);
	}
	CHECK_EQ(percpu_write_reg(0), 0);
	unsigned checks, failed = km_check(NCPUS, ROUNDS, &checks);
	rt_checks += checks;
	rt_failures += failed;
	return rt_report("kernel module");
}
