/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The areas: percpu_init copies the template once per CPU and publishes
 * where they are (areas.c answers the queries).
 *
 * claimed keeps two initialisations apart: the first caller takes it. The
 * layout itself lives in one place,
 * __percpu_remote_layout (see percpu.h), which per_cpu_ptr reads inline:
 * the winner fills offset0 and stride, then publishes them with the
 * release store of num; a reader that sees num != 0 (acquire) sees them
 * too. Before that every query behaves as if there were no CPU.
 */
#include <limits.h>
#include <stdatomic.h>
#if __STDC_HOSTED__
#include <string.h>
#endif

#include <percpu.h>

#include "percpu_internal.h"

/* Each CPU's offset, in its own area; 0 in the template (base register 0). */
DEFINE_PER_CPU(uintptr_t, __percpu_self_offset) PERCPU__HIDDEN = 0;


/* No CPU until percpu_init publishes the areas (see percpu.h). */
struct percpu_remote_layout __percpu_remote_layout;

static atomic_flag claimed = ATOMIC_FLAG_INIT;

static uintptr_t template_offset(const volatile void __percpu *p) {
  return (uintptr_t)p - (uintptr_t)__start_percpu;
}

/*
 * The template copy. Hosted: the C library's memcpy and memset.
 * Freestanding: loops of its own, so that the runtime calls neither
 * (-ffreestanding keeps the compiler from turning the loops back into
 * calls). They move words where they can: every area is aligned to
 * percpu_area_align() >= 64, and the template to at least a word (it holds
 * __percpu_self_offset).
 */
#if __STDC_HOSTED__
#define percpu__copy memcpy
#define percpu__zero(dst, n) memset((dst), 0, (n))
#else
typedef uintptr_t __attribute__((may_alias)) percpu__word;

static void percpu__copy(void *dst, const void *src, size_t n) {
  percpu__word *d = dst;
  const percpu__word *s = src;
  for (; n >= sizeof *d; n -= sizeof *d)
    *d++ = *s++;
  unsigned char *db = (unsigned char *)d;
  const unsigned char *sb = (const unsigned char *)s;
  while (n--)
    *db++ = *sb++;
}

static void percpu__zero(void *dst, size_t n) {
  unsigned char *d = dst;
  for (; n && ((uintptr_t)d & (sizeof(percpu__word) - 1)); n--)
    *d++ = 0;
  percpu__word *w = (percpu__word *)d;
  for (; n >= sizeof *w; n -= sizeof *w)
    *w++ = 0;
  d = (unsigned char *)w;
  while (n--)
    *d++ = 0;
}
#endif

/*
 * Sets up ncpus areas at areas, copying the template's bytes from src: the
 * template itself for percpu_init, its load image (area 0) for
 * percpu_init_in_place. An area that is src itself is not copied onto
 * itself; its padding and self offset are still written.
 */
int percpu__init_areas(void *areas, unsigned ncpus, const void *src) {
  size_t align = percpu_area_align();
  size_t step = percpu_area_stride();
  size_t size = percpu_area_size();
  size_t bytes = percpu_areas_bytes(ncpus);
  uintptr_t start = (uintptr_t)areas;

  /* The result is ncpus as an int, so ncpus must fit in one. */
  if (!areas || (start & (align - 1)) || !bytes || ncpus > INT_MAX ||
      start + bytes < start)
    return -PERCPU__EINVAL;

#if __STDC_HOSTED__
  int err = percpu__check_images();
  if (err)
    return err;
#endif

  if (atomic_flag_test_and_set_explicit(&claimed, memory_order_acquire))
    return -PERCPU__EBUSY;

  char *area = areas;
  for (unsigned cpu = 0; cpu < ncpus; cpu++, area += step) {
    if (area != (const char *)src)
      percpu__copy(area, src, size);
    percpu__zero(area + size, step - size);
    uintptr_t *self =
        (uintptr_t *)(area + template_offset(&__percpu_self_offset));
    *self = (uintptr_t)area - (uintptr_t)__start_percpu;
  }

  __percpu_remote_layout.offset0 = (uintptr_t)areas - (uintptr_t)__start_percpu;
  __percpu_remote_layout.stride = step;
  __atomic_store_n(&__percpu_remote_layout.num, ncpus, __ATOMIC_RELEASE);
  return (int)ncpus;
}

int percpu_init(void *areas, unsigned ncpus) {
  return percpu__init_areas(areas, ncpus, __start_percpu);
}
