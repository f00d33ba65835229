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

/*
 * The offset table's capacity: __percpu_max_cpus_<N>, which every unit
 * built with PERCPU_MAX_CPUS=N (N > 0) references (percpu.h), and for the
 * linker fragments' __percpu_table_bytes the absolute symbols
 * __percpu_max_cpus = N (0 on the architectures without one) and
 * __percpu_table_header_bytes, the size of struct percpu__table.
 */
#if PERCPU__MAX_CPUS
const char PERCPU__PASTE(__percpu_max_cpus_, PERCPU__MAX_CPUS) = 0;
#endif
__asm__(".globl __percpu_max_cpus\n"
        ".hidden __percpu_max_cpus\n"
        ".set __percpu_max_cpus, " PERCPU__STRING(PERCPU__MAX_CPUS) "\n"
        ".globl __percpu_table_header_bytes\n"
        ".hidden __percpu_table_header_bytes\n"
        ".set __percpu_table_header_bytes, "
        PERCPU__STRING(PERCPU__TABLE_HEADER_BYTES));

/* Set before the set-up, frozen by it (percpu__freeze_dynamic). */
struct percpu__reserve percpu__reserve PERCPU__STATE = {
    PERCPU_DYNAMIC_BYTES_DEFAULT, PERCPU_DYNAMIC_ALIGN_DEFAULT, 0};

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
 * Everything below derives from one reading (percpu__geometry, inline in
 * percpu_internal.h), so that a set-up walks the records once and reads
 * the reserve once.
 */
size_t percpu_area_align(void) {
  struct percpu__geometry g;
  percpu__geometry(&g);
  return g.align;
}

size_t percpu__dynamic_align(void) {
  return __atomic_load_n(&percpu__reserve.align, __ATOMIC_RELAXED);
}

size_t percpu__dynamic_start(void) {
  return percpu__round_up(percpu_area_size(), percpu__dynamic_align());
}

size_t percpu_dynamic_bytes(void) {
  return __atomic_load_n(&percpu__reserve.bytes, __ATOMIC_RELAXED);
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
  if (__atomic_load_n(&percpu__reserve.frozen, __ATOMIC_ACQUIRE))
    return -PERCPU__EBUSY;
  __atomic_store_n(&percpu__reserve.bytes, bytes, __ATOMIC_RELAXED);
  __atomic_store_n(&percpu__reserve.align, align, __ATOMIC_RELAXED);
  return 0;
}

int percpu_reserve_dynamic(size_t bytes, size_t align) {
  if (bytes > PERCPU_DYNAMIC_BYTES_MAX)
    return -PERCPU__EINVAL;
  return percpu__set_dynamic(percpu__round_up(bytes, PERCPU_ALLOC_UNIT), align);
}
