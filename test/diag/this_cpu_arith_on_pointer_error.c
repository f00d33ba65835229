// RUN: not %percpu_cc -O2 -fno-caret-diagnostics -DPOINTER -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// Verify that this_cpu_add, _sub, _inc, _dec and their _return forms refuse a per-CPU pointer with an error at the line (the atomic builtins would move it by bytes where C's += and raw_cpu_add move it by elements, so this_cpu_inc of an int * used to add 1 where raw_cpu_inc added 4), in C and C++, while integers, characters and enums still take one unlocked %gs: instruction, under -pedantic -Werror too.
// RUN: not %percpu_cxx -O2 -fno-caret-diagnostics -DPOINTER -x c++ -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %percpu_cc -O2 -Wall -Wextra -pedantic -Werror -S -o - %s | FileCheck %s --check-prefixes=INT,INTC
// RUN: %percpu_cxx -O2 -Wall -Wextra -Werror -x c++ -S -o - %s | FileCheck %s --check-prefix=INT
#include <percpu.h>

#ifdef POINTER
DEFINE_PER_CPU(int *, cursor);

// ERR: this_cpu_arith_on_pointer_error.c:[[@LINE+1]]:{{[0-9]+}}: error: static assertion failed{{.*}}this_cpu_add/sub/inc/dec on a pointer would move it by bytes, not elements: use raw_cpu_add with preemption off, or a uintptr_t
void step(void) { this_cpu_inc(cursor); }
// ERR: this_cpu_arith_on_pointer_error.c:[[@LINE+1]]:{{[0-9]+}}: error: static assertion failed
void back(void) { this_cpu_sub(cursor, 2); }
// ERR: this_cpu_arith_on_pointer_error.c:[[@LINE+1]]:{{[0-9]+}}: error: static assertion failed
int *advance(void) { return this_cpu_add_return(cursor, 3); }
// ERR: this_cpu_arith_on_pointer_error.c:[[@LINE+1]]:{{[0-9]+}}: error: static assertion failed
int *retreat(void) { return this_cpu_dec_return(cursor); }
#endif

DEFINE_PER_CPU(unsigned long, hits);
DEFINE_PER_CPU(signed char, level);
enum mode { IDLE, BUSY };
DEFINE_PER_CPU(enum mode, state);

// INT-LABEL: count:
// INT-NOT: lock
// INT: incq %gs:hits(%rip)
// INT: addb $2, %gs:level(%rip)
// INTC: decl %gs:state(%rip)
// INT-NOT: lock
// INT: ret
#ifdef __cplusplus
extern "C"
#endif
void count(void) {
  this_cpu_inc(hits);
  this_cpu_add(level, 2);
#ifndef __cplusplus
  this_cpu_dec(state); // C++ has no arithmetic on an enum
#endif
}
// SPDX-License-Identifier: BSD-2-Clause
