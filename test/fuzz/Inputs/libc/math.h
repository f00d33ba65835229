/* SPDX-License-Identifier: BSD-2-Clause */
/* The part of <math.h> that csmith's safe_math.h uses, for freestanding
 * builds: the compiler's builtins, which need no library. */
#ifndef FUZZ_MATH_H
#define FUZZ_MATH_H
#define fabsf __builtin_fabsf
#define fabs __builtin_fabs
#endif
