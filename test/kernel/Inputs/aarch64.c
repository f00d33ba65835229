/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU virt (AArch64) for the per-CPU test: PL011 UART, GICv2, the EL1
 * physical timer (PPI 30), PSCI through hvc (EL1) or smc (EL2, with
 * virtualization=on), and semihosting SYS_EXIT to leave QEMU with a status.
 * The MMU stays off.
 */
#include <percpu.h>

#include "kernel.h"
#include "../../Inputs/table_capacity.h"

#ifndef KERNEL_EL
#define KERNEL_EL 1
#endif

#define UART0 0x09000000ul
#define GICD 0x08000000ul
#define GICC 0x08010000ul
#define TIMER_PPI 30
#define PSCI_CPU_ON 0xc4000003ul

#define MMIO32(a) (*(volatile uint32_t *)(a))
#define MMIO8(a) (*(volatile uint8_t *)(a))

#if KERNEL_EL == 2
const char arch_name[] = "aarch64 EL2";
#else
const char arch_name[] = "aarch64 EL1";
#endif

void arch_putc(char c) { MMIO32(UART0) = (uint8_t)c; }

_Noreturn void arch_exit(int status) {
  /* SYS_EXIT with ADP_Stopped_ApplicationExit and the status. */
  static uint64_t block[2];
  block[0] = 0x20026;
  block[1] = (uint64_t)status;
  register uint64_t x0 __asm__("x0") = 0x18;
  register uint64_t *x1 __asm__("x1") = block;
  for (;;)
    __asm__ volatile("hlt #0xf000" : : "r"(x0), "r"(x1) : "memory");
}

unsigned arch_cpu_id(void) {
  uint64_t mpidr;
  __asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
  return (unsigned)(mpidr & 0xff);
}

extern char secondary_start[];

static long psci(uint64_t fn, uint64_t a, uint64_t b, uint64_t c) {
  register uint64_t x0 __asm__("x0") = fn;
  register uint64_t x1 __asm__("x1") = a;
  register uint64_t x2 __asm__("x2") = b;
  register uint64_t x3 __asm__("x3") = c;
#if KERNEL_EL == 2
  __asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
#else
  __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
#endif
  return (long)x0;
}

void arch_start_cpus(unsigned ncpus) {
  for (unsigned cpu = 1; cpu < ncpus; cpu++) {
    long r = psci(PSCI_CPU_ON, cpu, (uintptr_t)secondary_start, cpu);
    if (r)
      fatal("PSCI CPU_ON", cpu, (uint64_t)r);
  }
}

static uint64_t timer_interval;

void arch_timer_start(void) {
  unsigned cpu = arch_cpu_id();
  if (cpu == 0) {
    MMIO32(GICD + 0x000) = 1; /* GICD_CTLR: forward interrupts */
  }
  /* Banked per CPU: enable PPI 30 and give it a priority. */
  MMIO8(GICD + 0x400 + TIMER_PPI) = 0xa0;
  MMIO32(GICD + 0x100) = 1u << TIMER_PPI;
  MMIO32(GICC + 0x004) = 0xf0; /* GICC_PMR */
  MMIO32(GICC + 0x000) = 1;    /* GICC_CTLR */

  uint64_t freq;
  __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
  timer_interval = freq / TIMER_HZ;
  __asm__ volatile("msr cntp_tval_el0, %0" : : "r"(timer_interval));
  __asm__ volatile("msr cntp_ctl_el0, %0" : : "r"(1ul));
  __asm__ volatile("isb; msr daifclr, #2" : : : "memory");
}

void arch_timer_stop(void) {
  __asm__ volatile("msr daifset, #2; isb" : : : "memory");
  __asm__ volatile("msr cntp_ctl_el0, %0" : : "r"(0ul));
}

_Noreturn void arch_halt(void) {
  for (;;)
    __asm__ volatile("wfi");
}

/*
 * Every exception, counted by the entry code (entry_traps, through the
 * <percpu.h> assembly macros) and by the C handler (handled_traps): the
 * same number on every CPU, the timer's at least.
 */
DEFINE_PER_CPU(unsigned long, entry_traps);
DEFINE_PER_CPU(unsigned long, handled_traps);

unsigned arch_report_cpu(unsigned cpu) {
  unsigned long entry = per_cpu(entry_traps, cpu);
  unsigned long handled = per_cpu(handled_traps, cpu);
  if (entry == handled && entry != 0)
    return 0;
  puts_("FAIL: cpu ");
  putu(cpu);
  puts_(": the entry code counted ");
  putu(entry);
  puts_(" exceptions, the handler ");
  putu(handled);
  puts_("\n");
  return 1;
}

/* kind: 0 sync, 1 irq, 2 fiq, 3 serror (from aarch64_start.S). */
void exception(unsigned kind) {
  this_cpu_inc(handled_traps);
  if (kind == 1) {
    uint32_t iar = MMIO32(GICC + 0x00c);
    if ((iar & 0x3ff) == TIMER_PPI) {
      __asm__ volatile("msr cntp_tval_el0, %0" : : "r"(timer_interval));
      timer_interrupt();
    }
    if ((iar & 0x3ff) < 1020)
      MMIO32(GICC + 0x010) = iar;
    return;
  }
  uint64_t esr, elr;
#if KERNEL_EL == 2
  __asm__ volatile("mrs %0, esr_el2; mrs %1, elr_el2" : "=r"(esr), "=r"(elr));
#else
  __asm__ volatile("mrs %0, esr_el1; mrs %1, elr_el1" : "=r"(esr), "=r"(elr));
#endif
  fatal("exception (ESR, ELR)", esr, elr);
}

/* The exception level the test claims to run at. */
static void check_el(void) {
  uint64_t el;
  __asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
  if ((el >> 2) != KERNEL_EL)
    fatal("CurrentEL", el >> 2, KERNEL_EL);
}

#ifdef LAYOUT_VMA0
extern char _percpu_start[], __start_percpu[];

/* The template is linked at 0: point the register at area 0, its image. */
void arch_percpu_early(void) {
  check_el();
  percpu_write_reg((uintptr_t)_percpu_start - (uintptr_t)__start_percpu);
}

int arch_percpu_init(void) { return percpu_init_in_place(); }
#else
void arch_percpu_early(void) { check_el(); }

/* Four pages an area, and a page for the runtime's table and its capacity;
 * -ENOSPC if not. */
static char areas[NCPUS * 16384 + 4096 + TABLE_CAPACITY_BYTES] __attribute__((aligned(4096)));

int arch_percpu_init(void) {
  return percpu_init_buffer(areas, sizeof areas, NCPUS);
}
#endif
