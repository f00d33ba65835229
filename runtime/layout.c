/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The layout of an area, from link-time facts (the template's extent and the
 * alignment records the pass leaves per translation unit) and the dynamic
 * reserve chosen before the set-up:
 *
 *	area:  | template copy | pad | dynamic reserve | pad |
 *	       0            size   dynamic_start           stride
 *
 * dynamic_start = round_up(size, dynamic align); stride = round_up(
 * dynamic_start + dynamic bytes, area align). The linker fragments compute
 * the same numbers (linker/percpu.ld: __percpu_stride).
 */
#include <percpu.h>

#include "percpu_internal.h"

/* Set before the set-up, frozen by it (percpu__freeze_dynamic). */
static size_t dynamic_bytes PERCPU__STATE = PERCPU_DYNAMIC_BYTES_DEFAULT;
static size_t dynamic_align PERCPU__STATE = PERCPU_DYNAMIC_ALIGN_DEFAULT;
static int dynamic_frozen PERCPU__STATE;

static size_t round_up(size_t n, size_t align) {
  return (n + align - 1) & ~(align - 1);
}

size_t percpu_area_size(void) {
  return (size_t)(__stop_percpu - __start_percpu);
}

/*
 * The linker aligns the template to the largest alignment of its input
 * sections, which the records cover: each is the largest alignment among one
 * unit's per-CPU variables, a power of two. An area aligned like the template
 * keeps every copy aligned like its variable; the dynamic alignment does the
 * same for the blocks alloc_percpu hands out.
 *
 * Everything below derives from one reading (percpu__geometry), so that a
 * set-up walks the records once and reads the reserve once.
 */
void percpu__geometry(struct percpu__geometry *g) {
  size_t align = PERCPU_ARCH_AREA_ALIGN;
  for (const uint32_t *r = __start_percpu_align; r != __stop_percpu_align; r++)
    if (*r > align)
      align = *r;
  size_t dyn_align = __atomic_load_n(&dynamic_align, __ATOMIC_RELAXED);
  g->align = dyn_align > align ? dyn_align : align;
  g->size = percpu_area_size();
  g->dynamic_bytes = __atomic_load_n(&dynamic_bytes, __ATOMIC_RELAXED);
  /* Never 0, even for an empty template: distinct CPUs get distinct areas. */
  size_t end = round_up(g->size, dyn_align) + g->dynamic_bytes;
  g->stride = end ? round_up(end, g->align) : g->align;
}

/* The offset table (header, ncpus entries and one past the last) and the
 * allocator's map. */
size_t percpu__table_bytes(const struct percpu__geometry *g, unsigned ncpus) {
  return round_up(sizeof(struct percpu__table) +
                      ((size_t)ncpus + 1) * sizeof(uintptr_t) +
                      g->dynamic_bytes / PERCPU_ALLOC_UNIT,
                  sizeof(uintptr_t));
}

/*
 * The areas, then the bookkeeping, rounded up to the areas' alignment (a
 * size aligned_alloc accepts). 0 when ncpus is 0 or the sum does not fit.
 */
size_t percpu__areas_bytes(const struct percpu__geometry *g, unsigned ncpus) {
  size_t bytes;
  if (!ncpus ||
      __builtin_mul_overflow((size_t)ncpus, g->stride, &bytes) ||
      __builtin_add_overflow(bytes, percpu__table_bytes(g, ncpus) + g->align - 1,
                             &bytes))
    return 0;
  return bytes & ~(g->align - 1);
}

size_t percpu_area_align(void) {
  struct percpu__geometry g;
  percpu__geometry(&g);
  return g.align;
}

size_t percpu__dynamic_align(void) {
  return __atomic_load_n(&dynamic_align, __ATOMIC_RELAXED);
}

size_t percpu__dynamic_start(void) {
  return round_up(percpu_area_size(), percpu__dynamic_align());
}

size_t percpu_dynamic_bytes(void) {
  return __atomic_load_n(&dynamic_bytes, __ATOMIC_RELAXED);
}

size_t percpu_area_stride(void) {
  struct percpu__geometry g;
  percpu__geometry(&g);
  return g.stride;
}

size_t percpu_table_bytes(unsigned ncpus) {
  struct percpu__geometry g;
  percpu__geometry(&g);
  return percpu__table_bytes(&g, ncpus);
}

size_t percpu_areas_bytes(unsigned ncpus) {
  struct percpu__geometry g;
  percpu__geometry(&g);
  return percpu__areas_bytes(&g, ncpus);
}

int percpu__set_dynamic(size_t bytes, size_t align) {
  if (align < PERCPU_ALLOC_UNIT || align > PERCPU_PAGE_BYTES ||
      (align & (align - 1)) || bytes % PERCPU_ALLOC_UNIT ||
      bytes > PERCPU_DYNAMIC_BYTES_MAX)
    return -PERCPU__EINVAL;
  if (__atomic_load_n(&dynamic_frozen, __ATOMIC_ACQUIRE))
    return -PERCPU__EBUSY;
  __atomic_store_n(&dynamic_bytes, bytes, __ATOMIC_RELAXED);
  __atomic_store_n(&dynamic_align, align, __ATOMIC_RELAXED);
  return 0;
}

int percpu_reserve_dynamic(size_t bytes, size_t align) {
  if (bytes > PERCPU_DYNAMIC_BYTES_MAX)
    return -PERCPU__EINVAL;
  return percpu__set_dynamic(round_up(bytes, PERCPU_ALLOC_UNIT), align);
}

void percpu__freeze_dynamic(void) {
  __atomic_store_n(&dynamic_frozen, 1, __ATOMIC_RELEASE);
}
