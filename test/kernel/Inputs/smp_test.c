/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The per-CPU test every kernel runs, on every CPU:
 *
 *   CPU 0 writes a per-CPU variable before the runtime is set up (it
 *   reaches the template, or area 0 in the VMA-0 layout), sets up the
 *   areas, and starts the other CPUs. Each CPU points its base register at
 *   its area, checks the initial values, then counts in a loop
 *   (this_cpu_inc / this_cpu_add) while its timer interrupt counts too
 *   (this_cpu_inc of an IRQ counter, this_cpu_add to a counter the loop
 *   also adds to). An update lost to an interrupt between the read and the
 *   write of a this_cpu_* operation shows as mixed != loops + irqs * W.
 *   CPU 0 waits for all, reads every CPU's copies through per_cpu() and
 *   prints the counts and PASS or FAIL.
 */
#include <percpu.h>
#include <stdatomic.h>

#include "kernel.h"

#define IRQ_WEIGHT 1000ul
#ifndef IRQ_TARGET
#define IRQ_TARGET 200 /* interrupts each CPU waits for */
#endif
#define MIN_LOOPS 100000ul

DEFINE_PER_CPU(unsigned long, loops);
DEFINE_PER_CPU(unsigned long, irqs);
DEFINE_PER_CPU(unsigned long, mixed);
DEFINE_PER_CPU(unsigned long, wrong_cpu_irqs);
/* The control: raw_cpu_add is not interrupt-safe, and may lose updates. */
DEFINE_PER_CPU(unsigned long, racy);
DEFINE_PER_CPU(unsigned int, cpu_id) = 0xdeadbeefu;
DEFINE_PER_CPU(unsigned long, magic) = 0x5eed5eedul;
DEFINE_PER_CPU(unsigned long, early);
DEFINE_PER_CPU(unsigned int, bad_init);
/* Page-aligned: every area must be, so the stride is a page multiple. */
DEFINE_PER_CPU_PAGE_ALIGNED(unsigned char, page[64]);

#ifdef PERCPU_PREEMPT_HOOKS
/*
 * --percpu-preempt-hooks: the this_cpu_* operations that read the base
 * register in an instruction of their own call these. A kernel with a
 * scheduler would count preemption off per CPU; this one checks the calls
 * nest and balance. Only raw operations here: a this_cpu_* would call the
 * hook again.
 */
DEFINE_PER_CPU(long, preempt_depth);
DEFINE_PER_CPU(unsigned long, preempt_calls);

void percpu_preempt_disable(void) {
  __this_cpu_inc(preempt_depth);
  __this_cpu_inc(preempt_calls);
  __asm__ volatile("" ::: "memory");
}

void percpu_preempt_enable(void) {
  __asm__ volatile("" ::: "memory");
  __this_cpu_dec(preempt_depth);
}
#endif

char stacks[NCPUS][STACK_BYTES] __attribute__((aligned(16)));

static atomic_uint cpus_done;
static atomic_uint cpus_alive;
static unsigned failures;

/* The compiler may emit calls to these. */
#include "../../Inputs/freestanding_mem.c"

void puts_(const char *s) {
  while (*s) {
    if (*s == '\n')
      arch_putc('\r');
    arch_putc(*s++);
  }
}

void putu(uint64_t v) {
  char buf[21];
  int n = 0;
  do
    buf[n++] = (char)('0' + v % 10);
  while (v /= 10);
  while (n)
    arch_putc(buf[--n]);
}

void putx(uint64_t v) {
  puts_("0x");
  int shift = 60;
  while (shift > 0 && !(v >> shift))
    shift -= 4;
  for (; shift >= 0; shift -= 4)
    arch_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

_Noreturn void fatal(const char *what, uint64_t a, uint64_t b) {
  puts_("FAIL: ");
  puts_(what);
  puts_(" ");
  putx(a);
  puts_(" ");
  putx(b);
  puts_("\n");
  arch_exit(1);
}

static void check(int ok, const char *what, unsigned cpu, uint64_t a,
                  uint64_t b) {
  if (ok)
    return;
  failures++;
  puts_("FAIL: cpu ");
  putu(cpu);
  puts_(": ");
  puts_(what);
  puts_(" (");
  putu(a);
  puts_(" vs ");
  putu(b);
  puts_(")\n");
}

/* From the arch's timer interrupt handler, on the interrupted CPU. */
void timer_interrupt(void) {
  this_cpu_inc(irqs);
  this_cpu_add(mixed, IRQ_WEIGHT);
  raw_cpu_add(racy, IRQ_WEIGHT);
  if (this_cpu_read(cpu_id) != arch_cpu_id())
    this_cpu_inc(wrong_cpu_irqs);
}

static void cpu_run(unsigned cpu) {
  int err = percpu_init_reg(cpu);
  if (err)
    fatal("percpu_init_reg", cpu, (uint64_t)(int64_t)err);
  /* Initial values: the template's, and CPU 0's early write. */
  if (this_cpu_read(magic) != 0x5eed5eedul || this_cpu_read(early) != 7 ||
      this_cpu_read(cpu_id) != 0xdeadbeefu || this_cpu_read(loops) != 0)
    this_cpu_inc(bad_init);
  this_cpu_write(cpu_id, cpu);
  atomic_fetch_add(&cpus_alive, 1);

  arch_timer_start();
  while (this_cpu_read(irqs) < IRQ_TARGET || this_cpu_read(loops) < MIN_LOOPS) {
    this_cpu_inc(loops);
    this_cpu_add(mixed, 1);
    raw_cpu_add(racy, 1);
    __asm__ volatile("" ::: "memory"); /* one load and store per turn */
  }
  arch_timer_stop();
  atomic_fetch_add_explicit(&cpus_done, 1, memory_order_release);
}

_Noreturn void secondary_main(unsigned cpu) {
  cpu_run(cpu);
  arch_halt();
}

_Noreturn void kernel_main(void) {
  puts_(arch_name);
  puts_(": percpu kernel test, ");
  putu(NCPUS);
  puts_(" CPUs\n");

  /* Before the runtime: reaches the template (or area 0, VMA-0 layout). */
  arch_percpu_early();
  this_cpu_write(early, 7);

  int n = arch_percpu_init();
  if (n != NCPUS)
    fatal("percpu init returned", (uint64_t)(int64_t)n, NCPUS);
  puts_("areas: ");
  putu((unsigned)n);
  puts_(" x ");
  putu(percpu_area_stride());
  puts_(" bytes (template ");
  putu(percpu_area_size());
  puts_(", align ");
  putu(percpu_area_align());
  puts_(") at ");
  putx((uintptr_t)percpu_area_base(0));
  puts_("\n");

  arch_start_cpus(NCPUS);
  cpu_run(0);

  while (atomic_load_explicit(&cpus_done, memory_order_acquire) != NCPUS)
    ;

  unsigned cpu;
  unsigned long racy_lost = 0;
  for_each_possible_cpu(cpu) {
    unsigned long l = per_cpu(loops, cpu), i = per_cpu(irqs, cpu);
    unsigned long m = per_cpu(mixed, cpu);
    puts_("cpu ");
    putu(cpu);
    puts_(": ");
    putu(l);
    puts_(" increments, ");
    putu(i);
    puts_(" interrupts, reg ");
    putx(percpu_offset(cpu));
    puts_("\n");
    check(per_cpu(cpu_id, cpu) == cpu, "cpu_id", cpu, per_cpu(cpu_id, cpu), cpu);
    check(per_cpu(bad_init, cpu) == 0, "initial values", cpu,
          per_cpu(bad_init, cpu), 0);
    check(per_cpu(wrong_cpu_irqs, cpu) == 0, "interrupts saw another CPU's copy",
          cpu, per_cpu(wrong_cpu_irqs, cpu), 0);
    check(m == l + i * IRQ_WEIGHT, "lost update: mixed != loops + irqs*W", cpu,
          m, l + i * IRQ_WEIGHT);
    racy_lost += (l + i * IRQ_WEIGHT - per_cpu(racy, cpu)) / IRQ_WEIGHT;
#ifdef PERCPU_PREEMPT_HOOKS
    check(per_cpu(preempt_depth, cpu) == 0, "preempt hooks unbalanced", cpu,
          (uint64_t)per_cpu(preempt_depth, cpu), 0);
    check(per_cpu(preempt_calls, cpu) >= l, "preempt hooks not called", cpu,
          per_cpu(preempt_calls, cpu), l);
#endif
    check(i >= IRQ_TARGET, "too few interrupts", cpu, i, IRQ_TARGET);
    check(((uintptr_t)per_cpu_ptr(&page, cpu) & 4095) == 0, "page alignment",
          cpu, (uintptr_t)per_cpu_ptr(&page, cpu), 0);
    check((char *)per_cpu_ptr(&loops, cpu) - (char *)per_cpu_ptr(&loops, 0) ==
              (ptrdiff_t)(cpu * percpu_area_stride()),
          "per_cpu_ptr stride", cpu,
          (uintptr_t)per_cpu_ptr(&loops, cpu), (uintptr_t)percpu_area_base(cpu));
  }
  /* This CPU's register reaches its own area. */
  check(this_cpu_ptr(&loops) == per_cpu_ptr(&loops, 0), "this_cpu_ptr", 0,
        (uintptr_t)this_cpu_ptr(&loops), (uintptr_t)per_cpu_ptr(&loops, 0));
  check(per_cpu_ptr(&loops, NCPUS) == NULL, "per_cpu_ptr past the end", NCPUS,
        (uintptr_t)per_cpu_ptr(&loops, NCPUS), 0);
  check(atomic_load(&cpus_alive) == NCPUS, "CPUs alive", 0,
        atomic_load(&cpus_alive), NCPUS);

  /* Information only: how often an interrupt hit a read-modify-write. */
  puts_("control: raw_cpu_add lost ");
  putu(racy_lost);
  puts_(" interrupt updates (this_cpu_add lost none)\n");

  if (failures) {
    puts_("FAIL: ");
    putu(failures);
    puts_(" checks failed\n");
    arch_exit(1);
  }
  puts_("PASS: ");
  putu(NCPUS);
  puts_(" CPUs\n");
  arch_exit(0);
}
