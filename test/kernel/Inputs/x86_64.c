/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU pc (x86_64) for the per-CPU test: COM1, the local APIC (timer on
 * vector 32, INIT-SIPI-SIPI to start the other CPUs, a self-NMI), the
 * isa-debug-exit device to leave QEMU with a status (QEMU exits with
 * status * 2 + 1), and the real IA32_GS_BASE: the runtime is
 * lib/x86_64-kernel (PERCPU_KERNEL: wrmsr).
 *
 * After its counting loop, with its timer still running, each CPU runs the
 * ring-3 round trip (arch_cpu_extra): it drops to x86_user_main in ring 3
 * (iretq), which sets a GS base of its own and comes back through int
 * $0x80, SYSCALL, the timer and an NMI, each entry with its swapgs
 * (x86_64_start.S, <percpu/asm.h>); then it takes an NMI in ring 0 with
 * the user's base loaded. Without FSGSBASE the kernel writes the user's
 * base to IA32_KERNEL_GS_BASE before the drop instead. The user's base
 * points at a decoy: a copy of this CPU's area, so that a kernel access
 * through the user's base would work but count in the decoy. CPU 0 then
 * checks every CPU's counters, in its copy and in its decoy
 * (arch_report_cpu).
 */
#include <percpu.h>

#include "kernel.h"

#define COM1 0x3f8
#define DEBUG_EXIT 0xf4
#define LAPIC 0xfee00000ul
#define TIMER_VECTOR 32
#define USER_INT_VECTOR 0x80
#define USER_EXIT_VECTOR 0x81
#define SPURIOUS_VECTOR 0xff
#define NMI_VECTOR 2
#define LAPIC_TIMER_HZ 62500000ul /* QEMU: 1 GHz bus, divided by 16 */
#define TRAMPOLINE 0x8000ul       /* SIPI vector 0x08, below 1 MiB */

#define MSR_EFER 0xc0000080u
#define MSR_STAR 0xc0000081u
#define MSR_LSTAR 0xc0000082u
#define MSR_FMASK 0xc0000084u
#define MSR_GS_BASE 0xc0000101u
#define MSR_KERNEL_GS_BASE 0xc0000102u

#define GATE_KERNEL 0x8e /* interrupt gate, DPL 0 */
#define GATE_USER 0xee   /* interrupt gate, DPL 3: IF off until swapgs */
#define TSS_SELECTOR(cpu) (0x28 + 16 * (cpu))

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
static inline uint64_t rdmsr(uint32_t msr) {
  uint32_t lo, hi;
  __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
  return (uint64_t)hi << 32 | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v) {
  __asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v),
                   "d"((uint32_t)(v >> 32)));
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

/* The IDT, GDT and one TSS per CPU (with RSP0 and the NMI stack). */

struct idt_entry {
  uint16_t off0, sel;
  uint8_t ist, type;
  uint16_t off1;
  uint32_t off2, zero;
};
static struct idt_entry idt[256] __attribute__((aligned(16)));

struct __attribute__((packed)) tss {
  uint32_t reserved0;
  uint64_t rsp[3];
  uint64_t reserved1;
  uint64_t ist[7];
  uint64_t reserved2;
  uint16_t reserved3, iomap_base;
};
static struct tss tss[NCPUS] __attribute__((aligned(16)));
extern uint64_t gdt_tss[NCPUS][2];

#define TRAP_STACK_BYTES 8192
static char trap_stacks[NCPUS][TRAP_STACK_BYTES] __attribute__((aligned(16)));
static char nmi_stacks[NCPUS][TRAP_STACK_BYTES] __attribute__((aligned(16)));

/* The NMI entry's kernel GS base for this CPU, above its IST frame. */
static uint64_t *nmi_kernel_gs(unsigned cpu) {
  return (uint64_t *)(nmi_stacks[cpu] + TRAP_STACK_BYTES - 16);
}

extern void timer_entry(void), spurious_entry(void), user_int_entry(void),
    user_exit_entry(void), syscall_entry(void), nmi_entry(void);
extern char exception_entries[];
extern char x86_trampoline[], x86_trampoline_end[];

static void set_gate(unsigned v, void (*fn)(void), uint8_t type, uint8_t ist) {
  uintptr_t a = (uintptr_t)fn;
  idt[v] = (struct idt_entry){(uint16_t)a, 0x08, ist, type, (uint16_t)(a >> 16),
                              (uint32_t)(a >> 32), 0};
}

static void idt_build(void) {
  for (unsigned v = 0; v < 32; v++)
    set_gate(v, (void (*)(void))(exception_entries + 16 * v), GATE_KERNEL, 0);
  set_gate(NMI_VECTOR, nmi_entry, GATE_KERNEL, 1);
  set_gate(TIMER_VECTOR, timer_entry, GATE_KERNEL, 0);
  set_gate(USER_INT_VECTOR, user_int_entry, GATE_USER, 0);
  set_gate(USER_EXIT_VECTOR, user_exit_entry, GATE_USER, 0);
  set_gate(SPURIOUS_VECTOR, spurious_entry, GATE_KERNEL, 0);
}

static void tss_build(unsigned cpu) {
  struct tss *t = &tss[cpu];
  uintptr_t a = (uintptr_t)t;
  t->rsp[0] = (uintptr_t)(trap_stacks[cpu] + TRAP_STACK_BYTES);
  t->ist[0] = (uintptr_t)nmi_kernel_gs(cpu);
  t->iomap_base = sizeof *t;
  /* 64-bit available TSS (type 9), present, limit sizeof - 1. */
  gdt_tss[cpu][0] = (sizeof *t - 1) | (a & 0xffffff) << 16 | 0x89ull << 40 |
                    (uint64_t)(a >> 24 & 0xff) << 56;
  gdt_tss[cpu][1] = a >> 32;
}

/* FSGSBASE (QEMU -cpu max): ring 3 sets its GS base with wrgsbase. */
static int have_fsgsbase[NCPUS];

/*
 * Each CPU, before any per-CPU access (CPU 0 from start64, the others from
 * x86_ap_main): its IDT, TSS, SYSCALL MSRs and CR4.FSGSBASE. CPU 0 builds
 * the shared IDT first.
 */
void x86_cpu_setup(unsigned cpu) {
  if (cpu >= NCPUS)
    fatal("x86_64: APIC ID beyond NCPUS", cpu, NCPUS);
  if (cpu == 0)
    idt_build();
  tss_build(cpu);
  struct __attribute__((packed)) {
    uint16_t limit;
    uint64_t base;
  } ptr = {sizeof idt - 1, (uintptr_t)idt};
  __asm__ volatile("lidt %0" : : "m"(ptr));
  __asm__ volatile("ltr %w0" : : "r"(TSS_SELECTOR(cpu)));

  uint32_t a, b, c, d;
  __asm__ volatile("cpuid"
                   : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
                   : "a"(7), "c"(0));
  have_fsgsbase[cpu] = b & 1;
  if (have_fsgsbase[cpu]) {
    uint64_t cr4;
    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr4 | 1u << 16)); /* FSGSBASE */
  }

  wrmsr(MSR_EFER, rdmsr(MSR_EFER) | 1); /* SCE */
  /* SYSCALL: CS 0x08, SS 0x10; SYSRET: SS 0x18 | 3, CS 0x20 | 3. */
  wrmsr(MSR_STAR, (uint64_t)0x10 << 48 | (uint64_t)0x08 << 32);
  wrmsr(MSR_LSTAR, (uintptr_t)syscall_entry);
  wrmsr(MSR_FMASK, 0x700); /* clear TF, IF and DF: IF off until swapgs */
}

_Noreturn void x86_ap_main(unsigned cpu) {
  x86_cpu_setup(cpu);
  secondary_main(cpu);
}

/* The application processors: INIT, then two startup IPIs. */

static void lapic_ipi(unsigned apic_id, uint32_t low) {
  MMIO32(LAPIC + 0x310) = apic_id << 24;
  MMIO32(LAPIC + 0x300) = low;
  while (MMIO32(LAPIC + 0x300) & (1u << 12)) /* delivery pending */
    __asm__ volatile("pause");
}

static void delay(unsigned long n) {
  while (n--)
    __asm__ volatile("pause");
}

void arch_start_cpus(unsigned ncpus) {
  unsigned long bytes = (unsigned long)(x86_trampoline_end - x86_trampoline);
  volatile char *to = (volatile char *)TRAMPOLINE;
  for (unsigned long i = 0; i < bytes; i++)
    to[i] = x86_trampoline[i];
  for (unsigned cpu = 1; cpu < ncpus; cpu++) {
    lapic_ipi(cpu, 0x4500); /* INIT, assert */
    delay(100000);
    for (int i = 0; i < 2; i++) {
      lapic_ipi(cpu, 0x4600 | TRAMPOLINE >> 12); /* STARTUP */
      delay(10000);
    }
  }
}

void arch_timer_start(void) {
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
    percpu_write_reg(0x1234000);
    if (rdmsr(MSR_GS_BASE) != 0x1234000)
      fatal("IA32_GS_BASE", rdmsr(MSR_GS_BASE), 0x1234000);
    percpu_write_reg(0);
  }
  return n;
}

/*
 * The ring-3 round trip. The entry code reaches the stack slots and the
 * timer counter by PER_CPU_VAR; the C handlers count with this_cpu_*.
 */
DEFINE_PER_CPU(uint64_t, x86_resume_rsp);
DEFINE_PER_CPU(uint64_t, x86_user_rsp);
DEFINE_PER_CPU(uint64_t, x86_kernel_rsp);
DEFINE_PER_CPU(uint64_t, x86_user_timer_irqs);
DEFINE_PER_CPU(uint64_t, x86_ints);
DEFINE_PER_CPU(uint64_t, x86_syscalls);
DEFINE_PER_CPU(uint64_t, x86_nmis);
DEFINE_PER_CPU(uint64_t, x86_user_nmis);
DEFINE_PER_CPU(uint64_t, x86_swapped_nmis);
DEFINE_PER_CPU(uint64_t, x86_wrong_cpu);
DEFINE_PER_CPU(unsigned, x86_cpu);

struct user_result {
  uint64_t failures, loops;
};
struct user_result x86_enter_user(void (*rip)(void), void *rsp, uint64_t gs,
                                  uint64_t has_wrgsbase);
extern void x86_user_main(void);
extern uint64_t *x86_this_cpu_ints(void); /* percpu_addr */

#define DECOY_BYTES 16384
static char decoys[NCPUS][DECOY_BYTES] __attribute__((aligned(4096)));
static char user_stacks[NCPUS][8192] __attribute__((aligned(16)));
static struct user_result results[NCPUS];
static uint64_t kernel_gs_at_start[NCPUS];

static void count_cpu(void) {
  if (this_cpu_read(x86_cpu) != arch_cpu_id())
    this_cpu_inc(x86_wrong_cpu);
}

uint64_t x86_user_int(uint64_t nr) {
  if (nr == 1)
    return this_cpu_read(x86_nmis);
  this_cpu_inc(x86_ints);
  count_cpu();
  return this_cpu_read(x86_user_timer_irqs);
}

uint64_t x86_syscall(uint64_t nr) {
  this_cpu_inc(x86_syscalls);
  count_cpu();
  return nr;
}

void x86_nmi(unsigned from_ring, unsigned swapped) {
  this_cpu_inc(x86_nmis);
  if (from_ring == 3)
    this_cpu_inc(x86_user_nmis);
  if (swapped)
    this_cpu_inc(x86_swapped_nmis);
  count_cpu();
}

/*
 * An NMI in ring 0 with the user's base loaded, as between a SYSCALL and
 * its swapgs: only the paranoid entry gets it right. No per-CPU access
 * (and no interrupt) until the second swapgs, so the wait reads this
 * CPU's counter through a plain pointer, and gives up after a while.
 */
static void nmi_while_swapped(unsigned cpu) {
  volatile uint64_t *n = per_cpu_ptr(&x86_nmis, cpu);
  uint64_t before = *n, spins = 0;
  __asm__ volatile("pushfq\n\tcli\n\tswapgs\n\t"
                   "movl %[dest], 0x310(%[lapic])\n\t"
                   "movl $0x4400, 0x300(%[lapic])\n"
                   "1:\tpause\n\t"
                   "incq %[spins]\n\t"
                   "cmpq %[before], (%[n])\n\t"
                   "jne 2f\n\t"
                   "cmpq $1000000, %[spins]\n\t"
                   "jb 1b\n"
                   "2:\tswapgs\n\tpopfq"
                   : [spins] "+r"(spins)
                   : [lapic] "r"(LAPIC), [dest] "r"(cpu << 24), [n] "r"(n),
                     [before] "r"(before)
                   : "memory", "cc");
}

void arch_cpu_extra(unsigned cpu) {
  this_cpu_write(x86_cpu, cpu);
  /* The NMI entry compares IA32_GS_BASE with this: keep it current. */
  uint64_t base = rdmsr(MSR_GS_BASE);
  if (base != percpu_offset(cpu))
    fatal("IA32_GS_BASE != percpu_offset", base, percpu_offset(cpu));
  *nmi_kernel_gs(cpu) = base;
  this_cpu_write(x86_kernel_rsp, tss[cpu].rsp[0]);
  if (x86_this_cpu_ints() != this_cpu_ptr(&x86_ints) ||
      x86_this_cpu_ints() != per_cpu_ptr(&x86_ints, cpu))
    fatal("percpu_addr", (uintptr_t)x86_this_cpu_ints(),
          (uintptr_t)this_cpu_ptr(&x86_ints));

  /* The decoy: this CPU's area as it is now, counters at 0. */
  if (percpu_area_stride() > DECOY_BYTES)
    fatal("decoy too small", percpu_area_stride(), DECOY_BYTES);
  const char *area = percpu_area_base(cpu);
  for (unsigned long i = 0; i < percpu_area_stride(); i++)
    decoys[cpu][i] = area[i];

  /* An NMI in ring 0 first. */
  MMIO32(LAPIC + 0x310) = cpu << 24;
  MMIO32(LAPIC + 0x300) = 0x4400;
  while (this_cpu_read(x86_nmis) == 0)
    __asm__ volatile("pause");

  /* The user's base: 0 until it sets its own, with wrgsbase, or else by
   * the kernel in IA32_KERNEL_GS_BASE before the drop. */
  kernel_gs_at_start[cpu] = rdmsr(MSR_KERNEL_GS_BASE);
  uint64_t user_gs = base + (uintptr_t)decoys[cpu] - (uintptr_t)area;
  if (!have_fsgsbase[cpu])
    wrmsr(MSR_KERNEL_GS_BASE, user_gs);
  results[cpu] = x86_enter_user(x86_user_main,
                                user_stacks[cpu] + sizeof user_stacks[cpu],
                                user_gs, (uint64_t)have_fsgsbase[cpu]);
  __asm__ volatile("sti" : : : "memory"); /* int $0x81 left IF clear */
  if (rdmsr(MSR_GS_BASE) != base)
    fatal("IA32_GS_BASE after ring 3", rdmsr(MSR_GS_BASE), base);
  if (rdmsr(MSR_KERNEL_GS_BASE) != user_gs)
    fatal("IA32_KERNEL_GS_BASE after ring 3", rdmsr(MSR_KERNEL_GS_BASE),
          user_gs);
  nmi_while_swapped(cpu);
}

/* The decoy's copy of one of the 64-bit counters of a CPU. */
#define DECOY(var, cpu)                                                        \
  (*(uint64_t *)(decoys[cpu] + ((char *)per_cpu_ptr(&var, cpu) -      \
                                       (char *)percpu_area_base(cpu))))

static unsigned report(int ok, const char *what, unsigned cpu, uint64_t a,
                       uint64_t b) {
  if (ok)
    return 0;
  puts_("FAIL: cpu ");
  putu(cpu);
  puts_(": ring 3: ");
  puts_(what);
  puts_(" (");
  putu(a);
  puts_(" vs ");
  putu(b);
  puts_(")\n");
  return 1;
}

unsigned arch_report_cpu(unsigned cpu) {
  struct user_result r = results[cpu];
  uint64_t ints = per_cpu(x86_ints, cpu), sys = per_cpu(x86_syscalls, cpu);
  uint64_t timer = per_cpu(x86_user_timer_irqs, cpu);
  uint64_t nmis = per_cpu(x86_nmis, cpu);
  puts_("cpu ");
  putu(cpu);
  puts_(": ring 3: ");
  putu(r.loops);
  puts_(" loops, ");
  putu(ints);
  puts_(" int $0x80, ");
  putu(sys);
  puts_(" syscall, ");
  putu(timer);
  puts_(" timer, ");
  putu(nmis);
  puts_(" NMIs (");
  putu(per_cpu(x86_user_nmis, cpu));
  puts_(" from ring 3, ");
  putu(per_cpu(x86_swapped_nmis, cpu));
  puts_(" swapped), user GS base by ");
  puts_(have_fsgsbase[cpu] ? "wrgsbase\n" : "wrmsr\n");
  unsigned bad = 0;
  bad += report(kernel_gs_at_start[cpu] == 0,
                "IA32_KERNEL_GS_BASE before the first drop", cpu,
                kernel_gs_at_start[cpu], 0);
  bad += report(r.failures == 0, "user's GS base not kept", cpu, r.failures, 0);
  bad += report(r.loops > 0 && ints == r.loops, "int $0x80 count", cpu, ints,
                r.loops);
  bad += report(sys == r.loops, "syscall count", cpu, sys, r.loops);
  bad += report(timer >= 20, "timer interrupts in ring 3", cpu, timer, 20);
  bad += report(nmis == 3, "NMIs", cpu, nmis, 3);
  bad += report(per_cpu(x86_wrong_cpu, cpu) == 0, "another CPU's copy", cpu,
                per_cpu(x86_wrong_cpu, cpu), 0);
  /* Nothing the kernel counted went through the user's base. */
  bad += report(DECOY(x86_ints, cpu) == 0 && DECOY(x86_syscalls, cpu) == 0 &&
                    DECOY(x86_user_timer_irqs, cpu) == 0 &&
                    DECOY(x86_nmis, cpu) == 0,
                "counted through the user's GS base", cpu,
                DECOY(x86_ints, cpu) + DECOY(x86_syscalls, cpu) +
                    DECOY(x86_user_timer_irqs, cpu) + DECOY(x86_nmis, cpu),
                0);
  return bad;
}
