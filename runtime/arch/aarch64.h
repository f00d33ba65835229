/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64: the base register is a thread ID system register, read with mrs
 * and written with msr.
 *
 *	tpidr_el1  the default: EL1 (kernel) code; Linux arm64 uses it the same
 *	           way for its per-CPU offset.
 *	tpidr_el2  for code running at EL2 (hypervisors, VHE kernels).
 *	tpidr_el0  EL0: user space may read and write it (Linux user space and
 *	           qemu-user); it is the C library's thread pointer there, so
 *	           per-CPU data and TLS cannot share a thread.
 *
 * Accessing tpidr_el1 or tpidr_el2 from a lower exception level traps.
 */
#ifndef PERCPU_ARCH_AARCH64_H
#define PERCPU_ARCH_AARCH64_H

#define PERCPU_ARCH_DEFAULT_REGISTER tpidr_el1

static inline uintptr_t percpu_arch_read_reg(void) {
  uintptr_t value;
  __asm__ volatile("mrs %0, " PERCPU__STRING(PERCPU__REGISTER) : "=r"(value));
  return value;
}

/* "memory": no per-CPU access may move across the change of base. */
static inline int percpu_arch_write_reg(uintptr_t value) {
  __asm__ volatile("msr " PERCPU__STRING(PERCPU__REGISTER) ", %0"
                   :
                   : "r"(value)
                   : "memory");
  return 0;
}

#endif
