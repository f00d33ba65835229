// RUN: not env PERCPU_CLANG=/usr/lib/llvm-22/bin/clang %percpu_cc -c %s 2>&1 | FileCheck %s
// Verify that an LLVM 19 build refuses PERCPU_CLANG of LLVM 22, whose clang cannot load the plugin.
// REQUIRES: llvm-19

// CHECK: percpu-cc: error: PERCPU_CLANG=/usr/lib/llvm-22/bin/clang is LLVM 22, but the plugin is built for LLVM 19; to use that clang, build percpu-llvm with -DLLVM_DIR for LLVM 22 (e.g. -DLLVM_DIR=/usr/lib/llvm-22/lib/cmake/llvm)
// SPDX-License-Identifier: BSD-2-Clause
