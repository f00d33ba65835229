/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V (riscv64 and riscv32): the base register is gp (x3, the default)
 * or tp (x4), moved to and from with mv. The compiler never allocates
 * either of them.
 *
 *	gp  the default: the psABI's global pointer, which code uses only
 *	    where the linker relaxed an access to small data into a
 *	    gp-relative one. lld does that only with --relax-gp; GNU ld does
 *	    it whenever __global_pointer$ is defined, which its default linker
 *	    scripts do (pass --no-relax-gp). C start-up code such as glibc's
 *	    loads __global_pointer$ into gp: per-CPU data in gp needs a program
 *	    or kernel that neither relaxes to gp nor sets it.
 *	tp  the thread pointer: the C library's TLS pointer in user space; a
 *	    kernel that keeps nothing else in tp can use it.
 */
#ifndef PERCPU_ARCH_RISCV_H
#define PERCPU_ARCH_RISCV_H

#define PERCPU_ARCH_DEFAULT_REGISTER gp

static inline uintptr_t percpu_arch_read_reg(void) {
  uintptr_t value;
  __asm__ volatile("mv %0, " PERCPU__STRING(PERCPU__REGISTER) : "=r"(value));
  return value;
}

/* "memory": no per-CPU access may move across the change of base. */
static inline int percpu_arch_write_reg(uintptr_t value) {
  __asm__ volatile("mv " PERCPU__STRING(PERCPU__REGISTER) ", %0"
                   :
                   : "r"(value)
                   : "memory");
  return 0;
}

#endif
