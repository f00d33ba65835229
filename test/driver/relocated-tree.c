// RUN: rm -rf %t.tree %t.link && mkdir %t.tree
// Verify that percpu-cc is relocatable: a copy of the build tree's bin, lib, include and share finds its plugin, headers, runtimes and linker fragments in the copy, and compiles, links and runs a program from there; a symlink to it finds the same tree; and an incomplete copy names the path it looked for.
// RUN: cp -r %percpu_bin/bin %percpu_bin/lib %percpu_bin/include %percpu_bin/share %t.tree
// RUN: %t.tree/bin/percpu-cc --percpu-print-config --percpu-reg=gs %S/Inputs/two_cpus.c -o %t.out > %t.config
// RUN: FileCheck %s --check-prefix=CONFIG -DT=%t.tree -DCLANG=%clang < %t.config
// Nothing leads back to the build tree or the sources: neither the configuration nor the executable names them.
// RUN: FileCheck %s --check-prefix=ONLY-COPY -DLIB=%percpu_lib -DINC=%percpu_include -DLINKER=%percpu_linker -DSRC=%percpu_src < %t.config
// RUN: not grep -F %percpu_bin/ %t.tree/bin/percpu-cc
// RUN: not grep -F %percpu_include %t.tree/bin/percpu-cc
// RUN: not grep -F %percpu_linker %t.tree/bin/percpu-cc
// RUN: %t.tree/bin/percpu-cc -Werror -O2 %S/Inputs/two_cpus.c -o %t.out
// RUN: %t.out | FileCheck %s --check-prefix=OUT
// RUN: ln -sf %t.tree/bin/percpu-cc %t.link
// RUN: %t.link --percpu-print-config -c %s | FileCheck %s --check-prefix=CONFIG -DT=%t.tree -DCLANG=%clang
// RUN: %t.tree/bin/percpu-cc --percpu-print-runtime --percpu-print-linker-dir | FileCheck %s --check-prefix=PRINT -DT=%t.tree
// RUN: rm %t.tree/include/percpu.h
// RUN: not %t.tree/bin/percpu-cc -c %s 2>&1 | FileCheck %s --check-prefix=NO-HEADER -DT=%t.tree
// RUN: rm %t.tree/lib/percpu-llvm/PercpuLowering.so
// RUN: not %t.tree/bin/percpu-cc -c %s 2>&1 | FileCheck %s --check-prefix=NO-PLUGIN -DT=%t.tree
// RUN: not %t.tree/bin/percpu-cc --percpu-print-config -c %s 2>&1 | FileCheck %s --check-prefix=NO-PLUGIN -DT=%t.tree
// REQUIRES: native-x86_64, runtime-x86_64

// CONFIG:      clang: [[CLANG]]
// CONFIG:      plugin: [[T]]/lib/percpu-llvm/PercpuLowering.so
// CONFIG-NEXT: include dir: [[T]]/include
// CONFIG-NEXT: linker dir: [[T]]/share/percpu-llvm/linker
// CONFIG:      runtime: [[T]]/lib/percpu-llvm/x86_64/libpercpu.a
// CONFIG-NEXT: runtime exists: yes
// CONFIG-NEXT: command: [[CLANG]] --target=x86_64-linux-gnu --start-no-unused-arguments -fpass-plugin=[[T]]/lib/percpu-llvm/PercpuLowering.so -I[[T]]/include {{.*}} [[T]]/lib/percpu-llvm/x86_64/libpercpu.a --end-no-unused-arguments{{$}}

// ONLY-COPY-NOT: [[SRC]]/include
// ONLY-COPY-NOT: [[SRC]]/linker
// ONLY-COPY-NOT: [[LIB]]/
// ONLY-COPY-NOT: [[INC]]
// ONLY-COPY-NOT: [[LINKER]]

// OUT: two cpus: ok

// PRINT:      [[T]]/lib/percpu-llvm/x86_64/libpercpu.a
// PRINT-NEXT: [[T]]/share/percpu-llvm/linker

// NO-HEADER: percpu-cc: error: header [[T]]/include/percpu.h: No such file or directory (percpu-cc looks for it relative to its own directory [[T]]/bin; the tree is incomplete)
// NO-PLUGIN: percpu-cc: error: plugin [[T]]/lib/percpu-llvm/PercpuLowering.so: No such file or directory (percpu-cc looks for it relative to its own directory [[T]]/bin; the tree is incomplete)

int f(void) { return 0; }
// SPDX-License-Identifier: BSD-2-Clause
