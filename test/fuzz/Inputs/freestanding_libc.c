/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What csmith programs and percpu_harness.c need from a C library, for the
 * freestanding builds under qemu-user: strcmp and a printf that knows
 * %d %u %x %X %s %c and %%, with the l and ll length modifiers. Output goes
 * through qemu_rt.c.
 */
#include <stdarg.h>
#include <stdint.h>

#include "../../qemu/Inputs/qemu_rt.h"

int strcmp(const char *a, const char *b) {
  for (; *a == *b; a++, b++)
    if (!*a)
      return 0;
  return *(const unsigned char *)a < *(const unsigned char *)b ? -1 : 1;
}

/* Digits of v in base 10 or 16, most significant first, into buf (24 bytes). */
static const char *digits(uint64_t v, unsigned base, int upper, char *buf) {
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char *p = buf + 23;
  *p = 0;
  do {
    *--p = set[v % base];
    v /= base;
  } while (v);
  return p;
}

int printf(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  char one[2] = {0, 0}, buf[24];
  for (const char *f = format; *f; f++) {
    if (*f != '%') {
      one[0] = *f;
      rt_puts(one);
      continue;
    }
    int longs = 0;
    while (*++f == 'l')
      longs++;
    /* Promoted as C's varargs promote them: int unless l or ll. */
    uint64_t u = 0;
    int64_t s = 0;
    if (*f == 'd' || *f == 'i')
      s = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
    else if (*f == 'u' || *f == 'x' || *f == 'X')
      u = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
    switch (*f) {
    case 'd':
    case 'i':
      if (s < 0)
        rt_puts("-");
      rt_puts(digits(s < 0 ? -(uint64_t)s : (uint64_t)s, 10, 0, buf));
      break;
    case 'u':
      rt_puts(digits(u, 10, 0, buf));
      break;
    case 'x':
    case 'X':
      rt_puts(digits(u, 16, *f == 'X', buf));
      break;
    case 's':
      rt_puts(va_arg(ap, const char *));
      break;
    case 'c':
      one[0] = (char)va_arg(ap, int);
      rt_puts(one);
      break;
    case '%':
      rt_puts("%");
      break;
    default: /* unknown: stop rather than misread the arguments */
      va_end(ap);
      return -1;
    }
  }
  va_end(ap);
  return 0;
}
