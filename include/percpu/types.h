/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu/types.h - the integer types of the API, from the compiler's
 * predefined macros. The headers include no C library or compiler header,
 * so that a kernel built with -nostdinc -ffreestanding can use them.
 *
 * Each is the type its <stddef.h> or <stdint.h> namesake is on every
 * supported target (both come from the same macros), so a program that
 * includes those sees the API with size_t and uintptr_t
 * (test/header checks it in C and C++).
 */
#ifndef PERCPU_TYPES_H
#define PERCPU_TYPES_H

typedef __SIZE_TYPE__ __percpu_size_t;       /* size_t */
typedef __UINTPTR_TYPE__ __percpu_uintptr_t; /* uintptr_t */

#endif
