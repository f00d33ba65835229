// RUN: %percpu_cc -O2 -pthread %s -o %t && %t | FileCheck %s
// Verify that when several threads call percpu_init at once exactly one succeeds, the others get -EBUSY, and the winner's areas are the ones in use.
// REQUIRES: native-x86_64, runtime-x86_64
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "Inputs/cpus.h"

#define RACERS 8
#define NCPUS 2
#define TRIALS 20

DEFINE_PER_CPU(int, x) = 3;

static pthread_barrier_t start;
static void *bases[RACERS];
static int results[RACERS];

static void *racer(void *arg) {
  int i = (int)(intptr_t)arg;
  pthread_barrier_wait(&start);
  results[i] = percpu_init(bases[i], NCPUS);
  return NULL;
}

/* One race in a fresh process: percpu_init succeeds once per process. */
static void race(void) {
  pthread_t tid[RACERS];
  EXPECT_EQ(pthread_barrier_init(&start, NULL, RACERS), 0);
  for (int i = 0; i < RACERS; i++) {
    bases[i] = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
    EXPECT(bases[i] != NULL);
    EXPECT_EQ(pthread_create(&tid[i], NULL, racer, (void *)(intptr_t)i), 0);
  }
  int winner = -1, busy = 0;
  for (int i = 0; i < RACERS; i++) {
    EXPECT_EQ(pthread_join(tid[i], NULL), 0);
    if (results[i] == NCPUS) {
      EXPECT_EQ(winner, -1);
      winner = i;
    } else {
      EXPECT_EQ(results[i], -EBUSY);
      busy++;
    }
  }
  EXPECT(winner >= 0);
  EXPECT_EQ(busy, RACERS - 1);
  EXPECT_EQ(percpu_area_num(), NCPUS);
  EXPECT_PTR_EQ(percpu_area_base(0), bases[winner]);
  EXPECT_EQ(per_cpu(x, 1), 3);
  EXPECT_EQ(percpu_init_reg(1), 0);
  x = 9;
  char *mine = (char *)this_cpu_ptr(&x);
  char *area1 = (char *)bases[winner] + percpu_area_stride();
  EXPECT(mine >= area1 && mine < area1 + percpu_area_size());
  EXPECT_EQ(per_cpu(x, 1), 9);
  EXPECT_EQ(per_cpu(x, 0), 3);
}

int main(void) {
  for (int trial = 0; trial < TRIALS; trial++) {
    pid_t pid = fork();
    EXPECT(pid >= 0);
    if (pid == 0) {
      race();
      _exit(0);
    }
    int status;
    EXPECT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }
  printf("%d races, one winner each\n", TRIALS);
  return 0;
}
// CHECK: 20 races, one winner each
// SPDX-License-Identifier: BSD-2-Clause
