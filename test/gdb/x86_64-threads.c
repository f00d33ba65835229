// Verify that gdb, with the auto-loaded extension, shows each thread's own CPU copy of per-CPU variables in a native x86_64 program whose threads play CPUs, and that plain `p v` fails rather than show the template (gdb 13 cannot read the GS base from DWARF).
// REQUIRES: native-x86_64, gdb
// RUN: %percpu_cc -O2 -g %s -o %t -lpthread
// RUN: llvm-dwarfdump --name=hits %t | FileCheck --check-prefix=DWARF %s
// RUN: %run-gdb --gdb %gdb-path --commands %s %t | FileCheck %s
// Without the safe path gdb declines the extension, and says how to allow it.
// RUN: %gdb-path -nx -batch -iex "set debuginfod enabled off" %t 2>&1 | FileCheck --check-prefix=DECLINED %s

// DECLINED: warning: File "{{.*}}/share/percpu-llvm/gdb/percpu.py" auto-loading has been declined
// DECLINED: add-auto-load-safe-path {{.*}}/share/percpu-llvm/gdb/percpu.py

// DWARF: DW_AT_location (DW_OP_addrx 0x{{[0-9a-f]+}}, DW_OP_constu 0x4000000000000000, DW_OP_xor)

// GDB: break stop_here
// GDB: run
// GDB: p hits
// GDB: p pair.a
// GDB: thread apply all printf "cpu %d: hits %ld, pair.b %ld, arr[3] %d\n", my_cpu, $percpu(hits), $percpu(pair.b), $percpu(arr[3])
// GDB: p $percpu(hits, 3)
// GDB: p $percpu(hits_ptr, 2)
// GDB: percpu hits
// GDB: percpu pair 2
// GDB: percpu info
// GDB: kill

// CHECK-LABEL: --- gdb ---
// The extension says on loading where `p v` cannot work, and why.
// CHECK: percpu-llvm: gdb cannot read the per-CPU base register of i386:x86-64 from DWARF, {{.*}} use `p $percpu(v)`
// CHECK: hit Breakpoint 1, stop_here
// CHECK: Cannot access memory at address 0x4000{{[0-9a-f]+}}
// CHECK-NEXT: Cannot access memory at address 0x4000{{[0-9a-f]+}}
// CHECK-DAG: cpu 0: hits 10, pair.b 200, arr[3] 1000
// CHECK-DAG: cpu 1: hits 11, pair.b 201, arr[3] 1001
// CHECK-DAG: cpu 2: hits 12, pair.b 202, arr[3] 1002
// CHECK-DAG: cpu 3: hits 13, pair.b 203, arr[3] 1003
// CHECK: $1 = 13
// CHECK-NEXT: $2 = 12
// CHECK-NEXT: [0]: 10
// CHECK-NEXT: [1]: 11
// CHECK-NEXT: [2]: 12
// CHECK-NEXT: [3]: 13
// CHECK-NEXT: [2]: {a = 102, b = 202}
// CHECK-NEXT: template: 0x{{[0-9a-f]+}}-0x{{[0-9a-f]+}} ({{[0-9]+}} bytes)
// CHECK-NEXT: CPUs: 4 (offsets[] at 0x{{[0-9a-f]+}})
// CHECK-NEXT: CPU 0: offset 0x[[OFF0:[0-9a-f]+]], area
// CHECK: this CPU: $gs_base = 0x[[OFF0]] (CPU 0)
// CHECK-NOT: Error
// CHECK-NOT: Python Exception

#include <percpu.h>
#include <pthread.h>
#include <stdlib.h>

#include "Inputs/cpu_values.h"

#define NCPUS 4
/* Which CPU each thread plays, for gdb to print next to its values. */
__thread volatile int my_cpu = -1;
static pthread_barrier_t written, checked;

__attribute__((noinline)) void stop_here(void) {
  __asm__ volatile("" ::: "memory");
}

static void play_cpu(unsigned cpu) {
  if (percpu_init_reg(cpu))
    exit(1);
  my_cpu = cpu;
  write_cpu_values(cpu);
  pthread_barrier_wait(&written);
}

static void *thread_main(void *arg) {
  play_cpu((unsigned)(uintptr_t)arg);
  pthread_barrier_wait(&checked);
  return NULL;
}

int main(void) {
  void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
  if (!areas || percpu_init(areas, NCPUS) != NCPUS)
    return 1;
  pthread_barrier_init(&written, NULL, NCPUS);
  pthread_barrier_init(&checked, NULL, NCPUS);
  pthread_t threads[NCPUS];
  for (unsigned cpu = 1; cpu < NCPUS; cpu++)
    pthread_create(&threads[cpu], NULL, thread_main, (void *)(uintptr_t)cpu);
  play_cpu(0);
  stop_here(); /* every thread has written its CPU's copies */
  pthread_barrier_wait(&checked);
  for (unsigned cpu = 1; cpu < NCPUS; cpu++)
    pthread_join(threads[cpu], NULL);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
