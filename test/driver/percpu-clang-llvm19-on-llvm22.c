// RUN: not env PERCPU_CLANG=/usr/lib/llvm-19/bin/clang %percpu_cc -c %s 2>&1 | FileCheck %s
// Verify that an LLVM 22 build refuses PERCPU_CLANG of LLVM 19, whose clang cannot load the plugin.
// REQUIRES: llvm-22

// CHECK: percpu-cc: error: PERCPU_CLANG=/usr/lib/llvm-19/bin/clang is LLVM 19, but the plugin is built for LLVM 22; to use that clang, build percpu-llvm with -DLLVM_DIR for LLVM 19 (e.g. -DLLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm)
// SPDX-License-Identifier: BSD-2-Clause
