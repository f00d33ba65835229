/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * How the runtime copies and zeroes memory: the template into each area
 * (area.c), the table the set-up fills, and the blocks alloc_percpu hands
 * out (alloc.c).
 *
 *  - The architecture's own instructions, where its header defines
 *    PERCPU_ARCH_COPY_BYTES (x86_64's string instructions), hosted or not.
 *  - Otherwise hosted: the C library's, through the builtins (the runtime
 *    includes <string.h> nowhere).
 *  - Otherwise freestanding: loops of their own, which -ffreestanding keeps
 *    the compiler from turning back into calls, so that the runtime calls
 *    nothing. They move words where they can: areas are aligned to at
 *    least 64, the template and the table to at least a word.
 *
 * The instructions bypass the interceptors of MSan, which would otherwise
 * give the bytes written the template's shadow: instrumented code reads
 * the table inline (per_cpu) and the areas through this_cpu_ptr. So where
 * they are used in a hosted program, percpu__msan() says whether MSan's
 * runtime is linked, and percpu__initialised marks bytes written
 * initialised (the template's bytes and zeroes are). The other sanitizers
 * need nothing: ASan checks whether memory is addressable, which writes do
 * not change, and TSan merely misses the runtime's writes, which the
 * runtime orders with its own atomics.
 */
#ifndef PERCPU_BYTES_H
#define PERCPU_BYTES_H

#include "percpu_internal.h"

#if __STDC_HOSTED__ && defined(PERCPU_ARCH_COPY_BYTES)
extern void __msan_unpoison(const volatile void *p, size_t n)
    __attribute__((weak));
#define percpu__msan() (&__msan_unpoison != 0)
#else
#define percpu__msan() 0
#endif

static inline void percpu__initialised(const void *p, size_t n) {
#if __STDC_HOSTED__ && defined(PERCPU_ARCH_COPY_BYTES)
  if (percpu__msan())
    __msan_unpoison(p, n);
#else
  (void)p;
  (void)n;
#endif
}

typedef uintptr_t __attribute__((may_alias)) percpu__word;

static inline void percpu__copy(void *dst, const void *src, size_t n) {
#if defined(PERCPU_ARCH_COPY_BYTES)
  percpu_arch_copy(dst, src, n);
#elif __STDC_HOSTED__
  __builtin_memcpy(dst, src, n);
#else
  percpu__word *d = dst;
  const percpu__word *s = src;
  for (; n >= sizeof *d; n -= sizeof *d)
    *d++ = *s++;
  unsigned char *db = (unsigned char *)d;
  const unsigned char *sb = (const unsigned char *)s;
  while (n--)
    *db++ = *sb++;
#endif
}

static inline void percpu__zero(void *dst, size_t n) {
#if defined(PERCPU_ARCH_COPY_BYTES)
  percpu_arch_zero(dst, n);
#elif __STDC_HOSTED__
  __builtin_memset(dst, 0, n);
#else
  percpu__word *d = dst;
  for (; n >= sizeof *d; n -= sizeof *d)
    *d++ = 0;
  unsigned char *db = (unsigned char *)d;
  while (n--)
    *db++ = 0;
#endif
}

#endif
