// RUN: not %percpu_cc --target=x86_64-linux-gnu -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// Verify that an inline asm "m", "+m" or "=m" operand on per-CPU memory (which the asm would address in the template, without %gs:) is an error in clang's form with the advice to pass this_cpu_ptr(p) as a note, reported for every such asm at the statement's line and column at -O0, -O2 and -O2 -g; that plain clang without -g still points at the statement (its asm string, from clang's location cookie); and that an operand through this_cpu_ptr() is accepted.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLAIN --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
struct pair {
  int a, b;
};
DEFINE_PER_CPU(struct pair, pr);

void asm_read_write(void) {
  // CHECK: inline_asm_percpu_memory_operand_error.c:[[@LINE+4]]:3: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: pass this_cpu_ptr(p) instead{{$}}
  // PLAIN: inline_asm_percpu_memory_operand_error.c:[[@LINE+2]]:16: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy{{$}}
  // PLAIN-NEXT: note: pass this_cpu_ptr(p) instead{{$}}
  asm volatile("incq %0" : "+m"(hits));
}

unsigned long asm_input(void) {
  unsigned long v;
  // CHECK: inline_asm_percpu_memory_operand_error.c:[[@LINE+4]]:3: error: an inline asm operand points into per-CPU memory
  // CHECK-NEXT: note: pass this_cpu_ptr(p) instead
  // PLAIN: inline_asm_percpu_memory_operand_error.c:[[@LINE+2]]:7: error: an inline asm operand points into per-CPU memory
  // PLAIN-NEXT: note: pass this_cpu_ptr(p) instead
  asm("movq %1, %0" : "=r"(v) : "m"(hits));
  return v;
}

void asm_output_member(void) {
  // CHECK: inline_asm_percpu_memory_operand_error.c:[[@LINE+4]]:3: error: an inline asm operand points into per-CPU memory
  // CHECK-NEXT: note: pass this_cpu_ptr(p) instead
  // PLAIN: inline_asm_percpu_memory_operand_error.c:[[@LINE+2]]:7: error: an inline asm operand points into per-CPU memory
  // PLAIN-NEXT: note: pass this_cpu_ptr(p) instead
  asm("movl $1, %0" : "=m"(pr.b));
}

// The way to do it: an ordinary pointer to this CPU's copy.
void asm_through_this_cpu_ptr(void) {
  unsigned long *p = this_cpu_ptr(&hits);
  asm volatile("incq %0" : "+m"(*p));
}
// SPDX-License-Identifier: BSD-2-Clause
