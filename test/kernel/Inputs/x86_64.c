/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU pc (x86_64) for the per-CPU test: COM1, the local APIC timer
 * (vector 32), the isa-debug-exit device to leave QEMU with a status
 * (QEMU exits with status * 2 + 1), and the real IA32_GS_BASE: the runtime
 * is lib/x86_64-kernel (PERCPU_KERNEL: wrmsr). One CPU.
 */
#include <percpu.h>

#include "kernel.h"

#define COM1 0x3f8
#define DEBUG_EXIT 0xf4
#define LAPIC 0xfee00000ul
#define TIMER_VECTOR 32
#define SPURIOUS_VECTOR 0xff
#define LAPIC_TIMER_HZ 62500000ul /* QEMU: 1 GHz bus, divided by 16 */

#define MMIO32(a) (*(volatile uint32_t *)(a))

const char arch_name[] = "x86_64";

static inline void outb(uint16_t port, uint8_t v) {
  __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port) {
  uint8_t v;
  __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
  return v;
}

void arch_putc(char c) {
  while (!(inb(COM1 + 5) & 0x20))
    ;
  outb(COM1, (uint8_t)c);
}

_Noreturn void arch_exit(int status) {
  __asm__ volatile("outl %0, %1" : : "a"((uint32_t)status), "Nd"(DEBUG_EXIT));
  for (;;)
    __asm__ volatile("cli; hlt");
}

unsigned arch_cpu_id(void) { return MMIO32(LAPIC + 0x20) >> 24; }

void arch_start_cpus(unsigned ncpus) {
  if (ncpus != 1)
    fatal("x86_64: one CPU only", ncpus, 1);
}

struct idt_entry {
  uint16_t off0, sel;
  uint8_t ist, type;
  uint16_t off1;
  uint32_t off2, zero;
};
static struct idt_entry idt[256] __attribute__((aligned(16)));

static void set_gate(unsigned v, void (*fn)(void)) {
  uintptr_t a = (uintptr_t)fn;
  idt[v] = (struct idt_entry){(uint16_t)a, 0x08, 0, 0x8e, (uint16_t)(a >> 16),
                              (uint32_t)(a >> 32), 0};
}

extern void timer_entry(void), spurious_entry(void);
extern char exception_entries[];

static void idt_init(void) {
  for (unsigned v = 0; v < 32; v++)
    set_gate(v, (void (*)(void))(exception_entries + 16 * v));
  set_gate(TIMER_VECTOR, timer_entry);
  set_gate(SPURIOUS_VECTOR, spurious_entry);
  struct __attribute__((packed)) {
    uint16_t limit;
    uint64_t base;
  } ptr = {sizeof idt - 1, (uintptr_t)idt};
  __asm__ volatile("lidt %0" : : "m"(ptr));
}

void arch_timer_start(void) {
  idt_init();
  outb(0x21, 0xff); /* mask the 8259s: their vectors would hit exceptions */
  outb(0xa1, 0xff);
  MMIO32(LAPIC + 0xf0) = 0x100 | SPURIOUS_VECTOR; /* SVR: enable */
  MMIO32(LAPIC + 0x3e0) = 0x3;                    /* divide by 16 */
  MMIO32(LAPIC + 0x320) = TIMER_VECTOR | (1u << 17); /* periodic */
  MMIO32(LAPIC + 0x380) = LAPIC_TIMER_HZ / TIMER_HZ;
  __asm__ volatile("sti" : : : "memory");
}

void arch_timer_stop(void) {
  __asm__ volatile("cli" : : : "memory");
  MMIO32(LAPIC + 0x320) = 1u << 16; /* masked */
  MMIO32(LAPIC + 0x380) = 0;
}

_Noreturn void arch_halt(void) {
  for (;;)
    __asm__ volatile("cli; hlt");
}

void x86_timer_irq(void) {
  timer_interrupt();
  MMIO32(LAPIC + 0xb0) = 0; /* EOI */
}

_Noreturn void x86_exception(uint64_t vector, uint64_t top) {
  fatal("exception (vector, top of frame)", vector, top);
}

/* Layout (a) with areas reserved in the image (percpu-areas.ld). */

void arch_percpu_early(void) {}

int arch_percpu_init(void) {
  /* The GS base really is IA32_GS_BASE: check the runtime writes it. */
  int n = percpu_init_in_place();
  if (n > 0) {
    uint32_t lo, hi;
    percpu_write_reg(0x1234000);
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0xc0000101u));
    if (((uint64_t)hi << 32 | lo) != 0x1234000)
      fatal("IA32_GS_BASE", (uint64_t)hi << 32 | lo, 0x1234000);
    percpu_write_reg(0);
  }
  return n;
}
