/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU virt (RISC-V 64, -bios none, M-mode) for the per-CPU test: the
 * NS16550 UART, the CLINT's machine timer, and the SiFive test device to
 * leave QEMU with a status. The per-CPU register is gp.
 */
#include <percpu.h>

#include "kernel.h"

#define UART0 0x10000000ul
#define TEST_DEV 0x00100000ul
#define CLINT_MTIMECMP 0x02004000ul
#define CLINT_MTIME 0x0200bff8ul
#define MTIME_HZ 10000000ul

#define MMIO8(a) (*(volatile uint8_t *)(a))
#define MMIO32(a) (*(volatile uint32_t *)(a))
#define MMIO64(a) (*(volatile uint64_t *)(a))

const char arch_name[] = "riscv64";

void arch_putc(char c) {
  while (!(MMIO8(UART0 + 5) & 0x20)) /* LSR.THRE */
    ;
  MMIO8(UART0) = (uint8_t)c;
}

_Noreturn void arch_exit(int status) {
  /* FINISHER_PASS, or FINISHER_FAIL with the status in the upper half. */
  MMIO32(TEST_DEV) = status ? ((uint32_t)status << 16) | 0x3333 : 0x5555;
  for (;;)
    __asm__ volatile("wfi");
}

unsigned arch_cpu_id(void) {
  unsigned long id;
  __asm__ volatile("csrr %0, mhartid" : "=r"(id));
  return (unsigned)id;
}

unsigned cpus_released;

void arch_start_cpus(unsigned ncpus) {
  (void)ncpus; /* every hart of -smp is waiting */
  __atomic_store_n(&cpus_released, 1, __ATOMIC_RELEASE);
}

#define TIMER_INTERVAL (MTIME_HZ / TIMER_HZ)

void arch_timer_start(void) {
  unsigned hart = arch_cpu_id();
  MMIO64(CLINT_MTIMECMP + 8 * hart) = MMIO64(CLINT_MTIME) + TIMER_INTERVAL;
  __asm__ volatile("csrs mie, %0" : : "r"(1ul << 7)); /* MTIE */
  __asm__ volatile("csrs mstatus, %0" : : "r"(1ul << 3) : "memory"); /* MIE */
}

void arch_timer_stop(void) {
  __asm__ volatile("csrc mstatus, %0" : : "r"(1ul << 3) : "memory");
  __asm__ volatile("csrc mie, %0" : : "r"(1ul << 7));
}

_Noreturn void arch_halt(void) {
  for (;;)
    __asm__ volatile("wfi");
}

#define MCAUSE_TIMER ((1ul << 63) | 7)
#define MCAUSE_ECALL_U 8

static void timer_tick(void) {
  MMIO64(CLINT_MTIMECMP + 8 * arch_cpu_id()) += TIMER_INTERVAL;
  timer_interrupt();
}

void trap(void) {
  unsigned long cause, epc;
  __asm__ volatile("csrr %0, mcause; csrr %1, mepc" : "=r"(cause), "=r"(epc));
  if (cause == MCAUSE_TIMER) {
    timer_tick();
    return;
  }
  fatal("trap (mcause, mepc)", cause, epc);
}

/*
 * The user-mode round trip (user_mode.c). The trap entry reaches this
 * CPU's entry_area through mscratch while the hart is in U-mode
 * (riscv64_start.S).
 */
struct entry_area {
  unsigned long kernel_sp, kernel_gp, user_sp;
};
DEFINE_PER_CPU(struct entry_area, entry_area);

#include "user_mode.c"

/* ra, t0-t6, a0-a7, gp, sp: the frame the entry saves. */
struct user_frame {
  unsigned long ra, t[7], a[8], gp, sp;
};

void user_trap(struct user_frame *frame) {
  unsigned long cause, epc;
  __asm__ volatile("csrr %0, mcause; csrr %1, mepc" : "=r"(cause), "=r"(epc));
  user_check_frame(frame->gp);
  if (cause == MCAUSE_TIMER) {
    timer_tick();
    user_irq();
    return;
  }
  if (cause != MCAUSE_ECALL_U)
    fatal("trap from U-mode (mcause, mepc)", cause, epc);
  __asm__ volatile("csrw mepc, %0" : : "r"(epc + 4));
  frame->a[0] = user_syscall(frame->a[7], frame->a[0]);
}

unsigned arch_report_cpu(unsigned cpu) { return user_mode_check(cpu); }

void arch_percpu_early(void) {}

/* Layout (a): the kernel allocates the areas (here, statically). */
/* Four pages an area, and a page for the runtime's table; -ENOSPC if not. */
static char areas[NCPUS * 16384 + 4096] __attribute__((aligned(4096)));

int arch_percpu_init(void) {
  return percpu_init_buffer(areas, sizeof areas, NCPUS);
}
