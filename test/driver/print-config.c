// RUN: rm -f %t.o && %percpu_cc --percpu-print-config -O2 -c %s -o %t.o | FileCheck %s -DCLANG=%clang -DPLUGIN=%plugin -DINC=%percpu_include -DLIB=%percpu_lib -DLINKER=%percpu_linker -DFILE=%s -DOUT=%t.o
// Verify that --percpu-print-config shows the version, clang, plugin, include dir, linker dir, target, register, floating-point ABI, kernel, runtime and full command, and runs nothing.
// RUN: not test -e %t.o
// REQUIRES: native-x86_64

// CHECK:      percpu-cc version: {{[0-9]+\.[0-9]+\.[0-9]+$}}
// CHECK-NEXT: mode: default
// CHECK-NEXT: clang: [[CLANG]]
// CHECK-NEXT: llvm version: {{[0-9]+}}
// CHECK-NEXT: plugin: [[PLUGIN]]
// CHECK-NEXT: include dir: [[INC]]
// CHECK-NEXT: linker dir: [[LINKER]]
// CHECK-NEXT: target: x86_64-linux-gnu
// CHECK-NEXT: arch: x86_64
// CHECK-NEXT: register: gs
// CHECK-NEXT: abi: sysv
// CHECK-NEXT: kernel: no
// CHECK-NEXT: runtime: [[LIB]]/x86_64/libpercpu.a
// CHECK-NEXT: runtime exists: yes
// CHECK-NEXT: command: [[CLANG]] --target=x86_64-linux-gnu --start-no-unused-arguments -fpass-plugin=[[PLUGIN]] -I[[INC]] -Rpass=percpu-llvm-source-locations --end-no-unused-arguments -O2 -c [[FILE]] -o [[OUT]] --start-no-unused-arguments -x none [[LIB]]/x86_64/libpercpu.a --end-no-unused-arguments{{$}}
// SPDX-License-Identifier: BSD-2-Clause
