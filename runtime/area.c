/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The set-up: one mechanism, an area per possible CPU anywhere in memory
 * and a table of offsets (area - template start), as Linux's
 * __per_cpu_offset[]. percpu_setup_areas takes the areas one by one;
 * percpu_init, percpu_init_buffer and percpu_init_in_place lay them out
 * contiguously and pass through the same percpu__setup.
 *
 * claimed keeps two set-ups apart: the first caller takes it. The layout
 * lives in one place, __percpu_remote_layout (see percpu.h), which per_cpu
 * reads inline: the winner fills the table, then publishes it with a
 * release store of offsets and then of num. Readers depend on the offsets
 * pointer for everything else (the count is in the table's header), so
 * they see a whole table or the empty one. A CPU without an area has the
 * entry PERCPU_OFFSET_OFFLINE until percpu_setup_cpu brings it up, under
 * the allocator's lock (its allocated blocks must read zero there too).
 */
#include <percpu.h>

#include "bytes.h"
#include "percpu_internal.h"

/* Each CPU's offset, in its own area; 0 in the template (base register 0). */
DEFINE_PER_CPU(uintptr_t, __percpu_self_offset) PERCPU__HIDDEN = 0;

/*
 * No CPU until the set-up: the count in the header is 0, and every entry
 * per_cpu may read is PERCPU_OFFSET_OFFLINE, on AArch64 all
 * PERCPU_MAX_CPUS of them and offsets[-1] (8 bytes each: 32 KiB of
 * read-only data by default). A table rather than a pointer whose every
 * read faults: the count stays in the table's header, so per_cpu_ptr and
 * for_each_possible_cpu read 0 from it before the set-up, and every
 * reader still sees a whole table or this one through its one load of
 * offsets; a count read apart from the pointer could be seen before it.
 */
#define NO_CPUS_ENTRIES (PERCPU__MAX_CPUS > 1 ? PERCPU__MAX_CPUS : 1)
static const struct {
  struct percpu__table header;
  uintptr_t entries[NO_CPUS_ENTRIES];
} no_cpus = {PERCPU__TABLE_HEADER(0),
             {[0 ... NO_CPUS_ENTRIES - 1] = PERCPU_OFFSET_OFFLINE}};
struct percpu_remote_layout __percpu_remote_layout PERCPU__STATE = {
    no_cpus.entries, 0};

static _Bool claimed PERCPU__STATE;
/* Where percpu_setup_cpu copies the template's bytes from. */
static const void *template_src PERCPU__STATE;

/*
 * One CPU's area: the template's bytes and its self offset. An area that is
 * src itself (area 0 in the VMA-0 layout) is not copied onto itself. The
 * padding and the dynamic reserve are left as they are: alloc_percpu zeroes
 * a block in every area when it hands it out.
 */
static uintptr_t init_area(char *area, const void *src, size_t size) {
  uintptr_t offset = (uintptr_t)area - (uintptr_t)__start_percpu;
  if (PERCPU__LIKELY(area != (const char *)src))
    percpu__copy(area, src, size);
  uintptr_t self = (uintptr_t)&__percpu_self_offset - (uintptr_t)__start_percpu;
  *(uintptr_t *)(area + self) = offset;
  return offset;
}

static int misaligned(const void *p, size_t align) {
  return ((uintptr_t)p & (align - 1)) != 0;
}

/* Every area given is aligned and does not wrap around the address space. */
static int areas_valid(const struct percpu__geometry *g, void *const *areas,
                       unsigned ncpus) {
  for (unsigned cpu = 0; cpu < ncpus; cpu++)
    if (areas[cpu] &&
        (misaligned(areas[cpu], g->align) ||
         (uintptr_t)areas[cpu] + g->stride < (uintptr_t)areas[cpu]))
      return 0;
  return 1;
}

/* CPU cpu's area: the one given, or the cpu-th of the contiguous ones. */
static char *area_of(void *const *areas, void *contiguous, size_t stride,
                     unsigned cpu) {
  return areas ? areas[cpu] : (char *)contiguous + cpu * stride;
}

/* Under MSan (bytes.h): what the set-up wrote is initialised. Out of line:
 * the set-up without MSan fetches none of it. */
static __attribute__((noinline)) void
mark_initialised(const struct percpu__geometry *g, void *const *areas,
                 void *contiguous, unsigned ncpus, void *table, size_t need) {
  percpu__initialised(table, need);
  for (unsigned cpu = 0; cpu < ncpus; cpu++) {
    char *area = area_of(areas, contiguous, g->stride, cpu);
    if (area)
      percpu__initialised(area, g->size);
  }
}

/*
 * The set-up proper, with the geometry its caller read and the arguments
 * it checked (need is the table's size): the image check, the claim, then
 * the table and every area. Everything but the copies is a few dozen
 * instructions, so that percpu_init costs about what the copies do. It
 * runs once, cold, so that what it costs beyond the copies is mostly the
 * fetch of its code: inlined into each caller, it makes percpu_init one
 * function without calls, straight through, with only the contiguous path.
 */
static inline __attribute__((always_inline)) int
setup(const struct percpu__geometry *g, void *const *areas, void *contiguous,
      unsigned ncpus, void *table, size_t need, const void *src) {
#if __STDC_HOSTED__
  int err = percpu__check_images();
  if (PERCPU__UNLIKELY(err))
    return err;
#endif

  if (PERCPU__UNLIKELY(__atomic_test_and_set(&claimed, __ATOMIC_ACQUIRE)))
    return -PERCPU__EBUSY;
  percpu__freeze_dynamic();

  /* The header and the map start zeroed. */
  percpu__zero(table, need);
  struct percpu__table *header = table;
  uintptr_t *entries = PERCPU__TABLE_ENTRIES(table);
  /* Runs once, cold: unrolled, it would fetch more code than it saves. */
#pragma clang loop unroll(disable)
  for (unsigned cpu = 0; cpu < ncpus; cpu++) {
    char *area = area_of(areas, contiguous, g->stride, cpu);
    entries[cpu] = area ? init_area(area, src, g->size) : PERCPU_OFFSET_OFFLINE;
  }
  /* Where per_cpu clamps to, and on AArch64 up to its capacity. */
  size_t n = percpu__table_entries(ncpus);
  for (size_t cpu = ncpus; cpu < n; cpu++)
    entries[cpu] = PERCPU_OFFSET_OFFLINE;
  header->num = ncpus;
#if defined(__aarch64__)
  header->below = PERCPU_OFFSET_OFFLINE; /* past the capacity */
#endif
  percpu__alloc_map = (unsigned char *)(entries + n);
  template_src = src;
  if (PERCPU__UNLIKELY(percpu__msan()))
    mark_initialised(g, areas, contiguous, ncpus, table, need);

  __atomic_store_n(&__percpu_remote_layout.offsets, entries, __ATOMIC_RELEASE);
  __atomic_store_n(&__percpu_remote_layout.num, ncpus, __ATOMIC_RELEASE);
  return (int)ncpus;
}

int percpu__setup(void *const *areas, void *contiguous, unsigned ncpus,
                  void *table, size_t table_bytes, const void *src) {
  struct percpu__geometry g;
  percpu__geometry(&g);
  size_t need = percpu__table_bytes(&g, ncpus);
  /* The result is ncpus as an int, so ncpus must fit in one. */
  if (!ncpus || ncpus > PERCPU__INT_MAX || percpu__above_capacity(ncpus) ||
      !table || misaligned(table, sizeof(uintptr_t)) || table_bytes < need)
    return -PERCPU__EINVAL;
  if (areas ? !areas_valid(&g, areas, ncpus)
            : !contiguous || misaligned(contiguous, g.align))
    return -PERCPU__EINVAL;
  return setup(&g, areas, contiguous, ncpus, table, need, src);
}

int percpu_init(void *base, unsigned ncpus) {
  struct percpu__geometry g;
  percpu__geometry(&g);
  /* 0 for no CPUs, more than the capacity, or a size that overflows.
   * Otherwise the table after the areas is aligned (the stride is a
   * multiple of the areas' alignment) and large enough. */
  size_t bytes = percpu__areas_bytes(&g, ncpus);
  if (PERCPU__UNLIKELY(!base || !bytes || ncpus > PERCPU__INT_MAX ||
                       misaligned(base, g.align) ||
                       (uintptr_t)base + bytes < (uintptr_t)base))
    return -PERCPU__EINVAL;
  return setup(&g, NULL, base, ncpus, (char *)base + (size_t)ncpus * g.stride,
               percpu__table_bytes(&g, ncpus), __start_percpu);
}

int percpu_init_buffer(void *buffer, size_t bytes, unsigned ncpus) {
  size_t align = percpu_area_align();
  size_t need = percpu_areas_bytes(ncpus);
  uintptr_t start = (uintptr_t)buffer;
  uintptr_t base = (start + align - 1) & ~(uintptr_t)(align - 1);
  if (!buffer || !need || base < start)
    return -PERCPU__EINVAL;
  if (base - start > bytes || bytes - (base - start) < need)
    return -PERCPU__ENOSPC;
  return percpu_init((void *)base, ncpus);
}

int percpu_setup_areas(void *const areas[], unsigned ncpus, void *table,
                       size_t table_bytes) {
  if (!areas)
    return -PERCPU__EINVAL;
  return percpu__setup(areas, NULL, ncpus, table, table_bytes, __start_percpu);
}

int percpu_setup_cpu(unsigned cpu, void *area) {
  if (cpu >= percpu_area_num() || !area ||
      misaligned(area, percpu_area_align()))
    return -PERCPU__EINVAL;
  uintptr_t *entry = (uintptr_t *)&__percpu_remote_layout.offsets[cpu];
  int err = 0;
  percpu_alloc_lock();
  if (__atomic_load_n(entry, __ATOMIC_RELAXED) != PERCPU_OFFSET_OFFLINE) {
    err = -PERCPU__EBUSY;
  } else {
    uintptr_t offset = init_area(area, template_src, percpu_area_size());
    percpu__initialised(area, percpu_area_size());
    percpu__alloc_zero_area(area);
    __atomic_store_n(entry, offset, __ATOMIC_RELEASE);
  }
  percpu_alloc_unlock();
  return err;
}

/* For guard.c: where the template's bytes are (NULL before the set-up). */
const void *percpu__template_src(void) {
  return __atomic_load_n(&template_src, __ATOMIC_RELAXED);
}
