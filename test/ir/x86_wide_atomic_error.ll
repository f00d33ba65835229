; RUN: not %percpu_opt -S %s -o /dev/null 2>&1 | FileCheck %s
; Verify that an atomic the x86_64 lowering has no single instruction for (16 bytes) is an error at the access, not a silent LOCKed fallback, and that the pass goes on to the next access.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@wide = addrspace(300) global i128 0, align 16

; CHECK: error: {{.*}}in function wide_add {{.*}}: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target{{$}}
; CHECK-NOT: error
define i128 @wide_add(i128 %n) {
  %old = atomicrmw add ptr addrspace(300) @wide, i128 %n monotonic
  %v = load i128, ptr addrspace(300) @wide
  ret i128 %v
}
; SPDX-License-Identifier: BSD-2-Clause
