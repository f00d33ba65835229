// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that the C library functions glibc's <stdio.h> sends to other symbols (vsscanf and fscanf to __isoc99_*, and under _FORTIFY_SOURCE fprintf to __fprintf_chk) read and write each CPU's own copy of a per-CPU array or variable, at -O0, -O2 and -O2 -D_FORTIFY_SOURCE=2, and leave the template alone.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc -O2 -D_FORTIFY_SOURCE=2 -pthread %s -o %tf && %tf
// REQUIRES: native-x86_64, runtime-x86_64
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "Inputs/cpus.h"

#define NCPUS 4

DEFINE_PER_CPU(char, text[16]) = "1";
DEFINE_PER_CPU(int, number) = -1;
DEFINE_PER_CPU(char, label[16]) = "template";

static int parsed[NCPUS];
static char printed[NCPUS][32];

/* vsscanf(text, ...): glibc declares it as __isoc99_vsscanf. */
static int parse_text(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int n = vsscanf(text, format, ap);
  va_end(ap);
  return n;
}

static void work(unsigned cpu) {
  text[0] = (char)('5' + cpu);
  EXPECT_EQ(parse_text("%d", &parsed[cpu]), 1);

  /* fscanf(f, "%d", &number): __isoc99_fscanf, the per-CPU pointer variadic. */
  char input[8];
  snprintf(input, sizeof input, "%u", 40 + cpu);
  FILE *in = fmemopen(input, strlen(input), "r");
  EXPECT(in != NULL);
  EXPECT_EQ(fscanf(in, "%d", &number), 1);
  fclose(in);

  /* fprintf(out, "%s", label): __fprintf_chk under _FORTIFY_SOURCE. */
  __builtin_memcpy(this_cpu_ptr(&label[0]), "cpu ", 4);
  label[4] = (char)('0' + cpu);
  label[5] = 0;
  FILE *out = fmemopen(printed[cpu], sizeof printed[cpu], "w");
  EXPECT(out != NULL);
  EXPECT_EQ(fprintf(out, "%s", label), 5);
  fclose(out);
}

#define TEMPLATE(var) (*(__typeof__(*this_cpu_ptr(&(var))) *)(uintptr_t)&(var))

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    char want[8] = "cpu 0";
    want[4] = (char)('0' + cpu);
    EXPECT_EQ(parsed[cpu], 5 + (int)cpu);
    EXPECT_EQ(per_cpu(number, cpu), 40 + (int)cpu);
    EXPECT(strcmp(printed[cpu], want) == 0);
  }
  EXPECT(strcmp(&TEMPLATE(text[0]), "1") == 0);
  EXPECT_EQ(TEMPLATE(number), -1);
  EXPECT(strcmp(&TEMPLATE(label[0]), "template") == 0);
  return 0;
}

// SPDX-License-Identifier: BSD-2-Clause
