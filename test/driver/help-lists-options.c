// RUN: %percpu_cc --help -c %s | FileCheck %s
// Verify that --help describes the percpu-cc options and runs nothing else.

// CHECK: usage: percpu-cc
// CHECK: --percpu-reg=REG
// CHECK: -DPERCPU_REGISTER=REG
// CHECK: --percpu-print-config
// CHECK: Every other argument goes to clang unchanged.
// CHECK: Cross targets (all but x86_64) link with -fuse-ld=lld
// CHECK: -ffreestanding -nostdlib -static
// CHECK: RISC-V with gp as the per-CPU register
// CHECK: -Wl,--no-relax-gp
