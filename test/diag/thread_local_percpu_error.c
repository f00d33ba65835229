// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error: --implicit-check-not=note:
// Verify that a _Thread_local or __thread per-CPU variable (clang accepts the qualifier pair) is an error from the plugin in clang's form, naming the variable, with the advice to drop _Thread_local/__thread as a note: with -g at the variable's name in its declaration, without -g at its first use (debug info is what records a declaration's place), at -O0 and -O2 alike; that both are reported; and that the compiler then stops cleanly even when a function reads the variable, instead of crashing in the backend on the llvm.threadlocal.address call left on the moved global.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

// G: thread_local_percpu_error.c:[[@LINE+2]]:45: error: 'tls_counter': a per-CPU variable cannot be thread-local: it already has one copy per CPU{{$}}
// G-NEXT: note: drop _Thread_local/__thread (thread_local in C++){{$}}
_Thread_local DEFINE_PER_CPU(unsigned long, tls_counter);

// G: thread_local_percpu_error.c:[[@LINE+2]]:30: error: 'gnu_tls_flag': a per-CPU variable cannot be thread-local: it already has one copy per CPU{{$}}
// G-NEXT: note: drop _Thread_local/__thread (thread_local in C++){{$}}
__thread DEFINE_PER_CPU(int, gnu_tls_flag);

// NOG: thread_local_percpu_error.c:[[@LINE+4]]:39: error: 'tls_counter': a per-CPU variable cannot be thread-local: it already has one copy per CPU{{$}}
// NOG-NEXT: note: drop _Thread_local/__thread (thread_local in C++){{$}}
// NOG: thread_local_percpu_error.c:[[@LINE+2]]:53: error: 'gnu_tls_flag': a per-CPU variable cannot be thread-local: it already has one copy per CPU{{$}}
// NOG-NEXT: note: drop _Thread_local/__thread (thread_local in C++){{$}}
unsigned long read_tls(void) { return tls_counter + gnu_tls_flag; }
void bump_tls(void) { this_cpu_inc(tls_counter); }
// SPDX-License-Identifier: BSD-2-Clause
