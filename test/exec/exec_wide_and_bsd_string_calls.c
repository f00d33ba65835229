// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that index, rindex and the <wchar.h> functions called directly on per-CPU arrays (wcscmp, wcsncmp, wcschr, wmemchr, wmemcmp, wmemcpy, wmemmove) read and write each CPU's own copy at -O0 and -O2, and leave the template alone.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "Inputs/cpus.h"

#define NCPUS 4

DEFINE_PER_CPU(char, name[16]) = "template";
DEFINE_PER_CPU(wchar_t, wide[16]) = L"template";

static long first[NCPUS], last[NCPUS], found[NCPUS], found_n[NCPUS];
static int cmp[NCPUS], cmp_n[NCPUS], cmp_mem[NCPUS];

static void work(unsigned cpu) {
  /* "xaxa" with this CPU's digit: "0a0a", "1a1a", ... */
  wchar_t digit = (wchar_t)(L'0' + cpu);
  wchar_t text[5] = {digit, L'a', digit, L'a', 0};
  EXPECT(wmemcpy(wide, text, 5) == this_cpu_ptr(&wide[0]));
  wmemmove(wide + 1, wide, 3); /* "00a0" */
  for (int i = 0; i < 5; i++)
    name[i] = (char)text[i];
  first[cpu] = index(name, 'a') - this_cpu_ptr(&name[0]);
  last[cpu] = rindex(name, 'a') - this_cpu_ptr(&name[0]);
  found[cpu] = wcschr(wide, L'a') - this_cpu_ptr(&wide[0]);
  found_n[cpu] = wmemchr(wide, digit, 4) - this_cpu_ptr(&wide[0]);
  wchar_t want[5] = {digit, digit, L'a', digit, 0};
  cmp[cpu] = wcscmp(wide, want);
  cmp_n[cpu] = wcsncmp(want, wide, 4);
  cmp_mem[cpu] = wmemcmp(wide, want, 5);
}

#define TEMPLATE(var) (*(__typeof__(*this_cpu_ptr(&(var))) *)(uintptr_t)&(var))

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    EXPECT_EQ(first[cpu], 1);
    EXPECT_EQ(last[cpu], 3);
    EXPECT_EQ(found[cpu], 2);
    EXPECT_EQ(found_n[cpu], 0);
    EXPECT_EQ(cmp[cpu], 0);
    EXPECT_EQ(cmp_n[cpu], 0);
    EXPECT_EQ(cmp_mem[cpu], 0);
    EXPECT_EQ(per_cpu(wide[1], cpu), (wchar_t)(L'0' + cpu));
    EXPECT_EQ(per_cpu(name[2], cpu), (char)('0' + cpu));
  }
  EXPECT(wcscmp(&TEMPLATE(wide[0]), L"template") == 0);
  EXPECT(strcmp(&TEMPLATE(name[0]), "template") == 0);
  return 0;
}

// SPDX-License-Identifier: BSD-2-Clause
