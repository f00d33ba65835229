// RUN: env PERCPU_CLANG=%clang %percpu_cc --percpu-print-config -c %s | FileCheck %s --check-prefix=SAME -DCLANG=%clang
// Verify that PERCPU_CLANG replaces clang when its LLVM major matches the plugin's, and is rejected when it cannot report a version.
// RUN: printf '#!/bin/sh\necho 1.2.3\n' > %t.clang1 && chmod +x %t.clang1
// RUN: not env PERCPU_CLANG=%t.clang1 %percpu_cc -c %s 2>&1 | FileCheck %s --check-prefix=OLD -DFAKE=%t.clang1
// RUN: printf '#!/bin/sh\nexit 3\n' > %t.broken && chmod +x %t.broken
// RUN: not env PERCPU_CLANG=%t.broken %percpu_cc -c %s 2>&1 | FileCheck %s --check-prefix=BROKEN -DFAKE=%t.broken
// RUN: not env PERCPU_CLANG=%t.missing %percpu_cc -c %s 2>&1 | FileCheck %s --check-prefix=BROKEN -DFAKE=%t.missing

// SAME:      clang: [[CLANG]]
// SAME:      command: [[CLANG]] {{.*}}-c

// OLD: percpu-cc: error: PERCPU_CLANG=[[FAKE]] is LLVM 1, but the plugin is built for LLVM {{[0-9]+}}; to use that clang, build percpu-llvm with -DLLVM_DIR for LLVM 1

// BROKEN: percpu-cc: error: cannot get the version of PERCPU_CLANG=[[FAKE]]
// SPDX-License-Identifier: BSD-2-Clause
