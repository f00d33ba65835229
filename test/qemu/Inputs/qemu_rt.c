/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * qemu_rt.h's environment: _start, raw Linux system calls for aarch64,
 * riscv64/riscv32 and loongarch64 (the generic system call table: write 64,
 * exit_group 94), memcpy/memset/memmove/memcmp, and the formatters.
 *
 * _start sets up nothing: no TLS, no gp, no stack protector, no argv. The
 * stack pointer the kernel passes is 16-byte aligned, as a C function
 * expects at entry.
 */
#include "qemu_rt.h"

#define SYS_write 64
#define SYS_exit_group 94

static long rt_syscall3(long nr, long a, long b, long c) {
#if defined(__aarch64__)
  register long x8 __asm__("x8") = nr;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
#elif defined(__riscv)
  register long a7 __asm__("a7") = nr;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
  return a0;
#elif defined(__loongarch__)
  /* The kernel may clobber the temporaries $t0-$t8. */
  register long a7 __asm__("$a7") = nr;
  register long a0 __asm__("$a0") = a;
  register long a1 __asm__("$a1") = b;
  register long a2 __asm__("$a2") = c;
  __asm__ volatile("syscall 0"
                   : "+r"(a0)
                   : "r"(a7), "r"(a1), "r"(a2)
                   : "$t0", "$t1", "$t2", "$t3", "$t4", "$t5", "$t6", "$t7",
                     "$t8", "memory");
  return a0;
#else
#error "qemu_rt.c: no system calls for this architecture"
#endif
}

_Noreturn void rt_exit(int status) {
  rt_flush();
  for (;;)
    rt_syscall3(SYS_exit_group, status, 0, 0);
}

__attribute__((used, noreturn)) void _start(void) { rt_exit(main()); }

/* The compiler may emit calls to these; nothing else provides them. */
#include "../../Inputs/freestanding_mem.c"

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (; n; n--, x++, y++)
    if (*x != *y)
      return *x < *y ? -1 : 1;
  return 0;
}

/* Output goes through one buffer, written out when full and at exit. */
static char out[1024];
static size_t out_len;

void rt_flush(void) {
  size_t done = 0;
  while (done < out_len) {
    long n =
        rt_syscall3(SYS_write, 1, (long)(out + done), (long)(out_len - done));
    if (n <= 0)
      break;
    done += (size_t)n;
  }
  out_len = 0;
}

static void rt_putc(char c) {
  if (out_len == sizeof out)
    rt_flush();
  out[out_len++] = c;
}

void rt_puts(const char *s) {
  while (*s)
    rt_putc(*s++);
}

/* No 64-bit division: riscv32 would need a libgcc helper for it. */
void rt_putx(uint64_t v) {
  rt_puts("0x");
  int shift = 60;
  while (shift > 0 && !(v >> shift))
    shift -= 4;
  for (; shift >= 0; shift -= 4)
    rt_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

void rt_putu(uint64_t v) {
  if (v > 0xffffffffu) {
    rt_putx(v);
    return;
  }
  char buf[10];
  int n = 0;
  uint32_t w = (uint32_t)v;
  do
    buf[n++] = (char)('0' + w % 10);
  while (w /= 10);
  while (n)
    rt_putc(buf[--n]);
}

unsigned rt_checks, rt_failures;

void rt_fail(const char *file, int line, const char *what, int with_values,
             uint64_t a, uint64_t b) {
  rt_failures++;
  rt_puts("FAIL ");
  rt_puts(file);
  rt_puts(":");
  rt_putu((unsigned)line);
  rt_puts(": ");
  rt_puts(what);
  if (with_values) {
    rt_puts(" (");
    rt_putx(a);
    rt_puts(" != ");
    rt_putx(b);
    rt_puts(")");
  }
  rt_puts("\n");
}

int rt_report(const char *what) {
  rt_puts(what);
  if (rt_failures) {
    rt_puts(": ");
    rt_putu(rt_failures);
    rt_puts(" of ");
    rt_putu(rt_checks);
    rt_puts(" checks failed\n");
    return 1;
  }
  rt_puts(": ");
  rt_putu(rt_checks);
  rt_puts(" checks passed\n");
  return 0;
}
