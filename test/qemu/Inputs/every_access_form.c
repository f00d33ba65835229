/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The program every test in test/qemu runs: one thread plays NCPUS CPUs by
 * switching the base register from CPU to CPU with percpu_init_reg, and
 * goes through every access form and every runtime error path:
 *
 *   before init  the register is 0 and every access reaches the template
 *   errors       percpu_init's -EINVAL and -EBUSY cases, CPU numbers out of
 *                range (per_cpu_ptr NULL, percpu_init_reg -EINVAL)
 *   layout       areas in a static buffer, aligned for a page-aligned
 *                variable, each a copy of the template
 *   round 0      on each CPU in turn (0, 1, 2, 3): this_cpu_* (read, write,
 *                add, sub, inc, dec, and, or, xchg, cmpxchg, try_cmpxchg,
 *                *_return), __this_cpu_* / raw_cpu_*, plain C, struct
 *                fields, arrays with a variable index, this_cpu_ptr,
 *                get_cpu_var, a per-CPU pointer passed to a function, and
 *                per_cpu writes to the next CPU's copy
 *   round 1      on each CPU in turn backwards (3, 2, 1, 0): this CPU's
 *                copy holds what round 0 left on this CPU (and what the
 *                previous CPU wrote to it), then a second change
 *   after        per_cpu reads every CPU's copy; register 0 again reaches
 *                the template, which kept its initial values
 *
 * It prints "<arch> <register>: <n> checks passed" and exits 0, or prints
 * every failed check and exits 1. 8-byte this_cpu_* operations run on
 * 64-bit targets only: on riscv32 they are calls to libatomic.
 */
#include <limits.h>

#include <percpu.h>

#include "qemu_rt.h"
#include "../../Inputs/table_capacity.h"

#define NCPUS 4
#define WIDE_ATOMICS (UINTPTR_MAX > 0xffffffffu)

#define STR_(x) #x
#define STR(x) STR_(x)
#if defined(PERCPU_REGISTER)
#define REGISTER_NAME STR(PERCPU_REGISTER)
#elif defined(__aarch64__)
#define REGISTER_NAME "tpidr_el1"
#elif defined(__riscv)
#define REGISTER_NAME "gp"
#elif defined(__loongarch__)
#define REGISTER_NAME "r21"
#endif

struct stats {
  unsigned long min, max, count;
  uint16_t tag;
  uint8_t flags[3];
};

DEFINE_PER_CPU(unsigned long, counter) = 100;
DEFINE_PER_CPU(uint8_t, u8) = 200;
DEFINE_PER_CPU(int16_t, s16) = -5;
DEFINE_PER_CPU(uint32_t, u32) = 0xf0f0;
DEFINE_PER_CPU(uint64_t, u64) = 1ull << 40;
DEFINE_PER_CPU(int *, ptr);
DEFINE_PER_CPU(struct stats, st) = {
    .min = ~0ul,
    .tag = 0xabc,
    .flags = {1, 2, 3},
};
DEFINE_PER_CPU(uint32_t, arr[8]) = {1, 2, 3, 4, 5, 6, 7, 8};
DEFINE_PER_CPU_ALIGNED(unsigned long, hot) = 10;
DEFINE_PER_CPU_PAGE_ALIGNED(uint8_t, page[64]) = {0x5a};
DEFINE_PER_CPU(unsigned long, mailbox);
static DEFINE_PER_CPU(unsigned long, before_init);

extern char __start_percpu[];

static int targets[NCPUS + 1];

/* Room for NCPUS areas of two pages each (page holds a page-aligned
   variable; the dynamic reserve fits in the second), a page for the
   runtime's table (and its capacity), plus one page to test misaligned
   bases past the end. */
static char areas[(2 * NCPUS + 2) * 4096 + TABLE_CAPACITY_BYTES] __attribute__((aligned(4096)));

/* A value the compiler cannot see through: variable indices. */
static unsigned opaque(unsigned x) {
  __asm__("" : "+r"(x));
  return x;
}

/* The template copy of a variable: an integer round trip, no per-CPU access. */
#define TEMPLATE(var) (*(__percpu_typeof_unqual(var) *)(uintptr_t)&(var))

/* A per-CPU pointer as an argument: *p is this CPU's copy. */
__attribute__((noinline)) static void bump(unsigned long __percpu *p,
                                           unsigned long by) {
  *p += by;
  this_cpu_add(*p, 1);
}

static void expect_no_cpu(unsigned cpu) {
  CHECK_PTR_EQ(percpu_area_base(cpu), NULL);
  CHECK_PTR_EQ(percpu_remote_ptr(&counter, cpu), NULL);
  CHECK_PTR_EQ(per_cpu_ptr(&counter, cpu), NULL);
  CHECK_EQ(percpu_offset(cpu), 0);
  CHECK_EQ(percpu_init_reg(cpu), -EINVAL);
}

static void before_init_reaches_template(void) {
  CHECK_EQ(percpu_read_reg(), 0);
  CHECK_EQ(percpu_area_num(), 0);
  CHECK_EQ(this_cpu_read(counter), 100);
  CHECK_EQ(st.tag, 0xabc);
  CHECK_PTR_EQ(this_cpu_ptr(&counter), &TEMPLATE(counter));
  this_cpu_write(before_init, 77);
  __this_cpu_inc(before_init);
  CHECK_EQ(TEMPLATE(before_init), 78);
  expect_no_cpu(0);
  expect_no_cpu(1);
  CHECK_EQ(percpu_read_reg(), 0);
}

static void init_errors(void) {
  size_t align = percpu_area_align();
  CHECK_EQ(percpu_areas_bytes(0), 0);
  CHECK_EQ(percpu_init(NULL, NCPUS), -EINVAL);
  CHECK_EQ(percpu_init(areas + 1, NCPUS), -EINVAL);
  CHECK_EQ(percpu_init(areas + align / 2, NCPUS), -EINVAL);
  CHECK_EQ(percpu_init(areas + 8, NCPUS), -EINVAL);
  CHECK_EQ(percpu_init(areas, 0), -EINVAL);
  CHECK_EQ(percpu_init(areas, (unsigned)INT_MAX + 1), -EINVAL);
  CHECK_EQ(percpu_init(areas, UINT_MAX), -EINVAL);
  /* Aligned, but the areas would wrap around the address space. */
  char *top = (char *)(UINTPTR_MAX & ~(uintptr_t)(align - 1));
  CHECK_EQ(percpu_init(top, 2), -EINVAL);
#if defined(__aarch64__) && PERCPU_MAX_CPUS
  /* The table holds PERCPU_MAX_CPUS entries, and no set-up takes more. */
  CHECK(percpu_table_bytes(1) >= 8 + 8 * (size_t)PERCPU_MAX_CPUS);
  CHECK_EQ(percpu_areas_bytes(PERCPU_MAX_CPUS + 1), 0);
  CHECK_EQ(percpu_init(areas, PERCPU_MAX_CPUS + 1), -EINVAL);
  CHECK_EQ(percpu_init_buffer(areas, sizeof areas, PERCPU_MAX_CPUS + 1),
           -EINVAL);
  void *const no_areas[1] = {NULL};
  CHECK_EQ(percpu_setup_areas(no_areas, PERCPU_MAX_CPUS + 1, areas,
                              sizeof areas),
           -EINVAL);
#endif
  CHECK_EQ(percpu_area_num(), 0);
  CHECK_EQ(percpu_read_reg(), 0);
}

static void init_and_layout(void) {
  size_t align = percpu_area_align();
  size_t stride = percpu_area_stride();
  CHECK(align >= 4096 && !(align & (align - 1)));
  CHECK_EQ(stride % align, 0);
  CHECK(stride >= percpu_area_size());
  CHECK_EQ(percpu_areas_bytes(NCPUS) % align, 0);
  CHECK(percpu_areas_bytes(NCPUS) >=
        NCPUS * stride + percpu_table_bytes(NCPUS));
  CHECK(percpu_areas_bytes(NCPUS) <
        NCPUS * stride + percpu_table_bytes(NCPUS) + align);
  CHECK(percpu_areas_bytes(NCPUS) <= sizeof areas - 4096);

  CHECK_EQ(percpu_init(areas, NCPUS), NCPUS);
  CHECK_EQ(percpu_init(areas, NCPUS), -EBUSY);
  CHECK_EQ(percpu_init(areas + align, 1), -EBUSY);
  /* A rejected call is still -EINVAL, never a second initialisation. */
  CHECK_EQ(percpu_init(NULL, NCPUS), -EINVAL);
  CHECK_EQ(percpu_area_num(), NCPUS);
  expect_no_cpu(NCPUS);
  expect_no_cpu(UINT_MAX);
  CHECK_EQ(percpu_read_reg(), 0);

  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    char *area = areas + cpu * stride;
    CHECK_PTR_EQ(percpu_area_base(cpu), area);
    CHECK_EQ(percpu_offset(cpu), (uintptr_t)area - (uintptr_t)__start_percpu);
    CHECK_PTR_EQ(per_cpu_ptr(&counter, cpu),
                 area + ((uintptr_t)&counter - (uintptr_t)__start_percpu));
    CHECK_EQ((uintptr_t)per_cpu_ptr(&page, cpu) % 4096, 0);
    CHECK_EQ((uintptr_t)per_cpu_ptr(&hot, cpu) % PERCPU_CACHELINE_BYTES, 0);
    /* Every area starts as a copy of the template. */
    CHECK_EQ(per_cpu(counter, cpu), 100);
    CHECK_EQ(per_cpu(before_init, cpu), 78);
    CHECK_EQ(per_cpu(st, cpu).min, ~0ul);
    CHECK_EQ(per_cpu(arr[7], cpu), 8);
    CHECK_EQ(per_cpu(page[0], cpu), 0x5a);
  }
}

static void this_cpu_ops(unsigned cpu) {
  uint8_t c = (uint8_t)cpu;
  this_cpu_add(u8, c);
  this_cpu_inc(u8);
  CHECK_EQ(this_cpu_add_return(u8, 60), (uint8_t)(200 + c + 1 + 60));
  CHECK_EQ(this_cpu_dec_return(u8), (uint8_t)(200 + c + 60));
  CHECK_EQ(this_cpu_xchg(u8, 7), (uint8_t)(200 + c + 60));
  CHECK_EQ(this_cpu_cmpxchg(u8, 7, 8 + c), 7);
  CHECK_EQ(this_cpu_cmpxchg(u8, 7, 99), 8 + c);

  this_cpu_sub(s16, (int16_t)(cpu * 100));
  this_cpu_dec(s16);
  CHECK_EQ(this_cpu_sub_return(s16, 1), -7 - (int)cpu * 100);
  CHECK_EQ(this_cpu_inc_return(s16), -6 - (int)cpu * 100);

  this_cpu_and(u32, 0xff00u | cpu);
  this_cpu_or(u32, 0x1u << (cpu + 16));
  CHECK_EQ(this_cpu_read(u32), 0xf000u | (1u << (cpu + 16)));
  uint32_t old = 1;
  CHECK(!this_cpu_try_cmpxchg(u32, &old, 2));
  CHECK_EQ(old, 0xf000u | (1u << (cpu + 16)));
  CHECK(this_cpu_try_cmpxchg(u32, &old, old + cpu));

  CHECK_EQ(this_cpu_read(counter), 100);
  this_cpu_write(counter, 1000ul * cpu);
  this_cpu_add(counter, 5);
  this_cpu_sub(counter, 2);
  this_cpu_or(counter, 0x10000ul);
  this_cpu_and(counter, 0xfffful);
  CHECK_EQ(this_cpu_add_return(counter, 7), 1000ul * cpu + 10);

#if WIDE_ATOMICS
  this_cpu_write(u64, cpu);
  this_cpu_add(u64, 1ull << 33);
  CHECK_EQ(this_cpu_add_return(u64, 1ull << 40),
           (1ull << 40) + (1ull << 33) + cpu);
  CHECK_EQ(this_cpu_xchg(u64, (1ull << 40) + ((uint64_t)cpu << 33) + cpu),
           (1ull << 40) + (1ull << 33) + cpu);
#else
  u64 = cpu;
  u64 += 1ull << 33;
  CHECK_EQ(u64 += 1ull << 40, (1ull << 40) + (1ull << 33) + cpu);
  u64 = (1ull << 40) + ((uint64_t)cpu << 33) + cpu;
#endif

  CHECK_PTR_EQ(this_cpu_read(ptr), NULL);
  this_cpu_write(ptr, &targets[cpu]);
  CHECK_PTR_EQ(this_cpu_cmpxchg(ptr, &targets[cpu], &targets[0]),
               &targets[cpu]);
  CHECK_PTR_EQ(this_cpu_xchg(ptr, &targets[cpu]), &targets[0]);
}

static void raw_cpu_ops(unsigned cpu) {
  __this_cpu_add(hot, cpu);
  __this_cpu_inc(hot);
  __this_cpu_sub(hot, 2);
  __this_cpu_dec(hot);
  CHECK_EQ(__this_cpu_read(hot), 8 + cpu);
  CHECK_EQ(__this_cpu_add_return(hot, 2), 10 + cpu);
  CHECK_EQ(__this_cpu_sub_return(hot, 1), 9 + cpu);
  CHECK_EQ(__this_cpu_inc_return(hot), 10 + cpu);
  CHECK_EQ(__this_cpu_dec_return(hot), 9 + cpu);
  __this_cpu_or(hot, 0x100);
  __this_cpu_and(hot, 0x1ff);
  CHECK_EQ(__this_cpu_xchg(hot, 50), 0x100 | (9 + cpu));
  CHECK_EQ(__this_cpu_cmpxchg(hot, 51, 0), 50);
  CHECK_EQ(__this_cpu_cmpxchg(hot, 50, 60 + cpu), 50);
  raw_cpu_write(hot, raw_cpu_read(hot) * 2);
}

static void plain_struct_array_ops(unsigned cpu) {
  /* Plain C and struct fields. */
  counter *= 2;
  bump(&counter, cpu);
  st.count++;
  __this_cpu_write(st.max, 20 + cpu);
  this_cpu_write(st.min, 10 + cpu);
  if (st.min > 5 + cpu)
    st.min = 5 + cpu;
  this_cpu_or(st.flags[1], 0x10);
  st.flags[opaque(2)] += (uint8_t)cpu;
  CHECK_EQ(this_cpu_xchg(st.tag, 0x100 + cpu), 0xabc);

  /* Pointers to this CPU's copy. */
  struct stats *s = this_cpu_ptr(&st);
  CHECK_PTR_EQ(s, per_cpu_ptr(&st, cpu));
  s->count += 2;
  get_cpu_var(st).count++;
  put_cpu_var(st);

  /* Arrays with a variable index. */
  for (unsigned i = opaque(0); i < 8; i++)
    arr[i] += 10 * cpu;
  this_cpu_add(arr[opaque(cpu)], 100);
  __this_cpu_inc(arr[opaque(7 - cpu)]);

  /* Another CPU's copy: the next CPU reads it in round 1. */
  per_cpu(mailbox, (cpu + 1) % NCPUS) = 500 + cpu;
}

/* What round 0 left in CPU cpu's array. */
static uint32_t arr_after_round0(unsigned cpu, unsigned i) {
  return i + 1 + 10 * cpu + (i == cpu ? 100 : 0) + (i == 7 - cpu ? 1 : 0);
}

static void round0(unsigned cpu) {
  this_cpu_ops(cpu);
  raw_cpu_ops(cpu);
  plain_struct_array_ops(cpu);
}

/* This CPU's copies hold exactly what round 0 left on this CPU. */
static void round1(unsigned cpu) {
  CHECK_EQ(this_cpu_read(u8), 8 + cpu);
  CHECK_EQ(__this_cpu_read(s16), -6 - (int)cpu * 100);
  CHECK_EQ(u32, (0xf000u | (1u << (cpu + 16))) + cpu);
  CHECK_EQ(this_cpu_read(counter), 2001ul * cpu + 21);
  CHECK_EQ(u64, (1ull << 40) + ((uint64_t)cpu << 33) + cpu);
  CHECK_PTR_EQ(this_cpu_read(ptr), &targets[cpu]);
  CHECK_EQ(hot, 120 + 2 * cpu);
  CHECK_EQ(st.min, 5 + cpu);
  CHECK_EQ(this_cpu_read(st.max), 20 + cpu);
  CHECK_EQ(st.count, 4);
  CHECK_EQ(st.tag, 0x100 + cpu);
  CHECK_EQ(st.flags[0], 1);
  CHECK_EQ(this_cpu_read(st.flags[1]), 0x12);
  CHECK_EQ(st.flags[opaque(2)], 3 + cpu);
  for (unsigned i = opaque(0); i < 8; i++)
    CHECK_EQ(arr[i], arr_after_round0(cpu, i));
  CHECK_EQ(this_cpu_read(mailbox), 500 + (cpu + NCPUS - 1) % NCPUS);

  this_cpu_add(u8, 10);
  this_cpu_sub(s16, 1);
  CHECK_EQ(this_cpu_xchg(u32, 0x1234 + cpu),
           (0xf000u | (1u << (cpu + 16))) + cpu);
  this_cpu_inc(counter);
  __this_cpu_add(u64, 1ull << 32);
  this_cpu_write(ptr, &targets[cpu + 1]);
  hot++;
  this_cpu_add(st.count, 10);
  __this_cpu_sub(st.max, 1);
  this_cpu_ptr(&arr[0])[opaque(cpu)] -= 1;
  this_cpu_write(mailbox, 0);
}

/* Every CPU's copy, read from outside with per_cpu. */
static void check_remote(unsigned cpu) {
  CHECK_EQ(per_cpu(u8, cpu), 18 + cpu);
  CHECK_EQ(per_cpu(s16, cpu), -7 - (int)cpu * 100);
  CHECK_EQ(per_cpu(u32, cpu), 0x1234 + cpu);
  CHECK_EQ(per_cpu(counter, cpu), 2001ul * cpu + 22);
  CHECK_EQ(per_cpu(u64, cpu),
           (1ull << 40) + ((uint64_t)cpu << 33) + (1ull << 32) + cpu);
  CHECK_PTR_EQ(per_cpu(ptr, cpu), &targets[cpu + 1]);
  CHECK_EQ(per_cpu(hot, cpu), 121 + 2 * cpu);
  struct stats *s = per_cpu_ptr(&st, cpu);
  CHECK_EQ(s->min, 5 + cpu);
  CHECK_EQ(s->max, 19 + cpu);
  CHECK_EQ(s->count, 14);
  for (unsigned i = opaque(0); i < 8; i++)
    CHECK_EQ(per_cpu(arr[i], cpu), arr_after_round0(cpu, i) - (i == cpu));
  CHECK_EQ(per_cpu(mailbox, cpu), 0);
  CHECK_EQ(per_cpu(before_init, cpu), 78);
}

/* The template kept its initial values: register 0 reaches it. */
static void check_template(void) {
  CHECK_EQ(percpu_write_reg(0), 0);
  CHECK_EQ(percpu_read_reg(), 0);
  CHECK_EQ(this_cpu_read(u8), 200);
  CHECK_EQ(s16, -5);
  CHECK_EQ(this_cpu_read(u32), 0xf0f0);
  CHECK_EQ(counter, 100);
  CHECK_EQ(u64, 1ull << 40);
  CHECK_PTR_EQ(this_cpu_read(ptr), NULL);
  CHECK_EQ(hot, 10);
  CHECK_EQ(st.min, ~0ul);
  CHECK_EQ(st.max, 0);
  CHECK_EQ(st.count, 0);
  CHECK_EQ(st.tag, 0xabc);
  CHECK_EQ(st.flags[1], 2);
  for (unsigned i = opaque(0); i < 8; i++)
    CHECK_EQ(arr[i], i + 1);
  CHECK_EQ(mailbox, 0);
  CHECK_EQ(before_init, 78);
  CHECK_EQ(TEMPLATE(counter), 100);
  CHECK_PTR_EQ(this_cpu_ptr(&counter), &TEMPLATE(counter));
}

int main(void) {
  before_init_reaches_template();
  init_errors();
  init_and_layout();

  /* A rejected percpu_init_reg leaves the register alone. */
  CHECK_EQ(percpu_init_reg(NCPUS), -EINVAL);
  CHECK_EQ(percpu_read_reg(), 0);

  for (unsigned round = 0; round < 2; round++) {
    for (unsigned i = 0; i < NCPUS; i++) {
      unsigned cpu = round == 0 ? i : NCPUS - 1 - i;
      CHECK_EQ(percpu_init_reg(cpu), 0);
      CHECK_EQ(percpu_read_reg(), percpu_offset(cpu));
      CHECK_PTR_EQ(this_cpu_ptr(&counter), per_cpu_ptr(&counter, cpu));
      if (round == 0)
        round0(cpu);
      else
        round1(cpu);
    }
  }
  /* A rejected percpu_init_reg leaves the register alone. */
  CHECK_EQ(percpu_init_reg(NCPUS), -EINVAL);
  CHECK_EQ(percpu_read_reg(), percpu_offset(0));

  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    check_remote(cpu);

  /* percpu_write_reg takes any offset: CPU 2's, written directly. */
  CHECK_EQ(percpu_write_reg(percpu_offset(2)), 0);
  CHECK_EQ(this_cpu_read(counter), 2001ul * 2 + 22);
  CHECK_PTR_EQ(this_cpu_ptr(&st), per_cpu_ptr(&st, 2));

  check_template();
  return rt_report(ARCH_NAME " " REGISTER_NAME);
}
