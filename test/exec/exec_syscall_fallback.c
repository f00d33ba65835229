// RUN: %percpu_cc -O2 -pthread -DPERCPU_X86_NO_FSGSBASE -I%S/../../runtime %s %S/../../runtime/reg.c -o %t && %t
// Verify that the arch_prctl path (no FSGSBASE) sets and reads each thread's GS base, and that it reports the kernel's -EPERM for an area below the template.
// REQUIRES: native-x86_64, runtime-x86_64
#define _GNU_SOURCE
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "Inputs/low_areas.h"

#define NCPUS 4

DEFINE_PER_CPU(unsigned long, hits);

static void work(unsigned cpu) {
  EXPECT_EQ(percpu_read_reg(), percpu_offset(cpu));
  for (unsigned i = 0; i < 100 * (cpu + 1); i++)
    this_cpu_inc(hits);
}

static void heap_areas(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    EXPECT_EQ(per_cpu(hits, cpu), 100 * (cpu + 1));
  EXPECT_EQ(percpu_read_reg(), 0);
  percpu_write_reg(percpu_offset(2));
  EXPECT_EQ(percpu_read_reg(), percpu_offset(2));
  EXPECT_EQ(hits, 300);
  percpu_write_reg(0);
  EXPECT_EQ(hits, 0);
}

static void low_areas(void) {
  init_low_areas(NCPUS);
  EXPECT_EQ(percpu_init_reg(0), -EPERM);
  EXPECT_EQ(percpu_read_reg(), 0);
}

static void in_child(void (*fn)(void)) {
  pid_t pid = fork();
  EXPECT(pid >= 0);
  if (pid == 0) {
    fn();
    _exit(0);
  }
  int status;
  EXPECT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void) {
  in_child(heap_areas);
  in_child(low_areas);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
