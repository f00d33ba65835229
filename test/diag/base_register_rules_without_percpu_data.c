// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -DWITH_TLS -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tp -DOTHER=gp --check-prefixes=TLS,G --implicit-check-not=error: --implicit-check-not=note:
// Verify that the base register's rules hold in a unit that includes <percpu.h> but has no per-CPU data of its own, since the register is the whole program's: with the thread pointer as the base, a thread-local variable is an error at its declaration (-g) or first use, as in a unit with per-CPU data, instead of a unit whose thread-local accesses silently address this CPU's per-CPU memory; on RISC-V with gp as the base, the shadow call stack of plain clang with the plugin (percpu-cc refuses it first) is an error about the unit instead of a unit whose every call moves every CPU's base; and that without either the unit compiles, thread-locals and all, as before.
// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -DWITH_TLS -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tp -DOTHER=gp --check-prefixes=TLS,NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tpidr_el0 -DWITH_TLS -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s -DREG=tpidr_el0 -DOTHER=tpidr_el1 --check-prefixes=TLS,G --implicit-check-not=error: --implicit-check-not=note:
// RUN: %if !llvm-16 %{ not %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCS --implicit-check-not=error: %}
// Compiles: thread-locals with the default base, the shadow call stack with tp as the base (LLVM 16 keeps it in x18 and wants -ffixed-x18), and neither.
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -DWITH_TLS -O2 -S -o - %s | FileCheck %s --check-prefix=OK
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -DWITH_TLS -O2 -S -o - %s | FileCheck %s --check-prefix=OK
// RUN: %if !llvm-16 %{ %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -DPERCPU_REGISTER=tp -O2 -S -o - %s | FileCheck %s --check-prefix=OK %}
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -O2 -S -o - %s | FileCheck %s --check-prefix=OK
#include <percpu.h>

unsigned long next_event(void);

#ifdef WITH_TLS
// G: base_register_rules_without_percpu_data.c:[[@LINE+1]]:29: error: 'last_hit': a thread-local variable's address is computed from [[REG]], the per-CPU base register{{$}}
_Thread_local unsigned long last_hit;
#endif

// NOG: base_register_rules_without_percpu_data.c:[[@LINE+8]]:3: error: 'last_hit': a thread-local variable's address is computed from [[REG]], the per-CPU base register{{$}}
// TLS: note: make [[OTHER]] the base register (-DPERCPU_REGISTER=[[OTHER]], percpu-cc --percpu-reg=[[OTHER]]), or drop _Thread_local/__thread (thread_local in C++){{$}}
// SCS: {{^}}error: -fsanitize=shadow-call-stack keeps the shadow stack pointer in gp, the per-CPU base register{{$}}
// SCS-NEXT: {{^}}note: make tp the base register (-DPERCPU_REGISTER=tp, percpu-cc --percpu-reg=tp), or build without the shadow call stack{{$}}
// OK-LABEL: {{^}}note_event:
unsigned long note_event(void) {
  unsigned long n = next_event();
#ifdef WITH_TLS
  last_hit = n;
#endif
  return n;
}
// SPDX-License-Identifier: BSD-2-Clause
