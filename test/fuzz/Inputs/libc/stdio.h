/* SPDX-License-Identifier: BSD-2-Clause */
/* The part of <stdio.h> that csmith programs use, for freestanding builds
 * (freestanding_libc.c). */
#ifndef FUZZ_STDIO_H
#define FUZZ_STDIO_H
int printf(const char *format, ...);
#endif
