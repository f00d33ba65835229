// RUN: %percpu_cc --version | FileCheck %s -DVERSION=%percpu_version
// Verify that --version prints percpu-cc's version (the project's) and the LLVM its plugin is for, then the output of clang --version.
// RUN: %percpu_cc --version -c %s -o %t.o | FileCheck %s -DVERSION=%percpu_version
// RUN: not test -e %t.o

// CHECK:      {{^}}percpu-cc (percpu-llvm) [[VERSION]], plugin for LLVM {{[0-9]+$}}
// CHECK-NEXT: clang version
// CHECK:      InstalledDir:
// SPDX-License-Identifier: BSD-2-Clause
