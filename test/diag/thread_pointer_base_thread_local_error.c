// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tp --check-prefixes=CHECK,RV,G --implicit-check-not=error: --implicit-check-not=note:
// Verify that with the thread pointer as the per-CPU base register (RISC-V tp, AArch64 tpidr_el0) every thread-local variable the unit defines or uses, an extern one included, is an error at its declaration with the advice to take the default register or drop the qualifier, at -O0 and -O2, instead of code whose thread-local accesses silently address this CPU's per-CPU memory; -femulated-tls leaves the same IR and is rejected alike.
// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tp --check-prefixes=CHECK,RV,NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -femulated-tls -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tp --check-prefixes=CHECK,RV,NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tpidr_el0 -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tpidr_el0 --check-prefixes=CHECK,A64,G --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tpidr_el0 -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tpidr_el0 --check-prefixes=CHECK,A64,NOG --implicit-check-not=error: --implicit-check-not=note:
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

// With -g an error about a variable is at its declaration, without at its first use.
// G-DAG: thread_pointer_base_thread_local_error.c:[[@LINE+1]]:29: error: 'last_hit': a thread-local variable's address is computed from [[REG]], the per-CPU base register{{$}}
_Thread_local unsigned long last_hit;
extern _Thread_local int thread_id;

// NOG-DAG: thread_pointer_base_thread_local_error.c:[[@LINE+7]]:3: error: 'last_hit': a thread-local variable's address is computed from [[REG]], the per-CPU base register{{$}}
// An extern declaration has no debug info of its own: its error is at its first use.
// CHECK-DAG: thread_pointer_base_thread_local_error.c:[[@LINE+6]]:17: error: 'thread_id': a thread-local variable's address is computed from [[REG]], the per-CPU base register{{$}}
// RV-DAG: note: make gp the base register (-DPERCPU_REGISTER=gp, percpu-cc --percpu-reg=gp), or drop _Thread_local/__thread (thread_local in C++){{$}}
// A64-DAG: note: make tpidr_el1 the base register (-DPERCPU_REGISTER=tpidr_el1, percpu-cc --percpu-reg=tpidr_el1), or drop _Thread_local/__thread (thread_local in C++){{$}}
unsigned long count(unsigned long n) {
  hits += n;
  last_hit = n;
  return hits + thread_id;
}
// SPDX-License-Identifier: BSD-2-Clause
