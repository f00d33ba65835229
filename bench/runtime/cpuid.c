/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * get_cpu_id() for the "array indexed by a CPU id" baseline: an external
 * function (its own unit, no LTO), as sched_getcpu() or a kernel's
 * smp_processor_id() is when it is not inlined. Threads play CPUs, so the
 * id is the thread's number, kept in a __thread variable.
 */
static __thread unsigned cpu_id;

unsigned get_cpu_id(void) { return cpu_id; }
void set_cpu_id(unsigned cpu) { cpu_id = cpu; }
