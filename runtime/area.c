/*
 * The areas: percpu_init copies the template once per CPU, then answers
 * where each CPU's copy lives.
 *
 * state goes UNINIT -> INITIALISING -> READY exactly once. The winner of the
 * compare-exchange fills base, stride and num, then publishes them with the
 * release store of READY; readers that see READY (acquire) see them too.
 * Before READY every query behaves as if there were no CPU.
 */
#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <string.h>

#include <percpu.h>

#include "percpu_internal.h"

/* Each CPU's offset, in its own area; 0 in the template (base register 0). */
DEFINE_PER_CPU(uintptr_t, __percpu_self_offset) PERCPU__HIDDEN = 0;

enum { UNINIT, INITIALISING, READY };

static atomic_int state;
static char *base;
static size_t stride;
static unsigned num;

static uintptr_t template_offset(const volatile void __percpu *p) {
  return (uintptr_t)p - (uintptr_t)__start_percpu;
}

static char *area_of(unsigned cpu) {
  if (atomic_load_explicit(&state, memory_order_acquire) != READY || cpu >= num)
    return NULL;
  return base + (size_t)cpu * stride;
}

int percpu_init(void *areas, unsigned ncpus) {
  size_t align = percpu_area_align();
  size_t step = percpu_area_stride();
  size_t size = percpu_area_size();
  size_t bytes = percpu_areas_bytes(ncpus);
  uintptr_t start = (uintptr_t)areas;

  /* The result is ncpus as an int, so ncpus must fit in one. */
  if (!areas || (start & (align - 1)) || !bytes || ncpus > INT_MAX ||
      start + bytes < start)
    return -EINVAL;

  int expected = UNINIT;
  if (!atomic_compare_exchange_strong_explicit(&state, &expected, INITIALISING,
                                               memory_order_acquire,
                                               memory_order_relaxed))
    return -EBUSY;

  char *area = areas;
  for (unsigned cpu = 0; cpu < ncpus; cpu++, area += step) {
    memcpy(area, __start_percpu, size);
    memset(area + size, 0, step - size);
    uintptr_t *self =
        (uintptr_t *)(area + template_offset(&__percpu_self_offset));
    *self = (uintptr_t)area - (uintptr_t)__start_percpu;
  }

  base = areas;
  stride = step;
  num = ncpus;
  atomic_store_explicit(&state, READY, memory_order_release);
  return (int)ncpus;
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
