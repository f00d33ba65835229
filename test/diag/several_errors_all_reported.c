// RUN: not %percpu_cc --target=x86_64-linux-gnu -O0 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// Verify that every per-CPU error in a file is reported, each with its own line, column and note, not just the first: two in one function and others in several functions (casts both ways, a comparison that converts, an inline asm memory operand, a 16-byte atomic), the same at -O0, -O2 and -O2 -g.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
DEFINE_PER_CPU(__int128, wide);
DEFINE_PER_CPU(int, other);

void sink(void *p);

// Two errors in one function.
void two_casts(void) {
  // CHECK: several_errors_all_reported.c:[[@LINE+2]]:3: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the template is really meant){{$}}
  sink((void *)&hits);
  // CHECK: several_errors_all_reported.c:[[@LINE+2]]:3: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
  sink((void *)&other);
}

// Comparing an ordinary pointer with a per-CPU one converts one of them.
int compare(unsigned long *q) {
  // CHECK: several_errors_all_reported.c:[[@LINE+2]]:12: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: use this_cpu_ptr() or per_cpu_ptr()
  return q == &hits;
}

void asm_operand(void) {
  // CHECK: several_errors_all_reported.c:[[@LINE+2]]:3: error: an inline asm operand points into per-CPU memory; the asm would address the template, not this CPU's copy{{$}}
  // CHECK-NEXT: note: pass this_cpu_ptr(p) instead{{$}}
  asm volatile("incq %0" : "+m"(hits));
}

__int128 wide_add(__int128 n) {
  // CHECK: several_errors_all_reported.c:[[@LINE+2]]:10: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target{{$}}
  // CHECK-NEXT: note: use a naturally aligned 1, 2, 4 or 8-byte type{{$}}
  return __atomic_fetch_add(&wide, n, __ATOMIC_RELAXED);
}

// Correct code between the errors compiles.
void fine(void) { this_cpu_inc(hits); }
// SPDX-License-Identifier: BSD-2-Clause
