// RUN: %percpu_cc --percpu-print-config -c %s > %t.host
// Verify that the default target is the host's (uname -m, Linux), handed to clang as --target so that clang and the runtime agree, and that --target= and -target replace it.
// RUN: sh -c 'grep -qx "target: $(uname -m)-linux-gnu" %t.host'
// RUN: sh -c 'grep -qx "arch: $(uname -m)" %t.host'
// RUN: sh -c 'grep -q "^command: [^ ]* --target=$(uname -m)-linux-gnu " %t.host'
// RUN: %percpu_cc --percpu-print-config --target=riscv32-unknown-elf -c %s | FileCheck %s --check-prefix=TARGET -DT=riscv32-unknown-elf -DA=riscv32
// RUN: %percpu_cc --percpu-print-config -target aarch64-none-elf -c %s | FileCheck %s --check-prefix=TARGET -DT=aarch64-none-elf -DA=aarch64

// TARGET:      target: [[T]]
// TARGET-NEXT: arch: [[A]]
// TARGET:      command:
// TARGET-NOT:  --target=x86_64
// SPDX-License-Identifier: BSD-2-Clause
