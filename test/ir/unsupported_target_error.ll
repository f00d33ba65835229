; RUN: not %percpu_opt -S %s -o /dev/null 2>&1 | FileCheck %s
; Verify that per-CPU variables on an architecture without a lowering are an error that names the supported architectures.

target triple = "powerpc64le-unknown-linux-gnu"

@hits = addrspace(300) global i64 0

; CHECK: error: percpu-llvm: per-CPU variables are not supported on target 'powerpc64le-unknown-linux-gnu'; supported architectures: x86_64, aarch64, riscv64, riscv32, loongarch64
define i64 @f() {
  %v = load i64, ptr addrspace(300) @hits
  ret i64 %v
}
; SPDX-License-Identifier: BSD-2-Clause
