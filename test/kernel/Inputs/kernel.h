/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The interface between the common per-CPU test (smp_test.c) and each
 * architecture's boot code (<arch>.c plus its start-up assembly).
 *
 * The boot code brings CPU 0 to kernel_main() on its stack with the
 * exception vectors installed, and runs secondary_main(cpu) on every other
 * CPU once arch_start_cpus() asks for them. Nothing here may touch the
 * per-CPU base register except the runtime's percpu_write_reg/init_reg
 * (and x86_64's swapgs around ring 3, which keeps the kernel's).
 */
#ifndef KERNEL_TEST_H
#define KERNEL_TEST_H

#include <stddef.h>
#include <stdint.h>

#ifndef NCPUS
#define NCPUS 4
#endif
#define STACK_BYTES 16384
#ifndef TIMER_HZ
#define TIMER_HZ 1000 /* each CPU's timer interrupt rate */
#endif

/* Provided by the architecture. */
void arch_putc(char c);                 /* UART, polled */
_Noreturn void arch_exit(int status);   /* 0 = pass; leaves QEMU */
unsigned arch_cpu_id(void);             /* this CPU's index, from hardware */
void arch_start_cpus(unsigned ncpus);   /* CPUs 1..ncpus-1 -> secondary_main */
void arch_timer_start(void);            /* this CPU: periodic timer, IRQs on */
void arch_timer_stop(void);             /* this CPU: IRQs off, timer off */
_Noreturn void arch_halt(void);         /* this CPU: stop for good */
int arch_percpu_init(void);             /* percpu_init or _in_place */
void arch_percpu_early(void);           /* before any per-CPU access */
extern const char arch_name[];
/* Optional (smp_test.c has weak no-ops). */
void arch_cpu_extra(unsigned cpu);      /* this CPU, after counting, timer on */
unsigned arch_report_cpu(unsigned cpu); /* on CPU 0 at the end: failures */

/* Provided by smp_test.c. */
_Noreturn void kernel_main(void);
_Noreturn void secondary_main(unsigned cpu);
void timer_interrupt(void);             /* from the arch's IRQ handler */
_Noreturn void fatal(const char *what, uint64_t a, uint64_t b);

void puts_(const char *s);
void putu(uint64_t v);
void putx(uint64_t v);

extern char stacks[NCPUS][STACK_BYTES];

#endif
