; RUN: not %percpu_opt -S %s -o /dev/null 2>&1 | FileCheck %s
; Verify that per-CPU variables on an architecture without a lowering are an error, with a note that names the supported architectures.
; RUN: not %percpu_clang --target=powerpc64le-unknown-linux-gnu -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,NOTE

target triple = "powerpc64le-unknown-linux-gnu"

@hits = addrspace(300) global i64 0

; CHECK: error: per-CPU variables are not supported on target 'powerpc64le-unknown-linux-gnu'{{$}}
; opt stops at the first error, before the note.
; NOTE-NEXT: note: supported architectures: x86_64, aarch64, riscv64, riscv32, loongarch64
define i64 @f() {
  %v = load i64, ptr addrspace(300) @hits
  ret i64 %v
}
; SPDX-License-Identifier: BSD-2-Clause
