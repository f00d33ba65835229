// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that this_cpu_inc is indivisible against a signal handler (an interrupt on the same CPU) updating the same variable: no increment is lost.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// REQUIRES: native-x86_64, runtime-x86_64
#include <signal.h>
#include <sys/time.h>

#include "Inputs/cpus.h"

DEFINE_PER_CPU(unsigned long, events);
static volatile sig_atomic_t handled;

static void on_alarm(int sig) {
  (void)sig;
  this_cpu_add(events, 1000000);
  handled++;
}

int main(void) {
  init_areas(1);
  EXPECT_EQ(percpu_init_reg(0), 0);

  struct sigaction sa = {.sa_handler = on_alarm};
  EXPECT_EQ(sigaction(SIGALRM, &sa, NULL), 0);
  struct itimerval every = {{0, 50}, {0, 50}};
  EXPECT_EQ(setitimer(ITIMER_REAL, &every, NULL), 0);

  unsigned long loops = 0;
  while (handled < 200 && loops < 200000000) {
    this_cpu_inc(events);
    loops++;
  }
  struct itimerval off = {{0, 0}, {0, 0}};
  EXPECT_EQ(setitimer(ITIMER_REAL, &off, NULL), 0);

  EXPECT(handled > 0);
  EXPECT_EQ(this_cpu_read(events), loops + 1000000ul * (unsigned long)handled);
  EXPECT_EQ(per_cpu(events, 0), this_cpu_read(events));
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
