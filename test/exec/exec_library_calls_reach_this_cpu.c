// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that C library functions called directly on per-CPU memory (strlen, memcmp, strcpy, strchr, sprintf, snprintf, printf's "%s", their _FORTIFY_SOURCE __*_chk forms, and the __atomic_* calls of an _Atomic struct larger than 8 bytes) read and write this CPU's copy, never the template, on every CPU.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc -O2 -D_FORTIFY_SOURCE=2 -pthread %s -o %tf && %tf
// RUN: %percpu_cc -O2 -DWITH_ATOMIC_STRUCT -pthread %s -latomic -o %ta && %ta
// REQUIRES: native-x86_64, runtime-x86_64
#include <stdio.h>
#include <string.h>

#include "Inputs/cpus.h"

#define NCPUS 3

struct triple {
  long a, b, c;
};

DEFINE_PER_CPU(char, name[32]);
DEFINE_PER_CPU(char, scratch[32]);
#ifdef WITH_ATOMIC_STRUCT
DEFINE_PER_CPU(_Atomic struct triple, shared_state);
#endif

static void on_cpu(unsigned cpu) {
  sprintf(name, "cpu%u", cpu);
  EXPECT_EQ(strlen(name), 4);
  EXPECT(memcmp(name, "cpu", 3) == 0);
  EXPECT_EQ(strchr(name, '0' + cpu) - this_cpu_ptr(&name[0]), 3);
  EXPECT_EQ(strchr(name, '0' + cpu), this_cpu_ptr(&name[3]));

  strcpy(scratch, name);
  strcat(scratch, "!");
  EXPECT(strcmp(scratch, this_cpu_ptr(&name[0])) > 0);
  snprintf(scratch, sizeof scratch, "%s/%s", name, "x");
  EXPECT_EQ(strlen(this_cpu_ptr(&scratch[0])), 6);

  memset(scratch, 'a' + cpu, 8);
  memcpy(scratch + 8, name, 5);
  EXPECT_EQ(this_cpu_read(scratch[7]), 'a' + cpu);
  EXPECT_EQ(this_cpu_read(scratch[11]), '0' + cpu);

  char line[64];
  EXPECT_EQ(snprintf(line, sizeof line, "[%s]", name), 6);
  EXPECT_EQ(line[4], '0' + cpu);

#ifdef WITH_ATOMIC_STRUCT
  struct triple mine = {cpu, cpu * 10, cpu * 100};
  shared_state = mine;
  struct triple back = shared_state;
  EXPECT_EQ(back.c, cpu * 100);
  EXPECT_EQ(this_cpu_ptr(&shared_state)->b, cpu * 10);
#endif
}

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, on_cpu);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    const char *copy = per_cpu_ptr(&name[0], cpu);
    EXPECT_EQ(copy[3], '0' + cpu);
    EXPECT_EQ(per_cpu(scratch[0], cpu), 'a' + cpu);
#ifdef WITH_ATOMIC_STRUCT
    EXPECT_EQ(per_cpu_ptr(&shared_state, cpu)->a, cpu);
#endif
  }
  /* The template is untouched: this thread never set its register. */
  EXPECT_EQ(strlen((const char *)(uintptr_t)&name[0]), 0);
  puts("library calls: OK");
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
