// RUN: %clang -std=gnu11 -Wall -Wextra -Werror -fsyntax-only -I%percpu_include %if typeof-unqual-every-c %{ -DWITH_ARRAY %} %s
// Verify that the header's unqualified copy type (this_cpu_ptr, per_cpu_ptr, this_cpu_cmpxchg, raw_cpu_xchg/cmpxchg) is right for const, volatile, _Atomic, struct and pointer per-CPU variables in every C mode: with __typeof_unqual__ (clang 19 and later), with C23's typeof_unqual (clang 16 -std=c2x), and with clang 16's fallback before C23, where a per-CPU array, whose type the fallback would silently turn into a pointer, is a compile-time error at the use that says what to write instead.
// RUN: %clang -std=c17 -Wall -Wextra -Werror -fsyntax-only -I%percpu_include %if typeof-unqual-every-c %{ -DWITH_ARRAY %} %s
// RUN: %clang -std=c2x -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DWITH_ARRAY %s
// RUN: %if clang-16 %{ %old_clang16 -std=c2x -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DWITH_ARRAY %s %}
// RUN: %if clang-16 %{ %old_clang16 -std=gnu11 -Wall -Wextra -Werror -fsyntax-only -I%percpu_include %s %}
// RUN: %if clang-16 %{ %old_clang16 -std=c17 -Wall -Wextra -Werror -fsyntax-only -I%percpu_include %s %}
// RUN: %if clang-16 %{ not %old_clang16 -std=gnu11 -fsyntax-only -I%percpu_include -DARRAY_ERROR %s 2>&1 | FileCheck %s --implicit-check-not=error: %}

#include <percpu.h>

#define SAME_TYPE(expr, type)                                                  \
  _Static_assert(__builtin_types_compatible_p(__typeof__(expr), type), #type)

struct pair {
  int a[3];
  long b;
};
DEFINE_PER_CPU(int, hits);
DEFINE_PER_CPU(const volatile long, cv);
DEFINE_PER_CPU(volatile long, vol);
DEFINE_PER_CPU(struct pair, pr);
DEFINE_PER_CPU(int *, ptr);
DEFINE_PER_CPU(_Atomic int, atomic_int);
DEFINE_PER_CPU(int *_Atomic, atomic_ptr);
DEFINE_PER_CPU(_Atomic struct pair, atomic_pair);

int uses(void) {
  SAME_TYPE(this_cpu_ptr(&hits), int *);
  SAME_TYPE(this_cpu_ptr(&cv), long *);
  SAME_TYPE(per_cpu_ptr(&pr, 1), struct pair *);
  SAME_TYPE(this_cpu_ptr(&ptr), int **);
  SAME_TYPE(this_cpu_ptr(&atomic_int), int *);
  SAME_TYPE(this_cpu_ptr(&atomic_ptr), int **);
  SAME_TYPE(this_cpu_ptr(&atomic_pair), struct pair *);
  SAME_TYPE(per_cpu(pr, 0).b, long);
  SAME_TYPE(this_cpu_cmpxchg(hits, 1, 2), int);
  SAME_TYPE(raw_cpu_xchg(vol, 3), long);
  SAME_TYPE(raw_cpu_cmpxchg(ptr, 0, 0), int *);
  return this_cpu_cmpxchg(hits, 1, 2) + raw_cpu_cmpxchg(hits, 3, 4);
}

#if defined(WITH_ARRAY) || defined(ARRAY_ERROR)
DEFINE_PER_CPU(int, arr[4]);
int array_use(void) {
#ifdef WITH_ARRAY
  SAME_TYPE(per_cpu_ptr(&arr, 1), int (*)[4]);
  SAME_TYPE(this_cpu_ptr(&arr), int (*)[4]);
  SAME_TYPE(per_cpu_ptr(&pr.a, 1), int (*)[3]);
#endif
  // CHECK: typeof_unqual_every_clang_and_mode.c:[[@LINE+1]]:10: error: static assertion failed due to requirement {{.*}}: per-CPU array: this clang cannot name its unqualified type before C23; take the element (per_cpu(arr[i], cpu), this_cpu_ptr(&arr[i])), or compile with -std=c2x or clang 19 or later
  return per_cpu(arr, 1)[2] + per_cpu(arr[3], 0);
}
#endif
// SPDX-License-Identifier: BSD-2-Clause
