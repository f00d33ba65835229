; RUN: %opt -S %s -o %t.before.ll
; RUN: %percpu_opt -S %s -o %t.after.ll
; RUN: diff %t.before.ll %t.after.ll
; Verify that a module with nothing per-CPU in it comes out of the pass unchanged, even with other address spaces and atomics around.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global i64 0
@gs = addrspace(256) global i64 0

define i64 @f(ptr addrspace(256) %p) {
  %a = load i64, ptr addrspace(256) %p
  %b = atomicrmw add ptr @g, i64 1 seq_cst
  %c = add i64 %a, %b
  ret i64 %c
}
; SPDX-License-Identifier: BSD-2-Clause
