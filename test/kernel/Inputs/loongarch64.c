/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU loongarch virt (-kernel, direct address mode, PLV0) for the per-CPU
 * test: the NS16550 UART at 0x1fe001e0, the CPU's constant timer
 * (CSR.TCFG, cleared through CSR.TICLR) and the ACPI GED's sleep control
 * register to power QEMU off. The per-CPU register is $r21.
 */
#include <percpu.h>

#include "kernel.h"

#define UART0 0x1fe001e0ul
#define GED_SLEEP_CTL 0x100e001cul /* acpi-ged-regs */
#define GED_SLP_EN 0x20
#define GED_SLP_TYP_S5 (5 << 2)

#define CSR_CRMD 0x0
#define CSR_ECFG 0x4
#define CSR_ESTAT 0x5
#define CSR_ERA 0x6
#define CSR_BADV 0x7
#define CSR_TCFG 0x41
#define CSR_TICLR 0x44
#define CSR_CPUID 0x20

#define CRMD_IE (1ul << 2)
#define ECFG_TI (1ul << 11) /* timer interrupt: IS bit 11 */
#define TCFG_EN 1ul
#define TCFG_PERIODIC 2ul

#define MMIO8(a) (*(volatile uint8_t *)(a))

#define csr_read(csr)                                                          \
  ({                                                                           \
    unsigned long v_;                                                          \
    __asm__ volatile("csrrd %0, %1" : "=r"(v_) : "i"(csr));                    \
    v_;                                                                        \
  })
/* csrxchg: the bits of mask take value's. */
#define csr_xchg(csr, value, mask)                                             \
  do {                                                                         \
    unsigned long v_ = (value);                                                \
    __asm__ volatile("csrxchg %0, %1, %2"                                      \
                     : "+r"(v_)                                                \
                     : "r"((unsigned long)(mask)), "i"(csr)                    \
                     : "memory");                                              \
  } while (0)
#define csr_write(csr, value)                                                  \
  do {                                                                         \
    unsigned long v_ = (value);                                                \
    __asm__ volatile("csrwr %0, %1" : "+r"(v_) : "i"(csr) : "memory");         \
  } while (0)

const char arch_name[] = "loongarch64";

void arch_putc(char c) {
  while (!(MMIO8(UART0 + 5) & 0x20)) /* LSR.THRE */
    ;
  MMIO8(UART0) = (uint8_t)c;
}

/*
 * The GED powers QEMU off with exit status 0 whatever the status: a
 * failure shows on the UART (FAIL, and no PASS line).
 */
_Noreturn void arch_exit(int status) {
  (void)status;
  MMIO8(GED_SLEEP_CTL) = GED_SLP_EN | GED_SLP_TYP_S5;
  for (;;)
    __asm__ volatile("idle 0");
}

unsigned arch_cpu_id(void) { return (unsigned)(csr_read(CSR_CPUID) & 0x1ff); }

unsigned cpus_released;

void arch_start_cpus(unsigned ncpus) {
  (void)ncpus; /* every CPU of -smp is waiting */
  __atomic_store_n(&cpus_released, 1, __ATOMIC_RELEASE);
}

/* The constant timer's frequency: CPUCFG word 4 times word 5's mul/div. */
static unsigned long timer_hz(void) {
  unsigned long freq, muldiv;
  __asm__ volatile("cpucfg %0, %1" : "=r"(freq) : "r"(4ul));
  __asm__ volatile("cpucfg %0, %1" : "=r"(muldiv) : "r"(5ul));
  unsigned long mul = muldiv & 0xffff, div = (muldiv >> 16) & 0xffff;
  if (!freq || !mul || !div)
    fatal("constant timer frequency (cpucfg 4, 5)", freq, muldiv);
  return (freq & 0xffffffff) * mul / div;
}

void arch_timer_start(void) {
  unsigned long interval = (timer_hz() / TIMER_HZ) & ~3ul;
  csr_write(CSR_TICLR, 1);
  csr_write(CSR_TCFG, interval | TCFG_PERIODIC | TCFG_EN);
  csr_xchg(CSR_ECFG, ECFG_TI, ECFG_TI);
  csr_xchg(CSR_CRMD, CRMD_IE, CRMD_IE);
}

void arch_timer_stop(void) {
  csr_xchg(CSR_CRMD, 0, CRMD_IE);
  csr_xchg(CSR_ECFG, 0, ECFG_TI);
  csr_write(CSR_TCFG, 0);
  csr_write(CSR_TICLR, 1);
}

_Noreturn void arch_halt(void) {
  for (;;)
    __asm__ volatile("idle 0");
}

/*
 * Every exception, counted by the entry code (entry_traps, through the
 * <percpu.h> assembly macros) and by the C handler (handled_traps): the
 * same number on every CPU, the timer's at least.
 */
DEFINE_PER_CPU(unsigned long, entry_traps);
DEFINE_PER_CPU(unsigned long, handled_traps);

static unsigned user_mode_check(unsigned cpu);

unsigned arch_report_cpu(unsigned cpu) {
  unsigned failures = user_mode_check(cpu);
  unsigned long entry = per_cpu(entry_traps, cpu);
  unsigned long handled = per_cpu(handled_traps, cpu);
  if (entry == handled && entry != 0)
    return failures;
  puts_("FAIL: cpu ");
  putu(cpu);
  puts_(": the entry code counted ");
  putu(entry);
  puts_(" exceptions, the handler ");
  putu(handled);
  puts_("\n");
  return failures + 1;
}

static int timer_tick(void) {
  unsigned long estat = csr_read(CSR_ESTAT);
  if (((estat >> 16) & 0x3f) != 0 || !(estat & ECFG_TI))
    return 0;
  csr_write(CSR_TICLR, 1);
  timer_interrupt();
  return 1;
}

void trap(void) {
  this_cpu_inc(handled_traps);
  if (timer_tick())
    return;
  fatal("exception (estat, era)", csr_read(CSR_ESTAT), csr_read(CSR_ERA));
}

/* The PLV3 round trip (user_mode.c, loongarch64_start.S). */
#include "user_mode.c"

#define ECODE_SYSCALL 0xb

/* ra, t0-t8, a0-a7, $r21, sp: the frame the entry saves. */
struct user_frame {
  unsigned long ra, t[9], a[8], r21, sp;
};

void user_trap(struct user_frame *frame) {
  user_check_frame(frame->r21);
  if (timer_tick()) {
    user_irq();
    return;
  }
  unsigned long estat = csr_read(CSR_ESTAT), era = csr_read(CSR_ERA);
  if (((estat >> 16) & 0x3f) != ECODE_SYSCALL)
    fatal("exception at PLV3 (estat, era)", estat, era);
  csr_write(CSR_ERA, era + 4);
  frame->a[0] = user_syscall(frame->a[7], frame->a[0]);
}

void arch_percpu_early(void) {}

/* Layout (a): the kernel allocates the areas (here, statically). */
/* Four pages an area, and a page for the runtime's table; -ENOSPC if not. */
static char areas[NCPUS * 16384 + 4096] __attribute__((aligned(4096)));

int arch_percpu_init(void) {
  return percpu_init_buffer(areas, sizeof areas, NCPUS);
}
