/* SPDX-License-Identifier: BSD-2-Clause */
/* The part of <string.h> that csmith programs and the harness use, for
 * freestanding builds (qemu_rt.c and freestanding_libc.c). */
#ifndef FUZZ_STRING_H
#define FUZZ_STRING_H
#include <stddef.h>
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int strcmp(const char *a, const char *b);
#endif
