// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// Verify that a unit whose optimisation pipeline never ran the plugin, though percpu-cc loaded it (-Xclang -disable-llvm-passes, -disable-llvm-optzns, or unlowered bitcode put through opt's full LTO pipeline and llc, or plain clang), fails to link naming the missing plugin instead of compiling its per-CPU accesses as plain memory, while the same bitcode compiled by percpu-cc links and runs.
// RUN: not %percpu_cc -O2 -Xclang -disable-llvm-passes %S/Inputs/two_cpus.c -o a.out 2>&1 | FileCheck %s
// RUN: not %percpu_cc -O2 -Xclang -disable-llvm-optzns %S/Inputs/two_cpus.c -o a.out 2>&1 | FileCheck %s
// RUN: %percpu_cc -O2 -Xclang -disable-llvm-passes -emit-llvm -c %S/Inputs/two_cpus.c -o raw.bc
// RUN: opt -passes='lto<O2>' raw.bc | llc -relocation-model=pic -filetype=obj -o lto.o
// RUN: not %percpu_cc lto.o -o a.out 2>&1 | FileCheck %s
// RUN: %clang -O2 -c raw.bc -o plain.o
// RUN: not %percpu_cc plain.o -o a.out 2>&1 | FileCheck %s
// RUN: %percpu_cc -O2 -c raw.bc -o lowered.o
// RUN: %percpu_cc lowered.o -o two.out && ./two.out | FileCheck %s --check-prefix=OUT
// REQUIRES: native-x86_64, runtime-x86_64

// CHECK: {{undefined (reference to|symbol:)}} {{.?}}percpu_llvm_plugin_missing__compile_with_percpu_cc_or_fpass_plugin
// OUT: two cpus: ok
// SPDX-License-Identifier: BSD-2-Clause
