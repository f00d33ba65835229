/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 Linux user space: whether the kernel lets the thread write its GS
 * base with wrgsbase (AT_HWCAP2 has HWCAP2_FSGSBASE, Linux 5.9+). Apart,
 * with images.c, because it needs the C library (getauxval).
 */
#include <sys/auxv.h>

#include <percpu.h>

#include "percpu_internal.h"

#define PERCPU_X86_HWCAP2_FSGSBASE (1ul << 1)

#ifndef PERCPU_X86_NO_FSGSBASE
int percpu__x86_fsgsbase(void) {
  return (getauxval(AT_HWCAP2) & PERCPU_X86_HWCAP2_FSGSBASE) != 0;
}
#endif
