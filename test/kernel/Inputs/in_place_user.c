/* SPDX-License-Identifier: BSD-2-Clause */
/* A kernel that sets up areas reserved in the image. */
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, counter) = 5;

void _start(void) {
  if (percpu_init_in_place() > 0)
    this_cpu_inc(counter);
  for (;;)
    ;
}
