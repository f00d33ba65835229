// RUN: not %percpu_cc -O0 -c -o /dev/null %s 2>&1 | FileCheck %s
// Verify that returning the value of memset, memmove or memcpy on per-CPU memory (the per-CPU pointer, which clang converts to the plain void * through the return slot, and which would reach the template) is an error at the return statement at every optimisation level, as the same value assigned to a plain pointer is.
// RUN: not %percpu_cc -O2 -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: not %percpu_cc -Os -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: not %percpu_cc --target=aarch64-linux-gnu -nostdinc -O2 -c -o /dev/null %s 2>&1 | FileCheck %s
#include <percpu.h>

typedef __SIZE_TYPE__ size_t;
void *memset(void *d, int c, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memcpy(void *d, const void *s, size_t n);

DEFINE_PER_CPU(char, name[32]);

/* The errors come in no particular order; each is at its statement. */
// CHECK-DAG: memory_builtin_result_as_plain_pointer_error.c:[[@LINE+1]]:24: error: a cast between a per-CPU pointer and an ordinary pointer reaches the template, not this CPU's copy
void *cleared(int c) { return memset(name, c, 16); }

// CHECK-DAG: memory_builtin_result_as_plain_pointer_error.c:[[@LINE+1]]:21: error: a cast between a per-CPU pointer and an ordinary pointer
void *moved(void) { return memmove(name, name + 1, 4); }

void *copied(char __percpu *p, const char *s, size_t n) {
  // CHECK-DAG: memory_builtin_result_as_plain_pointer_error.c:[[@LINE+1]]:3: error: a cast between a per-CPU pointer and an ordinary pointer
  return memcpy(p, s, n);
}

/* The value given to a plain pointer: clang writes the cast. */
char first(void) {
  // CHECK-DAG: memory_builtin_result_as_plain_pointer_error.c:[[@LINE+1]]:9: error: a cast between a per-CPU pointer and an ordinary pointer
  char *q = memset(name, 0, 8);
  return *q;
}

// CHECK: note: use this_cpu_ptr() or per_cpu_ptr()
// CHECK-NOT: error:
// CHECK: 4 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
