/*
 * The areas: percpu_init copies the template once per CPU, then answers
 * where each CPU's copy lives.
 *
 * state goes UNINIT -> INITIALISING -> READY exactly once. The winner of the
 * compare-exchange fills base, stride and num, then publishes them with the
 * release store of READY; readers that see READY (acquire) see them too.
 * Before READY every query behaves as if there were no CPU.
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

/* per_cpu_ptr's inline view of the areas (see percpu.h). */
struct percpu_remote_layout __percpu_remote_layout;

enum { UNINIT, INITIALISING, READY };

static atomic_int state;
static char *base;
static size_t stride;
static unsigned num;

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

static char *area_of(unsigned cpu) {
  if (atomic_load_explicit(&state, memory_order_acquire) != READY || cpu >= num)
    return NULL;
  return base + (size_t)cpu * stride;
}

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

  int expected = UNINIT;
  if (!atomic_compare_exchange_strong_explicit(&state, &expected, INITIALISING,
                                               memory_order_acquire,
                                               memory_order_relaxed))
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

  base = areas;
  stride = step;
  num = ncpus;
  __percpu_remote_layout.offset0 = (uintptr_t)areas - (uintptr_t)__start_percpu;
  __percpu_remote_layout.stride = step;
  __atomic_store_n(&__percpu_remote_layout.num, ncpus, __ATOMIC_RELEASE);
  atomic_store_explicit(&state, READY, memory_order_release);
  return (int)ncpus;
}

int percpu_init(void *areas, unsigned ncpus) {
  return percpu__init_areas(areas, ncpus, __start_percpu);
}

unsigned percpu_area_num(void) {
  return atomic_load_explicit(&state, memory_order_acquire) == READY ? num : 0;
}

void *percpu_area_base(unsigned cpu) { return area_of(cpu); }

uintptr_t percpu_offset(unsigned cpu) {
  char *area = area_of(cpu);
  return area ? (uintptr_t)area - (uintptr_t)__start_percpu : 0;
}

/* Integer arithmetic: p need not point into the template. */
void *percpu_remote_ptr(const volatile void __percpu *p, unsigned cpu) {
  char *area = area_of(cpu);
  return area ? (void *)((uintptr_t)area + template_offset(p)) : NULL;
}
