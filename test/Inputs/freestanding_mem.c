/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memcpy, memmove and memset for the freestanding test programs (qemu-user
 * and qemu-system): the compiler may emit calls to them and nothing else
 * provides them. Included by each program's support file.
 */
typedef __SIZE_TYPE__ size_t;

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--)
    *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d < s)
    while (n--)
      *d++ = *s++;
  else
    while (n--)
      d[n] = s[n];
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  while (n--)
    *d++ = (unsigned char)c;
  return dst;
}
