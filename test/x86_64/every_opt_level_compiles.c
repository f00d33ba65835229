// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// Verify that every kind of per-CPU access (reads, writes, read-modify-writes, xchg, cmpxchg, add_return, this_cpu_ptr, per_cpu_ptr, struct copies, long and LoopIdiom memsets, pointers through memory) compiles without an error or a backend crash at every optimisation level, for static, PIE and PIC code, each function still reaching this CPU's copy through %gs: and none using LOCK.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O1 -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -O3 -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -Os -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -Oz -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -Og -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-pic -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fPIC -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fPIC -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -g -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=lock
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -flto -c -o /dev/null %s
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -flto=thin -c -o /dev/null %s

#include <percpu.h>
#include <string.h>

struct stats {
  unsigned long min, max;
  unsigned int counts[4];
};

DEFINE_PER_CPU(unsigned long, hits);
DEFINE_PER_CPU(unsigned short, small);
DEFINE_PER_CPU(struct stats, st);
DEFINE_PER_CPU(unsigned int, arr[256]);
DEFINE_PER_CPU(int *, ptr);
DEFINE_PER_CPU(unsigned long __percpu *, cur) = &hits;
unsigned long __percpu *stored = &st.max;

// CHECK-LABEL: {{^}}reads:
// CHECK: %gs:
unsigned long reads(long i) { return this_cpu_read(hits) + __this_cpu_read(small) + st.min + arr[i] + (unsigned long)this_cpu_read(ptr); }

// CHECK-LABEL: {{^}}writes:
// CHECK: %gs:
void writes(long i, unsigned long v) { this_cpu_write(hits, v); __this_cpu_write(small, 3); st.max = v; arr[i] = 1; this_cpu_write(ptr, 0); }

// CHECK-LABEL: {{^}}updates:
// CHECK: %gs:
void updates(unsigned long n) { this_cpu_inc(hits); this_cpu_dec(small); this_cpu_add(st.min, n); this_cpu_sub(arr[3], 2); this_cpu_and(arr[4], 6); this_cpu_or(small, 8); hits++; st.max += n; }

// CHECK-LABEL: {{^}}exchanges:
// CHECK: %gs:
unsigned long exchanges(unsigned long n) { return this_cpu_add_return(hits, n) + this_cpu_xchg(st.min, n) + this_cpu_cmpxchg(st.max, 1, n) + this_cpu_try_cmpxchg(arr[0], &(unsigned int){1}, 2); }

// CHECK-LABEL: {{^}}pointers:
// CHECK: %gs:__percpu_self_offset
unsigned long *pointers(unsigned int cpu) { unsigned long *p = this_cpu_ptr(&st.max); return cpu ? per_cpu_ptr(&hits, cpu) : p; }

// CHECK-LABEL: {{^}}through_memory:
// CHECK: %gs:
unsigned long through_memory(void) { return *stored + *this_cpu_read(cur); }

// CHECK-LABEL: {{^}}copies:
// CHECK: %gs:
void copies(struct stats *out, const struct stats *in) { *out = st; st = *in; memset(&st, 0, sizeof(st)); }

// CHECK-LABEL: {{^}}fills:
// CHECK: %gs:
void fills(unsigned long n) {
  memset(arr, 0, sizeof(arr));
  for (unsigned long i = 0; i < n; i++)
    arr[i] = 0;
}
// SPDX-License-Identifier: BSD-2-Clause
