// RUN: %if typeof-unqual-every-c %{ %percpu_cc --target=x86_64-linux-gnu -ffreestanding -std=c99 -pedantic-errors -Wall -Wextra -O2 -c %s -o /dev/null %}
// Verify that the header's macros (this_cpu_cmpxchg, get_cpu_ptr, raw_cpu_xchg and raw_cpu_cmpxchg are statement expressions) and AArch64's PERCPU_MAX_CPUS assertion (_Static_assert) compile under -pedantic-errors in C99 (clang 19 and later: before, the header's stand-in for __typeof_unqual__ needs C11), C11, C17 and C++17, on x86_64 and AArch64.
// RUN: %percpu_cc --target=x86_64-linux-gnu -ffreestanding -std=c11 -pedantic-errors -Wall -Wextra -O2 -c %s -o /dev/null
// RUN: %percpu_cc --target=x86_64-linux-gnu -ffreestanding -std=c17 -pedantic-errors -Wall -Wextra -O0 -c %s -o /dev/null
// RUN: %if typeof-unqual-every-c %{ %percpu_cc --target=aarch64-linux-gnu -ffreestanding -std=c99 -pedantic-errors -Wall -Wextra -O2 -c %s -o /dev/null %}
// RUN: %if typeof-unqual-every-c %{ %percpu_cc --target=aarch64-linux-gnu -ffreestanding -std=c99 -pedantic-errors -DPERCPU_SINGLE_CPU -O2 -c %s -o /dev/null %}
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -std=c11 -pedantic-errors -Wall -Wextra -O2 -c %s -o /dev/null
// RUN: %percpu_cxx --target=x86_64-linux-gnu -ffreestanding -x c++ -std=c++17 -pedantic-errors -Wall -Wextra -O2 -c %s -o /dev/null
// RUN: %percpu_cxx --target=aarch64-linux-gnu -ffreestanding -x c++ -std=c++17 -pedantic-errors -Wall -Wextra -O2 -c %s -o /dev/null
// REQUIRES: runtime-x86_64, runtime-aarch64

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

unsigned long every_form(unsigned cpu) {
  unsigned long s;
  this_cpu_inc(hits);
  s = this_cpu_read(hits) + per_cpu(hits, cpu) + *per_cpu_ptr(&hits, cpu);
  s += this_cpu_xchg(hits, 4) + this_cpu_cmpxchg(hits, 4, 5);
  s += raw_cpu_xchg(hits, 6) + raw_cpu_cmpxchg(hits, 6, 7);
  s += *get_cpu_ptr(&hits);
  put_cpu_ptr(&hits);
  return s;
}
// SPDX-License-Identifier: BSD-2-Clause
