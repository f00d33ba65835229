/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Areas anywhere and dynamic per-CPU memory, freestanding under qemu-user;
 * one thread plays NCPUS CPUs by switching its base register:
 *
 *   set-up   percpu_setup_areas with the areas out of order, one of them
 *            below the template (the others are in .bss) and the
 *            last CPU's missing (possible, not online); its bad arguments
 *   alloc    alloc_percpu before the last CPU is up; this_cpu_* through
 *            the pointer on every online CPU; the last CPU comes up with
 *            percpu_setup_cpu, its copy zeroed; every bad input
 *   after    per_cpu_ptr reads each CPU's copy in its own area
 *
 * It prints "<arch> dynamic: <n> checks passed" and exits 0, or prints
 * every failed check and exits 1.
 */
#include <percpu.h>

#include "qemu_rt.h"
#include "../../Inputs/table_capacity.h"

#define ENOMEM 12
#define ENODEV 19
#define ENOSPC 28

#define NCPUS 4
#define LATE (NCPUS - 1)
#define AREA_BYTES 8192

extern char __start_percpu[], __stop_percpu[];

DEFINE_PER_CPU(unsigned long, counter) = 100;
DEFINE_PER_CPU(uint32_t, tag) = 0xabcd;

/*
 * Below the template: lld places .data.rel.ro before the percpu section
 * (the program checks it). Nothing makes it read-only in a static program
 * without a dynamic loader.
 */
static char low_area[AREA_BYTES]
    __attribute__((aligned(4096), section(".data.rel.ro.below_percpu"))) = {1};
static char high_areas[NCPUS - 1][AREA_BYTES] __attribute__((aligned(4096)));
static uintptr_t table[64 + TABLE_CAPACITY_BYTES / 8];
static void *areas[NCPUS] = {high_areas[1], low_area, high_areas[0], NULL};

static void fill(void *p, unsigned char byte, size_t n) {
  unsigned char *b = p;
  while (n--)
    *b++ = byte;
}

static void setup(void) {
  CHECK((uintptr_t)low_area + AREA_BYTES <= (uintptr_t)__start_percpu);
  CHECK((uintptr_t)high_areas[0] >= (uintptr_t)__stop_percpu);
  CHECK(percpu_area_stride() <= AREA_BYTES);
  CHECK(percpu_table_bytes(NCPUS) <= sizeof table);
  CHECK_EQ(percpu_area_num(), 0);
  CHECK_PTR_EQ(per_cpu_ptr(&counter, 0), NULL);

  /* Before the set-up there is no dynamic memory. */
  CHECK_PTR_EQ(alloc_percpu(long), NULL);
  CHECK_EQ(percpu_alloc_error(), -ENODEV);

  /* Rejected set-ups claim nothing. */
  void *misaligned[NCPUS] = {high_areas[0] + 8};
  CHECK_EQ(percpu_setup_areas(misaligned, NCPUS, table, sizeof table),
           -EINVAL);
  CHECK_EQ(percpu_setup_areas(areas, NCPUS, NULL, sizeof table), -EINVAL);
  CHECK_EQ(percpu_setup_areas(areas, NCPUS, table, 8), -EINVAL);
  CHECK_EQ(percpu_setup_areas(areas, NCPUS, (char *)table + 1, 256), -EINVAL);
  CHECK_EQ(percpu_setup_areas(NULL, NCPUS, table, sizeof table), -EINVAL);
  CHECK_EQ(percpu_setup_areas(areas, 0, table, sizeof table), -EINVAL);
  CHECK_EQ(percpu_init_buffer(high_areas, 100, NCPUS), -ENOSPC);

  fill(high_areas[NCPUS - 2], 0xa5, AREA_BYTES); /* the late CPU's, dirty */
  CHECK_EQ(percpu_setup_areas(areas, NCPUS, table, sizeof table), NCPUS);
  CHECK_EQ(percpu_setup_areas(areas, NCPUS, table, sizeof table), -EBUSY);
  CHECK_EQ(percpu_init(high_areas, 1), -EBUSY);
  CHECK_EQ(percpu_reserve_dynamic(4096, 64), -EBUSY);

  unsigned cpu, possible = 0, online = 0;
  for_each_possible_cpu(cpu)
    possible++;
  for_each_online_cpu(cpu)
    online++;
  CHECK_EQ(possible, NCPUS);
  CHECK_EQ(online, NCPUS - 1);
  CHECK_EQ(percpu_cpu_online(LATE), 0);
  CHECK_EQ(percpu_cpu_online(NCPUS), 0);
  CHECK_PTR_EQ(per_cpu_ptr(&counter, LATE), NULL);
  CHECK_PTR_EQ(percpu_area_base(LATE), NULL);
  CHECK_EQ(percpu_offset(LATE), 0);
  CHECK_EQ(percpu_init_reg(LATE), -EINVAL);
  for (cpu = 0; cpu < LATE; cpu++) {
    CHECK_PTR_EQ(percpu_area_base(cpu), areas[cpu]);
    CHECK_EQ(percpu_offset(cpu),
             (uintptr_t)areas[cpu] - (uintptr_t)__start_percpu);
    CHECK_EQ(per_cpu(counter, cpu), 100);
  }
  /* CPU 1's area is below the template: a "negative" offset. */
  CHECK((intptr_t)percpu_offset(1) < 0);
}

static void dynamic(void) {
  unsigned long __percpu *p = alloc_percpu(unsigned long);
  uint16_t __percpu *q = (uint16_t __percpu *)__alloc_percpu(2, 2);
  CHECK(p != NULL && q != NULL);
  /* Beyond the template, in the reserve of every area. */
  CHECK((uintptr_t)p >= (uintptr_t)__stop_percpu);
  CHECK((uintptr_t)p + sizeof *p <=
        (uintptr_t)__start_percpu + percpu_area_stride());
  for (unsigned cpu = 0; cpu < LATE; cpu++) {
    CHECK_EQ(*per_cpu_ptr(p, cpu), 0);
    CHECK_EQ(*per_cpu_ptr(q, cpu), 0);
  }

  /* Each online CPU counts in its own copy. */
  for (unsigned cpu = 0; cpu < LATE; cpu++) {
    CHECK_EQ(percpu_init_reg(cpu), 0);
    for (unsigned i = 0; i <= cpu; i++)
      this_cpu_inc(*p);
    this_cpu_add(*p, 10);
    CHECK_EQ(this_cpu_add_return(*q, (uint16_t)(cpu + 1)), cpu + 1);
    CHECK_EQ(this_cpu_read(*p), cpu + 11);
    CHECK_PTR_EQ(this_cpu_ptr(p), per_cpu_ptr(p, cpu));
    CHECK_EQ(this_cpu_read(counter), 100);
    CHECK_EQ(this_cpu_read(tag), 0xabcd);
  }

  /* The late CPU comes up: the template's values, zeroed blocks. */
  CHECK_EQ(percpu_setup_cpu(LATE, NULL), -EINVAL);
  CHECK_EQ(percpu_setup_cpu(LATE, high_areas[NCPUS - 2] + 8), -EINVAL);
  CHECK_EQ(percpu_setup_cpu(NCPUS, high_areas[NCPUS - 2]), -EINVAL);
  CHECK_EQ(percpu_setup_cpu(0, high_areas[NCPUS - 2]), -EBUSY);
  CHECK_EQ(percpu_setup_cpu(LATE, high_areas[NCPUS - 2]), 0);
  CHECK_EQ(percpu_setup_cpu(LATE, high_areas[NCPUS - 2]), -EBUSY);
  CHECK_EQ(percpu_cpu_online(LATE), 1);
  CHECK_EQ(percpu_init_reg(LATE), 0);
  CHECK_EQ(this_cpu_read(*p), 0);
  CHECK_EQ(this_cpu_read(*q), 0);
  CHECK_EQ(this_cpu_read(counter), 100);
  CHECK_EQ(this_cpu_read(tag), 0xabcd);
  this_cpu_add(*p, 42);
  CHECK_PTR_EQ(this_cpu_ptr(p),
               high_areas[NCPUS - 2] +
                   ((uintptr_t)p - (uintptr_t)__start_percpu));

  unsigned cpu, online = 0;
  unsigned long sum = 0;
  for_each_online_cpu(cpu) {
    online++;
    sum += per_cpu(*p, cpu);
  }
  CHECK_EQ(online, NCPUS);
  CHECK_EQ(sum, 11 + 12 + 13 + 42);

  /* Bad input: an error, and nothing changes. */
  CHECK_PTR_EQ(__alloc_percpu(0, 8), NULL);
  CHECK_EQ(percpu_alloc_error(), -EINVAL);
  CHECK_PTR_EQ(__alloc_percpu(8, 3), NULL);
  CHECK_EQ(percpu_alloc_error(), -EINVAL);
  CHECK_PTR_EQ(__alloc_percpu(8, 0), NULL);
  CHECK_PTR_EQ(__alloc_percpu(8, 2 * PERCPU_DYNAMIC_ALIGN_DEFAULT), NULL);
  CHECK_EQ(percpu_alloc_error(), -EINVAL);
  CHECK_PTR_EQ(__alloc_percpu(PERCPU_DYNAMIC_BYTES_DEFAULT + 1, 8), NULL);
  CHECK_EQ(percpu_alloc_error(), -ENOMEM);
  CHECK_EQ(free_percpu(&counter), -EINVAL);
  CHECK_EQ(free_percpu((char __percpu *)p + 8), -EINVAL);
  CHECK_EQ(free_percpu(NULL), 0);
  CHECK_EQ(free_percpu(q), 0);
  CHECK_EQ(free_percpu(q), -EINVAL); /* double free */
  CHECK_EQ(percpu_alloc_error(), -EINVAL);
  for (cpu = 0; cpu < NCPUS; cpu++)
    CHECK_EQ(*per_cpu_ptr(p, cpu), cpu == LATE ? 42 : cpu + 11);

  /* Out of space: as many 16-byte blocks as the reserve holds, then none. */
  enum { BLOCKS = PERCPU_DYNAMIC_BYTES_DEFAULT / PERCPU_ALLOC_UNIT };
  static char __percpu *blocks[BLOCKS];
  unsigned got = 0;
  while (got < BLOCKS && (blocks[got] = __alloc_percpu(1, 1)) != NULL)
    got++;
  CHECK_EQ(got, BLOCKS - 1); /* p holds one */
  CHECK_PTR_EQ(__alloc_percpu(1, 1), NULL);
  CHECK_EQ(percpu_alloc_error(), -ENOMEM);
  for (unsigned i = 0; i < got; i++)
    CHECK_EQ(free_percpu(blocks[i]), 0);
  CHECK_EQ(free_percpu(p), 0);
  CHECK_EQ(this_cpu_read(counter), 100);
}

int main(void) {
  setup();
  dynamic();
  return rt_report(ARCH_NAME " dynamic");
}
