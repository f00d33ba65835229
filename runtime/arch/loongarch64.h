/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * LoongArch64: the base register is $r21, which the ABI reserves (no
 * compiler allocates it) and Linux's kernel uses for its per-CPU offset
 * the same way. It is an ordinary register to the hardware: any privilege
 * level moves to and from it.
 */
#ifndef PERCPU_ARCH_LOONGARCH64_H
#define PERCPU_ARCH_LOONGARCH64_H

#define PERCPU_ARCH_DEFAULT_REGISTER r21

static inline uintptr_t percpu_arch_read_reg(void) {
  uintptr_t value;
  __asm__ volatile("move %0, $" PERCPU__STRING(PERCPU__REGISTER) : "=r"(value));
  return value;
}

/* "memory": no per-CPU access may move across the change of base. */
static inline int percpu_arch_write_reg(uintptr_t value) {
  __asm__ volatile("move $" PERCPU__STRING(PERCPU__REGISTER) ", %0"
                   :
                   : "r"(value)
                   : "memory");
  return 0;
}

#endif
