/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The user-mode round trip of the riscv64 and loongarch64 test kernels,
 * shared by their start-up assembly and user_mode.c: the user code's own
 * value for the base register (a garbage base to the kernel), its spin
 * between calls, and its system calls (number in a7).
 */
#ifndef KERNEL_TEST_USER_MODE_H
#define KERNEL_TEST_USER_MODE_H

#define USER_BASE 0x5eed0000
#define USER_SPIN 20000
#define SYS_YIELD 1  /* returns 1 in a0 to go on, 0 to exit */
#define SYS_EXIT 2   /* back to the kernel after user_enter */
#define SYS_BAD_BASE 3 /* a0: the base register's value after a trap */

#endif
