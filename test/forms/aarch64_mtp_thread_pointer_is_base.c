// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -mtp=el1 -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tpidr_el1 --implicit-check-not=error: --implicit-check-not=note:
// Verify that on AArch64 the thread pointer clang's -mtp= picks is the one checked against the per-CPU base register: with -mtp=el1 and TPIDR_EL1 as the base (the default), or -mtp=el2 and TPIDR_EL2, a thread-local variable is an error at the variable with a hint, instead of thread-local accesses through the per-CPU base; and with the base in another register than -mtp's (TPIDR_EL0 with -mtp=el1, TPIDR_EL1 with -mtp=el2) thread-locals and per-CPU data compile, each through its own register.
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding --percpu-reg=tpidr_el2 -mtp=el2 -O0 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tpidr_el2 --implicit-check-not=error: --implicit-check-not=note:
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding --percpu-reg=tpidr_el0 -mtp=el1 -O2 -S %s -o - | FileCheck %s --check-prefix=OK -DBASE=TPIDR_EL0 -DTP=TPIDR_EL1
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -mtp=el2 -O2 -S %s -o - | FileCheck %s --check-prefix=OK -DBASE=TPIDR_EL1 -DTP=TPIDR_EL2

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

// CHECK: aarch64_mtp_thread_pointer_is_base.c:[[@LINE+2]]:20: error: 'last': a thread-local variable's address is computed from [[REG]], the per-CPU base register{{$}}
// CHECK-NEXT: note: make {{tpidr_el[0-2]}} the base register (-DPERCPU_REGISTER={{tpidr_el[0-2]}}, percpu-cc --percpu-reg={{tpidr_el[0-2]}}), compile with another -mtp=, or drop _Thread_local/__thread (thread_local in C++){{$}}
_Thread_local long last;

// OK-LABEL: count:
// OK-DAG: mrs {{x[0-9]+}}, [[BASE]]
// OK-DAG: mrs {{x[0-9]+}}, [[TP]]
long count(long v)
{
	this_cpu_inc(hits);
	return last += v;
}
// SPDX-License-Identifier: BSD-2-Clause
