/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * per_cpu() of CPU number CPU (a -D of the RUN line) on 3 CPUs: a CPU that
 * exists reads and writes its copy and prints "per_cpu ok"; any other
 * number must stop the program (a fault or a trap) before it prints
 * "survived". per_cpu_ptr() of the same number is NULL, which the program
 * checks first.
 */
#include <percpu.h>

#include "qemu_rt.h"

#define NCPUS 3

static DEFINE_PER_CPU(unsigned long, value) = 40;
static char buffer[16 * 4096] __attribute__((aligned(4096)));

/* A CPU number the compiler cannot see through. */
static unsigned opaque(unsigned x) {
  __asm__("" : "+r"(x));
  return x;
}

int main(void) {
  if (percpu_init_buffer(buffer, sizeof buffer, NCPUS) != NCPUS)
    return 2;
  unsigned cpu = opaque(CPU);
  if ((per_cpu_ptr(&value, cpu) == NULL) != (cpu >= NCPUS))
    return 3;
  rt_puts("reached\n");
  rt_flush();
  per_cpu(value, cpu) += 2;
  if (per_cpu(value, cpu) != 42)
    return 4;
  rt_puts(cpu < NCPUS ? "per_cpu ok\n" : "survived\n");
  rt_flush();
  return cpu < NCPUS ? 0 : 5;
}
