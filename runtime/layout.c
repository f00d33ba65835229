/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The layout of the areas, from link-time facts only: the template's extent
 * and the alignment records the pass leaves per translation unit.
 */
#include <percpu.h>

#include "percpu_internal.h"

size_t percpu_area_size(void) {
  return (size_t)(__stop_percpu - __start_percpu);
}

/*
 * The linker aligns the template to the largest alignment of its input
 * sections, which the records cover: each is the largest alignment among one
 * unit's per-CPU variables, a power of two. An area aligned like the template
 * keeps every copy aligned like its variable.
 */
size_t percpu_area_align(void) {
  size_t align = PERCPU_ARCH_AREA_ALIGN;
  for (const uint32_t *r = __start_percpu_align; r != __stop_percpu_align; r++)
    if (*r > align)
      align = *r;
  return align;
}

/* Never 0, even for an empty template: distinct CPUs get distinct areas. */
size_t percpu_area_stride(void) {
  size_t align = percpu_area_align();
  size_t size = percpu_area_size();
  return size ? (size + align - 1) & ~(align - 1) : align;
}

/* 0 when ncpus is 0 or the product does not fit in a size_t. */
size_t percpu_areas_bytes(unsigned ncpus) {
  size_t bytes;
  if (__builtin_mul_overflow((size_t)ncpus, percpu_area_stride(), &bytes))
    return 0;
  return bytes;
}
