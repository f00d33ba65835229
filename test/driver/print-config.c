// RUN: rm -f %t.o && %percpu_cc --percpu-print-config -O2 -c %s -o %t.o | FileCheck %s -DCLANG=%clang -DPLUGIN=%plugin -DINC=%percpu_include -DLIB=%percpu_lib -DFILE=%s -DOUT=%t.o
// Verify that --percpu-print-config shows the clang, plugin, include dir, target, register, runtime and full command, and runs nothing.
// RUN: not test -e %t.o

// CHECK:      clang: [[CLANG]]
// CHECK-NEXT: llvm version: {{[0-9]+}}
// CHECK-NEXT: plugin: [[PLUGIN]]
// CHECK-NEXT: include dir: [[INC]]
// CHECK-NEXT: target: x86_64-linux-gnu
// CHECK-NEXT: arch: x86_64
// CHECK-NEXT: register: gs
// CHECK-NEXT: runtime: [[LIB]]/x86_64/libpercpu.a
// CHECK-NEXT: runtime exists: {{yes|no}}
// CHECK-NEXT: links: no
// CHECK-NEXT: command: [[CLANG]] --target=x86_64-linux-gnu -fpass-plugin=[[PLUGIN]] -I[[INC]] -O2 -c [[FILE]] -o [[OUT]]{{$}}
