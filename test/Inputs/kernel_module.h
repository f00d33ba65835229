/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A per-CPU "kernel module" written the way kernel code is written, shared
 * by the native and the qemu-user test harnesses: each harness runs
 * km_cpu_work() on every CPU (with that CPU's base register set), then
 * km_check() once with the base register at 0.
 */
#ifndef KERNEL_MODULE_H
#define KERNEL_MODULE_H

#define KM_MAX_CPUS 8
#define KM_NODES_PER_CPU 4

void km_cpu_work(unsigned cpu, unsigned rounds);

/* Number of failed checks (0: all passed); *checks counts the checks made. */
unsigned km_check(unsigned ncpus, unsigned rounds, unsigned *checks);

#endif
