// RUN: %percpu_clang --target=x86_64-linux-gnu -fopenmp -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=X64
// Verify that per-CPU accesses in OpenMP's outlined regions (named .omp_outlined. before clang 19) (a parallel loop's body, a task's entry) reach this CPU's copy, the CPU of the thread that runs the region (x86_64: %gs:, aarch64: the base register read in the outlined function), at -O0 and -O2; that firstprivate(v) copies the encountering thread's copy before the fork; and that a clause that hands the runtime the variable's address (reduction, lastprivate) is an error at its pragma, since __kmpc_fork_call passes it as a variadic argument.
// RUN: %percpu_clang --target=x86_64-linux-gnu -fopenmp -O0 -S -o - %s | FileCheck %s --check-prefix=X64-O0
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fopenmp -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=A64
// RUN: not %percpu_cc --target=x86_64-linux-gnu -fopenmp -O2 -DADDRESS_CLAUSES -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
#include <percpu.h>

DEFINE_PER_CPU(long, hits);
DEFINE_PER_CPU(long, slots[16]);

// X64-LABEL: {{^}}{{(count.omp_outlined|.omp_outlined.)}}:
// X64: callq __kmpc_for_static_init_4
// X64: addq %{{[a-z0-9]+}}, %gs:(%{{[a-z0-9]+}},%{{[a-z0-9]+}},8)
// X64: movq %{{[a-z0-9]+}}, %gs:hits(%rip)
// X64: callq __kmpc_for_static_fini
// X64-O0-LABEL: {{^}}{{(count.omp_outlined|.omp_outlined.)}}:
// X64-O0: %gs:hits(%rip)
// X64-O0: %gs:(%{{[a-z0-9]+}})
// A64-LABEL: {{^}}{{(count.omp_outlined|.omp_outlined.)}}:
// A64: bl __kmpc_for_static_init_4
// A64: mrs {{x[0-9]+}}, TPIDR_EL1
// A64: bl __kmpc_for_static_fini
void count(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; i++) {
    hits++;
    this_cpu_add(slots[i & 15], i);
  }
}

// X64-LABEL: {{^}}first:
// X64: movq %gs:hits(%rip), %{{[a-z0-9]+}}
// X64: callq __kmpc_fork_call
long first(int n) {
  long seen = 0;
#pragma omp parallel for firstprivate(hits) reduction(+ : seen)
  for (int i = 0; i < n; i++)
    seen += hits;
  return seen;
}

// X64-LABEL: {{^}}.omp_task_entry.:
// X64: addq $5, %gs:hits(%rip)
void task(void) {
#pragma omp task
  hits += 5;
#pragma omp taskwait
}

#ifdef ADDRESS_CLAUSES
// ERR: openmp_outlined_regions.c:[[@LINE+2]]:1: error: a per-CPU pointer passed as a variadic argument would be read as an ordinary pointer to the template{{$}}
void reduce(int n) {
#pragma omp parallel for reduction(+ : hits)
  for (int i = 0; i < n; i++)
    hits += i;
}
// ERR: openmp_outlined_regions.c:[[@LINE+2]]:1: error: a per-CPU pointer passed as a variadic argument would be read as an ordinary pointer to the template{{$}}
void last(int n) {
#pragma omp parallel for lastprivate(hits)
  for (int i = 0; i < n; i++)
    hits = i;
}
#endif
// SPDX-License-Identifier: BSD-2-Clause
