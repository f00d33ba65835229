// RUN: %percpu_clang -x c++ -std=c++17 --target=x86_64-linux-gnu -O0 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=LOWERED
// Verify that in C++, where internal linkage mangles the header's statics, the pass still finds the plugin guard and the register and mode strings by their C names: a lowered unit keeps none of them and links, the register and mode choose the runtime symbol the unit references, and a C++ unit compiled without the plugin still fails to link, naming the missing plugin.
// RUN: %percpu_clang -x c++ -std=c++17 --target=riscv64-linux-gnu -ffreestanding -DPERCPU_REGISTER=tp -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=TP
// RUN: %percpu_clang -x c++ -std=c++20 --target=x86_64-linux-gnu -DPERCPU_SINGLE_CPU -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=SINGLE
// RUN: %percpu_clang -x c++ -std=c++20 --target=riscv64-linux-gnu -ffreestanding -DPERCPU_PREEMPT_HOOKS -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=HOOKS
// RUN: %percpu_cxx -O2 %s -o %t.linked
// RUN: %clang --driver-mode=g++ --target=x86_64-linux-gnu -I%percpu_include -O2 -c %s -o %t.noplugin.o
// RUN: not %clang --driver-mode=g++ --target=x86_64-linux-gnu %t.noplugin.o %percpu_lib/x86_64/libpercpu.a -o %t.noplugin 2>&1 | FileCheck %s --check-prefix=NOPLUGIN
// REQUIRES: native-x86_64, runtime-x86_64

// LOWERED-NOT: __percpu_plugin_guard
// LOWERED-NOT: percpu_llvm_plugin_missing
// LOWERED:     @__percpu_runtime_for_gs
// LOWERED-NOT: __percpu_plugin_guard
// LOWERED-NOT: percpu_llvm_plugin_missing

// TP-NOT: __percpu_register
// TP:     @__percpu_runtime_for_tp
// TP-NOT: __percpu_register
// TP-NOT: __percpu_plugin_guard

// SINGLE-NOT: __percpu_mode
// SINGLE:     @__percpu_runtime_for_single_cpu
// SINGLE-NOT: __percpu_mode

// HOOKS-NOT: __percpu_mode
// HOOKS:     call void @percpu_preempt_disable()
// HOOKS-NOT: __percpu_mode

// NOPLUGIN: {{undefined (reference to|symbol:)}} {{.?}}percpu_llvm_plugin_missing__compile_with_percpu_cc_or_fpass_plugin

#include <percpu.h>

namespace counters {
DEFINE_PER_CPU(unsigned long, hits);
}

int main() {
  this_cpu_inc(counters::hits);
  return (int)this_cpu_cmpxchg(counters::hits, 1UL, 5UL) - 1;
}
// SPDX-License-Identifier: BSD-2-Clause
