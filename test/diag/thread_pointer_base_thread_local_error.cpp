// RUN: not %percpu_cxx --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tp --implicit-check-not=error: --implicit-check-not=note:
// Verify that a C++ thread_local (named by its source name) is an error at its declaration when the thread pointer is the per-CPU base register, on RISC-V and AArch64.
// RUN: not %percpu_cxx --target=aarch64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tpidr_el0 -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tpidr_el0 --implicit-check-not=error: --implicit-check-not=note:
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

// CHECK: thread_pointer_base_thread_local_error.cpp:[[@LINE+2]]:{{[0-9]+}}: error: 'depth': a thread-local variable's address is computed from [[REG]], the per-CPU base register{{$}}
// CHECK-NEXT: note: make {{gp|tpidr_el1}} the base register
thread_local unsigned depth;

unsigned enter() {
  hits += 1;
  return ++depth;
}
// SPDX-License-Identifier: BSD-2-Clause
