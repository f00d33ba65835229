// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error:
// Verify that a _Thread_local or __thread per-CPU variable (clang accepts the qualifier pair) is an error from the plugin naming the variable and its source file (with -g also its line), saying to drop _Thread_local/__thread; that both are reported; and that the compiler then stops cleanly even when a function reads the variable, instead of crashing in the backend on the llvm.threadlocal.address call left on the moved global.
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error:

#include <percpu.h>

// G: {{.*}}thread_local_percpu_error.c:[[@LINE+2]]{{.*}} 'tls_counter': a per-CPU variable cannot be thread-local: it already has one copy per CPU; drop _Thread_local/__thread
// NOG: {{.*}}thread_local_percpu_error.c{{.*}} 'tls_counter': a per-CPU variable cannot be thread-local: it already has one copy per CPU; drop _Thread_local/__thread
_Thread_local DEFINE_PER_CPU(unsigned long, tls_counter);

// G: {{.*}}thread_local_percpu_error.c:[[@LINE+2]]{{.*}} 'gnu_tls_flag': a per-CPU variable cannot be thread-local: it already has one copy per CPU; drop _Thread_local/__thread
// NOG: {{.*}}thread_local_percpu_error.c{{.*}} 'gnu_tls_flag': a per-CPU variable cannot be thread-local: it already has one copy per CPU; drop _Thread_local/__thread
__thread DEFINE_PER_CPU(int, gnu_tls_flag);

unsigned long read_tls(void) { return tls_counter + gnu_tls_flag; }
void bump_tls(void) { this_cpu_inc(tls_counter); }

// G: 2 errors generated.
// NOG: 2 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
