/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu_init_in_place: set up the areas a kernel's linker script reserved
 * in the image (linker/percpu-vma0.ld, or linker/percpu.ld with
 * linker/percpu-areas.ld), the reference design's init_in_place.
 *
 * The areas are [_percpu_start, _percpu_end), percpu_area_stride() bytes
 * each, and the bookkeeping (percpu_table_bytes) is [_percpu_table_start,
 * _percpu_table_end); the script sizes the dynamic reserve
 * (__percpu_dynamic_bytes, __percpu_dynamic_align: absolute symbols, whose
 * addresses are the values), which this takes over before the stride is
 * computed. The template's bytes are read from __percpu_template_image,
 * which is the template itself (percpu.ld) or its load address, area 0
 * (percpu-vma0.ld: the template is linked at 0 and loaded there). Returns
 * the number of areas, or -EINVAL (no areas reserved: the program was not
 * linked with one of the scripts; or _percpu_start misaligned, which the
 * scripts' ASSERTs catch at link time) or -EBUSY (already set up).
 *
 * The references are weak: a program linked without one of the scripts
 * (user space, or a kernel that uses percpu_init) still links, also with
 * the whole archive (--whole-archive), and percpu_init_in_place returns
 * -EINVAL there. The compiler reaches weak symbols through the GOT where
 * a PC-relative sequence could not produce 0.
 */
#include <percpu.h>

#include "percpu_internal.h"

#define PERCPU__WEAK_HIDDEN __attribute__((weak)) PERCPU__HIDDEN
extern char _percpu_start[] PERCPU__WEAK_HIDDEN;
extern char _percpu_end[] PERCPU__WEAK_HIDDEN;
extern char _percpu_table_start[] PERCPU__WEAK_HIDDEN;
extern char _percpu_table_end[] PERCPU__WEAK_HIDDEN;
extern const char __percpu_template_image[] PERCPU__WEAK_HIDDEN;
extern const char __percpu_dynamic_bytes[] PERCPU__WEAK_HIDDEN;
extern const char __percpu_dynamic_align[] PERCPU__WEAK_HIDDEN;

int percpu_init_in_place(void) {
  if (!_percpu_start || !_percpu_end || !__percpu_template_image ||
      !_percpu_table_start || !_percpu_table_end || !__percpu_dynamic_align)
    return -PERCPU__EINVAL;
  int err = percpu__set_dynamic((size_t)(uintptr_t)__percpu_dynamic_bytes,
                                (size_t)(uintptr_t)__percpu_dynamic_align);
  if (err)
    return err;
  size_t bytes = (size_t)(_percpu_end - _percpu_start);
  size_t n = bytes / percpu_area_stride();
  if (n == 0 || n > (unsigned)-1)
    return -PERCPU__EINVAL;
  return percpu__setup(NULL, _percpu_start, (unsigned)n, _percpu_table_start,
                       (size_t)(_percpu_table_end - _percpu_table_start),
                       __percpu_template_image);
}
