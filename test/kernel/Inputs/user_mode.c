/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The user-mode round trip, #included by riscv64.c and loongarch64.c. Each
 * CPU runs user_main (<arch>_start.S) in user mode with the timer on. The
 * user code overwrites the base register with USER_BASE and yields until
 * this CPU has taken USER_IRQ_TARGET timer interrupts in user mode and
 * USER_YIELD_TARGET yields. The trap entry recovers the kernel's base and
 * counts every trap from user mode in user_traps with the <percpu.h>
 * assembly macros; the C side counts yields and interrupts.
 */
#include "user_mode.h"

#define USER_IRQ_TARGET 5
#define USER_YIELD_TARGET 20

DEFINE_PER_CPU(unsigned long, user_traps);
DEFINE_PER_CPU(unsigned long, user_yields);
DEFINE_PER_CPU(unsigned long, user_irqs);

/* <arch>_start.S */
void user_main(void);
void user_enter(void (*pc)(void), void *sp, unsigned long base);
_Noreturn void user_exit(void);

static char user_stacks[NCPUS][1024] __attribute__((aligned(16)));

/* From the arch's user trap handler: the user's base as the entry saved
 * it, then a timer interrupt or a system call. */
static void user_check_frame(unsigned long saved_base) {
  if (saved_base != USER_BASE)
    fatal("the user's base register is not in the trap frame", saved_base,
          USER_BASE);
}

static void user_irq(void) { this_cpu_inc(user_irqs); }

static unsigned long user_syscall(unsigned long nr, unsigned long arg) {
  switch (nr) {
  case SYS_YIELD:
    this_cpu_inc(user_yields);
    return this_cpu_read(user_irqs) < USER_IRQ_TARGET ||
           this_cpu_read(user_yields) < USER_YIELD_TARGET;
  case SYS_EXIT:
    user_exit();
  default:
    fatal("user mode got another base register back", arg, USER_BASE);
  }
}

void arch_cpu_extra(unsigned cpu) {
  (void)cpu;
  user_enter(user_main, user_stacks[arch_cpu_id()] + sizeof user_stacks[0],
             USER_BASE);
}

/* Every trap from user mode is a yield, a timer interrupt or the exit:
 * prints CPU cpu's counts and returns the failures. */
static unsigned user_mode_check(unsigned cpu) {
  unsigned long traps = per_cpu(user_traps, cpu);
  unsigned long yields = per_cpu(user_yields, cpu);
  unsigned long irqs = per_cpu(user_irqs, cpu);
  puts_("cpu ");
  putu(cpu);
  puts_(" user mode: ");
  putu(traps);
  puts_(" traps, ");
  putu(yields);
  puts_(" yields, ");
  putu(irqs);
  puts_(" interrupts\n");
  if (traps == yields + irqs + 1 && yields >= USER_YIELD_TARGET &&
      irqs >= USER_IRQ_TARGET)
    return 0;
  puts_("FAIL: user-mode traps miscounted\n");
  return 1;
}
