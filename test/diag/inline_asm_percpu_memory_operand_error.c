// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error:
// Verify that an inline asm "m", "+m" or "=m" operand on per-CPU memory (which the asm would address in the template, without %gs:) is an error that says to pass this_cpu_ptr(p) instead, reported for every such asm at its line and column with -g and at the enclosing function without it, while an operand through this_cpu_ptr() is accepted.
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O0 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
struct pair {
  int a, b;
};
DEFINE_PER_CPU(struct pair, pr);

// NOG: {{.*}}inline_asm_percpu_memory_operand_error.c:[[@LINE+1]]:6: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy: pass this_cpu_ptr(p) instead
void asm_read_write(void) {
  // G: {{.*}}inline_asm_percpu_memory_operand_error.c:[[@LINE+1]]:3: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy: pass this_cpu_ptr(p) instead
  asm volatile("incq %0" : "+m"(hits));
}

// NOG: {{.*}}inline_asm_percpu_memory_operand_error.c:[[@LINE+1]]:15: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy: pass this_cpu_ptr(p) instead
unsigned long asm_input(void) {
  unsigned long v;
  // G: {{.*}}inline_asm_percpu_memory_operand_error.c:[[@LINE+1]]:3: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy: pass this_cpu_ptr(p) instead
  asm("movq %1, %0" : "=r"(v) : "m"(hits));
  return v;
}

// NOG: {{.*}}inline_asm_percpu_memory_operand_error.c:[[@LINE+1]]:6: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy: pass this_cpu_ptr(p) instead
void asm_output_member(void) {
  // G: {{.*}}inline_asm_percpu_memory_operand_error.c:[[@LINE+1]]:3: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy: pass this_cpu_ptr(p) instead
  asm("movl $1, %0" : "=m"(pr.b));
}

// The way to do it: an ordinary pointer to this CPU's copy.
void asm_through_this_cpu_ptr(void) {
  unsigned long *p = this_cpu_ptr(&hits);
  asm volatile("incq %0" : "+m"(*p));
}

// G: 3 errors generated.
// NOG: 3 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
