// RUN: %percpu_cc -O2 -Wall -Wextra -Werror -pthread %percpu_src/examples/demo.c -o %t && %t | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64
// Verify that the README's demo (examples/demo.c) builds warning-free and that its four CPUs count exactly their own events while the untouched template keeps its initial values.

// CHECK: cpu  events   bytes      min  max
// CHECK-NEXT: 0   100000
// CHECK-NEXT: 1   200000
// CHECK-NEXT: 2   300000
// CHECK-NEXT: 3   400000
// CHECK-NEXT: template: events=0 min=0xffffffffffffffff
// CHECK-NEXT: total: 1000000 events (expected 1000000): OK
// SPDX-License-Identifier: BSD-2-Clause
