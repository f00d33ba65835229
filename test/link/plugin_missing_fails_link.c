// RUN: %clang --target=x86_64-linux-gnu -I%percpu_include -O2 -c %s -o %t.noplugin.o
// Verify that a unit including <percpu.h> compiled with plain clang (no plugin) fails to link against the runtime, with a linker message naming percpu_llvm_plugin_missing__compile_with_percpu_cc_or_fpass_plugin, at -O2 and -O0, while the same unit compiled with the plugin (or through percpu-cc) links.
// RUN: not %clang --target=x86_64-linux-gnu %t.noplugin.o %percpu_lib/x86_64/libpercpu.a -o %t.noplugin 2>&1 | FileCheck %s
// RUN: %clang --target=x86_64-linux-gnu -I%percpu_include -O0 -c %s -o %t.noplugin-O0.o
// RUN: not %clang --target=x86_64-linux-gnu %t.noplugin-O0.o %percpu_lib/x86_64/libpercpu.a -o %t.noplugin-O0 2>&1 | FileCheck %s
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -c %s -o %t.plugin.o
// RUN: %clang --target=x86_64-linux-gnu %t.plugin.o %percpu_lib/x86_64/libpercpu.a -o %t.plugin
// RUN: %percpu_cc --target=x86_64-linux-gnu %s -o %t.percpu-cc
// REQUIRES: runtime-x86_64, native-x86_64

// CHECK: {{undefined (reference to|symbol:)}} {{.?}}percpu_llvm_plugin_missing__compile_with_percpu_cc_or_fpass_plugin

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

int main(void) {
  this_cpu_inc(hits);
  return (int)this_cpu_read(hits) - 1;
}
// SPDX-License-Identifier: BSD-2-Clause
