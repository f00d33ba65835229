// RUN: not %percpu_cc --target=mips-linux-gnu -c %s 2>&1 | FileCheck %s -DT=mips-linux-gnu
// Verify that a target whose arch has no runtime support is rejected, naming the supported arches.
// RUN: not %percpu_cc -target armv7-linux-gnueabihf --percpu-print-config 2>&1 | FileCheck %s -DT=armv7-linux-gnueabihf
// RUN: not %percpu_cc --target=x86_64abc-linux-gnu -c %s 2>&1 | FileCheck %s -DT=x86_64abc-linux-gnu

// CHECK: percpu-cc: error: unsupported target '[[T]]'; supported arches: x86_64, aarch64, riscv64, riscv32, loongarch64
// SPDX-License-Identifier: BSD-2-Clause
