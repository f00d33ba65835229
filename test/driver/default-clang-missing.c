// RUN: rm -rf %t.tree && mkdir %t.tree && cp -r %percpu_bin/lib %percpu_bin/include %t.tree && mkdir %t.tree/bin
// Verify that when the clang percpu-cc was built with is gone, percpu-cc says so and suggests PERCPU_CLANG, which then works.
// RUN: %clang -std=c11 '-DPERCPU_VERSION="0.0.0"' '-DPERCPU_CC_CLANG="/nonexistent/bin/clang"' -DPERCPU_CC_LLVM_MAJOR=%llvm_major '-DPERCPU_CC_REL_LIBDIR="lib/percpu-llvm"' '-DPERCPU_CC_REL_INCLUDEDIR="include"' '-DPERCPU_CC_REL_LINKERDIR="share/percpu-llvm/linker"' -I%percpu_include %percpu_src/tools/percpu-cc.c %percpu_src/tools/percpu-cc-rsp.c -o %t.tree/bin/percpu-cc
// RUN: not %t.tree/bin/percpu-cc -c %s -o %t.o 2>&1 | FileCheck %s -DMAJOR=%llvm_major
// RUN: not %t.tree/bin/percpu-cc --version 2>&1 | FileCheck %s -DMAJOR=%llvm_major
// RUN: env PERCPU_CLANG=%clang %t.tree/bin/percpu-cc -Werror -c %s -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=OBJ

// CHECK: percpu-cc: error: clang /nonexistent/bin/clang: No such file or directory; percpu-cc runs the clang it was built with unless PERCPU_CLANG names another clang of LLVM [[MAJOR]]
// OBJ: T f

int f(void) { return 0; }
// SPDX-License-Identifier: BSD-2-Clause
