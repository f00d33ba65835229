/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * main of the per-CPU build of a csmith program (see tools/fuzz): sets up
 * three CPUs, runs the program on CPU 0, then on CPU 1, whose area is still
 * a pristine copy of the template, and checks that each run touched its
 * own CPU's area only. The driver compares both runs' output with the
 * plain program's.
 *
 * Output: run 1's output, "percpu-fuzz: run 2", run 2's output, then
 * either "percpu-fuzz: areas ok" or one "percpu-fuzz: FAIL" line per
 * failed check (tools/fuzz/differential.py reads them).
 *
 * With --pointers, the globals whose address the program takes stay
 * ordinary, in section fuzz_ordinary: run 2 gets them back as run 1 found
 * them. That section is read-only when clang found none of them written.
 *
 * -DFUZZ_CONTROL is the negative control: run 2 stays on CPU 0, as a pass
 * that ignored the base register would, and the checks must catch it.
 */
#include <percpu.h>
#include <stdio.h>
#include <string.h>

int csmith_main(int argc, char *argv[]); /* the program's main, renamed */
void fuzz_reset_checksum(void);          /* appended to the program */

#define NCPUS 3
/* csmith's globals take a few KiB; an area beyond this is skipped. */
#define MAX_AREA (64 * 1024)

static char areas[NCPUS * MAX_AREA] __attribute__((aligned(4096)));
static char pristine[NCPUS][MAX_AREA], template_before[MAX_AREA],
    cpu0_after_run1[MAX_AREA];
static size_t size;

/* Weak: without ordinary globals the section does not exist. */
extern char __start_fuzz_ordinary[] __attribute__((weak));
extern char __stop_fuzz_ordinary[] __attribute__((weak));
static char ordinary_before[MAX_AREA];
static unsigned failures;

static char *area(unsigned cpu) { return percpu_area_base(cpu); }

static void fail(const char *what, size_t offset) {
  printf("percpu-fuzz: FAIL %s (first difference at byte %u of %u)\n", what,
         (unsigned)offset, (unsigned)size);
  failures++;
}

/* The first offset where a and b differ, or size. */
static size_t first_difference(const char *a, const char *b) {
  size_t i = 0;
  while (i < size && a[i] == b[i])
    i++;
  return i;
}

static void check_same(const char *what, const char *now, const char *then) {
  size_t at = first_difference(now, then);
  if (at < size)
    fail(what, at);
}

/*
 * CPU 1 after run 2 must hold what CPU 0 held after run 1, except where
 * their pristine areas already differed (the runtime's own per-area
 * self offset), which the program must leave alone.
 */
static void check_cpu1_like_cpu0(void) {
  for (size_t i = 0; i < size; i++) {
    int runtime_byte = pristine[0][i] != pristine[1][i];
    if (runtime_byte ? area(1)[i] != pristine[1][i]
                     : area(1)[i] != cpu0_after_run1[i]) {
      fail("cpu 1 after run 2 differs from cpu 0 after run 1", i);
      return;
    }
  }
}

static void run(void) {
  char *argv[] = {"csmith", 0};
  fuzz_reset_checksum();
  csmith_main(1, argv);
}

int main(void) {
  size = percpu_area_size();
  size_t ordinary = (size_t)(__stop_fuzz_ordinary - __start_fuzz_ordinary);
  if (percpu_areas_bytes(NCPUS) > sizeof areas || size > MAX_AREA ||
      ordinary > MAX_AREA) {
    printf("percpu-fuzz: SKIP globals too large (%u per-CPU bytes, %u ordinary)\n",
           (unsigned)size, (unsigned)ordinary);
    return 0;
  }
  if (ordinary)
    memcpy(ordinary_before, __start_fuzz_ordinary, ordinary);
  if (percpu_init(areas, NCPUS) != NCPUS) {
    printf("percpu-fuzz: FAIL percpu_init\n");
    return 1;
  }
  /* The template is what base register 0 reaches: area 0 minus its offset. */
  const char *template = area(0) - percpu_offset(0);
  memcpy(template_before, template, size);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    memcpy(pristine[cpu], area(cpu), size);

  percpu_init_reg(0);
  run();
  memcpy(cpu0_after_run1, area(0), size);
  check_same("run 1 changed cpu 1's area", area(1), pristine[1]);

#ifdef FUZZ_CONTROL
  percpu_init_reg(0);
#else
  percpu_init_reg(1);
#endif
  /* Only when changed: at -O2, globalopt makes a never-written global
     constant, and the section read-only. */
  if (ordinary && memcmp(__start_fuzz_ordinary, ordinary_before, ordinary))
    memcpy(__start_fuzz_ordinary, ordinary_before, ordinary);
  printf("percpu-fuzz: run 2\n");
  run();
  percpu_write_reg(0);

  check_same("run 2 changed cpu 0's area", area(0), cpu0_after_run1);
  check_cpu1_like_cpu0();
  check_same("idle cpu 2's area changed", area(2), pristine[2]);
  check_same("the template changed", template, template_before);
  if (!failures)
    printf("percpu-fuzz: areas ok\n");
  return failures != 0;
}
