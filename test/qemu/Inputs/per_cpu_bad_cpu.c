/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * per_cpu() of CPU number CPU (a -D of the RUN line) on 3 CPUs: a CPU that
 * exists reads and writes its copy and prints "per_cpu ok"; any other
 * number must stop the program (a fault or a trap) before it prints
 * "survived". per_cpu_ptr() of the same number is NULL, which the program
 * checks first, as it checks that for_each_possible_cpu counts the CPUs.
 * -DBEFORE_SETUP makes the same accesses before the set-up, where no CPU
 * exists.
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
#ifdef BEFORE_SETUP
  const unsigned ncpus = 0;
#else
  const unsigned ncpus = NCPUS;
  if (percpu_init_buffer(buffer, sizeof buffer, NCPUS) != NCPUS)
    return 2;
#endif
#ifdef AFTER_SETUP_CHECK
  AFTER_SETUP_CHECK; /* the RUN file's own */
#endif
  unsigned possible = 0, each;
  for_each_possible_cpu(each) possible++;
  if (possible != ncpus)
    return 6;
  unsigned cpu = opaque(CPU);
  if ((per_cpu_ptr(&value, cpu) == NULL) != (cpu >= ncpus))
    return 3;
  rt_puts("reached\n");
  rt_flush();
  per_cpu(value, cpu) += 2;
  if (per_cpu(value, cpu) != 42)
    return 4;
  rt_puts(cpu < ncpus ? "per_cpu ok\n" : "survived\n");
  rt_flush();
  return cpu < ncpus ? 0 : 5;
}
