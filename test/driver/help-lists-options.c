// RUN: %percpu_cc --help -c %s | FileCheck %s
// Verify that --help describes the percpu-cc options and runs nothing else.

// CHECK: usage: percpu-cc
// CHECK: --percpu-reg=REG
// CHECK: --percpu-print-config
// CHECK: Every other argument goes to clang unchanged.
