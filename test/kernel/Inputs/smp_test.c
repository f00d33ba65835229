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
 *
 *   Dynamic counters (alloc_percpu) count the same way, through per-CPU
 *   pointers: dyn_mixed must equal mixed on every CPU, and each starts at
 *   0 on every CPU although the block was dirtied and freed before.
 *
 *   -DAREAS_ANYWHERE: kernel_main sets the areas up itself with
 *   percpu_setup_areas, out of order and one of them below the template
 *   (in .data; the others are in .bss, above it), and the last CPU has no
 *   area until it comes up and calls percpu_setup_cpu (hotplug). Until
 *   then it is possible but not online.
 */
#include <percpu.h>

#include "kernel.h"
#include "../../Inputs/table_capacity.h"

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

/* Dynamic counters: allocated by CPU 0 before the others start. */
static unsigned long __percpu *dyn_mixed;
static unsigned long __percpu *dyn_irqs;

char stacks[NCPUS][STACK_BYTES] __attribute__((aligned(16)));

static unsigned cpus_done;
static unsigned cpus_alive;
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
  this_cpu_inc(*dyn_irqs);
  this_cpu_add(*dyn_mixed, IRQ_WEIGHT);
  raw_cpu_add(racy, IRQ_WEIGHT);
  if (this_cpu_read(cpu_id) != arch_cpu_id())
    this_cpu_inc(wrong_cpu_irqs);
}

#ifdef AREAS_ANYWHERE
#define AREA_BYTES 16384
#define LATE_CPU (NCPUS - 1)
/* Below the template: .data comes before the percpu section. */
static char low_area[AREA_BYTES] __attribute__((aligned(4096))) = {1};
static char high_areas[NCPUS - 1][AREA_BYTES] __attribute__((aligned(4096)));
static uintptr_t table[64 + TABLE_CAPACITY_BYTES / 8];
extern char __start_percpu[];
/* Out of order, one below the template, the last CPU's later. */
static void *const areas_of[NCPUS] = {high_areas[1], low_area, high_areas[0]};

static int setup_areas_anywhere(void) {
  if (percpu_area_stride() > AREA_BYTES)
    fatal("areas too small", percpu_area_stride(), AREA_BYTES);
  if (percpu_table_bytes(NCPUS) > sizeof table)
    fatal("table too small", percpu_table_bytes(NCPUS), sizeof table);
  if ((uintptr_t)low_area + AREA_BYTES > (uintptr_t)__start_percpu)
    fatal("low area not below the template", (uintptr_t)low_area,
          (uintptr_t)__start_percpu);
  return percpu_setup_areas(areas_of, NCPUS, table, sizeof table);
}

/* The late CPU brings its own area up. */
static void come_up(unsigned cpu) {
  if (cpu != LATE_CPU)
    return;
  int err = percpu_setup_cpu(cpu, high_areas[NCPUS - 2]);
  if (err)
    fatal("percpu_setup_cpu", cpu, (uint64_t)(int64_t)err);
  if (percpu_setup_cpu(cpu, high_areas[NCPUS - 2]) != -16) /* -EBUSY */
    fatal("percpu_setup_cpu twice", cpu, 0);
}

static void *area_of(unsigned cpu) {
  return cpu == LATE_CPU ? high_areas[NCPUS - 2] : areas_of[cpu];
}
#endif

/*
 * An architecture's own test on every CPU, after the counting loop with
 * the timer still running (x86_64: the ring-3 round trip), and its check
 * of each CPU's results by CPU 0, returning the failures. Weak no-ops.
 */
__attribute__((weak)) void arch_cpu_extra(unsigned cpu) { (void)cpu; }
__attribute__((weak)) unsigned arch_report_cpu(unsigned cpu) {
  (void)cpu;
  return 0;
}

static void cpu_run(unsigned cpu) {
#ifdef AREAS_ANYWHERE
  come_up(cpu);
#endif
  int err = percpu_init_reg(cpu);
  if (err)
    fatal("percpu_init_reg", cpu, (uint64_t)(int64_t)err);
  if (!percpu_base_ok())
    fatal("percpu_base_ok after percpu_init_reg", cpu, percpu_read_reg());
  /* Initial values: the template's, and CPU 0's early write; the dynamic
   * counters zeroed on every CPU. */
  if (this_cpu_read(magic) != 0x5eed5eedul || this_cpu_read(early) != 7 ||
      this_cpu_read(cpu_id) != 0xdeadbeefu || this_cpu_read(loops) != 0 ||
      this_cpu_read(*dyn_mixed) != 0 || *this_cpu_ptr(dyn_irqs) != 0)
    this_cpu_inc(bad_init);
  this_cpu_write(cpu_id, cpu);
  __atomic_fetch_add(&cpus_alive, 1, __ATOMIC_SEQ_CST);

  arch_timer_start();
  while (this_cpu_read(irqs) < IRQ_TARGET || this_cpu_read(loops) < MIN_LOOPS) {
    this_cpu_inc(loops);
    this_cpu_add(mixed, 1);
    this_cpu_add(*dyn_mixed, 1);
    raw_cpu_add(racy, 1);
    __asm__ volatile("" ::: "memory"); /* one load and store per turn */
  }
  arch_cpu_extra(cpu);
  arch_timer_stop();
  __atomic_fetch_add(&cpus_done, 1, __ATOMIC_RELEASE);
}

_Noreturn void secondary_main(unsigned cpu) {
  cpu_run(cpu);
  arch_halt();
}

/*
 * The dynamic counters, in blocks dirtied first: alloc_percpu must zero
 * every CPU's copy of a block it hands out again.
 */
static void allocate_counters(void) {
  unsigned cpu;
  unsigned long __percpu *dirty[2];
  for (int i = 0; i < 2; i++) {
    dirty[i] = alloc_percpu(unsigned long);
    if (!dirty[i])
      fatal("alloc_percpu", (uint64_t)(int64_t)percpu_alloc_error(), i);
    for_each_online_cpu(cpu)
      *per_cpu_ptr(dirty[i], cpu) = 0xbad;
  }
  free_percpu(dirty[0]);
  free_percpu(dirty[1]);
  dyn_mixed = alloc_percpu(unsigned long);
  dyn_irqs = alloc_percpu(unsigned long);
  if (dyn_mixed != dirty[0] || dyn_irqs != dirty[1])
    fatal("alloc_percpu did not reuse the freed blocks", (uintptr_t)dyn_mixed,
          (uintptr_t)dirty[0]);
}

/*
 * The template guard, once every CPU is up: the template is poisoned (not
 * in the VMA-0 layout, whose template link address holds no data), and the
 * CPUs' copies and this CPU's register are as they were.
 */
static void check_template_guard(void) {
  int err = percpu_poison_template();
#ifdef LAYOUT_VMA0
  check(err == -22, "percpu_poison_template (VMA 0: -EINVAL)", 0,
        (uint64_t)(int64_t)err, 0);
#else
  unsigned long in_template = *(volatile unsigned long *)(uintptr_t)&magic;
  check(err == 0, "percpu_poison_template", 0, (uint64_t)(int64_t)err, 0);
  check(in_template == 0xa5a5a5a5a5a5a5a5ul, "template poisoned", 0,
        in_template, 0);
#endif
  check(per_cpu(magic, NCPUS - 1) == 0x5eed5eedul, "copy after the poison",
        NCPUS - 1, per_cpu(magic, NCPUS - 1), 0x5eed5eedul);
  check(percpu_base_ok() == 1, "percpu_base_ok", 0, percpu_read_reg(), 0);
}

_Noreturn void kernel_main(void) {
  puts_(arch_name);
  puts_(": percpu kernel test, ");
  putu(NCPUS);
  puts_(" CPUs\n");

  /* Before the runtime: reaches the template (or area 0, VMA-0 layout). */
  arch_percpu_early();
  this_cpu_write(early, 7);

#ifdef AREAS_ANYWHERE
  int n = setup_areas_anywhere();
#else
  int n = arch_percpu_init();
#endif
  if (n != NCPUS)
    fatal("percpu init returned", (uint64_t)(int64_t)n, NCPUS);
  allocate_counters();
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

  unsigned cpu, online = 0, possible = 0;
  for_each_possible_cpu(cpu)
    possible++;
  for_each_online_cpu(cpu)
    online++;
#ifdef AREAS_ANYWHERE
  check(online == NCPUS - 1 && percpu_cpu_online(LATE_CPU) == 0 &&
            per_cpu_ptr(&loops, LATE_CPU) == NULL,
        "late CPU online before it came up", LATE_CPU, online, NCPUS - 1);
#else
  check(online == NCPUS, "CPUs online", 0, online, NCPUS);
#endif
  check(possible == NCPUS, "CPUs possible", 0, possible, NCPUS);

  arch_start_cpus(NCPUS);
  cpu_run(0);

  while (__atomic_load_n(&cpus_done, __ATOMIC_ACQUIRE) != NCPUS)
    ;

  online = 0;
  for_each_online_cpu(cpu)
    online++;
  check(online == NCPUS, "CPUs online at the end", 0, online, NCPUS);
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
    check(*per_cpu_ptr(dyn_mixed, cpu) == m, "dynamic counter != mixed", cpu,
          *per_cpu_ptr(dyn_mixed, cpu), m);
    check(*per_cpu_ptr(dyn_irqs, cpu) == i, "dynamic IRQ counter", cpu,
          *per_cpu_ptr(dyn_irqs, cpu), i);
    racy_lost += (l + i * IRQ_WEIGHT - per_cpu(racy, cpu)) / IRQ_WEIGHT;
#ifdef PERCPU_PREEMPT_HOOKS
    check(per_cpu(preempt_depth, cpu) == 0, "preempt hooks unbalanced", cpu,
          (uint64_t)per_cpu(preempt_depth, cpu), 0);
    check(per_cpu(preempt_calls, cpu) >= l, "preempt hooks not called", cpu,
          per_cpu(preempt_calls, cpu), l);
#endif
    check(i >= IRQ_TARGET, "too few interrupts", cpu, i, IRQ_TARGET);
    failures += arch_report_cpu(cpu);
    check(((uintptr_t)per_cpu_ptr(&page, cpu) & 4095) == 0, "page alignment",
          cpu, (uintptr_t)per_cpu_ptr(&page, cpu), 0);
#ifdef AREAS_ANYWHERE
    check(percpu_area_base(cpu) == area_of(cpu), "area", cpu,
          (uintptr_t)percpu_area_base(cpu), (uintptr_t)area_of(cpu));
#else
    check((char *)per_cpu_ptr(&loops, cpu) - (char *)per_cpu_ptr(&loops, 0) ==
              (ptrdiff_t)(cpu * percpu_area_stride()),
          "per_cpu_ptr stride", cpu,
          (uintptr_t)per_cpu_ptr(&loops, cpu), (uintptr_t)percpu_area_base(cpu));
#endif
    check((char *)per_cpu_ptr(&loops, cpu) - (char *)percpu_area_base(cpu) ==
              (char *)per_cpu_ptr(&loops, 0) - (char *)percpu_area_base(0),
          "per_cpu_ptr in the area", cpu, (uintptr_t)per_cpu_ptr(&loops, cpu),
          (uintptr_t)percpu_area_base(cpu));
  }
  /* This CPU's register reaches its own area. */
  check(this_cpu_ptr(&loops) == per_cpu_ptr(&loops, 0), "this_cpu_ptr", 0,
        (uintptr_t)this_cpu_ptr(&loops), (uintptr_t)per_cpu_ptr(&loops, 0));
  check(per_cpu_ptr(&loops, NCPUS) == NULL, "per_cpu_ptr past the end", NCPUS,
        (uintptr_t)per_cpu_ptr(&loops, NCPUS), 0);
  check(__atomic_load_n(&cpus_alive, __ATOMIC_SEQ_CST) == NCPUS, "CPUs alive",
        0, __atomic_load_n(&cpus_alive, __ATOMIC_SEQ_CST), NCPUS);

  check_template_guard();

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
