/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu_init_in_place: set up the areas a kernel's linker script reserved
 * in the image (linker/percpu-vma0.ld, or linker/percpu.ld with
 * linker/percpu-areas.ld), the reference design's init_in_place.
 *
 * The areas are [_percpu_start, _percpu_end), percpu_area_stride() bytes
 * each; the template's bytes are read from __percpu_template_image, which
 * is the template itself (percpu.ld) or its load address, area 0
 * (percpu-vma0.ld: the template is linked at 0 and loaded there). Returns
 * the number of areas, or -EINVAL (no areas reserved: the program was not
 * linked with one of the scripts; or _percpu_start misaligned, which the
 * scripts' ASSERTs catch at link time) or
 * -EBUSY (percpu_init or percpu_init_in_place already ran).
 *
 * The references are weak: a program linked without one of the scripts
 * (user space, or a kernel that uses percpu_init) still links, also with
 * the whole archive (--whole-archive), and percpu_init_in_place returns
 * -EINVAL there. The compiler reaches weak symbols through the GOT where
 * a PC-relative sequence could not produce 0.
 */
#include <percpu.h>

#include "percpu_internal.h"

extern char _percpu_start[] __attribute__((weak)) PERCPU__HIDDEN;
extern char _percpu_end[] __attribute__((weak)) PERCPU__HIDDEN;
extern const char __percpu_template_image[] __attribute__((weak))
PERCPU__HIDDEN;

int percpu_init_in_place(void) {
  if (!_percpu_start || !_percpu_end || !__percpu_template_image)
    return -PERCPU__EINVAL;
  size_t bytes = (size_t)(_percpu_end - _percpu_start);
  size_t n = bytes / percpu_area_stride();
  if (n == 0 || n > (unsigned)-1)
    return -PERCPU__EINVAL;
  return percpu__init_areas(_percpu_start, (unsigned)n,
                            __percpu_template_image);
}
