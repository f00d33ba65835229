/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The smallest environment a freestanding static program needs under
 * qemu-user (qemu_rt.c): _start, output and exit by raw Linux system calls,
 * memcpy/memset, a few formatters instead of printf, and checks that count
 * and report instead of aborting.
 *
 * Nothing here uses gp or tp, which the programs use as the per-CPU base
 * register (no TLS, no global pointer: percpu-cc links with lld, which does
 * not relax to gp).
 */
#ifndef PERCPU_QEMU_RT_H
#define PERCPU_QEMU_RT_H

#include <stddef.h>
#include <stdint.h>

/* Linux's errno values (asm-generic), the same on every target here. */
#define EPERM 1
#define EBUSY 16
#define EINVAL 22

void rt_puts(const char *s); /* no newline added */
void rt_putu(uint64_t v);    /* decimal */
void rt_putx(uint64_t v);    /* 0x-prefixed hexadecimal */
void rt_flush(void);
_Noreturn void rt_exit(int status);

/* The program's entry point: _start calls it and exits with its result. */
int main(void);

/*
 * Checks: each one counts; a failing one prints where and what (values as
 * 64-bit integers), and the program goes on. rt_report prints the summary
 * and returns the exit status.
 */
extern unsigned rt_checks, rt_failures;
void rt_fail(const char *file, int line, const char *what, int with_values,
             uint64_t a, uint64_t b);
int rt_report(const char *what);

#define CHECK(cond)                                                            \
  do {                                                                         \
    rt_checks++;                                                               \
    if (!(cond))                                                               \
      rt_fail(__FILE__, __LINE__, #cond, 0, 0, 0);                             \
  } while (0)

/* Integers of any width and sign, and pointers (as integers). */
#define CHECK_EQ(a, b)                                                         \
  do {                                                                         \
    uint64_t check_a_ = (uint64_t)(a), check_b_ = (uint64_t)(b);               \
    rt_checks++;                                                               \
    if (check_a_ != check_b_)                                                  \
      rt_fail(__FILE__, __LINE__, #a " == " #b, 1, check_a_, check_b_);        \
  } while (0)

#define CHECK_PTR_EQ(a, b) CHECK_EQ((uintptr_t)(a), (uintptr_t)(b))

/* The architecture, for the report line. */
#if defined(__aarch64__)
#define ARCH_NAME "aarch64"
#elif defined(__riscv) && __riscv_xlen == 64
#define ARCH_NAME "riscv64"
#elif defined(__riscv)
#define ARCH_NAME "riscv32"
#elif defined(__loongarch__)
#define ARCH_NAME "loongarch64"
#endif

#endif
